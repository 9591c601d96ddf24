"""Campaigns are clinic-owned like the rest: on PostgreSQL row security hides another clinic's
campaigns and sends from a request's query that forgets its filter, and a send cannot name
another clinic's patient (the composite key)."""

from datetime import time

import pytest
from django.db import IntegrityError, connection, transaction

from clinicbot.tenancy import clinic_scope
from conversations.models import Campaign, CampaignSend
from scheduling.models import AppointmentType, Patient

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row security is PostgreSQL's")


def campaign_at(clinic) -> Campaign:
    with clinic_scope(clinic.pk):
        return Campaign.objects.create(
            name=f"Recall at {clinic.code}",
            appointment_type=AppointmentType.objects.get(code="checkup"),
            window_start=time(9),
            window_end=time(17),
        )


@on_postgresql
def test_inside_a_clinic_an_unfiltered_query_sees_only_its_campaigns(two_clinics, app_role):
    vista, sol = two_clinics
    campaign_at(vista), campaign_at(sol)

    with clinic_scope(vista.pk), connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT clinic_id FROM conversations_campaign")
        seen = {row[0] for row in cursor.fetchall()}

    assert seen == {vista.pk}


@on_postgresql
def test_a_send_cannot_name_another_clinics_patient(two_clinics):
    vista, sol = two_clinics
    campaign = campaign_at(vista)
    with clinic_scope(sol.pk):
        stranger = Patient.objects.first()

    with pytest.raises(IntegrityError), transaction.atomic():
        CampaignSend.objects.create(clinic=vista, campaign=campaign, patient=stranger, status="sent")
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.mark.sqlite
def test_the_scoped_manager_keeps_each_clinics_campaigns_apart(two_clinics):
    vista, sol = two_clinics
    campaign_at(vista), campaign_at(sol)

    with clinic_scope(sol.pk):
        assert list(Campaign.objects.values_list("name", flat=True)) == ["Recall at sol"]


def test_the_send_sweep_runs_each_clinics_campaigns_in_that_clinic(two_clinics, monkeypatch):
    from clinicbot.tenancy import clinic_scoped_id
    from conversations.campaigns import services

    vista, sol = two_clinics
    for clinic in (vista, sol):
        campaign = campaign_at(clinic)
        with clinic_scope(clinic.pk):
            Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.RUNNING)
    scopes = {"batch": [], "booked": []}
    monkeypatch.setattr(
        services, "campaign_send_batch", lambda **kw: scopes["batch"].append(clinic_scoped_id()) or {}
    )
    monkeypatch.setattr(
        services, "campaign_bookings_attribute", lambda **kw: scopes["booked"].append(clinic_scoped_id()) or 0
    )

    services.campaigns_send_due()

    # Each clinic's campaigns and its booking attribution run in that clinic's scope (row
    # security on PostgreSQL), never unscoped across clinics.
    assert sorted(scopes["batch"]) == sorted(scopes["booked"]) == sorted([vista.pk, sol.pk])
