"""Brazilian Portuguese."""

from conversations.understanding.languages.date_words import DateWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords()

PACK = LanguagePack(
    code="pt-BR",
    name="Português (Brasil)",
    english_name="Brazilian Portuguese",
    choice_name="PORTUGUESE",
    aliases=("pt", "pt-br", "portuguese", "portugues", "português"),
    dates=DATES,
    commands={
        "reset": (r"\brecomec(ar|a)\b", r"\bcomecar de novo\b"),
        "more": (r"\bmais (opcoes|horarios)\b", r"\boutros horarios\b"),
        "other": (r"\b(o |a )?(outro|outra) (medico|medica|doutor|doutora|profissional|especialista)\b",),
        "later": (r"\bmais tarde\b",),
        "earlier": (r"\bmais cedo\b",),
        "any": (
            r"\bqualquer (dia|horario|hora)\b",
            r"\bo quanto antes\b",
            r"\bo mais (cedo|rapido) possivel\b",
            r"\btanto faz\b",
        ),
        "refuse": (
            r"\bignore (suas |as )?(instrucoes|regras)\b",
            r"\btodos os dias\b",
            r"\bpara sempre\b",
            r"\bdados de outro paciente\b",
            r"\bconsultas de outros\b",
        ),
    },
    opt_out=("parar", "sair"),
    opt_in=("voltar",),
    # Language identification: function words (folded) and spelling marks (regexes over
    # lower-cased text with its accents) that tell this language from the others.
    identify_words="""
        eu voce você meu minha o a os as um uma é sao são estou esta está ser quero queria
        gostaria preciso posso pode para pra por com do da dos das no na nos nas que como quando
        onde qual quem oi ola olá obrigado obrigada sim não nao mas muito bem bom boa dia tarde
        noite amanhã amanha hoje depois semana proxima próxima que vem consulta horario horário
        horas doutor doutora medico médico cancelar desmarcar remarcar mudar disponivel
        disponível tem vocês voces segunda terça terca quarta quinta sexta sábado sabado domingo
        e ou meio chamo nome nasci opção opcao isso essa esse falar pessoa atendente tchau
        também tambem já ja beleza certo tenho estou dor peito sangue respirar ajuda urgente
        muito doendo dói cabeça meu filho filha senhora senhor dermatologista retorno pouco cedo
        opções opcoes outro outra outros dados paciente mais
    """,
    identify_marks=(r"[ãõç]|\b\w+ção\b|\b\w+ções\b|\bnh\w*|\w+nh[ao]\b|\blh|\w+lh[ao]\b",),
    # Emergency guardrail (regexes over folded text): each rule needs a symptom word, so a
    # routine request that names an organ or a specialty does not match.
    emergency={
        "chest_pain": (
            rf"\bdor {GAP}(no |de |do )?peito",
            rf"\bpeito {GAP}(doendo|doi|dor|aperta|apertado)",
            r"\binfarto",
            r"\bataque cardiaco",
            r"\baperto no peito",
            r"\bataque do coracao",
        ),
        "breathing": (
            r"\bnao (consigo|consegue|conseguia) respirar",
            r"\bnao (esta )?respira",
            r"\bfalta de ar",
            r"\bsufoca",
            r"\bme afogando",
            r"\bdificuldade (para|de|pra) respirar",
            r"\bengasgad",
            r"\bficando (roxo|roxa|azul)",
            r"\blabios roxos",
            r"\bsem ar\b",
        ),
        "stroke": (
            r"\bavc\b",
            r"\bderrame\b",
            r"\b(boca|rosto) (torta|torto|caido|caida)",
            r"\bnao (consegue|consigo) (falar|mexer)",
            r"\bfala (enrolada|arrastada)",
            rf"\blado do corpo {GAP}(dormente|paralisad)",
            r"\bformigamento (em|de) (um|metade)",
        ),
        "bleeding": (
            rf"\bsangr\w* {GAP}(muito|sem parar|nao para|demais|muitissimo)",
            r"\bhemorragia",
            r"\bvomit\w* sangue",
            r"\bmuito sangue",
            r"\bnao para de sangrar",
            r"\btossindo sangue",
        ),
        "unconscious": (
            r"\binconsciente",
            r"\bdesmai",
            r"\bnao acorda",
            r"\bconvuls",
            r"\bperdeu a consciencia",
            r"\bnao responde\b",
            r"\bapagou e nao",
        ),
        "anaphylaxis": (
            rf"\b(garganta|lingua|labios?|rosto) {GAP}(inchad|inchand|fechando)",
            r"\banafila",
            r"\breacao alergica (grave|severa|forte)",
            r"\bgarganta fechando",
        ),
        "poisoning": (
            r"\boverdose",
            r"\benvenen",
            r"\bintoxica",
            r"\b(tomei|tomou|engoli|engoliu) (muitos|muitas|todos os|todas as|um monte de|uma cartela de|uma caixa de|varios|varias) (remedios|comprimidos|pilulas|capsulas)",
            r"\bengoliu (agua sanitaria|veneno|cloro)",
        ),
        "suicidal": (
            r"\bsuicid",
            r"\bme matar",
            r"\bme mato\b",
            r"\btirar (a )?minha (propria )?vida",
            r"\bquero morrer",
            r"\bnao quero (mais )?viver",
            r"\bme machucar",
            r"\bme cortar",
            r"\bacabar com (tudo|a minha vida|minha vida)",
            r"\bmelhor (estaria )?mort",
            r"\bsumir (para|pra) sempre",
        ),
    },
    # Both parts anywhere in the message, in either order ("peito ... dor").
    emergency_pairs={
        "chest_pain": (r"\bpeito\b", r"\b(dor|doi|doendo|aperto|apertad)"),
        "anaphylaxis": (r"\b(garganta|lingua|labios?)\b", r"\b(inchad|inchand|fechando)"),
        "breathing": (r"\brespirar\b", r"\b(nao consigo|nao consegue|dificil)\b"),
    },
    symptom_words="peito sangue sangrando desmaiou desmaiado convulsao inchada inchado lingua morrer engasgado sufocando envenenado",
    not_typos="peita feito jeito leito perto morder",
    # History with a routine request ("I had chest pain last year, I'd like a check-up")
    # is no emergency unless something says it is happening now.
    history=(
        r"ano passado",
        r"anos? atras",
        r"meses atras",
        r"historico de",
        r"ja tive",
        r"ha (um|uma|dois|duas|tres|\d+|alguns|algumas) (anos?|mes|meses)",
    ),
    routine=(
        r"retorno",
        r"revisao",
        r"agendar",
        r"marcar",
    ),
    happening_now=(
        r"agora",
        r"de novo",
        r"hoje",
        r"ainda",
    ),
    crisis_copy="Se você está pensando em tirar a própria vida ou se machucar, você não está sozinho(a). Ligue agora para o CVV, 188 (gratuito, 24 horas), ou para o SAMU, 192.",
)
