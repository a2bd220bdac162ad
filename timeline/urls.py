from django.urls import path

from timeline import views, views_staff

app_name = "timeline"

urlpatterns = [
    path("", views.index, name="index"),
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
