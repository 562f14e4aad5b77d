"""/quan-ly/san-pham/…: the catalogue console (prices and publication, content, photos, Excel price list)."""

from django.urls import path

from storefront.views.console import catalogue, catalogue_content, catalogue_media, catalogue_price_list

urlpatterns = [
    path("san-pham/", catalogue.product_list, name="catalogue"),
    path("san-pham/bang-gia/", catalogue_price_list.price_list, name="catalogue_price_list"),
    path("san-pham/<int:product_id>/", catalogue.product_detail, name="catalogue_product"),
    path("san-pham/<int:product_id>/noi-dung/", catalogue_content.product_content, name="catalogue_content"),
    path("san-pham/<int:product_id>/anh/", catalogue_media.media_upload, name="catalogue_media_upload"),
    path("san-pham/<int:product_id>/anh/<int:media_id>/", catalogue_media.media_change,
         name="catalogue_media_change"),
]
