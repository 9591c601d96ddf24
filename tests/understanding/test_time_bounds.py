"""Time bounds as patients write them (issue 13): after the hour ("10am or later", "de las 5
en adelante", "das 4 em diante"), negated ("not before 3"), over several days ("next week,
no later than 12"); a weekday followed by an article names no day number; a day repaired
while the name is asked is no name."""

from datetime import date, time

import pytest

from conversations.booking_bridge import booking_signal
from conversations.understanding import Expecting, understand

pytestmark = pytest.mark.sqlite
NEXT_MONDAY, NEXT_SUNDAY = date(2026, 11, 23), date(2026, 11, 29)  # now is Wednesday 18 Nov


@pytest.fixture
def signal(directory, now):
    def run(text: str, language: str, expecting=Expecting.DATE):
        result = understand(text, directory=directory, now=now, language_hint=language, expecting=expecting)
        return booking_signal(result, text=text, button="")

    return run


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        ("10am or later", "en", time(10)),
        ("4 onwards", "en", time(16)),
        ("not before 3", "en", time(15)),
        ("de las 5 en adelante", "es", time(17)),
        ("de las 17:00 en adelante", "es", time(17)),
        ("das 4 em diante", "pt-BR", time(16)),
        ("de 5 da tarde pra frente", "pt-BR", time(17)),
        ("a partir das 16h", "pt-BR", time(16)),
    ],
)
def test_a_bound_from_an_hour_searches_from_that_hour_to_the_end_of_the_day(signal, text, language, start):
    window = signal(text, language).window

    assert window is not None and window[0] == start and window[1] >= time(23)


@pytest.mark.parametrize(
    ("text", "language", "end"),
    [
        ("11 or earlier", "en", time(11)),
        ("at 12:00 at the latest", "en", time(12)),
        ("not after 5pm", "en", time(17)),
        ("a las 12 como mucho", "es", time(12)),
        ("no máximo às 11", "pt-BR", time(11)),
        ("não depois das 11", "pt-BR", time(11)),
        ("any time brfore 11:00", "en", time(11)),
        ("eariler than 5pm", "en", time(17)),
    ],
)
def test_a_bound_up_to_an_hour_searches_until_that_hour(signal, text, language, end):
    window = signal(text, language).window

    # Today's window starts now (nothing in the past is offered); it ends at the bound.
    assert window is not None and time(end.hour - 1, 59) <= window[1] < end


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("next week, no later than 12pm", "en"),
        ("any day next week after 10am", "en"),
        ("la semana que viene, hasta las 12 como mucho", "es"),
        ("semana que vem, das 10 em diante", "pt-BR"),
    ],
)
def test_a_bound_with_next_week_holds_on_every_day_of_that_week(signal, text, language):
    s = signal(text, language)

    assert (s.day_from, s.day_to) == (NEXT_MONDAY, NEXT_SUNDAY) and s.window is not None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("para el lunes un dermatólogo", "es"),
        ("segunda uma primeira consulta", "pt-BR"),
        ("next week on Monday, first time visit", "en"),
    ],
)
def test_an_article_after_a_weekday_is_no_day_number(signal, text, language):
    s = signal(text, language, expecting=None)

    assert s.day_from == NEXT_MONDAY


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("actually next week", "en"),
        ("wait, not that day, the 25th", "en"),
        ("actually Thu", "en"),
        ("me equivoqué de día, la próxima semana", "es"),
        ("perdón, la semana que viene", "es"),
        ("mejor méircoles", "es"),
        ("errei o dia, é quinta", "pt-BR"),
        ("actually for toady", "en"),
    ],
)
def test_a_day_repaired_while_the_name_is_asked_is_a_day_not_a_name(signal, text, language):
    s = signal(text, language, expecting=Expecting.NAME)

    assert s.full_name is None and s.day_from is not None


def test_a_day_then_an_hour_onwards_is_that_day_from_that_hour_not_a_range_of_days(signal):
    s = signal("el lunes a partir de las 9 en adelante", "es")

    assert (s.day_from, s.day_to, s.window[0]) == (NEXT_MONDAY, NEXT_MONDAY, time(9))


@pytest.mark.parametrize(
    ("text", "language"), [("Carla Dias", "es"), ("Carla Dias", "pt-BR"), ("Marta Semanas", "es")]
)
def test_a_surname_that_is_also_a_unit_of_time_is_a_name(signal, text, language):
    s = signal(text, language, expecting=Expecting.NAME)
    assert s.full_name == text


@pytest.mark.parametrize(
    ("text", "language", "around"),
    [
        ("de manhã bem cedo, até as 9", "pt-BR", False),
        ("between 9 and 10", "en", False),
        ("de 8 a 9", "es", False),
        ("in the morning", "en", False),
        ("monday at 10", "en", True),
        ("el jueves a las 9", "es", True),
        ("às 15h", "pt-BR", True),
    ],
)
def test_an_hour_said_alone_is_told_apart_from_hours_bounded(signal, text, language, around):
    """An hour-wide window is either "at 10" (a time on that day) or "from 8 to 9" (hours the
    search keeps when the days widen): the signal says which."""
    sig = signal(text, language)

    assert sig.window is not None and sig.window_around is around
