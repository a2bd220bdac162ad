"""Ingestion: articles in from files, the admin or a queue; events stored."""
