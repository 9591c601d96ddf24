"""Readings the generated patients needed (issue 13): names said with their date of birth
or after "a nombre de", names with an apostrophe, children named after "my son's name is",
and a time said alone, which names no day."""

from datetime import date

import pytest

from conversations.understanding import Expecting, understand

pytestmark = pytest.mark.sqlite


@pytest.fixture
def ask(directory, now):
    def run(text: str, **kwargs):
        return understand(text, directory=directory, now=now, **kwargs)

    return run


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        ("Me llamo Joaquín Sánchez nací el 14 de octubre de 81", "Joaquín Sánchez", date(1981, 10, 14)),
        ("Thiago Lima Barros 1989-11-14", "Thiago Lima Barros", date(1989, 11, 14)),
        ("a nombre de Joaquín Sánchez, el 2007-08-09", "Joaquín Sánchez", date(2007, 8, 9)),
    ],
)
def test_a_name_and_a_date_of_birth_in_one_answer_are_both_read(ask, text, name, born):
    entities = ask(text, expecting=Expecting.NAME).entities

    assert (entities.full_name, entities.date_of_birth, entities.when) == (name, born, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It's Grace O'Brien", "Grace O'brien"),
        ("no nome de Beatriz da Silva", "Beatriz da Silva"),
        ("my son's name is Aaron Kim", "Aaron Kim"),
        ("a consulta é do meu filho Gustavo Gonçalves", "Gustavo Gonçalves"),
        ("é pro meu filho, Caio Pereira", "Caio Pereira"),
    ],
)
def test_the_name_is_the_persons_not_the_sentence(ask, text, name):
    assert ask(text, expecting=Expecting.NAME).entities.full_name == name


@pytest.mark.parametrize(
    "text", ["o nome está errado, é Larissa Araújo", "me equivoqué con el nombre, es Paula Peña"]
)
def test_a_name_correction_is_read_while_something_else_is_asked(ask, text):
    assert ask(text, expecting=Expecting.YES_NO).entities.full_name is not None


@pytest.mark.parametrize("text", ["depois das 16h", "por la mañana", "after 4pm"])
def test_a_time_said_alone_names_no_day(ask, text):
    when = ask(text).entities.when

    assert when is not None and not when.day_stated


def test_a_time_with_its_day_names_the_day(ask):
    assert ask("tuesday after 4pm").entities.when.day_stated
