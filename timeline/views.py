from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from timeline.filters import TimelineFilters
from timeline.models import Event


@require_GET
@vary_on_headers("HX-Request")
def index(request: HttpRequest) -> HttpResponse:
    filters = TimelineFilters.from_query(
        request.GET, allow_status=request.user.is_staff
    )
    events = Event.objects.for_timeline(filters).prefetch_related("actors", "countries")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    ctx = {"filters": filters, "page": page}
    if request.htmx:
        return render(request, "timeline/index.html#event-list", ctx)
    return render(request, "timeline/index.html", ctx)
