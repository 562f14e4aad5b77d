"""Settings, read from the environment. Every variable is listed in README.md and deploy/env.example."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from marketplace.config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEFAULT_SECRET_KEY = "dev-only-insecure-secret-key-change-me"
DEMO_PASSWORD = "ocop-demo-2026"

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
PORT = env_int("PORT", 8000)
PUBLIC_URL = env_str("PUBLIC_URL", f"http://127.0.0.1:{PORT}")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [PUBLIC_URL])

if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (production refuses the default).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "graphene_django",
    "django_htmx",
    "django_celery_beat",
    "axes",
    "csp",
    "marketplace.core",
    "marketplace.account",
    "marketplace.channel",
    "marketplace.page",
    "marketplace.producer",
    "marketplace.attribute",
    "marketplace.product",
    "marketplace.menu",
    "marketplace.certification",
    "marketplace.warehouse",
    "marketplace.salespoint",
    "marketplace.discount",
    "marketplace.shipping",
    "marketplace.fair",
    "marketplace.order",
    "marketplace.payment",
    "marketplace.checkout",
    "marketplace.search",
    "marketplace.graphql",
    "catalog_sync",
    "storefront",
    "marketplace.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "marketplace.core.middleware.RequestHygieneMiddleware",  # before anything reads a request body
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "marketplace.config.urls"
WSGI_APPLICATION = "marketplace.config.wsgi.application"
AUTH_USER_MODEL = "account.User"
LOGIN_URL = "/account/login/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# --- Database: DATABASE_URL as given, else the embedded PostgreSQL -------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    from marketplace.config.embedded_postgres import ensure_running

    DATABASE_URL = ensure_running().url()
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _sqlalchemy_url(db: dict, scheme: str) -> str:
    user = quote(db.get("USER") or "postgres")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or ""
    port = db.get("PORT") or 5432
    if host.startswith("/"):
        return f"{scheme}://{user}{password}@/{db['NAME']}?host={host}&port={port}"
    return f"{scheme}://{user}{password}@{host}:{port}/{db['NAME']}"


# --- Celery: Redis (or any broker) where CELERY_BROKER_URL is set; else kombu's SQLAlchemy transport on the
# same PostgreSQL, so a real worker process still runs the tasks with nothing else installed.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or _sqlalchemy_url(
    DATABASES["default"], "sqla+postgresql+psycopg"
)
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or _sqlalchemy_url(
    DATABASES["default"], "db+postgresql+psycopg"
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"catalog_sync.tasks.*": {"queue": "sync"}}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
REGISTRY_SYNC_INTERVAL_MINUTES = env_int("REGISTRY_SYNC_INTERVAL_MINUTES", 15)
CELERY_BEAT_SCHEDULE = {
    "registry-incremental-sync": {
        "task": "catalog_sync.tasks.registry_sync_all_sources_task",
        "schedule": timedelta(minutes=REGISTRY_SYNC_INTERVAL_MINUTES),
        "kwargs": {"full": False},
    },
    "registry-full-reconcile": {
        "task": "catalog_sync.tasks.registry_sync_all_sources_task",
        "schedule": crontab(hour=2, minute=30),
        "kwargs": {"full": True},
    },
    "certificate-expiry-sweep": {
        "task": "marketplace.certification.tasks.certificate_expiry_sweep_task",
        "schedule": crontab(minute=5),
    },
    "checkout-reservations-expire": {
        "task": "marketplace.warehouse.tasks.reservations_expire_task",
        "schedule": timedelta(minutes=1),
    },
    "orders-expire-unpaid": {
        "task": "marketplace.payment.tasks.orders_expire_unpaid_task",
        "schedule": timedelta(minutes=5),
    },
    "search-index-sync": {
        "task": "marketplace.search.tasks.search_index_sync_task",
        "schedule": timedelta(minutes=1),
    },
}

# --- Search -------------------------------------------------------------------------------------------------
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "ocop")

# --- Payments (keys from the environment only) --------------------------------------------------------------
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE")  # e.g. a localstripe on loopback in tests

# --- Registry sources: "name|url|token" entries separated by ";" (the admin can add more) -------------------
REGISTRY_SOURCES = [
    dict(zip(("name", "url", "token"), entry.split("|"), strict=False))
    for entry in env_str("REGISTRY_SOURCES").split(";")
    if entry.strip()
]

# --- Commerce -------------------------------------------------------------------------------------------------
DEFAULT_CHANNEL_SLUG = env_str("DEFAULT_CHANNEL_SLUG", "default-channel")
DEFAULT_CURRENCY = "VND"
DEFAULT_COUNTRY = "VN"
CHECKOUT_RESERVATION_MINUTES = env_int("CHECKOUT_RESERVATION_MINUTES", 10)
CHECKOUT_MAX_LINE_QUANTITY = env_int("CHECKOUT_MAX_LINE_QUANTITY", 50)
# Hoarding limits: units one anonymous checkout may hold, and units the checkouts from one client address touched
# within the window may hold together (generous: many phones share an address behind carrier NAT).
CHECKOUT_ANONYMOUS_MAX_UNITS = env_int("CHECKOUT_ANONYMOUS_MAX_UNITS", 30)
CHECKOUT_CLIENT_MAX_UNITS = env_int("CHECKOUT_CLIENT_MAX_UNITS", 150)
CHECKOUT_CLIENT_WINDOW_MINUTES = env_int("CHECKOUT_CLIENT_WINDOW_MINUTES", 60)
ORDER_PAYMENT_MINUTES = env_int("ORDER_PAYMENT_MINUTES", 30)  # an unpaid card order then releases its stock
GRAPHQL_PAGINATION_LIMIT = 100
# Map tiles for the public sales-points page (OpenStreetMap's by default; empty: no tiles, the list still shows).
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
JWT_ACCESS_TTL = timedelta(minutes=env_int("JWT_ACCESS_TTL_MINUTES", 15))
JWT_REFRESH_TTL = timedelta(days=env_int("JWT_REFRESH_TTL_DAYS", 30))
# Set-password and reset links (staff invitations, "Quên mật khẩu") work once and expire after this.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_HOURS", 72) * 3600

# --- i18n: Vietnamese first, English second ------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail: SMTP when EMAIL_HOST is set; a provider through django-anymail with EMAIL_BACKEND (e.g.
# anymail.backends.mailgun.EmailBackend) and its ANYMAIL_* keys; in development the local mailbox (/dev/mailbox/).
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else (
    "marketplace.core.mailbox.MailboxBackend" if DEBUG else "django.core.mail.backends.console.EmailBackend"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OCOP Market <no-reply@ocop.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILBOX_DIR = Path(env_str("MAILBOX_DIR", str(VAR_DIR / "mailbox")))
EMAIL_MAX_RETRIES = env_int("EMAIL_MAX_RETRIES", 8)
EMAIL_RETRY_BASE_SECONDS = env_int("EMAIL_RETRY_BASE_SECONDS", 30)
ANYMAIL = {k[len("ANYMAIL_"):]: v for k, v in os.environ.items() if k.startswith("ANYMAIL_")}

GRAPHENE = {"SCHEMA": "marketplace.graphql.api.schema"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}, "httpx": {"level": "WARNING"}},
}

if not DEBUG:
    from marketplace.config.production_checks import refuse_demo_credentials

    refuse_demo_credentials(secret_key=SECRET_KEY)

# A cash-at-pickup order is held this many days after the point marks it ready; then it expires and frees its stock.
PICKUP_COD_HOLD_DAYS = env_int("PICKUP_COD_HOLD_DAYS", 3)
# Money kept for lines withdrawn after payment (certificate no longer valid) is refunded by this sweep too.
CELERY_BEAT_SCHEDULE["payment-refund-surplus"] = {
    "task": "marketplace.payment.tasks.orders_refund_surplus_task",
    "schedule": timedelta(minutes=5),
}
# --- Catalogue media: thumbnails (easy-thumbnails), storage (django-storages), the rich-text editor ----------
INSTALLED_APPS += ["easy_thumbnails", "js_lib_editor_js"]
if env_str("AWS_STORAGE_BUCKET_NAME"):
    # An S3-compatible bucket (AWS, MinIO, Wasabi…); credentials and endpoint come from the environment only.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        "file_overwrite": False,
    }}
# Thumbnails are written once to the default storage and served from there afterwards.
THUMBNAIL_DEFAULT_STORAGE_ALIAS = "default"
THUMBNAIL_PRESERVE_EXTENSIONS = None
THUMBNAIL_NAMER = "easy_thumbnails.namers.source_hashed"  # short names, no option text (":" etc.) in paths
PRODUCT_MEDIA_MAX_BYTES = env_int("PRODUCT_MEDIA_MAX_MB", 10) * 1024 * 1024
# GraphQL request limits (issue 11): checked before a query runs; see marketplace/graphql/core/limits.py.
GRAPHQL_QUERY_MAX_COST = env_int("GRAPHQL_QUERY_MAX_COST", 50000)
GRAPHQL_QUERY_MAX_DEPTH = env_int("GRAPHQL_QUERY_MAX_DEPTH", 12)
GRAPHQL_QUERY_MAX_ALIASES = env_int("GRAPHQL_QUERY_MAX_ALIASES", 30)
GRAPHQL_QUERY_MAX_TOKENS = env_int("GRAPHQL_QUERY_MAX_TOKENS", 5000)
GRAPHQL_QUERY_LIST_MULTIPLIER = env_int("GRAPHQL_QUERY_LIST_MULTIPLIER", 10)
GRAPHQL_BATCH_MAX_OPERATIONS = env_int("GRAPHQL_BATCH_MAX_OPERATIONS", 10)
GRAPHQL_MAX_BODY_BYTES = env_int("GRAPHQL_MAX_BODY_BYTES", 1_000_000)
GRAPHQL_MAX_STRING_LENGTH = env_int("GRAPHQL_MAX_STRING_LENGTH", 20_000)
# --- Security (production switches them on from the environment; README "Production security") -------------
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO,https" (only if the proxy always sets the header).
_proxy_ssl_header = env_list("SECURE_PROXY_SSL_HEADER", [])
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if len(_proxy_ssl_header) == 2 else None
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = env_bool("CSRF_COOKIE_HTTPONLY", default=False)  # on: no page script reads the token
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Request size: form fields (DATA_UPLOAD_MAX_MEMORY_SIZE, Django answers 400) and whole requests including
# uploads (REQUEST_MAX_BYTES, answered 413 by marketplace/core/middleware.py before a view runs).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", PRODUCT_MEDIA_MAX_BYTES + 2 * 1024 * 1024)  # a photo + the form
REQUEST_HYGIENE_EXEMPT_PATHS = ["/graphql/", "/webhooks/"]  # they answer in their own formats

# Sign-in throttling (django-axes): failures counted per account and per client address, across tokenCreate,
# tokenRefresh, accountRegister and the page sign-ins / sign-up (marketplace/account/throttle.py).
AUTHENTICATION_BACKENDS = ["marketplace.account.backends.ThrottledSignInBackend",
                           "marketplace.account.backends.ConfirmedAccountBackend"]
AXES_ENABLED = env_bool("SIGNIN_THROTTLE_ENABLED", default=True)
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one over the limit locks
AXES_RESET_ON_SUCCESS = False  # else signing in to one's own account would clear an address's count
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "marketplace.account.throttle.lockout_response"
AXES_VERBOSE = False

# Content security policy (django-csp): our own scripts and styles only, plus Stripe.js (or the localstripe
# that stands in for it) on the payment page and the map tiles. CSP_REPORT_ONLY=1 reports instead of blocking.
from marketplace.config.csp import content_security_policy  # noqa: E402

_csp = content_security_policy(stripe_api_base=STRIPE_API_BASE, map_tile_url=MAP_TILE_URL,
                               extra_connect=env_list("CSP_CONNECT_SRC", []))
if env_bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
else:
    CONTENT_SECURITY_POLICY = _csp

# Accounts (Saleor's enable_account_confirmation_by_email): a registered shopper signs in only after opening the
# emailed link.
ENABLE_ACCOUNT_CONFIRMATION_BY_EMAIL = env_bool("ENABLE_ACCOUNT_CONFIRMATION_BY_EMAIL", default=True)
