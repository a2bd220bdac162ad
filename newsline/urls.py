from django.contrib import admin
from django.urls import include, path

from newsline.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("timeline.urls")),
    path("", include("timeline.api_urls")),
]

handler400 = "timeline.api.bad_request"
