"""Thumbnails of product photos, made by easy-thumbnails with Saleor's semantics: the size asked for is rounded
to the nearest supported size, the format is WEBP, AVIF (when Pillow has it) or the original's; each is made
once, stored in the default storage (local folder or S3 through django-storages) and served from there."""

from __future__ import annotations

from django.urls import reverse
from easy_thumbnails.files import get_thumbnailer
from PIL import features

from marketplace.product.models import ProductMedia

THUMBNAIL_SIZES = (32, 64, 128, 256, 512, 1024, 2048, 4096)
DEFAULT_SIZE = 4096  # Saleor: "Defaults to 4096. Images are never cropped."
ORIGINAL = "original"


def thumbnail_size_closest(*, size: int) -> int:
    return min(THUMBNAIL_SIZES, key=lambda s: (abs(s - size), s))


def thumbnail_format_normalize(*, fmt: object) -> str:
    """'webp' / 'avif' / 'original' from the GraphQL enum value or a URL part; AVIF without Pillow support and
    anything unknown become the original format."""
    value = str(getattr(fmt, "value", fmt) or ORIGINAL).lower()
    if value == "avif" and not features.check("avif"):
        return ORIGINAL
    return value if value in ("webp", "avif") else ORIGINAL


def thumbnail_path(*, media_id: int, size: int | None, fmt: object = ORIGINAL) -> str | None:
    """The URL path that serves the photo at this size/format (None: the original file is wanted, size 0)."""
    if size == 0:
        return None
    size = thumbnail_size_closest(size=DEFAULT_SIZE if size is None else size)
    return reverse("storefront:thumbnail", kwargs={"media_id": media_id, "size": size,
                                                   "fmt": thumbnail_format_normalize(fmt=fmt)})


def media_thumbnail_get(*, media: ProductMedia, size: int, fmt: object = ORIGINAL) -> str:
    """The stored thumbnail's URL, making it on the first request (easy-thumbnails records it, so later requests
    find it without touching the image)."""
    size, fmt = thumbnail_size_closest(size=size), thumbnail_format_normalize(fmt=fmt)
    thumbnailer = get_thumbnailer(media.image)
    if fmt == ORIGINAL:
        thumbnailer.thumbnail_preserve_extensions = True
    else:
        thumbnailer.thumbnail_preserve_extensions = None
        thumbnailer.thumbnail_extension = fmt
        thumbnailer.thumbnail_transparency_extension = fmt
    options: dict = {"size": (size, size), "crop": False, "upscale": False}
    if fmt == "avif":
        options["subsampling"] = "4:2:0"  # Pillow's AVIF encoder takes the name, not JPEG's number
    thumbnail = thumbnailer.get_thumbnail(options)
    return thumbnail.url
