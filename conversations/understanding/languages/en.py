"""English."""

from conversations.understanding.languages.date_words import DateWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords()

PACK = LanguagePack(
    code="en",
    name="English",
    english_name="English",
    choice_name="ENGLISH",
    aliases=("en-us", "en-gb", "english"),
    dates=DATES,
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
    # Emergency guardrail (regexes over folded text): each rule needs a symptom word, so a
    # routine request that names an organ or a specialty does not match.
    emergency={
        "chest_pain": (
            rf"\b(chest|heart) {GAP}(pain|hurts?|hurting|pressure|tightness|tight|squeez)",
            rf"\bpain {GAP}(in|on|across) (my |his |her )?chest",
            r"\bheart attack",
            r"\bcrushing (pain|feeling)",
            r"\bpain {_W}(left|down my) arm {_W}(chest|sweat)",
        ),
        "breathing": (
            r"\b(can ?t|cannot|can not|unable to|hard to|struggling to|trouble|difficulty|could not|couldn ?t) (to )?(breathe|breath|breathing)",
            r"\bnot breathing",
            r"\bstopped breathing",
            r"\bshort(ness)? of breath",
            r"\bchoking",
            r"\bsuffocat",
            r"\bgasping",
            r"\bturning blue",
            r"\b(lips|face) (are |is )?(turning )?blue",
            r"\bbarely breath",
        ),
        "stroke": (
            r"\bstroke\b(?! (rehab|recovery|survivor|prevention|risk|clinic|unit|of luck))",
            rf"\b(face|mouth|smile) {GAP}droop",
            r"\bslurred speech",
            r"\bslurring",
            r"\b(can ?t|cannot) (speak|talk|move|feel) (properly|my (arm|leg|face))",
            r"\b(can ?t|cannot) (speak|talk) (properly|right)",
            rf"\bnumb\w* {GAP}(one|left|right) side",
            r"\b(one|left|right) side {_W}(numb|weak|paralyz)",
            r"\bsudden (numbness|weakness|confusion)",
        ),
        "bleeding": (
            rf"\b(bleeding|blood|bleeds?) {GAP}(heavily|a lot|won ?t stop|wont stop|will not stop|everywhere|badly|nonstop|non stop|isn ?t stopping)",
            r"\b(heavy|severe|lots of|uncontrolled|massive|profuse) (bleeding|blood)",
            r"\bhemorrhag|\bhaemorrhag",
            r"\bvomiting blood",
            r"\bcoughing (up )?blood",
            r"\bcan ?t stop (the )?bleeding",
            r"\bsoaked in blood",
        ),
        "unconscious": (
            r"\b(unconscious|unresponsive|passed out|fainted|collapsed)\b",
            r"\bwon ?t wake up",
            r"\bnot waking up",
            r"\bseizure",
            r"\bconvuls",
            r"\bnot responding\b",
            r"\bblacked out",
        ),
        "anaphylaxis": (
            rf"\b(throat|tongue|lips?|face) {GAP}(swell|swollen|closing)",
            r"\banaphyla",
            r"\bsevere allergic reaction",
            rf"\ballergic reaction {GAP}(breath|swell)",
            r"\bepi ?pen",
            r"\b(throat|airway) (is )?closing",
        ),
        "poisoning": (
            r"\boverdose",
            r"\bpoison",
            r"\b(swallowed|drank|ate) (?:a bunch of |a lot of |lots of |too many |many |all (?:of )?(?:my |the |his |her )?|a whole (?:bottle|pack|box) of |some of (?:my |the |his |her )|(?:my|his|her|the) )?(bleach|pills|poison|batter(y|ies)|detergent|tablets|meds|medication|medicine|sleeping pills|rat poison)",
            r"\b(took|taken|has taken) (too many|a lot of|lots of|a bunch of|all (of )?(my|the|his|her)|a whole (bottle|pack|box) of) (pills|tablets|meds|medication|medicine)",
        ),
        "suicidal": (
            r"\b(kill|killing|hurt|hurting|harm|harming|cut|cutting) myself",
            r"\b(want|wanna|going|gonna|feel like|thinking (about|of)) (to )?(die|dying|end it)\b",
            r"\bsuicid",
            r"\bend(ing)? (my (own )?life|it all)\b",
            r"\bending it\b",
            r"\bwant to die",
            r"\bwanna die",
            r"\bdon ?t want to (live|be alive|be here)",
            r"\bself harm",
            r"\bbetter off dead",
            r"\bno reason to live",
            r"\bnot worth living",
            r"\btake my (own )?life",
        ),
    },
    # Both parts anywhere in the message, in either order ("peito ... dor").
    emergency_pairs={
        "chest_pain": (r"\bchest\b", r"\b(pain|hurts?|hurting|pressure|tight)"),
        "anaphylaxis": (r"\b(throat|tongue|lips?)\b", r"\b(swell|swollen|closing)"),
        "breathing": (r"\b(breathe|breathing|breath)\b", r"\b(can ?t|cannot|unable|struggling|hard)\b"),
    },
    symptom_words="chest heart pain breathe breathing breath unconscious unresponsive fainted collapsed seizure bleeding blood heavily suicide suicidal myself overdose poison allergic swollen swelling throat tongue choking numbness slurred hemorrhage anaphylaxis",
    not_typos="strike stoke heard hears flood chess paint plain bread cooking painted breeding pleading poisson color",
    # History with a routine request ("I had chest pain last year, I'd like a check-up")
    # is no emergency unless something says it is happening now.
    history=(
        r"last (year|month|summer|winter)",
        r"years? ago",
        r"months? ago",
        r"history of",
        r"used to (have|get)",
    ),
    routine=(
        r"check ?up",
        r"follow ?up",
        r"appointment",
        r"book",
    ),
    happening_now=(
        r"now",
        r"again",
        r"right now",
        r"today",
        r"still",
    ),
    crisis_copy="If you are thinking about ending your life or hurting yourself, you are not alone. Please call or text 988 (US and Canada) or your local emergency number right now.",
)
