"""Spanish (Spain and Latin America): the words of FAQ retrieval and its limits (fields documented in faq_words.py)."""

from conversations.understanding.languages.faq_words import FaqWords

FAQ = FaqWords(
    stop_words="""
        el la los las un una unos unas es son ser estar esta este esto estan estas de del al y o
        en con por para que se su sus mi mis tu tus yo me te le les lo nos usted ustedes hola
        gracias favor puedo puede pueden quiero quisiera saber si ya hay tienen tiene necesito
        alguien algo alguna algun aun ahi aqui porfa pf pero q xq pq porque tambien tb tmb hacen hacer tengo
    """,
    neutral_words="""
        hoy manana ayer tarde noche semana finde mes ano proximo proxima pasado pasada luego
        ahora ahorita recien abuela abuelo abuelita suegra suegro chicos
        estoy saliendo surgio surge viaje disculpa disculpe perdon buenas buenos dias tardes
        noches exactamente justo personas tampoco mientras otro otra soy hace falta dra doctora
        podrias podria decir
    """,
    # Retrieval: synonyms by concept (keys shared by every pack) and phrases.
    concepts={
        "_price": "caro cara multa precio precios cuesta costo costos valor valores tarifa tarifas cobran cobra",
        "_where": "donde",
        "_address": "calle avenida avda direccion ubicados ubicada ubicacion sede sedes",
        "_metro": "metro estacion estaciones",
        "_parking": "estacionamiento estacionar estaciono estacione aparcar aparcamiento cochera auto coche valet parqueadero parqueaderos parqueo parquear",
        "_bring": "traer traigo llevar llevo",
        "_document": "documento documentos dni identidad",
        "_open": "abren abrir abre abierto abiertos funciona abris abierta abiertas",
        "_close": "cierran cierra cerrado cerrais cerrados cerrada",
        "_saturday": "sabado sabados",
        "_sunday": "domingo domingos",
        "_fast": "ayuno ayunas",
        "_blood": "sangre",
        "_test": "analisis examen examenes extraccion analitica analiticas",
        "_water": "agua",
        "_insurance": "seguro seguros prepaga prepagas cobertura cubre osde galeno medife omint sancor aseguranza  mutua mutuas aseguradora aseguradoras adeslas sanitas asisa dkv mapfre caser gnp"
        "aseguranzas medicaid medicare",
        "_pay": "pagar pago pagos",
        "_credit": "credito visa mastercard amex",
        "_debit": "debito",
        "_cash": "efectivo",
        "_installments": "cuotas abonos plazos mensualidades",
        "_cancel": "cancelar cancelo cancelacion anular anulo",
        "_reschedule": "reprogramar reprogramo cambiar cambio",
        "_notice": "anticipacion",
        "_wheelchair": "accesible accesibilidad rampa discapacidad discapacitado discapacitados andadera",
        "_elevator": "ascensor escalera escaleras",
        "_toilet": "bano banos sanitario sanitarios",
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
        "_online": "online web portal",
        "_pet": "mascota mascotas perro perros perrito perrita gato gatos gata gatita gatito",
        "_video": "videollamada videoconsulta teleconsulta telemedicina virtual zoom",
        "_interpreter": "interprete interpretes traductor traductora traducir",
        "_late": "retraso retrasado retrasada atrasado atrasada",
        "_note": "incapacidad constancia certificado justificante",
        "_prescription": "receta recetas formula formulas renovar renovacion",
        "_delay": "tardan tarda demora demoran",
        "_accept": "aceptan acepta aceptado",
        "_visit": "consulta consultas cita citas turno turnos",
        "_private": "particular particulares privado privada",
        "_checkup": "chequeo chequeos anual",
        "_followup": "control revision",
        "_enter": "entrar entra",
        "_email": "email correo",
        "_first": "primera primer",
        "_day": "dia dias",
        "_hour": "hora horas horario horarios",
        "_attend": "atienden atiende atender atencion",
        "_pick": "retirar retiro buscar busco",
        "_invoice": "factura facturas recibo recibos",
        "_taxid": "cif cuit cuil rfc",
        "_home": "casa domicilio domicilios domiciliaria domiciliarias domiciliario domiciliarios",
        "_record": "historial expediente",
        "_referral": "derivacion derivaciones derivar volante",
        "_vaccine": "vacuna vacunas vacunacion vacunar",
    },
    phrases={
        # Un coche que no se tiene no pregunta por el aparcamiento.
        "sin auto": "",
        "sin coche": "",
        "sin carro": "",
        "no tengo auto": "",
        "no tengo coche": "",
        "no tengo carro": "",
        "wi fi": "wifi",
        "sala de espera": "_waiting",
        "perro de asistencia": "_pet",
        "perros de asistencia": "_pet",
        "perro guia": "_pet",
        "cuanto tiempo": "_delay",
        "obra social": "_insurance",
        "llego tarde": "_late",
        "voy tarde": "_late",
        "llegar tarde": "_late",
        "cita por video": "_video",
        "obras sociales": "_insurance",
        "seguro medico": "_insurance",
        "seguro de salud": "_insurance",
        "silla de ruedas": "_wheelchair",
        "por internet": "_online",
        "en linea": "_online",
        "menor de edad": "_minor",
        "sin comer": "_fast",
        "e mail": "_email",
        # Everyday ways to ask what a thing costs, where to leave the car, when a thing is ready.
        "cuanto sale": "_price",
        "cuanto vale": "_price",
        "cuanto cuesta": "_price",
        "cuanto cobran": "_price",
        "cuanto es": "_price",
        "cuanto me sale": "_price",
        "cuanto me cuesta": "_price",
        "cuanto me cobran": "_price",
        "cuanto tengo que pagar": "_price",
        "cuanto hay que pagar": "_price",
        "cuanto se paga": "_price",
        "cuanto pago": "_price",
        "dejar el coche": "_parking",
        "dejar el auto": "_parking",
        "dejar el carro": "_parking",
        "sitio para aparcar": "_parking",
        "me llegan": "_ready",
        "estan listos": "_ready",
        "a que hora": "_hour",
        # Receipts, tax numbers, home visits, walk-ins, records, cancelling by not going.
        "sitio web": "_online",
        "pagina web": "_online",
        "historia clinica": "_record",
        "sin cita": "_walkin",
        "sin turno": "_walkin",
        "sin hora": "_walkin",
        "sin reserva": "_walkin",
        "sin pedir cita": "_walkin",
        "sin pedir hora": "_walkin",
        "por orden de llegada": "_walkin",
        "en el dia": "_walkin",
        "no puedo ir": "_cancel",
        "no podre ir": "_cancel",
        "no voy a poder ir": "_cancel",
        "no pueda ir": "_cancel",
        "faltar a la cita": "_cancel",
        "cuanto nos sale": "_price",
        "cuanto nos cuesta": "_price",
        "cuanto nos cobran": "_price",
        "cuanto cobrais": "_price",
        "cuanto me cobrais": "_price",
        "que precio": "_price",
        # Greetings say nothing about which entry is meant.
        "buenos dias": "",
        "buen dia": "",
        "buenas tardes": "",
        "buenas noches": "",
        "buenas": "",
        "disculpa": "",
        "disculpe": "",
        "que tal": "",
        "como estas": "",
        "como esta": "",
        "como andas": "",
    },
    # Grounding: facts a rephrased answer may not invent.
    number_words="""
        2 dos 3 tres 4 cuatro 5 cinco 6 seis 7 siete 8 ocho 9 nueve 10 diez 11 once 12 doce
        mediodia 15 quince 20 veinte 24 medianoche 30 treinta 40 cuarenta 50 cincuenta 60 sesenta
        100 cien 1000 mil
    """,
    weekdays=("lunes", "martes", "miercoles", "jueves", "viernes", "sabado sabados", "domingo domingos"),
    currency_words="dolares pesos euro euros",
    claim_words="puedo puede pueden hay tienen tiene necesito alguna algun algo",
    negation_words="no nunca ningun ninguna ninguno nada sin",
    # Clinical questions and billing disputes: slots of the rules in conversations/faq/limits.py
    # (each field and its shape: languages/faq_words.py).
    health_stems="""
        adenoid ronca ronco roncar ronquido acufeno tartamud burnout glucos glucem
        carbohidrat calori adelgaz
        sintom dolor duele duelen fiebre tos pica pican picor picaz comezon cabelludo hinch hinchaz bulto sangrado sangrando mareo
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
        azucar cardiaca cardiaco pulso enfermedad enfermedades trastorno trastornos sindrom deficien
        virus viral bacteri parasit dedo dedos nervio nervios boca labios lengua mandibula audicion vision
        memoria
    """,
    not_health="""
        medicina medico medica medicos medicas medio media mediodia periodo periodos periodico periodica
        diploma nostalgia simpatia empatia
    """,
    health_suffixes="itis oma omas emia emias patia patias osis algia",
    about=r"""
        ^(que|qu e) (es|son)\b|\binformacion (sobre|de|acerca)\b|\bque (causa|causan|provoca|provocan|produce)\b
        \bque hacer (para|con|si|por|ante)\b|\betapas de\b
        \binvestigacion(es)? (sobre|de|para)\b|\briesgos? de\b
    """,
    health_phrases=r"(bajar|subir|tengo|tener|tiene) (el )?azucar|gelocatil|nolotil|dalsy|apiretal|ben u ron|benuron|brufen|dafalgan|(se )?(comio|bebio) (un|una|el|la)|se (me|le) cae el (pelo|cabello)|caida del (pelo|cabello)",
    topics=r"""
        medicamento\w*|medicina\w*|remedio\w*|pastilla\w*|pildora\w*|comprimido\w*|capsula\w*|receta\w*
        antibiotico\w*|anticonceptiv\w*|amoxicilina|paracetamol|omeprazol\w*|insulin\w*|metformin\w*|losartan
        sintoma\w*|dolor\w*|duele\w*|fiebre|tos|sarpullido|salpullido|granitos|ronchas?|picaz\w*|hinchad\w*|bulto|sangrado|sangrando|sangra
        nause\w*|vomito\w*|mareo\w*|mareado\w*|diarrea|infeccion\w*|infectad\w*|inflamad\w*|alergi\w*|diabetes
        presion alta|colesterol|ansiedad|depresion|embarazad\w*|embarazo|gripe|resfriado|quiste|cancer|hiv|covid
        trago|trague|se trago|suplemento\w*|vitamin\w*|acidez|reflujo|frecuencia cardiaca|vacuna\w*|vacunarme
        migrana\w*|jaqueca\w*
        biops\w*|cirugia\w*|operacion|menstrua\w*|regla|estrenimiento|quemadura\w*|herida\w*|lesion\w*
        fractura|esguince|picadura|mordida|manchas? (en la|en el) {skin}
    """,
    skin=r"piel",
    advice=r"""
        dosis|mg|miligramos?|efectos? secundarios?|diagnos\w*|tratamiento|tratar (mi|esto)|curar|cura
        como (trato|tratar|curo|curar|alivio|aliviar|quito|quitar)
        (sigo|continuo|sigue|continua|dejo de|paro de) (tomando|usando|tomar|usar)
        se pega|se contagia|contagios\w*|(si|mientras) (estoy|esta|sigo) tomando
        (es|sera|seria) (una )?(mala|buena) senal|(crees|cree|creen) que (tengo|tenga|tiene|tenga|estoy|este|es) (con )?
        (debe|deberia|tiene que|tendria que|necesita)( que)? (dormir|comer|beber|pesar|medir)
    """,
    health_info=r"""
        precauciones (con|para|sobre)|advertencias? (sobre|de)|interacciones? (con|entre)|nombres? comerciales?
        que tan (efectiv\w*|eficaz)|efectividad de|ensayos clinicos
        (sintomas|causas|tratamientos?|complicaciones|pronostico|secuelas) (de|del|para)|senales de
        como (se )?(previene|prevenir|evito|evitar|diagnostica|diagnosticar|trata|tratar|cura|curar)
        (es|son) (hereditari\w*|contagios\w*|genetic\w*|curable\w*)
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
        \b(se (me |le |te )?)?(va a )?(pasa|pasar|quita|quitar|cura|curar)\w* sol[oa]s?\b|\b(hielo|calor|frio) o (hielo|calor|frio)\b
        \bcuantos dias( \w+){0,2} (reposo|incapacidad|baja)\b|\b(le|me) pongo (hielo|calor|frio|crema|pomada)\b
        \b(debo|deberia)\b(?! {admin_verbs}\b)
        \b(es|esta|sera) (normal|seguro|peligroso|peligrosa|grave|malo|mala|mucho|poco|alto|alta|bajo|baja|preocupante|contagioso|riesgoso|bueno|buena)\b
        \b(peligros\w*|riesgo\w*|preocup\w*|hace mal|hacer mal|me hace dano)\b
        \b(puedo|podria|puede|pueden|se puede|podemos) (tomar|comer|beber|mezclar|dar|darle|usar|combinar|hacer ejercicio|viajar|volar|nadar|amamantar|seguir)\b
        \b(le|les) (puedo )?(doy|dar|das|damos)\b
        \bque (hago|debo|puedo hacer|hacemos|le doy|puede ser|sera|significa\w*|quiere decir|me recomienda\w*|recomienda\w*)\b
        (?<!remedios )(?<!medicamentos )(?<!medicinas )(?<!pastillas )\bque tomo\b
        \b(cuant[oa]s?|que cantidad)\b.{0,40}\b(debo|puedo|tomo|le doy|dar|tomar|al dia|por dia)\b
        \b(corro|hay) (riesgo|peligro)\b|\bestoy protegid\w*\b|\bpor que (me|le|tengo|mi|el|la)\b
        \b(me|le|nos) (recomienda\w*|aconseja\w*)\b
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
    service_who=r"ustedes|(el|la) (dr|dra|doctor|doctora) \w+",  # "¿El Dr. Restrepo hace cirugía láser?"
    service_verbs=r"tratan|hacen|atienden|ofrecen|tienen|trata|hace|atiende|ofrece|realiza",
    service_gives=r"ponen|aplican|dan|venden|realizan",
    service_starts=r"atienden|tratan|hacen|ofrecen",
    service_for=r"para",
    admin=r"""
        llevar|llevo|traer|traigo|lista|pagar|pago|cuesta|estaciona\w*|ayun\w*|acompan\w*|silla|seguro|abre\w*
        cancel\w*|listos?|wifi|bano|ascensor|rampa
        (vuelvan|volver) a recetar|renovar (la|mi) receta|resurtir|constancia|nota para (el|la) (maestr\w*|escuela|trabajo)
    """,
    preparation=r"prepar\w*",
    needs=r"tengo que|hay que|necesito|necesita",
    instructions=r"""
        (deje|deja|dejar|dejes|suspenda|suspende|suspender|pare|parar) de (tomar|tomarlo|tomarla|tomarlos|usar|comer|beber)\b
        (siga|sigue|seguir|continue|continua) (tomando|usando)\b
        (no|nunca) (tome|tomes|tomar|coma|comas|comer|beba|bebas|beber|use|uses|mezcle|mezcles|fume|fumes)\b
        (evite|evita|evitar) (\w+ ){0,2}(agua|comida|comer|alimentos|liquidos|desayuno|cafe|alcohol|ejercicio|medicamentos?|pastillas?|remedios?|dosis)\b
        (tome|toma|tomese|tomate|trague|aplique|aplica|apliquese|duplique|duplica|doble|dobla|aumente|aumenta|reduzca|reduce|salte|saltee) (el|la|los|las|un|una|dos|tres|media|otra|otro|mas|menos|\d+|su|sus|esta|este|estas|estos)\b(?! (metro|subte|autobus|bus|colectivo|taxi|tren|ascensor|linea)\b)
        (tomelo|tomalo|tomela|tomala|tomelos|tomalos|tomelas|tomalas|dejelo|dejalo|suspendalo)\b
        (beba|bebe|tome|toma|coma|come) (mucha|mucho|abundante|mas|menos|nada|solo)\b|nada por boca\b
        (debe|debes|tiene que|tienes que|hay que) (tomar|dejar|suspender|duplicar|evitar|descansar|beber|comer|ayunar|aplicar)\b
        (haga|haz) reposo\b|descanse\b|descansa\b
    """,
    billing=r"""
        descuento\w*|rebaja\w*|devolucion|dinero de vuelta|pagar menos|me facturaron|me cobraron|devuelv\w*
        me cobraron (dos veces|de mas|mal)|cobro (indebido|doble)|cobraron (dos veces|de mas|mal)|no puedo pagar
        no tengo (para pagar|dinero)|exonera\w*|condona\w*|perdona\w* (la|el) (multa|tarifa|cargo)
        reclamo\w* (de|por) (la )?factura|(dos|2) (cargos|cobros|pagos)
        me han cobrado|(quiero|queria) (el )?reembolso
        no me (lo |la |los |las )?(cobren|cobreis|cobres|cobre)\b|que me (lo |la )?(quiten|retiren|anulen|devuelvan)
        (quitar|sacar|anular|perdonar|eliminar|condonar)(me)? (la|el|esa|ese|esta|este)( \w+){0,2} (multa|cargo|cobro|recargo|tarifa)
        impugn\w*|pague de mas|precio especial|no (puedo|tengo como|me alcanza para) pagar|devuelvan
        desemplead\w*|sin trabajo|sin plata
        (cargo|cobro|debito|movimiento)( \w+){0,8} (que )?no (lo )?reconozco|no reconozco (el|este|ese|un)( \w+){0,2} (cargo|cobro|debito)
        rechaz\w*( \w+){0,2} (el |mi )?(reembolso|reintegro)|(reembolso|reintegro)( \w+){0,3} rechaz\w*
        quiero (el|un|mi) (reembolso|reintegro)|me debitaron|debitaron (la|el|dos)
        (no me (han )?|me (han )?)devuelto|(pague|cobraron|facturaron)( \w+){0,3} en (vez|lugar) de|(devuelvan|devolver|quiero|reembolsen) la diferencia
        (cuenta|cobro|cargo|factura)( \w+){0,10} (que )?(yo )?(nunca|no) (me )?(hicieron|hice|fui|recibi|tuve)
        regres\w* (el|mi) dinero
        (cargo|cobro|multa|recargo)( \w+){0,15} no (me )?corresponde|reintegren|reembolsen
        me parece un abuso|es un abuso|(cobr\w*|cargo|multa)( \w+){0,15} (abuso|injust\w*|no es justo)
    """,
    charged=r"cobraron|cobro|debitaron|pague",
    twice=r"dos veces",
    bill_items=r"cobro|cargo|factura|recibo",
    bill_wrong=r"esta mal|mal hecho|equivocad\w*|incorrect\w*",
    agree=r"de acuerdo|conforme",
    agree_items=r"cobr\w*|valor|factura|cuenta|cargo|precio",
    cheaper_make=r"hacer|hace",
    cheaper_more=r"mas|un poco",
    cheaper=r"barat\w*",
    free=r"gratis|gratuit\w*|sin costo",
    facility=r"estaciona\w*|valet|wi ?fi|internet|cancel\w*|reprogram\w*",
)
