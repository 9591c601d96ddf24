"""Brazilian Portuguese."""

from conversations.understanding.languages.date_words import DateWords, Holiday, PeriodWords
from conversations.understanding.languages.faq_words import FaqWords
from conversations.understanding.languages.pack import GAP, LanguagePack

DATES = DateWords(
    # A bound, not the afternoon: "mais tarde que as 14h", "não mais tarde que as 11".
    phrase_rewrites=(
        (r"\bnao mais tarde (?:que|do que)\b", "antes de"),
        (r"\bmais tarde (?:que|do que)\b", "depois de"),
        (r"\bmais tarde\b", " "),
    ),
    ordinal_suffixes="o a",
    numbers="um dois tres quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis "
    "dezessete dezoito dezenove vinte",
    number_variants={"uma": 1, "duas": 2, "quatorze": 14, "primeiro": 1},
    tens="vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
    numbers_own_language="um uma primeiro sete",
    number_and="e",
    tens_and_units_joined=True,
    ordinal_days_before_month=True,
    ordinal_day_link="de",
    year_thousands={"dois mil": 2000, "mil": 1000},
    year_hundreds={"novecentos": 900, "oitocentos": 800, "setecentos": 700},
    year_and="e",
    months="janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    month_abbreviations=("jan", "fev", "mar", "abr", "", "jun", "jul", "ago", "set", "out", "nov", "dez"),
    weekdays=(
        ("segunda feira", "segunda"),
        ("terca feira", "terca"),
        ("quarta feira", "quarta"),
        ("quinta feira", "quinta"),
        ("sexta feira", "sexta"),
        ("sabado",),
        ("domingo",),
    ),
    weekday_abbreviations=("seg", "ter", "qua", "qui", "sex", "sab", "dom"),
    weekday_tails="feira",
    numeric_day_of_month=True,
    numeric_day_of_month_needs_year=True,
    numeric_day_of_month_links="de",
    day_month_links="de do",
    year_links="de em",
    year_not_before=("horas", r"hs\b"),
    relative_days={
        2: ("depois de amanha", "dia depois de amanha"),
        -2: ("antes de ontem", "anteontem"),
        1: ("amanha", "amanh"),
        0: ("hoje",),
        -1: ("ontem", "ontem a noite"),
    },
    relative_days_at_end={1: ("dia seguinte",), -1: ("dia anterior",)},
    relative_at_end_articles={1: "o no", -1: "o"},
    now_words="agora",
    today_words="hoje",
    tomorrow_words="amanha",
    now_phrases=("agora", "agora mesmo", "neste momento", "nesse momento"),
    indefinite_articles="um uma",
    units={
        "day": "dia dias",
        "week": "semana semanas",
        "month": "mes meses",
        "year": "ano anos",
        "minute": "minuto minutos",
        "hour": "hora horas",
    },
    in_days=("daqui a", "daqui", "em"),
    in_minutes=("daqui a", "daqui", "em"),
    days_from=("depois de", "a partir de", "apos"),
    from_now=("a partir de agora", "depois", "mais tarde"),
    ago_after="atras",
    ago_before="ha faz",
    time_ago_before="ha",
    later=("depois", "mais tarde"),
    shift_after=("depois de", "a partir de", "apos"),
    shift_before=("antes de",),
    span_for="durante por",
    span_from=("a partir de",),
    next_week=("semana que vem", "proxima semana", "semana seguinte"),
    this_week=("esta semana", "essa semana", "nesta semana", "nessa semana"),
    last_week=("semana passada", "a semana passada", "semana anterior"),
    week_after_next=("a semana depois da proxima", "semana depois da que vem"),
    weekend=("fim de semana",),
    next_before=("proximo", "proxima"),
    next_after=("que vem", "da semana que vem", "da proxima semana", "proximo", "proxima", "seguinte"),
    this_before=("este", "esta", "essa", "esse", "nesta", "neste"),
    coming_before=("esse proximo", "essa proxima"),
    last_before=("passado", "passada", "ultimo", "ultima"),
    last_after=("passado", "passada", "anterior", "da semana passada"),
    this_past_before=("esse passado", "este passado"),
    this_before_last_after="esse essa",
    next_days_before=("proximos", "os proximos"),
    days_plural="dias",
    next_days_after=("proximos dias",),
    day_number_before=("dia", "no dia", "o dia", "para o"),
    day_number_not_before=("horas",),
    of_this_month_links="de do",
    this_month=("esse",),
    day_number_after=("do dia",),
    day_number_after_not_before=("de [a-z]",),
    definite_articles="o",
    next_month=("proximo mes", "mes que vem", "mes seguinte"),
    weekday_number_links=("dia", "o dia"),
    weekday_number_not_before=("horas", "hs", "da", "em ponto"),
    hour_abbreviations="hs",
    hours_word="horas",
    hour_word="hora",
    oclock=("em ponto",),
    clock_minute_words={"meia": 30, "quarto": 15},
    clock_minus=("menos",),
    clock_minutes_not_before=(r"(?:de )?(?:dias|minutos)",),
    clock_minute_units="minutos",
    clock_to=("para as", "para a"),
    hour_minute_not_before=("de ", "do ", "dias", "min", "horas"),
    clock_prepositions=(
        "as",
        "a partir das",
        "das",
        "ate as",
        "antes das",
        "depois das",
        "pelas",
        "tipo",
        "por volta das",
    ),
    clock_preposition_not_before=("de [a-z]", "dias", "semanas", "do dia"),
    hour_period_links=("da", "do", "pela"),
    hour_period_words="manha tarde noite madrugada",
    noon=("meio dia", "meiodia"),
    midnight=("meia noite", "meianoite"),
    periods={
        "morning": PeriodWords(after=("manha", "manhas"), prepositions=("pela", "na", "de", "da")),
        "afternoon": PeriodWords(
            alone=("tarde",), after=("tarde", "tardes"), prepositions=("pela", "na", "a", "da")
        ),
        "evening": PeriodWords(
            alone=("hoje a noite", "anoitecer", "noite"),
            after=("noite",),
            prepositions=("pela", "na", "a", "da"),
        ),
    },
    after_words=("a partir de", "a partir das", "depois de", "depois das", "apos"),
    before_words=("antes de", "antes das", "antes do", "ate", "ate as"),
    before_noon=("antes de", "antes da", "antes do"),
    before_noon_articles="o a",
    before_noon_words=("meio dia",),
    between_from="entre das",
    between_articles="as",
    between_and="e a ate",
    range_from="de da das do entre",
    range_to="e ate a",
    range_articles="o",
    week_of=(r"(?:a\s+)?semana\s+(?:de|do|que\s+comeca\s+(?:em|no|dia))",),
    week_words="semana",
    week_ordinals="primeira segunda terceira quarta",
    week_last="ultima",
    nth_week_articles="a na",
    of_words="de do da",
    this_month_names=("este mes", "esse mes"),
    next_month_names=("proximo mes", "mes que vem"),
    last_month_names=("o mes passado", "mes passado"),
    week_number_articles="a",
    week_number_links="de do",
    year_shifts={"ano passado": -1, "proximo ano": 1, "ano que vem": 1, "este ano": 0},
    end_of=("fim do", "final do", "ao final do"),
    end_of_day=("dia",),
    business_next=("os proximos", "proximos"),
    business_back=("os ultimos", "ultimos"),
    business_days=("dias uteis",),
    work_week_this="essa nesta",
    work_week_next=("proxima", "a proxima"),
    work_week=("semana util", "semana de trabalho"),
    work_week_after=("que vem",),
    weekend_of=("fim de semana",),
    holidays=(
        Holiday("christmas", ("natal",), month=12, day=25),
        Holiday("new_year", ("ano novo", "reveillon"), month=1, day=1),
        Holiday("easter", ("pascoa",), easter=0),
        Holiday("carnival", ("carnaval",), easter=-47),
        Holiday("valentine", ("dia dos namorados",), month=6, day=12),
        Holiday("earth_day", ("dia da terra",), month=4, day=22),
        Holiday("independence", ("dia da independencia",), month=9, day=7),
        Holiday("labor_day", ("dia do trabalho", "dia do trabalhador"), month=5, day=1),
        Holiday("tiradentes", ("tiradentes",), month=4, day=21),
        Holiday("all_souls", ("finados",), month=11, day=2),
    ),
    holiday_next=("o", "a"),
    holiday_prefixes=("dia de",),
    holiday_year_links="de",
    holiday_years=("este ano",),
)

FAQ = FaqWords(
    stop_words="""
        o a os as um uma uns umas e sao ser estar esta este isto estao de do da dos das no na
        nos nas ao com por para pra que se seu sua meu minha eu voce voces vcs oi ola obrigado
        obrigada favor posso pode podem quero queria gostaria saber sim ja tem tenho preciso
        alguem algum alguma ainda ai aqui oq pfv pf
    """,
    # Retrieval: synonyms by concept (keys shared by every pack) and phrases.
    concepts={
        "_price": "caro cara multa valor valores tarifa tarifas preco precos custa custo custam cobram cobra",
        "_where": "onde",
        "_address": "rua avenida endereco localizacao localizada localizados unidade unidades sede sedes",
        "_metro": "metro estacao estacoes",
        "_parking": "estacionamento estacionar estaciono estacione garagem manobrista carro",
        "_bring": "levar levo trazer trago",
        "_document": "documento documentos rg cpf identidade",
        "_open": "abrir abre abrem aberto aberta abertos funciona funcionam funcionamento",
        "_close": "fecha fecham fechado",
        "_saturday": "sabado sabados",
        "_sunday": "domingo domingos",
        "_fast": "jejum",
        "_blood": "sangue",
        "_test": "exame exames coleta",
        "_water": "agua",
        "_insurance": "seguro seguros convenio convenios plano planos cobertura cobre unimed amil sulamerica "
        "bradesco hapvida intermedica notredame careplus allianz",
        "_pay": "pagar pago pagamento pagamentos",
        "_credit": "credito visa mastercard elo",
        "_debit": "debito",
        "_cash": "dinheiro",
        "_installments": "parcelar parcelas parcelado",
        "_cancel": "cancelar cancelo cancelamento desmarcar desmarco",
        "_reschedule": "remarcar remarco mudar",
        "_notice": "antecedencia",
        "_wheelchair": "cadeirante cadeirantes acessivel acessibilidade rampa",
        "_elevator": "elevador",
        "wifi": "wifi internet",
        "_password": "senha",
        "_companion": "amigo amiga comigo acompanhante acompanhantes acompanhado acompanhada",
        "_minor": "menor menores",
        "_child": "crianca criancas filho filhos filha filhas",
        "_spouse": "esposo esposa marido mulher",
        "_alone": "sozinho sozinha",
        "_parent": "mae pai mamae papai responsavel tutor",
        "_result": "resultado resultados",
        "_ready": "pronto prontos pronta prontas disponivel disponiveis saiu",
        "_online": "online site portal",
        "_delay": "demora demoram",
        "_accept": "aceitam aceita aceito",
        "_visit": "consulta consultas",
        "_enter": "entrar entra",
        "_email": "email",
        "_first": "primeira primeiro",
        "_day": "dia dias",
        "_hour": "hora horas horario horarios",
        "_attend": "atendem atende atender atendimento",
        "_pick": "retirar retiro pegar pego buscar busco",
    },
    phrases={
        "wi fi": "wifi",
        "quanto tempo": "_delay",
        "plano de saude": "_insurance",
        "planos de saude": "_insurance",
        "cadeira de rodas": "_wheelchair",
        "pela internet": "_online",
        "na internet": "_online",
        "menor de idade": "_minor",
        "sem comer": "_fast",
        "e mail": "_email",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 dois duas 3 tres 4 quatro 5 cinco 6 seis 7 sete 8 oito 9 nove 10 dez 11 onze 12 doze
        meio-dia 15 quinze 20 vinte 24 meia-noite 30 trinta 40 quarenta 50 cinquenta 60 sessenta
        100 cem 1000 mil
    """,
    weekdays=("segunda", "terca", "quarta", "quinta", "sexta", "sabado sabados", "domingo domingos"),
    currency_words="real reais euro euros",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        sintom dor dores doi doendo febre tosse coceir cocand inchad inchac caroc sangramento sangrand
        tontur enjoo enjoad diarreia prisao hematom formig dormenc desmai convulsa tremedeir cansac
        fadiga queimac espinha pinta cisto manchas mancha calafri ardor ardenc verruga nodulo palpit
        insomn tremor acne eczema psoria convuls diabet asma cancer tumor covid gripe influenz infeccao
        infecao alergi anemi tireoid depress depressao ansied hpv hiv aids herpes cistit otite sinusit
        bronquit pneumon dengue zika chikung colic refluxo acidez azia gastrit ulcer hemorr varizes
        artrit artros osteopor colest obesi melanom ist medic remedi remed pilula comprimid capsul
        xarope pomada gotas bombinha injec vacin antibiot antiinfl analges antihist antiac ibuprof
        paracetam aspirin dipiron novalg dorflex buscopan amoxic azitro cefalex ciproflox metronid
        omepraz pantopraz ranitid losart metform insulin levotirox sertral fluoxet escitalop clonazep
        rivotril diazep alprazol zolpidem melaton loratad desloratad fexofen predniso cortico corticoid
        dexamet warfar clopidog atorvast sinvast rosuvast estatin anticoncep anticonce diu viagra
        sildenaf tadalaf ozempic semaglut wegovy vitamina supleme ferro zinco magnes calcio omega
        probiot creatin colagen antidepres antidepr alcool cerveja vinho dose doses dosagem posolog mg
        mcg ml ui miligr glicos glicem pressao ldl hdl trigli tsh t3 t4 hemoglob hba1c glicada glicosil
        creatinin ferritin potass sodio psa pcr vhs plaquet leucocit hematocr ureia urico bilirrub tgo
        tgp enzima hormon testost estrogen estradi progest prolact hcg bhcg ultrass ultrasson mamogr
        radiograf tomograf ressonan biops papanic urina fezes alterad elevad gravid gestant lactan
        amament bebe bebes nenem neonat tragou engoli engoliu cloro sanitaria veneno envenen intoxic
        entorse torci torce queimad queimei cortad corte ferida mordi mordeu picad cirurg operac postop
        anestes sutur pontos temperat coracao peito estomag barriga barrig gargant ouvido ouvidos olho
        olhos nariz pele joelh dente gengiv cabeca pescoco coluna quadril rim rins figado pulmao menstru
        ovul ovari utero penis vagin seno prostat testic urinar dormir dorme meningit hepatit sarampo
        tetan hernia laxant doente braco perna acucar cardiaca cardiaco pulso
    """,
    not_health="medicina medico medica medicos medicas medio media periodo periodos periodico periodica",
    health_phrases=r"raio x|(comeu|bebeu|engoliu|tomou) (um|uma|o|a)",
    topics=r"""
        medicamento\w*|medicina\w*|remedio\w*|comprimido\w*|capsula\w*|receita\w*|antibiotico\w*
        anticoncepcional\w*|amoxicilina|dipirona|novalgina|paracetamol|omeprazol\w*|insulin\w*|metformin\w*
        losartan|sintoma\w*|dor|dores|doi|doendo|febre|tosse|coceira|inchad\w*|caroco|sangramento|enjoo
        enjoad\w*|tontura|tonto|tonta|diarreia|infeccao|inflamad\w*|alergia\w*|diabet\w*|pressao alta|colesterol
        ansiedade|depressao|gravida|gravidez|gripe|resfriado|cisto|cancer|hiv|covid|engoli\w*|suplemento\w*
        vitamin\w*|acidez|azia|refluxo|frequencia cardiaca|vacina\w*|vacinar\w*|biops\w*|cirurgia\w*|operacao
        menstrua\w*|prisao de ventre|queimadura\w*|queimei|ferida\w*|lesao|fratura|entorse|mordeu|picada
        manchas? (na|no) {skin}
    """,
    skin=r"pele",
    advice=r"""
        dose|doses|dosagem|mg|miligramas?|efeitos? colatera\w*|diagnos\w*|tratamento|tratar (meu|minha|isso)
        curar|cura|como (trato|tratar|curo|curar|alivio|aliviar|tiro|tirar)
    """,
    results=r"resultados?|niveis|exames?|analise",
    result_readings=r"""
        significa\w*|quer dizer|normal|alto|alta|baixo|baixa|ruim|grave|preocup\w*|elevad\w*|positiv\w*|negativ\w*
    """,
    meaning=r"significa\w*|quer dizer|interpret\w*",
    negations="nao",
    is_it=r"isso e|e|esta",
    is_it_states=r"normal|grave|contagioso|perigoso|alto|alta|baixo|baixa|elevado|elevada",
    lab_tests=r"""
        glicose|glicemia|tsh|t4|hemoglobina|hba1c|triglicerideos|creatinina|psa|ferritina|plaquetas|leucocitos
        vitamina d|ldl|hdl
    """,
    lab_levels=r"normal|alt[oa]|baix[oa]|elevad[oa]",
    should=r"devo|deveria|preciso",
    should_actions=r"""
        tomar(?! ({taken_articles} )?{taken_not_medicine})
        preocupar\w*|parar de|seguir tomando|continuar tomando|ir ao pronto|ir ao hospital
    """,
    can_i=r"posso|poderia|e seguro",
    can_i_actions=r"""
        tomar(?! ({taken_articles} )?{taken_not_medicine})
        seguir tomando|continuar tomando|misturar|beber alcool|amamentar
    """,
    taken_articles=r"o",
    taken_not_medicine=r"cafe|cafe da manha|agua|banho|onibus|metro|taxi|uber",
    which=r"que|qual|quais",
    remedies=r"medicamento|remedio|pomada|antibiotico|tratamento",
    am_i=r"estou",
    sick=r"doente",
    what_is=r"qual e|qual a|qual o",
    normal_articles=r"o|a",
    normal=r"normal",
    decisions=r"""
        \b(devo|deveria)\b(?! {admin_verbs}\b)
        \be (normal|seguro|perigoso|perigosa|grave|ruim|muito|pouco|alto|alta|baixo|baixa|preocupante|contagioso|arriscado|bom)\b
        \b(perigos\w*|risco\w*|faz mal|fazer mal)\b
        \b(posso|poderia|pode|podem|da pra|da para|consigo|podemos) (tomar|comer|beber|misturar|dar|usar|combinar|malhar|viajar|voar|nadar|amamentar|continuar|seguir)\b
        \b(dou|dar pro|dar pra|dar para)\b
        \bo? ?que (eu )?(faco|devo|posso fazer|fazemos|tomo|dou|pode ser|sera|significa\w*|quer dizer|recomenda\w*)\b
        \b(quant[oa]s?|que quantidade)\b.{0,40}\b(devo|posso|tomo|dou|dar|tomar|ao dia|por dia)\b
        \b(corro|tem|ha) (risco|perigo)\b|\bestou protegid\w*\b|\bpor que (eu|me|meu|minha|o|a)\b
        \b(ta|esta|tudo) (tudo )?bem (se|tomar|eu)\b|\bsera que\b
        \be agora\b|\b(pode ser|sera|seria)\b|\be \w+$|\b(grave|serio|seria)\b
        \bcomo (trato|curo|alivio|baixo|aumento|reduzo|controlo|evito|paro|melhoro)\b
    """,
    admin_verbs=r"""
        preparar|levar|trazer|pagar|chegar|agendar|marcar|desmarcar|remarcar|cancelar|estar em jejum|fazer jejum
        ficar em jejum
    """,
    result_is=r"esta|e|ta|sao|deu",
    result_levels=r"alt[oa]s?|baix[oa]s?|elevad\w*",
    number_levels=r"alt[oa]|baix[oa]",
    apply_what=r"que|o que",
    apply_to=r"lhe|me|eu",
    apply_verbs=r"passo|aplico|uso|ponho|como|bebo|como agora",
    problem_is=r"e",
    problem_this=r"isso|isto",
    problem_articles=r"uma|um",
    problem=r"problema",
    works_which=r"que|qual|quais",
    works=r"eu tenho|serve|funciona|ajuda",
    take_again=r"tomo|tomar",
    again=r"dobrado|outra",
    do_sport=r"fazer|faco|praticar",
    sports=r"esporte|esportes|exercicio|exercicios",
    can_go=r"posso|pode",
    go=r"ir|voltar|trabalhar|dirigir",
    booking=r"consulta|agendar|agenda|marcar|horario|hora|pode me ver|tem horario|vaga",
    service_who=r"voces|vcs",
    service_verbs=r"tratam|fazem|atendem|oferecem|tem",
    service_starts=r"fazem|tratam|atendem|oferecem",
    admin=r"""
        levar|levo|trazer|trago|lista|pagar|pago|custa|estaciona\w*|jejum|acompanh\w*|cadeira|convenio|seguro
        plano|abre\w*|cancel\w*|desmarc\w*|remarc\w*|pronto|wifi|banheiro|elevador|rampa
    """,
    preparation=r"prepar\w*|preparo",
    needs=r"preciso|precisa|tenho que",
    billing=r"""
        desconto\w*|devolucao|dinheiro de volta|me cobraram|fui cobrad\w*|estorno\w*|devolver (o|meu) dinheiro
        cobraram (duas vezes|a mais|errado)|cobranca (indevida|duplicada|errada)|cobrado (duas vezes|a mais|errado)
        nao (consigo|posso|tenho como) pagar|isen\w*|perdoar (a|o) (multa|taxa)|contestar|(duas|2) (cobrancas|transacoes)
        (tirar|retirar|cancelar|perdoar|anular|isentar|tira) (a|o|essa|esse|esta|este)( \w+){0,2} (multa|taxa|cobranca)
        contest\w*|impugn\w*|paguei a mais|paguei demais|preco especial|devolvam|devolva
        desempregad\w*|sem emprego|sem grana
    """,
    charged=r"cobraram|cobrou",
    twice=r"duas vezes",
    bill_items=r"cobranca|fatura",
    bill_wrong=r"errad\w*",
    agree=r"concordo|conforme",
    agree_items=r"cobr\w*|valor|preco|conta",
    cheaper_make=r"fazer|faz|deixar",
    cheaper_more=r"mais|um pouco",
    cheaper=r"barat\w*",
    free=r"gratis|gratuit\w*|de graca|sem custo",
    facility=r"estaciona\w*|manobrista|wi ?fi|internet|cancel\w*|desmarc\w*|remarc\w*",
)

PACK = LanguagePack(
    code="pt-BR",
    name="Português (Brasil)",
    english_name="Brazilian Portuguese",
    choice_name="PORTUGUESE",
    aliases=("pt", "pt-br", "portuguese", "portugues", "português"),
    dates=DATES,
    faq=FAQ,
    stemmer="portuguese",
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
    intents={
        "human": (
            r"^(pessoa|humano|atendente|recepcao|recepcionista)( por favor)?$",
            r"\b(me passa|me transfere|transfira)\b.{0,25}\b(humano|pessoa|recepcao|atendente|alguem|secretaria)",
            r"\balguem (da|na) (recepcao)",
            r"\b(falar|conversar)\s+(com|a)\s+(uma |um |alguem|a |o )*(pessoa|humano|atendente|recepcao|recepcionista|secretaria|alguem)",
            r"\b(quero|prefiro)\s+(uma |um )?(humano|atendente|pessoa)\b",
            r"\bnao quero falar com? (uma |um )?(bot|robo|maquina)",
            r"\b(atendente|atendimento humano|recepcionista)\b",
            r"\b(liguem para mim|me liga)\b",
        ),
        "reschedule": (
            r"\bremarc",
            r"\breagend",
            r"\badiar\b",
            r"\b(mudar|trocar|alterar|passar)\w*\s+(o\s+|a\s+)?(?:data\s+d[ao]\s+|horario\s+d[ao]\s+)?{my_appt}",
            r"\b(mudar|trocar|alterar)\w* (o |a )?(data|hora|dia|horario)\b",
            r"\b(outro|outra) (dia|hora|horario|data)\b",
        ),
        "cancel": (
            r"\bcancel",
            r"\bdesmarc",
            r"\banul(?:a|o|e)",  # anular, anulo; "anul" is a slip of "anual"
            r"\bnao (preciso|quero) mais (da|a|de) (consulta|reserva)",
            r"\bnao (vou|posso|poderei) (ir|comparecer)",
        ),
        "availability": (
            # "Tem algo com a Dra. Ana?"
            r"^(tem algo|teria algo|alguma coisa|algo)\b.{0,40}\b(com)\b",
            r"\bdisponib",
            r"\bque (horarios|dias|horas) tem\b",
            r"\b(que|quais) (dias|horarios) (atende|trabalha)\b",
            r"\b(tem|tens|teria|ha) (horario|vaga|vagas|hora|horarios)\b",
            r"\b(horarios?|vagas?) (livres?|disponiveis)\b",
            r"\bquando (o|a) (dr|dra|doutor|doutora)\b.{0,30}\b(atende|tem)",
            r"\bmais cedo\b",
        ),
        "book": (
            r"\b(preciso|preciso de|quero|procuro) (?:de )?(?:um|uma) (medico|medica|doutor|doutora|dentista|terapeuta|psicologo|psicologa|pediatra)\b",
            r"\b(procuro|procurar|encontrar)\b.{0,20}\b(medico|dentista|terapeuta)s?\b",
            r"\b(reservar|reserva)\b",
            r"\b(agendar|marcar|reservar|quero|queria|gostaria de|preciso de|preciso|pode marcar|consigo)\b.{0,30}\b({book_noun}|atendimento)\b",
            r"\b(agendar|marcar|marca|reservar|agenda|agende|marque)\b",
            r"\buma consulta\b",
            r"\b(quero|queria|gostaria de|preciso) (ver|ser atendid|consultar|uma consulta|ir ao)\b",
            r"\b(ser atendid)\b",
            r"\b(podem me|pode me|me podem|me pode) (ver|atender|examinar|encaixar)",
            r"\blevar (a |o |a minha )?\w+ (ao|na|no) (pediatr|medico|dentist|dermatolog|ginecolog)",
        ),
        "faq": (
            r"\b(onde|endereco|localizacao|fica|estacionamento|como chego)\b",
            r"\b(preco|custa|quanto|valor|pagar|pagamento|convenio|plano de saude|aceitam|aceita|cartao|dinheiro|pix)\b",
            r"\b(horario de funcionamento|que horas (abre|fecha|abrem|fecham)|abre|fecha aos|funcionam|atendem aos)\b",
            r"\b(levar|trazer|preparar|jejum|documentos|documentacao)\b",
            r"\b(fazem|voces atendem|oferecem)\b",
            r"\b(quanto tempo|duracao)\b",
            r"\b(telefone|site)\b",
            r"\b(vacinas?|resultados?|receitas?|atestados?)\b",
            r"\b(que horas)\b.{0,20}\b(abrem|abre|fecham)\b",
        ),
    },
    weak_book=(r"\bconsulta\b",),
    book_nouns=("reserva", "consulta", "horario", "hora", "consultas", "revisao", "retorno", "exame"),
    determiners=("minha", "meu", "a", "o", "essa"),
    greetings=("oi", "ola", "opa", "bom dia", "boa tarde", "boa noite", "e ai", "alo"),
    thanks=("obrigad[oa]", "muito obrigad[oa]", "valeu", "brigad[oa]"),
    thanks_intensifiers=("muito",),
    farewells=("tchau", "ate logo", "ate mais", "falou"),
    closings=("e so isso", "so isso", "era isso"),
    closing_words=("deixa pra la",),
    yes_words=(
        "sim",
        "isso",
        "isso mesmo",
        "certo",
        "pode ser",
        "pode",
        "beleza",
        "blz",
        "fechado",
        "combinado",
        "perfeito",
        "exato",
        "com certeza",
        "claro que sim",
        "confirmo",
        "ta bom",
        "ta",
        "uhum",
        "aham",
        "s",
        "claro",
    ),
    no_words=("nao", "nao obrigad[oa]", "negativo", "errado", "nenhum", "nenhuma"),
    not_that=("nao e", "nao era"),
    but_words=("mas", "porem"),
    objections=("mudar",),
    booking_stems=("consulta", "remarc", "agend", "marcar", "marca", "marque"),
    want_words=("quero", "queria", "gostaria", "preciso", "precisa", "procuro", "levar", "ver"),
    booking_verbs=(r"agend\w*", r"marc\w*", r"reserv\w*"),
    question_starts=("que", "qual", "quanto", "onde", "como", "preciso", "aceitam"),
    typos={
        "kero": "quero",
        "qero": "quero",
        "vc": "voce",
        "vcs": "voces",
        "pq": "porque",
        "tb": "tambem",
        "tbm": "tambem",
        "hj": "hoje",
        "amn": "amanha",
    },
    keywords=(
        "consulta",
        "cancelar",
        "remarcar",
        "reagendar",
        "disponivel",
        "horario",
        "gostaria",
        "atendente",
    ),
    off_topic=("carro", "voo", "cabeleireiro", "mecanico", "jantar", "reuniao", "restaurante"),
    medical_words=("medico", "clinica", "dentista", "doutor", "doutora"),
    accept=(
        "pode ser",
        "quero (esse|essa|ele|ela)",
        "gostei (dele|dela|desse|dessa)",
        "(esse|essa) (mesmo|mesma)",
        "tenta",
    ),
    change_existing=(r"remarc\w*", r"reagend\w*", "adiar", "minha consulta"),
    alternatives=("outro", "outra", "outros", "outras", "mais opcoes"),
    asks_details=("endereco", "telefone", "numero"),
    honorifics=(
        "dr",
        "dra",
        "doutor",
        "doutora",
        "medico",
        "medica",
        "prof",
        "professor",
        "professora",
        "sr",
        "sra",
        "senhor",
        "senhora",
    ),
    non_names=(
        "a",
        "o",
        "de",
        "da",
        "do",
        "com",
        "e",
        "para",
        "por",
        "pra",
        "ver",
        "quero",
        "meu",
        "minha",
        "uma",
        "um",
        "consulta",
        "em",
        "no",
        "na",
    ),
    specialties={
        "cardiology": ("cardiolog",),
        "dermatology": ("dermatolog", "medico de pele"),
        "pediatrics": ("pediatr",),
        "gynecology": ("ginecolog",),
        "ophthalmology": ("oftalmolog",),
        "otorhinolaryngology": ("otorrino",),
        "psychology": ("psicolog", "terapeuta"),
        "psychiatry": ("psiquiatr",),
        "orthopedics": ("ortoped", "traumatolog"),
        "dentistry": ("dentista", "odontolog"),
        "nutrition": ("nutricionista", "nutrolog"),
        "neurology": ("neurolog",),
        "endocrinology": ("endocrin",),
        "urology": ("urolog",),
        "general_practice": ("clinico geral",),
    },
    visit_phrases={
        "first": ("primeira vez", "primeira consulta", "paciente novo", "paciente nova"),
        "follow_up": ("retorno", "revisao", "consulta de retorno", "segunda consulta"),
        "checkup": ("exame de rotina",),
    },
    visit_type_words={"first": ("primeira", "novo"), "follow_up": ("retorno",), "checkup": ()},
    # The one list of ordinal words: options ("a segunda") and day numbers ("primeiro de maio").
    ordinals={
        1: ("primeiro", "primeira"),
        2: ("segundo", "segunda"),
        3: ("terceiro", "terceira"),
        4: ("quarto", "quarta"),
        5: ("quinto", "quinta"),
        6: ("sexto", "sexta"),
        7: ("setimo", "setima"),
        8: ("oitavo", "oitava"),
        9: ("nono", "nona"),
        10: ("decimo", "decima"),
    },
    option_nouns=("opcao", "numero", "num", "alternativa"),
    option_articles=("a ", "o ", "com a ", "com o "),
    option_fillers=("quero ", "prefiro ", "fico com "),
    option_suffixes=(" opcao", " horario", " por favor"),
    last_option=("a ultima", "o ultimo"),
    not_an_option=("feira", "vez", "semana"),
    please=("por favor", "pf"),
    option_time_leads=("o", "a", "a das", "o das", "o de", "a de"),
    time_prepositions=("as", "a"),
    name_intros=(
        "meu nome e",
        "me chamo",
        "eu sou",
        "sou",
        "(?:no |em )?nome(?: de| e| certo e| esta errado e)?",
    ),
    name_connectors=("de", "da", "do", "dos", "das", "e"),
    birth_words=("nasci", "nascimento", "data"),
    option_time_preps=("das",),
    option_time_marks=(r"\bdas\b",),
    name_fillers=("por", "favor", "obrigado"),
    want_verbs=("quero",),
    for_someone=(
        r"(?:e )?(?:para|pra|pro|da|do) (?:o |a )?(?:meu|minha) (?:filho|filha|marido|esposa|mulher|mae|pai|avo|irmao|irma"
        r"|namorado|namorada|bebe)",
        r"^(?:o |a )?(?:meu|minha) (?:filho|filha|marido|esposa|mulher|mae|pai|avo)",
        r"se chama",
        r"o nome (?:completo )?(?:dela|dele) e",
    ),
    corrections=(
        "ops",
        "opa",
        "desculpa",
        "desculpe",
        "perdao",
        "quer dizer",
        "quis dizer",
        "na verdade",
        "nao",
    ),
)
