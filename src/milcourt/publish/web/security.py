"""The dashboard's security headers and link safety.

The Content-Security-Policy allows scripts from the package only, plus inline scripts by their
SHA-256 (the import map that wires Vega's CSP-safe expression interpreter, Swagger UI's start-up
script on /docs): no 'unsafe-eval', no 'unsafe-inline' scripts. Pages may not be framed
(``frame-ancestors 'none'`` and, for browsers that predate it, ``X-Frame-Options: DENY``).
Stored URLs come from crawled pages, so only http(s) ones ever become links.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from urllib.parse import urlsplit

# "vega-util" (the one import of the vendored vega-interpreter) → the functions of the vega bundle.
IMPORT_MAP = json.dumps({"imports": {"vega-util": "/static/vega-util-shim.js"}}, separators=(",", ":"))
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def script_hash(source: str) -> str:
    """The CSP source expression allowing one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of every inline script of a page (for a page we do not template, /docs)."""
    return [script_hash(body) for body in _INLINE_SCRIPT.findall(html)]


def content_security_policy(extra_scripts: list[str] | None = None) -> str:
    scripts = " ".join(["'self'", script_hash(IMPORT_MAP), *(extra_scripts or [])])
    return ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            f"script-src {scripts}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            "form-action 'self'")


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def is_web_url(value: object) -> bool:
    """An absolute http(s) URL with a host: only these are rendered as links."""
    if not isinstance(value, str) or any(ch.isspace() or ord(ch) < 32 for ch in value.strip()):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


__all__ = ["IMPORT_MAP", "SECURITY_HEADERS", "content_security_policy", "inline_script_hashes", "is_web_url",
           "script_hash"]
