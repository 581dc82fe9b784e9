"""Russian words the corpus generator needs: numerals, dates, terms, ranks, courts.

Kept apart from the act templates so the templates read like the acts they imitate. Only the
forms military-court acts actually use are here (cardinals 1-30 in nominative and genitive,
ordinal days in genitive, months in genitive, terms with agreeing nouns).
"""

from __future__ import annotations

import datetime as dt
import random

CARD_NOM = [
    "", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
    "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
    "семнадцать", "восемнадцать", "девятнадцать", "двадцать",
]
CARD_GEN = [
    "", "одного", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти", "десяти",
    "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати",
    "семнадцати", "восемнадцати", "девятнадцати", "двадцати",
]
ORD_GEN = [
    "", "первого", "второго", "третьего", "четвёртого", "пятого", "шестого", "седьмого", "восьмого",
    "девятого", "десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого",
    "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого",
    "двадцатого", "двадцать первого", "двадцать второго", "двадцать третьего",
    "двадцать четвёртого", "двадцать пятого", "двадцать шестого", "двадцать седьмого",
    "двадцать восьмого", "двадцать девятого", "тридцатого", "тридцать первого",
]
MONTH_GEN = [
    "", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
]
YEAR_ORD_GEN = {
    2018: "две тысячи восемнадцатого", 2019: "две тысячи девятнадцатого", 2020: "две тысячи двадцатого",
    2021: "две тысячи двадцать первого", 2022: "две тысячи двадцать второго",
    2023: "две тысячи двадцать третьего", 2024: "две тысячи двадцать четвёртого",
    2025: "две тысячи двадцать пятого",
}


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian noun agreement with a cardinal: 1 год, 2 года, 5 лет, 21 год."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


UNITS = {
    "years": (("год", "года", "лет"), ("года", "лет", "лет")),
    "months": (("месяц", "месяца", "месяцев"), ("месяца", "месяцев", "месяцев")),
    "days": (("день", "дня", "дней"), ("дня", "дней", "дней")),
}


def unit_word(n: int, unit: str, case: str) -> str:
    nom, gen = UNITS[unit]
    forms = nom if case == "nom" else gen
    return plural(n, *forms)


def num_words(n: int, case: str) -> str:
    table = CARD_NOM if case == "nom" else CARD_GEN
    if n == 2 and case == "nom":
        return "два"
    return table[n]


def term(rng: random.Random, years: int | None, months: int | None = None, days: int | None = None,
         case: str = "nom", style: str | None = None) -> str:
    """A term as courts write it: '5 (пять) лет 6 (шесть) месяцев', 'пяти лет', '5 лет'."""
    style = style or rng.choice(["both", "both", "both", "words", "digits"])
    parts = []
    for n, unit in ((years, "years"), (months, "months"), (days, "days")):
        if not n:
            continue
        word = unit_word(n, unit, case)
        if style == "both":
            parts.append(f"{n} ({num_words(n, case)}) {word}")
        elif style == "words":
            parts.append(f"{num_words(n, case)} {word}")
        else:
            parts.append(f"{n} {word}")
    return " ".join(parts)


def date_digits(d: dt.date, rng: random.Random, quoted: bool = False) -> str:
    form = rng.choice(["g", "goda", "goda", "quoted", "dotted"] if quoted else ["g", "goda", "goda", "dotted"])
    if form == "g":
        return f"{d.day} {MONTH_GEN[d.month]} {d.year} г."
    if form == "quoted":
        return f"«{d.day}» {MONTH_GEN[d.month]} {d.year} г."
    if form == "dotted":
        return d.strftime("%d.%m.%Y")
    return f"{d.day} {MONTH_GEN[d.month]} {d.year} года"


def date_words(d: dt.date, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{ORD_GEN[d.day]} {MONTH_GEN[d.month]} {d.year} года"
    return f"{ORD_GEN[d.day]} {MONTH_GEN[d.month]} {YEAR_ORD_GEN[d.year]} года"


def date_any(d: dt.date, rng: random.Random, words_share: float = 0.3) -> str:
    return date_words(d, rng) if rng.random() < words_share else date_digits(d, rng)


RANK_GEN = {
    "рядовой": "рядового", "ефрейтор": "ефрейтора", "младший сержант": "младшего сержанта",
    "сержант": "сержанта", "старший сержант": "старшего сержанта", "старшина": "старшины",
    "прапорщик": "прапорщика", "старший прапорщик": "старшего прапорщика",
    "лейтенант": "лейтенанта", "старший лейтенант": "старшего лейтенанта", "капитан": "капитана",
    "матрос": "матроса", "старший матрос": "старшего матроса", "майор": "майора",
}

# (nominative, city for the header, locative for "в г. ...")
GARRISON_COURTS = [
    ("Новочеркасский гарнизонный военный суд", "г. Новочеркасск"),
    ("Волгоградский гарнизонный военный суд", "г. Волгоград"),
    ("Краснодарский гарнизонный военный суд", "г. Краснодар"),
    ("Майкопский гарнизонный военный суд", "г. Майкоп"),
    ("Севастопольский гарнизонный военный суд", "г. Севастополь"),
    ("Симферопольский гарнизонный военный суд", "г. Симферополь"),
    ("Владикавказский гарнизонный военный суд", "г. Владикавказ"),
    ("Ростовский-на-Дону гарнизонный военный суд", "г. Ростов-на-Дону"),
    ("Московский гарнизонный военный суд", "г. Москва"),
    ("Реутовский гарнизонный военный суд", "г. Реутов"),
    ("Курский гарнизонный военный суд", "г. Курск"),
    ("Воронежский гарнизонный военный суд", "г. Воронеж"),
    ("Тверской гарнизонный военный суд", "г. Тверь"),
    ("Нижегородский гарнизонный военный суд", "г. Нижний Новгород"),
    ("Санкт-Петербургский гарнизонный военный суд", "г. Санкт-Петербург"),
    ("Выборгский гарнизонный военный суд", "г. Выборг"),
    ("Мурманский гарнизонный военный суд", "г. Мурманск"),
    ("Екатеринбургский гарнизонный военный суд", "г. Екатеринбург"),
    ("Самарский гарнизонный военный суд", "г. Самара"),
    ("Казанский гарнизонный военный суд", "г. Казань"),
    ("Новосибирский гарнизонный военный суд", "г. Новосибирск"),
    ("Читинский гарнизонный военный суд", "г. Чита"),
    ("Хабаровский гарнизонный военный суд", "г. Хабаровск"),
    ("Владивостокский гарнизонный военный суд", "г. Владивосток"),
    ("Улан-Удэнский гарнизонный военный суд", "г. Улан-Удэ"),
    ("Абаканский гарнизонный военный суд", "г. Абакан"),
    ("Пермский гарнизонный военный суд", "г. Пермь"),
    ("Калининградский гарнизонный военный суд", "г. Калининград"),
    ("Брянский гарнизонный военный суд", "г. Брянск"),
    ("Ставропольский гарнизонный военный суд", "г. Ставрополь"),
]

# garrison-court city -> its appeal court
APPEAL_COURTS = {
    "south": ("Южный окружной военный суд", "г. Ростов-на-Дону"),
    "west2": ("2-й Западный окружной военный суд", "г. Москва"),
    "west1": ("1-й Западный окружной военный суд", "г. Санкт-Петербург"),
    "central": ("Центральный окружной военный суд", "г. Екатеринбург"),
    "east": ("Восточный окружной военный суд", "г. Хабаровск"),
}
CASSATION_COURT = ("Кассационный военный суд", "г. Новосибирск")

# pseudonym styles for people other than the defendant
NAME_STYLES = ["fio", "initials", "hidden"]


def person(rng: random.Random, style: str, n: int) -> str:
    """A depersonalised name: 'ФИО3', 'Г.А.Н.', '<данные изъяты>'."""
    if style == "fio":
        return f"ФИО{n}"
    if style == "initials":
        letters = "АБВГДЕЖЗИКЛМНОПРСТУФХЧШЭЮЯ"
        return f"{rng.choice(letters)}.{rng.choice(letters)}.{rng.choice(letters)}."
    return "<данные изъяты>"


def defendant_name(rng: random.Random, style: str) -> str:
    if style == "fio":
        return "ФИО1"
    if style == "initials":
        letters = "АБВГДЕЗИКЛМНОПРСТФХЧШ"
        return f"{rng.choice(letters)}."
    return "<ФИО>"
