"""Store: parsed, pseudonymised pages in SQLite (default) or PostgreSQL, with provenance and history.

``open_store(url)`` → :class:`Store`; ``Store.ingest_page(bytes, source=…)`` → :class:`IngestResult`.
"""

from milcourt.store.store import IngestResult, Store, open_store

__all__ = ["IngestResult", "Store", "open_store"]
