"""Reads: filters, the list (events), facets and the rollup counts."""
