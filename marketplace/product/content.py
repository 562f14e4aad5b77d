"""Product content written by catalogue staff: the rich description (EditorJS), the English translation and
search texts. Certificate facts and the registry's name stay the sync's."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marketplace.core.audit import log_action
from marketplace.core.text import fold
from marketplace.product.models import Product, ProductTranslation
from marketplace.product.rich_text import editorjs_clean, editorjs_plaintext


@transaction.atomic
def product_content_update(*, product: Product, description: object, name_en: str = "",
                           description_en: object = None, actor: object = None) -> bool:
    """Set the description (EditorJS JSON, cleaned) and the English name/description; returns whether anything
    changed. An edited description is kept from then on when the registry's text changes."""
    clean = editorjs_clean(description, field="description")
    clean_en = editorjs_clean(description_en, field="descriptionEn")
    plain = editorjs_plaintext(clean)
    translation = ProductTranslation.objects.filter(product=product, language_code="en").first()
    before = {"description": product.description, "name_en": translation.name if translation else None,
              "description_en": translation.description if translation else None}
    after = {"description": clean, "name_en": name_en.strip() or None, "description_en": clean_en}
    if _same(before, after):
        return False
    if not _same_blocks(before["description"], clean):
        product.description, product.description_plaintext = clean, plain
        product.seo_description = plain[:300] or None
        product.search_document = fold(f"{product.name} {plain}")
        product.search_index_dirty = True
        product.description_edited_at = timezone.now()
        product.save(update_fields=["description", "description_plaintext", "seo_description", "search_document",
                                    "search_index_dirty", "description_edited_at", "updated_at"])
    if translation is None:
        translation = ProductTranslation(product=product, language_code="en")
    translation.name, translation.description = after["name_en"], clean_en
    translation.save()
    log_action(action="product_content_update", obj=product, actor=actor, before=before, after=after)
    return True


def _blocks(value: dict | None) -> list:
    return (value or {}).get("blocks", []) if isinstance(value, dict) else []


def _same_blocks(a: dict | None, b: dict | None) -> bool:
    return _blocks(a) == _blocks(b)


def _same(before: dict, after: dict) -> bool:
    return (_same_blocks(before["description"], after["description"]) and before["name_en"] == after["name_en"]
            and _same_blocks(before["description_en"], after["description_en"]))
