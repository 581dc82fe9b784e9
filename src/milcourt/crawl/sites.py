"""Where a court's site is reached: its real host, or a local simulator (``--base-url``).

A simulator serves every court behind one address, either by path prefix
(``http://127.0.0.1:P/<CODE>/modules.php?…``) or by Host header (the request goes to
``http://127.0.0.1:P/modules.php?…`` with ``Host: bgvs.alt.sudrf.ru``). Pages link with
site-absolute paths (``/modules.php?…``), so every followed link is put back under the
court's root by :meth:`Site.rebase`; the spider code is the same for real and simulated sites.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from milcourt.crawl.courts import CourtSite


@dataclass(frozen=True)
class Site:
    court: CourtSite
    root: str  # scheme://host[:port][/prefix] without a trailing slash
    host_header: str | None = None  # set in Host-header mode

    @property
    def host(self) -> str:
        """The court's host name (the Host header in host mode)."""
        return self.host_header or urlsplit(self.root).netloc

    @property
    def slot(self) -> str:
        """The Scrapy download slot: one per court site, so the politeness limits (delay, one
        request at a time) apply per court, also when a simulator serves many courts at one
        address by path prefix."""
        return self.host_header or self.root.split("://", 1)[-1]

    def rebase(self, url: str) -> str:
        """Put a link found on this site's pages back under its root (prefix kept)."""
        root = urlsplit(self.root)
        parts = urlsplit(url)
        prefix = root.path.rstrip("/")
        path = parts.path or "/"
        if parts.netloc and parts.netloc != root.netloc and parts.netloc != urlsplit(self.court.website).netloc:
            return url  # another host (e.g. files.sudrf.ru): leave it
        if prefix and not path.startswith(prefix + "/"):
            path = prefix + path
        return urlunsplit((root.scheme, root.netloc, path, parts.query, ""))


def site_for(court: CourtSite, base_url: str | None = None, mode: str = "path") -> Site:
    """The court's site: its registry website, or under ``base_url`` by ``path`` prefix or ``host`` header."""
    if not base_url:
        return Site(court, court.website.rstrip("/"))
    base = base_url.rstrip("/")
    if mode == "host":
        return Site(court, base, host_header=urlsplit(court.website).netloc)
    if mode != "path":
        raise ValueError(f"unknown simulator addressing {mode!r}: use path or host")
    return Site(court, f"{base}/{court.code}")
