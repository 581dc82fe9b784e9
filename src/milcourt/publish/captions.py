"""One sentence in plain words under each chart, with its main number, from the chart's own rows.

A caption is computed from the same query as the chart it sits under (plus, where it needs
one, a count by year and court from the same store), so the sentence and the picture can never
disagree. Each function returns a sentence, or "" when the rows give nothing to say.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from milcourt.publish.labels import SENTENCE_KINDS, SERVICE_BASIS, court_name, motive_label

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def count(n: int, word: str, plural: str | None = None) -> str:
    """'1 court', '3 courts', '1,204 cases'."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def _change(now: int, before: int) -> str:
    if not before:
        return ""
    delta = (now - before) / before
    if abs(delta) < 0.005:
        return "as many as"
    return f"{abs(delta):.0%} {'more' if delta > 0 else 'fewer'} than"


def per_year(rows: list[dict[str, Any]], courts_by_year: dict[int, int], courts_total: int,
             what: str = "first-instance case") -> str:
    """'In 2024 milcourt counted 812 first-instance cases under art. 337, 23% more than in 2023, from 41 of 111 courts.'"""
    by_article: Counter[str] = Counter()
    for r in rows:
        by_article[str(r.get("article") or "")] += int(r["n"])
    if not by_article:
        return ""
    article = "337" if by_article.get("337") else by_article.most_common(1)[0][0]
    years: dict[int, Counter[int]] = defaultdict(Counter)
    for r in rows:
        if str(r.get("article")) == article and r.get("month"):
            year, month = (int(x) for x in str(r["month"]).split("-"))
            years[year][month] += int(r["n"])
    if not years:
        return ""
    last = max(years)
    months = sorted(years[last])
    partial = months[-1] < 12
    n = sum(years[last].values())
    until = (" (January)" if months[-1] == 1 else f" (January–{MONTHS[months[-1] - 1]})") if partial else ""
    sentence = f"In {last}{until} milcourt counted {count(n, what)} under art. {article}"
    if last - 1 in years:
        before = sum(v for m, v in years[last - 1].items() if not partial or m <= months[-1])
        change = _change(n, before)
        if change:
            sentence += f", {change} in {'the same months of ' if partial else ''}{last - 1}"
    courts = courts_by_year.get(last)
    if courts:
        sentence += f", from {courts} of {courts_total} military courts"
    return sentence + "."


def top_court(rows: list[dict[str, Any]], field: str, what: str = "first-instance case") -> str:
    """'Most cases (212 of 940, 23%) were heard at the Московский гарнизонный военный суд; 38 courts had any.'"""
    counted = [(int(r["n"]), r[field]) for r in rows if r.get(field)]
    if not counted:
        return ""
    total = sum(n for n, _ in counted)
    n, code = max(counted, key=lambda item: item[0])
    if field == "district":
        return (f"Of {count(total, what)}, {n:,} ({_pct(n, total)}) came from courts of the "
                f"{court_name(code)} district; {count(len(counted), 'district')} in all.")
    return (f"The busiest court was the {court_name(code)} with {n:,} of {count(total, what)} "
            f"({_pct(n, total)}); {count(len(counted), 'court')} had at least one.")


def shares(rows: list[dict[str, Any]], field: str, what: tuple[str, str], names: dict[str, str]) -> str:
    """'Of 310 sentences read from act texts, 58% were prison, 27% suspended prison terms.'"""
    tally: Counter[str] = Counter()
    for r in rows:
        if r.get(field):
            tally[str(r[field])] += int(r["n"])
    if not tally:
        return ""
    total = sum(tally.values())
    top = ", ".join(f"{_pct(n, total)} {names.get(k, k)}" for k, n in tally.most_common(2))
    return f"Of {count(total, what[0], what[1])}, {top}."


def sentence_kinds(rows: list[dict[str, Any]]) -> str:
    return shares(rows, "sentence_kind", ("first-instance sentence read from act texts",
                                          "first-instance sentences read from act texts"), SENTENCE_KINDS)


def service_basis(rows: list[dict[str, Any]]) -> str:
    return shares(rows, "service_basis", ("defendant whose act states how he served",
                                          "defendants whose act states how they served"), SERVICE_BASIS)


def motives(rows: list[dict[str, Any]]) -> str:
    counted = sorted(((int(r["n"]), r["motive"]) for r in rows if r.get("motive")), reverse=True)
    if not counted:
        return ""
    n, top = counted[0]
    return (f"Acts give {count(len(counted), 'kind')} of reason; the most frequent is “{motive_label(top)}”, in "
            f"{count(n, 'case')} (a case may give several).")


def terms(rows: list[dict[str, Any]]) -> str:
    with_terms = [r for r in rows if r.get("term_n")]
    if not with_terms:
        return ""
    r = max(with_terms, key=lambda row: (row.get("year") or 0, row["term_n"]))
    part = f" part {r['part']}" if r.get("part") else ""
    return (f"In {r.get('year')}, the median prison term under art. {r.get('article')}{part} was "
            f"{r['term_median_months']:g} months, from {count(r['term_n'], 'sentence')} with a term.")


def suspended(rows: list[dict[str, Any]]) -> str:
    shown = [r for r in rows if r.get("share_suspended") is not None and r.get("sentenced")]
    if not shown:
        return ""
    last = shown[-1]
    sentence = (f"In {last['quarter']}, {last['share_suspended']:.0%} of {count(last['sentenced'], 'sentence')} "
                "read from act texts were suspended")
    if len(shown) > 1:
        sentence += f" ({shown[-2]['share_suspended']:.0%} in {shown[-2]['quarter']})"
    return sentence + "."


def absence(rows: list[dict[str, Any]]) -> str:
    shown = [r for r in rows if r.get("absence_median_days") is not None]
    if not shown:
        return ""
    r = max(shown, key=lambda row: row["n"])
    part = f" part {r['part']}" if r.get("part") else ""
    return (f"Under art. {r['article']}{part}, the commonest charge here, the median absence lasted "
            f"{r['absence_median_days']:g} days (from the act texts that state both its first and last day).")


def appeals(rows: list[dict[str, Any]]) -> str:
    shown = [r for r in rows if r.get("appeals")]
    if not shown:
        return ""
    r = shown[-1]
    return (f"In {r['year']}, of {count(r['appeals'], 'appeal ruling')} milcourt could read, "
            f"{r.get('share_upheld') or 0:.0%} upheld the first-instance ruling, {r.get('share_changed') or 0:.0%} "
            f"changed it and {r.get('share_overturned') or 0:.0%} overturned it.")


def comparison(points: list[dict[str, Any]], article: str) -> str:
    ours = [p for p in points if p["kind"] == "ours"]
    published = [p for p in points if p["kind"] == "published" and p["panel"] == "year"]
    if not ours and not published:
        return ""
    parts = []
    if ours:
        last = max(ours, key=lambda p: p["year"])
        parts.append(f"milcourt counted {last['value']:,} cases under art. {article} received in {last['year']} "
                     "at the courts it crawled")
        same = [p for p in published if p["year"] == last["year"]]
        if same:
            p = max(same, key=lambda p: p["dated"])
            parts.append(f"{p['source']} counted {p['value']:,} ({p['series'].split(': ', 1)[1]}, published "
                         f"{p['dated']})")
    elif published:
        p = max(published, key=lambda p: (p["year"], p["dated"]))
        parts.append(f"The latest yearly published figure is {p['value']:,} for {p['year']} ({p['source']}, "
                     f"{p['dated']})")
    return "; ".join(parts) + "."
