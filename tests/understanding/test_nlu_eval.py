import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conversations.management.commands.nlu_eval import shared_data_root
from conversations.understanding.eval import recognizers
from conversations.understanding.eval.report import Figure

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
    assert shared_data_root() == settings.BASE_DIR.parent / "shared" / "data"


def _row(results, **extra):
    row = {"spec": "DateTimeModel", "dotnet_passes": True, "reference_datetime": "2018-09-28T01:00:00"}
    return row | {"idx": 1, "results": results} | extra


def _result(text, type_name, values):
    return {"Text": text, "TypeName": f"datetimeV2.{type_name}", "Resolution": {"values": values}}


def test_the_recognizers_filter_names_the_rule_that_removes_a_row():
    assert recognizers._case(_row([]), "es") == "not exactly one result (negatives, several spans)"
    assert recognizers._case(_row([], dotnet_passes=False), "es") == ".NET fails upstream"
    duration = _result("dos horas", "duration", [{"value": "7200"}])
    assert recognizers._case(_row([duration]), "es") == "type duration"


def test_only_rows_whose_every_value_is_past_are_read_backwards():
    past = _result("martes el dia 25", "date", [{"timex": "XXXX-09-25", "value": "2018-09-25"}])
    both = _result("martes", "date", [{"value": "2018-09-25"}, {"value": "2018-10-02"}])
    case = recognizers._case(_row([past]), "es")
    assert case.past_only
    assert recognizers.is_correct(case)
    assert not recognizers._case(_row([both]), "es").past_only
