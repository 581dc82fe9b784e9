"""Serve the simulated court sites over HTTP on loopback, with the configured faults.

URL scheme (see docs/simulator.md): each court is its own site under a path prefix,
``http://127.0.0.1:P/<court code>/modules.php?name=sud_delo&...``, with every link on its pages
under that prefix. A request to ``/modules.php`` whose Host header is a court's real host name
(e.g. ``Host: bgvs.alt.sudrf.ru``) is served as that court too, with links at the site root, as
on the real site. ``/courts.json`` lists the courts served. Loopback only: the server refuses to
bind anything else.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from milcourt.simulate import forms, layout, pages
from milcourt.simulate.captcha import CaptchaDesk, Challenge, draw_captcha
from milcourt.simulate.evolve import World
from milcourt.simulate.faults import Action, FaultPlan
from milcourt.simulate.platform import PlatformGuard
from milcourt.simulate.population import Case, Population
from milcourt.simulate.registry import military_courts
from milcourt.simulate.search import instance_of, search

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SimulatedCourts:
    """The state behind the server: population, fault plan, indexes, counters."""

    def __init__(self, population: Population, plan: FaultPlan, row_limit: int = 100) -> None:
        self.population, self.plan, self.row_limit = population, plan, row_limit
        # every military court has a site; only the population's courts have cases on it
        self.courts = {c.code: c for c in military_courts()} | {c.code: c for c in population.courts}
        self.by_host = {c.host: c.code for c in self.courts.values() if c.host}
        self.cases: dict[str, list[Case]] = {code: [] for code in self.courts}
        self.cards: dict[tuple[str, int], Case] = {}
        self.docs: dict[tuple[str, int], Case] = {}
        for case in population.cases:
            self.add_case(case)
        cfg = plan.config
        self.desk = CaptchaDesk(seed=population.seed, refresh=cfg.captcha_refresh, lifetime=cfg.pair_lifetime)
        self.platform = PlatformGuard(cfg.platform_rate, cfg.platform_window, cfg.platform_failures,
                                      cfg.platform_block_seconds)
        #: court → corrupt | size | missing: its form shows a damaged captcha image (tests of bad input)
        self.captcha_damage: dict[str, str] = {}
        self.stats: Counter[str] = Counter()
        self.world: World | None = None  # an evolving world: each next crawl is a day later
        self.on_removable_served: Callable[[], None] | None = None  # e.g. persist the state

    def add_case(self, case: Case) -> None:
        """Put a case on its court's site (its searches, its card, its act)."""
        self.cases[case.court].append(case)
        self.cards[(case.court, case.case_id)] = case
        self.docs[(case.court, case.doc_id)] = case

    def evolve(self, world: World) -> None:
        """Let each ``/_sim/next-crawl`` move the sites on by a day (new, decided, acts, appeals, removals)."""
        world.on_new = self.add_case
        self.world = world

    def respond(self, court: str, root: str, query: str, client: str = "127.0.0.1") -> tuple[int, bytes, Action]:
        """(status, body, action) for a ``modules.php`` request to ``court`` from ``client``."""
        pairs = parse_qsl(query, keep_blank_values=True, encoding="cp1251")
        params = {k.lower(): v for k, v in pairs}
        op = params.get("name_op", "")
        kind = {"r": "search", "r_juid": "search", "case": "card", "doc": "doc"}.get(op, "form")
        name = self.courts[court].name
        if self.platform.arrive():  # the platform's block answers every court alike
            self.stats["platform_block"] += 1
            blocked = Action("platform_block", 429 if len(self.platform.times) % 4 == 0 else 200)
            return blocked.status, layout.unavailable_page(name), blocked
        action = self.plan.decide(court, kind)
        self.stats[action.kind] += 1
        if action.kind in ("down", "unavailable"):
            return action.status, layout.unavailable_page(name), action
        if action.kind == "error":
            return action.status, b"<html><body><h1>Service Unavailable</h1></body></html>", action
        delo_id = params.get("delo_id", "1540006")
        demands = court in self.plan.captcha_courts or action.kind == "captcha"
        if kind == "search" and demands:
            verdict = self.desk.check(court, params.get("captcha", ""), params.get("captchaid", ""))
            if verdict == "wrong":
                self.platform.failed()
                self.stats["captcha_wrong"] += 1
                content = layout.captcha_gate_content(root, delo_id, pages.new_param(delo_id))
                return 200, layout.module_page(name, pages.today(), delo_id, content), action
            if verdict == "expired":  # silently the form again, with a new image
                self.stats["pair_expired"] += 1
                return 200, forms.render_search_form(name, root, delo_id, self.desk.challenge(court, client)), action
        if kind == "card":
            return self._card(court, root, params, action)
        if kind == "doc":
            case = self.docs.get((court, _int(params.get("number"))))
            if case is None or case.act is None or self.plan.is_removed(case.key()):
                return 404, layout.module_page(name, pages.today(), delo_id, layout.error_content("Документ не найден")), action
            return 200, pages.render_doc(case, root), action
        if kind == "search":
            if op == "r_juid":
                pairs = [(k, v) for k, v in pairs if k.lower() != "judicial_uid"]
                pairs.append(("u1_case__JUDICIAL_UIDSS" if instance_of(delo_id) == "first" else "u2_case__JUDICIAL_UIDSS",
                              params.get("judicial_uid", "")))
            instance = instance_of(delo_id)
            pool = [c for c in self.cases[court] if c.instance == instance and not self.plan.is_removed(c.key())]
            found = search(pool, pairs, self.row_limit)
            if not found.rows:
                return 200, pages.render_no_results(name, delo_id), action
            body = pages.render_listing(court, name, root, delo_id, found.rows, found.total, found.page, found.pages,
                                        found.filters, early={c.key() for c in found.rows if self.plan.is_early(c.key())})
            return 200, body, action
        shows = court in self.plan.captcha_courts or court in self.plan.gates
        challenge = self._damaged(court, self.desk.challenge(court, client)) if shows else None
        return 200, forms.render_search_form(name, root, delo_id, challenge), action

    def _damaged(self, court: str, challenge: Challenge) -> Challenge:
        damage = self.captcha_damage.get(court)
        if damage == "corrupt":
            return replace(challenge, image=challenge.image[:40] + b"\x00garbage")
        if damage == "size":
            return replace(challenge, image=draw_captcha(challenge.answer, random.Random(0), size=(120, 40)))
        if damage == "missing":
            return replace(challenge, image=b"")
        return challenge

    def _card(self, court: str, root: str, params: dict[str, str], action: Action) -> tuple[int, bytes, Action]:
        case = self.cards.get((court, _int(params.get("case_id"))))
        name = self.courts[court].name
        if case is None or self.plan.is_removed(case.key()) or params.get("case_uid", case.case_uid) != case.case_uid:
            self.stats["not_found"] += 1
            return 404, layout.module_page(name, pages.today(), params.get("delo_id", ""),
                                           layout.error_content("Дело не найдено")), action
        if action.kind == "truncate":
            return 200, pages.render_card(case, root), action
        seen = self.plan.visit(case.key())
        if seen == 0 and case.key() in self.plan.removed and self.on_removable_served:
            self.on_removable_served()
        return 200, pages.render_card(case, root, early=self.plan.is_early(case.key())), action


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # quiet: the crawler logs
        return

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        sim = self.server.sim
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        if url.path == "/_sim/next-crawl" and sim.world is not None:  # an evolving world: one day on
            record = sim.world.advance()
            return self._send(200, json.dumps(record, ensure_ascii=False).encode(), "application/json")
        if url.path == "/_sim/next-crawl":  # simulation control: the site's next update
            gone = sim.plan.next_crawl()
            return self._send(200, json.dumps({"removed": [list(k) for k in gone]}, ensure_ascii=False).encode(),
                              "application/json")
        if url.path == "/courts.json":
            base = f"http://{self.headers.get('Host', '127.0.0.1')}"
            rows = [{"code": c.code, "name": c.name, "level": c.level, "parent": c.parent, "host": c.host,
                     "cases": len(sim.cases[c.code]), "url": f"{base}/{c.code}/"} for c in sim.courts.values()]
            return self._send(200, json.dumps(rows, ensure_ascii=False).encode(), "application/json")
        if parts and parts[0] in sim.courts:
            court, root, rest = parts[0], "/" + parts[0], parts[1:]
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            court, root, rest = sim.by_host.get(host, ""), "", parts
        if not court:
            index = "".join(f"<li><a href='/{c}/modules.php?name=sud_delo'>{c}</a></li>" for c in sim.courts)
            return self._send(200 if not parts else 404, layout.encode(
                f"<html><head>{layout.SYNTHETIC_META}</head><body><ul>{index}</ul></body></html>"))
        if rest not in ([], ["modules.php"]):
            return self._send(404, layout.encode("<html><body>Not found</body></html>"))
        query = url.query or "name=sud_delo"
        status, body, action = sim.respond(court, root, query, self.client_address[0])
        if action.delay:
            time.sleep(action.delay)
        self._send(status, body, truncate=action.kind == "truncate")

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=windows-1251",
              truncate: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Milcourt-Synthetic", "1")
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if truncate else body)
        if truncate:
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a crawler opens many connections at once
    sim: SimulatedCourts


class CourtServer:
    """A running simulator: ``start()`` in a background thread, ``url``, ``stop()``."""

    def __init__(self, sim: SimulatedCourts, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in LOOPBACK:
            raise ValueError(f"the simulator serves on loopback only, not on {host!r}")
        self.httpd = _Server((host, port), _Handler)
        self.httpd.sim = sim
        self.sim = sim
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> CourtServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True, name="milcourt-sim")
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
