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
    for local in _MAIL.findall(html):
        if local.lower() not in ("info", "support", "admin", "webmaster"):
            return f"https://{local.lower()}.sudrf.ru/"
    hosts = Counter(
        host.lower() for host in _OWN_LINK.findall(html) if not host.lower().startswith(_SHARED_HOSTS)
    )
    if hosts:
        return f"https://{hosts.most_common(1)[0][0]}/"
    return None
