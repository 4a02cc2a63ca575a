"""Ingest pipelines: read vetted curatorial texts and keep the index exactly in step with them."""
