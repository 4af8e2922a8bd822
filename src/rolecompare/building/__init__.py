"""Stage 4: every pair -> plan, workers, incremental manifest, the site (index and role pages)."""
