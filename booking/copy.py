"""What the booking conversation says, one catalogue per language (en, es, pt-BR).

Every key exists in every language (a test checks). Dates are written the way each
language writes them; nothing falls back to English inside a Spanish or Portuguese chat.
"""

from datetime import datetime

EN, ES, PT = "en", "es", "pt-BR"

WEEKDAYS = {
    EN: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ES: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    PT: ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
}
MONTHS = {
    EN: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    ES: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    PT: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}

CATALOGUE: dict[str, dict[str, str]] = {
    EN: {
        "ask_name": "To book, I need the patient's full name, please.",
        "ask_dob": "Thanks, {name}. What is the date of birth? (for example 17/05/1980)",
        "dob_invalid": "I couldn't read that date. Please write it as day/month/year, for example 17/05/1980.",
        "ask_type": "Which kind of appointment would you like?",
        "ask_who": "Who would you like to see?",
        "anyone": "Anyone available",
        "ask_when": "When would suit you? For example: tomorrow morning, next Tuesday, 15/12 after 3pm.",
        "offer": "These are the nearest free times:",
        "offer_alternatives": "There is nothing free for exactly what you asked. The nearest alternatives:",
        "offer_more": "More options",
        "no_slots": "I couldn't find any free time in the next {days} days. A member of our team will contact you.",
        "confirm_book": "Please confirm:\n{summary}\nPatient: {patient}\n\nShall I book it?",
        "yes": "Yes",
        "no": "No",
        "booked": (
            "Booked! {summary}\n\nPlease bring an ID, your health insurance card and any recent exams, and "
            "arrive 10 minutes early. To change or cancel, just write to me here."
        ),
        "slot_gone": "Sorry, that time is no longer available. These are the next ones:",
        "no_upcoming": "I couldn't find any upcoming appointment for this number. Would you like to book one?",
        "pick_appointment": "Which appointment?",
        "confirm_cancel": "Cancel this appointment?\n{summary}",
        "cancelled": "Your appointment is cancelled:\n{summary}\nIf you want another time, just tell me.",
        "late_change": (
            "That appointment is less than {hours} hours away, so I can't change it here. A member of our "
            "team will contact you."
        ),
        "confirm_reschedule": "Move your appointment?\nFrom: {old}\nTo: {new}",
        "rescheduled": "Done! Your appointment is now:\n{summary}",
        "kept": "OK, I haven't changed anything.",
        "no_other_practitioner": "Sorry, no other practitioner here offers that.",
        "what_instead": "OK. Which other day or time would suit you?",
        "reask_option": "Please reply with the number of an option, or tell me another day or time.",
        "reask_yes_no": "Please reply yes or no.",
        "past_refused": "That time has already passed. Which day from today on would suit you?",
        "reset_done": "OK, let's start over. How can I help?",
        "not_understood": (
            "Sorry, I didn't understand. I can book, reschedule or cancel appointments and answer questions "
            "about the clinic. What would you like to do?"
        ),
        "handoff": "I'm passing you to a member of our team, who will reply here as soon as possible.",
        "greeting": (
            "Hello! I'm the assistant of {clinic}. I can book, reschedule or cancel appointments and answer "
            "questions about the clinic. How can I help?"
        ),
        "goodbye": "You're welcome! Have a good day.",
        "too_long": "That's a long message! Could you tell me in a few words what you need?",
        "refused": (
            "I can't do that. I can only book, reschedule or cancel appointments for you, one at a time, and "
            "answer questions about the clinic."
        ),
        "summary": "{type} with {practitioner}\n{when}\n{location}",
        "when": "{weekday} {day} {month} at {time}",
        "option_slot": "{weekday_short} {day}/{month_num} {time} · {practitioner}",
    },
    ES: {
        "ask_name": "Para reservar, necesito el nombre completo del paciente, por favor.",
        "ask_dob": "Gracias, {name}. ¿Cuál es la fecha de nacimiento? (por ejemplo 17/05/1980)",
        "dob_invalid": "No pude leer esa fecha. Escríbela como día/mes/año, por ejemplo 17/05/1980.",
        "ask_type": "¿Qué tipo de consulta quieres?",
        "ask_who": "¿Con quién te gustaría la cita?",
        "anyone": "Cualquiera disponible",
        "ask_when": "¿Cuándo te viene bien? Por ejemplo: mañana por la mañana, el próximo martes, 15/12 después de las 15.",
        "offer": "Estos son los horarios libres más cercanos:",
        "offer_alternatives": "No hay nada libre exactamente como pediste. Las alternativas más cercanas:",
        "offer_more": "Más opciones",
        "no_slots": "No encontré horarios libres en los próximos {days} días. Una persona de nuestro equipo te contactará.",
        "confirm_book": "Por favor, confirma:\n{summary}\nPaciente: {patient}\n\n¿La reservo?",
        "yes": "Sí",
        "no": "No",
        "booked": (
            "¡Reservada! {summary}\n\nTrae tu documento de identidad, la tarjeta del seguro y exámenes recientes, "
            "y llega 10 minutos antes. Para cambiarla o cancelarla, escríbeme aquí."
        ),
        "slot_gone": "Lo siento, ese horario ya no está disponible. Estos son los siguientes:",
        "no_upcoming": "No encontré citas próximas para este número. ¿Quieres reservar una?",
        "pick_appointment": "¿Qué cita?",
        "confirm_cancel": "¿Cancelo esta cita?\n{summary}",
        "cancelled": "Tu cita está cancelada:\n{summary}\nSi quieres otro horario, dímelo.",
        "late_change": (
            "Faltan menos de {hours} horas para esa cita, así que no puedo cambiarla por aquí. Una persona de "
            "nuestro equipo te contactará."
        ),
        "confirm_reschedule": "¿Cambio tu cita?\nDe: {old}\nA: {new}",
        "rescheduled": "¡Listo! Tu cita ahora es:\n{summary}",
        "kept": "De acuerdo, no he cambiado nada.",
        "no_other_practitioner": "Lo siento, ningún otro profesional de la clínica ofrece eso.",
        "what_instead": "De acuerdo. ¿Qué otro día u hora te viene bien?",
        "reask_option": "Responde con el número de una opción, o dime otro día u hora.",
        "reask_yes_no": "Responde sí o no, por favor.",
        "past_refused": "Ese horario ya pasó. ¿Qué día a partir de hoy te viene bien?",
        "reset_done": "De acuerdo, empecemos de nuevo. ¿En qué te ayudo?",
        "not_understood": (
            "Perdona, no te entendí. Puedo reservar, cambiar o cancelar citas y responder preguntas sobre la "
            "clínica. ¿Qué necesitas?"
        ),
        "handoff": "Te paso con una persona de nuestro equipo, que te responderá aquí lo antes posible.",
        "greeting": (
            "¡Hola! Soy el asistente de {clinic}. Puedo reservar, cambiar o cancelar citas y responder preguntas "
            "sobre la clínica. ¿En qué te ayudo?"
        ),
        "goodbye": "¡De nada! Que tengas un buen día.",
        "too_long": "¡Es un mensaje largo! ¿Me dices en pocas palabras qué necesitas?",
        "refused": (
            "No puedo hacer eso. Solo puedo reservar, cambiar o cancelar tus citas, de una en una, y responder "
            "preguntas sobre la clínica."
        ),
        "summary": "{type} con {practitioner}\n{when}\n{location}",
        "when": "{weekday} {day} de {month} a las {time}",
        "option_slot": "{weekday_short} {day}/{month_num} {time} · {practitioner}",
    },
    PT: {
        "ask_name": "Para agendar, preciso do nome completo do paciente, por favor.",
        "ask_dob": "Obrigado, {name}. Qual é a data de nascimento? (por exemplo 17/05/1980)",
        "dob_invalid": "Não consegui ler essa data. Escreva como dia/mês/ano, por exemplo 17/05/1980.",
        "ask_type": "Que tipo de consulta você quer?",
        "ask_who": "Com quem você gostaria de se consultar?",
        "anyone": "Qualquer profissional disponível",
        "ask_when": "Quando fica bom para você? Por exemplo: amanhã de manhã, terça que vem, 15/12 depois das 15h.",
        "offer": "Estes são os horários livres mais próximos:",
        "offer_alternatives": "Não há nada livre exatamente como você pediu. As alternativas mais próximas:",
        "offer_more": "Mais opções",
        "no_slots": "Não encontrei horários livres nos próximos {days} dias. Uma pessoa da nossa equipe vai entrar em contato.",
        "confirm_book": "Por favor, confirme:\n{summary}\nPaciente: {patient}\n\nPosso agendar?",
        "yes": "Sim",
        "no": "Não",
        "booked": (
            "Agendado! {summary}\n\nTraga um documento com foto, a carteirinha do convênio e exames recentes, e "
            "chegue 10 minutos antes. Para remarcar ou cancelar, é só me escrever aqui."
        ),
        "slot_gone": "Desculpe, esse horário não está mais disponível. Estes são os próximos:",
        "no_upcoming": "Não encontrei consultas futuras para este número. Quer agendar uma?",
        "pick_appointment": "Qual consulta?",
        "confirm_cancel": "Cancelo esta consulta?\n{summary}",
        "cancelled": "Sua consulta foi cancelada:\n{summary}\nSe quiser outro horário, é só me dizer.",
        "late_change": (
            "Faltam menos de {hours} horas para essa consulta, então não posso alterá-la por aqui. Uma pessoa da "
            "nossa equipe vai entrar em contato."
        ),
        "confirm_reschedule": "Remarco sua consulta?\nDe: {old}\nPara: {new}",
        "rescheduled": "Pronto! Sua consulta agora é:\n{summary}",
        "kept": "Tudo bem, não alterei nada.",
        "no_other_practitioner": "Desculpe, nenhum outro profissional da clínica oferece isso.",
        "what_instead": "Tudo bem. Que outro dia ou horário fica bom para você?",
        "reask_option": "Responda com o número de uma opção, ou me diga outro dia ou horário.",
        "reask_yes_no": "Responda sim ou não, por favor.",
        "past_refused": "Esse horário já passou. Que dia a partir de hoje fica bom para você?",
        "reset_done": "Tudo bem, vamos recomeçar. Como posso ajudar?",
        "not_understood": (
            "Desculpe, não entendi. Posso agendar, remarcar ou cancelar consultas e responder dúvidas sobre a "
            "clínica. O que você precisa?"
        ),
        "handoff": "Vou passar você para uma pessoa da nossa equipe, que vai responder aqui o quanto antes.",
        "greeting": (
            "Olá! Sou o assistente da {clinic}. Posso agendar, remarcar ou cancelar consultas e responder dúvidas "
            "sobre a clínica. Como posso ajudar?"
        ),
        "goodbye": "Por nada! Tenha um bom dia.",
        "too_long": "É uma mensagem longa! Pode me dizer em poucas palavras o que você precisa?",
        "refused": (
            "Não posso fazer isso. Só posso agendar, remarcar ou cancelar as suas consultas, uma de cada vez, e "
            "responder dúvidas sobre a clínica."
        ),
        "summary": "{type} com {practitioner}\n{when}\n{location}",
        "when": "{weekday}, {day} de {month}, às {time}",
        "option_slot": "{weekday_short} {day}/{month_num} {time} · {practitioner}",
    },
}


def say(key: str, language: str, /, **values: object) -> str:
    return (CATALOGUE.get(language) or CATALOGUE[EN])[key].format(**values)


def when_text(start: datetime, language: str) -> str:
    language = language if language in CATALOGUE else EN
    return say(
        "when",
        language,
        weekday=WEEKDAYS[language][start.weekday()],
        day=start.day,
        month=MONTHS[language][start.month - 1],
        time=f"{start:%H:%M}",
    )


def option_text(start: datetime, practitioner: str, language: str) -> str:
    language = language if language in CATALOGUE else EN
    return say(
        "option_slot",
        language,
        weekday_short=WEEKDAYS[language][start.weekday()][:3].capitalize(),
        day=start.day,
        month_num=f"{start.month:02d}",
        time=f"{start:%H:%M}",
        practitioner=practitioner,
    )
