"""The Store: ingest pages idempotently, keep every version, link instances into proceedings.

One transaction per page: the snapshot, the case row, its new version and children, and its
proceeding link commit together or not at all. Re-ingesting the same bytes is a no-op (the snapshot
is known); a changed card of a known case adds a version; nothing is ever deleted.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from milcourt.store import changes, facts, ingest, linking, migrations, records
from milcourt.store.archive import Archive, sha256_of
from milcourt.store.db import archive_dir_for, default_url, make_engine, normalise_url
from milcourt.store.keys import normalise_number
from milcourt.store.schema import VERSIONED, acts, case_versions, cases, snapshots

# Statements built once (SQLAlchemy caches their compiled form; building a Select costs too).
_SNAPSHOT_KIND = sa.select(snapshots.c.kind).where(snapshots.c.sha256 == sa.bindparam("sha"))
_CASE_BY_KEY = sa.select(cases).where(
    cases.c.court_code == sa.bindparam("court_code"), cases.c.number == sa.bindparam("number"),
    cases.c.instance == sa.bindparam("instance"),
)
_INSERT_CASE = sa.insert(cases)
_INSERT_VERSION = sa.insert(case_versions)
_INSERT_CHILDREN = {table.name: sa.insert(table) for table in VERSIONED}
_INSERT_ACTS_IDS = sa.insert(acts).returning(acts.c.id, sort_by_parameter_order=True)
_NewAct = namedtuple("_NewAct", "id case_id version text text_sha")


@dataclass
class IngestResult:
    """What one page did to the store. ``status``: new | updated | unchanged | skipped (not a card)."""

    source: str
    sha256: str
    kind: str
    status: str
    case_id: int | None = None
    version: int | None = None
    proceeding_id: int | None = None
    changed: dict[str, Any] = field(default_factory=dict)


def _utc_naive(when: datetime | None) -> datetime:
    when = when or datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


class Store:
    def __init__(self, engine: Engine, archive: Archive, *, extract_facts: bool = True) -> None:
        self.engine = engine
        self.archive = archive
        self.dialect = engine.dialect.name
        # False leaves act facts for facts.reextract (it picks up acts without them): a bulk load
        # can extract later, and the speed bench measures ingest with and without extraction.
        self.extract_facts = extract_facts
        # the crawl run in progress: ingest and mark_removed write its change set (store/changes.py)
        self.run_id: int | None = None
        # the snapshot row claims the page: a second writer of the same bytes inserts nothing
        insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        self._claim_snapshot = (insert(snapshots).on_conflict_do_nothing(index_elements=[snapshots.c.sha256])
                                .returning(snapshots.c.sha256))

    # -- ingest -------------------------------------------------------------------------------
    def ingest_page(
        self, data: bytes, *, source: str, url: str | None = None,
        fetched_at: datetime | None = None, synthetic: bool = False,
    ) -> IngestResult:
        """Parse → pseudonymise → archive raw bytes → upsert, in one transaction per page."""
        sha = sha256_of(data)
        known = self._known_snapshot(sha)
        if known is not None:
            status = "unchanged" if known == "case_card" else "skipped"
            return IngestResult(source=source, sha256=sha, kind=known, status=status)
        page = ingest.read_page(data, source=source, url=url)
        return self.ingest_parsed(page, data, source=source, url=url, fetched_at=fetched_at, synthetic=synthetic,
                                  sha256=sha)

    def ingest_parsed(
        self, page: dict[str, Any], data: bytes, *, source: str, url: str | None = None,
        fetched_at: datetime | None = None, synthetic: bool = False, parser_version: str | None = None,
        sha256: str | None = None,
    ) -> IngestResult:
        """Store an already pseudonymised page dict parsed from ``data`` (the raw bytes kept)."""
        sha = sha256 or sha256_of(data)
        kind = str(page.get("kind") or "unknown")
        seen = _utc_naive(fetched_at)
        self.archive.put(data, sha)  # content-addressed: harmless if the transaction then fails
        try:
            with self.engine.begin() as conn:
                claimed = conn.execute(self._claim_snapshot, dict(
                    sha256=sha, source=source, url=url, fetched_at=seen,
                    ingested_at=_utc_naive(None), kind=kind, size=len(data), synthetic=synthetic,
                    parser_version=parser_version or ingest.parser_version(),
                )).first()
                if claimed is None:  # stored meanwhile (or by an earlier run): nothing to do
                    status = "unchanged" if kind == "case_card" else "skipped"
                    return IngestResult(source=source, sha256=sha, kind=kind, status=status)
                if kind != "case_card":
                    result = IngestResult(source=source, sha256=sha, kind=kind, status="skipped")
                else:
                    result = self._upsert_case(conn, page, sha=sha, source=source, url=url,
                                               seen=seen, synthetic=synthetic)
        except ValueError as exc:
            raise ValueError(f"{source}: {exc}") from exc
        return result

    def ingest_act(
        self, data: bytes, *, source: str, case_url: str | None, url: str | None = None,
        fetched_at: datetime | None = None, synthetic: bool = False,
    ) -> IngestResult:
        """An act's own page (``name_op=doc``) stored as a further act of the case whose card
        links to it (``case_url``: the card's URL as stored, else the page's own link back).

        The act joins the case's current version (its text once per version; names scrubbed as
        in any act). Raises ``ValueError`` naming ``source`` for a page that is no act or whose
        case is not stored (its card must be ingested first).
        """
        sha = sha256_of(data)
        page = ingest.read_page(data, source=source, url=url)
        kind = str(page.get("kind") or "unknown")
        if kind != "act":
            raise ValueError(f"{source}: expected an act page, got {kind}")
        seen = _utc_naive(fetched_at)
        self.archive.put(data, sha)
        links = [u for u in (case_url, page.get("case_url")) if u]
        with self.engine.begin() as conn:
            case = conn.execute(sa.select(cases.c.id, cases.c.current_version, cases.c.court_code, cases.c.number,
                                          cases.c.instance)
                                .where(cases.c.url.in_(links)).order_by(cases.c.id)).first() if links else None
            if case is None:
                raise ValueError(f"{source}: act page of a case not in the store (card {links[0] if links else '?'})")
            result = IngestResult(source=source, sha256=sha, kind=kind, status="unchanged",
                                  case_id=case.id, version=case.current_version)
            conn.execute(self._claim_snapshot, dict(
                sha256=sha, source=source, url=url, fetched_at=seen, ingested_at=_utc_naive(None), kind=kind,
                size=len(data), synthetic=synthetic, parser_version=ingest.parser_version(),
            ))
            text = page.get("text") or ""
            text_sha = records.text_sha(text)
            at_version = sa.and_(acts.c.case_id == case.id, acts.c.version == case.current_version)
            if conn.execute(sa.select(acts.c.id).where(at_version, acts.c.text_sha == text_sha)).first():
                return result
            known_before = conn.execute(sa.select(acts.c.id).where(
                acts.c.case_id == case.id, acts.c.text_sha == text_sha)).first() is not None
            act_no = 1 + (conn.execute(sa.select(sa.func.max(acts.c.act_no)).where(at_version)).scalar() or 0)
            row = {"case_id": case.id, "version": case.current_version, "act_no": act_no,
                   "title": page.get("title"), "text": text, "text_sha": text_sha}
            if self.extract_facts:
                act_id = conn.execute(_INSERT_ACTS_IDS, [row]).scalar_one()
                facts.extract_acts(conn, [_NewAct(act_id, case.id, case.current_version, text, text_sha)],
                                   fresh=True, known=facts.known_in_case(conn, case.id))
            else:
                conn.execute(_INSERT_CHILDREN["acts"], [row])
            if self.run_id is not None and not known_before:
                changes.record_act(conn, self.run_id, case.id, case._asdict(), page.get("title"), seen)
            result.status = "updated"
        return result

    def _known_snapshot(self, sha: str) -> str | None:
        # read-only: SQLite begins it deferred, taking no write lock (see db._sqlite_begin)
        with self.engine.connect().execution_options(milcourt_read_only=True) as conn:
            return conn.execute(_SNAPSHOT_KIND, {"sha": sha}).scalar()

    def _upsert_case(
        self, conn: Connection, page: dict[str, Any], *, sha: str, source: str, url: str | None,
        seen: datetime, synthetic: bool,
    ) -> IngestResult:
        row = records.case_row(page, url=url, source=source)
        content = records.content_of(page)
        digest = records.content_sha(content)
        existing = conn.execute(_CASE_BY_KEY, {k: row[k] for k in ("court_code", "number", "instance")}).first()
        base = IngestResult(source=source, sha256=sha, kind="case_card", status="unchanged")
        if existing is None:
            # linked first, so the case row is written once, with its proceeding
            pid = linking.proceeding_for(conn, records.link_card(row, page))
            key = conn.execute(_INSERT_CASE, dict(
                **row, synthetic=synthetic, first_seen=seen, last_seen=seen, current_version=1,
                content_sha=digest, snapshot_sha=sha, proceeding_id=pid,
            )).inserted_primary_key
            assert key is not None
            case_id = int(key[0])
            self._add_version(conn, page, content, case_id, 1, sha, seen, changed=None)
            base.status, base.case_id, base.version, base.proceeding_id = "new", case_id, 1, pid
            if self.run_id is not None:
                changes.record(conn, self.run_id, case_id, row, [("new", {})], seen)
                changes.record_linked(conn, self.run_id, case_id, pid, seen, row["instance"], row["number"],
                                      row["court_code"])
            return base
        elif existing.content_sha == digest:
            values: dict[str, Any] = {"last_seen": max(existing.last_seen, seen),
                                      "first_seen": min(existing.first_seen, seen)}
            if existing.removed_from_source and seen.date() > existing.removed_from_source:
                values["removed_from_source"] = None  # back on the source after being reported gone
            conn.execute(sa.update(cases).where(cases.c.id == existing.id).values(**values))
            base.case_id, base.version, base.proceeding_id = existing.id, existing.current_version, existing.proceeding_id
            return base
        else:
            old = conn.execute(sa.select(case_versions.c.content).where(
                case_versions.c.case_id == existing.id, case_versions.c.version == existing.current_version,
            )).scalar_one()
            version = 1 + conn.execute(sa.select(sa.func.max(case_versions.c.version))
                                       .where(case_versions.c.case_id == existing.id)).scalar_one()
            changed = records.changes(old, content)
            if seen < existing.last_seen:
                # An older page arriving late (e.g. from an archive): kept as history, while the case
                # row keeps the newer state it already shows; ``changed`` is relative to that state.
                conn.execute(sa.update(cases).where(cases.c.id == existing.id).values(
                    first_seen=min(existing.first_seen, seen)))
            else:
                conn.execute(sa.update(cases).where(cases.c.id == existing.id).values(
                    **row, last_seen=seen, current_version=version,
                    content_sha=digest, snapshot_sha=sha, removed_from_source=None,
                ))
            self._add_version(conn, page, content, existing.id, version, sha, seen, changed=changed)
            if self.run_id is not None and seen >= existing.last_seen:  # news only from a newer page
                changes.record(conn, self.run_id, existing.id, row, changes.classify(old, content), seen)
            base.status, base.case_id, base.version, base.changed = "updated", existing.id, version, changed
        assert base.case_id is not None
        base.proceeding_id = linking.link_case(conn, base.case_id, records.link_card(row, page))
        return base

    def _add_version(
        self, conn: Connection, page: dict[str, Any], content: dict[str, Any], case_id: int, version: int,
        sha: str, seen: datetime, changed: dict[str, Any] | None,
    ) -> None:
        conn.execute(_INSERT_VERSION, dict(
            case_id=case_id, version=version, snapshot_sha=sha, seen_at=seen, changed=changed, content=content,
        ))
        rows = records.children(page, case_id, version, content)
        for table in VERSIONED:
            if rows[table.name] and not (table is acts and self.extract_facts):
                conn.execute(_INSERT_CHILDREN[table.name], rows[table.name])
        if rows["acts"] and self.extract_facts:
            # the new acts' ids come back from the INSERT; their texts are already in hand
            ids = conn.execute(_INSERT_ACTS_IDS, rows["acts"]).scalars().all()
            new = [_NewAct(i, case_id, version, r["text"], r["text_sha"]) for i, r in zip(ids, rows["acts"], strict=True)]
            facts.extract_acts(conn, new, fresh=True,
                               known=facts.known_in_case(conn, case_id) if version > 1 else None)

    # -- source bookkeeping --------------------------------------------------------------------
    def mark_removed(self, court_code: str, number: str, instance: str, when: date | datetime) -> bool:
        """Record that the source no longer shows a case (kept, never deleted); False if unknown."""
        day = when.date() if isinstance(when, datetime) else when
        with self.engine.begin() as conn:
            updated = conn.execute(sa.update(cases).where(
                cases.c.court_code == court_code, cases.c.number == normalise_number(number),
                cases.c.instance == instance, cases.c.removed_from_source.is_(None),
            ).values(removed_from_source=day))
            if updated.rowcount:
                if self.run_id is not None:
                    gone = conn.execute(sa.select(cases.c.id, cases.c.court_code, cases.c.number, cases.c.instance)
                                        .where(cases.c.court_code == court_code,
                                               cases.c.number == normalise_number(number),
                                               cases.c.instance == instance)).one()
                    at = _utc_naive(when if isinstance(when, datetime) else None)
                    changes.record(conn, self.run_id, gone.id, gone._asdict(), [("removed", {})], at)
                return True
            return conn.execute(sa.select(cases.c.id).where(
                cases.c.court_code == court_code, cases.c.number == normalise_number(number),
                cases.c.instance == instance,
            )).first() is not None

    # -- schema ------------------------------------------------------------------------------
    def migrate(self, target: int | None = None) -> list[int]:
        return migrations.migrate(self.engine, target)

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return migrations.current_version(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(url: str | None = None, *, migrate: bool = True, extract_facts: bool = True) -> Store:
    """Open (and by default create or upgrade) the store at ``url``; default :func:`db.default_url`."""
    parsed = normalise_url(url or default_url())
    store = Store(make_engine(parsed), Archive(archive_dir_for(parsed)), extract_facts=extract_facts)
    if migrate:
        store.migrate()
    return store
