"""Display labels stored in Vietnamese by the domain (model choices), marked here so makemessages extracts
them and templates can show them translated with {% translate value %}."""

from django.utils.translation import gettext_noop

PRODUCER_KINDS = (
    gettext_noop("Doanh nghiệp"),
    gettext_noop("Hợp tác xã"),
    gettext_noop("Liên hiệp hợp tác xã"),
    gettext_noop("Tổ hợp tác"),
    gettext_noop("Hộ kinh doanh"),
)
