"""Interface text in Russian (the default) and English.

The language comes from ``?lang=`` or the ``lang`` cookie. Only interface words are
translated; court data is shown as the courts wrote it.
"""

from __future__ import annotations

LANGS = ("ru", "en")
DEFAULT = "ru"

TEXT: dict[str, dict[str, str]] = {
    "title": {"ru": "milcourt: дела военных судов", "en": "milcourt: military-court cases"},
    "overview": {"ru": "Обзор", "en": "Overview"},
    "sentences": {"ru": "Наказания", "en": "Sentences"},
    "courts": {"ru": "Суды", "en": "Courts"},
    "cases": {"ru": "Дела", "en": "Cases"},
    "downloads": {"ru": "Данные", "en": "Downloads"},
    "api": {"ru": "API", "en": "API"},
    "article": {"ru": "Статья", "en": "Article"},
    "part": {"ru": "Часть", "en": "Part"},
    "district": {"ru": "Округ", "en": "District"},
    "court": {"ru": "Суд", "en": "Court"},
    "instance": {"ru": "Инстанция", "en": "Instance"},
    "since": {"ru": "С", "en": "From"},
    "until": {"ru": "По", "en": "To"},
    "search": {"ru": "Поиск по текстам актов", "en": "Search act texts"},
    "apply": {"ru": "Показать", "en": "Apply"},
    "all": {"ru": "все", "en": "all"},
    "first": {"ru": "первая", "en": "first"},
    "appeal": {"ru": "апелляция", "en": "appeal"},
    "cassation": {"ru": "кассация", "en": "cassation"},
    "cases_per_month": {"ru": "Дела по месяцам поступления", "en": "Cases per month received"},
    "coverage": {"ru": "Полнота данных", "en": "Coverage"},
    "data_date": {"ru": "Данные на", "en": "Data as of"},
    "comparison": {"ru": "Сравнение с официальными и опубликованными данными",
                   "en": "Comparison with official and published figures"},
    "number": {"ru": "Номер", "en": "Number"},
    "received": {"ru": "Поступило", "en": "Received"},
    "decided": {"ru": "Решено", "en": "Decided"},
    "result": {"ru": "Результат", "en": "Result"},
    "articles": {"ru": "Статьи", "en": "Articles"},
    "found": {"ru": "Найдено", "en": "Found"},
    "page": {"ru": "Страница", "en": "Page"},
    "prev": {"ru": "← назад", "en": "← previous"},
    "next": {"ru": "вперёд →", "en": "next →"},
    "instances": {"ru": "Инстанции производства", "en": "Instances of the proceeding"},
    "acts": {"ru": "Судебные акты", "en": "Court acts"},
    "facts": {"ru": "Извлечённые факты", "en": "Extracted facts"},
    "source": {"ru": "Источник", "en": "Source"},
    "snapshot": {"ru": "Снимок страницы", "en": "Page snapshot"},
    "persons": {"ru": "Участники (псевдонимы)", "en": "Persons (pseudonyms)"},
    "synthetic": {"ru": "синтетические данные", "en": "synthetic data"},
    "synthetic_note": {"ru": "Показаны синтетические (смоделированные) записи.",
                       "en": "Synthetic (simulated) records are shown."},
    "no_cases": {"ru": "Ничего не найдено.", "en": "Nothing found."},
    "sentence_kinds": {"ru": "Виды наказаний", "en": "Sentence kinds"},
    "terms": {"ru": "Сроки лишения свободы (мес.)", "en": "Prison terms (months)"},
    "appeal_outcomes": {"ru": "Итоги апелляций", "en": "Appeal outcomes"},
    "motives": {"ru": "Мотивы", "en": "Motives"},
    "service_basis": {"ru": "Основание службы", "en": "Service basis"},
    "removed": {"ru": "удалено с сайта суда", "en": "removed from the court site"},
    "lang_other": {"ru": "English", "en": "Русский"},
    "n": {"ru": "Дел", "en": "Cases"},
    "not_found": {"ru": "Не найдено", "en": "Not found"},
    "courts_crawled": {"ru": "судов обойдено", "en": "courts crawled"},
    "last_crawl": {"ru": "последний обход", "en": "last crawl"},
    "courts_blocked": {"ru": "суды, закрытые или недоступные", "en": "courts blocked or down"},
    "cases_held": {"ru": "дел", "en": "cases"},
    "without_act": {"ru": "без текста акта", "en": "without an act text"},
    "facts_missing": {"ru": "факты не извлечены", "en": "facts not extracted"},
    "code": {"ru": "Код", "en": "Code"},
    "year": {"ru": "Год", "en": "Year"},
    "figure_source": {"ru": "Источник", "en": "Source"},
    "measure": {"ru": "Что считали", "en": "Measure"},
    "value": {"ru": "Число", "en": "Value"},
    "level": {"ru": "Уровень", "en": "Level"},
    "status": {"ru": "Состояние", "en": "Status"},
    "not crawled": {"ru": "не обходился", "en": "not crawled"},
    "ok": {"ru": "обойдён", "en": "crawled"},
    "partial": {"ru": "обойдён частично", "en": "partly crawled"},
    "blocked": {"ru": "закрыт капчей", "en": "blocked (captcha)"},
    "down": {"ru": "недоступен", "en": "down"},
    "districts": {"ru": "Округа", "en": "Districts"},
    "garrison": {"ru": "гарнизонный", "en": "garrison"},
    "district_level": {"ru": "окружной (флотский)", "en": "district (fleet)"},
    "district_page": {"ru": "страница округа", "en": "district page"},
    "court_page": {"ru": "страница окружного суда", "en": "the district court's page"},
    "by_court": {"ru": "Дела по судам", "en": "Cases by court"},
    "outcomes": {"ru": "Итоги рассмотрения", "en": "Outcomes"},
    "series": {"ru": "Ряд (что и за какой период)", "en": "Series (measure and period)"},
    "period": {"ru": "Период", "en": "Period"},
    "dated": {"ru": "Дата публикации", "en": "Dated"},
    "not_drawn": {"ru": "Не показано на графике", "en": "Not drawn"},
    "credit": {"ru": "Реестр судов: © Dataout.org, CC BY-SA 4.0.",
               "en": "Courts registry: © Dataout.org, CC BY-SA 4.0."},
}


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT


def translator(lang: str):  # type: ignore[no-untyped-def]
    """``t("cases")`` for the chosen language; unknown keys show as themselves."""

    def t(key: str) -> str:
        return TEXT.get(key, {}).get(lang, key)

    return t
