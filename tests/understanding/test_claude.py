from datetime import date, datetime

import pytest

from conversations.clinic import understanding_engine
from conversations.understanding import understand
from conversations.understanding.types import Intent

pytestmark = pytest.mark.sqlite


def ask(text, directory, now, **kwargs):
    engine = understanding_engine(policy=kwargs.pop("engine", "claude"))
    return understand(text, directory=directory, now=now, engine=engine, **kwargs)


def test_the_sdk_sends_a_bearer_key_and_a_forced_tool(fake_anthropic, directory, now):
    ask("quero marcar com a doutora", directory, now)
    request = fake_anthropic.requests[-1]
    assert request["headers"]["Authorization"] == "Bearer test"
    assert request["body"]["tool_choice"] == {"type": "tool", "name": "record_understanding"}
    assert request["body"]["model"] == "claude-haiku-4-5-20251001"
    assert "Wednesday 2026-11-18 09:30" in request["body"]["system"]
    assert "1=Dra. Ana Souza" in request["body"]["system"]


def test_the_model_finds_the_expression_and_our_code_resolves_it(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "book",
        "confidence": 0.93,
        "language": "pt-BR",
        "date_time_expression": "quinta que vem às 14h",
        "practitioner_ids": [1],
    }
    result = ask("quero marcar com a doutora quinta que vem às 14h", directory, now)
    assert result.engine == "claude"
    assert result.intent is Intent.BOOK
    assert result.entities.practitioner_ids == [1]
    assert result.entities.when is not None
    assert result.entities.when.start == datetime(2026, 11, 26, 14, tzinfo=now.tzinfo)


def test_token_usage_is_recorded(fake_anthropic, directory, now):
    fake_anthropic.behaviour.usage = {
        "input_tokens": 700,
        "output_tokens": 55,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 120,
    }
    result = ask("hello there", directory, now)
    assert result.usage == {
        "input_tokens": 700,
        "output_tokens": 55,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 120,
    }


def test_an_unknown_practitioner_id_is_dropped_and_noted(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "book",
        "confidence": 0.9,
        "language": "en",
        "practitioner_ids": [1, 99],
    }
    result = ask("book with Ana or Dr. Who", directory, now)
    assert result.entities.practitioner_ids == [1]
    assert "claude.rejected.practitioner_id" in result.rule_ids


def test_an_invented_field_rejects_the_answer_and_falls_back_to_local(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "book",
        "confidence": 0.9,
        "language": "en",
        "slot_id": 12345,
    }
    result = ask("I want to book an appointment", directory, now)
    assert result.engine == "local"
    assert result.fallback_reason == "invalid_output"
    assert result.intent is Intent.BOOK


def test_an_impossible_birth_date_rejects_the_answer(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "give_info",
        "confidence": 0.9,
        "language": "en",
        "date_of_birth": "1985-02-30",
    }
    result = ask("born 30 feb 1985", directory, now, expecting="date_of_birth")
    assert result.fallback_reason == "invalid_output"


def test_a_timeout_falls_back_to_local_and_says_so(fake_anthropic, directory, now, settings):
    settings.NLU_TIMEOUT_SECONDS = 0.2
    fake_anthropic.behaviour.delay_seconds = 1.0
    result = ask("necesito cancelar mi cita", directory, now)
    assert result.engine == "local"
    assert result.fallback_reason == "timeout"
    assert len(fake_anthropic.requests) == 1  # no retry: the timeout is the whole wait
    assert result.intent is Intent.CANCEL
    assert "claude.fallback.timeout" in result.rule_ids


@pytest.mark.parametrize(("status", "reason"), [(500, "http_500"), (429, "http_429"), (401, "http_401")])
def test_http_errors_fall_back_to_local(fake_anthropic, directory, now, status, reason):
    fake_anthropic.behaviour.status = status
    result = ask("can I reschedule?", directory, now)
    assert result.fallback_reason == reason
    assert result.intent is Intent.RESCHEDULE


def test_an_answer_without_a_tool_call_falls_back(fake_anthropic, directory, now):
    fake_anthropic.behaviour.content = [{"type": "text", "text": "I think they want to book."}]
    result = ask("hmm", directory, now)
    assert result.fallback_reason == "invalid_output"


def test_emergency_rules_run_before_the_model_is_asked(fake_anthropic, directory, now):
    result = ask("my father has chest pain and can't breathe", directory, now)
    assert result.intent is Intent.EMERGENCY
    assert fake_anthropic.requests == []


def test_a_model_emergency_flag_escalates_even_if_its_intent_says_book(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "book",
        "confidence": 0.8,
        "language": "en",
        "emergency": True,
    }
    result = ask("my baby looks very strange and floppy", directory, now)
    assert result.intent is Intent.EMERGENCY
    assert "claude.emergency_flag" in result.rule_ids


def test_birth_date_from_the_model_is_validated_and_kept(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {
        "intent": "give_info",
        "confidence": 0.95,
        "language": "es",
        "date_of_birth": "1985-04-15",
    }
    result = ask("nací el quince de abril del 85", directory, now, expecting="date_of_birth")
    assert result.entities.date_of_birth == date(1985, 4, 15)


def test_hybrid_does_not_ask_the_model_when_the_local_engine_is_sure(fake_anthropic, directory, now):
    result = ask("I need to cancel my appointment", directory, now, engine="hybrid")
    assert result.engine == "local"
    assert fake_anthropic.requests == []


def test_hybrid_asks_the_model_when_the_local_engine_is_unsure(fake_anthropic, directory, now):
    fake_anthropic.behaviour.tool_input = {"intent": "faq", "confidence": 0.9, "language": "en"}
    result = ask("is the doc any good with moles", directory, now, engine="hybrid")
    assert result.engine == "claude"
    assert len(fake_anthropic.requests) == 1


@pytest.mark.parametrize(
    ("text", "kwargs"),
    [
        ("2", {"expecting": "option"}),
        ("sí", {"expecting": "yes_no"}),
        ("", {"button_payload": "option_3"}),
    ],
)
def test_buttons_numbers_and_yes_no_never_reach_the_model(fake_anthropic, directory, now, text, kwargs):
    ask(text, directory, now, **kwargs)
    assert fake_anthropic.requests == []


def test_without_a_key_the_claude_policy_stays_local(settings, directory, now):
    settings.ANTHROPIC_API_KEY = ""
    result = ask("is the doc any good with moles", directory, now)
    assert result.engine == "local"


def test_a_naive_clock_is_read_in_the_clinics_zone_for_the_prompt(fake_anthropic, directory):
    understand(
        "hmm",
        directory=directory,
        now=datetime(2026, 11, 18, 9, 30),
        engine=understanding_engine(policy="claude"),
    )
    assert "Wednesday 2026-11-18 09:30 (America/Sao_Paulo)" in fake_anthropic.requests[-1]["body"]["system"]
