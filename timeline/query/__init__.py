"""Reads: filters, facets, the facet index and the rollup counts."""
