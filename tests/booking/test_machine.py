"""The booking transition function on plain data: its invariants and the repairs the
scripted conversations needed."""

from datetime import date, datetime, time, timedelta
from itertools import product
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booking import machine as m

pytestmark = pytest.mark.sqlite
ZONE = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZONE)
ANA, CARLOS = 1, 2


def world(**changes) -> m.World:
    base = m.World(
        now=NOW,
        language="en",
        clinic_name="Clínica Vista",
        practitioners={
            ANA: m.PractitionerView(ANA, "Dra. Ana Souza", ("new", "checkup"), ("general practice",)),
            CARLOS: m.PractitionerView(CARLOS, "Dr. Carlos Mendes", ("new",), ("cardiology",)),
        },
        types={"new": {"en": "New patient consultation"}, "checkup": {"en": "Annual check-up"}},
        locations={1: "Centro"},
        known_patient=(7, "Emily Carter"),
    )
    return m.World(**{**base.__dict__, **changes})


def slot(day: int, hour: int, minute: int = 0, who: int = ANA) -> m.Slot:
    start = datetime(2026, 11, day, hour, minute, tzinfo=ZONE)
    return m.Slot(start, start + timedelta(minutes=30), who, 1)


OFFERED = (slot(27, 9), slot(27, 9, 30), slot(27, 10))


def selecting(**data) -> m.Session:
    """A session offering OFFERED, built from its stored form (BookingSession.data)."""
    stored = {
        "type": "checkup",
        "who": [ANA],
        "when": {"from": "2026-11-27", "to": "2026-11-27", "window": None, "prefer": None},
        "offered": [s.to_json() for s in OFFERED],
        "asked": "option",
        "offset": 0,
    }
    return m.Session.from_json(stored | data, flow="book", state="AVAILABILITY_SELECTION", patient_id=7)


def confirming() -> m.Session:
    session = selecting(chosen=OFFERED[0].to_json(), asked="confirm")
    return session.with_(state=m.State.CONFIRM, hold_id=40)


def effects_of(step: m.Step, kind: type) -> list:
    return [e for e in step.effects if isinstance(e, kind)]


# ---- invariants ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (a, b)
        for a, b in product(m.ACTIVE + m.TERMINAL, repeat=2)
        if a != b and a in m.ACTIVE and b not in m.ALLOWED[a]
    ],
)
def test_every_jump_outside_allowed_raises(before, after):
    machine = m.Machine(m.Session(flow=m.Flow.BOOK, state=before), world())

    with pytest.raises(m.IllegalTransition):
        machine.go(after)


@pytest.mark.parametrize("state", m.TERMINAL)
@pytest.mark.parametrize(
    "event",
    [
        m.Signal(intent="book"),
        m.SlotsFound((slot(27, 9),)),
        m.HoldFailed(),
        m.Done(1),
        m.ChangeFailed("taken"),
    ],
)
def test_a_terminal_state_accepts_no_event(state, event):
    with pytest.raises(m.IllegalTransition):
        m.transition(m.Session(flow=m.Flow.BOOK, state=state), event, world())


SIGNALS = st.builds(
    m.Signal,
    intent=st.sampled_from(
        ["book", "availability", "affirm", "deny", "choose_option", "give_info", "unknown", "human"]
    ),
    option=st.none() | st.integers(1, 5),
    yes_no=st.none() | st.booleans(),
    day_from=st.none() | st.dates(date(2026, 11, 20), date(2026, 12, 10)),
    practitioner_ids=st.sampled_from([(), (ANA,), (CARLOS,)]),
    type_code=st.sampled_from([None, "new", "checkup", "follow_up"]),
    full_name=st.sampled_from([None, "Peter Brown"]),
    date_of_birth=st.sampled_from([None, date(1980, 1, 2)]),
    past=st.booleans(),
    commands=st.sets(st.sampled_from(["reset", "more", "later", "earlier", "any", "refuse"])).map(frozenset),
)


def results_of(effects, *, found: bool, taken: bool) -> list[m.Event]:
    """What the executor would answer to each effect (the scheduling services, simulated)."""
    events: list[m.Event] = []
    for effect in effects:
        match effect:
            case m.FindSlots():
                events.append(m.SlotsFound(OFFERED if found else ()))
            case m.Hold():
                events.append(m.HoldFailed() if taken else m.HoldPlaced(40, effect.slot))
            case m.Cancel():
                events.append(m.Done(effect.appointment_id))  # the cancelled appointment itself
            case m.Book() | m.Reschedule():
                events.append(m.ChangeFailed("taken") if taken else m.Done(9))
            case m.CreatePatient():
                events.append(m.PatientCreated(8, effect.name))
    return events


@settings(max_examples=300, deadline=None)
@given(
    flow=st.sampled_from(["book", "reschedule", "cancel"]),
    known=st.booleans(),
    messages=st.lists(st.tuples(SIGNALS, st.booleans(), st.booleans()), min_size=1, max_size=10),
)
def test_every_transition_the_machine_makes_is_allowed(flow, known, messages):
    hops: list[tuple[str, str]] = []

    def recording(self, state, reason=""):
        if state != self.s.state:
            hops.append((self.s.state, state))
        ORIGINAL_GO(self, state, reason)

    with patch.object(m.Machine, "go", recording):
        run_conversation(flow, known, messages, hops)


ORIGINAL_GO = m.Machine.go


def run_conversation(flow, known, messages, hops) -> None:
    upcoming = (m.AppointmentView(5, datetime(2026, 12, 4, 9, 0, tzinfo=ZONE), ANA, 1, "checkup"),)
    w = world(known_patient=(7, "Emily Carter") if known else None, upcoming=upcoming if known else ())
    session = m.Session(flow=m.Flow(flow))
    for signal, found, taken in messages:
        pending: list[m.Event] = [signal]
        rounds = 0
        while pending and session.state not in m.TERMINAL and rounds < 12:
            rounds += 1
            hops.clear()
            step = m.transition(session, pending.pop(0), w)
            assert all(after in m.ALLOWED[before] for before, after in hops)
            # No state change bypasses the checked hop: the hops lead from the old state to the new.
            assert (hops[-1][1] if hops else session.state) == step.session.state
            session = step.session
            pending += results_of(step.effects, found=found, taken=taken)
        if session.state in m.TERMINAL:
            break


# ---- repairs the scripted conversations needed ----------------------------------------------------


def test_more_options_typed_pages_on_instead_of_repeating_the_first_page():
    step = m.transition(selecting(), m.Signal(intent="unknown", commands=frozenset({"more"})), world())

    (find,) = effects_of(step, m.FindSlots)
    assert find.offset == m.PAGE


def test_more_options_while_confirming_releases_the_hold_and_pages_on():
    step = m.transition(confirming(), m.Signal(intent="unknown", commands=frozenset({"more"})), world())

    assert effects_of(step, m.Release) == [m.Release(40)]
    assert effects_of(step, m.FindSlots)[0].offset == m.PAGE


def _morning_wish_again() -> m.Signal:
    morning = (time(8), time(12))
    return m.Signal(
        intent="give_info", day_from=date(2026, 11, 27), day_to=date(2026, 11, 27), window=morning
    )


def test_the_wish_said_again_over_its_own_times_pages_on():
    """ "In the morning, before 11" once more, over the times offered for it: none of these
    suit, so the next ones, not "reply with a number"."""
    wish = {
        "from": "2026-11-27",
        "to": "2026-11-27",
        "window": ["08:00", "12:00"],
        "prefer": "2026-11-27T08:00:00-03:00",
    }
    step = m.transition(selecting(when=wish), _morning_wish_again(), world())

    (find,) = effects_of(step, m.FindSlots)
    assert find.offset == m.PAGE
    assert step.session.misunderstood == 0


def test_the_wish_said_again_over_alternatives_is_asked_again_not_paged_through():
    """Nothing met the wish; insisting on it pages through no alternatives (that never ends):
    the question is asked again, and after two tries the chat goes to staff."""
    wish = {
        "from": "2026-11-27",
        "to": "2026-11-27",
        "window": ["08:00", "12:00"],
        "prefer": "2026-11-27T08:00:00-03:00",
    }
    step = m.transition(selecting(when=wish, alternatives=True), _morning_wish_again(), world())

    assert not effects_of(step, m.FindSlots)
    assert step.session.misunderstood == 1


def test_a_refused_request_before_anything_was_gathered_ends_the_session_with_one_reply():
    step = m.transition(
        m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", commands=frozenset({"refuse"})), world()
    )

    assert step.session.state == m.State.RESET
    assert [r.text for r in step.replies] == [m.say("refused")]
    assert step.effects == ()


def test_a_known_number_choosing_from_an_availability_answer_is_not_asked_for_a_name():
    session = selecting(availability_first=True)
    session = session.with_(patient_id=None)

    step = m.transition(session, m.Signal(intent="choose_option", option=2), world())

    assert effects_of(step, m.Hold) == [m.Hold(OFFERED[1], "checkup", None)]
    assert step.session.patient_id == 7


def test_no_with_a_new_day_while_confirming_searches_that_day_instead_of_declining():
    step = m.transition(
        confirming(),
        m.Signal(intent="deny", yes_no=False, day_from=date(2026, 11, 25), day_to=date(2026, 11, 25)),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert find.day_from == date(2026, 11, 25)
    assert effects_of(step, m.Release) == [m.Release(40)]


def test_a_plain_no_while_confirming_still_declines():
    step = m.transition(confirming(), m.Signal(intent="deny", yes_no=False), world())

    assert step.session.asked == m.Asked.WHEN
    assert not effects_of(step, m.FindSlots)


def test_make_it_later_searches_after_the_first_offered_time():
    step = m.transition(selecting(), m.Signal(intent="unknown", commands=frozenset({"later"})), world())

    (find,) = effects_of(step, m.FindSlots)
    assert find.window == (time(10, 0), time(23, 59))


def test_a_time_naming_an_offered_slot_chooses_it():
    step = m.transition(selecting(), m.Signal(intent="choose_option", option_time=time(9, 30)), world())

    assert effects_of(step, m.Hold) == [m.Hold(OFFERED[1], "checkup", None)]


def test_a_time_that_was_not_offered_searches_around_it_on_the_offered_day():
    step = m.transition(selecting(), m.Signal(intent="choose_option", option_time=time(11, 0)), world())

    (find,) = effects_of(step, m.FindSlots)
    assert (find.day_from, find.window) == (date(2026, 11, 27), (time(11, 0), time(12, 0)))
    assert not effects_of(step, m.Hold)


def test_a_new_day_keeps_the_time_of_day_already_asked_for():
    afternoon = {"from": "2026-11-23", "to": "2026-11-23", "window": ["12:00", "18:00"], "prefer": None}
    step = m.transition(
        selecting(when=afternoon),
        m.Signal(intent="give_info", day_from=date(2026, 11, 25), day_to=date(2026, 11, 25)),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert (find.day_from, find.window) == (date(2026, 11, 25), (time(12, 0), time(18, 0)))


def test_a_past_time_is_refused_but_the_practitioner_asked_for_is_kept():
    step = m.transition(
        m.Session(flow=m.Flow.BOOK),
        m.Signal(intent="book", practitioner_ids=(CARLOS,), day_from=date(2026, 11, 22), past=True),
        world(),
    )

    assert step.replies[0].text == m.say("past_refused")
    assert step.session.who == (CARLOS,) and step.session.when is None
    assert step.effects == ()


HELENA = 3


def test_the_other_doctor_searches_colleagues_offering_the_type_when_no_specialty_was_asked():
    w = world(
        practitioners={
            **world().practitioners,
            HELENA: m.PractitionerView(HELENA, "Dra. Helena Prado", ("new", "checkup"), ("gynecology",)),
        }
    )
    session = selecting(who=None)
    step = m.transition(session, m.Signal(intent="deny", commands=frozenset({"other"})), w)

    (find,) = effects_of(step, m.FindSlots)
    assert find.practitioner_ids == (HELENA,)  # Carlos offers no check-up
    assert find.day_from == date(2026, 11, 27)


def test_the_other_doctor_stays_within_the_specialty_and_says_so_when_there_is_none():
    step = m.transition(confirming(), m.Signal(intent="deny", commands=frozenset({"other"})), world())

    assert not effects_of(step, m.FindSlots)
    assert step.replies[0].text == m.say("no_other_practitioner")
    assert step.session.state == m.State.CONFIRM


def availability_question() -> m.Session:
    return m.Session(flow=m.Flow.BOOK, availability_first=True, when=m.When(anytime=True))


def test_an_availability_question_is_answered_with_slots_before_asking_the_kind_of_visit():
    step = m.transition(
        availability_question(), m.Signal(intent="availability", practitioner_ids=(ANA,)), world()
    )

    (find,) = effects_of(step, m.FindSlots)
    assert find.practitioner_ids == (ANA,) and find.type_code is None
    assert step.replies == ()


def test_picking_from_an_availability_answer_asks_the_kind_of_visit_then_holds_the_pick():
    session = selecting(availability_first=True, type=None)
    session = session.with_(patient_id=None)

    asked = m.transition(session, m.Signal(intent="choose_option", option=2), world())
    assert asked.session.asked == m.Asked.TYPE and not effects_of(asked, m.Hold)

    held = m.transition(asked.session, m.Signal(intent="choose_option", option=2), world())
    assert effects_of(held, m.Hold) == [m.Hold(OFFERED[1], "checkup", None)]


def test_a_new_wish_while_the_kind_of_visit_is_asked_drops_the_waiting_pick():
    session = selecting(availability_first=True, type=None)
    asked = m.transition(session, m.Signal(intent="choose_option", option=2), world())

    step = m.transition(
        asked.session,
        m.Signal(intent="give_info", day_from=date(2026, 11, 30), day_to=date(2026, 11, 30)),
        world(),
    )

    assert not effects_of(step, m.Hold)
    assert step.session.pick_waiting is False


def test_a_pick_made_before_identifying_is_never_held_for_nobody():
    # An availability answer was picked, then the date of birth was refused and the patient
    # gave a day instead: the bot still needs to know who the patient is before holding.
    session = selecting(availability_first=True, chosen=OFFERED[0].to_json(), asked="when", name="Kevin Osei")
    session = session.with_(state=m.State.IDENTIFY, patient_id=None)

    step = m.transition(
        session,
        m.Signal(intent="give_info", day_from=date(2026, 11, 24), day_to=date(2026, 11, 24)),
        world(known_patient=None),
    )

    assert not effects_of(step, m.Hold)
    assert step.session.asked == m.Asked.DATE_OF_BIRTH


def _at(hour: int, minute: int = 0, day: int = 27) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


@pytest.mark.parametrize(
    "signal",
    [
        # "9:30 works": a bare time resolves to the next 9:30, not the offered day.
        m.Signal(
            intent="give_info",
            day_from=date(2026, 11, 24),
            prefer=_at(9, 30, 24),
            window=(time(9, 30), time(10, 30)),
        ),
        # "ok friday at 9:30"
        m.Signal(
            intent="book",
            day_from=date(2026, 11, 27),
            day_named=True,
            prefer=_at(9, 30),
            window=(time(9, 30), time(10, 30)),
        ),
        # "the 9:30 one" read as a time of an option
        m.Signal(intent="choose_option", option_time=time(9, 30)),
    ],
)
def test_a_time_from_the_offered_list_picks_it_rather_than_searching_again(signal):
    step = m.transition(selecting(), signal, world())

    assert effects_of(step, m.Hold) == [m.Hold(OFFERED[1], "checkup", None)]
    assert not effects_of(step, m.FindSlots)


def test_an_afternoon_time_said_on_a_twelve_hour_clock_picks_the_offered_one():
    offered = (slot(27, 13), slot(27, 13, 30))
    session = selecting(offered=[s.to_json() for s in offered])
    one_thirty = m.Signal(intent="give_info", prefer=_at(1, 30, 24), window=(time(1, 30), time(2, 30)))

    step = m.transition(session, one_thirty, world())

    assert effects_of(step, m.Hold) == [m.Hold(offered[1], "checkup", None)]


@pytest.mark.parametrize(
    "signal",
    [
        # "after 9:30" is a bound, not a pick.
        m.Signal(
            intent="give_info",
            day_from=date(2026, 11, 27),
            prefer=_at(9, 30),
            window=(time(9, 30), time(23, 59, 59)),
        ),
        # "tuesday at 9:30": the offered 9:30 is on Friday.
        m.Signal(
            intent="give_info",
            day_from=date(2026, 12, 1),
            day_named=True,
            prefer=_at(9, 30, 1).replace(month=12),
            window=(time(9, 30), time(10, 30)),
        ),
    ],
)
def test_a_bound_or_another_day_is_a_new_wish_not_a_pick(signal):
    step = m.transition(selecting(), signal, world())

    assert not effects_of(step, m.Hold)
    assert effects_of(step, m.FindSlots)


def test_a_corrected_name_while_the_date_of_birth_is_asked_replaces_the_first_one():
    session = m.Session(
        flow=m.Flow.BOOK, state=m.State.IDENTIFY, asked=m.Asked.DATE_OF_BIRTH, name="Jon Park"
    )

    step = m.transition(
        session, m.Signal(intent="give_info", full_name="John Park"), world(known_patient=None)
    )

    assert step.session.name == "John Park"
    # Said as a correction, so the date asked again is no repeat of the question before.
    assert [r.text for r in step.replies] == [
        m.say("name_updated", name="John Park"),
        m.say("ask_dob", name="John"),
    ]


def test_a_past_date_while_the_date_of_birth_is_asked_is_not_refused_as_a_past_wish():
    session = m.Session(
        flow=m.Flow.BOOK, state=m.State.IDENTIFY, asked=m.Asked.DATE_OF_BIRTH, name="Daniel Brooks"
    )

    step = m.transition(
        session, m.Signal(intent="give_info", day_from=date(1988, 4, 9), past=True), world(known_patient=None)
    )

    assert step.replies[0].text.key == "dob_invalid"
    assert step.session.asked == m.Asked.DATE_OF_BIRTH


def test_a_booking_past_the_clinics_cap_says_why_and_goes_to_staff():
    step = m.transition(confirming(), m.ChangeFailed("upcoming_limit"), world())

    assert step.session.state == m.State.ESCALATED
    assert step.replies[0].text.key == "upcoming_limit"
    assert [e.reason for e in effects_of(step, m.Escalate)] == ["upcoming_limit"]
    assert effects_of(step, m.Release) == [m.Release(40)]


def test_the_same_question_gets_a_hint_the_second_time_and_goes_to_staff_the_third():
    asked = (m.Reply(m.say("ask_when")),)
    session = m.Session(flow=m.Flow.BOOK, state=m.State.PREFERENCES, asked=m.Asked.WHEN)

    first, replies, _ = m.repeat_guard(session, asked)
    second, replies2, none = m.repeat_guard(first, asked)
    third, replies3, escalation = m.repeat_guard(second, asked)

    assert replies == asked
    assert none is None and [r.text.key for r in replies2] == ["stuck_hint", "ask_when"]
    assert third.state == m.State.ESCALATED
    assert [r.text.key for r in replies3] == ["handoff"]
    assert escalation.reason == "repeated_question"


def test_a_different_question_in_between_starts_the_count_again():
    session = m.Session(flow=m.Flow.BOOK, state=m.State.PREFERENCES)
    for replies in [
        (m.Reply(m.say("ask_when")),),
        (m.Reply(m.say("ask_type")),),
        (m.Reply(m.say("ask_when")),),
    ]:
        session, sent, escalation = m.repeat_guard(session, replies)
        assert escalation is None and sent == replies


def test_a_kind_the_wished_specialty_does_not_offer_is_asked_among_its_own():
    """A check-up read as Dra. Ana's annual check-up, for the cardiologist: Dr. Carlos offers
    no such kind, so it is his kind (here his only one) that is booked, never the check-up
    with whoever offers it."""
    step = m.transition(
        m.Session(flow=m.Flow.BOOK, patient_id=7),
        m.Signal(intent="book", specialty="cardiology", type_code="checkup"),
        world(),
    )

    assert step.session.type_code == "new"
    assert step.session.asked == m.Asked.WHEN
    assert not effects_of(step, m.FindSlots)


def test_a_kind_the_wished_specialty_offers_is_kept():
    step = m.transition(
        m.Session(flow=m.Flow.BOOK, patient_id=7),
        m.Signal(intent="book", specialty="general practice", type_code="checkup"),
        world(),
    )

    assert step.session.type_code == "checkup"


def test_a_visit_for_someone_else_from_a_known_number_asks_who_the_patient_is():
    """ "para mi hija martina" from Emily's number is not Emily's visit: the name is asked,
    never booked as the number's own patient."""
    step = m.transition(
        m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", type_code="checkup", for_someone=True), world()
    )

    assert step.session.patient_id is None
    assert step.session.asked is m.Asked.NAME


def test_a_visit_with_no_one_else_named_from_a_known_number_is_its_patients():
    step = m.transition(m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", type_code="checkup"), world())

    assert step.session.patient_id == 7
    assert step.session.asked is not m.Asked.NAME
