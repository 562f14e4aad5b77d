"""/thumbnail/<media>/<size>/<format>/: makes the thumbnail on first use, then redirects to the stored file."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from marketplace.product.selectors import product_media_get
from marketplace.product.thumbnails import THUMBNAIL_SIZES, media_thumbnail_get


@require_safe
@cache_control(public=True, max_age=86400)
def thumbnail(request: HttpRequest, media_id: int, size: int, fmt: str) -> HttpResponse:
    media = product_media_get(media_id=media_id)
    if media is None or size not in THUMBNAIL_SIZES or fmt not in ("original", "webp", "avif"):
        raise Http404
    if not media.image:
        if media.external_url:
            return HttpResponseRedirect(media.external_url)
        raise Http404
    return HttpResponseRedirect(media_thumbnail_get(media=media, size=size, fmt=fmt))
