"""English."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="en",
    name="English",
    english_name="English",
    choice_name="ENGLISH",
    aliases=("en-us", "en-gb", "english"),
    commands={
        "reset": (r"\bstart (over|again)\b", r"\brestart\b", r"\breset\b"),
        "more": (r"\bmore (options|times|slots)\b", r"\bother (options|times)\b"),
        "other": (
            r"\b(the )?other (doctor|one|practitioner|physician|specialist)\b",
            r"\banother (doctor|practitioner|physician|specialist)\b",
        ),
        "later": (r"\b(a bit |a little )?later\b",),
        "earlier": (r"\bearlier\b",),
        "any": (r"\bany ?(time|day|one)?\b", r"\bwhenever\b", r"\b(as soon as possible|asap|earliest)\b"),
        "refuse": (
            # Instructions aimed at the bot's rules, not at a booking.
            r"\bignore (all |your |the |previous |prior )*(instructions|rules|prompt)",
            r"\bsystem prompt\b",
            r"\byou are now\b",
            r"\bdeveloper mode\b",
            r"\bjailbreak\b",
            # Recurring or unbounded bookings.
            r"\bevery (day|week|monday|tuesday|wednesday|thursday|friday)\b.*\b(forever|always|year)\b",
            r"\b(forever|indefinitely)\b",
            # Someone else's data.
            r"\b(other|another) patient ?s?\b",
            r"\bsomeone else ?s (appointment|data|details)\b",
            r"\b(list|show|give me) (all )?(the )?(patients|appointments of)\b",
        ),
    },
    opt_out=("stop", "unsubscribe"),
    opt_in=("start", "unstop"),
    # Language identification: function words (folded) and spelling marks (regexes over
    # lower-cased text with its accents) that tell this language from the others.
    identify_words="""
        i i'm im you your my me the a an is are was be to of and or in on at for with this that
        it what when where which who how can could would will please thanks thank hi hello hey
        yes yeah no not dont don't want need like book appointment tomorrow today morning
        afternoon evening next week do does have has there any doctor see time bye good great
        sure okay cancel reschedule change move available is it one second first last name born
        friday monday tuesday wednesday thursday saturday sunday o'clock pm am noon after before
        help person pain chest breathe bleeding my son daughter feel feeling hurts really check
        up as soon possible asap so just if but all some more less later earlier other another
        options option data details patient whenever anytime
    """,
    identify_marks=(r"\b\w+\'(s|t|m|re|ll|ve|d)\b|\bth\w+|\bw[hr]\w+",),
)
