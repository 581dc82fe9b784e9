"""The downloader middleware that gets a crawl past the sites' captchas, one host at a time.

Per host (court site) it keeps one *pair* (answer, captchaid) and puts it on every search of
that host. When a search comes back with the captcha's error (wrong or missing code) or the
search form again (the pair expired), the keeper:

1. drops the pair, holds that search and every later search of the host in a queue;
2. fetches the search form (``name_op=sf``), reads the inline image and ``captchaid``;
3. asks the solver for candidate answers and tries the first on one held search;
4. on results: keeps the pair, files the image under the answer in the corpus, and lets every
   held search go with the pair; on rejection: tries the next candidate (the site keeps the
   same image after a wrong answer), and when none is left backs the host off and fetches the
   form again later; after ``MILCOURT_CAPTCHA_ROUNDS`` rounds the host is given up.

Other hosts go on meanwhile. Case cards and acts have no captcha and pass untouched. An
expired-pair answer never reaches the spider, so it is never read as "no cases found".
With ``--captcha off`` the keeper stands aside and a gate is backed off and recorded, as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response
from twisted.internet import threads

from milcourt.crawl.captcha.challenge import Challenge, form_url, pair_of, read_challenge, with_pair
from milcourt.crawl.captcha.corpus import CaptchaCorpus
from milcourt.crawl.captcha.solver import CaptchaImageError, Solver
from milcourt.crawl.middlewares import RESCHEDULED, Delayer, backoff_seconds
from milcourt.parse.detect import search_answer

log = logging.getLogger(__name__)
FORM_ROLE = "captcha_form"


@dataclass
class HostCaptcha:
    """One host's captcha state: ``open`` (no captcha met, or a working pair), ``solving`` (form
    asked for or answer awaited), ``trying`` (a candidate out on one search), ``given_up``."""

    court: str
    state: str = "open"
    pair: tuple[str, str] | None = None
    held: list[Request] = field(default_factory=list)
    challenge: Challenge | None = None
    candidates: list[str] = field(default_factory=list)
    tried: int = 0  # answers tried since the captcha was met
    rounds: int = 0  # forms fetched since the captcha was met
    form_request: Request | None = None


class CaptchaKeeper:
    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.mode = s.get("MILCOURT_CAPTCHA", "auto")
        self.rounds = s.getint("MILCOURT_CAPTCHA_ROUNDS", 3)
        self.gate_base = s.getfloat("MILCOURT_GATE_BACKOFF_BASE", 60.0)
        self.gate_cap = s.getfloat("MILCOURT_GATE_BACKOFF_MAX", 1800.0)
        self.hosts: dict[str, HostCaptcha] = {}
        self.asking = 0  # operator answers awaited
        crawler.signals.connect(self._idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CaptchaKeeper:
        return cls(crawler)

    # -- the spider's pieces ------------------------------------------------------------
    @property
    def spider(self) -> Any:
        return self.crawler.spider

    @property
    def solver(self) -> Solver | None:
        return getattr(self.spider, "captcha_solver", None)

    @property
    def corpus(self) -> CaptchaCorpus:
        return CaptchaCorpus(self.spider.archive.root / "captcha")

    def _host(self, court: str) -> HostCaptcha:
        return self.hosts.setdefault(court, HostCaptcha(court))

    def _idle(self) -> None:
        """Keep the crawl open while an operator is asked; give up a host whose flow stalled
        (its form or trial request was lost to errors with nothing left to wait for)."""
        if self.asking:
            raise DontCloseSpider
        if Delayer.for_crawler(self.crawler).pending:
            return
        for host in self.hosts.values():
            if host.state in ("solving", "trying"):
                # its form or trial request was lost (an error with no retry left, or dropped on
                # the way): ask again while rounds are left, so the crawl does not stall on it
                self._back_off(host, "captcha flow interrupted: the form or the trial search failed")
                if host.state != "given_up":
                    raise DontCloseSpider

    def _active(self) -> bool:
        return self.mode != "off" and self.solver is not None

    # -- requests -----------------------------------------------------------------------
    def process_request(self, request: Request) -> Request | None:
        if not self._active() or request.meta.get("role") != "search" or request.meta.get("captcha_trial"):
            return None
        host = self._host(str(request.meta.get("court", "?")))
        if host.state == "given_up":
            self.spider.report.blocked(host.court, "captcha", request.url, given_up=True)
            raise IgnoreRequest("given up: captcha not solved")
        if host.state in ("solving", "trying"):
            host.held.append(request.replace(dont_filter=True))
            raise IgnoreRequest(RESCHEDULED)
        if host.pair is not None and pair_of(request.url) != host.pair:
            return request.replace(url=with_pair(request.url, *host.pair), dont_filter=True)
        return None

    # -- responses ----------------------------------------------------------------------
    def process_response(self, request: Request, response: Response) -> Response | Request:
        if not self._active():
            return response
        if "replayed" in response.flags:
            # a resumed run: this exact search, pair included, was answered with results before
            carried = pair_of(request.url)
            if request.meta.get("captcha_trial") and carried is not None:
                self._accepted(self._host(str(request.meta.get("court", "?"))), carried)
            return response
        role = request.meta.get("role")
        if role == FORM_ROLE:
            return self._form(request, response)
        if role != "search":
            return response
        answer = search_answer(response.body, response.status)
        host = self._host(str(request.meta.get("court", "?")))
        carried = pair_of(request.url)
        if answer not in ("wrong_code", "expired"):
            if request.meta.get("captcha_trial") and answer is None and carried is not None:
                self._accepted(host, carried)
            return response  # content, or a block / outage the backoff middleware handles
        report = self.spider.report
        tally = report.tally(host.court)
        if request.meta.get("captcha_trial") and host.state == "trying":
            return self._rejected(host, request, carried)
        if carried is not None and carried == host.pair:
            tally.pairs_expired += 1  # it opened searches before: its time is up
            host.pair = None
        host.held.append(request.replace(dont_filter=True))
        if host.state == "open":
            tally.captchas += 1
            host.rounds = host.tried = 0
            self._ask_form(host, request)
        raise IgnoreRequest(RESCHEDULED)

    # -- the flow -----------------------------------------------------------------------
    def _ask_form(self, host: HostCaptcha, search: Request, wait: float = 0.0) -> None:
        host.state = "solving"
        host.rounds += 1
        meta = {"court": host.court, "role": FORM_ROLE, "download_slot": search.meta.get("download_slot"),
                "dont_replay": True, "no_replay": True}
        if "proxy" in search.meta:
            meta["proxy"] = search.meta["proxy"]
        headers = {"Host": search.headers["Host"]} if b"Host" in search.headers else None
        form = Request(form_url(search.url), meta=meta, headers=headers, dont_filter=True, priority=50,
                       callback=_ignore, errback=self._form_failed)
        host.form_request = form
        if wait > 0:
            Delayer.for_crawler(self.crawler).later(form, wait)
        else:
            self._send(form)

    def _send(self, request: Request) -> None:
        engine = self.crawler.engine
        if engine is not None and engine.running:
            engine.crawl(request)

    def _form(self, request: Request, response: Response) -> Response:
        host = self._host(str(request.meta.get("court", "?")))
        if response.status != 200:
            return response  # 5xx and the like: the backoff middleware retries the form
        try:
            challenge = read_challenge(response.body)
        except CaptchaImageError as exc:
            answer = search_answer(response.body, response.status)
            if answer == "platform_block":
                return response  # not the form but the platform's block: backed off as such
            self._give_up(host, f"captcha form of {request.url}: {exc}")
            raise IgnoreRequest("captcha form unreadable") from exc
        host.challenge = challenge
        solver = self.solver
        assert solver is not None
        if solver.by_hand:  # the operator may take minutes: other courts go on meanwhile
            self.asking += 1
            d = threads.deferToThread(solver.solve, challenge.image, court=host.court)
            d.addBoth(self._asked)
            d.addCallbacks(lambda answers: self._answers(host, answers),
                           lambda failure: self._solver_failed(host, failure.value))
        else:
            try:
                answers = solver.solve(challenge.image, court=host.court)
            except Exception as exc:  # any solver failure is this court's error, not the crawl's
                self._solver_failed(host, exc)
            else:
                self._answers(host, answers)
        raise IgnoreRequest(RESCHEDULED)

    def _asked(self, result: Any) -> Any:
        self.asking -= 1
        return result

    def _solver_failed(self, host: HostCaptcha, exc: BaseException) -> None:
        kind = "captcha image" if isinstance(exc, CaptchaImageError) else "captcha solver"
        self._give_up(host, f"{kind} failed: {type(exc).__name__}: {exc}"[:300])

    def _answers(self, host: HostCaptcha, answers: list[str]) -> None:
        host.candidates = list(answers)
        if not host.candidates:
            self._back_off(host, "no 5-digit reading of the captcha")
            return
        self._try_next(host)

    def _try_next(self, host: HostCaptcha) -> None:
        """Put the next candidate on one held search (the others wait for the verdict)."""
        if not host.held:
            host.state = "open"
            return
        assert host.challenge is not None
        answer = host.candidates.pop(0)
        host.tried += 1
        host.state = "trying"
        first = host.held.pop(0)
        trial = first.replace(url=with_pair(first.url, answer, host.challenge.captchaid), dont_filter=True)
        trial.meta["captcha_trial"] = True
        self._send(trial)

    def _rejected(self, host: HostCaptcha, request: Request, carried: tuple[str, str] | None) -> Request:
        if carried is not None and host.challenge is not None:
            self.corpus.keep(host.challenge.image, carried[0], accepted=False, court=host.court,
                             captchaid=carried[1], by=self._who())
        held = request.replace(url=with_pair(request.url, None, None), dont_filter=True)
        held.meta.pop("captcha_trial", None)
        host.held.insert(0, held)
        if host.candidates:
            self._try_next(host)
        else:
            self._back_off(host, "every reading of the captcha was rejected")
        raise IgnoreRequest(RESCHEDULED)

    def _back_off(self, host: HostCaptcha, reason: str) -> None:
        if host.rounds >= self.rounds:
            self._give_up(host, f"{reason}, {host.rounds} time(s)")
            return
        log.info("%s: %s; asking for the form again later", host.court, reason)
        self.spider.report.tally(host.court).events.append(
            {"kind": "captcha_backoff", "at": datetime.now(UTC).isoformat(timespec="seconds"), "reason": reason})
        first = host.held[0] if host.held else host.form_request
        assert first is not None
        self._ask_form(host, first, wait=backoff_seconds(host.rounds, self.gate_base, self.gate_cap))

    def _accepted(self, host: HostCaptcha, pair: tuple[str, str]) -> None:
        tally = self.spider.report.tally(host.court)
        if self._who() == "operator":
            tally.captcha_by_hand += 1
        elif host.tried == 1:
            tally.captcha_first_try += 1
        else:
            tally.captcha_retried += 1
        if host.challenge is not None:
            self.corpus.keep(host.challenge.image, pair[0], accepted=True, court=host.court,
                             captchaid=pair[1], by=self._who())
        host.pair, host.state, host.candidates = pair, "open", []
        held, host.held = host.held, []
        for request in held:
            self._send(request)  # the pair is put on each as it goes out

    def _give_up(self, host: HostCaptcha, reason: str) -> None:
        """No answer for this host: its held searches fail with the reason; later ones are refused."""
        report = self.spider.report
        host.state = "given_up"
        report.tally(host.court).captcha_given_up += 1
        held, host.held = host.held, []
        url = host.form_request.url if host.form_request is not None else ""
        report.failed(host.court, url, reason)
        for request in held:
            report.blocked(host.court, "captcha", request.url, given_up=True)
            instance = request.meta.get("instance")
            if instance:
                self.spider.mark_incomplete(host.court, instance)
            self.spider.request_done(host.court)

    def _form_failed(self, failure: Any) -> None:
        if failure.check(IgnoreRequest) and RESCHEDULED in str(failure.value):
            return
        request = failure.request
        host = self._host(str(request.meta.get("court", "?")))
        if host.state == "solving":
            self._give_up(host, f"captcha form not fetched: {failure.value!r}"[:300])

    def _who(self) -> str:
        solver = self.solver
        return "operator" if solver is not None and solver.by_hand else "ocr"


def _ignore(response: Response) -> None:
    """The form's answer is consumed by the keeper; nothing reaches the spider."""
