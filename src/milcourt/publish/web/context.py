"""What every request of the dashboard shares: the engine, templates, language, synthetic mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from fastapi import Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine

from milcourt.publish.labels import court_label, court_name, district_of
from milcourt.publish.web.cache import AnswerCache
from milcourt.publish.web.i18n import pick, translator
from milcourt.store import schema as s


@dataclass
class Site:
    engine: Engine
    templates: Jinja2Templates
    include_synthetic: bool | None = None
    cache: AnswerCache = field(default_factory=AnswerCache)
    _synthetic_only: bool | None = field(default=None, repr=False)

    def show_synthetic(self) -> bool:
        """Synthetic records are shown when asked for, or when the store holds nothing else."""
        if self.include_synthetic is not None:
            return self.include_synthetic
        if self._synthetic_only is None:
            with self.engine.connect() as conn:
                real = conn.execute(
                    sa.select(s.cases.c.id).where(s.cases.c.synthetic.is_(False)).limit(1)
                ).first()
                any_case = conn.execute(sa.select(s.cases.c.id).limit(1)).first()
            self._synthetic_only = real is None and any_case is not None
        return bool(self._synthetic_only)


def site(request: Request) -> Site:
    return request.app.state.site  # type: ignore[no-any-return]


def lang_of(request: Request) -> str:
    return pick(request.query_params.get("lang") or request.cookies.get("lang"))


def render(request: Request, template: str, **values: Any) -> Any:
    """A page (or, for htmx requests, the same page: htmx selects the part it swaps)."""
    current = site(request)
    lang = lang_of(request)
    response = current.templates.TemplateResponse(
        request,
        template,
        {"t": translator(lang), "lang": lang, "synthetic": current.show_synthetic(),
         "court_name": court_name, "court_label": court_label, "district_of": district_of, **values},
    )
    if request.query_params.get("lang") in ("ru", "en"):
        response.set_cookie("lang", lang, samesite="lax", httponly=True)
    return response
