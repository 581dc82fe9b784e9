"""The monitor's outputs: saved searches, change feeds (Atom) and digests of what changed.

The change sets themselves are written by the store (``milcourt.store.changes``) as crawl runs
ingest pages; this package reads them: ``searches`` (named filters), ``changeset`` (the changes
matching a filter over a period, with each case's public facts), ``feeds`` (Atom documents),
``digest`` (Markdown/HTML summaries, sent by ``mail``).
"""
