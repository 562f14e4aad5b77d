"""Matching what staff type or import (a producer's name or tax code, product names) to catalog records.
Names are compared folded (no diacritics, đ→d, case, punctuation and spacing ignored), as the registry annex is."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from marketplace.core.text import fold
from marketplace.producer.models import Producer
from marketplace.product.models import Product


def name_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold(text or ""))).strip()


def tax_code_key(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text or "")


def looks_like_tax_code(text: str) -> bool:
    return bool(re.fullmatch(r"\d{10}(\d{3})?", tax_code_key(text)))


@dataclass(frozen=True)
class ProducerMatch:
    producer: Producer | None
    reason: str = ""  # why nothing matched, in plain Vietnamese
    ambiguous: bool = False


@dataclass
class ProducerIndex:
    """Producers keyed by folded name and by tax code, loaded once (an import matches hundreds of rows)."""

    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_tax: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls) -> ProducerIndex:
        index = cls()
        for pk, name, tax in Producer.objects.values_list("pk", "name", "tax_code"):
            index.by_name[name_key(name)].append(pk)
            if tax_code_key(tax):
                index.by_tax[tax_code_key(tax)].append(pk)
        return index

    def match(self, *, text: str, tax_code: str = "") -> ProducerMatch:
        """By tax code when one is given or the text is one (10 or 13 digits), else by folded name."""
        text = (text or "").strip()
        code = tax_code_key(tax_code) or (tax_code_key(text) if looks_like_tax_code(text) else "")
        if code:
            found = self.by_tax.get(code, [])
            if len(found) == 1:
                return ProducerMatch(Producer.objects.get(pk=found[0]))
            if len(found) > 1:
                return ProducerMatch(None, _("Mã số thuế %(code)s trùng ở %(n)s chủ thể.")
                                     % {"code": code, "n": len(found)}, ambiguous=True)
            if not text or tax_code_key(text) == code:
                return ProducerMatch(None, _("Không có chủ thể nào có mã số thuế %(code)s.") % {"code": code})
        if not text:
            return ProducerMatch(None, _("Thiếu tên hoặc mã số thuế của chủ thể."))
        found = self.by_name.get(name_key(text), [])
        if len(found) == 1:
            return ProducerMatch(Producer.objects.get(pk=found[0]))
        if len(found) > 1:
            return ProducerMatch(None, _("Tên «%(name)s» trùng ở %(n)s chủ thể; hãy dùng mã số thuế.")
                                 % {"name": text, "n": len(found)},
                                 ambiguous=True)
        return ProducerMatch(None, _("Không tìm thấy chủ thể «%(name)s».") % {"name": text})


def producer_match(*, text: str, tax_code: str = "") -> ProducerMatch:
    return ProducerIndex.build().match(text=text, tax_code=tax_code)


@dataclass(frozen=True)
class ProductMatch:
    product: Product | None
    reason: str = ""


def product_match_for_producer(*, producer: Producer, text: str) -> ProductMatch:
    """One of the producer's products, by registry id, slug, exact folded name, or a unique folded part."""
    text = (text or "").strip()
    products = list(Product.objects.filter(producer=producer).only("pk", "name", "slug", "external_reference"))
    for product in products:
        if text and text in (product.external_reference, product.slug):
            return ProductMatch(product)
    key = name_key(text)
    exact = [p for p in products if name_key(p.name) == key]
    if len(exact) == 1:
        return ProductMatch(exact[0])
    partial = [p for p in products if key and key in name_key(p.name)]
    if len(exact) > 1 or len(partial) > 1:
        return ProductMatch(None, _("«%(name)s» khớp nhiều sản phẩm của %(producer)s; hãy ghi tên đầy đủ.")
                            % {"name": text, "producer": producer.name})
    if len(partial) == 1:
        return ProductMatch(partial[0])
    return ProductMatch(None, _("Không tìm thấy sản phẩm «%(name)s» của %(producer)s.")
                        % {"name": text, "producer": producer.name})
