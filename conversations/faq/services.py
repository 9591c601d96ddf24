"""Writes of the FAQ content: versions are created, never edited; approval moves the pointer.

Approval and retirement need the content-admin role (`clinicbot.access.access_content`);
the clinic file is the one other author, recorded by label ("clinic file"). An unanswered
question becomes a draft here too (`unanswered_question_*`), never approved content.
"""

import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone

from audit.services import staff_action_record
from clinicbot.access import access_content
from conversations.faq.selectors import faq_version_latest
from conversations.models import FaqEntry, FaqVersion, Language, UnansweredQuestion
from conversations.understanding.text import fold

LANGUAGES = {lang.value for lang in Language}
CLINIC_FILE = "clinic file"


@dataclass(frozen=True)
class FaqSpec:
    """One entry as written in the clinic file or an admin form."""

    topic: str
    questions: dict[str, list[str]]
    answers: dict[str, str]


def faq_content_clean(*, questions: dict[str, list[str]], answers: dict[str, str]) -> tuple[dict, dict]:
    """Content as stored: stripped, empty languages dropped. Raises ValidationError."""
    unknown = (set(questions) | set(answers)) - LANGUAGES
    if unknown:
        raise ValidationError(f"unknown languages: {', '.join(sorted(unknown))}")
    clean_answers = {lang: text.strip() for lang, text in answers.items() if text and text.strip()}
    if not clean_answers:
        raise ValidationError("an entry needs an answer in at least one language")
    clean_questions = {
        lang: [q.strip() for q in items if q and q.strip()] for lang, items in questions.items()
    }
    return {k: v for k, v in clean_questions.items() if v}, clean_answers


def _changes(previous: FaqVersion | None, questions: dict, answers: dict) -> list[str]:
    before_q = previous.questions if previous else {}
    before_a = previous.answers if previous else {}
    changed = [f"questions.{lang}" for lang in sorted(set(before_q) | set(questions))
               if before_q.get(lang) != questions.get(lang)]  # fmt: skip
    changed += [f"answers.{lang}" for lang in sorted(set(before_a) | set(answers))
                if before_a.get(lang) != answers.get(lang)]  # fmt: skip
    return changed


@transaction.atomic
def faq_version_create(
    *,
    topic: str,
    questions: dict[str, list[str]],
    answers: dict[str, str],
    change_note: str = "",
    user: AbstractBaseUser | None = None,
    actor_label: str = "",
) -> FaqVersion:
    """Add a new draft version to the entry `topic` (creating the entry as a draft).

    Never edits an existing version. The approved version, if any, stays the one patients
    get until the new one is approved. Raises ValidationError for unknown languages or no
    answer at all. Not idempotent: each call adds a version (see faq_load for that).
    """
    questions, answers = faq_content_clean(questions=questions, answers=answers)
    entry, _ = FaqEntry.objects.select_for_update().get_or_create(topic=topic)
    previous = faq_version_latest(entry=entry)
    version = FaqVersion.objects.create(
        entry=entry,
        number=(previous.number + 1) if previous else 1,
        questions=questions,
        answers=answers,
        change_note=change_note[:300],
        changes=_changes(previous, questions, answers),
        created_by=user if user is not None and user.is_authenticated else None,
        created_by_label=actor_label or (user.get_username() if user is not None else ""),
    )
    if user is not None:
        staff_action_record(
            user_id=user.pk,
            action="faq_version_created",
            detail={
                "entry_id": entry.pk,
                "topic": topic,
                "version": version.number,
                "changes": version.changes,
            },
        )
    return version


def _authorise(user: AbstractBaseUser | None, actor_label: str) -> None:
    if user is None and not actor_label:
        raise PermissionDenied("an approval needs a user or a system actor")
    if user is not None and not access_content(user):
        raise PermissionDenied("approving FAQ content needs the content-admin role")


@transaction.atomic
def faq_version_approve(
    *, version: FaqVersion, user: AbstractBaseUser | None = None, actor_label: str = ""
) -> FaqVersion:
    """Make `version` the one patients get, and its entry approved.

    Raises PermissionDenied unless `user` has the content-admin role (or, for loads from
    the clinic file, no user but an `actor_label`). Idempotent for the current version.
    Audited as a staff action when a user approves.
    """
    _authorise(user, actor_label)
    entry = FaqEntry.objects.select_for_update().get(pk=version.entry_id)
    if entry.approved_version_id == version.pk and entry.status == FaqEntry.Status.APPROVED:
        return version
    if version.approved_at is None:
        version.approved_at = timezone.now()
        version.approved_by = user
        version.approved_by_label = actor_label or (user.get_username() if user else "")
        version.save(update_fields=["approved_at", "approved_by", "approved_by_label"])
    entry.approved_version = version
    entry.status = FaqEntry.Status.APPROVED
    entry.save(update_fields=["approved_version", "status", "updated_at"])
    if user is not None:
        staff_action_record(
            user_id=user.pk,
            action="faq_version_approved",
            detail={"entry_id": entry.pk, "topic": entry.topic, "version": version.number},
        )
    return version


@transaction.atomic
def faq_entry_retire(
    *, entry: FaqEntry, user: AbstractBaseUser | None = None, actor_label: str = ""
) -> FaqEntry:
    """Stop answering with this entry; its versions stay for the record.

    Raises PermissionDenied as faq_version_approve. Idempotent.
    """
    _authorise(user, actor_label)
    entry = FaqEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status != FaqEntry.Status.RETIRED:
        entry.status = FaqEntry.Status.RETIRED
        entry.save(update_fields=["status", "updated_at"])
        if user is not None:
            staff_action_record(
                user_id=user.pk,
                action="faq_entry_retired",
                detail={"entry_id": entry.pk, "topic": entry.topic},
            )
    return entry


@transaction.atomic
def faq_load(*, specs: list[FaqSpec], actor_label: str = CLINIC_FILE) -> dict[str, int]:
    """Create or update entries from the clinic file, approved by `actor_label`.

    Idempotent: an entry whose current version already holds this content gets no new
    version, and a retired one stays retired. Entries missing from the file are left as they are (nothing is deleted).
    Returns counts: {"faq created": n, "faq updated": n, "faq unchanged": n}.
    """
    counts = {"faq created": 0, "faq updated": 0, "faq unchanged": 0}
    for spec in specs:
        questions, answers = faq_content_clean(questions=spec.questions, answers=spec.answers)
        entry = FaqEntry.objects.filter(topic=spec.topic).first()
        latest = faq_version_latest(entry=entry) if entry else None
        current = entry is not None and latest is not None and latest.pk == entry.approved_version_id
        # A retired entry stays retired until the file changes what it says.
        if current and not _changes(latest, questions, answers):
            counts["faq unchanged"] += 1
            continue
        if latest is not None and not _changes(latest, questions, answers):
            version = latest
        else:
            version = faq_version_create(
                topic=spec.topic,
                questions=questions,
                answers=answers,
                change_note=f"loaded from the {actor_label}",
                actor_label=actor_label,
            )
        faq_version_approve(version=version, actor_label=actor_label)
        counts["faq created" if entry is None else "faq updated"] += 1
    return counts


# What a question variant may not carry into approved content, whoever wrote it: a patient's
# e-mail address, or a phone, card or ID number (six digits or more, with any separators).
_PERSONAL = re.compile(r"\S+@\S+\.\w+|\d(?:[\s./-]?\d){5,}")
VARIANT_MAX = 300


class QuestionAlreadyHandled(Exception):
    """Another content admin (or an earlier click) handled the question first."""


def _question_claim(*, question_id: int, user: AbstractBaseUser) -> UnansweredQuestion:
    if not access_content(user):
        raise PermissionDenied("turning questions into FAQ content needs the content-admin role")
    question = UnansweredQuestion.objects.select_for_update().get(pk=question_id)
    if question.resolved:
        raise QuestionAlreadyHandled(f"question {question.pk} was already handled")
    return question


def _variant_clean(text: str) -> str:
    variant = " ".join(text.split())
    if not variant:
        raise ValidationError("Write the question as patients would ask it.")
    if len(variant) > VARIANT_MAX:
        raise ValidationError(f"Keep the question under {VARIANT_MAX} characters.")
    if _PERSONAL.search(variant):
        raise ValidationError("Remove personal details (e-mail addresses, phone or ID numbers) first.")
    return variant


def _language_clean(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError(f"{language!r} is not a language the bot speaks.")
    return language


def _question_resolve(
    question: UnansweredQuestion, *, version: FaqVersion | None, user: AbstractBaseUser, action: str
) -> int:
    """Mark the question and its open twins (the same words, folded) handled; audit once."""
    key = fold(question.text)
    open_questions = UnansweredQuestion.objects.filter(resolved=False, language=question.language)
    twins = [
        pk
        for pk, text in open_questions.exclude(pk=question.pk).values_list("pk", "text")[:5000]
        if key and fold(text) == key
    ]
    handled = UnansweredQuestion.objects.filter(pk__in=[question.pk, *twins]).update(
        resolved=True, resolved_at=timezone.now(), resolved_by=user, resolved_version=version
    )
    staff_action_record(
        user_id=user.pk,
        action=action,
        conversation_id=question.conversation_id,
        # Ids only: the patient's words stay on the erasable question row.
        detail={
            "question_id": question.pk,
            "twin_ids": twins,
            "entry_id": version.entry_id if version else None,
            "version": version.number if version else None,
        },
    )
    return handled


@transaction.atomic
def unanswered_question_add_variant(
    *, question_id: int, entry_id: int, text: str, language: str, user: AbstractBaseUser
) -> FaqVersion:
    """Add `text` (the question, as the content admin worded it) to an entry's questions in
    `language`, as a new draft version of the entry's latest content; the approved version
    stays the one patients get until someone approves the draft.

    Marks the question, and open questions with the same words, handled. When the latest
    version already holds the variant no version is added and that one is returned.
    Raises PermissionDenied without the content-admin role, QuestionAlreadyHandled,
    FaqEntry.DoesNotExist for an unknown or retired entry, ValidationError for an empty,
    long or personal variant or an unknown language. Audited (ids only).
    """
    question = _question_claim(question_id=question_id, user=user)
    variant, language = _variant_clean(text), _language_clean(language)
    entry = FaqEntry.objects.exclude(status=FaqEntry.Status.RETIRED).get(pk=entry_id)
    latest = faq_version_latest(entry=entry)
    questions = {code: list(items) for code, items in (latest.questions if latest else {}).items()}
    if fold(variant) in {fold(q) for q in questions.get(language, [])} and latest is not None:
        version = latest
    else:
        questions.setdefault(language, []).append(variant)
        version = faq_version_create(
            topic=entry.topic,
            questions=questions,
            answers=latest.answers if latest else {},
            change_note=f"question variant from unanswered question #{question.pk}",
            user=user,
        )
    _question_resolve(question, version=version, user=user, action="unanswered_question_variant_added")
    return version


@transaction.atomic
def unanswered_question_start_entry(
    *, question_id: int, topic: str, text: str, answer: str, language: str, user: AbstractBaseUser
) -> FaqVersion:
    """Start a new entry `topic` from the question: version 1, a draft with the question and
    the answer in `language` (other languages are added in the entry's form). Nothing is
    sent to patients until the draft is approved.

    Marks the question and its open twins handled. Raises PermissionDenied,
    QuestionAlreadyHandled, and ValidationError for a topic that is not a slug or already
    used, and for a variant or answer as unanswered_question_add_variant would. Audited.
    """
    question = _question_claim(question_id=question_id, user=user)
    variant, language = _variant_clean(text), _language_clean(language)
    topic = topic.strip().lower()
    validate_slug(topic)
    if len(topic) > FaqEntry._meta.get_field("topic").max_length:
        raise ValidationError("Keep the topic under 64 characters.")
    if FaqEntry.objects.filter(topic=topic).exists():
        raise ValidationError(f"There is already an entry {topic!r}; add the question as its variant.")
    version = faq_version_create(
        topic=topic,
        questions={language: [variant]},
        answers={language: answer},
        change_note=f"new entry from unanswered question #{question.pk}",
        user=user,
    )
    _question_resolve(question, version=version, user=user, action="unanswered_question_entry_started")
    return version


@transaction.atomic
def unanswered_question_dismiss(*, question_id: int, user: AbstractBaseUser) -> None:
    """Mark the question (and its open twins) handled without any content: not for the FAQ.

    Raises PermissionDenied and QuestionAlreadyHandled as the others. Audited."""
    question = _question_claim(question_id=question_id, user=user)
    _question_resolve(question, version=None, user=user, action="unanswered_question_dismissed")
