"""Stage 1: raw pages -> tidy tables (parsing, schema, tables, ingest)."""
