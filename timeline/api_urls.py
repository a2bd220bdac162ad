"""Routes for the JSON API, the downloads and the embeddable timeline."""

from django.urls import path

from timeline import api, exports, views_embed

app_name = "api"

urlpatterns = [
    path("api/events/", api.events, name="events"),
    path("api/events/<int:pk>/", api.event_detail, name="event"),
    path("api/actors/", api.actors, name="actors"),
    path("api/countries/", api.countries, name="countries"),
    path("api/openapi.json", api.openapi, name="openapi"),
    path("export/events.csv", exports.export_csv, name="export-csv"),
    path(
        "export/events.timeline.json",
        exports.export_timelinejs,
        name="export-timelinejs",
    ),
    path("export/events.ics", exports.export_ical, name="export-ical"),
    path("embed/", views_embed.embed, name="embed"),
]
