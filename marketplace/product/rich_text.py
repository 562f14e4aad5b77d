"""Rich text as Saleor stores it (EditorJS JSON): cleaned on the way in, rendered to safe HTML on the way out.
Inline markup is sanitised by nh3 (the Ammonia sanitiser); block structure is built here from known types only."""

from __future__ import annotations

import html

import nh3
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.product.error_codes import ProductErrorCode

INLINE_TAGS = {"b", "strong", "i", "em", "u", "a", "br", "mark", "code", "s"}
INLINE_ATTRIBUTES = {"a": {"href"}}
BLOCK_TYPES = {"paragraph", "header", "list", "quote", "delimiter"}
MAX_BLOCKS = 200


def _inline(text: object) -> str:
    return nh3.clean(str(text or ""), tags=INLINE_TAGS, attributes=INLINE_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow")


def _items(items: object) -> list[str]:
    out = []
    for item in items if isinstance(items, list) else []:
        # EditorJS list 2.x items are {"content": ..., "items": [...]}; older ones are plain strings.
        out.append(_inline(item.get("content", "") if isinstance(item, dict) else item))
    return out


def editorjs_clean(value: object, *, field: str = "description") -> dict | None:
    """EditorJS data with only known blocks and sanitised inline HTML; refuses anything that is not EditorJS."""
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("blocks"), list):
        raise DomainError(_("Nội dung mô tả không đúng định dạng EditorJS."), code=ProductErrorCode.INVALID,
                          field=field)
    if len(value["blocks"]) > MAX_BLOCKS:
        raise DomainError(_("Mô tả quá dài."), code=ProductErrorCode.INVALID, field=field)
    blocks = []
    for block in value["blocks"]:
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            continue
        data = block.get("data") if isinstance(block.get("data"), dict) else {}
        kind = block["type"]
        if kind in ("paragraph", "quote"):
            clean = {"text": _inline(data.get("text"))}
        elif kind == "header":
            level = data.get("level") if data.get("level") in (2, 3, 4) else 3
            clean = {"text": _inline(data.get("text")), "level": level}
        elif kind == "list":
            clean = {"style": "ordered" if data.get("style") == "ordered" else "unordered",
                     "items": _items(data.get("items"))}
        else:
            clean = {}
        blocks.append({"type": kind, "data": clean})
    if not blocks:
        return None
    return {"time": value.get("time", 0) if isinstance(value.get("time"), int) else 0, "blocks": blocks,
            "version": str(value.get("version", "2.29.1"))[:20]}


def editorjs_plaintext(value: dict | None) -> str:
    if not value:
        return ""
    parts = []
    for block in value.get("blocks", []):
        data = block.get("data", {})
        texts = data.get("items", []) if block.get("type") == "list" else [data.get("text", "")]
        parts.append("\n".join(nh3.clean(str(t), tags=set()) for t in texts if t))
    return html.unescape("\n\n".join(p for p in parts if p))


def editorjs_html(value: dict | None) -> str:
    """Safe HTML for a page (headings start at h3 so they sit under the section's h2)."""
    if not isinstance(value, dict):
        return ""
    out = []
    for block in value.get("blocks", []):
        if not isinstance(block, dict):
            continue
        data = block.get("data") if isinstance(block.get("data"), dict) else {}
        kind = block.get("type")
        if kind == "paragraph":
            out.append(f"<p>{_inline(data.get('text'))}</p>")
        elif kind == "header":
            level = data.get("level") if data.get("level") in (3, 4) else 3
            out.append(f"<h{level}>{_inline(data.get('text'))}</h{level}>")
        elif kind == "quote":
            out.append(f"<blockquote>{_inline(data.get('text'))}</blockquote>")
        elif kind == "list":
            tag = "ol" if data.get("style") == "ordered" else "ul"
            items = "".join(f"<li>{item}</li>" for item in _items(data.get("items")))
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == "delimiter":
            out.append("<hr>")
    return "\n".join(out)
