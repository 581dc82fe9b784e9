"""The captcha fields of a sudrf search form, and a search URL carrying an answer.

The form (``name_op=sf``) holds ``<input name='captcha'>``, the image inline as
``<img src="data: image/png;base64, …">`` (with those spaces, as served) and a hidden
``captchaid`` of 26 characters [0-9a-v]. A search then is a GET of the form's fields plus
``captcha=<digits>&captchaid=<id>``; both the new (``srv_num``/``delo_id``) and the older
("vnkod") interfaces take the pair the same way.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from milcourt.crawl.captcha.solver import CaptchaImageError
from milcourt.crawl.pages import decode

_IMAGE = re.compile(r"""src\s*=\s*["']\s*data:\s*image/(?:png|gif|jpe?g)\s*;\s*base64\s*,\s*([^"']*)["']""", re.I)
_ID = re.compile(r"""<input[^>]*name\s*=\s*["']?captchaid["']?[^>]*>""", re.I)
_VALUE = re.compile(r"""value\s*=\s*["']?([^"'\s>]*)""", re.I)
PAIR_FIELDS = ("captcha", "captchaid")


@dataclass(frozen=True)
class Challenge:
    image: bytes
    captchaid: str


def read_challenge(page: bytes) -> Challenge:
    """The image and id on a search form; :class:`CaptchaImageError` when either is missing or broken."""
    html = decode(page)
    found = _IMAGE.search(html)
    if found is None:
        raise CaptchaImageError("the search form has no inline captcha image")
    try:
        image = base64.b64decode("".join(found.group(1).split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CaptchaImageError(f"the captcha image is not valid base64: {exc}") from exc
    field = _ID.search(html)
    value = _VALUE.search(field.group(0)) if field else None
    if value is None or not value.group(1):
        raise CaptchaImageError("the search form has no captchaid")
    return Challenge(image, value.group(1))


def with_pair(url: str, answer: str | None, captchaid: str | None) -> str:
    """``url`` with its captcha fields set to the pair (or removed when ``answer`` is None)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True, encoding="cp1251") if k.lower() not in PAIR_FIELDS]
    if answer is not None and captchaid is not None:
        query += [("captcha", answer), ("captchaid", captchaid)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, encoding="cp1251"), ""))


def pair_of(url: str) -> tuple[str, str] | None:
    """The (answer, captchaid) a search URL carries, if any."""
    query = {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True, encoding="cp1251")}
    if "captcha" in query and "captchaid" in query:
        return query["captcha"], query["captchaid"]
    return None


def form_url(search_url: str) -> str:
    """The search form of the register a results URL searches (``name_op=sf``, same server and register)."""
    parts = urlsplit(search_url)
    keep = ("name", "srv_num", "delo_id", "case_type", "new", "vnkod")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True, encoding="cp1251") if k.lower() in keep]
    query.insert(1 if query and query[0][0] == "name" else 0, ("name_op", "sf"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, encoding="cp1251"), ""))
