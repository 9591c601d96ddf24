"""Spanish (Spain and Latin America)."""

from conversations.understanding.languages.date_words import DateWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords()

PACK = LanguagePack(
    code="es",
    name="Español",
    english_name="Spanish",
    choice_name="SPANISH",
    aliases=("es-es", "es-mx", "es-ar", "es-419", "spanish", "espanol", "español"),
    dates=DATES,
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
)
