"""Natural keys of a case card: court code, case number, instance, and the proceeding link keys.

A card is identified by (court code, case number, instance). These rules decide each part from what
the card shows, so that the same card always gets the same key, whatever order pages arrive in.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from milcourt.courts.registry import LEVELS
from milcourt.store import courtref

#: A sudrf case UID: court code (2 region digits, 2 letters, 4 digits), then kind, year, number, check.
UID_RE = re.compile(r"\b(\d{2}[A-ZА-Я]{2}\d{4})-\d{2}-\d{4}-\d{6}-\d{2}\b", re.ASCII)
_UID_HINT = re.compile(r"-\d{2}-\d{4}-\d{6}-", re.ASCII)  # cheap pre-check before UID_RE on long acts
_NUMBER_PREFIX_RE = re.compile(r"^\s*(\d+)\s*([А-ЯA-Zа-яa-z]*)\s*-")

# Court type letters in a court code (positions 3-4) and the level of court they stand for, named as
# in the courts registry (docs/courts.md); MS (magistrates) is not in the registry.
_LEVEL_BY_TYPE = {**LEVELS, "MS": "magistrate"}  # the registry's levels, plus magistrates' sites
# Case number prefixes (digits + letters before the first "-") that name the instance outright.
# 10-/11- are appeals against magistrates' judgments heard in district courts; 22-/33-/66- are appeals
# heard in regional and district military courts; 7У-/8Г-/16-/77-/88-/4У-/4Г-/44У-/44Г- are cassation.
_APPEAL_PREFIXES = {"10", "11", "22", "33", "66", "22К", "22А", "33А", "66А"}
_CASSATION_PREFIXES = {"7У", "8Г", "8А", "16", "77", "88", "88А", "4У", "4Г", "44У", "44Г", "4А"}


def canonical_uid(uid: str | None) -> str | None:
    """The UID upper-cased without spaces, or None when the card shows none."""
    if not uid:
        return None
    text = re.sub(r"\s+", "", uid).upper()
    return text or None


def uids_in_text(text: str | None) -> list[str]:
    """Every case UID printed in a text (acts cite the UID of the matter they decide)."""
    if not text or not _UID_HINT.search(text):
        return []
    return sorted({m.group(0).upper() for m in UID_RE.finditer(text)})


def court_level(court_code: str | None) -> str | None:
    """The registry's level for a court code (garrison, district, appeal, cassation, rayon, …), or None."""
    if not court_code or len(court_code) < 4:
        return None
    return _LEVEL_BY_TYPE.get(court_code[2:4].upper())


def court_code_for(uid: str | None, url: str | None, source: str | None) -> tuple[str, str]:
    """(court code, how it was found) for a card.

    The site that published the card is the court that holds it, so a URL's host (resolved through
    the courts registry) wins; then the UID prefix (on a first-instance card that is its own court;
    on appeal and cassation cards it is the court of origin, see docs/schema.md); then a URL given
    as the source; else ``UNKNOWN``.
    """
    for kind, candidate in (("url", url), ("source", source)):
        if candidate and "://" in candidate:
            parts = urlsplit(candidate)
            code = courtref.code_for_host(parts.hostname or "") or _code_in_path(parts.path)
            if code:
                return code, kind
    cuid = canonical_uid(uid)
    if cuid:
        match = re.match(r"^(\d{2}[A-ZА-Я]{2}\d{4})", cuid)
        if match:
            return match.group(1), "uid"
    return "UNKNOWN", "unknown"


def _code_in_path(path: str) -> str | None:
    """A court site mirrored under a path prefix (``/61OV0000/modules.php``, as the simulator and
    archive mirrors serve them): the prefix, when it is a court of the registry."""
    match = re.match(r"^/(\d{2}[A-Z]{2}\d{4})/", path)
    if match and courtref.name_for_code(match.group(1)):
        return match.group(1)
    return None


def number_prefix(number: str | None) -> str | None:
    match = _NUMBER_PREFIX_RE.match(number or "")
    if not match:
        return None
    return (match.group(1) + match.group(2)).upper()


def derive_instance(court_code: str | None, number: str | None, lower_court: Any) -> str:
    """first|appeal|cassation for a card, from the court's level, the number's prefix, the lower court."""
    level = court_level(court_code)
    if level in ("cassation", "cassation_general"):
        return "cassation"
    if level in ("appeal", "appeal_general"):
        return "appeal"
    prefix = number_prefix(number)
    if prefix in _CASSATION_PREFIXES:
        return "cassation"
    if prefix in _APPEAL_PREFIXES:
        return "appeal"
    if lower_court:
        return "appeal"
    return "first"


def normalise_number(number: str | None) -> str:
    """A case number as a key: the part before " ~ " or a bracket, no inner spaces, upper case."""
    text = (number or "").split("~")[0].split("(")[0]
    return re.sub(r"\s+", "", text).upper()


def link_keys(card: dict[str, Any]) -> list[str]:
    """The keys a stored card shares with the other instances of its matter.

    ``uid:`` the card's UID and every UID printed in its acts; ``case:`` the card itself as (court
    code, normalised number) and the lower-court case it reviews when the printed court name
    resolves to one court; ``lower:`` the lower-court case as printed (name with its city, number),
    which joins the appeal and cassation cards of a lower case whose court the registry cannot
    name unambiguously ("Промышленный районный суд г. Ставрополя": several courts share the name).
    """
    keys: set[str] = set()
    if card.get("uid"):
        keys.add("uid:" + card["uid"])
    for uid in card.get("act_uids", ()):
        keys.add("uid:" + uid)
    number = normalise_number(card.get("number"))
    if number and card.get("court_code") not in (None, "", "UNKNOWN"):
        keys.add(f"case:{card['court_code']}|{number}")
    lower_number = normalise_number(card.get("lower_number"))
    if lower_number and card.get("lower_court"):
        code = courtref.code_for_name(card["lower_court"])
        if code:
            keys.add(f"case:{code}|{lower_number}")
        keys.add(f"lower:{courtref.printed_name_key(card['lower_court'])}|{lower_number}")
    return sorted(keys)
