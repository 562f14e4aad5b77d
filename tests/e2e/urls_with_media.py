"""The project's URLs plus uploaded files served from MEDIA_ROOT: the live test server has no web server in front
of it, and Django's static() helper serves media only when DEBUG is on."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from marketplace.config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *project_urlpatterns,
]
