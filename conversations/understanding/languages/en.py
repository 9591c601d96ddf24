"""English."""

from conversations.understanding.languages.date_words import DateWords, Holiday, PeriodWords
from conversations.understanding.languages.faq_words import FaqWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords(
    rewrites=((r"\b(\d{1,2})\s?ish\b", r"around \1"), (r"(\w)ish\b", r"\1")),
    ordinal_suffixes="st nd rd th",
    phrase_rewrites=(
        (r"\b(a|one|1) fortnight\b|\bfortnight\b", "2 weeks"),
        (r"\b(\d{1,2}) day of (?=[a-z])", r"\1 of "),
    ),
    dotted_month_day=True,
    not_dotted_after="at around by",
    not_dotted_before=(r"hrs?\b", "hours", r"o.?clock"),
    numbers="one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty",
    tens="twenty thirty forty fifty sixty seventy eighty ninety",
    numbers_only_in_context="one",
    number_contexts=(
        r"\bone\b(?=\s*(?:am|pm|o ?clock|thirty|fifteen|forty|fifty|in the|at night|:|\d))",
        r"(?:(?<=\bat )|(?<=\bto ))one\b",
    ),
    number_and="and",
    ordinals_anywhere=True,
    year_thousands={"two thousand": 2000},
    year_and="and",
    year_in_pairs=True,
    year_hundred="hundred",
    months="january february march april may june july august september october november december",
    month_abbreviations=(
        "jan",
        "feb",
        "mar",
        "apr",
        "",
        "jun",
        "jul",
        "aug",
        "sep sept",
        "oct",
        "nov",
        "dec",
    ),
    month_short_forms="sept jun jul",
    abbreviations_in_birth_dates=True,
    weekdays=(
        ("monday",),
        ("tuesday", "tues"),
        ("wednesday",),
        ("thursday", "thurs"),
        ("friday",),
        ("saturday",),
        ("sunday",),
    ),
    weekday_abbreviations=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    month_first=True,
    day_month_links="of",
    year_links="in of",
    year_not_before=(r"o ?clock",),
    relative_days={
        2: ("day after tomorrow",),
        -2: ("day before yesterday",),
        1: ("tomorrow", "tmrw", "tmr", "tomorow"),
        0: ("today", "tonight", "this (?:morning|afternoon|evening)", "later today"),
        -1: ("yesterday", "last night"),
    },
    relative_days_at_end={1: ("day after", "following day"), -1: ("day before", "previous day")},
    relative_at_end_articles={1: "the", -1: "the"},
    now_words="now",
    today_words="today",
    tomorrow_words="tomorrow tmrw",
    now_phrases=(
        "right now",
        "now",
        "at present",
        "at the moment",
        "at this time",
        "at the present time",
        "at the minute",
    ),
    indefinite_articles="a an",
    units={
        "day": "day days",
        "week": "week weeks",
        "month": "month months",
        "year": "year years",
        "minute": "minute minutes min mins",
        "hour": "hour hours",
    },
    in_days=("in", "within"),
    in_minutes=("in", "within"),
    days_from=("from", "after"),
    from_now=("from now", "later"),
    half_an_hour=("half an",),
    ago_after="ago",
    time_ago_after="ago",
    later=("later", "after"),
    shift_prefix="in",
    shift_after=("from", "after", "since"),
    shift_before=("before",),
    span_for="for",
    span_from=(r"starting(?:\s+from|\s+on)?", "from", "beginning"),
    next_week=("next week", "the following week", "following week"),
    this_week=("this week", "this coming week"),
    last_week=(r"last week(?! of)", "previous week", "the week before"),
    week_after_next=("the week after next",),
    weekend=("weekend",),
    next_before=("next", "following"),
    next_after=("next week", "of next week"),
    this_before=("this", "this coming", "coming"),
    coming_before=("this coming", "coming", "this next"),
    last_before=("last", "past", "previous"),
    last_after=("last week", "of last week"),
    this_past_before=("this past", "past"),
    next_days_before=("next", "the next", "following"),
    days_plural="days",
    next_days_after=("next days", "following days"),
    day_number_before=("the", "on the", "day"),
    day_number_not_before=("hrs",),
    day_number_on="on",
    day_on_not_before=("in the", "o clock", "oclock"),
    of_this_month_links="of",
    this_month=("this", "this month", "the month"),
    day_of_next_month_day="day",
    definite_articles="the",
    next_month=("next month", "following month"),
    weekday_number_links=("the",),
    weekday_number_not_before=(r"o ?clock", "oclock", "in the"),
    optional_article="the",
    hour_abbreviations="hrs",
    oclock=(r"o ?clock", "oclock"),
    clock_minutes_not_before=("days",),
    clock_fractions={"quarter": 15, "half": 30},
    clock_minute_units="min mins minute minutes",
    clock_past="past after",
    clock_to=("to", "till", "before", "til"),
    hour_minute_not_before=("of ", "days", "min"),
    clock_prepositions=("at", "around", "about", "by", "after", "before", "from", "until", "till"),
    clock_preposition_not_before=("of", "st", "nd", "rd", "th", "days", "weeks"),
    hour_period_links=("in the", "of the", "at", "this"),
    hour_period_words="morning afternoon evening night tonight",
    period_before_hour="morning evening afternoon night tonight",
    noon=("noon", "midday"),
    midnight=("midnight", "mid night"),
    periods={
        "morning": PeriodWords(
            alone=("morning",), after=("morning", "mornings"), prepositions=("in the", "this")
        ),
        "afternoon": PeriodWords(
            alone=("afternoon",), after=("afternoon", "afternoons"), prepositions=("in the", "this")
        ),
        "evening": PeriodWords(
            alone=("evening", "tonight", "night"), after=("night",), prepositions=("in the", "at")
        ),
    },
    after_words=("after", "from", "since", "later than", "no earlier than", "starting"),
    before_words=("before", "until", "till", "no later than", "not later than", "earlier than"),
    before_noon=("before",),
    before_noon_words=("noon",),
    between_from="between from",
    between_and="and to",
    range_from="from between",
    range_to="to and until till through thru",
    range_articles="the",
    any_order_fillers="of the",
    week_of=(r"week\s+(?:of|beginning|starting(?:\s+on|\s+from)?|commencing)", r"w/?c"),
    week_words="week",
    week_ordinals="first second third fourth",
    week_last="last",
    nth_week_articles="the",
    of_words="of",
    this_month_names=("this month",),
    next_month_names=("next month",),
    last_month_names=("last month", "the last month"),
    week_number_articles="the",
    week_number_links="of in",
    year_shifts={"last year": -1, "next year": 1, "this year": 0},
    end_of=("end of(?: the)?",),
    end_of_day=("day", "the day"),
    end_of_day_alone=("eod",),
    business_next=("next", "following"),
    business_back=("previous", "last", "past"),
    business_days=(r"(?:business|working|work|week)\s*days",),
    work_week_this="this the",
    work_week_next=("next",),
    work_week=(r"work ?week", "working week", "business week"),
    weekend_of=("weekend",),
    weekend_after="weekend",
    holidays=(
        Holiday("christmas", ("christmas", "xmas"), month=12, day=25),
        Holiday("new_year", ("new year s day", "new year day", "new year", "new years"), month=1, day=1),
        Holiday("easter", ("easter",), easter=0),
        Holiday("carnival", ("carnival",), easter=-47),
        Holiday("halloween", ("halloween",), month=10, day=31),
        Holiday("valentine", ("valentine s day", "valentines day"), month=2, day=14),
        Holiday(
            "saint_patrick", ("saint patrick s day", "saint patrick", "st patrick s day"), month=3, day=17
        ),
        Holiday("earth_day", ("earth day",), month=4, day=22),
        Holiday("independence", ("independence day",), month=7, day=4),
        Holiday("labor_day", ("labor day", "labour day"), month=9, weekday=0, nth=1),
        Holiday("thanksgiving", ("thanksgiving",), month=11, weekday=3, nth=4),
        Holiday("black_friday", ("black friday",), month=11, weekday=3, nth=4, days_after=1),
        Holiday(
            "workers_day",
            ("international workers day", "international worker s day", "workers day", "may day"),
            month=5,
            day=1,
        ),
    ),
    holiday_next=("next", "following", "this", "the"),
    holiday_last=("last", "previous"),
    holiday_prefixes=("day of",),
    holiday_suffix="day",
    holiday_year_links="of",
    holiday_years=("this year", "next year", "last year"),
)

FAQ = FaqWords(
    stop_words="""
        a an the is are am was be been to of and or in on at for with it its this that these
        those i me my we our you your he she they them do does did can could would will shall
        may might please hi hello hey thanks thank ok okay so just also there here about any
        some tell know get got yet already still now while use using allowed have has had need
        needs want someone anything something place easily really there happen happens option
        options send pls plz
    """,
    # Retrieval: synonyms by concept (keys shared by every pack) and phrases.
    concepts={
        "_price": "price prices cost costs expensive fee fees penalty charge",
        "_where": "where",
        "_address": "address street avenue located location locations office offices branch branches",
        "_metro": "metro subway underground station stations",
        "_parking": "park parking garage valet car carpark",
        "_bring": "bring",
        "_document": "docs document documents id",
        "_open": "open opens opening",
        "_close": "close closes closing closed",
        "_saturday": "saturday saturdays",
        "_sunday": "sunday sundays",
        "_fast": "fast fasting",
        "_blood": "blood",
        "_test": "test tests exam exams lab",
        "_water": "water",
        "_insurance": "insurance insurer insurers network carrier coverage covered",
        "_pay": "pay paying payment payments",
        "_credit": "credit visa mastercard",
        "_debit": "debit",
        "_cash": "cash",
        "_installments": "installments instalments",
        "_cancel": "cancel cancelling canceling cancellation",
        "_reschedule": "reschedule change",
        "_notice": "notice advance",
        "_wheelchair": "wheelchair wheelchairs accessible accessibility ramp",
        "_elevator": "elevator elevators lift",
        "wifi": "wifi internet",
        "_password": "password",
        "_companion": "friend companion companions accompany",
        "_minor": "minor minors",
        "_child": "child children kid kids",
        "_spouse": "husband wife partner",
        "_alone": "alone",
        "_parent": "parent parents guardian mom mum mother dad father",
        "_result": "result results",
        "_ready": "ready available",
        "_online": "online web website portal site",
        "_accept": "accept accepted accepts",
        "_visit": "appointment appointments visit visits consultation consult",
        "_enter": "enter",
        "_email": "email mail",
        "_first": "first",
        "_day": "day days",
        "_hour": "hour hours time times",
        "_pick": "collect",
    },
    phrases={
        "wi fi": "wifi",
        "how much": "_price",
        "how long": "_delay",
        "health plan": "_insurance",
        "health plans": "_insurance",
        "health insurance": "_insurance",
        "under 18": "_minor",
        "with me": "_companion",
        "without eating": "_fast",
        "blood work": "_blood _test",
        "blood draw": "_blood _test",
        "e mail": "_email",
        "email address": "_email",
        "come in": "_enter",
        "come into": "_enter",
        "pick up": "_pick",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 two 3 three 4 four 5 five 6 six 7 seven 8 eight 9 nine 10 ten 11 eleven 12 twelve noon
        midday 15 fifteen 20 twenty 24 midnight 30 thirty 40 forty 45 forty-five 48 forty-eight
        50 fifty 60 sixty 100 hundred 1000 thousand
    """,
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    currency_words="dollar dollars euro euros",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        sympt pain painf hurt hurts hurting ache aches aching headach migrain fever cough rash itchy
        itchi itch swell swoll lump bleed bruis nause vomit diarrh dizzi dizzy faint numb tingl ringing
        sneez congest runny wheez breathl palpit seizur tremor insomn fatigu tired cramp spott discharg
        constip sore burning blister pimpl acne eczema psoria dandruff wart convuls diabet hypertens
        asthma cancer tumor tumour covid flu influenz infect allerg anemi anaemi thyroid depress anxiet
        hpv hiv aids herpes uti otitis sinusit bronchit pneumon dengue zika chikung colic reflux
        heartburn gastrit ulcer hemorr arthrit osteopor cholest obesi melanom mole moles std stds sti
        stis medic pill pills tablet capsul drug drugs syrup cream ointm drops inhaler injec vaccin
        antibiot antiinfl anti-infl analges antihist antacid ibuprof paracetam acetamin tylenol advil
        motrin aspirin amoxic azithro cefalex ciproflox metronid omepraz pantopraz ranitid losart
        metform insulin levothyrox synthroid sertral fluoxet escitalop clonazep diazep alprazol zolpidem
        melaton benadryl loratad desloratad fexofen allegra predniso cortico corticoid dexamet warfar
        clopidog atorvast simvast rosuvast statin contracep iud viagra sildenaf tadalaf ozempic semaglut
        wegovy vitamin suppleme iron zinc magnes calcium omega probiot creatin collagen antidepres
        antidepr alcohol beer wine dose doses dosage mg mcg ml iu milligr overdos glucos sugar pressure
        ldl hdl triglyc tsh t3 t4 hemoglob hba1c creatinin ferritin potass sodium psa crp esr platelet
        hematocr urea uric bilirrub enzym hormon testost estrogen estradi progest prolact hcg bhcg
        ultrasound mammogr xray mri biops urine stool abnormal elevated pregnan breastf baby babies
        toddler infant newborn neonat swallow bleach poison intoxic fractur broken sprain burn burns
        burned wound bite bitten sting stung surger operat postop anesthes stitch sutur temperat heart
        chest stomach tummy belly throat ear ears eye eyes nose skin knee tooth teeth gum headach neck
        spine hip kidney liver lung period periods menstru ovul ovari uterus penis vagin breast prostat
        testic urinat pee poop sleep sleeping weight shot shots meningit hepatit measles tetan hernia
        laxat sick ill arm arms leg legs hand foot feet cardiac pulse
    """,
    not_health="medical media pillow sugarcane heartly",
    health_phrases=r"""
        birth control|blood (sugar|pressure|count)|x ray|morning after|the pill|ct scan|pap smear|by mouth
        (ate|drank|swallowed|ingested|put) (a|an|some|the|his|her|my)
    """,
    topics=r"""
        medication|medications|medicine|medicines|meds|pill|pills|tablet|tablets|capsule|drug|drugs|prescription
        prescribe|prescribed|antibiotic\w*|ibuprofen|paracetamol|acetaminophen|tylenol|advil|aspirin\w*
        amoxicillin\w*|insulin\w*|metformin\w*|omeprazol\w*|losartan|statin\w*|antidepressant\w*|contraceptive\w*
        birth control|symptom\w*|pain|painful|hurts?|hurting|ache|aches|aching|headache|migraine|fever|feverish
        cough\w*|rash|itch\w*|swollen|swelling|lump|bleed\w*|nausea|nauseous|vomit\w*|diarrh\w*|dizz\w*
        infection|infected|inflamed|sore|bruise\w*|burning|discharge|spotting|cramp\w*|allerg\w*|diabet\w*
        hypertension|(high|low) blood pressure|blood pressure (is|of|reading)|cholesterol|anxiety|depress\w*
        insomnia|pregnan\w*|miscarriage|std|sti|hiv|cancer|tumou?r|asthma|flu|covid|cold sore|swallow\w*
        supplement\w*|vitamin\w*|heartburn|reflux|heart rate|pulse|vaccin\w*|vaccine\w*|biops\w*|surger\w*
        operation|menstrua\w*|period pain|periods|constipat\w*|burn|burns|burned|wound|injur\w*|lesion\w*
        fracture\w*|sprain\w*|bite|bitten|sting
    """,
    advice=r"""
        dose|doses|dosage|mg|milligrams?|overdos\w*|side effects?|vaccine\w* (safe|side)
        diagnos\w*|prognosis|treatment|treat (my|it|this)|cure|(keep|still|continue|stop) (taking|using)
        how (do|can|should|to) (i|we|you)? ?(treat|cure|heal|get rid of|relieve)
    """,
    results=r"results?|levels?|exams?|test|tests",
    result_readings=r"""
        mean|means|normal|high|low|bad|good|worr\w*|serious|concern\w*|positiv\w*|negativ\w*
    """,
    meaning=r"mean|means|meaning|interpret\w*",
    negations="not",
    is_it=r"is it|is this|is that|is my \w+",
    is_it_states=r"normal|serious|contagious|dangerous|high|low|too high|too low",
    lab_tests=r"""
        glucose|sugar level|tsh|t4|hemoglobin|hba1c|triglycerides?|creatinine|psa|ferritin|platelets|white cells
        vitamin d|ldl|hdl
    """,
    lab_levels=r"high|low|normal",
    should=r"should i|do i need to",
    should_actions=r"""
        take(?! (my |the |a |an )?(id|documents?|cards?|insurance|exams?|bus|taxi|train|metro|subway|uber|car|parking))
        worry|worried|concerned|stop taking|stop|keep taking|go to (the )?(er|emergency|hospital)|see a doctor
    """,
    can_i=r"can i|could i|is it safe to",
    can_i_actions=r"""
        take(?! (my |the |a |an )?(id|documents?|cards?|bus|taxi|train|metro|subway|uber|car|kids?|children|son|daughter|husband|wife))
        keep taking|still take|mix|drink alcohol|combine|breastfeed\w*
    """,
    which=r"what|which",
    remedies=r"medicine|medication|pill|cream|ointment|treatment|antibiotic",
    am_i=r"am i",
    sick=r"sick|ill",
    what_is=r"what is|what s|whats",
    normal_articles=r"a|an",
    normal=r"normal",
    decisions=r"""
        \bshould (i|we|he|she|they|my \w+|a \w+)\b(?! {admin_verbs}\b)
        \bis (it|this|that|my \w+|his \w+|her \w+|the \w+|\w+)( \w+)? (normal|safe|ok|okay|alright|all right|bad|dangerous|serious|harmful|risky|a problem|a concern|worrying|contagious|too high|too low|too much|high|low|fine)\b(?! (to|for) {admin_verbs}\b)
        \b(normal|abnormal|unsafe|dangerous|harmful|risky|worr\w*|concern\w*|afraid|scared|bad for|good for)\b
        \b(can|could|may) (i|we|he|she|they|my \w+|a \w+|you) (still )?(take|eat|drink|mix|give|use|combine|skip|stop|double|fly|exercise|work out|go to the gym|swim|travel|have sex|breastfeed)\b
        \bwhat (does|do|did|is|would) .{0,50}\bmeans?\b|\bmeaning of\b
        \bwhat (could|might|can|would) (it|this|that|cause|be)\b|\bwhat s wrong\b|\bwhat is wrong\b
        \bwhat (should|do|can|must|shall) (i|we) (do|take|give|use|eat|drink|apply)\b|\bwhat to (do|take|give)\b
        \bhow (much|many|often|long)\b.{0,40}\b(should|can|may|must|to take|to give|per day|a day|daily)\b
        \bam i (protected|pregnant|sick|ill|at risk|contagious|infected|ok|okay)\b|\bis there a (risk|chance)\b
        \bwhy (do|does|is|am|are|did|would) \w+\b|\b(give|gave) (him|her|them|my \w+|a \w+|the \w+)\b
        \btoo (high|low|fast|slow|much|little|long|often|many|few|big|small)\b
        \b(what now|and now what|what next)\b|\b(could it be|can it be)\b|\bis it \w+$|\bserious\b
        \bhow (do|can|should|to) (i|we)? ?(treat|cure|heal|stop|get rid|relieve|help|lower|raise|reduce|increase)\b
        \b(keep|still|continue|stop) (taking|using)\b
    """,
    admin_verbs=r"""
        bring|book|arrive|come|pay|call|cancel|park|schedule|reschedule|wear|fill|print|send|register|check in
        show|wait|leave|sign|fast|prepare
    """,
    result_is=r"is|are",
    result_levels=r"high|low",
    number_is=r"is",
    number_levels=r"high|low",
    problem_is=r"is",
    problem_this=r"it|this|that",
    problem_articles=r"a",
    problem=r"problem",
    works_which=r"what|which",
    works=r"is it|do i have|works?|helps?",
    take_again=r"take",
    again=r"double|another|again",
    do_sport=r"do|play",
    sports=r"sports?",
    can_go=r"can i",
    go=r"go|drive|work",
    booking=r"""
        book|booking|appointment|appt|schedule|slot|consult|consultation|check ?up|follow ?up
        see (a|the|him|her|me|someone|somebody)\b
    """,
    service_who=r"do you|does (the clinic|your clinic|the doctor|dr \w+)|do (your|the) doctors",
    service_verbs=r"treat|do|offer|see|handle|have",
    admin=r"""
        bring|brings|list|pay|paying|price|cost|costs|fee|park\w*|fast|fasting|come with|accompany|wheelchairs?
        insurance|open|cancel\w*|reschedul\w*|ready|wifi|toilet|elevator|lift|ramp
    """,
    preparation=r"prepar\w*",
    needs=r"(do|does) (i|we|he|she|they|my \w+) (really )?need",
    need_to=r"to",
    billing=r"""
        waive|waived|waiver|exempt\w*|forgiv\w*|discount\w*|refund\w*|overcharg\w*|double charg\w*
        charged (me )?(twice|double|two times|wrong\w*|too much)|wrong (charge|amount|bill|invoice)
        dispute\w*|chargeback|money back|pay less|(billed|charged) me\b|can ?t afford|cannot afford|unable to pay
        not pay(ing)? (the|this|that)|(two|2|double|duplicate\w*|extra) (charges|payments|transactions)
        (drop|remove|cancel|take off|skip|forgive|waive|get rid of) (the|that|this|my|your)( \w+){0,2} (fee|charge|penalty|fine)
        contest\w*|impugn\w*|overpaid|paid too much|special price|(was|were|got|been|being) (billed|charged)
        return my money|unemployed|no money
    """,
    charged=r"charged|billed",
    twice=r"twice|double|two times",
    bill_items=r"bill|charge|invoice",
    bill_wrong=r"incorrect\w*|wrong",
    cheaper_make=r"make it",
    cheaper_more=r"a bit",
    cheaper=r"cheaper",
    free=r"free of charge|for free|free consult\w*",
    facility=r"park\w*|valet|wi ?fi|internet|cancel\w*",
)

PACK = LanguagePack(
    code="en",
    name="English",
    english_name="English",
    choice_name="ENGLISH",
    aliases=("en-us", "en-gb", "english"),
    dates=DATES,
    faq=FAQ,
    stemmer="english",
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
    intents={
        "human": (
            r"^(agent|human|operator|receptionist|a person|person)( please| pls)?$",
            r"\b(connect|transfer|put) me (to|through to|with)\b",
            r"\b(don t|do not|dont) want (a |to talk to a )?(bot|robot|machine)",
            r"\b(talk|speak|chat)\w*\s+(to|with)\s+(a |an |the |some |someone|somebody|real |actual )*(person|human|agent|someone|somebody|receptionist|staff|operator|representative|secretary|nurse)",
            r"\b(real|actual) (person|human)",
            r"\bhuman (agent|please|being)",
            r"\b(agent|operator|receptionist) please",
            r"\b(want|need)\s+(a )?(human|person)\b",
            r"\bnot (a |talking to a )?(bot|robot|machine)",
            r"\bcall me( back)?\b",
        ),
        "reschedule": (
            r"\bre ?schedul",
            r"\bpostpone",
            r"\b(change|move|switch|push|shift)\w*\s+(?:the\s+(?:date|time|day)\s+of\s+)?{my_appt}",
            r"\bchange\w* (the )?(date|time|day)\b",
            r"\b(another|different|other) (day|time|date)\b",
            r"\bcan (i|we) (change|move)",
            r"\bmove (it|my)\b",
        ),
        "cancel": (
            r"\bcancel",
            r"\b(can ?t|cannot|won ?t|will not|wont|not able to|unable to)( be able to)? (make it|come|go|attend)",
            r"\bcall off\b",
            r"\b(don t|do not|dont|no longer|not) (need|want|in need of) (my|the|this|that) (appointment|reservation|booking)",
            r"\b(delete|remove) (my |the )?(appointment)",
        ),
        "availability": (
            r"\b(any|have|got|are there|is there)\b.{0,30}\b(availab\w*|openings?|slots?|free time|space|spots?)\b",
            r"\bavailab",
            r"\b(do you have|have you got|got|is there) (anything|something|any time|room|space)\b",
            # "Anything with Dra. Ana on Friday?"
            r"^(anything|something)\b.{0,40}\b(with)\b",
            r"\bwhen (is|are|can)\b.{0,30}\b(free|see me|available|open)",
            r"\bwhat (times|days|dates|slots)\b",
            r"\bfree (slots?|times?|spots?)\b",
            r"\bnext (available|free|open)",
            r"\bearliest\b",
            r"\b(what|which) (days|times|hours) (does|is|do)\b",
        ),
        "book": (
            r"\b(book|booking|bookin|schedule|make|set|arrange|get|need|want|like|request|reserve|fix|confirm|go ahead)\w*\b.{0,30}\b{book_noun}\b",
            r"(^|\b(to|please|pls|can you|could you|can i|let s|lets|i ll|gotta|wanna|and|then|now|just)\s+)(book|schedule)\b(?! (of|list|club|store|about|by|on amazon|titled))",
            r"\b(book|schedule) (me|it|us|him|her|one|an?|the|that|this|for|with|in|on|at)\b(?! (book|copy|list))",
            r"\bbook(ing|ed)? (me|it|us|him|her|one|for|with|in|on|at|again|an?) ",
            r"\b(see|visit|consult) (a |an |the |my |that |this |dr |dra |doctor )?(doctor|dr|dra|doc|dentist|specialist|physician|nurse|someone|somebody|gp|therapist|pediatrician|\w+ologist|\w+iatrist)\b",
            r"\b(need|want) (a doctor|a check ?up|to be seen)",
            r"\b(need|want) (?:a|an) (doctor|dentist|therapist|psychologist|pediatrician)\b",
            r"\b(looking|searching|hoping|trying) (for|to get|to book) (an?|one|some) {book_noun}\b",
            r"\b(try|make it|set it|put me down)\b.{0,60}\b(\d|morning|afternoon|evening|noon|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|next)",
            r"\b(find\w*|search\w*|looking for|look for|locate)\b.{0,20}\b(doctor|dentist|therapist|specialist|physician|gp|pediatrician|psychologist|psychiatrist|\w+ologist)s?\b",
            r"\b(reserve)\b",
            r"\bnew appointment\b",
            r"\b(be seen)\b",
            r"\b(can you|could you|can someone|can the doctor|can anyone) (see|fit|squeeze|examine) me\b",
            r"\b(want|need|like)\b.{0,40}\b(with|see|to) (the |a |my )?(doctor|dr|dra|doc)\b",
            r"\b(take|bring) (a |my )?\w+ (to the|to a) (pediatr|doctor|dentist|dermatolog|gynecolog)",
        ),
        "faq": (
            r"\b(where|address|location|located|directions|how do i get|parking|park)\b",
            r"\b(price|cost|how much|fee|fees|charge|pay|payment|insurance|accept|cover|covered|credit card|cash)\b",
            r"\b(opening hours|open on|open at|are you open|what time do you (open|close)|hours of operation|office hours|close on)\b",
            r"\b(bring|prepare|fast|fasting|documents)\b",
            r"\b(do you (do|offer|have|treat|see))\b",
            r"\b(how long|duration)\b",
            r"\b(phone number|email|website)\b",
            r"\b(covid|vaccin\w*|results?|prescriptions?|certificates?)\b",
            r"\b(what time)\b.{0,20}\b(open|close)\b",
        ),
    },
    weak_book=(r"\bappointment\b",),
    book_nouns=(
        "appointment",
        "appt",
        "reservation",
        "appoinment",
        "apointment",
        "appointement",
        "consult",
        "consultation",
        "check ?up",
        "follow ?up",
        "(?:a |an |the |my |office |clinic |doctor s )visit",
        "(?:pressure|bp|mole|skin|eye|heart|blood) (?:check|test)",
        "(?:physical|medical|eye|annual|routine) exam",
    ),
    determiners=("my", "the", "this", "that"),
    greetings=(
        "hi",
        "hello",
        "hey",
        "heya",
        "hiya",
        "howdy",
        "good (morning|afternoon|evening|day)",
        "hallo",
        "yo",
    ),
    thanks=("thanks", "thank you", "thank u", "thx", "ty", "cheers"),
    thanks_intensifiers=("a lot", "so much", "very much"),
    farewells=("bye", "goodbye", "see you( then| soon)?", "see ya", "have a (good|nice) (day|one)"),
    closings=("that s all", "thats all", "nothing else", "that will be all"),
    closing_words=(
        "thank",
        "that is all",
        "that was all",
        "that s everything",
        "no problem",
        "no worries",
        "never mind",
        "nevermind",
    ),
    yes_words=(
        "yes",
        "yeah",
        "yep",
        "yup",
        "ya",
        "yas",
        "sure",
        "ok",
        "okay",
        "okey",
        "okk",
        "k",
        "alright",
        "all right",
        "correct",
        "right",
        "exactly",
        "perfect",
        "great",
        "sounds good",
        "that works",
        "works for me",
        "confirm",
        "confirmed",
        "go ahead",
        "do it",
        "please do",
        "absolutely",
        "definitely",
        "of course",
        "that s right",
        "thats right",
    ),
    no_words=(
        "no",
        "nope",
        "nah",
        "not really",
        "no thanks",
        "no thank you",
        "negative",
        "wrong",
        "incorrect",
        "not that",
        "don t",
        "dont",
        "neither",
        "none",
        "n",
    ),
    not_that=("that s not", "thats not"),
    but_words=("but",),
    objections=("cancel", "change"),
    booking_stems=("book", "appointment", "cancel", "reschedul"),
    want_words=("need", "want", "would like", "d like", "looking for", "see"),
    booking_verbs=("book", "booking", "schedule", "make (me )?an appointment"),
    question_starts=("do", "does", "is", "are", "can", "how", "what", "where", "when", "which"),
    typos={
        "kansel": "cancel",
        "apointment": "appointment",
        "appt": "appointment",
        "resched": "reschedule",
        "pls": "please",
        "plz": "please",
    },
    keywords=(
        "appointment",
        "reschedule",
        "cancel",
        "schedule",
        "available",
        "availability",
        "consultation",
        "receptionist",
    ),
    off_topic=(
        "car",
        "oil change",
        "flights?",
        "hotel",
        "restaurant",
        "table for",
        "a table",
        "the table",
        "tee time",
        "golf",
        "boat",
        "place to stay",
        "conference room",
        r"reservation for \d+\b(?!\s*(?:am|pm|:|o clock|in the))",
        r"reservation for \w+ at\b",
        "reservation at [a-z]+",
        "subscription",
        "money",
        "401k",
        "credit (limit|card)",
        "talking voice",
        "your name",
        "input",
        "that request",
        "the task",
        "whisper",
        "flat tire",
        "insurance plan",
        "haircut",
        "hair salon",
        "uber",
        "taxi",
        "pizza",
        "bank",
        "credit score",
        "song",
        "movie",
        "weather",
        "recipe",
        "mechanic",
        "dinner",
        "meeting",
    ),
    medical_words=("doctor", "dr", "dra", "clinic", "dentist"),
    accept=(
        "sounds? (good|great|fine|perfect|nice|ok)",
        "looks? (good|great|fine)",
        "(that|this|it) (will|would|should) (do|work)",
        "(this|that) one",
        "i accept",
        "go with",
        "let s go",
        "i (like|want|ll take) (him|her|them|this|that)",
        "(visit|see|meet|go to) (them|him|her|this|that|there)",
        "go there",
        "proceed",
        "that s (fine|good|great|perfect)",
        "that is (fine|good|great|perfect)",
        "(fine|good|great|perfect) for me",
        "works for me",
        "try (again|for|at)",
    ),
    change_existing=(r"re ?schedul\w*", "postpone", "my appointment", "existing"),
    alternatives=("other", "another", "different", "else", "more options"),
    asks_details=(
        "address",
        "phone",
        "number",
        "rating",
        "ratings",
        "reviews?",
        "contact",
        "where are they",
        "where is it",
    ),
    honorifics=("dr", "doctor", "doc", "prof", "professor", "mr", "mrs", "ms", "miss"),
    non_names=(
        "with",
        "the",
        "and",
        "to",
        "for",
        "see",
        "want",
        "i",
        "me",
        "my",
        "an",
        "a",
        "appointment",
        "at",
        "on",
        "in",
        "is",
        "am",
        "pm",
    ),
    specialties={
        "cardiology": ("cardiolog", "heart doctor"),
        "dermatology": ("dermatolog", "skin doctor"),
        "pediatrics": ("pediatr", "paediatr", "children s doctor", "kids doctor"),
        "gynecology": ("gynecolog", "gynaecolog", "obgyn", "ob gyn", "gyn"),
        "ophthalmology": ("ophthalmolog", "eye doctor", "oculist"),
        "otorhinolaryngology": ("ent specialist", "ear nose", "ent doctor"),
        "psychology": ("psycholog", "therapist", "counselor", "counsellor"),
        "psychiatry": ("psychiatr",),
        "orthopedics": ("orthoped", "orthopaed"),
        "dentistry": ("dentist", "dental"),
        "nutrition": ("nutritionist", "dietitian"),
        "neurology": ("neurolog",),
        "endocrinology": ("endocrin",),
        "urology": ("urolog",),
        "general_practice": ("general practi", "family doctor", "gp"),
    },
    visit_phrases={
        "first": ("first visit", "first time", "first appointment", "new patient"),
        "follow_up": ("follow up", "followup", "check back", "return visit", "review appointment"),
        "checkup": ("check up", "checkup", "annual exam", "annual physical", "yearly physical"),
    },
    visit_type_words={
        "first": ("first", "new", "initial"),
        "follow_up": ("follow", "return"),
        "checkup": ("check",),
    },
    # The one list of ordinal words: options ("the second one") and day numbers ("the third").
    ordinals={
        1: ("first",),
        2: ("second",),
        3: ("third",),
        4: ("fourth",),
        5: ("fifth",),
        6: ("sixth",),
        7: ("seventh",),
        8: ("eighth",),
        9: ("ninth",),
        10: ("tenth",),
        11: ("eleventh",),
        12: ("twelfth",),
        13: ("thirteenth",),
        14: ("fourteenth",),
        15: ("fifteenth",),
        16: ("sixteenth",),
        17: ("seventeenth",),
        18: ("eighteenth",),
        19: ("nineteenth",),
        20: ("twentieth",),
    },
    option_nouns=("option", "opt", "number", "num", "choice"),
    option_articles=("the ", "with the "),
    option_fillers=("i want ", "i ll take ", "i d like "),
    option_suffixes=(" one", " option", " slot", " please"),
    last_option=("(?:the )?last(?: one)?",),
    not_an_option=("visit", "week"),
    please=("please", "pls"),
    option_time_leads=("the", "one at"),
    time_prepositions=("at",),
    name_intros=("my name is", "my name s", "name is", "i am", "i m", "im", "this is", "it s", "name"),
    name_connectors=("van", "von"),
    birth_words=("born", "birth", "dob", "date"),
    option_time_preps=("at",),
    option_time_marks=(r"\d\s*(?:am|pm|h)?\s*one\b",),
    name_fillers=("please", "thanks"),
    want_verbs=("want",),
    for_someone=(
        r"(?:it s |it is |its |this is )?for my (?:little )?(?:son|daughter|husband|wife|mother|mom|mum|father|dad|partner"
        r"|child|kid|baby|boy|girl|grandmother|grandma|grandfather|grandpa|brother|sister)",
        r"^my (?:son|daughter|husband|wife|mother|mom|mum|father|dad|partner|child|kid|baby|boy|girl)",
        r"(?:her|his|the patient s|the) (?:full )?name is",
        r"my (?:son|daughter|husband|wife|child|kid|boy|girl) s (?:full )?name is",
    ),
    corrections=("sorry", "typo", "i mean", "actually", "oops", "correction", "no"),
)
