"""The shared floor every stage imports: what facts, analysis, reporting and building all
need, written once. `core.tables` reads and writes the project's tables."""
