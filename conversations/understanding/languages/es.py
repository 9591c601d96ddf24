"""Spanish (Spain and Latin America)."""

from conversations.understanding.languages.date_words import DateWords, Holiday, PeriodWords
from conversations.understanding.languages.faq_words import FaqWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords(
    # Rioplatense "a la mañana / a la tarde" is "por la mañana", never a range "to tomorrow".
    phrase_rewrites=(
        (r"\ba la (manana|tarde|noche)\b", r"por la \1"),
        # A bound, not the afternoon: "no más tarde de las 11", "más tarde de las 4".
        (r"\b(?:no|nunca) mas tarde (?:de|que)\b", "antes de"),
        (r"\bmas tarde (?:de|que)\b", "despues de"),
        (r"\bmas tarde\b", " "),  # "¿puede ser más tarde?": later than offered, not the afternoon
    ),
    ordinal_suffixes="o a er ro",
    numbers="uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis "
    "diecisiete dieciocho diecinueve veinte",
    number_variants={
        "una": 1,
        "un": 1,
        "primero": 1,
        "primer": 1,
        "veintiuno": 21,
        "veintidos": 22,
        "veintitres": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiseis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
    },
    tens="veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    numbers_own_language="once dos un una primero primer doce",
    number_and="y",
    tens_and_units_joined=True,
    ordinal_days_before_month=True,
    ordinal_day_link="de",
    year_thousands={"dos mil": 2000, "mil": 1000},
    year_hundreds={"novecientos": 900, "ochocientos": 800, "setecientos": 700},
    months="enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    month_abbreviations=("ene", "feb", "mar", "abr", "", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    compact_month_spellings={"setiembre": 9},
    weekdays=(("lunes",), ("martes",), ("miercoles",), ("jueves",), ("viernes",), ("sabado",), ("domingo",)),
    weekday_abbreviations=("lun", "", "mie", "jue", "vie", "sab", "dom"),
    numeric_day_of_month=True,
    numeric_day_of_month_links="de del",
    day_month_links="de del",
    year_links="de del en",
    year_not_before=("horas", r"hs\b"),
    relative_days={
        2: ("pasado manana",),
        -2: ("anteayer", "antes de ayer"),
        # "manana" is tomorrow unless it names the morning ("por la manana", "de la manana").
        1: (r"(?<!la )(?<!las )(?<!esta )manana",),
        0: ("hoy", "esta noche", "esta tarde", "hoy mismo"),
        -1: ("ayer", "anoche"),
    },
    relative_days_at_end={1: ("dia siguiente",), -1: ("dia anterior",)},
    relative_at_end_articles={1: "al el", -1: "el"},
    now_words="ahora",
    today_words="hoy",
    tomorrow_words="manana",
    now_phrases=("ahora", "ahora mismo", "en este momento"),
    indefinite_articles="un una",
    units={
        "day": "dia dias",
        "week": "semana semanas",
        "month": "mes meses",
        "year": "ano anos",
        "minute": "minuto minutos",
        "hour": "hora horas",
    },
    in_days=("en", "dentro de", "de aqui a"),
    in_minutes=("en", "dentro de"),
    days_from=("despues de", "a partir de"),
    from_now=("a partir de ahora", "despues", "mas tarde"),
    ago_after="atras",
    ago_before="hace",
    time_ago_before="hace",
    later=("despues", "mas tarde"),
    shift_after=("despues de", "a partir de"),
    shift_before=("antes de",),
    span_for="durante por",
    span_from=("a partir de", "desde"),
    next_week=(
        "la semana siguiente",
        "semana siguiente",
        "la semana que viene",
        "la proxima semana",
        "la semana proxima",
        "la siguiente semana",
    ),
    this_week=("esta semana",),
    last_week=("la semana pasada", "semana pasada", "la semana anterior", "semana anterior"),
    week_after_next=("la semana despues de la proxima",),
    weekend=("fin de semana", "finde"),
    next_before=("proximo", "proxima", "el proximo", "la proxima", "siguiente"),
    next_after=(
        "que viene",
        "de la semana que viene",
        "de la proxima semana",
        "proximo",
        "proxima",
        "de la semana proxima",
        "siguiente",
    ),
    this_before=("este", "esta"),
    coming_before=("este proximo", "esta proxima"),
    last_before=("pasado", "el pasado", "ultimo", "ultima"),
    last_after=("pasado", "anterior", "de la semana pasada"),
    this_past_before=("este pasado",),
    this_before_last_after="este esta",
    next_days_before=("proximos", "los proximos"),
    days_plural="dias",
    next_days_after=("dias siguientes", "proximos dias"),
    day_number_before=("el", "el dia", "dia", "para el"),
    day_number_not_before=("horas",),
    of_this_month_links="de",
    this_month=("este", "este mes"),
    day_number_after=("del",),
    day_number_after_not_before=("de [a-z]", r"del \d"),
    definite_articles="el",
    next_month=("proximo mes", "mes que viene", "mes proximo"),
    weekday_number_links=("el", "el dia", "dia"),
    weekday_number_not_before=("horas", "hs", "de la", "en punto"),
    hour_abbreviations="hs",
    hours_word="horas",
    hour_word="hora",
    oclock=("en punto",),
    clock_minute_words={"media": 30, "cuarto": 15, "quince": 15},
    clock_minus=(r"(?:de la \w+ )?menos",),
    clock_minutes_not_before=(r"(?:de )?(?:dias|minutos)",),
    clock_minute_units="minutos",
    hour_minute_not_before=("de ", "del ", "dias", "min", "horas"),
    clock_prepositions=(
        "a las",
        "a la",
        "a partir de las",
        "las",
        "de las",
        "desde las",
        "ate las",
        "antes de las",
        "despues de las",
        "sobre las",
    ),
    clock_preposition_not_before=("de [a-z]", "dias", "semanas", r"del \d"),
    hour_period_links=("de la", "por la", "a la", "la", "esta"),
    hour_period_words="manana tarde noche madrugada",
    noon=("mediodia",),
    midnight=("medianoche", "media noche"),
    periods={
        "morning": PeriodWords(
            after=("manana", "mananas"), prepositions=("de", "por", "en", "durante", "a la")
        ),
        "afternoon": PeriodWords(
            alone=("tarde",), after=("tarde", "tardes"), prepositions=("de", "por", "en", "durante", "a")
        ),
        "evening": PeriodWords(
            alone=("esta noche", "noche"), after=("noche",), prepositions=("de", "por", "en", "durante", "a")
        ),
    },
    period_articles="la",
    after_words=("despues de", "desde", "a partir de", "pasadas"),
    before_words=("antes de", "antes del", "hasta", "como muy tarde a"),
    before_noon=("antes de", "antes del"),
    before_noon_articles="el la",
    before_noon_words=("mediodia",),
    between_from="entre de desde",
    between_articles="las",
    between_and="y a hasta",
    range_from="de desde del entre",
    range_to="a al hasta y",
    range_articles="el la",
    any_order_fillers="de del",
    week_of=(
        r"(?:la\s+)?semana\s+(?:de|del|que\s+(?:inicia|comienza|empieza|va)\s+(?:el|del)|a\s+partir\s+del)",
    ),
    week_words="semana",
    week_ordinals="primera segunda tercera cuarta",
    week_last="ultima",
    nth_week_articles="la",
    of_words="de del",
    this_month_names=("este mes",),
    next_month_names=("el proximo mes", "el mes que viene", "proximo mes"),
    last_month_names=("el mes pasado", "mes pasado"),
    week_number_articles="la",
    week_number_links="de del",
    year_shifts={"ano pasado": -1, "ano que viene": 1, "este ano": 0},
    end_of=("al final del?", "al fin del?", "fin del?", "final del?"),
    end_of_day=("dia", "el dia"),
    business_next=("los proximos", "proximos"),
    business_back=("los ultimos", "ultimos"),
    business_days=("dias habiles", "dias laborables"),
    work_week_this="esta",
    work_week_next=("la proxima", "proxima"),
    work_week=("semana laboral", "semana de trabajo"),
    weekend_of=("fin de semana",),
    holidays=(
        Holiday("christmas", ("navidad",), month=12, day=25),
        Holiday("new_year", ("ano nuevo",), month=1, day=1),
        Holiday("easter", ("pascua", "domingo de resurreccion"), easter=0),
        Holiday("carnival", ("carnaval",), easter=-47),
        Holiday("valentine", ("dia de san valentin",), month=2, day=14),
        Holiday("saint_patrick", ("dia de san patricio",), month=3, day=17),
        Holiday("earth_day", ("dia de la tierra",), month=4, day=22),
        Holiday("independence", ("dia de independencia",), month=9, day=16),
        Holiday(
            "labor_day",
            ("dia del trabajo", "dia del trabajador", "dia internacional de los trabajadores"),
            month=5,
            day=1,
        ),
        Holiday("black_friday", ("viernes negro",), month=11, weekday=3, nth=4, days_after=1),
        Holiday("all_souls", ("dia de muertos", "dia de los muertos"), month=11, day=2),
    ),
    holiday_next=("el proximo", "la proxima", "el", "la"),
    holiday_last=("el pasado",),
    holiday_prefixes=("dia de", "dia del", "dia de la"),
    holiday_year_links="de del",
    holiday_years=("este ano",),
)

FAQ = FaqWords(
    stop_words="""
        el la los las un una unos unas es son ser estar esta este esto estan estas de del al y o
        en con por para que se su sus mi mis tu tus yo me te le les lo nos usted ustedes hola
        gracias favor puedo puede pueden quiero quisiera saber si ya hay tienen tiene necesito
        alguien algo alguna algun aun ahi aqui porfa pf
    """,
    # Retrieval: synonyms by concept (keys shared by every pack) and phrases.
    concepts={
        "_price": "caro cara multa precio precios cuesta costo costos valor valores tarifa tarifas cobran cobra",
        "_where": "donde",
        "_address": "calle avenida direccion ubicados ubicada ubicacion sede sedes",
        "_metro": "metro estacion estaciones",
        "_parking": "estacionamiento estacionar estaciono estacione aparcar aparcamiento cochera auto coche valet",
        "_bring": "traer traigo llevar llevo",
        "_document": "documento documentos dni identidad",
        "_open": "abren abrir abre abierto abiertos funciona",
        "_close": "cierran cierra cerrado",
        "_saturday": "sabado sabados",
        "_sunday": "domingo domingos",
        "_fast": "ayuno ayunas",
        "_blood": "sangre",
        "_test": "analisis examen examenes extraccion",
        "_water": "agua",
        "_insurance": "seguro seguros prepaga prepagas cobertura cubre osde galeno medife omint sancor",
        "_pay": "pagar pago pagos",
        "_credit": "credito visa mastercard",
        "_debit": "debito",
        "_cash": "efectivo",
        "_installments": "cuotas",
        "_cancel": "cancelar cancelo cancelacion anular anulo",
        "_reschedule": "reprogramar reprogramo cambiar cambio",
        "_notice": "anticipacion",
        "_wheelchair": "accesible accesibilidad rampa",
        "_elevator": "ascensor",
        "wifi": "wifi internet",
        "_password": "clave contrasena",
        "_companion": "amigo amiga conmigo acompanante acompanantes acompanado acompanada",
        "_minor": "menor menores",
        "_child": "nino ninos ninas hijo hijos hija hijas",
        "_spouse": "esposo esposa marido",
        "_alone": "solo sola",
        "_parent": "padre padres madre mama papa tutor",
        "_result": "resultado resultados",
        "_ready": "listo listos lista listas disponible disponibles salio",
        "_online": "online web portal sitio",
        "_delay": "tardan tarda demora demoran",
        "_accept": "aceptan acepta aceptado",
        "_visit": "consulta consultas cita citas",
        "_enter": "entrar entra",
        "_email": "email correo",
        "_first": "primera primer",
        "_day": "dia dias",
        "_hour": "hora horas horario horarios",
        "_attend": "atienden atiende atender atencion",
        "_pick": "retirar retiro buscar busco",
    },
    phrases={
        "wi fi": "wifi",
        "cuanto tiempo": "_delay",
        "obra social": "_insurance",
        "obras sociales": "_insurance",
        "seguro medico": "_insurance",
        "seguro de salud": "_insurance",
        "silla de ruedas": "_wheelchair",
        "por internet": "_online",
        "en linea": "_online",
        "menor de edad": "_minor",
        "sin comer": "_fast",
        "e mail": "_email",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 dos 3 tres 4 cuatro 5 cinco 6 seis 7 siete 8 ocho 9 nueve 10 diez 11 once 12 doce
        mediodia 15 quince 20 veinte 24 medianoche 30 treinta 40 cuarenta 50 cincuenta 60 sesenta
        100 cien 1000 mil
    """,
    weekdays=("lunes", "martes", "miercoles", "jueves", "viernes", "sabado sabados", "domingo domingos"),
    currency_words="dolares pesos euro euros",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        sintom dolor duele duelen fiebre tos picaz comezon hinch hinchaz bulto sangrado sangrando mareo
        mareado mareada nausea vomito diarrea estrenim moreton zumb pitido entumec hormigu desmay
        convuls temblor cansanc fatiga ardor granito espinill verruga lunar nodulo quiste escalofr
        manchas mancha palpit insomn tremor acne eczema psoria diabet asma cancer tumor covid gripe
        influenz infecc alergi anemi tiroid depresi ansied vph hiv aids herpes cistit otitis sinusit
        bronquit neumon dengue zika chikung colic refluj acidez gastrit ulcer hemorr varices artrit
        artros osteopor colest obesi melanom ets medic remedi remed pildor pastill comprimid capsul
        jarabe crema pomada gotas gotita inhalad injecc inyecc vacun antibiot antiinfl analges antihist
        antiac ibuprof paracetam acetamin aspirin buscopan amoxic azitro cefalex ciproflox metronid
        omepraz pantopraz ranitid losart metform insulin levotirox sertral fluoxet escitalop clonazep
        rivotril diazep alprazol zolpidem melaton loratad desloratad fexofen predniso cortico corticoid
        dexamet warfar clopidog atorvast sinvast rosuvast estatin anticoncep anticonce diu viagra
        sildenaf tadalaf ozempic semaglut wegovy vitamina supleme hierro zinc magnes calcio omega
        probiot creatin colagen antidepres antidepr alcohol cerveza vino dosis posolog mg mcg ml ui
        miligr glucos glucosa glicem presion ldl hdl trigli tsh t3 t4 hemoglob hba1c creatinin ferritin
        potasio sodio psa pcr plaquet leucocit hematocr urea urico bilirrub tgo tgp enzima hormon
        testost estrogen estradi progest prolact hcg bhcg ecograf mamogr radiograf tomograf resonan
        biops papanic orina heces alterad elevad embaraz gestant lactan amamant bebe bebes neonat trago
        trague traguo cloro lejia veneno envenen intoxic fractur esguince torci torce quemad cortad
        corte herida mordi picad cirug operac postop anestes sutur puntos temperat corazon pecho estomag
        barriga barrig gargant oido oidos ojo ojos nariz piel rodill diente muela encia cabeza cuello
        columna cadera rinon higado pulmon menstru regla ovul ovari utero pene vagin seno prostat testic
        orinar dormir duerme meningit hepatit sarampion tetan hernia laxant enfermo enferma brazo pierna
        azucar cardiaca cardiaco pulso
    """,
    not_health="""
        medicina medico medica medicos medicas medio media mediodia periodo periodos periodico periodica
    """,
    health_phrases=r"(se )?(comio|bebio) (un|una|el|la)",
    topics=r"""
        medicamento\w*|medicina\w*|remedio\w*|pastilla\w*|pildora\w*|comprimido\w*|capsula\w*|receta\w*
        antibiotico\w*|anticonceptiv\w*|amoxicilina|paracetamol|omeprazol\w*|insulin\w*|metformin\w*|losartan
        sintoma\w*|dolor\w*|duele\w*|fiebre|tos|sarpullido|picaz\w*|hinchad\w*|bulto|sangrado|sangrando|sangra
        nause\w*|vomito\w*|mareo\w*|mareado\w*|diarrea|infeccion\w*|infectad\w*|inflamad\w*|alergi\w*|diabetes
        presion alta|colesterol|ansiedad|depresion|embarazad\w*|embarazo|gripe|resfriado|quiste|cancer|hiv|covid
        trago|trague|se trago|suplemento\w*|vitamin\w*|acidez|reflujo|frecuencia cardiaca|vacuna\w*|vacunarme
        biops\w*|cirugia\w*|operacion|menstrua\w*|regla|estrenimiento|quemadura\w*|herida\w*|lesion\w*
        fractura|esguince|picadura|mordida|manchas? (en la|en el) {skin}
    """,
    skin=r"piel",
    advice=r"""
        dosis|mg|miligramos?|efectos? secundarios?|diagnos\w*|tratamiento|tratar (mi|esto)|curar|cura
        como (trato|tratar|curo|curar|alivio|aliviar|quito|quitar)
        (sigo|continuo|sigue|continua|dejo de|paro de) (tomando|usando|tomar|usar)
    """,
    results=r"resultados?|niveles|examen(es)?|analisis",
    result_readings=r"""
        significa\w*|quiere decir|normal|alto|alta|bajo|baja|malo|mala|grave|preocup\w*|elevad\w*|positiv\w*|negativ\w*
    """,
    meaning=r"significa\w*|quiere decir|interpret\w*",
    negations="no",
    is_it=r"es|esto es|eso es|esta",
    is_it_states=r"normal|grave|contagioso|peligroso|alto|alta|bajo|baja|elevado|elevada",
    lab_tests=r"""
        glucosa|tsh|t4|hemoglobina|hba1c|trigliceridos|creatinina|psa|ferritina|plaquetas|leucocitos|vitamina d
        ldl|hdl
    """,
    lab_levels=r"normal|alt[oa]|baj[oa]|elevad[oa]",
    should=r"deberia|debo|tengo que",
    should_actions=r"""
        tomar(?! ({taken_articles} )?{taken_not_medicine})
        preocupar\w*|dejar de|parar de|seguir tomando|continuar tomando|ir a urgencias|ir al hospital
    """,
    can_i=r"puedo|podria|es seguro",
    can_i_actions=r"""
        tomar(?! ({taken_articles} )?{taken_not_medicine})
        seguir tomando|continuar tomando|mezclar|beber alcohol|amamantar
    """,
    taken_articles=r"un|el",
    taken_not_medicine=r"cafe|agua|desayuno|metro|taxi|uber",
    which=r"que|cual",
    remedies=r"medicamento|remedio|crema|pomada|pastilla|antibiotico|tratamiento",
    am_i=r"estoy",
    sick=r"enfermo|enferma",
    what_is=r"cual es",
    normal_articles=r"la|el",
    normal=r"normal",
    decisions=r"""
        \b(debo|deberia)\b(?! {admin_verbs}\b)
        \b(es|esta|sera) (normal|seguro|peligroso|peligrosa|grave|malo|mala|mucho|poco|alto|alta|bajo|baja|preocupante|contagioso|riesgoso|bueno|buena)\b
        \b(peligros\w*|riesgo\w*|preocup\w*|hace mal|hacer mal|me hace dano)\b
        \b(puedo|podria|puede|pueden|se puede|podemos) (tomar|comer|beber|mezclar|dar|darle|usar|combinar|hacer ejercicio|viajar|volar|nadar|amamantar|seguir)\b
        \b(le|les) (puedo )?(doy|dar|das|damos)\b
        \bque (hago|debo|puedo hacer|hacemos|tomo|le doy|puede ser|sera|significa\w*|quiere decir|me recomienda\w*|recomienda\w*)\b
        \b(cuant[oa]s?|que cantidad)\b.{0,40}\b(debo|puedo|tomo|le doy|dar|tomar|al dia|por dia)\b
        \b(corro|hay) (riesgo|peligro)\b|\bestoy protegid\w*\b|\bpor que (me|le|tengo|mi|el|la)\b
        \by ahora que\b|\b(puede ser|sera|seria)\b|\bes \w+$|\b(grave|serio|seria)\b
        \bcomo (trato|curo|alivio|bajo|subo|aumento|reduzco|controlo|evito|paro|mejoro)\b
        \b(sigo|continuo|paro|dejo) (de )?(tomando|usando|tomar|usar)\b
    """,
    admin_verbs=r"""
        preparar|pagar|agendar|cancelar|llevar|traer|llegar|reservar|sacar|ir en ayunas|hacer ayuno
    """,
    result_is=r"esta|estan|es|son|dio|salio",
    result_levels=r"alt[oa]s?|baj[oa]s?|elevad\w*",
    number_levels=r"alt[oa]|baj[oa]",
    apply_what=r"que",
    apply_to=r"le|me",
    apply_verbs=r"pongo|pones|paso|aplico|uso|unto|como|bebo",
    problem_is=r"es",
    problem_this=r"esto|eso",
    problem_articles=r"un",
    problem=r"problema",
    works_which=r"que|cual|cuales",
    works=r"tengo|sirve|funciona|ayuda",
    take_again=r"tomo|tomar",
    again=r"doble|otra",
    do_sport=r"hacer|hago",
    sports=r"deporte|deportes",
    can_go=r"puedo|puede",
    go=r"ir|volver|trabajar|manejar|dirigir",
    booking=r"""
        cita|turno|consulta|agendar|agenda|horario|hora|me (pueden|puede) ver|me vea|ver al|que me vea
    """,
    service_who=r"ustedes",
    service_verbs=r"tratan|hacen|atienden|ofrecen|tienen",
    service_starts=r"atienden|tratan|hacen|ofrecen",
    admin=r"""
        llevar|llevo|traer|traigo|lista|pagar|pago|cuesta|estaciona\w*|ayun\w*|acompan\w*|silla|seguro|abre\w*
        cancel\w*|listos?|wifi|bano|ascensor|rampa
    """,
    preparation=r"prepar\w*",
    needs=r"tengo que|hay que|necesito|necesita",
    billing=r"""
        descuento\w*|rebaja\w*|devolucion|dinero de vuelta|pagar menos|me facturaron|me cobraron|devuelv\w*
        me cobraron (dos veces|de mas|mal)|cobro (indebido|doble)|cobraron (dos veces|de mas|mal)|no puedo pagar
        no tengo (para pagar|dinero)|exonera\w*|condona\w*|perdona\w* (la|el) (multa|tarifa|cargo)
        reclamo\w* (de|por) (la )?factura|(dos|2) (cargos|cobros|pagos)
        (quitar|sacar|anular|perdonar|eliminar|condonar)(me)? (la|el|esa|ese|esta|este)( \w+){0,2} (multa|cargo|cobro|recargo|tarifa)
        impugn\w*|pague de mas|precio especial|no (puedo|tengo como|me alcanza para) pagar|devuelvan
        desemplead\w*|sin trabajo|sin plata
    """,
    charged=r"cobraron|cobro",
    twice=r"dos veces",
    bill_items=r"cobro|cargo|factura",
    bill_wrong=r"esta mal|equivocad\w*|incorrect\w*",
    agree=r"de acuerdo|conforme",
    agree_items=r"cobr\w*|valor|factura|cuenta|cargo|precio",
    cheaper_make=r"hacer|hace",
    cheaper_more=r"mas|un poco",
    cheaper=r"barat\w*",
    free=r"gratis|gratuit\w*|sin costo",
    facility=r"estaciona\w*|valet|wi ?fi|internet|cancel\w*|reprogram\w*",
)

PACK = LanguagePack(
    code="es",
    name="Español",
    english_name="Spanish",
    choice_name="SPANISH",
    aliases=("es-es", "es-mx", "es-ar", "es-419", "spanish", "espanol", "español"),
    dates=DATES,
    faq=FAQ,
    stemmer="spanish",
    commands={
        "reset": (r"\bempe[zc]ar de nuevo\b", r"\bvolver a empezar\b", r"\breiniciar\b"),
        "more": (r"\bmas (opciones|horarios)\b", r"\botros horarios\b"),
        "other": (r"\b(el |la )?(otro|otra) (medico|medica|doctor|doctora|profesional|especialista)\b",),
        "later": (r"\bmas tarde\b",),
        "earlier": (r"\bmas temprano\b",),
        "any": (r"\bcualquier (dia|hora|momento)\b", r"\blo antes posible\b", r"\bme da igual\b"),
        "refuse": (
            r"\bignora (tus |las )?(instrucciones|reglas)\b",
            r"\btodos los dias\b",
            r"\bpara siempre\b",
            r"\bdatos de otro paciente\b",
            r"\bcitas de otros\b",
        ),
    },
    opt_out=("baja",),
    opt_in=("alta",),
    # Language identification: function words (folded) and spelling marks (regexes over
    # lower-cased text with its accents) that tell this language from the others.
    identify_words="""
        yo tu usted mi mis el la los las un una unos es son esta estoy estan ser quiero queria
        quisiera necesito puedo puede para por con del al que como cuando donde cual quien hola
        gracias si sí no pero muy bien buenos buenas dias días tardes noches mañana manana hoy
        pasado semana proxima próxima próximo viene cita turno hora horas doctor doctora medico
        médico cancelar cambiar reprogramar disponible hay tiene tienen ustedes vale claro
        perfecto lunes martes miercoles miércoles jueves viernes sabado sábado domingo y o
        mediodia mediodía llamo nombre nací segunda primera opcion opción ese esa eso hablar
        persona adios adiós también tambien ya tengo estoy dolor pecho sangre respirar ayuda
        urgente mucho duele cabeza mi hijo hija señora señor dermatólogo dermatologo pediatra
        revisión poco tarde temprano opciones otro otra otros datos paciente los de más
    """,
    identify_marks=(r"[ñ¿¡]|\b\w+ción\b|\bll\w+|\bmás\b",),
    # Emergency guardrail (regexes over folded text): each rule needs a symptom word, so a
    # routine request that names an organ or a specialty does not match.
    emergency={
        "chest_pain": (
            rf"\bdolor {GAP}(de |en el |del )?pecho",
            rf"\bpecho {GAP}(duele|dolor|oprim|aprieta|apretado)",
            r"\binfarto",
            r"\bataque (al|de) corazon",
            r"\bopresion en el pecho",
            r"\bme duele el corazon",
        ),
        "breathing": (
            r"\bno (puedo|puede|podia|logro) respirar",
            r"\bno respira",
            r"\bme ahogo",
            r"\bse ahoga",
            r"\bse esta ahogando",
            r"\bfalta (de )?(aire|respiracion)",
            r"\bdificultad (para|al) respirar",
            r"\basfixi",
            r"\bme falta el aire",
            r"\blabios (morados|azules)",
            r"\bse (puso|pone|esta poniendo) (morado|azul)",
        ),
        "stroke": (
            r"\bderrame cerebral",
            r"\bictus\b",
            r"\b(boca|cara) (torcida|caida|chueca)",
            r"\bno (puede|puedo) hablar bien",
            r"\bno (puede|puedo) mover (el|la|un|una|medio)",
            rf"\b(lado|mitad) del cuerpo {GAP}(dormid|paraliz)",
            r"\bhabla (rara|arrastrada|trabada)",
            r"\baccidente cerebro",
        ),
        "bleeding": (
            rf"\bsangr\w* {GAP}(mucho|sin parar|no para|demasiado|muchisimo|a chorros)",
            r"\bhemorragia",
            r"\bvomit\w* sangre",
            r"\bmucha sangre",
            r"\bno (para|deja) de sangrar",
            r"\btos con sangre",
        ),
        "unconscious": (
            r"\binconsciente",
            r"\bse desmayo",
            r"\bdesmayad",
            r"\bno despierta",
            r"\bconvulsi",
            r"\bperdio el conocimiento",
            r"\bno responde\b",
            r"\bse desvanecio",
        ),
        "anaphylaxis": (
            rf"\b(garganta|lengua|labios?|cara) {GAP}(hinch|cerrando)",
            r"\banafila",
            r"\breaccion alergica (grave|severa|fuerte)",
            r"\bse me cierra la garganta",
        ),
        "poisoning": (
            r"\bsobredosis",
            r"\benvenen",
            r"\bintoxica",
            r"\b(tome|tomo|se tomo|trago|se trago) (muchas|demasiadas|todas las|un monton de|una caja de|un frasco de|varias) (pastillas|pildoras|medicinas|medicamentos|capsulas)",
            r"\btrago (lejia|cloro|veneno)",
        ),
        "suicidal": (
            r"\bsuicid",
            r"\bmatarme",
            r"\bme (quiero|voy a) matar",
            r"\bme mato\b",
            r"\bquitarme la vida",
            r"\bquiero morir",
            r"\bno quiero (seguir )?vivir",
            r"\bhacerme dano",
            r"\bcortarme",
            r"\bacabar con (todo|mi vida)",
            r"\bmejor (estaria )?muert",
            r"\bno vale la pena vivir",
        ),
    },
    # Both parts anywhere in the message, in either order ("peito ... dor").
    emergency_pairs={
        "chest_pain": (r"\bpecho\b", r"\b(dolor|duele|oprim|aprieta)"),
        "anaphylaxis": (r"\b(garganta|lengua|labios?)\b", r"\b(hinch|cerrando)"),
        "breathing": (r"\brespirar\b", r"\b(no puedo|no puede|cuesta|dificil)\b"),
    },
    symptom_words="pecho dolor respirar sangre sangrando hemorragia inconsciente desmayo desmayado convulsion infarto derrame suicidio matarme morir alergica hinchada hinchado garganta lengua ahogo asfixia sobredosis",
    not_typos="dolar hecho techo lecho",
    # History with a routine request ("I had chest pain last year, I'd like a check-up")
    # is no emergency unless something says it is happening now.
    history=(
        r"el ano pasado",
        r"hace (un|una|unos|\d+|dos|tres) (anos?|mes|meses)",
        r"antecedentes?",
    ),
    routine=(
        r"cita",
        r"consulta",
        r"control",
        r"revision",
    ),
    happening_now=(
        r"ahora",
        r"otra vez",
        r"de nuevo",
        r"hoy",
        r"todavia",
    ),
    crisis_copy="Si estás pensando en quitarte la vida o hacerte daño, no estás solo/a. Llama ahora al 024 (España), a la Línea de la Vida 800 911 2000 (México) o al número de emergencias local.",
    intents={
        "human": (
            r"^(persona|humano|recepcion|recepcionista)( por favor)?$",
            r"\b(pasame|paseme|comuniqueme|me pasa|transfiere)\b.{0,25}\b(humano|persona|recepcion|alguien|secretaria)",
            r"\balguien (de|en) (recepcion)",
            r"\b(hablar|comunicarme|comunicar)\w*\s+(con|a)\s+(una |un |alguien|la |el )*(persona|humano|agente|recepcion|recepcionista|secretaria|operador|alguien)",
            r"\b(quiero|prefiero)\s+(un )?(humano|persona)\b",
            r"\bno quiero hablar con? (un )?(bot|robot|maquina)",
            r"\brecepcionista\b",
            r"\b(llamenme|me llamen)\b",
        ),
        "reschedule": (
            r"\breprogram",
            r"\bposponer|\bpostergar",
            r"\b(cambiar|mover|pasar|correr)\w*\s+(de\s+)?(?:la\s+fecha\s+de\s+)?{my_appt}",
            r"\bcambiar\w* (la |el )?(fecha|hora|dia|horario)\b",
            r"\b(otro|otra) (dia|hora|fecha|horario)\b",
        ),
        "cancel": (
            r"\bcancel",
            r"\banul(?:a|o|e)",  # anular, anulo; "anul" is a slip of "anual"
            r"\bdar de baja",
            r"\bno (voy a|podre|puedo) (ir|asistir|acudir)",
            r"\bya no (necesito|quiero) (mi |la |el )?(cita|turno|consulta|reserva)",
            r"\b(eliminar|borrar) (mi |la )?(cita|turno)",
        ),
        "availability": (
            # "¿Hay algo con el Dr. Carlos?"
            r"^(hay algo|tienen algo|algo)\b.{0,40}\b(con)\b",
            r"\bdisponib",
            r"\b(hay|tienen|tiene|tenes) (hora|horas|turnos?|citas?|lugar|espacio|horarios?|cupos?)\b",
            r"\bque (horarios|dias|horas) (hay|tienen|tiene)\b",
            r"\bque (dias|horarios) (atiende|trabaja)\b",
            r"\b(horarios?|huecos?|cupos?) (libres?|disponibles|abiertos)\b",
            r"\bcuando (atiende|puede|tiene)",
            r"\bmas (cedo|temprano)\b",
            r"\bprimer hueco\b",
        ),
        "book": (
            r"\b(necesito|quiero|busco) (?:de )?(?:un|una) (medico|medica|doctor|doctora|dentista|terapeuta|psicologo|psicologa|pediatra)\b",
            r"\b(busco|buscar|encontrar)\b.{0,20}\b(doctor|medico|dentista|terapeuta)s?\b",
            r"\b(reservar|reserva)\b",
            r"\b(pedir|sacar|reservar|agendar|programar|solicitar|hacer|quiero|quisiera|necesito|queria|me gustaria|necesitaria)\b.{0,30}\b{book_noun}\b",
            r"\buna (cita|consulta)\b",
            r"\b(quiero|quisiera|queria|necesito) (ver|pasar con|ser atendid|consultar|una cita|ir al)\b",
            r"\b(ser atendid|ser visto)\b",
            r"\b(me pueden|me puede|me podrian) (ver|atender|examinar)",
            r"\bllevar (a |al |mi )?\w+ (al|a la) (pediatr|doctor|medico|dentist|dermatolog|ginecolog)",
        ),
        "faq": (
            r"\b(donde|direccion|ubicacion|ubicados|estacionamiento|aparcamiento|como llego)\b",
            r"\b(precio|cuesta|cuanto|costo|tarifa|pagar|pago|seguro|obra social|aceptan|prepaga|tarjeta|efectivo)\b",
            r"\b(horario de atencion|a que hora (abren|cierran)|abren|cierran|estan abiertos)\b",
            r"\b(traer|preparar|ayuno|ayunas|documentos)\b",
            r"\b(hacen|atienden|ofrecen)\b",
            r"\b(cuanto dura|duracion)\b",
            r"\b(telefono|pagina web)\b",
            r"\b(vacunas?|resultados?|recetas?|certificados?)\b",
            r"\b(a que hora)\b.{0,20}\b(abren|cierran)\b",
        ),
    },
    weak_book=(r"\b(cita|consulta|turno)\b",),
    book_nouns=(
        "reserva",
        "cita",
        "turno",
        "consulta",
        "horario",
        "hora",
        "consultas",
        "citas",
        "control",
        "chequeo",
        "revision",
        "examen",
    ),
    determiners=("mi", "la", "el", "esa"),
    greetings=("hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "buen dia", "alo"),
    thanks=("gracias", "muchas gracias", "mil gracias"),
    thanks_intensifiers=("mil",),
    farewells=("chau", "chao", "adios", "hasta luego", "hasta pronto", "nos vemos"),
    closings=("eso es todo", "nada mas", "ya esta", "listo gracias"),
    closing_words=("olvidalo",),
    yes_words=(
        "si",
        "sip",
        "sii",
        "claro",
        "vale",
        "dale",
        "perfecto",
        "correcto",
        "exacto",
        "de acuerdo",
        "esta bien",
        "confirmo",
        "confirmado",
        "por supuesto",
    ),
    no_words=("no", "no gracias", "para nada", "incorrecto", "ninguno", "ninguna"),
    not_that=("eso no", "no es"),
    but_words=("pero",),
    objections=("cambiar",),
    booking_stems=("cita", "consulta", "turno"),
    want_words=("quiero", "quisiera", "necesito", "necesita", "busco", "llevar", "vea", "ver"),
    booking_verbs=(r"agend\w*", "pedir", "sacar", r"reserv\w*"),
    question_starts=("que", "cuanto", "donde", "como", "tengo que", "hay que", "se puede", "aceptan"),
    typos={
        "kiero": "quiero",
        "qiero": "quiero",
        "sita": "cita",
        "zita": "cita",
        "kancelar": "cancelar",
        "q": "que",
    },
    keywords=(
        "consulta",
        "cancelar",
        "reprogramar",
        "disponible",
        "disponibilidad",
        "horario",
        "quisiera",
        "necesito",
        "recepcion",
    ),
    off_topic=("coche", "vuelo", "peluqueria", "restaurante", "mesa para", "cena", "reunion"),
    medical_words=("medico", "clinica", "dentista"),
    accept=(
        "me sirve",
        "me parece bien",
        "(ese|esa) (mismo|misma)",
        "quiero (ese|esa|a ese|a esa)",
        "intenta",
    ),
    change_existing=(r"reprogram\w*", "posponer", "postergar", "mi cita"),
    alternatives=("otro", "otra", "otros", "otras", "mas opciones"),
    asks_details=("direccion", "telefono", "numero"),
    honorifics=(
        "dr",
        "dra",
        "doctor",
        "doctora",
        "medico",
        "medica",
        "sr",
        "sra",
        "senor",
        "senora",
        "lic",
        "licenciada",
        "licenciado",
    ),
    non_names=(
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "con",
        "y",
        "para",
        "por",
        "ver",
        "quiero",
        "mi",
        "una",
        "un",
        "cita",
        "consulta",
        "en",
        "no",
        "es",
    ),
    specialties={
        "cardiology": ("cardiolog", "corazon doctor"),
        "dermatology": ("dermatolog", "medico de la piel"),
        "pediatrics": ("pediatr",),
        "gynecology": ("ginecolog",),
        "ophthalmology": ("oftalmolog",),
        "otorhinolaryngology": ("otorrino",),
        "psychology": ("psicolog", "terapeuta"),
        "psychiatry": ("psiquiatr",),
        "orthopedics": ("ortoped", "traumatolog"),
        "dentistry": ("dentista", "odontolog"),
        "nutrition": ("nutricionista", "dietista"),
        "neurology": ("neurolog",),
        "endocrinology": ("endocrin",),
        "urology": ("urolog",),
        "general_practice": (
            "medico general",
            "medicina general",
            "clinica general",
            "medico de familia",
            "clinico general",
        ),
    },
    visit_phrases={
        "first": (
            "primera vez",
            "primera consulta",
            "primer consulta",
            "paciente nuevo",
            "paciente nueva",
            "nueva consulta",
        ),
        "follow_up": ("seguimiento", "revision", "control", "reconsulta", "segunda consulta"),
        "checkup": ("chequeo", "reconocimiento medico", "reconocimiento anual"),
    },
    visit_type_words={
        "first": ("primera", "nuevo"),
        "follow_up": ("seguimiento", "revision", "control"),
        "checkup": ("chequeo",),
    },
    # The one list of ordinal words: options ("la segunda") and day numbers ("segundo de agosto").
    ordinals={
        1: ("primero", "primera", "primer"),
        2: ("segundo", "segunda"),
        3: ("tercero", "tercera"),
        4: ("cuarto", "cuarta"),
        5: ("quinto", "quinta"),
        6: ("sexto", "sexta"),
        7: ("septimo", "septima"),
        8: ("octavo", "octava"),
        9: ("noveno", "novena"),
        10: ("decimo", "decima"),
    },
    option_nouns=("opcion", "numero", "num", "alternativa"),
    option_articles=("la ", "el ", "con la ", "con el "),
    option_fillers=("quiero ", "prefiero ", "me quedo con "),
    option_suffixes=(" opcion", " uno", " una", " horario", " por favor"),
    last_option=("la ultima", "el ultimo"),
    not_an_option=("vez", "semana"),
    please=("por favor", "porfa"),
    option_time_leads=("la", "el", "la de las", "el de las", "la de", "el de"),
    time_prepositions=("a las", "las"),
    name_intros=(
        "me llamo",
        "mi nombre es",
        "soy",
        "nombre",
        "a nombre de",
        "nombre es",
        "nombre correcto es",
        "corrijo el nombre",
    ),
    name_connectors=("de", "del", "la", "y"),
    birth_words=("nacimiento", "naci", "fecha"),
    option_time_preps=("de las",),
    option_time_marks=(r"\bde las\b",),
    name_fillers=("por", "favor", "gracias"),
    want_verbs=("quiero",),
    for_someone=(
        r"(?:es )?para mi (?:hijo|hija|esposo|esposa|marido|mujer|mama|madre|papa|padre|abuela|abuelo"
        r"|hermano|hermana|novio|novia|nene|nena|bebe)",
        r"^mi (?:hijo|hija|esposo|esposa|marido|mujer|mama|madre|papa|padre|abuela|abuelo)",
        r"se llama",
        r"su nombre (?:completo )?es",
    ),
    corrections=("perdon", "perdona", "disculpa", "me equivoque", "quise decir", "digo", "en realidad", "no"),
)
