from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from marketplace.graphql.views import GraphQLView
from marketplace.payment.webhooks import stripe_webhook

urlpatterns = [
    path("graphql/", csrf_exempt(GraphQLView.as_view()), name="graphql"),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(path("", include("storefront.urls")), prefix_default_language=False)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
