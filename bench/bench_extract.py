"""Extraction speed: acts per second on one core, on acts of about 10 KB: >= 50 with the syntax
parser, >= 100 without it (``MILCOURT_SYNTAX=0``).

The acts are the labelled development acts, each lengthened to ~10 KB with the evidence
paragraphs real verdicts carry (witness statements, records, documents) inserted before the
court's reasoning, so the timing includes the parts the extractor must read past.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from milcourt.extract import extract_act, syntax
from milcourt.extract.spans import clear_cache as clear_grammar_cache

TARGET_ACTS_PER_S = 100  # rules only
TARGET_WITH_PARSER = 50  # with natasha's dependency parser on the prefiltered sentences
TARGET_SIZE = 10_000
ACTS = Path(__file__).resolve().parent.parent / "tests" / "acts"

EVIDENCE = [
    "Свидетель ФИО20, командир взвода, в судебном заседании показал, что ДД.ММ.ГГГГ при проведении утреннего "
    "построения личного состава подразделения было выявлено отсутствие подсудимого, о чем он доложил командиру "
    "роты. Принятыми мерами по розыску местонахождение военнослужащего установить не удалось.",
    "Из оглашенных в судебном заседании с согласия сторон показаний свидетеля ФИО21, военнослужащего по контракту, "
    "следует, что подсудимый проходил службу в одном с ним подразделении, по службе характеризовался посредственно, "
    "о его намерении не являться на службу ему ничего известно не было.",
    "Согласно выписке из приказа командира войсковой части 00000 от ДД.ММ.ГГГГ № подсудимый зачислен в списки "
    "личного состава воинской части и полагается приступившим к исполнению обязанностей военной службы.",
    "Как следует из регламента служебного времени, утвержденного командиром войсковой части 00000, для "
    "военнослужащих установлено время прибытия на службу к 8 часам 30 минутам ежедневно, кроме выходных и "
    "праздничных дней, время убытия со службы – 18 часов.",
    "Согласно заключению военно-врачебной комиссии от ДД.ММ.ГГГГ № подсудимый признан годным к военной службе. "
    "Из заключения комиссии экспертов следует, что подсудимый каким-либо психическим расстройством не страдал и не "
    "страдает, мог в период инкриминируемого деяния осознавать фактический характер своих действий.",
    "Из протокола осмотра документов от ДД.ММ.ГГГГ следует, что осмотрены книга учета личного состава, журнал "
    "вечерних поверок и рапорты командира подразделения, в которых отражено отсутствие подсудимого на службе.",
    "Свидетель ФИО22, сотрудник военной комендатуры, показал, что участвовал в мероприятиях по розыску "
    "военнослужащих, самовольно оставивших воинские части, и ему известно, что подсудимый объявлялся в розыск.",
]


def lengthen(text: str, size: int = TARGET_SIZE) -> str:
    """Insert evidence paragraphs before the court's qualification, up to ``size`` characters."""
    m = re.search(r"\n[^\n]*квалифицир", text) or re.search(r"\n[^\n]*(?:приговорил|постановил|определил)", text, re.I)
    at = m.start() if m else len(text) // 2
    block, i = [], 0
    while len(text) + sum(len(b) + 2 for b in block) < size:
        block.append(EVIDENCE[i % len(EVIDENCE)])
        i += 1
    return text[:at] + "\n\n" + "\n\n".join(block) + text[at:]


def corpus() -> list[str]:
    paths = sorted(ACTS.glob("*/*.txt"))
    return [lengthen(p.read_text(encoding="utf-8")) for p in paths]


def clear_cache() -> None:
    """Cold: neither grammar matches nor parsed sentences are remembered from the act before."""
    clear_grammar_cache()
    syntax.clear_cache()


def _rate(acts: list[str], rounds: int, cold: bool) -> float:
    started = time.process_time()
    for r in range(rounds):
        for text in acts:
            if cold:
                clear_cache()
            extract_act(text + " " * (r + 1))
    return rounds * len(acts) / (time.process_time() - started)


def run() -> bool:
    previous = os.environ.get("MILCOURT_SYNTAX")
    os.environ["MILCOURT_SYNTAX"] = "1"  # the first figures are with the parser, whatever the caller set
    try:
        return _run()
    finally:
        if previous is None:
            del os.environ["MILCOURT_SYNTAX"]
        else:
            os.environ["MILCOURT_SYNTAX"] = previous


def _run() -> bool:
    acts = corpus()
    if not acts:
        print("no acts under tests/acts")
        return False
    for text in acts:  # load the morphology dictionaries and compile the grammars
        extract_act(text)
    rounds = max(1, 300 // len(acts))
    size = sum(len(t) for t in acts) / len(acts) / 1000
    cold = _rate(acts, rounds, cold=True)
    clear_cache()
    warm = _rate(acts, rounds, cold=False)
    print(f"extract: {len(acts)} acts of {size:.1f} KB avg, {rounds} rounds, one core (CPU time)")
    print(f"  with the syntax parser, cold caches (cleared before every act): {cold:.0f} acts/s   "
          f"target >= {TARGET_WITH_PARSER}")
    print(f"  with the syntax parser, warm caches (formulae repeat):          {warm:.0f} acts/s")
    os.environ["MILCOURT_SYNTAX"] = "0"
    clear_cache()
    bare = _rate(acts, rounds, cold=True)
    print(f"  without it (MILCOURT_SYNTAX=0), cold caches:                    {bare:.0f} acts/s   "
          f"target >= {TARGET_ACTS_PER_S}")
    return cold >= TARGET_WITH_PARSER and bare >= TARGET_ACTS_PER_S
