"""Routes for the JSON API, the downloads and the embeddable timeline.

The API's and the downloads' routes come from django-ninja
(timeline/api/routes.py), and so does the OpenAPI document at
/api/openapi.json.
"""

from django.urls import path

from timeline.api import embed as views_embed
from timeline.api.routes import newsline_api, openapi_document

app_name = "api"

urlpatterns = [
    *newsline_api.urls[0],
    path("api/openapi.json", openapi_document, name="openapi"),
    path("embed/", views_embed.embed, name="embed"),
]
