"""CLI verbs of the monitor: ``search save|list|show|delete`` and ``digest``."""

from __future__ import annotations

import json
from pathlib import Path

import typer

search_app = typer.Typer(help="Saved searches: named filters for feeds and digests.", no_args_is_help=True)

_DB = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db; env MILCOURT_DB)")


def _store(db: str | None):  # type: ignore[no-untyped-def]
    from milcourt.store import open_store

    return open_store(db)


def _fail(verb: str, exc: Exception, status: int = 2) -> typer.Exit:
    typer.echo(f"milcourt {verb}: {exc}", err=True)
    return typer.Exit(status)


@search_app.command("save")
def search_save(
    name: str = typer.Argument(..., help="The search's name: letters, digits, '-', '_'"),
    article: str = typer.Option(None, "--article", help="УК РФ article, with a part after a dot: 337, 337.5, 352.1"),
    court: str = typer.Option(None, "--court", help="Court code, e.g. 61GV0004"),
    district: str = typer.Option(None, "--district", help="Military district or fleet court code, e.g. 61OV0000"),
    text: str = typer.Option(None, "--text", help="Phrase searched in the (pseudonymised) act texts"),
    replace: bool = typer.Option(False, "--replace", help="Overwrite a search of that name"),
    db: str = _DB,
) -> None:
    """Save the case browser's filters under a name (its feed: /feeds/search/NAME.atom).

    Example: milcourt search save krasnodar-337-5 --article 337.5 --court 61GV0004
    """
    from milcourt.monitor import searches

    try:
        filters = searches.make_filters(article=article, court=court, district=district, text=text)
        store = _store(db)
        try:
            searches.save(store.engine, name, filters, replace=replace)
        finally:
            store.close()
    except searches.SearchError as exc:
        raise _fail("search save", exc) from exc
    typer.echo(f"saved {name}: {filters.describe()}")


@search_app.command("list")
def search_list(db: str = _DB) -> None:
    """List the saved searches (JSON Lines: name, filters, created_at).

    Example: milcourt search list
    """
    from milcourt.monitor import searches

    store = _store(db)
    try:
        for row in searches.list_all(store.engine):
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
    finally:
        store.close()


@search_app.command("show")
def search_show(name: str = typer.Argument(...), db: str = _DB) -> None:
    """Show one saved search's filters (JSON).

    Example: milcourt search show krasnodar-337-5
    """
    from milcourt.monitor import searches

    store = _store(db)
    try:
        filters = searches.get(store.engine, name)
    except searches.SearchError as exc:
        raise _fail("search show", exc) from exc
    finally:
        store.close()
    typer.echo(json.dumps({"name": name, "filters": filters.as_json(), "means": filters.describe()},
                          ensure_ascii=False))


@search_app.command("delete")
def search_delete(name: str = typer.Argument(...), db: str = _DB) -> None:
    """Delete a saved search.

    Example: milcourt search delete krasnodar-337-5
    """
    from milcourt.monitor import searches

    store = _store(db)
    try:
        searches.delete(store.engine, name)
    except searches.SearchError as exc:
        raise _fail("search delete", exc) from exc
    finally:
        store.close()
    typer.echo(f"deleted {name}")


def digest(
    since: str = typer.Option("7d", "--since", help="The period up to now: 7d, 24h, 2w"),
    search: str = typer.Option(None, "--search", help="Only changes matching this saved search"),
    fmt: str = typer.Option("md", "--format", help="md | html"),
    mail_to: str = typer.Option(None, "--mail-to", help="Send it to this address (SMTP server from settings, see docs/watch.md)"),
    out: Path = typer.Option(None, "--out", help="Write it to this file (default: standard output)"),
    db: str = _DB,
) -> None:
    """What changed over a period, by court and article, against the previous period, with the
    coverage of the crawl runs.

    Example: milcourt digest --since 7d --search krasnodar-337-5 --format html --mail-to desk@example.org
    """
    from milcourt.monitor import mail, searches
    from milcourt.monitor.digest import DigestError, make_digest, parse_since, render_html, render_markdown

    if fmt not in ("md", "html"):
        raise _fail("digest", ValueError(f"--format must be md or html, got {fmt!r}"))
    try:
        period = parse_since(since)
    except DigestError as exc:
        raise _fail("digest", exc) from exc
    store = _store(db)
    try:
        filters = searches.get(store.engine, search) if search else None
        made = make_digest(store.engine, period, filters=filters, search_name=search)
    except searches.SearchError as exc:
        raise _fail("digest", exc) from exc
    finally:
        store.close()
    text = render_markdown(made) if fmt == "md" else render_html(made)
    if mail_to:
        try:
            mail.send(mail_to, f"{made.title}: {made.start:%Y-%m-%d} – {made.end:%Y-%m-%d}", render_markdown(made),
                      html_body=render_html(made) if fmt == "html" else None)
        except mail.MailError as exc:
            raise _fail("digest", exc) from exc
        typer.echo(f"digest sent to {mail_to}", err=True)
    if out:
        out.write_text(text, encoding="utf-8")
    elif not mail_to:
        typer.echo(text)


def register(app: typer.Typer) -> None:
    """Attach ``search`` and ``digest`` to the main app."""
    app.add_typer(search_app, name="search")
    app.command("digest")(digest)
