from django.urls import include, path

from storefront.urls_fair import urlpatterns as fair_urlpatterns
from storefront.views import catalog, home, producer, product, sales_points, thumbnails, verify

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
    path("san-pham/", catalog.catalog, name="catalog"),
    path("san-pham/<slug:slug>/", product.product_detail, name="product"),
    path("danh-muc/<slug:group_slug>/", catalog.catalog, name="category"),
    path("tinh/<str:province_code>/", catalog.catalog, name="province"),
    path("chu-the/<slug:slug>/", producer.producer_detail, name="producer"),
    path("verify/", verify.verify_index, name="verify_index"),
    # Certificate numbers contain slashes ("15/GCN-UBND"): the path converter takes them whole.
    path("verify/<path:number>/", verify.verify, name="verify"),
    path("diem-ban/", sales_points.sales_points, name="sales_points"),
    path("quan-ly/", include("storefront.urls_console")),
    path("", include("storefront.urls_checkout")),
    path("thumbnail/<int:media_id>/<int:size>/<str:fmt>/", thumbnails.thumbnail, name="thumbnail"),
    path("", include("storefront.urls_password")),
    path("", include("storefront.urls_account")),
]
urlpatterns += fair_urlpatterns
