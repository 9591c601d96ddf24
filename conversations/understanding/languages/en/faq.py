"""English: the words of FAQ retrieval and its limits (fields documented in faq_words.py)."""

from conversations.understanding.languages.faq_words import FaqWords

FAQ = FaqWords(
    stop_words="""
        a an the is are am was be been to of and or in on at for with it its this that these
        those i me my we our you your he she they them do does did can could would will shall
        may might please hi hello hey thanks thank ok okay so just also there here about any
        some tell know get got yet already still now while use using allowed have has had need
        needs want someone anything something place easily really there happen happens option
        options send pls plz but u ur quick thing things
    """,
    neutral_words="""
        today tonight tomorrow yesterday morning afternoon evening night week weekend month year
        next last soon later earlier again already now
        guys folks daughter son grandma grandmother grandpa grandfather granny nan mother-in-law
        saw seen came come up trying try tried wants wanted going gonna driving walking sorry
        someone somebody kind sort enough exactly actually currently right every only through
        company else front desk door gp am pm ll ve re her him his go dr myself yourself lol
        curious wondering
    """,
    # Retrieval: synonyms by concept (keys shared by every pack) and phrases.
    concepts={
        "_price": "price prices cost costs expensive fee fees penalty charge",
        "_where": "where",
        "_address": "address street avenue av located location locations office offices branch branches",
        "_metro": "metro subway underground station stations",
        "_parking": "park parking garage valet car carpark",
        "_bring": "bring",
        "_document": "docs document documents id paperwork identification passport",
        "_open": "open opens opening",
        "_close": "close closes closing closed shut",
        "_saturday": "saturday saturdays",
        "_sunday": "sunday sundays",
        "_fast": "fast fasting",
        "_blood": "blood",
        "_test": "test tests exam exams lab labs bloodwork bloods labwork",
        "_water": "water",
        "_insurance": "insurance insurer insurers network carrier coverage covered medicare medicaid chip aetna cigna bcbs  insured mutual ghic ehic bupa vhi laya vitality"
        "humana unitedhealthcare tricare ppo hmo",
        "_pay": "pay paying payment payments",
        "_credit": "credit visa mastercard amex elo hsa fsa",
        "_debit": "debit",
        "_cash": "cash",
        "_installments": "installments instalments split monthly",
        "_cancel": "cancel cancelling canceling cancellation",
        "_reschedule": "reschedule change",
        "_notice": "notice advance",
        "_wheelchair": "wheelchair wheelchairs accessible accessibility ramp disability disabled handicapped handicap "
        "walker walkers",
        "_elevator": "elevator elevators lift stairs staircase",
        "_toilet": "toilet toilets restroom restrooms bathroom bathrooms",
        "wifi": "wifi internet",
        "_password": "password pw pwd",
        "_companion": "friend companion companions accompany",
        "_minor": "minor minors",
        "_child": "child children kid kids",
        "_spouse": "husband wife partner",
        "_alone": "alone",
        "_parent": "parent parents guardian mom mum mother dad father",
        "_result": "result results",
        "_ready": "ready available",
        "_online": "online web website portal site login",
        "_pet": "pet pets dog dogs puppy cat cats",
        "_video": "video videocall telemedicine telehealth virtual remotely zoom",
        "_interpreter": "interpreter interpreters translate translator translation",
        "_late": "late lateness",
        "_note": "note certificate",
        "_prescription": "prescription prescriptions refill renew renewal",
        "_accept": "accept accepted accepts",
        "_visit": "appointment appointments appt appts visit visits visiting consultation consult",
        "_private": "private privately",
        "_checkup": "checkup checkups yearly annual",
        "_followup": "followup",
        "_enter": "enter",
        "_email": "email mail",
        "_first": "first",
        "_day": "day days",
        "_hour": "hour hours time times",
        "_pick": "collect",
        "_invoice": "invoice invoices receipt receipts itemised itemized",
        "_taxid": "nif nie vat",
        "_home": "home house flat housebound bedbound",
        "_record": "records record chart",
        "_referral": "referral referrals refer referred",
        "_vaccine": "vaccine vaccines vaccination vaccinations vaccinate jab jabs immunisation immunization immunisations",
    },
    phrases={
        # A car the patient has not got says nothing of parking ("no car this week, can I do it by video?").
        "no car": "",
        "without a car": "",
        "don t have a car": "",
        "dont have a car": "",
        "first time": "_first",
        "wi fi": "wifi",
        "doctor s note": "_note",
        "doctors note": "_note",
        "sick note": "_note",
        "proof of attendance": "_note",
        "guide dog": "_pet",
        "waiting room": "_waiting",
        "how much": "_price",
        "how late": "_close",
        "payment plan": "_installments",
        "payment plans": "_installments",
        "each month": "_installments",
        "online appointment": "_video",
        "how long": "_delay",
        "health plan": "_insurance",
        "health plans": "_insurance",
        "health insurance": "_insurance",
        "under 18": "_minor",
        "with me": "_companion",
        # Things taken along are things to bring; people taken along are companions.
        "take with me": "_bring",
        "take with us": "_bring",
        "take along": "_bring",
        "bring with me": "_bring",
        "without eating": "_fast",
        "blood work": "_blood _test",
        "blood draw": "_blood _test",
        "e mail": "_email",
        "email address": "_email",
        "come in": "_enter",
        "come into": "_enter",
        "pick up": "_pick",
        # Everyday ways to ask what a thing costs, where to leave the car, when a thing is ready.
        "how much for": "_price",
        "out of pocket": "_private",
        "check up": "_checkup",
        "follow up": "_followup",
        "return visit": "_followup",
        "leave my car": "_parking",
        "leave the car": "_parking",
        "be ready": "_ready",
        "come out": "_ready",
        "move my": "_reschedule",
        "push my": "_reschedule",
        "what time": "_hour",
        # Receipts, tax numbers, home visits, walk-ins, records, cancelling by not going.
        "lab work": "_test",
        "lab results": "_test _result",
        "log in": "_online",
        "sign in": "_online",
        "tax number": "_taxid",
        "tax id": "_taxid",
        "vat number": "_taxid",
        "house call": "_home _visit",
        "home visit": "_home _visit",
        "come round": "_home",
        "come over": "_home",
        "walk in": "_walkin",
        "drop in": "_walkin",
        "pop in": "_walkin",
        "rock up": "_walkin",
        "turn up": "_walkin",
        "show up": "_walkin",
        "without an appointment": "_walkin",
        "without appointment": "_walkin",
        "without booking": "_walkin",
        "same day": "_walkin",
        "first come": "_walkin",
        "medical records": "_record",
        "medical history": "_record",
        "my file": "_record",
        "can t make it": "_cancel",
        "cant make it": "_cancel",
        "cannot make it": "_cancel",
        "what s the damage": "_price",
        "whats the damage": "_price",
        "what do you charge": "_price",
        # Greetings say nothing about which entry is meant.
        "good morning": "",
        "good afternoon": "",
        "good evening": "",
        "hi there": "",
        "hello there": "",
        "how are you": "",
        "how are u": "",
        "how r u": "",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 two 3 three 4 four 5 five 6 six 7 seven 8 eight 9 nine 10 ten 11 eleven 12 twelve noon
        midday 15 fifteen 20 twenty 24 midnight 30 thirty 40 forty 45 forty-five 48 forty-eight
        50 fifty 60 sixty 100 hundred 1000 thousand
    """,
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    currency_words="dollar dollars euro euros",
    claim_words="any some can could may might need needs allowed",
    negation_words="no not never none nothing without cannot",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        adenoid snore snores snoring tinnitus stutter stammer burnout glucose
        carbs calori
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
        laxat sick ill arm arms leg legs hand foot feet cardiac pulse disease diseases disorder disorders
        syndrom deficien virus viral bacteri parasit finger fingers toe toes nerve nerves mouth lips tongue
        jaw hearing vision eyesight memory
    """,
    not_health="medical media pillow sugarcane heartly sympathy empathy nostalgia diploma",
    health_suffixes="itis oma omas emia emias pathy osis algia",
    about=r"""
        ^(what|whats|what s) (is|are)\b|\b(information|info) (about|on)\b|\btell me about\b
        \bwhat (causes|caused|can cause|could cause|to do (for|about|if))\b|\bstages? of\b
    """,
    health_phrases=r"""
        slipped disc|herniated disc|ringing in (my|his|her|the) ears?
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
        fracture\w*|sprain\w*|bite|bitten|sting|(baby|infant) formula|from formula|whole milk|breast ?feed\w*|breast milk
    """,
    advice=r"""
        dose|doses|dosage|mg|milligrams?|overdos\w*|side effects?|vaccine\w* (safe|side)
        diagnos\w*|prognosis|treatment(?! codes?)|treat (my|it|this)|cure|(keep|still|continue|stop) (taking|using)
        (is|is that|is it|could it be|could that be) (a )?(bad|good) sign|do you think (i|he|she|my \w+) (has|have|might have|could have)
        should (he|she|they|my \w+|a \w+( \w+)?) (sleep|eat|drink|weigh)
        how (do|can|should|to) (i|we|you)? ?(treat|cure|heal|get rid of|relieve)
        contagious|catching|what should (my|his|her|the) (\w+ ){0,2}(be|level|number)
        (came|come|comes|coming) back (at |as )?(\d|high|low|positive|negative|abnormal)
        (while|if) (i m|i am|im|she s|he s) (taking|on (antibiotic\w*|meds|medication|blood thinners))
    """,
    health_info=r"""
        (symptoms?|causes?|treatments?|therapies|outlook|complications|risk factors) (of|for)|signs of
        how (to|do you|can i|can you|is it|are they) (prevent|diagnose|diagnosed|treat|treated|cure|manage)
        (is|are) .{1,40} (inherited|hereditary|contagious|genetic|curable)|genetic changes
        how many people (are|have|get)|(who|people) (is|are) at risk
        (special )?precautions (about|for|with)|safety concerns|important warnings?|interactions? (between|with)
        brand names?|how effective (is|are)|storage and disposal|dietary instructions|(mechanism|action) of
        what (other )?information should i know|clinical trials?
        (research|studies) (is |are )?being done|complications (from|with|after)|at risk (of|for)
        prevent (the spread|it|them|getting)|how (can|do) (\w+ )?(prevent|avoid getting)
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
        glucose|sugar level|tsh|t4|hemoglobin|hba1c|a1c|triglycerides?|creatinine|psa|ferritin|platelets|white cells
        vitamin d|ldl|hdl
    """,
    lab_levels=r"high|low|normal",
    should=r"should i|do i need to",
    should_actions=r"""
        take(?! (my |the |a |an )?(id|documents?|cards?|insurance|exams?|bus|taxi|train|metro|subway|uber|car|parking))(?! (\w+ ){0,2}with (me|us|him|her|them)\b| along\b| to (the |my )?(appointment|visit|clinic|consultation)\b)
        worry|worried|concerned|stop taking|stop|keep taking|go to (the )?(er|emergency|hospital)|see a doctor
    """,
    can_i=r"can i|could i|is it safe to",
    can_i_actions=r"""
        take(?! (my |the |a |an )?(id|documents?|cards?|bus|taxi|train|metro|subway|uber|car|kids?|children|son|daughter|husband|wife))(?! (\w+ ){0,2}with (me|us|him|her|them)\b| along\b| to (the |my )?(appointment|visit|clinic|consultation)\b)
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
        \b(go away|heal|get better|clear up|settle down|pass)( by itself| on (its|their) own)\b|\bwill (it|they|this|that) (go away|heal|get better|clear up)\b|\b(ice|heat) or (ice|heat)\b
        \bhow (many|long)( \w+){0,3} (days off|off work|to recover|recovery|of rest|rest)\b
        \bshould (i|we|he|she|they|my \w+|a \w+)\b(?! {admin_verbs}\b)
        \bis (it|this|that|my \w+|his \w+|her \w+|the \w+|\w+)( \w+)? (normal|safe|ok|okay|alright|all right|bad|dangerous|serious|harmful|risky|a problem|a concern|worrying|contagious|too high|too low|too much|high|low|fine)\b(?! (to|for) {admin_verbs}\b)
        \b(normal|abnormal|unsafe|dangerous|harmful|risky|worr\w*|concern\w*|afraid|scared|bad for|good for)\b
        \b(can|could|may) (i|we|he|she|they|my \w+|a \w+|you) (still )?(take|eat|drink|mix|give|use|combine|skip|stop|double|fly|exercise|work out|go to the gym|swim|travel|have sex|breastfeed)\b
        \bwhat (does|do|did|is|would) .{0,50}\bmeans?\b|\bmeaning of\b
        \bwhat (could|might|can|would) (it|this|that|cause|be)\b|\bwhat s wrong\b|\bwhat is wrong\b
        \bwhat (should|do|can|must|shall) (i|we) (do|take|give|use|eat|drink|apply)\b|\bwhat to (do|take|give)\b
        \bhow (much|many|often|long)\b.{0,40}\b(should|can|may|must|to take|to give|per day|a day|daily)\b
        \bam i (protected|pregnant|sick|ill|at risk|contagious|infected|ok|okay)\b|\bis there a (risk|chance)\b
        \bwhy (do|does|is|am|are|did|would) \w+\b|(?<!you )\b(give|gave) (him|her|them|my \w+|a \w+|the \w+)\b
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
    service_gives=r"give|provide|administer|apply|sell|perform",
    service_for=r"for",
    admin=r"""
        bring|brings|list|pay|paying|price|cost|costs|fee|park\w*|fast|fasting|come with|accompany|wheelchairs?
        insurance|open|cancel\w*|reschedul\w*|ready|wifi|toilet|elevator|lift|ramp
        refill|refills|renew\w*|send (a|the|my) (refill|prescription)|(doctor s|doctors|sick|school|work) note|portal
    """,
    preparation=r"prepar\w*",
    needs=r"(do|does) (i|we|he|she|they|my \w+) (really )?need",
    need_to=r"to",
    instructions=r"""
        (stop|quit|keep|continue|start|resume) (taking|using|eating|drinking)\b
        (do not|don t|dont|never|no) (take|taking|eat|eating|drink|drinking|use|using|mix|mixing|skip|skipping|stop|stopping|smoke|smoking)\b
        (avoid|skip) (\w+ ){0,2}(water|food|foods|meals?|breakfast|liquids?|fluids?|coffee|alcohol|exercise|exercising|sex|dairy|sugar|salt|medicines?|medications?|meds|pills?|tablets?|drugs?|doses?)\b
        (take|swallow|chew|give|apply|inject|use|double|halve|split|crush|skip|increase|reduce|lower|raise) (it|them|one|two|three|four|half|both|another|more|less|extra|\d+)\b
        (take|swallow|give|apply|double|halve|skip|increase|reduce|lower|raise|stop|repeat) (a|an|the|your|this|that|these|those|his|her)( \w+)? (dose|doses|dosage|pill|pills|tablet|tablets|capsule|capsules|medicine|medicines|medication|medications|meds|drops|cream|ointment|inhaler|shot|injection)\b
        (drink|eat) (plenty|lots|more|less|nothing|only)\b|nothing (to eat|to drink|by mouth)\b|no (food|drinks?) after\b
        (get|have|take) (some |plenty of )?(bed )?rest\b
        (you should|you must|you need to|you have to|you ll need to|make sure (to|you)) (take|stop|skip|double|avoid|rest|drink|eat|fast|use|apply|give|lie down)\b
    """,
    billing=r"""
        (charged|fee|charge|fine|penalty)( \w+){0,20} (take|get) (it|that|this) off\b
        waive|waived|waiver|exempt\w*|forgiv\w*|discount\w*|refund\w*|overcharg\w*|double charg\w*
        charged (me )?(twice|double|two times|wrong\w*|too much)|wrong (charge|amount|bill|invoice)
        (want|need|like|get) (it|that|this|the fee|the charge|the fine) (taken off|removed|waived|dropped|refunded|reversed)
        (got|been) hit with (the|a|an|that)( \w+){0,3} (fee|charge|fine|penalty)
        dispute\w*|chargeback|money back|pay less|(billed|charged) me\b|can ?t afford|cannot afford|unable to pay
        not pay(ing)? (the|this|that)|(two|2|double|duplicate\w*|extra) (charges|payments|transactions)
        (drop|remove|cancel|take off|skip|forgive|waive|get rid of) (the|that|this|my|your)( \w+){0,2} (fee|charge|penalty|fine)
        contest\w*|impugn\w*|overpaid|paid too much|special price|(was|were|got|been|(?<!without )being) (billed|charged)
        return my money|unemployed|no money
        (don ?t|do not|didn ?t|did not|can ?t) recogni[sz]e (this|the|that|a|an)( \w+){0,3} (charge|payment|transaction|debit)|unrecogni[sz]ed (charge|payment|transaction)
        (charge|payment|transaction|debit)( \w+){0,8} (i|we) (don ?t|do not|didn ?t|did not) recogni[sz]e
        (denied|rejected|refused|declined) (my |the |our )?(claim|reimbursement)|(claim|reimbursement) (was |got |has been )?(denied|rejected|refused|declined)
        wrong (code|receipt)
        difference back|(paid|charged|billed)( \w+){0,3} instead of
        (owe|billed|charged|bill|statement|invoice)( \w+){0,8} (i|we) (never|didn ?t|did not) (had|have|get|got|receiv\w*|do|did|attend\w*|go|went)
        (get|got|getting) (billed|charged) for
    """,
    charged=r"charged|billed|paid",
    twice=r"twice|double|two times",
    bill_items=r"bill|charge|invoice|receipt",
    bill_wrong=r"incorrect\w*|wrong|a mistake|an error|not right",
    cheaper_make=r"make it",
    cheaper_more=r"a bit",
    cheaper=r"cheaper",
    free=r"free of charge|for free|free consult\w*",
    facility=r"park\w*|valet|wi ?fi|internet|cancel\w*",
)
