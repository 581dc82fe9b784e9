"""How the defendant serves: "проходящий военную службу по мобилизации / по контракту / по призыву",
"призванный на военную службу по частичной мобилизации", "мобилизованный", "доброволец"."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, normalized

SERVICE = rule(normalized("военный").optional(), normalized("служба"))
BASIS = dictionary({"мобилизация", "контракт", "призыв"})
VIA = rule(
    dictionary({"проходить", "призвать", "призывать", "поступить", "служить"}).optional(),
    eq("на").optional(), SERVICE.optional(), eq("по"), normalized("частичный").optional(), BASIS,
    rule(eq("по"), normalized("частичный").optional(), normalized("мобилизация")).optional(),  # призыв по мобилизации
)

SERVICE_BASIS = or_(
    VIA,
    rule(normalized("военнослужащий"), eq("по"), BASIS),
    rule(dictionary({"мобилизованный", "мобилизовать"})),
    rule(dictionary({"доброволец", "добровольческий"})),
    rule(normalized("контрактный"), normalized("служба")),
)


def service_basis_value(text: str) -> str | None:
    low = text.lower()
    if "мобилиз" in low:
        return "mobilized"
    if "контракт" in low:
        return "contract"
    if "призыв" in low:
        return "conscript"
    if "доброволь" in low:
        return "volunteer"
    return None
