"""Brazilian Portuguese: the words of FAQ retrieval and its limits (fields documented in faq_words.py)."""

from conversations.understanding.languages.faq_words import FaqWords

FAQ = FaqWords(
    stop_words="""
        o a os as um uma uns umas e sao ser estar esta este isto estao de do da dos das no na
        nos nas ao com por para pra que se seu sua meu minha eu voce voces vcs oi ola obrigado
        obrigada favor posso pode podem quero queria gostaria saber sim ja tem tenho preciso
        alguem algum alguma ainda ai aqui oq pfv pf mas q pq porque tambem tb tbm vc ta faz fazem fazer
    """,
    neutral_words="""
        hoje amanha ontem cedo tarde noite semana mes ano proximo proxima passado passada depois
        agora avo avos vovo sogra sogro gente pessoal fazer esse essa
        to ta tou estou vou ter ir indo mesmo consigo conseguir desculpa desculpe bom dia
        boa tarde noite exatamente pessoas consegue dra doutora
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
        "_open": "abrir abre abrem aberto aberta abertos funciona funcionam funcionamento abertas",
        "_close": "fecha fecham fechado fechados fechada fechadas",
        "_saturday": "sabado sabados",
        "_sunday": "domingo domingos",
        "_fast": "jejum",
        "_blood": "sangue",
        "_test": "exame exames coleta analises analise",
        "_water": "agua",
        "_insurance": "seguro seguros convenio convenios plano planos cobertura cobre unimed amil sulamerica  seguradora seguradoras adse multicare medis advancecare"
        "bradesco hapvida intermedica notredame careplus allianz medicaid medicare",
        "_pay": "pagar pago pagamento pagamentos",
        "_credit": "credito visa mastercard elo amex",
        "_debit": "debito",
        "_cash": "dinheiro",
        "_installments": "parcelar parcelas parcelado",
        "_cancel": "cancelar cancelo cancelamento desmarcar desmarco",
        "_reschedule": "remarcar remarco mudar",
        "_notice": "antecedencia",
        "_wheelchair": "cadeirante cadeirantes acessivel acessibilidade rampa deficiencia deficiente deficientes",
        "_elevator": "elevador escada escadas",
        "_toilet": "banheiro banheiros sanitario sanitarios",
        "wifi": "wifi internet",
        "_password": "senha",
        "_companion": "amigo amiga comigo acompanhante acompanhantes acompanhado acompanhada",
        "_minor": "menor menores",
        "_child": "crianca criancas filho filhos filha filhas",
        "_spouse": "esposo esposa marido mulher",
        "_alone": "sozinho sozinha",
        "_parent": "mae pai mamae papai responsavel tutor",
        "_result": "resultado resultados laudo laudos",
        "_ready": "pronto prontos pronta prontas disponivel disponiveis saiu",
        "_online": "online site portal",
        "_pet": "pet pets cachorro cachorros cachorrinho cao caes gato gata gatinho gatinha",
        "_video": "videochamada videoconsulta teleconsulta telemedicina virtual zoom",
        "_interpreter": "interprete interpretes tradutor tradutora traduzir",
        "_late": "atraso atrasado atrasada",
        "_note": "atestado atestados comprovante declaracao",
        "_prescription": "receita receitas renovar renovacao",
        "_delay": "demora demoram",
        "_accept": "aceitam aceita aceito",
        "_visit": "consulta consultas",
        "_private": "particular particulares privado privada",
        "_checkup": "checkup anual",
        "_followup": "retorno",
        "_enter": "entrar entra",
        "_email": "email",
        "_first": "primeira primeiro",
        "_day": "dia dias",
        "_hour": "hora horas horario horarios",
        "_attend": "atendem atende atender atendimento",
        "_pick": "retirar retiro pegar pego buscar busco",
        "_invoice": "fatura faturas factura",
        "_taxid": "contribuinte cnpj",
        "_home": "domiciliar domiciliaria domiciliario acamado acamada",
        "_record": "historico prontuario",
        "_referral": "encaminhamento encaminhar requisicao credencial",
        "_vaccine": "vacina vacinas vacinacao vacinar",
    },
    phrases={
        # Um carro que não se tem não pergunta por estacionamento; uma vaga de emprego não é de carro.
        "sem carro": "",
        "nao tenho carro": "",
        "vaga de emprego": "_job",
        "vagas de emprego": "_job",
        "vaga de trabalho": "_job",
        "wi fi": "wifi",
        "sala de espera": "_waiting",
        "cao guia": "_pet",
        "cao-guia": "_pet",
        "quanto tempo": "_delay",
        "plano de saude": "_insurance",
        "chegar tarde": "_late",
        "planos de saude": "_insurance",
        "cadeira de rodas": "_wheelchair",
        "pela internet": "_online",
        "na internet": "_online",
        "menor de idade": "_minor",
        "sem comer": "_fast",
        "e mail": "_email",
        # Everyday ways to ask what a thing costs, where to leave the car, when a thing is ready.
        "quanto custa": "_price",
        "quanto tenho que pagar": "_price",
        "quanto pago": "_price",
        "quanto se paga": "_price",
        "quanto fica": "_price",
        "quanto sai": "_price",
        "ta quanto": "_price",
        "quanto ta": "_price",
        "quanto e": "_price",
        "deixar o carro": "_parking",
        "quando saem": "_ready",
        "quando sai": "_ready",
        "ficam prontos": "_ready",
        "que horas": "_hour",
        # Receipts, tax numbers, home visits, walk-ins, records, cancelling by not going.
        "nota fiscal": "_invoice",
        "recibo verde": "_invoice",
        "numero de contribuinte": "_taxid",
        "em casa": "_home",
        "la a casa": "_home",
        "a domicilio": "_home",
        "ao domicilio": "_home",
        "sem marcacao": "_walkin",
        "sem marcar": "_walkin",
        "sem hora": "_walkin",
        "sem agendamento": "_walkin",
        "sem agendar": "_walkin",
        "sem hora marcada": "_walkin",
        "sem consulta marcada": "_walkin",
        "por ordem de chegada": "_walkin",
        "encaixe": "_walkin",
        "no mesmo dia": "_walkin",
        "no proprio dia": "_walkin",
        "nao posso ir": "_cancel",
        "nao vou poder ir": "_cancel",
        "nao puder ir": "_cancel",
        "faltar a consulta": "_cancel",
        "quanto vai ficar": "_price",
        "quanto vai custar": "_price",
        "quanto cobram": "_price",
        "quanto e que custa": "_price",
        "qual o valor": "_price",
        "qual e o valor": "_price",
        # Greetings say nothing about which entry is meant.
        "bom dia": "",
        "boa tarde": "",
        "boa noite": "",
        "tudo bem": "",
        "tudo bom": "",
        "como vai": "",
        "como voce esta": "",
        "com licenca": "",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 dois duas 3 tres 4 quatro 5 cinco 6 seis 7 sete 8 oito 9 nove 10 dez 11 onze 12 doze
        meio-dia 15 quinze 20 vinte 24 meia-noite 30 trinta 40 quarenta 50 cinquenta 60 sessenta
        100 cem 1000 mil
    """,
    weekdays=("segunda", "terca", "quarta", "quinta", "sexta", "sabado sabados", "domingo domingos"),
    currency_words="real reais euro euros",
    claim_words="posso pode podem sim tem tenho preciso algum alguma",
    negation_words="nao nunca nenhum nenhuma nada sem",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        adenoid ronca ronco roncar zumbid gagueir gaguej burnout glicos glicem
        carboidrat calori emagrec
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
        doenca doencas transtorno transtornos sindrom deficien virus viral bacteri parasit dedo dedos
        nervo nervos boca labios lingua mandibula audicao visao memoria
    """,
    not_health="""
        medicina medico medica medicos medicas medio media periodo periodos periodico periodica diploma
        nostalgia simpatia empatia
    """,
    health_suffixes="oma omas emia emias patia patias algia",
    about=r"""
        ^(o que|que) (e|sao)\b|\binformac(ao|oes) (sobre|de)\b|\bo que (causa|causam|provoca|provocam)\b
        \bo que fazer (para|com|se|quando)\b
        \bestagios (de|do|da)\b|\bpesquisas? (sobre|de|para)\b|\brisco de\b
    """,
    health_phrases=r"(baixar|abaixar|subir|tenho|ter) (o )?acucar|ben u ron|benuron|brufen|dafalgan|buscopan|voltaren|raio x|(comeu|bebeu|engoliu|tomou) (um|uma|o|a)|couro cabeludo|queda de cabelo|cabelo (caindo|cai)",
    topics=r"""
        medicamento\w*|medicina\w*|remedio\w*|comprimido\w*|capsula\w*|receita\w*|antibiotico\w*
        anticoncepcional\w*|amoxicilina|dipirona|novalgina|paracetamol|omeprazol\w*|insulin\w*|metformin\w*
        losartan|sintoma\w*|dor|dores|doi|doendo|febre|tosse|coceira|manchinhas?|manchas vermelhas|brotoeja\w*|inchad\w*|caroco|sangramento|enjoo
        enxaqueca\w*
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
        isso pega|(e|eh) contagios\w*|contagia|(se|enquanto) (estou|estiver|to|ta) tomando(?! conta)
        (se|enquanto) (estou|estiver|esteja) a tomar|(e|eh|sera) (um )?(mau|bom) sinal|sinal ruim
        (acha|achas|acham) que (eu )?(to|tou|estou|esteja|tenho|tenha|ele|ela) (com|tem|esta)
        (deve|deveria|tem que|teria que|precisa)( de)? (dormir|comer|beber|pesar|medir)
    """,
    health_info=r"""
        precaucoes (com|para|sobre)|advertencias? (sobre|de)|interacoes? (com|entre)|nomes? comerciais?
        quao (eficaz|efetiv\w*)|eficacia (de|do|da)|ensaios clinicos
        (sintomas|causas|tratamentos?|complicacoes|prognostico|sequelas) (de|do|da|dos|das|para)
        como (se )?(previne|prevenir|evito|evitar|diagnostica|diagnosticar|trata|tratar|cura|curar)
        (e|sao) (hereditari\w*|contagios\w*|genetic\w*|curave\w*)
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
        \b(passa|sara|melhora|some|cura)\w* sozinh[oa]s?\b|\b(gelo|calor|frio) ou (gelo|calor|frio)\b
        \bquantos dias( \w+){0,2} (repouso|atestado|afastamento)\b|\bprecisa (tirar|operar|fazer cirurgia)\b
        \b(devo|deveria)\b(?! {admin_verbs}\b)
        \be (normal|seguro|perigoso|perigosa|grave|ruim|muito|pouco|alto|alta|baixo|baixa|preocupante|contagioso|arriscado|bom)\b
        \b(perigos\w*|risco\w*|faz mal|fazer mal)\b
        \b(posso|poderia|pode|podem|da pra|da para|consigo|podemos) (tomar|comer|beber|misturar|dar|usar|combinar|malhar|viajar|voar|nadar|amamentar|continuar|seguir)\b
        \b(dou|dar pro|dar pra|dar para)\b
        \bo? ?que (eu )?(faco|devo|posso fazer|fazemos|dou|pode ser|sera|significa\w*|quer dizer|recomenda\w*)\b
        (?<!remedios )(?<!medicamentos )(?<!comprimidos )\bque (eu )?tomo\b
        \b(quant[oa]s?|que quantidade)\b.{0,40}\b(devo|posso|tomo|dou|dar|tomar|ao dia|por dia)\b
        \b(corro|tem|ha) (risco|perigo)\b|\bestou protegid\w*\b|\bpor que (eu|me|meu|minha|o|a)\b
        \b(me|nos) (recomenda\w*|aconselha\w*)\b
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
    service_who=r"voces|vcs|(o|a) (dr|dra|doutor|doutora) \w+",  # "o Dr. Restrepo faz cirurgia a laser?"
    service_verbs=r"tratam|fazem|atendem|oferecem|tem|trata|faz|atende|oferece|realiza",
    service_gives=r"aplicam|dao|vendem|realizam",
    service_starts=r"fazem|tratam|atendem|oferecem",
    service_for=r"para|pra",
    admin=r"""
        levar|levo|trazer|trago|lista|pagar|pago|custa|estaciona\w*|jejum|acompanh\w*|cadeira|convenio|seguro
        plano|abre\w*|cancel\w*|desmarc\w*|remarc\w*|pronto|wifi|banheiro|elevador|rampa
        renovar a receita|refil|declaracao|atestado|(sao|e) feitas? ai|voces? (aplicam|fazem) (a |as )?vacinas?
    """,
    preparation=r"prepar\w*|preparo",
    needs=r"preciso|precisa|tenho que",
    instructions=r"""
        (pare|parar|deixe|deixa|deixar) de (tomar|usar|comer|beber)\b
        (continue|continua|siga|segue) (tomando|usando)\b
        (nao|nunca) (tome|tomar|coma|comer|beba|beber|use|misture|misturar|fume|fumar)\b
        (evite|evita|evitar) (\w+ ){0,2}(agua|comida|comer|alimentos|liquidos|cafe|alcool|exercicio|exercicios|remedios?|medicamentos?|comprimidos?|doses?)\b
        (tome|toma|engula|aplique|aplica|dobre|dobra|duplique|aumente|aumenta|diminua|reduza|pule) (o|a|os|as|um|uma|dois|duas|tres|meio|meia|outro|outra|mais|menos|\d+|seu|sua|seus|suas|esse|essa|esses|essas)\b(?! (metro|onibus|taxi|trem|elevador|linha)\b)
        (beba|bebe|tome|coma|come) (muita|muito|bastante|mais|menos|nada|so|apenas)\b
        (deve|precisa|tem que|tem de) (tomar|parar|suspender|dobrar|evitar|descansar|beber|comer|fazer jejum|aplicar)\b
        (faca|fique em) repouso\b|descanse\b
    """,
    billing=r"""
        (cobr\w*|multa|taxa)( \w+){0,15} (absurdo|injust\w*|nao e justo)|(quero|queria) que me (devolvam|reembolsem)
        desconto\w*|devolucao|dinheiro de volta|reaver|me cobraram|fui cobrad\w*|estorno\w*|devolver (o|meu) dinheiro
        (quero|queria) (o |meu )?reembolso|cobraram (duas vezes|a mais|errado)|cobranca (indevida|duplicada|errada)|cobrado (duas vezes|a mais|errado)
        nao (consigo|posso|tenho como) pagar|isen\w*|perdoar (a|o) (multa|taxa)|contestar|(duas|2) (cobrancas|transacoes)
        (tirar|retirar|cancelar|perdoar|anular|isentar|tira) (a|o|essa|esse|esta|este)( \w+){0,2} (multa|taxa|cobranca)
        contest\w*|impugn\w*|paguei a mais|paguei demais|preco especial|devolvam|devolva
        desempregad\w*|sem emprego|sem grana
        (cobranca|debito|lancamento|compra)( \w+){0,8} (que )?(eu )?nao (a |o )?reconheco|nao reconheco (a|o|essa|esse|uma|um)( \w+){0,2} (cobranca|debito|lancamento)
        (neg\w*|recus\w*)( \w+){0,2} (o |meu )?(reembolso|ressarcimento)|(reembolso|ressarcimento)( \w+){0,3} (negad\w*|recusad\w*)
        (nao (me )?)?devolveram|(paguei|cobraram)( \w+){0,3} em (vez|lugar) de|(devolvam|devolver|quero|reembolsem) a diferenca
        (conta|cobranca|fatura)( \w+){0,10} (que )?(eu )?nunca (fiz|fui|recebi|tive)|(exame|consulta)( \w+){0,8} na minha conta
        sendo cobrad\w*|nao me cobrem|(e|eh) um abuso
        (peco|pedimos|quero|queria) que (a |o |me )?(retirem|tirem|cancelem|anulem|devolvam|estornem)
    """,
    charged=r"cobraram|cobrou|paguei",
    twice=r"duas vezes",
    bill_items=r"cobranca|fatura|recibo",
    bill_wrong=r"errad\w*",
    agree=r"concordo|conforme",
    agree_items=r"cobr\w*|valor|preco|conta",
    cheaper_make=r"fazer|faz|deixar",
    cheaper_more=r"mais|um pouco",
    cheaper=r"barat\w*",
    free=r"gratis|gratuit\w*|de graca|sem custo",
    facility=r"estaciona\w*|manobrista|wi ?fi|internet|cancel\w*|desmarc\w*|remarc\w*",
)
