"""Brazilian Portuguese."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="pt-BR",
    name="Português (Brasil)",
    english_name="Brazilian Portuguese",
    choice_name="PORTUGUESE",
    aliases=("pt", "pt-br", "portuguese", "portugues", "português"),
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
)
