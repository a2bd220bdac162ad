from django.contrib import admin
from django.urls import include, path

from newsline.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("timeline.web.urls")),
    path("", include("timeline.api.urls")),
]

handler400 = "timeline.api.views.bad_request"
