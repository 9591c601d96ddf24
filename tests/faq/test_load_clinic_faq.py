from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from conversations.faq.answering import faq_respond
from conversations.models import FaqEntry, FaqVersion
from scheduling.models import Clinic
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import EXAMPLE, PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def load(data: dict, tmp_path) -> str:
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = StringIO()
    call_command("load_clinic", str(path), stdout=out)
    return out.getvalue()


def test_the_example_file_loads_a_dozen_approved_entries_in_three_languages():
    out = StringIO()
    call_command("load_clinic", str(EXAMPLE), stdout=out)
    assert FaqEntry.objects.filter(status=FaqEntry.Status.APPROVED).count() == 12
    for entry in FaqEntry.objects.select_related("approved_version"):
        assert set(entry.approved_version.answers) == {"pt-BR", "es", "en"}
        assert entry.approved_version.approved_by_label == "clinic file"
    assert "12 faq created" in out.getvalue()


def test_loading_the_same_file_again_adds_no_version(tmp_path):
    load(example(), tmp_path)
    out = load(example(), tmp_path)
    assert FaqVersion.objects.count() == 12
    assert "12 faq unchanged" in out


def test_a_changed_answer_in_the_file_becomes_a_new_approved_version(tmp_path):
    data = example()
    load(data, tmp_path)
    data["faq"][2]["answers"]["pt"] = "Não temos estacionamento. Use o metrô."
    load(data, tmp_path)
    entry = FaqEntry.objects.get(topic=data["faq"][2]["topic"])
    assert entry.approved_version.number == 2
    assert entry.approved_version.changes == ["answers.pt-BR"]
    response = faq_respond(
        text="tem estacionamento?",
        language="pt-BR",
        conversation_id=ConversationFactory().pk,
        clinic_phone=PHONE,
    )
    assert response.text == "Não temos estacionamento. Use o metrô."


def test_a_missing_answer_is_reported_by_its_place_and_nothing_is_loaded(tmp_path):
    data = example()
    del data["faq"][3]["answers"]["es"]
    with pytest.raises(CommandError, match=r"faq\[3\]\.answers\.es: missing"):
        load(data, tmp_path)
    assert not Clinic.objects.exists()
    assert not FaqEntry.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["faq"][0].update(topic="Fees!"), r"faq\[0\]\.topic: \"Fees!\" is not a code"),
        (
            lambda d: d["faq"][1].update(topic=d["faq"][0]["topic"]),
            r"faq\[1\]\.topic: \"fees\" is used twice",
        ),
        (
            lambda d: d["faq"][0]["questions"].update(en=[]),
            r"faq\[0\]\.questions\.en: must be a non-empty list",
        ),
        (
            lambda d: d["faq"][0]["answers"].update(fr="Bonjour"),
            r"faq\[0\]\.answers\.fr: \"fr\" is not a supported",
        ),
        (lambda d: d["faq"][0].update(links=["x"]), r"faq\[0\]\.links: unknown key"),
        (lambda d: d.update(faq={"topic": "x"}), r"faq: must be a list"),
    ],
)
def test_faq_problems_name_the_field(tmp_path, change, message):
    data = example()
    change(data)
    with pytest.raises(CommandError, match=message):
        load(data, tmp_path)


def test_a_clinic_file_without_faq_still_loads(tmp_path):
    data = example()
    del data["faq"]
    load(data, tmp_path)
    assert Clinic.objects.exists()
    assert not FaqEntry.objects.exists()
