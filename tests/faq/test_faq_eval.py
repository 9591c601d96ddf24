from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conversations.faq.eval import report
from conversations.faq.eval.report import Figure

pytestmark = pytest.mark.sqlite


def test_the_eval_command_prints_every_figure_and_passes_on_the_demo_content():
    out = StringIO()
    call_command("faq_eval", stdout=out)
    text = out.getvalue()
    assert "right entry when answering" in text
    assert "clinical questions refused" in text


def test_the_eval_command_fails_below_a_threshold(monkeypatch):
    monkeypatch.setattr(
        "conversations.management.commands.faq_eval.figures",
        lambda rows, index, name: [Figure("clinical questions refused", 49, 50, "100%", 1.0)],
    )
    with pytest.raises(CommandError, match="clinical questions refused"):
        call_command("faq_eval", stdout=StringIO())


def test_the_held_out_set_is_big_enough_on_its_own():
    kinds = [row["expect"] for row in report.load(report.SETS["held-out"])]
    assert sum(k not in ("none", "clinical", "billing") for k in kinds) >= 40
    assert kinds.count("none") >= 30
    assert kinds.count("clinical") >= 40
    assert kinds.count("billing") >= 10


def test_the_held_out_set_covers_the_three_languages():
    languages = {row["language"] for row in report.load(report.SETS["held-out"])}
    assert languages == {"en", "es", "pt-BR"}


def test_the_eval_fails_when_a_booking_message_is_refused_as_clinical(monkeypatch):
    monkeypatch.setattr(report, "faq_is_clinical", lambda text: True)
    [alarms] = report.nlu_false_alarms()
    assert not alarms.passed


def test_the_labelled_sets_are_big_enough_for_the_issue():
    rows = [row for paths in report.SETS.values() for row in report.load(paths)]
    kinds = [row["expect"] for row in rows]
    assert sum(k not in ("none", "clinical", "billing") for k in kinds) >= 150
    assert kinds.count("none") >= 100
    assert kinds.count("clinical") >= 50
