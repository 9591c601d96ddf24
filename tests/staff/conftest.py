# The calendar's fixtures (a São Paulo clinic, Dra. Ana Souza's week, João Lima) serve the
# desk's tests too.
from tests.scheduling.conftest import clinic, consult, location, patient, practitioner  # noqa: F401
