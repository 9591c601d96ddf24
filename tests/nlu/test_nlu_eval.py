import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conversations.nlu.eval import report
from conversations.nlu.eval.report import Figure

pytestmark = pytest.mark.sqlite


def test_a_share_above_a_ceiling_fails():
    assert not Figure("false alarms", 0.05, "5/100", "<= 2%", 0.02, higher_is_better=False).passed


def test_a_share_below_a_floor_fails():
    assert not Figure("accuracy", 0.80, "80/100", ">= 95%", 0.95).passed


def test_the_command_fails_when_a_figure_drops_below_its_threshold(monkeypatch, tmp_path):
    (tmp_path / "recognizers_datetime").mkdir()
    monkeypatch.setenv("CLINICBOT_SHARED_DATA", str(tmp_path))
    monkeypatch.setattr(
        "conversations.management.commands.nlu_eval.figures",
        lambda root, **kwargs: [Figure("accuracy", 0.5, "1/2", ">= 95%", 0.95)],
    )
    with pytest.raises(CommandError, match="below threshold: accuracy"):
        call_command("nlu_eval")


def test_the_command_says_where_it_looked_when_the_data_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("CLINICBOT_SHARED_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(CommandError, match="CLINICBOT_SHARED_DATA"):
        call_command("nlu_eval")


def test_the_shared_data_sits_beside_the_repository_by_default(monkeypatch, settings):
    monkeypatch.delenv("CLINICBOT_SHARED_DATA", raising=False)
    assert report.shared_data_root() == settings.BASE_DIR.parent / "shared" / "data"
