"""The OpenAPI 3.1 description of the read-only API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from timeline.api import DEFAULT_LIMIT, MAX_LIMIT
from timeline.filters import MAX_MULTI, MAX_QUERY_CHARS
from timeline.models import ActorKind, Kind, Modality, Precision, Status


def _param(name: str, description: str, schema: dict, **extra: Any) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


def _list(item: dict) -> dict:
    return {"type": "array", "items": item, "maxItems": MAX_MULTI}


FILTER_PARAMETERS = [
    _param(
        "actor",
        "Person ids (repeat or comma-separate; any of them).",
        _list({"type": "integer"}),
        style="form",
        explode=True,
    ),
    _param(
        "org",
        "Organisation ids (any of them).",
        _list({"type": "integer"}),
        style="form",
        explode=True,
    ),
    _param(
        "country",
        "ISO 3166-1 alpha-2 codes (any of them).",
        _list({"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        style="form",
        explode=True,
    ),
    _param(
        "kind",
        "Event kinds (any of them).",
        _list({"type": "string", "enum": list(Kind.values)}),
        style="form",
        explode=True,
    ),
    _param(
        "status",
        "Review status (staff with the view or change event permission only; "
        "others get 400). Default: all but rejected.",
        _list({"type": "string", "enum": list(Status.values)}),
        style="form",
        explode=True,
    ),
    _param(
        "start",
        "Events whose range ends on or after this date.",
        {"type": "string", "format": "date"},
    ),
    _param(
        "end",
        "Events whose range starts on or before this date.",
        {"type": "string", "format": "date"},
    ),
    _param(
        "q",
        "Text in the title or an evidence sentence.",
        {"type": "string", "maxLength": MAX_QUERY_CHARS},
    ),
    _param(
        "order",
        "Newest or oldest first, by (start, id).",
        {"type": "string", "enum": ["newest", "oldest"], "default": "newest"},
    ),
]

LIMIT = _param(
    "limit",
    "Page size.",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
)

REF = "#/components/schemas/"


def _ok(schema: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF + schema}}},
    }


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF + "Error"}}},
    }


def _download(media_type: str, description: str) -> dict:
    return {
        "description": description,
        "headers": {
            "Content-Disposition": {
                "schema": {"type": "string"},
                "description": "attachment; filename=...",
            }
        },
        "content": {media_type: {"schema": {"type": "string"}}},
    }


def _named(id_type: str = "integer") -> dict:
    return {
        "type": "object",
        "required": ["id", "name"],
        "properties": {"id": {"type": id_type}, "name": {"type": "string"}},
    }


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "details"],
        "properties": {
            "error": {"type": "string"},
            "details": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Source": {
        "type": "object",
        "properties": {
            "article_id": {"type": "integer"},
            "title": {"type": "string"},
            "source_url": {"type": "string"},
            "publisher": {"type": "string"},
            "published": {"type": "string", "format": "date"},
            "evidence": {
                "type": "string",
                "description": "The sentence that reports the event.",
            },
            "expression": {
                "type": "string",
                "description": "The date expression in that sentence.",
            },
        },
    },
    "Event": {
        "type": "object",
        "required": [
            "id",
            "start",
            "end",
            "precision",
            "value",
            "title",
            "kind",
            "status",
            "actors",
            "countries",
            "organisations",
            "sources",
        ],
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date"},
            "precision": {"type": "string", "enum": list(Precision.values)},
            "value": {
                "type": "string",
                "description": "ISO-TimeML value, e.g. 2025-02-24, 2025-W08, 2025-02.",
            },
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": list(Kind.values)},
            "status": {"type": "string", "enum": list(Status.values)},
            "modality": {"type": "string", "enum": list(Modality.values)},
            "actors": {
                "type": "array",
                "items": _named(),
                "description": "People.",
            },
            "organisations": {"type": "array", "items": _named()},
            "countries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "name": {"type": "string"},
                    },
                },
            },
            "source_count": {"type": "integer"},
            "sources": {"type": "array", "items": {"$ref": REF + "Source"}},
        },
    },
    "EventPage": {
        "type": "object",
        "required": ["results", "next"],
        "properties": {
            "results": {"type": "array", "items": {"$ref": REF + "Event"}},
            "next": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "The next page, or null on the last page.",
            },
            "next_cursor": {"type": ["string", "null"]},
            "limit": {"type": "integer"},
            "order": {"type": "string"},
        },
    },
    "Actor": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": list(ActorKind.values)},
            "event_count": {"type": "integer"},
        },
    },
    "ActorPage": {
        "type": "object",
        "properties": {
            "results": {"type": "array", "items": {"$ref": REF + "Actor"}},
            "next": {"type": ["string", "null"], "format": "uri"},
        },
    },
    "CountryList": {
        "type": "object",
        "properties": {
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "name": {"type": "string"},
                        "event_count": {"type": "integer"},
                    },
                },
            }
        },
    },
}


def openapi_spec(*, server: str = "/") -> dict[str, Any]:
    bad = _error("A parameter is invalid; `details` names each problem.")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Newsline API",
            "version": "1",
            "description": (
                "Read-only access to the Newsline timeline. Events take the "
                "timeline page's filters; any invalid filter answers 400."
            ),
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/events/": {
                "get": {
                    "operationId": "listEvents",
                    "summary": "Events matching the filters (cursor pagination).",
                    "parameters": [
                        *FILTER_PARAMETERS,
                        _param(
                            "cursor",
                            "Opaque; from the previous page's `next`.",
                            {"type": "string"},
                        ),
                        LIMIT,
                    ],
                    "responses": {
                        "200": _ok("EventPage", "A page of events."),
                        "400": bad,
                    },
                }
            },
            "/api/events/{id}/": {
                "get": {
                    "operationId": "getEvent",
                    "summary": "One event.",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": _ok("Event", "The event."),
                        "404": _error("No such (visible) event."),
                    },
                }
            },
            "/api/actors/": {
                "get": {
                    "operationId": "listActors",
                    "summary": "People and organisations by name.",
                    "parameters": [
                        _param(
                            "q",
                            "Text in a name or alias.",
                            {"type": "string", "maxLength": 100},
                        ),
                        _param(
                            "kind",
                            "person or organization.",
                            {"type": "string", "enum": list(ActorKind.values)},
                        ),
                        LIMIT,
                        _param("offset", "Rows to skip.", {"type": "integer"}),
                    ],
                    "responses": {"200": _ok("ActorPage", "Actors."), "400": bad},
                }
            },
            "/api/countries/": {
                "get": {
                    "operationId": "listCountries",
                    "summary": "Countries with events (every country with all=1).",
                    "parameters": [
                        _param("all", "1: every country.", {"type": "string"})
                    ],
                    "responses": {"200": _ok("CountryList", "Countries.")},
                }
            },
            "/export/events.csv": {
                "get": {
                    "operationId": "exportCsv",
                    "summary": "CSV download of the filtered timeline (UTF-8, BOM).",
                    "parameters": FILTER_PARAMETERS,
                    "responses": {"200": _download("text/csv", "CSV"), "400": bad},
                }
            },
            "/export/events.timeline.json": {
                "get": {
                    "operationId": "exportTimelineJS",
                    "summary": "TimelineJS3 JSON of the filtered timeline.",
                    "parameters": [
                        *FILTER_PARAMETERS,
                        _param(
                            "group",
                            "Group rows by kind or by (first) country.",
                            {"type": "string", "enum": ["kind", "country"]},
                        ),
                    ],
                    "responses": {
                        "200": _download("application/json", "TimelineJS3 JSON"),
                        "400": bad,
                    },
                }
            },
            "/export/events.ics": {
                "get": {
                    "operationId": "exportIcal",
                    "summary": "iCalendar of the filtered timeline (all-day events).",
                    "parameters": FILTER_PARAMETERS,
                    "responses": {
                        "200": _download("text/calendar", "iCalendar"),
                        "400": bad,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
