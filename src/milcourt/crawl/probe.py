"""``milcourt crawl --probe COURT``: one search of one court, and everything that happened on the way.

A downloader middleware nearest the download (:class:`ProbeTrace`) writes down every request
sent (its role: search, captcha form, trial with a candidate answer), every answer (status, what
it was classified as) and saves the answer's bytes, so that a person can see why a real court
fails: a captcha the solver misreads, a pair that expires at once, a block, an unknown page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from milcourt.crawl.captcha.challenge import read_challenge
from milcourt.crawl.captcha.keeper import FORM_ROLE
from milcourt.crawl.captcha.solver import CaptchaImageError
from milcourt.crawl.pages import read_page
from milcourt.parse.detect import search_answer


@dataclass
class Trace:
    folder: Path
    steps: list[dict[str, Any]] = field(default_factory=list)


def classify(body: bytes, status: int, url: str) -> str:
    """What an answer is, in the crawler's words: a gate's kind, or the page kind."""
    gate = search_answer(body, status)
    if gate is not None:
        return gate
    try:
        return str(read_page(body, url).get("kind"))
    except ValueError as exc:
        return f"unreadable ({exc})"[:200]


class ProbeTrace:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @property
    def trace(self) -> Trace | None:
        """The spider's (settings are deep-copied by Scrapy: an object there would be a copy)."""
        return getattr(self.crawler.spider, "probe_trace", None)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProbeTrace:
        return cls(crawler)

    def _role(self, request: Request) -> str:
        role = str(request.meta.get("role", "?"))
        return "search (captcha answer tried)" if request.meta.get("captcha_trial") else role

    def process_request(self, request: Request) -> None:
        if self.trace is not None:
            self.trace.steps.append({"step": "request", "role": self._role(request), "url": request.url})

    def process_response(self, request: Request, response: Response) -> Response:
        if self.trace is not None:
            self.trace.folder.mkdir(parents=True, exist_ok=True)
            n = len(self.trace.steps)
            path = self.trace.folder / f"{n:03d}-{hashlib.sha256(response.body).hexdigest()[:10]}.html"
            path.write_bytes(response.body)
            self.trace.steps.append({"step": "answer", "role": self._role(request), "status": response.status,
                                     "classified": self._classify(request, response),
                                     "bytes": len(response.body), "saved": str(path)})
        return response

    def _classify(self, request: Request, response: Response) -> str:
        if request.meta.get("role") == FORM_ROLE and response.status == 200:
            try:
                return f"captcha form (captchaid {read_challenge(response.body).captchaid})"
            except CaptchaImageError as exc:
                return f"captcha form without a usable captcha: {exc}"
        return classify(response.body, response.status, response.url)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if self.trace is not None:
            self.trace.steps.append({"step": "error", "role": self._role(request), "url": request.url,
                                     "error": f"{type(exception).__name__}: {exception}"[:300]})
