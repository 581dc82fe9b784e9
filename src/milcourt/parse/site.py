"""Which court site a saved page came from, for making its relative links absolute.

A page fetched live has its URL (``base_url``). A saved page still names its court: the court's
e-mail is ``<site>@sudrf.ru`` for the site ``https://<site>.sudrf.ru`` (sudrf's convention, e.g.
``syktsud.komi@sudrf.ru``), and many pages link to their own ``/modules.php`` with an absolute
URL. Links to the portal's shared hosts (ej, files, counter) say nothing about the court.
"""

from __future__ import annotations

import re
from collections import Counter

_MAIL = re.compile(r"mailto:([a-z0-9][a-z0-9.\-]*)@sudrf\.ru", re.IGNORECASE)
_OWN_LINK = re.compile(r"https?://([a-z0-9][a-z0-9.\-]*\.sudrf\.ru)/modules\.php", re.IGNORECASE)
_SHARED_HOSTS = ("ej.", "files.", "counter.", "www.", "bsr.", "sudrf.ru")


def site_url(html: str) -> str | None:
    """``https://<court>.sudrf.ru/`` as revealed by the page, or None."""
    at = html.find("@sudrf.ru")
    while at >= 0:
        match = _MAIL.search(html, max(0, at - 80), at + 9)
        if match and match.group(1).lower() not in ("info", "support", "admin", "webmaster"):
            return f"https://{match.group(1).lower()}.sudrf.ru/"
        at = html.find("@sudrf.ru", at + 9)
    hosts: Counter[str] = Counter()
    at = html.find(".sudrf.ru/modules.php")
    while at >= 0:
        match = _OWN_LINK.search(html, max(0, at - 80), at + 21)
        if match and not match.group(1).lower().startswith(_SHARED_HOSTS):
            hosts[match.group(1).lower()] += 1
        at = html.find(".sudrf.ru/modules.php", at + 21)
    if hosts:
        return f"https://{hosts.most_common(1)[0][0]}/"
    return None
