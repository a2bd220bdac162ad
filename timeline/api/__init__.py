"""The JSON API, its OpenAPI routes, and the exports."""
