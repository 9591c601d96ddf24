"""The words a language writes dates and times with, for `understanding.dates`.

Everything is folded (lower case, no accents) and read after `dates.normalize`, so "5pm",
"14h30" and "5/7" arrive as written there. A `str` field is plain words separated by
spaces; a `tuple` field is phrases, which may be regular-expression fragments where the
words have structure (`r"last week(?! of)"`). The engine joins each field over the
registered packs where a message may mix languages ("ok, quiero el martes"), and reads the
message's own pack only where a word means something else in another language ("sex" is
Friday in Portuguese). Clock notation ("am", "pm", "h", digits, "/", ":") is the engine's.

Fields are named after the expression they serve; a few keep lists that differ slightly
between expressions ("hs" after a clock time, but not after a day number), as the resolver
has always read them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PeriodWords:
    """How one language names a part of the day ("morning", "de la manana", "tarde")."""

    alone: tuple[str, ...] = ()  # name the period by themselves: "morning", "tarde", "esta noche"
    after: tuple[str, ...] = ()  # only after one of `prepositions`: "manana" alone is tomorrow
    prepositions: tuple[str, ...] = ()  # "in the", "por", "pela" (an article may follow)


@dataclass(frozen=True)
class Holiday:
    """A holiday by its names. Its date is a fixed `month` and `day`; or Easter Sunday moved
    by `easter` days; or the `nth` `weekday` (0 is Monday) of `month`, moved by `days_after`."""

    key: str  # the same holiday in every pack ("independence"); its date may differ by country
    names: tuple[str, ...]
    month: int = 0
    day: int = 0
    easter: int | None = None
    weekday: int | None = None
    nth: int = 0
    days_after: int = 0


@dataclass(frozen=True)
class DateWords:
    """Filled in by each language pack (see the module docstring for the conventions)."""

    # --- normalisation (also used by entity extraction)
    rewrites: tuple[tuple[str, str], ...] = ()  # (regex, replacement) on every message: "3ish"
    ordinal_suffixes: str = ""  # after a digit, dropped: "1st", "2o", "1er"
    phrase_rewrites: tuple[tuple[str, str], ...] = ()  # (regex, replacement) before reading: fortnight
    dotted_month_day: bool = False  # "friday 7.6" is July 6th: month.day (read in this language only)
    not_dotted_after: str = ""  # a dotted number after these is a clock time: "at 5.30"
    not_dotted_before: tuple[str, ...] = ()  # nor before these (regex, raw text): "5.30 hours"

    # --- numbers
    numbers: str = ""  # one to twenty, in order
    number_variants: Mapping[str, int] = field(default_factory=dict)  # "una", "duas", "veintiuno"
    tens: str = ""  # twenty to ninety, in order; up to fifty they are also read alone (minutes)
    numbers_own_language: str = ""  # numbers only in this language: "once", "doce" are other words
    numbers_only_in_context: str = ""  # never read alone ("book one for Friday"), only in
    number_contexts: tuple[str, ...] = ()  # these regexes ("one thirty"), and as a count in `span_from`
    number_and: str = ""  # "and": "veinte y cinco", "twenty and five" (years), "10 y media" (clock)
    tens_and_units_joined: bool = False  # "veinte y cinco" (joined), not "twenty five"
    ordinals_anywhere: bool = False  # the pack's ordinals are day numbers anywhere ("the third")
    ordinal_days_before_month: bool = False  # ... or only before a month ("segundo de agosto",
    # the first form of each ordinal), after
    ordinal_day_link: str = ""  # this link: "segundo de agosto" (elsewhere "segundo" is a second)

    # --- spelled years: "two thousand and eighteen", "mil novecientos noventa y dos"
    year_thousands: Mapping[str, int] = field(default_factory=dict)  # "dos mil" 2000, "mil" 1000
    year_hundreds: Mapping[str, int] = field(default_factory=dict)  # "novecientos" 900; languages
    # with hundreds words read each other's `year_thousands` and `year_and` ("dois mil e vinte")
    year_and: str = ""  # after the thousands: "two thousand and ...", "dois mil e ..."
    year_in_pairs: bool = False  # "nineteen eighty six" (right after a month)
    year_hundred: str = ""  # "nineteen hundred and five"

    # --- months
    months: str = ""  # the twelve names, January first, read in every language
    month_abbreviations: tuple[str, ...] = ()  # per month (space-separated), this language only
    month_short_forms: str = ""  # abbreviations that also make a month word in every language's
    # date ranges and spelled years ("13 sept nineteen seventy two")
    compact_month_spellings: Mapping[str, int] = field(default_factory=dict)  # read only in
    # compact dates ("setiembre5", "2020 setiembre 15"), not in phrases
    abbreviations_in_birth_dates: bool = False  # these abbreviations read in any language's date
    # of birth (the others only in `resolve`, in their own language)

    # --- weekdays
    weekdays: tuple[tuple[str, ...], ...] = ()  # spellings per day, Monday first, every language
    weekday_abbreviations: tuple[str, ...] = ()  # per day, this language only ("sex", "sat")
    # Where an abbreviation is a word of its own (regexes): "vou ter que voltar" is no Tuesday.
    abbreviations_as_words: tuple[str, ...] = ()
    weekday_tails: str = ""  # may follow a weekday before its modifier: "segunda feira que vem"

    # --- numeric and month-name dates
    month_first: bool = False  # "04/05" is April 5th (and ambiguous with May 4th)
    numeric_day_of_month: bool = False  # "10 de 12" is December 10th ...
    numeric_day_of_month_needs_year: bool = False  # ... only with a year: "10 de 12 de 2024"
    numeric_day_of_month_links: str = ""  # "de", "del"
    day_month_links: str = ""  # "15 of may", "15 de mayo", "5 of next month"
    year_links: str = ""  # before a year after a month: "de 2024", "in 2024"
    year_not_before: tuple[str, ...] = ()  # a number before these is no year: "82 horas"

    # --- relative days
    relative_days: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # offset: phrases
    relative_days_at_end: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # "the day
    # after" with nothing it is after: counts from today, only at the end of the message
    relative_at_end_articles: Mapping[int, str] = field(default_factory=dict)  # "al dia siguiente"
    now_words: str = ""  # "3 days from now"
    today_words: str = ""  # "3 days from today"; a weekday said that day means today
    tomorrow_words: str = ""  # "3 days from tomorrow"
    now_phrases: tuple[str, ...] = ()  # the whole message means now: "right now"

    # --- counts and units: "in 3 days", "2 weeks ago", "half an hour from now"
    indefinite_articles: str = ""  # one: "a week", "una semana"
    units: Mapping[str, str] = field(default_factory=dict)  # day, week, month, year, minute, hour
    in_days: tuple[str, ...] = ()  # "in 3 days", "dentro de 3 dias"
    in_minutes: tuple[str, ...] = ()  # "in 10 minutes"
    days_from: tuple[str, ...] = ()  # "3 days from (now|today|tomorrow)"
    from_now: tuple[str, ...] = ()  # "10 minutes from now", "20 minutos mas tarde"
    half_an_hour: tuple[str, ...] = ()  # "half an hour"
    ago_after: str = ""  # "2 days ago" (counts and units of the languages that say it this way)
    ago_before: str = ""  # "hace 2 dias" (likewise)
    time_ago_after: str = ""  # "10 minutes ago" (likewise)
    time_ago_before: str = ""  # "hace 10 minutos" (likewise)
    later: tuple[str, ...] = ()  # "2 weeks later" (from today)
    shift_prefix: str = ""  # may open a shifted date: "in 3 days after christmas"
    shift_after: tuple[str, ...] = ()  # "3 days after christmas"
    shift_before: tuple[str, ...] = ()  # "3 days before christmas"
    span_for: str = ""  # "for 3 days starting monday"
    span_from: tuple[str, ...] = ()  # "3 days starting monday", "2 semanas a partir del lunes"

    # --- weeks and modifiers
    next_week: tuple[str, ...] = ()
    this_week: tuple[str, ...] = ()
    last_week: tuple[str, ...] = ()
    week_after_next: tuple[str, ...] = ()
    weekend: tuple[str, ...] = ()
    next_before: tuple[str, ...] = ()  # before a weekday: "next tuesday" (also: ambiguous early on)
    next_after: tuple[str, ...] = ()  # after a weekday: "tuesday of next week", "martes que viene"
    this_before: tuple[str, ...] = ()  # "this tuesday"
    coming_before: tuple[str, ...] = ()  # "this coming tuesday": never today
    last_before: tuple[str, ...] = ()  # "last tuesday"
    last_after: tuple[str, ...] = ()  # "martes pasado"
    this_past_before: tuple[str, ...] = ()  # "this past tuesday"
    this_before_last_after: str = ""  # "este martes pasado": past
    next_days_before: tuple[str, ...] = ()  # "the next 3 days"
    days_plural: str = ""  # "days" in "the next 3 days"
    next_days_after: tuple[str, ...] = ()  # "3 proximos dias"

    # --- day numbers
    day_number_before: tuple[str, ...] = ()  # "the 5th", "el dia 5"
    day_number_not_before: tuple[str, ...] = ()  # a number before these is a time: "dia 5 horas"
    day_number_on: str = ""  # "on 5"
    day_on_not_before: tuple[str, ...] = ()  # "on 5 in the morning" is a time
    of_this_month_links: str = ""  # "5 of this month"
    this_month: tuple[str, ...] = ()  # "this month", "este mes"
    day_number_after: tuple[str, ...] = ()  # "del 5", "do dia 5"
    day_number_after_not_before: tuple[str, ...] = ()  # "del 5 de mayo" is a month date
    day_of_next_month_day: str = ""  # "5 day of next month"
    definite_articles: str = ""  # "the next month", "the end of", "the weekend of", "week 5 of the"
    next_month: tuple[str, ...] = ()  # "5 of next month", "5 del mes que viene"
    weekday_number_links: tuple[str, ...] = ()  # "friday the 13th", "viernes dia 13"
    weekday_number_not_before: tuple[str, ...] = ()  # "friday 10 in the morning" is a time
    optional_article: str = ""  # "may the 5th", "the week of", "the next 3 business days", "the eod"

    # --- clock times
    hour_abbreviations: str = ""  # "10:30 hrs"
    hours_word: str = ""  # "10 horas", "10:30 horas", "10 horas y media"
    hour_word: str = ""  # "10 hora"
    oclock: tuple[str, ...] = ()  # "10 o clock", "10 en punto"
    clock_minute_words: Mapping[str, int] = field(default_factory=dict)  # "10 y media", "y cuarto";
    # a quarter also in "11 menos cuarto"
    clock_minus: tuple[str, ...] = ()  # "11 menos cuarto"
    clock_minutes_not_before: tuple[str, ...] = ()  # "10 y 30 dias" is no time
    clock_fractions: Mapping[str, int] = field(default_factory=dict)  # "half past 3"; a quarter also
    # in "quarter to 4"
    clock_minute_units: str = ""  # "10 minutes past 3"
    clock_past: str = ""  # "10 past 3"
    clock_to: tuple[str, ...] = ()  # "10 to 4", "10 para as 4"
    hour_minute_not_before: tuple[str, ...] = ()  # "10 30" is 10:30 unless "10 30 days"
    clock_prepositions: tuple[str, ...] = ()  # "at 10", "a las 10"
    clock_preposition_not_before: tuple[str, ...] = ()  # "at 10 days" is no time
    hour_period_links: tuple[str, ...] = ()  # "10 in the morning", "10 de la manana"
    hour_period_words: str = ""  # "10 morning", "10 madrugada"
    period_before_hour: str = ""  # "morning 10"
    noon: tuple[str, ...] = ()
    midnight: tuple[str, ...] = ()

    # --- parts of the day
    periods: Mapping[str, PeriodWords] = field(default_factory=dict)  # by Period value; a message
    # is the first of morning, afternoon, evening that it names
    period_articles: str = ""  # between a preposition and the period: "por la tarde"

    # --- windows: "after 3", "before noon", "between 2 and 4"
    after_words: tuple[str, ...] = ()  # "after 3"
    before_words: tuple[str, ...] = ()  # "before 3"
    after_postfix: tuple[str, ...] = ()  # after the time: "10am or later", "das 4 em diante"
    before_postfix: tuple[str, ...] = ()  # "11 or earlier", "a las 12 como mucho"
    before_noon: tuple[str, ...] = ()  # "before noon": the morning
    before_noon_articles: str = ""  # "antes del mediodia"
    before_noon_words: tuple[str, ...] = ()  # the noon words read there
    between_from: str = ""  # "between 2 and 4"
    between_articles: str = ""  # "entre las 2 y las 4"
    between_and: str = ""

    # --- composed expressions
    range_from: str = ""  # "from monday to friday"
    range_to: str = ""
    range_articles: str = ""  # "del lunes al viernes"
    any_order_fillers: str = ""  # dropped from "23 of september 2020" before reading it in any order
    week_of: tuple[str, ...] = ()  # "the week of the 18th" (regexes)
    week_words: str = ""  # "week 12", "the first week of july"
    week_ordinals: str = ""  # first to fourth, for weeks of a month or year
    week_last: str = ""  # "the last week of july"
    nth_week_articles: str = ""  # "la primera semana de julio"
    of_words: str = ""  # "the first week of july", "the weekend of christmas"
    this_month_names: tuple[str, ...] = ()  # "the first week of this month"
    next_month_names: tuple[str, ...] = ()  # "the first week of next month"
    last_month_names: tuple[str, ...] = ()  # "the last week of last month"
    week_number_articles: str = ""  # "the week 12"
    week_number_links: str = ""  # "week 12 of 2024"
    year_shifts: Mapping[str, int] = field(default_factory=dict)  # "next year": 1
    end_of: tuple[str, ...] = ()  # "end of the week"; "end of day" (see `end_of_day`) is 23:59:59
    end_of_day: tuple[str, ...] = ()  # "end of the day"
    end_of_day_alone: tuple[str, ...] = ()  # the whole message: "eod"
    business_next: tuple[str, ...] = ()  # "the next 3 business days"
    business_back: tuple[str, ...] = ()  # "the last 3 business days"
    business_days: tuple[str, ...] = ()
    work_week_this: str = ""  # "this work week" (and "the")
    work_week_next: tuple[str, ...] = ()  # "next work week"
    work_week: tuple[str, ...] = ()
    work_week_after: tuple[str, ...] = ()  # "semana util que vem"
    weekend_of: tuple[str, ...] = ()  # "the weekend of christmas"
    weekend_after: str = ""  # "christmas weekend"

    # --- holidays
    holidays: tuple[Holiday, ...] = ()  # the date of a holiday comes from the message's pack, if it
    # has that holiday, else from the pack that named it
    holiday_next: tuple[str, ...] = ()  # modifiers before a holiday that keep the next one: "next"
    holiday_last: tuple[str, ...] = ()  # "last christmas": the last one
    holiday_prefixes: tuple[str, ...] = ()  # "dia de navidad", "day of ..."
    holiday_suffix: str = ""  # "christmas day"
    holiday_year_links: str = ""  # "christmas of 2024"
    holiday_years: tuple[str, ...] = ()  # "christmas this year" (see `year_shifts`)
