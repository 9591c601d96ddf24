"""What the bot says, one catalogue per language. Every key exists in every language
(a test checks), so a Spanish chat never falls back to English mid-conversation."""

from conversations.models import Language

EN, ES, PT = Language.ENGLISH.value, Language.SPANISH.value, Language.PORTUGUESE.value

CATALOGUE: dict[str, dict[str, str]] = {
    EN: {
        "emergency": (
            "This may be an emergency. Please call {emergency_number} now or go to the nearest "
            "emergency department. I have alerted our team at {clinic_name}."
        ),
        "emergency_crisis": (
            "I'm really sorry you're going through this. You are not alone. Please call "
            "{crisis_line} now, or {emergency_number} if you are in danger. I have alerted our team."
        ),
        "handoff": (
            "Thanks for your message. I can't help with that here yet, so a member of our team "
            "will reply in this chat as soon as possible."
        ),
        "handoff_pending": "A member of our team will reply here shortly.",
        "voice_note": "Sorry, I can't listen to voice notes yet. Could you type your message, please?",
        "media_unsupported": "Sorry, I can't open files or pictures yet. Could you type your message, please?",
        "location_unsupported": "Thanks for the location. Could you type what you need, please?",
        "opted_out": (
            "You won't receive any more messages from {clinic_name}. Send START if you change your mind."
        ),
        "opted_in": "Welcome back! You will receive messages from {clinic_name} again.",
        "staff_took_over": "Hello, this is {staff_name} from {clinic_name}. I'm taking over this chat.",
        "handed_back": "Thanks for your patience. I'm the clinic's assistant again; how can I help?",
        "rate_limited": "You're sending messages very quickly. Please wait a moment before the next one.",
        "options_hint": "Reply with the number of your choice.",
        "reminder": "Hello {name}! A reminder of your appointment with {practitioner} on {when}, at {location}.",
        "reminder_confirm": "Confirm",
        "reminder_reschedule": "Reschedule",
        "reminder_cancel": "Cancel",
        "reminder_confirmed": "Thank you! See you on {when}.",
        "faq_clinical": (
            "I'm sorry, I can't give medical advice here. Please talk to our team at {contact}; "
            "I have also asked a member of staff to look at your message. If it is urgent, call "
            "your local emergency number."
        ),
        "faq_billing": (
            "I can't change fees or look into charges here. Please contact our team at {contact}; "
            "I have also passed your message to a member of staff."
        ),
        "faq_unknown": "I don't have that information. Please contact our team at {contact}.",
        "faq_contact_fallback": "the clinic's reception",
    },
    ES: {
        "emergency": (
            "Esto puede ser una emergencia. Llama ahora al {emergency_number} o acude a urgencias más "
            "cercanas. He avisado a nuestro equipo de {clinic_name}."
        ),
        "emergency_crisis": (
            "Siento mucho que estés pasando por esto. No estás solo/a. Llama ahora al {crisis_line}, "
            "o al {emergency_number} si estás en peligro. He avisado a nuestro equipo."
        ),
        "handoff": (
            "Gracias por tu mensaje. Todavía no puedo ayudarte con esto por aquí, así que una persona "
            "de nuestro equipo te responderá en este chat lo antes posible."
        ),
        "handoff_pending": "Una persona de nuestro equipo te responderá aquí en breve.",
        "voice_note": "Lo siento, todavía no puedo escuchar notas de voz. ¿Puedes escribir tu mensaje?",
        "media_unsupported": "Lo siento, todavía no puedo abrir archivos ni fotos. ¿Puedes escribir tu mensaje?",
        "location_unsupported": "Gracias por la ubicación. ¿Puedes escribir lo que necesitas?",
        "opted_out": "Ya no recibirás mensajes de {clinic_name}. Envía ALTA si cambias de opinión.",
        "opted_in": "¡Bienvenido/a de nuevo! Volverás a recibir mensajes de {clinic_name}.",
        "staff_took_over": "Hola, soy {staff_name} de {clinic_name}. Continúo yo esta conversación.",
        "handed_back": "Gracias por tu paciencia. Vuelvo a ser el asistente de la clínica; ¿en qué te ayudo?",
        "rate_limited": "Estás enviando mensajes muy rápido. Espera un momento antes del siguiente.",
        "options_hint": "Responde con el número de tu elección.",
        "reminder": "¡Hola, {name}! Te recordamos tu cita con {practitioner} el {when}, en {location}.",
        "reminder_confirm": "Confirmar",
        "reminder_reschedule": "Cambiar",
        "reminder_cancel": "Cancelar",
        "reminder_confirmed": "¡Gracias! Te esperamos el {when}.",
        "faq_clinical": (
            "Lo siento, por aquí no puedo dar consejos médicos. Habla con nuestro equipo al {contact}; "
            "también he pedido a una persona del equipo que revise tu mensaje. Si es urgente, llama al "
            "número de emergencias local."
        ),
        "faq_billing": (
            "Por aquí no puedo cambiar tarifas ni revisar cobros. Contacta con nuestro equipo al "
            "{contact}; también he pasado tu mensaje a una persona del equipo."
        ),
        "faq_unknown": "No tengo esa información. Contacta con nuestro equipo al {contact}.",
        "faq_contact_fallback": "la recepción de la clínica",
    },
    PT: {
        "emergency": (
            "Isto pode ser uma emergência. Ligue agora para o {emergency_number} ou vá ao pronto-socorro "
            "mais próximo. Já avisei nossa equipe da {clinic_name}."
        ),
        "emergency_crisis": (
            "Sinto muito que você esteja passando por isso. Você não está sozinho(a). Ligue agora para "
            "o {crisis_line}, ou para o {emergency_number} se estiver em perigo. Já avisei nossa equipe."
        ),
        "handoff": (
            "Obrigado pela mensagem. Ainda não consigo ajudar com isso por aqui, então uma pessoa da "
            "nossa equipe vai responder neste chat o quanto antes."
        ),
        "handoff_pending": "Uma pessoa da nossa equipe vai responder aqui em breve.",
        "voice_note": "Desculpe, ainda não consigo ouvir áudios. Pode digitar sua mensagem, por favor?",
        "media_unsupported": "Desculpe, ainda não consigo abrir arquivos ou fotos. Pode digitar sua mensagem?",
        "location_unsupported": "Obrigado pela localização. Pode digitar o que você precisa?",
        "opted_out": "Você não vai mais receber mensagens da {clinic_name}. Envie VOLTAR se mudar de ideia.",
        "opted_in": "Que bom ter você de volta! Você voltará a receber mensagens da {clinic_name}.",
        "staff_took_over": "Olá, aqui é {staff_name}, da {clinic_name}. Vou continuar este atendimento.",
        "handed_back": "Obrigado pela paciência. Sou de novo o assistente da clínica; como posso ajudar?",
        "rate_limited": "Você está enviando mensagens muito rápido. Aguarde um momento antes da próxima.",
        "options_hint": "Responda com o número da sua escolha.",
        "reminder": "Olá, {name}! Lembrete da sua consulta com {practitioner}: {when}, em {location}.",
        "reminder_confirm": "Confirmar",
        "reminder_reschedule": "Remarcar",
        "reminder_cancel": "Cancelar",
        "reminder_confirmed": "Obrigado! Até {when}.",
        "faq_clinical": (
            "Desculpe, por aqui não posso dar orientação médica. Fale com nossa equipe pelo {contact}; "
            "também pedi a uma pessoa da equipe que veja sua mensagem. Se for urgente, ligue para o "
            "número de emergência local."
        ),
        "faq_billing": (
            "Por aqui não consigo alterar valores nem verificar cobranças. Fale com nossa equipe pelo "
            "{contact}; também passei sua mensagem para uma pessoa da equipe."
        ),
        "faq_unknown": "Não tenho essa informação. Fale com nossa equipe pelo {contact}.",
        "faq_contact_fallback": "recepção da clínica",
    },
}


def say(key: str, language: str, /, **values: str) -> str:
    """The copy for `key` in `language` (the clinic's default when unknown), filled in."""
    catalogue = CATALOGUE.get(language) or CATALOGUE[EN]
    return catalogue[key].format(**values)
