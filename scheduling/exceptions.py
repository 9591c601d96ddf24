class SchedulingError(Exception):
    """Base of every refusal the calendar gives; the message is safe to show to staff."""


class SlotUnavailable(SchedulingError):
    """The slot is taken, held by someone else, outside working hours or against policy."""


class HoldExpired(SlotUnavailable):
    """The hold lapsed and the slot went to someone else meanwhile."""


class AppointmentNotChangeable(SchedulingError):
    """Cancelling or rescheduling an appointment that is not booked, or too late to change."""


class PatientAmbiguous(SchedulingError):
    """Several patients share the phone number; ask for the date of birth."""


class InvalidRequest(SchedulingError):
    """The arguments cannot describe a bookable slot (type not offered, unknown location...)."""


class UpcomingLimitReached(SchedulingError):
    """The bot may not book another: the patient, or their phone number, already has the
    clinic's `max_upcoming_per_patient` upcoming appointments (staff may book beyond it)."""
