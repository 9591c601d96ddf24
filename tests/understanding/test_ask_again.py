"""When to ask again: the day a patient's answer to a campaign's "when should we ask you
again?" names, in each language, read against a given today (a Monday, 7 December 2026)."""

from datetime import date

import pytest

from conversations.understanding.dates.ask_again import ask_again_day

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "language, text, day",
    [
        ("en", "in 3 months", date(2027, 3, 7)),
        ("en", "three months", date(2027, 3, 7)),
        ("en", "next month please", date(2027, 1, 7)),
        ("en", "in two weeks", date(2026, 12, 21)),
        ("en", "next year", date(2027, 12, 7)),
        ("en", "March 15", date(2027, 3, 15)),
        ("en", "in march", date(2027, 3, 1)),
        ("es", "el mes que viene", date(2027, 1, 7)),
        ("es", "dentro de 6 meses", date(2027, 6, 7)),
        ("es", "seis meses", date(2027, 6, 7)),
        ("es", "en marzo", date(2027, 3, 1)),
        ("es", "el año que viene", date(2027, 12, 7)),
        ("es", "15/03/2027", date(2027, 3, 15)),
        ("pt-BR", "daqui a duas semanas", date(2026, 12, 21)),
        ("pt-BR", "mês que vem", date(2027, 1, 7)),
        ("pt-BR", "daqui a um mês", date(2027, 1, 7)),
        ("pt-BR", "em março", date(2027, 3, 1)),
        ("pt-BR", "10/01/2027", date(2027, 1, 10)),
        # "A couple of" is two, with or without "in".
        ("en", "a couple of weeks", date(2026, 12, 21)),
        ("en", "maybe in a couple months", date(2027, 2, 7)),
        ("es", "un par de semanas", date(2026, 12, 21)),
        ("pt-BR", "daqui a um par de meses", date(2027, 2, 7)),
    ],
)
def test_the_answer_names_the_day_to_ask_again(language, text, day):
    assert ask_again_day(text, language=language, today=TODAY) == day


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "no thanks"),
        ("en", "you may ask me later"),  # "may" in a sentence is no month
        ("en", "today"),
        ("en", "december"),  # this month: nothing after today it surely means
        ("en", "yesterday"),
        ("es", "más tarde"),
        ("pt-BR", "não sei"),
        ("en", ""),
    ],
)
def test_words_that_name_no_later_day_are_none(language, text):
    assert ask_again_day(text, language=language, today=TODAY) is None


def test_a_month_end_is_clipped():
    assert ask_again_day("next month", language="en", today=date(2027, 1, 31)) == date(2027, 2, 28)
