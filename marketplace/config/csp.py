"""The content security policy (django-csp): what the pages may load, and from where.

Everything of ours is served from our own origin (static files, no inline script or style attribute), so the
policy is 'self' plus Stripe (the payment pages add a localstripe origin set at run time:
`marketplace.payment.selectors.stripe_csp_sources`) and the map tiles of the sales-point and fair maps."""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.constants import NONE, SELF

STRIPE_SCRIPT = "https://js.stripe.com"
STRIPE_FRAMES = ("https://js.stripe.com", "https://hooks.stripe.com")
STRIPE_CONNECT = ("https://api.stripe.com", "https://m.stripe.network", "https://q.stripe.com")
STRIPE_IMAGES = "https://*.stripe.com"


def _origin(url: str) -> str | None:
    parts = urlsplit(url.replace("{s}", "a"))
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}"


def content_security_policy(*, stripe_api_base: str, map_tile_url: str, extra_connect: list[str]) -> dict:
    tiles = _origin(map_tile_url) if map_tile_url else None
    stripe_fake = _origin(stripe_api_base) if stripe_api_base else None
    return {"DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, STRIPE_SCRIPT, *([stripe_fake] if stripe_fake else [])],
        "style-src": [SELF],
        "img-src": [SELF, "data:", STRIPE_IMAGES, *([tiles] if tiles else [])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, *STRIPE_CONNECT, *([stripe_fake] if stripe_fake else []), *extra_connect],
        "frame-src": [*STRIPE_FRAMES, *([stripe_fake] if stripe_fake else [])],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }}

