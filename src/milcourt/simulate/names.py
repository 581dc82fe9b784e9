"""Synthetic people: clearly invented judge names and random defendant names.

Judges are public and are not pseudonymised downstream, so their names here are built from
roots no real person carries ("Симуляторов", "Макетова"...) to be unmistakably synthetic.
Defendants get ordinary-looking random names so the pseudonymiser has something real to do.
"""

from __future__ import annotations

import random

_JUDGE_ROOTS = [
    "Симулятор", "Макет", "Образц", "Пример", "Шаблон", "Эталон", "Услов", "Пробник",
    "Тестир", "Модельн", "Черновик", "Заглушк", "Прототип", "Имитатор", "Манекен", "Фантом",
]
_MALE_NAMES = ["Алексей", "Андрей", "Борис", "Василий", "Геннадий", "Дмитрий", "Евгений", "Игорь",
               "Константин", "Максим", "Николай", "Олег", "Павел", "Роман", "Сергей", "Юрий"]
_FEMALE_NAMES = ["Анна", "Елена", "Ирина", "Марина", "Наталья", "Ольга", "Светлана", "Татьяна"]
_PATRONYMS_M = ["Александрович", "Викторович", "Геннадьевич", "Иванович", "Михайлович",
                "Николаевич", "Петрович", "Сергеевич", "Юрьевич", "Олегович"]
_PATRONYMS_F = ["Александровна", "Викторовна", "Ивановна", "Михайловна", "Сергеевна", "Юрьевна"]
_SURNAMES = ["Абрамов", "Белов", "Воронин", "Голубев", "Дорофеев", "Ефимов", "Жуков", "Зайцев",
             "Ильин", "Казаков", "Лаптев", "Мельников", "Носов", "Орехов", "Панов", "Рябов",
             "Сафонов", "Тихонов", "Уваров", "Фомин", "Харитонов", "Цветков", "Чернов", "Шубин",
             "Щукин", "Юдин", "Яковлев", "Гусев", "Дьяконов", "Ермаков"]


def initials(full: str) -> str:
    """'Сафонов Игорь Петрович' → 'Сафонов И.П.'"""
    parts = full.split()
    return parts[0] + " " + "".join(p[0] + "." for p in parts[1:])


def judge_name(rng: random.Random) -> str:
    """A full judge name from an invented root, e.g. 'Макетова Ирина Сергеевна'."""
    root = rng.choice(_JUDGE_ROOTS)
    female = rng.random() < 0.3
    surname = root + ("ова" if female else "ов")
    first = rng.choice(_FEMALE_NAMES if female else _MALE_NAMES)
    patronym = rng.choice(_PATRONYMS_F if female else _PATRONYMS_M)
    return f"{surname} {first} {patronym}"


def defendant_name(rng: random.Random) -> str:
    """An ordinary male full name (servicemen): surname, name, patronymic."""
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MALE_NAMES)} {rng.choice(_PATRONYMS_M)}"


def hash_initials(full: str) -> str:
    """The depersonalised form courts use in acts: 'Сафонов Игорь Петрович' → 'С.И.П.'"""
    return "".join(p[0] + "." for p in full.split())
