"""Full-text search over act texts: SQLite FTS5, PostgreSQL ``tsvector`` with the 'russian' configuration.

The index holds only what the ``acts`` table holds, i.e. texts after pseudonymisation, with ё
folded to е on both sides (Russian prints both; neither tokenizer folds them).
SQLite matches the phrase's words as written (no Russian stemming in FTS5's unicode61 tokenizer);
PostgreSQL matches stemmed words, so "дезертирство" also finds "дезертирства" there.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection


def _fold_sql(expr: str) -> str:
    """SQL folding ё to е (Russian prints both; neither FTS5 nor the 'russian' config folds them)."""
    return f"replace(replace({expr}, 'ё', 'е'), 'Ё', 'Е')"


# Contentless FTS5 (content=''): the index alone, fed the folded text by a trigger, no second copy.
_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS acts_fts USING fts5("
    "title, text, content='', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS acts_fts_insert AFTER INSERT ON acts BEGIN "
    f"INSERT INTO acts_fts(rowid, title, text) VALUES (new.id, {_fold_sql('new.title')}, {_fold_sql('new.text')}); END",
    f"INSERT INTO acts_fts(rowid, title, text) SELECT id, {_fold_sql('title')}, {_fold_sql('text')} FROM acts",
)
_PG_DOCUMENT = _fold_sql("coalesce(title, '') || ' ' || text")
_PG_DDL = (
    "ALTER TABLE acts ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('russian', {_PG_DOCUMENT})) STORED",
    "CREATE INDEX IF NOT EXISTS ix_acts_tsv ON acts USING gin (tsv)",
)


def fold(text: str) -> str:
    """ё → е in a query, as the index holds it."""
    return text.replace("ё", "е").replace("Ё", "Е")


def create_index(conn: Connection) -> None:
    """Create the dialect's full-text index over ``acts`` and fill it from the rows already there."""
    ddl = _PG_DDL if conn.dialect.name == "postgresql" else _SQLITE_DDL
    for statement in ddl:
        conn.exec_driver_sql(statement)


def act_ids_clause(dialect: str, text: str) -> sa.TextClause:
    """A SELECT of the ids of acts containing the words of ``text`` as a phrase, for this dialect."""
    if dialect == "postgresql":
        return sa.text("SELECT id FROM acts WHERE tsv @@ phraseto_tsquery('russian', :fts_q)").bindparams(
            fts_q=fold(text)
        )
    words = re.findall(r"\w+", fold(text))
    if not words:
        return sa.text("SELECT id FROM acts WHERE 0 = 1")
    phrase = '"' + " ".join(words) + '"'
    return sa.text("SELECT rowid AS id FROM acts_fts WHERE acts_fts MATCH :fts_q").bindparams(fts_q=phrase)
