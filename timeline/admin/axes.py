"""django-axes' access-attempt admin, with its one action permission-checked:
"Clean up expired attempts" deletes rows, so it needs the delete permission
(axes declares none, which offers it to view-only staff)."""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone


class CheckedAccessAttemptAdmin(AccessAttemptAdmin):
    @admin.action(description="Clean up expired attempts", permissions=["delete"])
    def cleanup_expired_attempts(self, request: HttpRequest, queryset: QuerySet):
        # axes 8.3.1 reads the time it stamps on login requests only
        if not hasattr(request, "axes_attempt_time"):
            request.axes_attempt_time = timezone.now()  # type: ignore[attr-defined]
        return super().cleanup_expired_attempts(request, queryset)


if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, CheckedAccessAttemptAdmin)
