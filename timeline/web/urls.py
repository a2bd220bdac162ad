from django.urls import path

from timeline.web import staff as views_staff
from timeline.web import views

app_name = "timeline"

urlpatterns = [
    path("", views.index, name="index"),
    path("stories/", views.stories, name="stories"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/key/", views.event_key_status, name="event-key"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("typeahead/actors/", views.typeahead_actors, name="typeahead-actors"),
    path(
        "typeahead/organisations/",
        views.typeahead_organisations,
        name="typeahead-organisations",
    ),
    path("typeahead/countries/", views.typeahead_countries, name="typeahead-countries"),
    path(
        "staff/events/<int:pk>/title/",
        views_staff.edit_title,
        name="staff-event-title",
    ),
    path("staff/events/<int:pk>/date/", views_staff.edit_date, name="staff-event-date"),
    path(
        "staff/events/<int:pk>/verify/", views_staff.verify, name="staff-event-verify"
    ),
    path(
        "staff/events/<int:pk>/reject/", views_staff.reject, name="staff-event-reject"
    ),
]
