"""Storage: the engine and its checks, the tables, and their migrations."""

SCHEMA_HEAD = "0002"
"""The newest migration's revision; a test checks it against Alembic's own head. Kept here,
free of imports, for the quick paths that read the file without the data layer."""
