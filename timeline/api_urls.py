"""Routes for the JSON API, the downloads and the embeddable timeline.

The API's and the downloads' routes come from django-ninja
(timeline/api_routes.py), with its OpenAPI document at /api/openapi.json.
"""

from django.urls import path

from timeline import views_embed
from timeline.api_routes import newsline_api

app_name = "api"

urlpatterns = [
    *newsline_api.urls[0],
    path("embed/", views_embed.embed, name="embed"),
]
