"""The content admins' unanswered questions (htmx; every action is also a plain form): each
question becomes a variant of an entry, the start of a new entry, or is dismissed. All three
write drafts only (conversations.faq.services); approval stays on the entry's preview."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from clinicbot.access import access_content
from clinicbot.staff import staff_page
from conversations.faq import selectors, services
from conversations.faq.retrieval import FaqIndex
from conversations.models import FaqEntry, Language, UnansweredQuestion

TEMPLATE = "conversations/staff/unanswered.html"


@require_GET
@staff_page(access_content)
def unanswered_list(request: HttpRequest) -> HttpResponse:
    handled = request.GET.get("status") == "handled"
    language = request.GET.get("language", "") if request.GET.get("language") in Language.values else ""
    questions = selectors.unanswered_question_list(resolved=handled, language=language)
    page = Paginator(questions, 25).get_page(request.GET.get("page"))
    entries, index = list(selectors.faq_entry_choices()), selectors.faq_index_get()
    done = request.GET.get("done", "")
    context = {
        "page": page,
        "rows": [_row(question, entries, index) for question in page],
        "handled": handled,
        "language": language,
        "languages": Language.choices,
        "done": UnansweredQuestion.objects.filter(pk=done, resolved=True).first() if done.isdigit() else None,
    }
    return render(request, f"{TEMPLATE}#questions" if request.htmx else TEMPLATE, context)


def _row(question: UnansweredQuestion, entries: list[FaqEntry], index: FaqIndex, **extra) -> dict:
    candidates = [] if question.resolved else selectors.faq_entry_candidates(text=question.text, index=index)
    suggested = {doc.entry_id for doc, _ in candidates}
    return {
        "question": question,
        "candidates": candidates,
        "others": [e for e in entries if e.pk not in suggested],
        "languages": Language.choices,
        **extra,
    }


@require_POST
@staff_page(access_content)
def unanswered_add_variant(request: HttpRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(UnansweredQuestion, pk=question_id)
    entry_id = request.POST.get("entry", "")
    return _act(
        request,
        question,
        lambda: services.unanswered_question_add_variant(
            question_id=question.pk,
            entry_id=int(entry_id) if entry_id.isdigit() else 0,
            text=request.POST.get("text", ""),
            language=request.POST.get("language", ""),
            user=request.user,
        ),
    )


@require_POST
@staff_page(access_content)
def unanswered_start_entry(request: HttpRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(UnansweredQuestion, pk=question_id)
    return _act(
        request,
        question,
        lambda: services.unanswered_question_start_entry(
            question_id=question.pk,
            topic=request.POST.get("topic", ""),
            text=request.POST.get("text", ""),
            answer=request.POST.get("answer", ""),
            language=request.POST.get("language", ""),
            user=request.user,
        ),
    )


@require_POST
@staff_page(access_content)
def unanswered_dismiss(request: HttpRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(UnansweredQuestion, pk=question_id)
    return _act(
        request,
        question,
        lambda: services.unanswered_question_dismiss(question_id=question.pk, user=request.user),
    )


def _act(request: HttpRequest, question: UnansweredQuestion, action) -> HttpResponse:
    """Run one action; htmx gets the question's card back (handled, or with the error),
    a plain form the list again (with the outcome, or the error as a message)."""
    error, status = "", 200
    try:
        action()
    except services.QuestionAlreadyHandled:
        error, status = "Someone already handled this question.", 409
    except FaqEntry.DoesNotExist:
        error, status = "Choose an entry that is not retired.", 400
    except ValidationError as exc:
        error, status = " ".join(exc.messages), 400
    question.refresh_from_db()
    if not request.htmx:
        if error:
            messages.error(request, error)
            return redirect("staff_unanswered")
        return redirect(f"{reverse('staff_unanswered')}?done={question.pk}")
    entries, index = list(selectors.faq_entry_choices()), selectors.faq_index_get()
    context = _row(question, entries, index, error=error, form=request.POST)
    return render(request, f"{TEMPLATE}#question", context, status=status)
