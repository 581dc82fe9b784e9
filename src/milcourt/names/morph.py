"""Russian name morphology for the scrubber: declined forms, plausibility, nominative forms.

Court acts decline every name ("Римихановым Т.С.", "Воробьёва В.В."), so a name from the
case card has to be found in all its cases. pymorphy3 knows many surnames and predicts the
rest; the suffix paradigms below cover what it misses (foreign and rare surnames), and keep
adjectival stems apart from possessive ones, so a party named Никулин never touches the
"Никулинский районный суд".
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

# A capitalised word, hyphenated parts allowed ("Петров", "Римский-Корсаков"): the finder's unit.
CAP = r"[А-Я][а-я]+(?:-[А-Я][а-я]+)?"

# Inflection endings by paradigm (lower case, ё written е: matching runs on an ё-free shadow).
_OV_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ой", "ою", "ы", "ых", "ыми")
_ADJ_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем", "ую",
                "юю", "ей", "ие", "ые", "их", "ых")
_NOUN_ENDINGS = ("", "а", "я", "у", "ю", "ом", "ем", "ой", "ей", "е", "ы", "и")
_PATR_ENDINGS_M = ("", "а", "у", "ем", "е")
_PATR_ENDINGS_F = ("а", "ы", "е", "у", "ой", "ою")
_INDECLINABLE = re.compile(r"(?:о|е|и|у|ю|ых|их|ян|ко)$")
_PATR = re.compile(r"(?:ович|евич|ьич|ич|овн|евн|ичн|инична?)(?:а|у|ем|е|ы|ой|ою)?$")

def word_set(block: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of a block (keeps word lists readable)."""
    return frozenset(block.split())


# Capitalised words that stand before initials or names in acts but are never surnames.
STOP_LEMMAS = word_set("""
истец истица ответчик ответчица судья суд адвокат защитник прокурор представитель заявитель
взыскатель должник свидетель потерпевший потерпевшая осужденный осуждённый осужденная подсудимый
подсудимая обвиняемый обвиняемая подозреваемый секретарь председательствующий председатель
гражданин гражданка начальник директор заместитель помощник следователь дознаватель инспектор
федерация россия республика область край округ город район улица проспект переулок
установить постановить решить определить рассмотреть приговорить лицо дело решение определение
постановление приговор жалоба представление копия выписка справка протокол
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
военнослужащий рядовой ефрейтор сержант старшина прапорщик лейтенант капитан майор подполковник
полковник генерал командир войсковой часть
""")


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """One analyser per process (loading costs ~0.1 s and 15 MB)."""
    return pymorphy3.MorphAnalyzer()


# ё as е, and Latin letters typed for their Cyrillic look-alikes ("Иванов A.B." with Latin A, B).
_SHADOW = tuple(zip("ёЁABCEHKMOPTXaceopxy", "еЕАВСЕНКМОРТХасеорху", strict=True))


def shadow(text: str) -> str:
    """Same-length copy with ё as е and Latin look-alikes as Cyrillic, so offsets fit the original.

    (Twenty str.replace calls run in C and beat one str.translate on long Cyrillic text.)
    """
    for latin, cyrillic in _SHADOW:
        if latin in text:
            text = text.replace(latin, cyrillic)
    return text


@lru_cache(maxsize=65536)
def is_patronymic(word: str) -> bool:
    """A patronymic in any case ("Викторовича", "Олеговне", "Ривольтовна").

    By suffix, unless pymorphy knows the word as something else ("Верховной", "Основной").
    """
    if not (word[:1].isupper() and len(word) > 4 and _PATR.search(shadow(word).lower())):
        return False
    parses = _parses(word)
    return any("Patr" in tags for tags, _, _ in parses) or not any(known for _, _, known in parses)


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[tuple[frozenset[str], str, bool], ...]:
    return tuple((frozenset(str(p.tag).replace(" ", ",").split(",")), p.normal_form, p.is_known)
                 for p in morph().parse(word))


@lru_cache(maxsize=65536)
def surname_strength(word: str) -> int:
    """How surname-like a capitalised word is: 2 strong, 1 possible, 0 not a surname.

    2: pymorphy knows it as a surname, or does not know it at all (rare surnames are unknown).
    1: an ordinary word that could still be a surname ("Мусс", "Железный", "Мороз").
    0: a role, legal, place or calendar word ("Истец", "Федерации", "Москвы"), or a function word.
    """
    if len(word) < 2 or not word[0].isupper():
        return 0
    parses = _parses(word)
    lemmas = {lemma for _, lemma, _ in parses}
    if lemmas & STOP_LEMMAS or shadow(word).lower() in STOP_LEMMAS:
        return 0
    if any("Surn" in tags for tags, _, _ in parses):
        return 2
    if not any(known for _, _, known in parses):
        return 2
    if all(tags & {"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "Abbr", "NUMR", "ADVB", "VERB", "INFN",
                   "PRED", "GRND", "Geox", "Orgn"} for tags, _, _ in parses):
        return 0
    return 1


def _forms(stem_word: str, paradigms: tuple[tuple[str, ...], ...]) -> set[str]:
    forms = {stem_word}
    for endings in paradigms:
        for ending in endings:
            if ending and stem_word.endswith(ending):
                base = stem_word[: -len(ending)]
                if len(base) >= 2:
                    forms.update(base + e for e in endings)
    return forms


@lru_cache(maxsize=16384)
def surname_forms(surname: str) -> frozenset[str]:
    """Every case form of a surname, both genders, lower case and ё-free ("воробьев" → "воробьеву", …)."""
    word = shadow(surname).lower()
    if "-" in word:  # double surnames: both halves decline
        parts = [sorted(surname_forms(p)) for p in word.split("-")]
        return frozenset(f"{a}-{b}" for a in parts[0] for b in parts[1] if len(parts) == 2) | {word}
    forms = {word}
    for parse in morph().parse(surname.capitalize()):
        if "Surn" in parse.tag:
            forms.update(shadow(f.word) for f in parse.lexeme if "sing" in f.tag)
    base_forms = set(forms)
    for w in base_forms:
        if re.search(r"(?:ов|ев|ин|ын)$", w):
            forms.update(w + e for e in _OV_ENDINGS)
        elif re.search(r"(?:ова|ева|ина|ына)$", w):
            forms.update(w[:-1] + e for e in _OV_ENDINGS)
        elif re.search(r"(?:ий|ый|ой|ая|яя)$", w):
            forms.update(w[:-2] + e for e in _ADJ_ENDINGS)
        elif _INDECLINABLE.search(w):
            continue
        elif re.search(r"[бвгджзклмнпрстфхцчшщ]$", w):
            forms.update(w + e for e in _NOUN_ENDINGS)
            forms.update(w[:-1] + e for e in ("ь", "я", "ю", "ем", "е") if w.endswith("й"))
        elif re.search(r"ь$", w):  # Бондарь: Бондаря, Бондарю, Бондарем
            forms.update(w[:-1] + e for e in ("ь", "я", "ю", "ем", "е"))
        elif re.search(r"й$", w):
            forms.update(w[:-1] + e for e in ("й", "я", "ю", "ем", "е"))
        elif re.search(r"[ая]$", w):
            forms.update(w[:-1] + e for e in ("а", "ы", "е", "у", "ой", "ою", "я", "и", "ю", "ей"))
    return frozenset(f for f in forms if len(f) >= 2)


@lru_cache(maxsize=16384)
def given_name_forms(name: str) -> frozenset[str]:
    """Case forms of a first name (pymorphy lexeme where it knows the name, noun paradigm else)."""
    word = shadow(name).lower()
    forms = {word}
    for parse in morph().parse(name.capitalize()):
        if "Name" in parse.tag:
            forms.update(shadow(f.word) for f in parse.lexeme if "sing" in f.tag)
    if len(forms) == 1:
        if re.search(r"[ая]$", word):
            forms.update(word[:-1] + e for e in ("а", "ы", "и", "е", "у", "ю", "ой", "ей", "я"))
        elif re.search(r"й$", word):
            forms.update(word[:-1] + e for e in ("й", "я", "ю", "ем", "е"))
        elif re.search(r"ь$", word):
            forms.update(word[:-1] + e for e in ("ь", "я", "ю", "ем", "е", "и", "ью"))
        elif re.search(r"[бвгджзклмнпрстфхцчшщ]$", word):
            forms.update(word + e for e in ("а", "у", "ом", "ем", "е"))
    return frozenset(forms)


@lru_cache(maxsize=16384)
def patronymic_forms(patronymic: str) -> frozenset[str]:
    """Case forms of a patronymic ("викторович" → "викторовича", "викторовичем", …)."""
    word = shadow(patronymic).lower()
    if word.endswith("на"):
        return frozenset(word[:-1] + e for e in _PATR_ENDINGS_F)
    if word.endswith("ич"):
        return frozenset(word + e for e in _PATR_ENDINGS_M)
    return frozenset({word})


@lru_cache(maxsize=16384)
def surname_lemma(word: str) -> str:
    """A gender-neutral dictionary form of a surname ("Пересыпкину" → "Пересыпкин")."""
    for tags, lemma, _ in _parses(word):
        if "Surn" in tags:
            return lemma.capitalize()
    return word


@lru_cache(maxsize=16384)
def nominative(word: str, kind: str, gender: str | None = None) -> str:
    """The nominative of a name part ("Ирине" → "Ирина", "Олеговне" → "Олеговна")."""
    tag = {"surname": "Surn", "name": "Name", "patronymic": "Patr"}[kind]
    for parse in morph().parse(word):
        if tag in parse.tag and (gender is None or gender in parse.tag):
            inflected = parse.inflect({"nomn"})
            if inflected is not None:
                return inflected.word.capitalize()
    return word


@lru_cache(maxsize=16384)
def gender_of(name: str) -> str | None:
    """'masc' or 'femn' from a first name or patronymic, None when it cannot say."""
    low = shadow(name).lower()
    if _PATR.search(low):
        return "femn" if re.search(r"(?:овн|евн|ичн|инична?)", low) else "masc"
    for parse in morph().parse(name):
        if "Name" in parse.tag:
            return "femn" if "femn" in parse.tag else "masc"
    return None


def lemmas(word: str) -> set[str]:
    """Every dictionary form pymorphy offers for a word."""
    return {lemma for _, lemma, _ in _parses(word)}


@lru_cache(maxsize=65536)
def looks_like_surname(word: str) -> bool:
    """A bare word that is a surname on its own evidence: pymorphy knows it as one, or it is
    unknown and not shaped like an adjective ("Сипайловского филиала" is an organisation)."""
    if surname_strength(word) < 2 or is_patronymic(word):
        return False
    parses = _parses(word)
    if any("Surn" in tags and known for tags, _, known in parses):
        return True
    if any(known for _, _, known in parses):
        return False  # an ordinary word ("Железный", "Мусс"): only with initials or a first name
    return not ({"ADJF", "PRTF", "Geox", "Orgn"} & parses[0][0]) if parses else True


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A first name in any case ("Дарьи", "Ивану"), as pymorphy's dictionary of names knows it."""
    if len(word) < 2 or not word[0].isupper():
        return False
    return any("Name" in tags and known for tags, _, known in _parses(word))


@lru_cache(maxsize=65536)
def word_lexeme(word: str) -> frozenset[str]:
    """Singular forms of every noun reading of a word, lower case and ё-free ("Заяц" → "зайца", …).

    A person named by a common word ("Свидетель Заяц") is declined by the text like the word.
    """
    forms: set[str] = set()
    for parse in morph().parse(word):
        if "NOUN" in parse.tag:
            forms.update(shadow(f.word) for f in parse.lexeme if "sing" in f.tag)
    return frozenset(forms)


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The nominative of a word read as a surname, else as a noun ("Зайца" → "Заяц")."""
    for tags, lemma, _ in _parses(word):
        if "Surn" in tags:
            return lemma.capitalize()
    for tags, lemma, known in _parses(word):
        if "NOUN" in tags and known:
            return lemma.capitalize()
    return word


def name_after_role(word: str, following: str) -> bool:
    """Whether the capitalised word after a person's role ("свидетель", "адвокат") is a name.

    Any word is, whatever it means elsewhere ("Свидетель Заяц", "потерпевший Мороз"), except a
    role, legal or function word, and an adjective or noun that begins an institution's name
    ("представитель Военной прокуратуры", "представитель Министерства обороны").
    """
    if surname_strength(word) == 0 or is_patronymic(word):
        return False
    parses = _parses(word)
    if lemmas(word) & _INSTITUTION_LEMMAS:
        return False
    adjectival = any({"ADJF", "PRTF"} & tags for tags, _, _ in parses) or bool(_ADJ_END.search(word))
    if adjectival and following:  # "Сипайловского филиала", "Военной прокуратуры", "Российской Федерации"
        next_parses = _parses(following)
        personal = any({"Name", "Surn", "Patr"} & tags for tags, _, _ in next_parses)
        return personal or not any("NOUN" in tags for tags, _, _ in next_parses)
    return True


_INSTITUTION_LEMMAS = word_set("""
прокуратура управление департамент министерство инспекция комитет отдел служба фонд банк
администрация общество учреждение предприятие товарищество коллегия филиал часть комиссариат
организация компания центр союз объединение агентство потерпевший ответчик истец сторона
информация данные сведения фио лицо
""")

_ADJ_END = re.compile(r"(?:ого|его|ому|ему|ой|ей|ым|им|ая|яя|ое|ее|ую|юю|ых|их)$")
_CAPS_RUN = re.compile(r"(?<![\w-])[А-Я]{4,}(?:-[А-Я]{2,})?(?![\w-])")


def titled_caps(sh: str) -> tuple[str, frozenset[int]]:
    """Words of four or more capitals written as names ("ФАМИЛИЯ" → "Фамилия"), same length.

    Acts print parties in capitals ("Свидетель ПЕТРОВ ИВАН ИВАНОВИЧ показал"); the finder's
    rules read title case, so they see the capitals as names. Also returns where those words
    start (a card's first name in capitals is a name; the same word in title case may not be).
    """
    starts: list[int] = []

    def title(m: re.Match[str]) -> str:
        starts.append(m.start())
        return "-".join(part.capitalize() for part in m.group(0).split("-"))

    return _CAPS_RUN.sub(title, sh), frozenset(starts)
