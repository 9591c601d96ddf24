"""What audit's pages show but other apps own, handed to audit by those apps at start-up.

audit imports no other app (DESIGN.md: anyone may call audit, audit calls nobody). Yet the
replay puts a conversation's messages beside the bot's trace events, and the metrics page
shows reply latencies and unanswered questions: facts that conversations owns. So audit
states here what it needs, as plain functions of a fixed shape, and the owner registers
its own functions from its AppConfig.ready() (see conversations/apps.py):

- one conversation header: (conversation_id) -> ConversationHeader, or None if unknown;
- timeline sources, by name: (conversation_id) -> list[TimelineItem];
- metric sources, by one of the names below: (since, until) -> the figure;
- words for codes audit's traces carry (an escalation reason), by kind: {code: words}.

Registering a name again replaces the earlier function. Asking for something nobody
registered raises LookupError: that is a wiring bug, not an empty page.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

# The kinds of a timeline item; at one instant, what arrived comes first, then the bot's
# decisions about it, then staff actions, then what was sent.
KINDS = ("inbound", "trace", "staff", "outbound")

# Metric names audit's pages ask for, and what each source returns.
REPLY_LATENCIES_MS = "reply_latencies_ms"  # list[float]: bot replies, patient's message in to reply out
UNANSWERED_QUESTIONS = "unanswered_questions"  # [(example text, language, count)], most asked first
# Kinds of code a trace payload carries and an owner puts into words.
ESCALATION_REASON = "escalation_reason"


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str  # one of KINDS
    title: str
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ConversationHeader:
    """How the owner presents one conversation on its replay."""

    name: str  # the heading staff recognise it by
    url: str  # the owner's page for it ("Open the chat")
    export: dict  # the "conversation" object of the JSON export, as the owner describes it


class HeaderSource(Protocol):
    def __call__(self, *, conversation_id: int) -> ConversationHeader | None: ...


class TimelineSource(Protocol):
    def __call__(self, *, conversation_id: int) -> list[TimelineItem]: ...


class MetricSource(Protocol):
    def __call__(self, *, since: datetime, until: datetime) -> Any: ...


_header_source: HeaderSource | None = None
_timeline_sources: dict[str, TimelineSource] = {}
_metric_sources: dict[str, MetricSource] = {}
_words: dict[str, dict[str, str]] = {}


def conversation_header_register(*, source: HeaderSource) -> None:
    """Name the function that describes a conversation (one per deployment)."""
    global _header_source
    _header_source = source


def timeline_source_register(*, name: str, source: TimelineSource) -> None:
    """Add a source of replay items; items of every source are merged in time order."""
    _timeline_sources[name] = source


def metric_source_register(*, name: str, source: MetricSource) -> None:
    """Supply the figure audit's metrics page asks for under `name`."""
    _metric_sources[name] = source


def words_register(*, kind: str, words: dict[str, str]) -> None:
    """Say in words the codes of `kind` (e.g. ESCALATION_REASON) that traces carry."""
    _words[kind] = dict(words)


def words_for(*, kind: str, code: str) -> str:
    """The owner's words for a code; a code nobody named reads as a sentence of its parts."""
    return _words.get(kind, {}).get(code) or code.replace("_", " ").capitalize()


def conversation_header(*, conversation_id: int) -> ConversationHeader | None:
    """The owner's description of the conversation; None when it does not exist.
    Raises LookupError when no app registered a header source."""
    if _header_source is None:
        raise LookupError("no app registered a conversation header (audit.registry)")
    return _header_source(conversation_id=conversation_id)


def timeline_items(*, conversation_id: int) -> list[TimelineItem]:
    """Every registered source's items for the conversation, in registration order, unsorted.
    Raises ValueError when a source returns a kind outside KINDS."""
    items = []
    for name, source in _timeline_sources.items():
        for item in source(conversation_id=conversation_id):
            if item.kind not in KINDS:
                raise ValueError(f"timeline source {name!r} gave kind {item.kind!r}; expected one of {KINDS}")
            items.append(item)
    return items


def metric_read(*, name: str, since: datetime, until: datetime) -> Any:
    """The named figure over [since, until), from the app that supplies it.
    Raises LookupError when no app registered `name`."""
    if name not in _metric_sources:
        raise LookupError(f"no app registered the metric {name!r} (audit.registry)")
    return _metric_sources[name](since=since, until=until)
