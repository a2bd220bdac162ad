"""Pages, HTMX partials, staff edits and the embed."""
