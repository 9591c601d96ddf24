from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations.understanding.dates import resolve

pytestmark = pytest.mark.sqlite

ZONE = "America/Sao_Paulo"
TZ = ZoneInfo(ZONE)
WEDNESDAY = datetime(2026, 11, 18, 9, 30, tzinfo=TZ)


def at(text: str, language: str = "en", now: datetime = WEDNESDAY):
    res = resolve(text, language=language, now=now, zone=ZONE)
    assert res is not None, text
    return res


@pytest.mark.parametrize(
    ("text", "language", "expected_day"),
    [
        ("today", "en", "2026-11-18"),
        ("tomorrow", "en", "2026-11-19"),
        ("day after tomorrow", "en", "2026-11-20"),
        ("hoy", "es", "2026-11-18"),
        ("mañana", "es", "2026-11-19"),
        ("pasado mañana", "es", "2026-11-20"),
        ("hoje", "pt-BR", "2026-11-18"),
        ("amanhã", "pt-BR", "2026-11-19"),
        ("depois de amanhã", "pt-BR", "2026-11-20"),
        ("next Tuesday", "en", "2026-11-24"),
        ("el próximo martes", "es", "2026-11-24"),
        ("quinta que vem", "pt-BR", "2026-11-26"),
        ("na terça", "pt-BR", "2026-11-24"),
        ("the 15th", "en", "2026-12-15"),
        ("el 20", "es", "2026-11-20"),
        ("dia 15", "pt-BR", "2026-12-15"),
        ("15/04", "es", "2027-04-15"),
        ("15 de abril", "es", "2027-04-15"),
        ("April 15", "en", "2027-04-15"),
        ("daqui a duas semanas", "pt-BR", "2026-12-02"),
    ],
)
def test_day_expressions_resolve_to_the_next_such_day(text, language, expected_day):
    assert str(at(text, language).day) == expected_day


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3pm", "en", time(15)),
        ("15:00", "en", time(15)),
        ("15h", "pt-BR", time(15)),
        ("às 9h", "pt-BR", time(9)),
        ("a las 10", "es", time(10)),
        ("4 y media", "es", time(16, 30)),
        ("quarter past 3", "en", time(15, 15)),
        ("noon", "en", time(12)),
        ("meio-dia", "pt-BR", time(12)),
        ("half past 10 in the morning", "en", time(10, 30)),
        ("a las 7 de la tarde", "es", time(19)),
    ],
)
def test_clock_times_are_read_in_24_hours(text, language, expected):
    assert at(text, language).clock_time == expected


def test_manana_por_la_manana_is_tomorrow_morning():
    res = at("mañana por la mañana", "es")
    assert res.start == datetime(2026, 11, 19, 6, tzinfo=TZ)
    assert res.end == datetime(2026, 11, 19, 12, tzinfo=TZ)


def test_a_time_with_a_day_is_one_instant():
    res = at("quinta que vem às 14h", "pt-BR")
    assert res.start == datetime(2026, 11, 26, 14, tzinfo=TZ)


def test_after_five_is_an_open_window_until_the_end_of_the_day():
    res = at("after 5")
    assert res.start == datetime(2026, 11, 18, 17, tzinfo=TZ)
    assert res.end == datetime(2026, 11, 19, tzinfo=TZ)


def test_before_noon_today_starts_now_not_at_midnight():
    res = at("antes del mediodía", "es")
    assert (res.start, res.end) == (WEDNESDAY, datetime(2026, 11, 18, 12, tzinfo=TZ))


def test_next_week_is_monday_to_monday():
    res = at("semana que vem", "pt-BR")
    assert (res.start.date().isoformat(), res.end.date().isoformat()) == (
        "2026-11-23",
        "2026-11-30",
    )


def test_this_week_starts_now():
    assert at("this week").start == WEDNESDAY


def test_the_weekday_of_today_is_ambiguous_between_today_and_next_week():
    res = at("on Wednesday")
    assert res.ambiguous
    assert [r.start.date().isoformat() for r in res.readings] == ["2026-11-18", "2026-11-25"]


def test_next_weekday_said_early_in_the_week_offers_both_readings():
    monday = datetime(2026, 11, 16, 9, tzinfo=TZ)
    res = at("next Wednesday", now=monday)
    assert res.ambiguous
    assert {r.start.date().isoformat() for r in res.readings} == {"2026-11-25", "2026-11-18"}


def test_english_numeric_date_with_two_small_numbers_is_ambiguous():
    res = at("04/05")
    assert res.ambiguous


def test_a_time_already_gone_today_is_flagged_past():
    assert at("today at 9").past


def test_yesterday_is_flagged_past():
    assert at("ayer", "es").past


def test_bare_time_already_gone_means_tomorrow():
    res = at("at 9am")
    assert res.start == datetime(2026, 11, 19, 9, tzinfo=TZ)
    assert not res.past


def test_bare_seven_is_ambiguous_between_morning_and_evening():
    assert at("at 7").ambiguous


def test_text_without_a_date_resolves_to_none():
    assert resolve("quiero una cita", language="es", now=WEDNESDAY, zone=ZONE) is None


def test_a_naive_now_is_read_as_clinic_time():
    res = resolve("tomorrow at 10am", language="en", now=datetime(2026, 11, 18, 23, 30), zone=ZONE)
    assert res is not None
    assert res.start == datetime(2026, 11, 19, 10, tzinfo=TZ)


EXPRESSIONS = [
    "today",
    "tomorrow",
    "next Tuesday",
    "the 15th",
    "dia 3",
    "el 31",
    "15/04",
    "at 7",
    "3pm",
    "this week",
    "semana que vem",
    "after 5",
    "antes del mediodía",
    "à noite",
    "por la tarde",
    "on Friday",
    "quinta que vem",
    "in 2 weeks",
    "noon",
    "4 y media",
    "April 30",
    "29/02",
    "this weekend",
    "in the morning",
    "next 3 days",
    "a las 10",
]


@settings(max_examples=200, deadline=None)
@given(
    expression=st.sampled_from(EXPRESSIONS),
    language=st.sampled_from(["en", "es", "pt-BR"]),
    moment=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)),
)
def test_nothing_resolves_silently_into_the_past(expression, language, moment):
    now = moment.replace(tzinfo=TZ)
    res = resolve(expression, language=language, now=now, zone=ZONE)
    if res is None or res.past:
        return
    assert res.start is not None and res.end is not None
    assert res.start >= now - timedelta(seconds=1)
    for reading in res.readings:
        assert reading.end >= now


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("from Monday to Friday", "en", "2026-11-23", "2026-11-28"),
        ("de 9 a 12 de diciembre", "es", "2026-12-09", "2026-12-13"),
        ("the week of December 10th", "en", "2026-12-07", "2026-12-14"),
        # Jan 1st 2027 is a Friday: that week is mostly December, so week one starts on the 4th.
        ("la primera semana de enero", "es", "2027-01-04", "2027-01-11"),
        ("the last week of july", "en", "2027-07-26", "2027-08-02"),
        ("next 4 business days", "en", "2026-11-19", "2026-11-25"),
        ("next work week", "en", "2026-11-23", "2026-11-28"),
        ("labor day weekend", "en", "2027-09-04", "2027-09-07"),
        ("halloween weekend 2027", "en", "2027-10-30", "2027-11-01"),
        ("26 june to 28 june in 2028", "en", "2028-06-26", "2028-06-29"),
        ("the week after next", "en", "2026-11-30", "2026-12-07"),
        ("for 3 days starting tomorrow", "en", "2026-11-19", "2026-11-22"),
    ],
)
def test_ranges_of_days(text, language, start, end):
    res = at(text, language)
    assert (res.start.date().isoformat(), res.end.date().isoformat()) == (start, end)


@pytest.mark.parametrize(
    ("text", "language", "expected_day"),
    [
        ("3 days after christmas", "en", "2026-12-28"),
        ("pascua", "es", "2027-03-28"),
        ("2 weeks from next monday", "en", "2026-12-07"),
        ("in a fortnight", "en", "2026-12-02"),
    ],
)
def test_days_counted_from_other_days_and_holidays(text, language, expected_day):
    res = resolve(text, language=language, now=WEDNESDAY, zone=ZONE)
    assert (str(res.day) if res else None) == expected_day


def test_end_of_tomorrow_is_its_last_second():
    assert at("end of tomorrow").start == datetime(2026, 11, 19, 23, 59, 59, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "language", "expected_day"),
    [
        ("2027/apr/15", "en", "2027-04-15"),
        ("week 2 of 2027", "en", "2027-01-11"),
        ("2 weeks later", "en", "2026-12-02"),
        ("feb 30", "en", None),
    ],
)
def test_year_first_dates_week_numbers_and_impossible_dates(text, language, expected_day):
    res = resolve(text, language=language, now=WEDNESDAY, zone=ZONE)
    assert (str(res.day) if res else None) == expected_day


def test_minutes_ago_is_flagged_past():
    res = at("hace 30 minutos", "es")
    assert res.past
    assert res.start == WEDNESDAY - timedelta(minutes=30)


@pytest.mark.parametrize(
    ("text", "language", "forward", "backward"),
    [
        ("martes el día 10", "es", "2027-08-10", "2026-11-10"),
        ("terça-feira dia 10", "pt-BR", "2027-08-10", "2026-11-10"),
        ("Monday", "en", "2026-11-23", "2026-11-16"),
        ("the 15th", "en", "2026-12-15", "2026-11-15"),
        ("12 de mayo", "es", "2027-05-12", "2026-05-12"),
        ("5/12", "en", "2027-05-12", "2026-05-12"),
        ("15 april of 87", "en", "1987-04-15", "1987-04-15"),
    ],
)
def test_prefer_past_reads_open_dates_backwards(text, language, forward, backward):
    assert str(at(text, language).day) == forward
    res = resolve(text, language=language, now=WEDNESDAY, zone=ZONE, prefer="past")
    assert str(res.day) == backward


def test_two_digit_years_more_than_ten_years_ahead_are_last_century():
    assert str(at("03/18/40").day) == "1940-03-18"
    assert str(at("03/18/30").day) == "2030-03-18"
    past = resolve("03/18/30", language="en", now=WEDNESDAY, zone=ZONE, prefer="past")
    assert str(past.day) == "1930-03-18"


def test_an_unknown_reading_direction_is_refused():
    with pytest.raises(ValueError, match="prefer"):
        resolve("monday", language="en", now=WEDNESDAY, zone=ZONE, prefer="sideways")


@pytest.mark.parametrize(
    ("text", "language", "expected_day"),
    [
        ("dec31, 2026", "en", "2026-12-31"),
        ("20270302", "en", "2027-03-02"),
        ("2027 3 2", "en", "2027-03-02"),
        ("23 novembro 82", "pt-BR", "1982-11-23"),
        ("2 de outubro de 92", "pt-BR", "1992-10-02"),
        ("9 de 8 de 1971", "pt-BR", "1971-08-09"),
        ("22 do febrero", "es", "2027-02-22"),
        ("dois meses atrás", "pt-BR", "2026-09-18"),
        ("hace 3 días", "es", "2026-11-15"),
        ("2 semanas antes de hoje", "pt-BR", "2026-11-04"),
        ("the day after", "en", "2026-11-19"),
        ("el día siguiente", "es", "2026-11-19"),
        ("the 15th day of next month", "en", "2026-12-15"),
    ],
)
def test_explicit_and_relative_day_forms(text, language, expected_day):
    assert str(at(text, language).day) == expected_day


def test_a_dash_between_two_dates_is_a_range():
    res = at("28/2-1/3", "es")
    assert (str(res.day), str(res.end.date())) == ("2027-02-28", "2027-03-02")


@pytest.mark.parametrize(
    ("text", "language", "expected_day"),
    [
        ("january twenty five nineteen eighty six", "en", "1986-01-25"),
        ("6 april seventeen hundred thirty three", "en", "1733-04-06"),
        ("january first two thousand and thirty two", "en", "2032-01-01"),
        ("diez de octubre de dos mil veintiocho", "es", "2028-10-10"),
        ("veintiocho de marzo de mil novecientos noventa y dos", "es", "1992-03-28"),
        ("september-2028-23", "en", "2028-09-23"),
        ("2028/23/set", "pt-BR", "2028-09-23"),
        ("friday 7.6", "en", "2027-07-06"),
        ("twenty third day of september", "en", "2027-09-23"),
        ("segundo de agosto", "es", "2027-08-02"),
    ],
)
def test_spelled_years_dotted_and_scrambled_dates(text, language, expected_day):
    assert str(at(text, language).day) == expected_day


def test_a_spelled_hour_after_a_month_is_not_a_year():
    res = at("january 5 at seven thirty pm")
    assert (str(res.day), res.clock_time) == ("2027-01-05", time(19, 30))


def test_a_dotted_clock_time_stays_a_time():
    assert at("at 5.30 pm").clock_time == time(17, 30)


def test_a_past_mention_before_the_requested_day_does_not_win():
    res = at("I was seen 2 weeks ago, can I come back next Tuesday?")
    assert (str(res.day), res.past) == ("2026-11-24", False)
    assert at("hace 3 días").past


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("tuesday afternoon", "en", date(2026, 12, 15)),
        ("el martes por la tarde", "es", date(2026, 12, 15)),
        ("Tuesday at 11:30", "en", date(2026, 12, 15)),
        ("terça de manhã", "pt-BR", date(2026, 12, 15)),
        ("tuesday at 8pm", "en", date(2026, 12, 8)),  # still ahead today
    ],
)
def test_a_weekday_said_on_that_weekday_after_its_time_means_the_next_one(text, language, day):
    tuesday_evening = datetime(2026, 12, 8, 19, 30, tzinfo=ZoneInfo("America/Sao_Paulo"))
    res = resolve(text, language=language, now=tuesday_evening, zone="America/Sao_Paulo")
    assert (res.start.date(), res.past) == (day, False)


def test_an_explicit_today_that_has_passed_stays_past():
    tuesday_evening = datetime(2026, 12, 8, 19, 30, tzinfo=ZoneInfo("America/Sao_Paulo"))
    assert resolve("today at 9", language="en", now=tuesday_evening, zone="America/Sao_Paulo").past


def test_rioplatense_a_la_manana_is_the_morning_not_a_range_to_tomorrow():
    friday_evening = datetime(2026, 12, 11, 17, 45, tzinfo=ZoneInfo("America/Sao_Paulo"))
    res = resolve("viernes a la mañana", language="es", now=friday_evening, zone="America/Sao_Paulo")
    assert (res.start, res.granularity) == (
        datetime(2026, 12, 18, 6, tzinfo=ZoneInfo("America/Sao_Paulo")),
        "period",
    )
