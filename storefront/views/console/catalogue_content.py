"""Product content in the catalogue console: the description in a rich-text editor (EditorJS, stored as Saleor
stores it), the English name and description, the producer's story. Certificate facts are shown read-only."""

from __future__ import annotations

import json

from csp.decorators import csp_update
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marketplace.certification.selectors import certificate_current_for_product
from marketplace.core.errors import DomainError
from marketplace.producer.services import producer_story_set
from marketplace.product.content import product_content_update
from storefront.views.console.catalogue import catalogue_staff, product_or_404
from storefront.views.console.catalogue_forms import ContentForm


# EditorJS (the rich-text editor) injects its own <style> element and style attributes; only this staff page
# lets inline styles through. Scripts stay 'self' only.
@csp_update({"style-src": ["'unsafe-inline'"]})
@catalogue_staff
def product_content(request: HttpRequest, product_id: int) -> HttpResponse:
    detail = product_or_404(product_id)
    product, producer = detail.product, detail.product.producer
    translation = detail.translation
    initial = {"description": json.dumps(product.description or {}), "name_en": translation.name if translation
               else "", "description_en": json.dumps(translation.description or {}) if translation else "{}",
               "story": producer.story if producer else "", "story_en": producer.story_en if producer else ""}
    form = ContentForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                product_content_update(product=product, description=data["description"], name_en=data["name_en"],
                                       description_en=data["description_en"], actor=request.user)
                if producer is not None:
                    producer_story_set(producer=producer, story=data["story"], story_en=data["story_en"],
                                       actor=request.user)
                messages.success(request, _("Đã lưu nội dung sản phẩm."))
                return redirect("storefront:console:catalogue_content", product_id=product_id)
            except DomainError as exc:
                form.add_error(None, f"{exc.message} ({exc.code})")
        status = 400
    return render(request, "storefront/console/catalogue/content.html", {
        "active": "catalogue", "product": product, "producer": producer, "form": form,
        "certificate": certificate_current_for_product(product_id=product_id),
        "description_json": form["description"].value() or "{}",
        "description_en_json": form["description_en"].value() or "{}"}, status=status)
