"""A fake court site on 127.0.0.1 serving the real fixture pages, and a crawl runner for tests.

The site (court 54GV0003 by path prefix) answers the search with the real listing
``ksoyu_listing_acts.html`` (25 rows, a "next page" link) and its page 2 with the real v4
listing ``samara_kas_appeal_uid_results.html`` (1 row, no next page); each case card link with
one of the four real card pages. Faults on chosen cards: a captcha gate first, "temporarily
unavailable" twice, HTTP 503 once, a truncated body once. Every request is logged.

``python tests/fake_court.py --base-url … --archive … --sink …`` runs one crawl in its own
process (Scrapy's reactor cannot restart) with a recording store: this is a test sink for the
spider's behaviour, not the real store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

CARDS = ["leninsky_ufa_criminal.html", "ksoyu_card_criminal.html", "sgs_1inst.html", "kirov_koap.html"]
CAPTCHA_FIRST = "18216633"  # second row: a captcha gate on the first visit
UNAVAILABLE_TWICE = "18216606"  # third row: "temporarily unavailable" twice
HTTP503_ONCE = "18216488"  # fourth row: 503 once
TRUNCATED_ONCE = "45090185"  # the page-2 row: its card cut short once


class FakeCourt:
    def __init__(self, fixtures: Path, code: str = "54GV0003") -> None:
        self.fixtures = fixtures
        self.code = code
        self.log: list[str] = []
        self.hits: Counter[str] = Counter()
        self.removed_case: str | None = None  # a case that vanished from the listing
        # page 2 is another court's real listing: its count is set to page 1's so the two read
        # as one list; None keeps its own count (1), as if the list changed between the pages
        self.page2_total: int | None = 530
        self.lock = threading.Lock()
        court = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                status, body, declared = court.answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=windows-1251")
                self.send_header("Content-Length", str(declared or len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeCourt:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, name: str) -> bytes:
        return (self.fixtures / name).read_bytes()

    def answer(self, path: str) -> tuple[int, bytes, int]:
        parts = urlsplit(path)
        q = dict(parse_qsl(parts.query, keep_blank_values=True, encoding="windows-1251"))
        with self.lock:
            self.log.append(path)
        if not parts.path.startswith(f"/{self.code}/modules.php"):
            return 404, b"<html><body>Not found</body></html>", 0
        op = q.get("name_op")
        if op == "r":
            if q.get("page", "1") == "1":
                body = self.page("ksoyu_listing_acts.html")
                if self.removed_case:
                    text = body.decode("utf-8")
                    text = re.sub(r"<tr valign=\"top\"(?:(?!</tr>).)*case_id=" + self.removed_case + r".*?</tr>",
                                  "", text, flags=re.S)
                    body = text.encode("utf-8")
                return 200, body, 0
            body = self.page("samara_kas_appeal_uid_results.html")
            if self.page2_total is not None:
                body = body.replace("найдено - <b>1</b>".encode(), f"найдено - <b>{self.page2_total}</b>".encode())
            return 200, body, 0
        if op == "case":
            case_id = q.get("case_id") or q.get("_id") or "0"
            with self.lock:
                self.hits[case_id] += 1
                n = self.hits[case_id]
            if case_id == CAPTCHA_FIRST and n == 1:
                return 200, self.page("ksoyu_listing_captcha_gate.html"), 0
            if case_id == UNAVAILABLE_TWICE and n <= 2:
                return 200, self.page("ksoyu_temporarily_unavailable.html"), 0
            if case_id == HTTP503_ONCE and n == 1:
                return 503, b"<html><body>Service Unavailable</body></html>", 0
            body = self.page(CARDS[int(case_id) % len(CARDS)])
            if case_id == TRUNCATED_ONCE and n == 1:
                return 200, body[: len(body) // 2], len(body)  # Content-Length promises more: cut off
            return 200, body, 0
        return 404, b"<html><body>Not found</body></html>", 0


class RecordingStore:
    """Test sink with the store's ingest_page/mark_removed signature; appends a line per call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: set[str] = set()
        if path.exists():
            for line in path.read_text().splitlines():
                row = json.loads(line)
                if row["call"] == "ingest":
                    self.seen.add(row["url"])

    def _write(self, row: dict[str, Any]) -> None:
        with self.path.open("a") as fh:
            fh.write(json.dumps(row) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def ingest_page(self, data: bytes, *, source: str, url: str | None = None, fetched_at: Any = None,
                    synthetic: bool = False) -> Any:
        from milcourt.crawl.pages import read_page
        from milcourt.store import IngestResult

        kind = read_page(data, url or source)["kind"]
        if kind != "case_card":
            raise ValueError(f"{source}: not a case card ({kind})")
        status = "unchanged" if url in self.seen else "new"
        self.seen.add(str(url))
        self._write({"call": "ingest", "url": url, "kind": kind, "bytes": len(data), "synthetic": synthetic,
                     "status": status})
        return IngestResult(source, hashlib.sha256(data).hexdigest(), kind, status)

    def ingest_act(self, data: bytes, *, source: str, case_url: str | None, url: str | None = None,
                   fetched_at: Any = None, synthetic: bool = False) -> Any:
        from milcourt.crawl.pages import read_page
        from milcourt.store import IngestResult

        kind = read_page(data, url or source)["kind"]
        if kind != "act":
            raise ValueError(f"{source}: expected an act page, got {kind}")
        self._write({"call": "act", "url": url, "case_url": case_url, "bytes": len(data)})
        return IngestResult(source, hashlib.sha256(data).hexdigest(), kind, "updated")

    def mark_removed(self, court_code: str, number: str, instance: str, when: Any) -> None:
        self._write({"call": "removed", "court": court_code, "number": number, "instance": instance})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--archive", required=True, type=Path)
    ap.add_argument("--sink", required=True, type=Path)
    ap.add_argument("--summary", required=True, type=Path)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--rate", type=float, default=50.0)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from milcourt.crawl.courts import select_courts
    from milcourt.crawl.runner import CrawlOptions, run_crawl

    opts = CrawlOptions(
        court_list=select_courts("54GV0003"), articles=["337"], instance="first", archive=args.archive,
        resume=args.resume, rate=args.rate, base_url=args.base_url, progress=False,
        # its gate clears by itself and it has no captcha form: the backoff path is under test
        captcha="off", platform_rate=1000.0, platform_pause=0.1,
        settings={"MILCOURT_BACKOFF_BASE": 0.05, "MILCOURT_GATE_BACKOFF_BASE": 0.1, "DOWNLOAD_TIMEOUT": 5,
                  "AUTOTHROTTLE_ENABLED": False})
    report = run_crawl(opts, store=RecordingStore(args.sink))
    args.summary.write_text(json.dumps(report.summary(), default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
