"""No names: pseudonyms, the secret, scrubbing of Russian court text, depersonalised pages.

The fixture test reads every real page in ../shared/fixtures/sudrf as visible text (the page
parser is tested on its own) and checks, against tests/data/fixture_party_names.json (written
by reading the pages), that no party's name survives in any case form, while judges, courts
and places stay.
"""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from pathlib import Path

import pytest

from milcourt.names import Pseudonymizer, SecretFileError, is_person_name, normalise_name
from milcourt.parse import parse_articles
from milcourt.parse.decode import visible_text
from milcourt.parse.depersonalise import KEEP_KEYS, depersonalise

PARTY_NAMES = Path(__file__).parent / "data" / "fixture_party_names.json"
PSEUDONYM = re.compile(r"P-[0-9a-f]{6}")


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer(b"milcourt test secret, 32 bytes!!", ner=False)


def _e(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def surname_pattern(surname: str) -> re.Pattern[str]:
    """Any case form of a surname: its stem plus up to three letters ("Юсупов|а|ой|ым…")."""
    stem = re.sub(r"(?:а|я)$", "", _e(surname)) if len(surname) > 4 else _e(surname)
    return re.compile(rf"(?<![\w-]){re.escape(stem)}[а-я]{{0,3}}(?![\w-])")


def assert_gone(out: str, *surnames: str) -> None:
    for surname in surnames:
        if " " in surname:  # a whole phrase
            assert surname not in out, f"{surname!r} left in {out!r}"
            continue
        flags = 0 if not surname.isupper() else re.IGNORECASE
        found = re.findall(surname_pattern(surname).pattern, _e(out), flags)
        assert not found, f"{surname}: {found} left in {out!r}"


# (text, known names, judges, surnames that must vanish, strings that must stay)
SCRUB_TABLE = [
    ("рассмотрела жалобу адвоката Павленко Р.В. в интересах осужденного Пересыпкина А.В. "
     "Пересыпкину назначено наказание; семья Пересыпкина испытывает трудности.",
     [], [], ["Павленко", "Пересыпкин"], ["рассмотрела жалобу адвоката", "назначено наказание"]),
    ("По делу допрошен Римихановым Т.С. и Римиханова Т.С., Т.С. Римиханов пояснил.",
     ["Римиханов Тимур Сергеевич"], [], ["Римиханов"], ["По делу допрошен", "пояснил"]),
    ("истца Воробьёва В.В., в пользу Воробьёва Виктора Викторовича. Воробьёву В.В. сообщено.",
     ["Воробьёв Виктор Викторович"], [], ["Воробьёв"], ["истца", "в пользу"]),
    ("Жалобу подал(а): Симкин Г. А.\nСуд (судебный участок) первой инстанции: "
     "Никулинский районный суд города Москвы", [], [], ["Симкин"],
     ["Никулинский районный суд города Москвы", "Жалобу подал(а): "]),
    ("Представитель Никулин А.В. обжаловал решение Никулинского районного суда г. Москвы.",
     ["Никулин Андрей Владимирович"], [], ["Никулин"], ["Никулинского районного суда г. Москвы"]),
    ("Ленинский районный суд г. Уфы в составе председательствующего судьи Ардувановой Д.Р., "
     "при секретаре Мусиной М.М., с участием государственного обвинителя Сагадиева Р.Р.",
     [], ["Ардуванова Д.Р."], ["Мусина", "Сагадиев"],
     ["Ленинский районный суд г. Уфы", "председательствующего судьи Ардувановой Д.Р."]),
    ("Промышленный районный суд г. Ставрополя осудил Симкина Г.А.; Г.А. Симкин обжаловал приговор.",
     ["Симкин Г. А."], [], ["Симкин"], ["Промышленный районный суд г. Ставрополя", "обжаловал приговор"]),
    ("для вручения Измайловой Ирине Олеговне, ЛИЦА: Рыжкова Е.А.", [], [], ["Измайлова", "Рыжкова"],
     ["для вручения", "ЛИЦА: "]),
    ("Судья Ленинского районного суда г. Кирова Глушков А.С., при секретаре Александрове Н.А., "
     "рассмотрев дело в отношении Ананьевой Д.С., проживающей по ул. Пушкина, д. 5",
     [], [], ["Александров", "Ананьева"], ["Глушков А.С.", "ул. Пушкина", "г. Кирова"]),
    ("судей Железного А.В., Стадниковой В.А., при секретаре Колбиной П.Д., прокурора Накусова А.А.",
     [], [], ["Колбина", "Накусов"], ["Железного А.В.", "Стадниковой В.А."]),
    ("Истец Кузнецова Мария Петровна просит взыскать с ответчика Орлова Игоря Сергеевича 5 000 рублей "
     "по ст. 15 ГК РФ; решение от 12.03.2025.", [], [], ["Кузнецова", "Орлов"],
     ["Истец", "просит взыскать с ответчика", "по ст. 15 ГК РФ; решение от 12.03.2025."]),
    ("В отношении рядового Сидорова Петра Ивановича, по ч. 5 ст. 337 УК РФ; Сидоров П.И. вину признал.",
     [], [], ["Сидоров"], ["В отношении рядового", "по ч. 5 ст. 337 УК РФ;", "вину признал"]),
    ("подсудимой Ю.Г.Р. и её защитника; Ю.Г.Р. обвиняется; АДС признана виновной",
     ["Юсупова Гузэль Ривольтовна", "Ананьева Дарья Сергеевна"], [], ["Юсупова", "Ананьева"],
     ["подсудимой", "обвиняется", "признана виновной"]),
    ("ПРИГОВОР в отношении ИВАНОВА ИВАНА ИВАНОВИЧА. Иванов вину признал.", ["Иванов Иван Иванович"], [],
     ["Иванов", "ИВАНОВ", "ИВАН", "ИВАНОВИЧ"], ["ПРИГОВОР в отношении", "вину признал."]),
    ("Подсудимый Мамедова Эльчина Азер оглы допросили; Мамедов Э.А. пояснил.", ["Мамедов Эльчин Азер оглы"],
     [], ["Мамедов", "Эльчин", "Азер"], ["Подсудимый", "допросили;", "пояснил."]),
    ("Иванов A.B. (латинские буквы в инициалах) явился.", ["Иванов Андрей Викторович"], [], ["Иванов"],
     ["(латинские буквы в инициалах) явился."]),
    ("судья Иванова Т.В., подсудимый Иванов П.С.; Иванов вину признал; судья Иванова огласила приговор",
     ["Иванов Петр Сергеевич"], ["Иванова Т.В."], ["Иванов П.С.", "Иванов вину"],
     ["судья Иванова Т.В.", "судья Иванова огласила"]),
    ("при помощнике судьи Ляпиной Е.Е., в составе председательствующего судьи Зайцева О.О.", [], [],
     ["Ляпина"], ["председательствующего судьи Зайцева О.О."]),
    ("Постановлением судьи Иванова И.И. Петров П.П. привлечён к ответственности; судьи: Орлов О.О., Лисин Л.Л.",
     [], [], ["Петров"], ["Постановлением судьи Иванова И.И. ", "судьи: Орлов О.О., Лисин Л.Л."]),
    ("Иванов И.И. Вину признал полностью. Верховной Рады решение.", [], [], ["Иванов"],
     ["Вину признал полностью. Верховной Рады решение."]),
    ("Свидетель ПЕТРОВСКИЙ АНДРЕЙ НИКОЛАЕВИЧ показал, что ИВАНОВ ушёл; показания свидетеля ПЕТРОВСКОГО.",
     ["Иванов Иван Иванович"], [], ["Петровский", "ПЕТРОВСКИЙ", "АНДРЕЙ", "НИКОЛАЕВИЧ", "ИВАНОВ"],
     ["Свидетель", "показал, что", "ушёл; показания свидетеля"]),
    ("Свидетель Заяц показал, что был сильный мороз; потерпевший Мороз и свидетель Снегирь пояснили, "
     "со слов свидетеля Зайца. Ивановский районный суд г. Иваново.", [], [], ["Заяц", "Зайца", "Мороз и", "Снегирь"],
     ["был сильный мороз", "Ивановский районный суд г. Иваново."]),
    ("Защиту осуществлял адвокат Zaytsev I.P.; свидетель SOLOVEY показал; Zaitsev заявил ходатайство; "
     "Samsung Electronics.", [], [], ["Zaytsev", "Zaitsev", "SOLOVEY"], ["Samsung Electronics.", "адвокат"]),
    ("Показания Ананьевой Дарьи оглашены; Дарья Ананьева пояснила; подсудимая Ананьева Д.С.",
     ["Ананьева Дарья Сергеевна"], [], ["Ананьев", "Дарьи", "Дарья"], ["Показания", "оглашены;", "пояснила;"]),
    ("представитель Военной прокуратуры гарнизона и представитель Министерства обороны явились, "
     "подсудимый является гражданином Российской Федерации.", [], [], [],
     ["представитель Военной прокуратуры гарнизона и представитель Министерства обороны явились, "
      "подсудимый является гражданином Российской Федерации."]),
    ("Представитель потерпевшего Информация скрыта. Оглашены показания потерпевшего\nВина подсудимого доказана.",
     [], [], [], ["Представитель потерпевшего Информация скрыта.", "потерпевшего\nВина подсудимого доказана."]),
    ("Военный суд Московского гарнизона, войсковая часть 12345, г. Пушкин, проспект Ленина.",
     ["Ленин Иван Иванович", "Пушкин А.С."], [], [],
     ["Военный суд Московского гарнизона, войсковая часть 12345, г. Пушкин, проспект Ленина."]),
]


@pytest.mark.parametrize(("text", "known", "judges", "gone", "stay"), SCRUB_TABLE)
def test_scrub_table(pz: Pseudonymizer, text: str, known: list[str], judges: list[str],
                     gone: list[str], stay: list[str]) -> None:
    out = pz.scrub(text, known, judges=judges)
    assert_gone(out, *gone)
    for kept in stay:
        assert kept in out
    if gone:
        assert PSEUDONYM.search(out)


MILITARY_VERDICT = """Владивостокский гарнизонный военный суд в составе: председательствующего Ковалёва Д.С., \
при секретаре судебного заседания Тимофеевой А.Ю., с участием государственного обвинителя – помощника \
военного прокурора Владивостокского гарнизона лейтенанта юстиции Бобрышева К.О., подсудимого Гайнуллина Р.Ф., \
защитника – адвоката Шевчук О.В., при помощнике судьи Ляпиной Е.Е., рассмотрел уголовное дело в отношении \
военнослужащего войсковой части 30926 рядового
Гайнуллина Рустама Фаритовича, родившегося 12 мая 2000 года в г. Казани,
обвиняемого в совершении преступления, предусмотренного ч. 5 ст. 337 УК РФ.
УСТАНОВИЛ:
Гайнуллин, проходящий военную службу по контракту, 3 января 2024 года не прибыл в войсковую часть 30926, \
дислоцированную в г. Уссурийске. Подсудимый Гайнуллин виновным себя признал. Свидетель Сафронов показал, \
что является командиром роты. Свидетель Хасанова Л.И. охарактеризовала сына положительно. Из показаний \
свидетеля Е. Ивановой следует, что... Командир войсковой части 30926 полковник Петренко В.В. сообщил...
Приговор может быть обжалован в 1-й Восточный окружной военный суд через Владивостокский гарнизонный военный суд.
Председательствующий по делу                                   Д.С. Ковалёв"""


def test_military_verdict_keeps_judge_court_and_law(pz: Pseudonymizer) -> None:
    ner = Pseudonymizer(b"milcourt test secret, 32 bytes!!", ner=True)
    out = ner.scrub(MILITARY_VERDICT, ["Гайнуллин Рустам Фаритович"], judges=["Ковалёв Д.С."])
    assert_gone(out, "Тимофеева", "Бобрышев", "Гайнуллин", "Шевчук", "Ляпина", "Сафронов", "Хасанова",
                "Иванова", "Петренко")
    for kept in ("Владивостокский гарнизонный военный суд в составе: председательствующего Ковалёва Д.С.,",
                 "ч. 5 ст. 337 УК РФ", "войсковой части 30926 рядового", "в г. Казани", "в г. Уссурийске",
                 "1-й Восточный окружной военный суд", "Председательствующий по делу", "Д.С. Ковалёв"):
        assert kept in out
    assert out.count(pz.pseudonym("Гайнуллин Рустам Фаритович")) == 4
    bare = "Из показаний Сафронова следует, что он видел подсудимого в расположении части."
    assert pz.scrub(bare) == bare  # a bare surname with no role word before it: the rules cannot tell
    assert_gone(ner.scrub(bare, ner=True), "Сафронов")  # natasha can


def test_appeal_ruling_one_pseudonym_per_person(pz: Pseudonymizer) -> None:
    """A district military court's appeal ruling (realistic, written for this test)."""
    text = (Path(__file__).parent / "data" / "names_appeal_ruling.txt").read_text(encoding="utf-8")
    out = pz.scrub(text, ["Бондарь Алексей Сергеевич"], judges=["Бояркин Д.В."])
    assert_gone(out, "Бондарь", "Бондаря", "Сенкевич", "Лёвкин", "Лучинина", "Григорьев")
    convicted = pz.pseudonym("Бондарь Алексей Сергеевич")
    assert out.count(convicted) == 7  # "Бондаря А.С." twice, the full name, "Бондарь" four times
    assert "Мать осужденного " + pz.pseudonym("Бондарь Н.П.") + " сообщила" in out  # a namesake
    assert "14 ноября 2023 г. " + convicted in out  # "г." after a year is not a town
    for kept in ("председательствующего Бояркина Д.В., судей Дуняшина О.О. и Яковлева А.Ю.,",
                 "доклад судьи Дуняшина О.О.", "Ярославского гарнизонного военного суда",
                 "в г. Рыбинске Ярославской области", "Председательствующий Д.В. Бояркин",
                 "Судьи О.О. Дуняшин\nА.Ю. Яковлев", "Свидетель ФИО9 пояснил"):
        assert kept in out


def test_declined_and_initials_forms_get_the_card_names_pseudonym(pz: Pseudonymizer) -> None:
    full = "Римиханов Тимур Сергеевич"
    out = pz.scrub("Римихановым Т.С.; Т. С. Римиханов; Римиханову Тимуру Сергеевичу", [full])
    assert PSEUDONYM.findall(out) == [pz.pseudonym(full)] * 3


def test_one_pseudonym_per_person_across_forms_without_card(pz: Pseudonymizer) -> None:
    out = pz.scrub("осужденного Пересыпкина А.В., Пересыпкину А.В. назначено, Пересыпкин А.В. признан")
    assert len(set(PSEUDONYM.findall(out))) == 1


def test_judges_are_kept_inside_texts(pz: Pseudonymizer) -> None:
    text = "председательствующего судьи Бурухиной М.Н., доклад судьи Бурухиной; Председательствующий М.Н. Бурухина"
    assert pz.scrub(text, judges=["Бурухина Мария Николаевна"]) == text


def test_text_without_names_is_unchanged(pz: Pseudonymizer) -> None:
    text = ("Уголовное дело ПРЕКРАЩЕНО назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ "
            "(ст. 25.1 УПК РФ). Гагаринский районный суд (Город Москва), 22.04.2026 15:56, Зал №1")
    assert pz.scrub(text) == text


def test_pseudonym_is_stable_and_shaped() -> None:
    a = Pseudonymizer(b"s" * 32)
    b = Pseudonymizer(b"s" * 32)
    p = a.pseudonym("Симкин Г. А.")
    assert re.fullmatch(r"P-[0-9a-f]{6}", p)
    assert p == a.pseudonym("Симкин Г.А.") == b.pseudonym("симкин  г.а.") == b.pseudonym("Г.А. Симкин")
    assert a.pseudonym("Воробьёв Виктор Викторович") == b.pseudonym("ВОРОБЬЕВ Виктор  Викторович")
    assert a.pseudonym("Симкин Г. А.") != a.pseudonym("Симкин Г. Б.")
    assert Pseudonymizer(b"t" * 32).pseudonym("Симкин Г. А.") != p


@pytest.mark.parametrize(("name", "is_person"), [
    ("Симкин Г. А.", True), ("Г.А. Симкин", True), ("Воробьёв Виктор Викторович", True),
    ("ИВАНОВ ИВАН ИВАНОВИЧ", True), ("ИВАНОВ И.И.", True), ("Мамедов Эльчин Азер оглы", True),
    ("Информация скрыта", False), ("Данные скрыты", False), ("ФИО1", False), ("<данные изъяты>", False),
    ('МКУ "Декабрист"', False), ("ООО РОМАШКА", False), ("УФСИН России по Самарской области", False),
    ("Прокуратура Кировского района г.Уфа, Сагадиев Р.Р.", False), ("Иванов И.И., Петров П.П.", False),
    ("Адвокат Сипайловского филиала г.Уфы Низамова Любовь Александровна", False),
])
def test_what_counts_as_one_persons_name(name: str, is_person: bool) -> None:
    assert is_person_name(name) is is_person


def test_judge_field_with_a_role_word_still_protects_the_judge(pz: Pseudonymizer) -> None:
    text = "Приговор огласил Иванов И.И. в присутствии секретаря Петровой П.П."
    out = pz.scrub(text, judges=["Председательствующий Иванов И.И."])
    assert "огласил Иванов И.И. в" in out and "Петровой" not in out


def test_normalise_name() -> None:
    assert normalise_name("  Симкин   Г. А. ") == "симкин г.а."
    assert normalise_name("Г. А. Симкин") == "симкин г.а."
    assert normalise_name("Воробьёв Виктор Викторович") == "воробьев виктор викторович"


def test_secret_created_0600_under_milcourt_home() -> None:
    home = Path(os.environ["MILCOURT_HOME"])
    first = Pseudonymizer.load()
    key = home / "pseudonym.key"
    assert key.is_file() and len(key.read_bytes()) == 32
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert Pseudonymizer.load().pseudonym("Симкин Г. А.") == first.pseudonym("Симкин Г. А.")


def test_secret_in_given_directory_and_bad_secret(tmp_path: Path) -> None:
    Pseudonymizer.load(tmp_path / "data")
    assert (tmp_path / "data" / "pseudonym.key").is_file()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "pseudonym.key").write_bytes(b"short")
    with pytest.raises(SecretFileError, match="pseudonym.key"):
        Pseudonymizer.load(tmp_path / "bad")


CARD = {
    "kind": "case_card",
    "case": {"number": "1-151/2026", "number_full": "1-151/2026", "uid": "03RS0003-01-2026-003803-62",
             "category": None, "received": "2026-04-22", "judge": "Ардуванова Д.Р.",
             "decided": "2026-05-06", "result": "Уголовное дело ПРЕКРАЩЕНО", "lower_court": None},
    "events": [{"name": "Судебное заседание", "date": "2026-05-06", "time": "10:00",
                "result": "Производство по делу прекращено", "basis": "заявление Юсуповой Г.Р."}],
    "persons": [
        {"name": "Юсупова Гузэль Ривольтовна", "role": "подсудимая",
         "articles": [{"law": "УК РФ", "article": "173.1", "part": "2", "point": "б"}],
         "decided": "2026-05-06", "result": "Уголовное дело ПРЕКРАЩЕНО"},
        {"name": "Адвокат Сипайловского филиала г.Уфы «БРКА» Низамова Любовь Александровна",
         "role": "Защитник (адвокат)", "articles": [], "decided": None, "result": None},
        {"name": "Информация скрыта", "role": "Прокурор", "articles": [], "decided": None, "result": None},
    ],
    "acts": [{"title": "Постановление", "text": (
        "Ленинский районный суд г. Уфы в составе председательствующего судьи Ардувановой Д.Р., "
        "при секретаре Мусиной М.М., подсудимой Юсуповой Г.Р. и её защитника – адвоката Низамовой Л.А. "
        "Адвокат Низамова поддержала ходатайство. Председательствующий Д.Р. Ардуванова")}],
}


def test_depersonalise_case_card(pz: Pseudonymizer) -> None:
    before = copy.deepcopy(CARD)
    page = depersonalise(CARD, pz)
    assert before == CARD, "the input page must not change"
    assert page["persons"][0]["name"] == pz.pseudonym("Юсупова Гузэль Ривольтовна")
    assert page["persons"][0]["articles"] == CARD["persons"][0]["articles"]
    assert page["persons"][1]["name"] == "Адвокат Сипайловского филиала г.Уфы «БРКА» " + pz.pseudonym(
        "Низамова Любовь Александровна")
    assert page["persons"][2]["name"] == "Информация скрыта"
    assert page["case"] == CARD["case"]
    assert page["events"][0]["basis"] == "заявление " + pz.pseudonym("Юсупова Гузэль Ривольтовна")
    text = page["acts"][0]["text"]
    assert_gone(text, "Юсупова", "Низамова", "Мусина")
    assert "судьи Ардувановой Д.Р." in text and text.endswith("Председательствующий Д.Р. Ардуванова")
    assert text.count(pz.pseudonym("Низамова Любовь Александровна")) == 2


def test_every_field_of_a_charge_is_kept_as_printed() -> None:
    """A charge holds codes, never names: each of its fields (the art. 30 stage too) is on the
    list of fields the scrubber leaves alone, wherever the record puts the charge."""
    charges = parse_articles("ч. 3 ст. 30, п. «а» ч. 5 ст. 337 УК РФ")
    assert charges and charges[0]["stage"] == "attempt"
    assert set(charges[0]) <= KEEP_KEYS


def test_depersonalise_search_results(pz: Pseudonymizer) -> None:
    rows = [{"number": "8Г-15211/2026", "url": "https://2kas.sudrf.ru/x", "received": "2026-05-01",
             "category": "КАТЕГОРИЯ: Иски о взыскании сумм по договору займа\nЖалобу подал(а): Симкин Г. А.\n"
                         "Суд (судебный участок) первой инстанции: Никулинский районный суд города Москвы",
             "articles": [], "judge": "Попова Елена Викторовна", "decided": None, "result": None},
            {"number": "33а-647/2026", "url": "https://oblsud.sam.sudrf.ru/y", "received": "2025-11-10",
             "category": "ЛИЦА: Рыжкова Е.А.\nСудья: Пудовкина Е. С.", "articles": [],
             "judge": "Пудовкина Е. С.", "decided": "2026-01-13", "result": "РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ"}]
    page = depersonalise({"kind": "search_results", "total": 2, "rows": rows, "next_page": None}, pz)
    first, second = page["rows"]
    assert first["category"].endswith("Жалобу подал(а): " + pz.pseudonym("Симкин Г. А.") +
                                      "\nСуд (судебный участок) первой инстанции: Никулинский районный суд города Москвы")
    assert first["judge"] == "Попова Елена Викторовна"
    assert second["category"] == f"ЛИЦА: {pz.pseudonym('Рыжкова Е.А.')}\nСудья: Пудовкина Е. С."


def _fixture_text(path: Path) -> str:
    return visible_text(path.read_bytes())


def _fixture_pages(sudrf_fixtures: Path) -> list[Path]:
    return sorted(sudrf_fixtures.glob("*.html"))


def test_every_fixture_page_has_its_party_list(sudrf_fixtures: Path) -> None:
    listed = set(json.loads(PARTY_NAMES.read_text(encoding="utf-8"))) - {"_about"}
    assert {p.name for p in _fixture_pages(sudrf_fixtures)} == listed


@pytest.mark.parametrize("with_card_names", [True, False], ids=["card-names", "rules-only"])
def test_fixture_pages_lose_every_party_name(sudrf_fixtures: Path, with_card_names: bool) -> None:
    expected = json.loads(PARTY_NAMES.read_text(encoding="utf-8"))
    pz = Pseudonymizer(b"fixture secret, thirty-two bytes", ner=True)
    for page in _fixture_pages(sudrf_fixtures):
        facts = expected[page.name]
        text = _fixture_text(page)
        parties = [p["name"] for p in facts["parties"]]
        judges = [j["name"] for j in facts["judges"]]
        out = pz.scrub(text, parties if with_card_names else (), judges=judges)
        for party in facts["parties"]:
            assert _e(party["name"]) not in _e(" ".join(out.split())), f"{page.name}: {party['name']}"
            found = surname_pattern(party["surname"]).findall(_e(out))
            assert not found, f"{page.name}: {party['name']} survives as {found}"
        for judge in facts["judges"]:
            if surname_pattern(judge["surname"]).search(_e(text)):
                assert surname_pattern(judge["surname"]).search(_e(out)), f"{page.name}: judge {judge['name']} lost"
        for kept in facts["keep"]:
            assert kept in " ".join(text.split()), f"{page.name}: {kept!r} is not on the page"
            assert kept in " ".join(out.split()), f"{page.name}: {kept!r} was damaged"
        if with_card_names:
            for initials in facts["initials"]:
                assert not re.search(rf"(?<![\w.]){re.escape(initials)}(?![\w])", out), f"{page.name}: {initials}"


def test_parsed_fixture_pages_keep_no_party_name(sudrf_fixtures: Path) -> None:
    """End to end through the page parser."""
    from milcourt.parse import parse_page

    expected = json.loads(PARTY_NAMES.read_text(encoding="utf-8"))
    pz = Pseudonymizer(b"fixture secret, thirty-two bytes")
    for path in _fixture_pages(sudrf_fixtures):
        page = parse_page(path.read_bytes(), source=str(path))
        raw = _e(json.dumps(page, ensure_ascii=False))
        out = _e(json.dumps(depersonalise(page, pz), ensure_ascii=False))
        facts = expected[path.name]
        for party in facts["parties"]:
            found = surname_pattern(party["surname"]).findall(out)
            assert not found, f"{path.name}: {party['name']} survives as {found}"
        for judge in facts["judges"]:
            if surname_pattern(judge["surname"]).search(raw):
                assert surname_pattern(judge["surname"]).search(out), f"{path.name}: judge {judge['name']} lost"
        for kept in facts["keep"]:
            if _e(kept) in raw:
                assert _e(kept) in out, f"{path.name}: {kept!r} was damaged"
