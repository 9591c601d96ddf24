"""Entity extraction against the clinic's records: practitioners, specialties,
appointment types, option choices, names and dates of birth. Pure functions over folded
text; every word comes from the registered language packs.
"""

import re
from datetime import time
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from conversations.understanding.dates import date_of_birth, normalize  # noqa: F401 (local.py)
from conversations.understanding.dates.lexicon import ALL as DATE_WORDS
from conversations.understanding.dates.lexicon import listed
from conversations.understanding.dates.slips import mended_day
from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef


def _words(name: str) -> list[str]:
    return list(dict.fromkeys(word for pack in PACKS for word in getattr(pack, name)))


def _alt(words: list[str]) -> str:
    return "|".join(sorted(dict.fromkeys(words), key=len, reverse=True))


def _merged(name: str) -> dict:
    """A mapping field of every pack, keys in the first pack's order, values joined."""
    out: dict = {}
    for pack in PACKS:
        for key, values in getattr(pack, name).items():
            out[key] = tuple(dict.fromkeys((*out.get(key, ()), *values)))
    return out


HONORIFICS = frozenset(_words("honorifics"))
_NON_NAMES = frozenset(_words("non_names"))
# Stems match every form in every language: "dermatolog" covers dermatology,
# dermatologist, dermatólogo and dermatologista.
SPECIALTY_STEMS: dict[str, tuple[str, ...]] = _merged("specialties")
_VISIT_PHRASES: dict[str, tuple[str, ...]] = _merged("visit_phrases")
_VISIT_TYPE_WORDS: dict[str, tuple[str, ...]] = _merged("visit_type_words")
_VISIT_NOUNS = frozenset(_words("visit_nouns"))
# A phrase's words in order with up to two words between ("revisión ginecológica anual" is
# the annual "revisión anual"); the phrase with the most words found decides the kind.
_VISIT_PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (kind, len(words), re.compile(r"\b" + r"(?:\s+\w+){0,2}\s+".join(map(re.escape, words)) + r"\b"))
    for kind, phrases in _VISIT_PHRASES.items()
    for words in (fold(phrase).split() for phrase in phrases)
)


def _name_variants(practitioner: PractitionerRef) -> list[str]:
    variants = [practitioner.name, *practitioner.aliases]
    out: list[str] = []
    for variant in variants:
        tokens = [t for t in fold(variant).split() if t not in HONORIFICS]
        if tokens:
            out.append(" ".join(tokens))
            out.extend(t for t in tokens if len(t) >= 3)
    return list(dict.fromkeys(out))


def practitioner_match(text: str, directory: ClinicDirectory) -> list[int]:
    """Ids of practitioners the text names; honorifics, accents, case and small typos ignored."""
    tokens: list[str] = []
    capitalised: list[bool] = []
    for raw in text.split():
        pieces = fold(raw).split()
        tokens += pieces
        capitalised += [raw[:1].isupper()] * len(pieces)
    if not tokens or not directory.practitioners:
        return []
    honorific_next = {i + 1 for i, t in enumerate(tokens) if t in HONORIFICS}
    scored: dict[int, float] = {}
    for practitioner in directory.practitioners:
        best = 0.0
        for variant in _name_variants(practitioner):
            width = len(variant.split())
            for i in range(len(tokens) - width + 1):
                window = tokens[i : i + width]
                if width == 1 and window[0] in _NON_NAMES:
                    continue
                candidate = " ".join(window)
                # OSA counts a swapped pair of letters ("smtih") as one edit.
                score = 100 * OSA.normalized_similarity(candidate, variant)
                short = len(variant) < 5
                threshold = 100 if short else (75 if i in honorific_next else 80)
                if score >= threshold:
                    # A bare first name needs an honorific or an exact match to count.
                    bonus = 5 if i in honorific_next else 0
                    if width == 1 and score < 100 and i not in honorific_next:
                        continue
                    if (
                        width == 1
                        and i not in honorific_next
                        and _other_persons(practitioner, i, tokens, capitalised)
                    ):
                        continue
                    best = max(best, score + bonus + width)
        if best:
            scored[practitioner.id] = best
    if not scored:
        return []
    top = max(scored.values())
    return [pid for pid, score in scored.items() if score >= top - 1]


def _other_persons(practitioner: PractitionerRef, i: int, tokens: list[str], capitalised: list[bool]) -> bool:
    """ "Ana Clara Gonçalves": a first name followed by capitalised names that are not the
    practitioner's is someone's full name (the patient's), not Dra. Ana."""
    if not capitalised[i] or i + 1 >= len(tokens) or not capitalised[i + 1]:
        return False
    own = {t for variant in _name_variants(practitioner) for t in variant.split()}
    return tokens[i + 1] not in own and tokens[i + 1] not in _NOT_IN_NAMES


def specialty_key(text: str) -> str | None:
    """The packs' key of the specialty the text names; of several, the one named first ("levar
    ele na pediatra primeiro antes de procurar dermato" is the pediatrician)."""
    folded = fold(text)
    padded = f" {folded} "
    first: tuple[int, int, str] | None = None  # where, minus the stem's length, the key
    for key, stems in SPECIALTY_STEMS.items():
        for stem in stems:
            if " " in stem or len(stem) <= 3:
                at = padded.find(f" {stem} ")
                if at < 0 and len(stem) <= 3:
                    at = padded.find(f" {stem}s ")  # "one of your GPs"
                if at < 0 and len(stem) > 3:
                    at = folded.find(stem)
            else:
                at = m.start() if (m := re.search(rf"\b{stem}", folded)) else -1
            # At one place the longer stem says more: "terapeuta da fala" over "terapeuta".
            if at >= 0 and (first is None or (at, -len(stem)) < first[:2]):
                first = (at, -len(stem), key)
    if first is not None:
        return first[2]
    for token in folded.split():
        if len(token) < 7:
            continue
        for key, stems in SPECIALTY_STEMS.items():
            for stem in stems:
                if " " not in stem and len(stem) >= 6 and fuzz.ratio(token[: len(stem)], stem) >= 85:
                    return key
    return None


_CHILD = re.compile("|".join(f"(?:{sign})" for sign in _words("child_signs")))


def for_a_child(folded: str) -> bool:
    """The visit is a child's, by what the message says ("well child", "she's 4", "mi niña")."""
    return bool(_CHILD.search(folded))


def practitioners_of(ids: list[int], specialty: str, directory: ClinicDirectory) -> list[int]:
    """Of `ids`, those practitioners whose specialties include `specialty` (by label or by
    the packs' key for it)."""
    key = specialty_key(specialty) or fold(specialty)
    return [
        p.id
        for p in directory.practitioners
        if p.id in ids and any(s == specialty or (specialty_key(s) or fold(s)) == key for s in p.specialties)
    ]


def specialty_label(key: str, directory: ClinicDirectory) -> str | None:
    """The clinic's own label for a specialty of the packs ("pediatrics" -> "Pediatría")."""
    labels = {s for p in directory.practitioners for s in p.specialties}
    for label in sorted(labels):
        if specialty_key(label) == key or fold(label).replace(" ", "_") == key:
            return label
    return None


def specialty_match(text: str, directory: ClinicDirectory) -> str | None:
    """The directory's own label for the specialty the text asks for, or None: a label the
    clinic lists ("ENT", "bone doctor", "médico de los ojos") said as written, else the packs'
    words for a specialty that one of the clinic's labels is."""
    labels = {s for p in directory.practitioners for s in p.specialties}
    padded = f" {' '.join(re.findall(r'\w+', fold(text)))} "
    said = [label for label in labels if f" {' '.join(re.findall(r'\w+', fold(label)))} " in padded]
    if said:
        return max(said, key=lambda label: (len(label), label))
    key = specialty_key(text)
    if key is None:
        return None
    return specialty_label(key, directory) if labels else key


def appointment_type_match(
    text: str, types: list[AppointmentTypeRef], *, answering: bool = False, said_first: str = ""
) -> str | None:
    """The clinic's type the text asks for: by the clinic's own names or the packs' phrases
    of each kind, the match with the most words deciding ("revisión anual" is the annual
    check-up even where a type is called "Revisión"; on a tie the clinic's name wins); or,
    `answering` the question of which kind (a short answer, or `said_first`, the answer's
    first clause), by a word only one type's names have ("una sesión" for "Sesión de
    terapia")."""
    folded = fold(text)
    found: list[tuple[int, bool, str]] = []  # words matched, a status kind, the type's code
    content = f" {' '.join(_content_words(folded))} "
    for appointment_type in types:
        for name in _names_said(tuple(appointment_type.names.values())):
            if (n := fold(name)) and re.search(rf"\b{re.escape(n)}\b", folded):
                found.append((len(n.split()), False, appointment_type.code))
            elif said := _name_said_short(_content_words(n), content):
                found.append((said, False, appointment_type.code))
    for kind, width, pattern in _VISIT_PATTERNS:
        if (said := pattern.search(folded)) and (code := _type_of_kind(kind, types, said.group(0), folded)):
            found.append((width, kind in _STATUS_KINDS, code))
    owners = _type_words(tuple((t.code, tuple(t.names.values())) for t in types))
    if found:
        # "the heart check-up with the ECG, he's never been seen here": the service named is
        # the type; being new (or returning) says who comes, which a service can be for too.
        if services := [f for f in found if not f[1]]:
            return max(services, key=lambda f: f[0])[2]
        if answering and (named := _named_by_own_words(folded, owners, beside_status=True)):
            return named  # "pap smear / annual check, never been to you before"
        return max(found, key=lambda f: f[0])[2]
    if answering:
        # A short answer, or one said first and explained after: "sesión, ya vengo haciendo
        # las de la rodilla".
        for short in (folded, fold(said_first)):
            if len(short.split()) <= SHORT_TYPE_ANSWER and (named := _named_by_own_words(short, owners)):
                return named
    return None


def _content_words(folded: str) -> list[str]:
    return [w for w in folded.split() if len(w) >= CONTENT_WORD]


def _name_said_short(name: list[str], content: str) -> int:
    """How many of a type's name's words the text says in order with one of them left out
    ("la revision de niño sano" for "Revisión pediátrica del niño sano"), comparing words of
    four letters or more; 0 when it does not, or the name is too short to lose one."""
    if len(name) < 3:
        return 0
    for i in range(len(name)):
        if f" {' '.join(name[:i] + name[i + 1 :])} " in content:
            return len(name) - 1
    return 0


CONTENT_WORD = 4  # letters


@lru_cache(maxsize=256)
def _names_said(names: tuple[str, ...]) -> tuple[str, ...]:
    """A type's names, and each without what it explains in brackets: "Full eye exam
    (prescription and retina check)" is said "the full eye exam"."""
    short = (re.sub(r"\s*\(.*?\)\s*", " ", name).strip() for name in names if "(" in name)
    return (*names, *(name for name in short if name))


def _named_by_own_words(folded: str, owners: dict[str, str], *, beside_status: bool = False) -> str | None:
    """The one type whose own words the text uses. Beside being new or returning, words
    saying who the visit is for ("first time, for my child") or that any visit is ("new
    patient consultation") name no type, even where one is a "well-child check" or a "video
    consultation"."""
    if beside_status:
        folded = " ".join(w for w in _CHILD.sub(" ", folded).split() if w.rstrip("s") not in _VISIT_NOUNS)
    named = {owners[w] for w in folded.split() if w in owners}
    return named.pop() if len(named) == 1 else None


# Kinds that say whether the patient has been before rather than what the visit is for.
_STATUS_KINDS = frozenset({"first", "follow_up"})


def _type_of_kind(kind: str, types: list[AppointmentTypeRef], said: str = "", text: str = "") -> str | None:
    """The clinic's type of a kind of visit. Where several are of that kind (a physiotherapy
    assessment and a physiotherapy session; a well-child, a gynecological and a heart
    check-up), the one whose names alone share a word with the phrase said ("sesión de
    fisio", "physio session") is meant, else with the rest of the message ("the heart
    check-up with the ECG"); else the first."""
    code_words = _VISIT_TYPE_WORDS.get(kind, ())
    of_kind = [t for t in types if any(w in fold(" ".join([t.code, *t.names.values()])) for w in code_words)]
    if len(of_kind) > 1:
        owners = _type_words(tuple((t.code, tuple(t.names.values())) for t in of_kind))
        for words in (said.split(), text.split()):
            named = {owners[w] for w in words if w in owners}
            if len(named) == 1:
                return named.pop()
    return of_kind[0].code if of_kind else None


SHORT_TYPE_ANSWER = 5  # words


@lru_cache(maxsize=32)
def _type_words(types: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """Words of five letters or more (or written in capitals: "PAP", "ECG") that only one
    type's names use, with their plural forms: "sesion", "sesiones", "terapia" -> the therapy
    session's code. An ordinal ("primera", "first") picks an option; it names no type."""
    users: dict[str, set[str]] = {}
    for code, names in types:
        acronyms = {fold(w) for w in re.findall(r"\b[A-Z]{2,}\b", " ".join(names))}  # "PAP", "ECG"
        for word in fold(" ".join(names)).split():
            if (len(word) >= 5 or word in acronyms) and word not in _ORDINAL_WORD:
                for form in (word, word + "s", word + "es"):
                    users.setdefault(form, set()).add(code)
    return {word: codes.pop() for word, codes in users.items() if len(codes) == 1}


OPTION_ORDINALS = 6  # "the seventh" is a date more often than an option
_ORDINAL_WORD = {
    word: number
    for number, words in _merged("ordinals").items()
    if number <= OPTION_ORDINALS
    for word in words
}
_ORDINAL_RE = _alt(list(_ORDINAL_WORD))
# Ordinals that are also weekdays ("segunda", "quinta"): inside a sentence, a day.
_WEEKDAY_ORDINALS = frozenset(
    word
    for pack in PACKS
    for forms in pack.ordinals.values()
    for word in forms
    if any(word in weekday for weekday in pack.dates.weekdays)
)
# Option numbers said in words: the packs' numbers one to five and their other forms ("una").
_CARDINALS = {
    word: number
    for pack in PACKS
    for word, number in [
        *((w, n) for n, w in enumerate(pack.dates.numbers.split(), start=1)),
        *pack.dates.number_variants.items(),
    ]
    if number <= 5
}
_OPTION_NOUN = rf"(?:{_alt(_words('option_nouns'))})"
_COURTESY = _alt([*_words("please"), *_words("thanks")])  # "1 thanks", "la 2 gracias"
_ARTICLE = _alt([article.strip() for article in _words("option_articles") if " " not in article.strip()])
# "2", "the 2nd one", "option 3 please".
_NUMBER_SUFFIX = _alt(suffix for dates in DATE_WORDS for suffix in dates.ordinal_suffixes.split())
_BARE_OPTION = re.compile(
    rf"(?:(?:{_ARTICLE}|{_alt(_words('option_nouns'))})\s+)?(\d{{1,2}})(?:{_NUMBER_SUFFIX})?"
    rf"(?:{_alt(_words('option_suffixes'))})?(?:\s*(?:{_COURTESY}))*"
)
_FILLER = rf"(?:{_alt(_words('option_fillers'))})?"
_ARTICLES = rf"(?:{_alt(_words('option_articles'))})?"
_SUFFIX = rf"(?:{_alt(_words('option_suffixes'))})?"
_SUFFIX_WORDS = _alt([suffix.strip() for suffix in _words("option_suffixes")])
_LAST = re.compile(_alt(_words("last_option")))
_NOT_AN_OPTION = re.compile(rf"\b({_alt(_words('not_an_option'))})\b")


_LEADS = re.compile(rf"^(?:(?:{_alt(_words('option_leads'))})\s+)+")


def option_choice(text: str, *, expecting_option: bool | None) -> int | None:
    """1-based option number: "2", "the second one", "la segunda", "a opção 2"; with options
    on offer, also after a lead-in ("ok then 2", "tá, então 1", "entonces la segunda")."""
    folded = fold(text)
    if expecting_option:
        folded = _LEADS.sub("", folded)
    if expecting_option is None:
        # Asked for a date, a name or a birth date: only "option 2" names an option.
        m = re.search(rf"\b{_OPTION_NOUN}\s*(\d{{1,2}})\b", folded)
        return int(m.group(1)) if m else None
    if m := _BARE_OPTION.fullmatch(folded):
        number = int(m.group(1))
        if 1 <= number <= 20 and (expecting_option or number <= 9):
            return number
    if m := re.search(rf"\b{_OPTION_NOUN}\s*(\d{{1,2}}|{'|'.join(_CARDINALS)})\b", folded):
        value = m.group(1)
        return int(value) if value.isdigit() else _CARDINALS[value]
    if m := re.fullmatch(rf"{_FILLER}{_ARTICLES}({_ORDINAL_RE}){_SUFFIX}", folded):
        return _ORDINAL_WORD[m.group(1)]
    if m := re.search(rf"\b({_ORDINAL_RE}) (?:{_SUFFIX_WORDS})\b", folded):
        return _ORDINAL_WORD[m.group(1)]
    # Elsewhere an ordinal may be a weekday ("segunda") or a visit ("primera vez").
    m = (
        re.search(rf"\b({_ORDINAL_RE})\b", folded)
        if expecting_option and not _NOT_AN_OPTION.search(folded)
        else None
    )
    # Inside a sentence ("na verdade quarta") a weekday ordinal is a day, not an option.
    if m and m.group(1) not in _WEEKDAY_ORDINALS:
        return _ORDINAL_WORD[m.group(1)]
    if _LAST.fullmatch(folded):
        return -1
    return None


_OPTION_TIME = re.compile(
    rf"\b(?:{_alt(_words('option_time_leads'))})\s*(?:(?:{_alt(_words('option_time_preps'))})\s+)?"
    rf"(\d{{1,2}})(?::(\d\d))?\s*(am|pm|h)?\s*(?:{_SUFFIX_WORDS})?$"
)
_BARE_TIME = re.compile(
    rf"^(?:{_alt(_words('time_prepositions'))})?\s*(\d{{1,2}})(?:(?::|h)(\d\d))?\s*(am|pm|h)?$"
)
# A time said as one of the offered slots: "the 10 one", "la de las 10", "o das 10".
_NAMED_TIME = re.compile("|".join(_words("option_time_marks")))


def option_time(text: str, *, bare: bool = False) -> time | None:
    """ "the 10:30 one", "la de las 10:30", "o das 10h30": the offered slot named by its time.
    With `bare` (options were just offered), a message that is only a time ("11h", "14:30")
    names one too."""
    s = normalize(text)
    if bare and (m := _BARE_TIME.match(s.strip())) and (m.group(2) or m.group(3)):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        return time(hour, minute) if hour <= 23 and minute <= 59 else None
    if m := _OPTION_TIME.search(s):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        if hour <= 23 and (m.group(2) or m.group(3) or _NAMED_TIME.search(s)):
            return time(hour, minute)
    return None


_NAME_INTRO = re.compile(rf"\b(?:{_alt([*_words('name_intros'), *_words('for_someone')])})\s+")
_FOR_SOMEONE = re.compile(rf"\b(?:{_alt(_words('for_someone'))})\b")


def for_someone_else(folded: str) -> bool:
    """The visit is for someone else, by what the message says ("it's for my son", "para mi
    hija martina", "her name is Ana")."""
    return bool(_FOR_SOMEONE.search(folded))


_RELATIVE = re.compile(rf"\b(?:{_alt(_words('relatives'))})\s+")
_COPULA = re.compile(rf"\b(?:{_alt(_words('name_copulas'))})\s+")
# The words of those phrases, mended when a slip hides them: "me lalmo", "mi nmbre es", "se
# llaama", "my nam is".
_INTRO_WORDS = tuple(
    sorted(
        {
            word
            for phrase in [
                *_words("name_intros"),
                *_words("for_someone"),
                *_words("relatives"),
                *_words("corrections"),
            ]
            for word in re.findall(r"[a-z]+", phrase)
            if len(word) >= 4
        }
    )
)


@lru_cache(maxsize=4096)
def _intro_word(token: str) -> str:
    if len(token) < 3 or token in _INTRO_WORDS or not token.isalpha():
        return token
    for word in _INTRO_WORDS:
        if word[0] == token[0] and abs(len(word) - len(token)) <= 1 and OSA.distance(token, word) == 1:
            return word
    return token


_CORRECTION = re.compile(rf"^(?:(?:{_alt(_words('corrections'))})\b\s*)+")
# "O'Brien", "Ana-Clara": letters with an apostrophe or a hyphen inside.
_NAME_TOKEN = re.compile(r"^(?=\S{2})[^\W\d_]+(?:['’-][^\W\d_]+)*$")
# Where a name ends in "Joaquín Sánchez nací el 14/10/81": a number or a birth word.
_AFTER_NAME = re.compile(rf"\d|^(?:{_alt(_words('birth_words'))})$")
_NAME_FILLERS = frozenset(_words("name_fillers"))
_CONNECTORS = frozenset(_words("name_connectors"))
# Days no name holds: "no, quise decir miércoles", "actually next week", "perdón, la semana
# que viene" move the day ("Domingo" is a first name too).
_DAY_NAMES = frozenset(
    word
    for dates in DATE_WORDS
    for spellings in (
        *dates.weekdays,
        listed(dates.today_words),
        listed(dates.tomorrow_words),
        dates.next_week,
        dates.this_week,
        dates.next_after,
    )
    for spelling in spellings
    for word in re.findall(r"[a-z]+", spelling)
) - {"domingo"}  # and no units of time: "Dias" is a surname ("Carla Dias"), "in 3 days" no repair
# Repairs ("sorry", "actually", "quise decir") open a correction, never a name.
_REPAIR_WORDS = frozenset(word for phrase in _words("corrections") for word in re.findall(r"[a-z]+", phrase))
# Words no name holds: "quiero el martes" is not a name, "María de la Cruz" is.
# and no title: "Doctora Mafe", "Dr Gomez" is whom the visit is with, never the patient.
_NOT_IN_NAMES = (
    frozenset(_words("non_names")) | frozenset(_words("want_words")) | _DAY_NAMES | _REPAIR_WORDS | HONORIFICS
) - _CONNECTORS


def full_name(text: str, *, expecting_name: bool, correcting: bool = False) -> str | None:
    """The person's name in "my name is X", "it's for my daughter, X", "se llama X" (the
    last such phrase wins: a correction comes after), or the whole message when the bot
    asked for a name; with `correcting`, after "sorry, typo," and the like."""
    cleaned = re.sub(r"[^\w\s'-]", " ", text).strip()
    words = cleaned.split()
    # A capitalised word is a name as written; a slip lands in the words around it.
    folded_words = [fold(w) if w[:1].isupper() else _intro_word(fold(w)) for w in words]
    joined, starts = "", []
    for folded in folded_words:
        starts.append(len(joined) + (1 if joined else 0))
        joined = f"{joined} {folded}" if joined else folded
    intros = list(_NAME_INTRO.finditer(joined + " "))
    copulas = list(_COPULA.finditer(joined + " ")) if correcting or expecting_name else []
    # What a colon introduces is what is said: "desculpa, é Silva: Marcos Vinicius Silva",
    # "the name: Ana Ruiz" (the words before it only lead up to it).
    if (
        ":" in text
        and (intros or correcting or expecting_name)
        and (found := full_name(text.rsplit(":", 1)[1], expecting_name=True))
    ):
        return found
    if _mixed_case(text) and (leading := _named_after(words, starts, joined, [*intros, *copulas], text)):
        # "...for my granddaughter Sophie Thompson, she's 3", "cita a mi esposo Juan Treviño,
        # es nuevo": in a message written with capitals, the capitalised words right after the
        # phrase that introduces a person are the name, not the rest of the message.
        return _name_written(leading)
    if intros:
        end = intros[-1].end()
        words = [w for w, start in zip(words, starts, strict=True) if start >= end]
        if _capitalises_names(text) and not _capitalised(words):
            words = []  # written with capitals, a name has them: "Noah ... I'm off work" names nobody
    elif correcting and (fix := _CORRECTION.match(joined)):
        words = [w for w, start in zip(words, starts, strict=True) if start >= fix.end()]
    elif not expecting_name:
        return None
    words = [w for w in words if fold(w) not in _NAME_FILLERS]
    # A capitalised birth word is a surname ("Ana Clara Nascimento"), not "nascimento: 5/10".
    ends = [i for i, w in enumerate(words) if _ends_a_name(w)]
    if ends and ends[0] >= 2:
        words = words[: ends[0]]  # the date of birth said with the name
    if _is_name(words):
        return _name_written(words)
    if re.search(r"[,:;]", text) and (intros or correcting or expecting_name):
        # "ops, Fernanda Lima Barros, esqueci o sobrenome", "perdón, es con z: Mateo
        # González": the part that is a name. Unasked, only a part that says it is one
        # ("hey Cata! it's Daniel. need a follow up, as early as possible" names nobody).
        for part in re.split(r"[,:;]", text):
            if found := full_name(part, expecting_name=expecting_name or correcting):
                return found
    return None


def _name_written(words: list[str]) -> str:
    return " ".join(w if fold(w) in _CONNECTORS else w[:1].upper() + w[1:].lower() for w in words)


def _ends_a_name(word: str) -> bool:
    """A number or a birth word; a capitalised birth word is a surname ("Ana Clara
    Nascimento"), but "DOB" in capitals is still the birth word."""
    return bool(_AFTER_NAME.search(fold(word))) and (
        not word[:1].isupper() or (len(word) > 1 and word.isupper())
    )


def _capitalises_names(text: str) -> bool:
    """A word inside a sentence, other than "I", starts with a capital: the writer writes
    names with capitals ("our son Noah is 4")."""
    for sentence in re.split(r"[.!?\n]+", text):
        for word in re.findall(r"[^\W\d_][\w'’-]*", sentence)[1:]:
            if word[:1].isupper() and re.split(r"['’]", word)[0].lower() != "i":
                return True
    return False


def _capitalised(words: list[str]) -> bool:
    """Every word starts with a capital, but a connector ("da", "van")."""
    return all(w[:1].isupper() or fold(w) in _CONNECTORS for w in words)


def _mixed_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters)


def _written_together(run: list[str], text: str) -> bool:
    """The words follow each other in `text` with only spaces between: a name ends where a
    sentence or a clause does ("pra minha esposa, Juliana Costa. Ela só pode quinta")."""
    return bool(re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, run)) + r"(?!\w)", text))


def _named_after(
    words: list[str], starts: list[int], joined: str, intros: list[re.Match], text: str
) -> list[str] | None:
    """The capitalised name right after the last phrase introducing a person (a name intro
    or a relative), when one follows it."""
    found = [*intros, *_RELATIVE.finditer(joined + " ")]
    if not found:
        return None
    end = max(m.end() for m in found)
    after = [w for w, start in zip(words, starts, strict=True) if start >= end]
    if cut := next((i for i, w in enumerate(after) if _ends_a_name(w)), None):
        after = after[:cut]  # "this is Daniel Whitaker, DOB 5 Oct 1986"
    for size in range(min(4, len(after)), 1, -1):
        run = after[:size]
        if (
            _written_together(run, text)
            and _capitalised(run)
            and fold(run[-1]) not in _CONNECTORS
            and _is_name(run)
        ):
            return run
    return None


# What an answer says when it is no name: a greeting, a yes or a no ("Bom Dia", "Claro Que Sim").
_SAYS_SOMETHING = re.compile(
    rf"^(?:{_alt([*_words('greetings'), *_words('yes_words'), *_words('no_words'), *_words('thanks')])})\b"
)


def _is_name(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 6
        and all(_NAME_TOKEN.match(w) for w in words)
        and not any(fold(w) in _NOT_IN_NAMES or mended_day(fold(w)) in _NOT_IN_NAMES for w in words)
        and not _names_a_thing(fold(" ".join(words)))
    )


def _names_a_thing(folded: str) -> bool:
    """ "First Time", "Primeira Vez", "Check Up", "Bom Dia": a kind of visit, a specialty, a
    greeting or a yes written like a name is what it says, never the patient's name."""
    return (
        bool(_SAYS_SOMETHING.match(folded))
        or any(pattern.search(folded) for _, _, pattern in _VISIT_PATTERNS)
        or specialty_key(folded) is not None
    )
