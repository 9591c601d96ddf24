"""Other clinics' patients' questions as a second reading (conversations/faq/common.py)."""

import runpy
from pathlib import Path

import pytest

from conversations.faq.common import PATH, canonical, common_questions
from conversations.faq.eval.report import demo_index
from conversations.faq.retrieval import FaqDoc, FaqIndex

pytestmark = pytest.mark.sqlite
ROOT = Path(__file__).resolve().parents[2]

PARKING = FaqDoc(
    1, "parking", 1, {"en": ["Is there parking near you?"]}, {"en": "A garage next door to the clinic."}
)
VIDEO = FaqDoc(2, "telehealth", 1, {"en": ["Do you offer telehealth?"]}, {"en": "Yes, by video."})
COMMON = [
    ("parking", "driving in from the north, is there anywhere to leave the car near you"),
    ("telehealth", "can I see the doctor over zoom instead of going in"),
    ("", "can I come by bike and lock it somewhere"),  # a topic this clinic has no entry on
]


def test_the_file_holds_what_the_labelled_sets_say():
    script = runpy.run_path(str(ROOT / "scripts" / "faq_common_questions.py"), run_name="check")
    assert PATH.read_text(encoding="utf-8") == script["render"](), "run scripts/faq_common_questions.py"


def test_an_entry_takes_its_topics_questions_under_any_of_its_names():
    pairs = common_questions(["telehealth", "parking"])
    assert canonical("video_consultation") == canonical("telehealth") == "telemedicine"
    assert {topic for topic, _ in pairs} == {"telehealth", "parking", ""}
    assert any(topic == "telehealth" and "video" in text.lower() for topic, text in pairs)


def test_a_source_left_out_gives_none_of_its_questions():
    everything = common_questions(["parking"])
    without_set8 = common_questions(["parking"], exclude=("set8",))
    assert 0 < len(without_set8) < len(everything)


def test_an_unsure_entry_answers_when_the_most_alike_common_question_is_about_it():
    text = "driving in from Braga, anywhere to leave the car near you?"
    alone = FaqIndex([PARKING, VIDEO]).search(text)
    helped = FaqIndex([PARKING, VIDEO], COMMON).search(text)
    assert alone.doc.topic == helped.doc.topic == "parking"
    assert not alone.confident
    assert helped.confident
    assert helped.neighbour == "parking"


def test_a_question_most_like_one_on_a_topic_the_clinic_lacks_stays_unanswered():
    match = FaqIndex([PARKING, VIDEO], COMMON).search("can I come by bike? is there somewhere to lock it")
    assert match.neighbour == ""
    assert not match.confident


def test_a_near_tie_goes_to_the_runner_up_the_common_questions_name():
    """Blind set 5's clinic, scored without its own patients' questions: lexical retrieval
    puts the address first for a parking question; the most alike common question is about
    parking, and so is the answer."""
    index = demo_index(ROOT / "tests" / "blind" / "set5" / "clinic.yaml", exclude=("set5",))
    text = "hay parking cerca del centro de chamberí o mejor voy en metro"
    assert index.ranked(text)[0][2].topic == "address"
    match = index.search(text)
    assert (match.doc.topic, match.neighbour, match.confident) == ("parking", "parking", True)
    assert match.runner_up_topic == "address"
