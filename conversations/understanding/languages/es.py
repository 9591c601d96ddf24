"""Spanish (Spain and Latin America)."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="es",
    name="Español",
    english_name="Spanish",
    choice_name="SPANISH",
    aliases=("es-es", "es-mx", "es-ar", "es-419", "spanish", "espanol", "español"),
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
)
