"""The dashboard application: ``create_app(db_url)`` builds the FastAPI app.

Read-only by construction (see db.py); only GET routes exist. Scripts and styles are served
from the package (no CDN), including the OpenAPI page's Swagger UI.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from milcourt import __version__
from milcourt.publish.web import api, pages
from milcourt.publish.web.context import Site
from milcourt.publish.web.db import read_only_engine

STATIC = Path(__file__).resolve().parent.parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def create_app(db_url: str, *, include_synthetic: bool | None = None) -> FastAPI:
    """The dashboard for the store at ``db_url``.

    ``include_synthetic=None`` shows synthetic records only when the store holds nothing else
    (the demo), always with a banner saying so.
    """
    app = FastAPI(
        title="milcourt",
        version=__version__,
        description="Read-only API over milcourt's store of military-court cases (pseudonymised).",
        docs_url=None,
        redoc_url=None,
    )
    engine = read_only_engine(db_url)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters["urlencode_page"] = lambda query, page: urlencode({**dict(query), "page": page})
    app.state.site = Site(engine=engine, templates=templates, include_synthetic=include_synthetic)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="milcourt API",
            swagger_js_url="/static/vendor/swagger-ui-bundle-5.35.0.js",
            swagger_css_url="/static/vendor/swagger-ui-5.35.0.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover - last resort
        return JSONResponse({"detail": "internal error"}, status_code=500)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if request.url.path == "/docs":  # Swagger UI starts itself with an inline script
            return response
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
