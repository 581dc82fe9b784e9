"""The dashboard application: ``create_app(db_url)`` builds the FastAPI app.

Read-only by construction (see db.py); only GET routes exist. Scripts and styles are served
from the package (no CDN), including the OpenAPI page's Swagger UI.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus, urlencode

import anyio.to_thread
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from milcourt import __version__
from milcourt.publish.web import api, feeds, pages
from milcourt.publish.web.cache import AnswerCache
from milcourt.publish.web.context import Site
from milcourt.publish.web.db import read_only_engine
from milcourt.publish.web.security import (
    IMPORT_MAP,
    SECURITY_HEADERS,
    content_security_policy,
    inline_script_hashes,
    is_web_url,
)

#: Worker threads for requests. Pages are mostly Python under the GIL plus short SQLite calls;
#: a few threads keep the CPU busy, and more only make each request wait longer for the GIL
#: (with anyio's default of 40, twenty concurrent readers queued behind each other's row fetches).
REQUEST_THREADS = 6

STATIC = Path(__file__).resolve().parent.parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"


class DropEmptyParams:
    """ASGI middleware: an empty query parameter means "no filter" (as a submitted form sends it).

    Without it ``?article=&since=`` from the filter forms would fail the parameters' patterns.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            raw: bytes = scope["query_string"]
            kept = [p for p in raw.split(b"&") if unquote_plus(p.partition(b"=")[2].decode("latin-1")).strip()]
            if len(kept) != raw.count(b"&") + 1:
                scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


def create_app(db_url: str, *, include_synthetic: bool | None = None, cache_seconds: float = 300.0,
               warm: bool = False) -> FastAPI:
    """The dashboard for the store at ``db_url``.

    ``include_synthetic=None`` shows synthetic records only when the store holds nothing else
    (the demo), always with a banner saying so. Answers are cached for ``cache_seconds`` (0: never);
    ``warm`` computes the unfiltered overview in the background at once, before its first reader.
    """
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="milcourt",
        version=__version__,
        description="Read-only API over milcourt's store of military-court cases (pseudonymised).",
        docs_url=None,
        redoc_url=None,
    )
    engine = read_only_engine(db_url)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters["urlencode_page"] = lambda query, page: urlencode({**dict(query), "page": page})
    templates.env.tests["web_url"] = is_web_url
    templates.env.globals["import_map"] = IMPORT_MAP
    app.state.site = Site(engine=engine, templates=templates, include_synthetic=include_synthetic,
                          cache=AnswerCache(ttl=cache_seconds))
    if warm:
        threading.Thread(target=pages.warm, args=(app.state.site,), name="milcourt-warm", daemon=True).start()
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(feeds.router)
    templates.env.globals["last_runs"] = lambda: feeds.runs_for_overview(app.state.site)

    docs_page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="milcourt API",
        swagger_js_url="/static/vendor/swagger-ui-bundle-5.35.0.js",
        swagger_css_url="/static/vendor/swagger-ui-5.35.0.css",
        swagger_favicon_url="/static/favicon.svg",
    )
    # Swagger UI starts itself with an inline script: allowed by its hash, as the import map is.
    policies = {"/docs": content_security_policy(inline_script_hashes(bytes(docs_page.body).decode("utf-8")))}
    default_policy = content_security_policy()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(bytes(docs_page.body).decode("utf-8"))

    @app.exception_handler(sa.exc.OperationalError)
    async def _too_slow(request: Request, exc: sa.exc.OperationalError) -> JSONResponse:
        """A query stopped by the time limit (db.py) is the server being busy, not a broken request."""
        return JSONResponse({"detail": "the query took too long; narrow the filters or try again"},
                            status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover - last resort
        return JSONResponse({"detail": "internal error"}, status_code=500)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", policies.get(request.url.path, default_policy))
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(DropEmptyParams)
    return app
