"""Product photos: upload (checked to be a real image of an allowed type and size), alt text, order, delete.
Each change is audited; thumbnails are made on demand (marketplace.product.thumbnails)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.product.error_codes import ProductErrorCode
from marketplace.product.models import Product, ProductMedia

# Pillow format -> file extension for the photo types a shop page can show.
ALLOWED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif", "GIF": "gif"}
ALLOWED_CONTENT_TYPES = {"image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"}
MAX_PIXELS = 50_000_000


def media_max_bytes() -> int:
    return int(getattr(settings, "PRODUCT_MEDIA_MAX_BYTES", 10 * 1024 * 1024))


def image_check(*, data: bytes, content_type: str | None = None, field: str = "image") -> str:
    """The file's extension if it is an image we accept; a coded DomainError otherwise (nothing stored)."""
    limit = media_max_bytes()
    if len(data) > limit:
        raise DomainError(_("Ảnh quá lớn (tối đa %(mb)s MB).") % {"mb": limit // (1024 * 1024)},
                          code=ProductErrorCode.FILE_SIZE_LIMIT_EXCEEDED, field=field)
    if content_type and content_type.split(";")[0].strip().lower() not in ALLOWED_CONTENT_TYPES \
            and content_type != "application/octet-stream":
        raise DomainError(_("Chỉ nhận ảnh JPEG, PNG, WebP, AVIF hoặc GIF."),
                          code=ProductErrorCode.UNSUPPORTED_MIME_TYPE, field=field)
    try:
        from io import BytesIO

        with Image.open(BytesIO(data)) as image:
            kind = image.format
            if image.width * image.height > MAX_PIXELS:
                raise DomainError(_("Ảnh có quá nhiều điểm ảnh."), code=ProductErrorCode.FILE_SIZE_LIMIT_EXCEEDED,
                                  field=field)
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise DomainError(_("Tệp không phải là ảnh hợp lệ."), code=ProductErrorCode.INVALID_FILE_TYPE,
                          field=field)
    if kind not in ALLOWED_IMAGE_FORMATS:
        raise DomainError(_("Chỉ nhận ảnh JPEG, PNG, WebP, AVIF hoặc GIF."),
                          code=ProductErrorCode.INVALID_FILE_TYPE, field=field)
    return ALLOWED_IMAGE_FORMATS[kind]


@transaction.atomic
def product_media_upload(*, product: Product, data: bytes, filename: str = "", content_type: str | None = None,
                         alt: str = "", actor: object = None) -> ProductMedia:
    """Store an uploaded photo as the product's last image."""
    extension = image_check(data=data, content_type=content_type)
    last = ProductMedia.objects.filter(product=product).aggregate(m=Max("sort_order"))["m"]
    media = ProductMedia(product=product, alt=alt[:250], sort_order=(last + 1) if last is not None else 0)
    media.image.save(f"{product.slug[:80]}.{extension}", ContentFile(data), save=False)
    media.save()
    log_action(action="product_media_create", obj=media, actor=actor,
               after={"product_id": product.pk, "image": media.image.name, "alt": media.alt,
                      "original_name": filename[:200]})
    return media


def product_media_alt_set(*, media: ProductMedia, alt: str, actor: object = None) -> ProductMedia:
    if media.alt != alt[:250]:
        before = media.alt
        media.alt = alt[:250]
        media.save(update_fields=["alt"])
        log_action(action="product_media_update", obj=media, actor=actor, before={"alt": before},
                   after={"alt": media.alt})
    return media


@transaction.atomic
def product_media_reorder(*, product: Product, media_ids: list[int], actor: object = None) -> list[ProductMedia]:
    """Put the product's photos in the given order; the list must name each of its photos exactly once."""
    current = {m.pk: m for m in ProductMedia.objects.select_for_update().filter(product=product)}
    if len(set(media_ids)) != len(media_ids):
        raise DomainError(_("Mỗi ảnh chỉ được nêu một lần."), code=ProductErrorCode.DUPLICATED_INPUT_ITEM,
                          field="mediaIds")
    if set(media_ids) != set(current):
        raise DomainError(_("Danh sách ảnh không khớp với ảnh của sản phẩm."),
                          code=ProductErrorCode.NOT_PRODUCTS_IMAGE, field="mediaIds")
    before = [m.pk for m in sorted(current.values(), key=lambda m: (m.sort_order, m.pk))]
    for order, pk in enumerate(media_ids):
        current[pk].sort_order = order
    ProductMedia.objects.bulk_update(current.values(), ["sort_order"])
    if before != list(media_ids):
        log_action(action="product_media_reorder", obj=product, actor=actor, before={"order": before},
                   after={"order": list(media_ids)})
    return [current[pk] for pk in media_ids]


def product_media_delete(*, media: ProductMedia, actor: object = None) -> None:
    """Delete the photo; its file and thumbnails go once the deletion is committed."""
    from easy_thumbnails.files import get_thumbnailer

    log_action(action="product_media_delete", obj=media, actor=actor,
               before={"product_id": media.product_id, "image": media.image.name if media.image else None,
                       "alt": media.alt})
    thumbnailer = get_thumbnailer(media.image) if media.image else None
    media.delete()
    if thumbnailer is not None:
        transaction.on_commit(lambda: _files_delete(thumbnailer))


def _files_delete(thumbnailer) -> None:
    thumbnailer.delete_thumbnails()
    thumbnailer.delete(save=False)
