"""The operations lead's campaign pages (htmx; every partial is also a plain page): the list,
a campaign's form, its page with the dry run, start and stop, and its figures."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clinicbot import charts
from clinicbot.access import access_campaigns
from clinicbot.staff import staff_page
from conversations.campaigns import selectors, services
from conversations.clinic import clinic_context
from conversations.models import Campaign
from scheduling.models import AppointmentType, Practitioner

PAGE = "conversations/staff/campaign.html"


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "appointment_type",
            "practitioner",
            "months",
            "window_start",
            "window_end",
            "per_hour",
        ]
        widgets = {
            "window_start": forms.TimeInput(attrs={"type": "time"}),
            "window_end": forms.TimeInput(attrs={"type": "time"}),
        }

    def __init__(self, *args, languages: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["appointment_type"].queryset = AppointmentType.objects.filter(active=True)
        self.fields["practitioner"].queryset = Practitioner.objects.filter(active=True)
        self.languages = languages
        for code in languages:
            self.fields[f"template_{code}"] = forms.CharField(
                label=f"Approved template ({code})",
                required=False,
                max_length=64,
                initial=self.instance.templates.get(code, ""),
                help_text="Its id as the channel names it (a Twilio content SID, HX...)",
            )

    def clean(self) -> dict:
        data = super().clean()
        self.instance.templates = {
            c: data[f"template_{c}"].strip() for c in self.languages if data.get(f"template_{c}")
        }
        return data


@require_GET
@staff_page(access_campaigns)
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = [
        (c, selectors.campaign_metrics(campaign=c))
        for c in Campaign.objects.select_related("appointment_type", "practitioner")
    ]
    return render(request, "conversations/staff/campaigns.html", {"campaigns": campaigns})


@require_http_methods(["GET", "POST"])
@staff_page(access_campaigns)
def campaign_edit(request: HttpRequest, campaign_id: int | None = None) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=campaign_id) if campaign_id else Campaign()
    form = CampaignForm(request.POST or None, instance=campaign, languages=clinic_context().languages)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_save(campaign=form.instance, user_id=request.user.pk)
            return redirect("staff_campaign", campaign_id=form.instance.pk)
        except (ValidationError, services.CampaignStateError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
    return render(
        request,
        "conversations/staff/campaign_form.html",
        {"form": form, "campaign": campaign},
        status=400 if form.errors else 200,
    )


@require_GET
@staff_page(access_campaigns)
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    return render(request, PAGE, _context(get_object_or_404(Campaign, pk=campaign_id)))


@require_GET
@staff_page(access_campaigns)
def campaign_dry_run(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Who the campaign would ask now: the count and a sample. Sends nothing."""
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    recipients = selectors.campaign_recipients(campaign=campaign, now=timezone.now())
    dry_run = {"count": len(recipients), "sample": recipients[: selectors.SAMPLE]}
    return render(request, f"{PAGE}#dry-run" if request.htmx else PAGE, _context(campaign, dry_run=dry_run))


@require_POST
@staff_page(access_campaigns)
def campaign_state(request: HttpRequest, campaign_id: int, state: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    error = ""
    try:
        campaign = services.campaign_state_set(campaign_id=campaign.pk, state=state, user_id=request.user.pk)
    except services.CampaignStateError as exc:
        error = str(exc)
    if not request.htmx and not error:
        return redirect("staff_campaign", campaign_id=campaign.pk)
    return render(
        request,
        f"{PAGE}#controls" if request.htmx else PAGE,
        _context(campaign, error=error),
        status=409 if error else 200,
    )


def _context(campaign: Campaign, **extra) -> dict:
    metrics = selectors.campaign_metrics(campaign=campaign)
    return {
        "campaign": campaign,
        "metrics": metrics,
        "chart": charts.funnel(metrics.as_rows()[:5]),
        "sends": selectors.campaign_send_list(campaign=campaign),
        "editable": campaign.state in services.EDITABLE,
        **extra,
    }
