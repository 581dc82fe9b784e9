"""The captcha pieces on real and simulated pages: reading the form, the solver, the answers'
classification, the simulator's generator and pairs, and the platform pacer."""

from __future__ import annotations

import io
import random
import time
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.crawl.captcha.challenge import form_url, pair_of, read_challenge, with_pair
from milcourt.crawl.captcha.ctc import best_texts
from milcourt.crawl.captcha.solver import (
    CaptchaImageError,
    OcrSolver,
    OperatorSolver,
    check_image,
    make_solver,
)
from milcourt.crawl.platform import PlatformPacer
from milcourt.parse.detect import search_answer
from milcourt.simulate import forms, layout
from milcourt.simulate.captcha import CaptchaDesk, draw_captcha


def test_reads_the_real_captcha_form(sudrf_fixtures: Path) -> None:
    challenge = read_challenge((sudrf_fixtures / "sudrf_captcha_form.html").read_bytes())
    assert challenge.captchaid == "v3ruvq66jtumpc886v4g0fp6o7"
    assert Image.open(io.BytesIO(challenge.image)).size == (100, 30)
    # the digits in the image, as a person reads them: 9 0 2 9 9
    assert OcrSolver().solve(challenge.image)[0] == "90299"


def test_alternatives_are_distinct_five_digit_readings(sudrf_fixtures: Path) -> None:
    image = read_challenge((sudrf_fixtures / "sudrf_captcha_form.html").read_bytes()).image
    answers = OcrSolver().solve(image)
    assert 2 <= len(answers) <= 4 and len(set(answers)) == len(answers)
    assert all(len(a) == 5 and a.isdigit() for a in answers)


def test_ctc_beam_merges_repeats_and_ranks_by_probability() -> None:
    # steps: blank, '1', '1', blank, '1', '2' (each nearly sure) → "112"; the runner-up swaps one step
    alphabet = "12"
    rows = []
    for cls, p in ((0, 0.9), (1, 0.9), (1, 0.9), (0, 0.9), (1, 0.6), (2, 0.9)):
        row = np.full(3, (1 - p) / 2)
        row[cls] = p
        rows.append(row)
    texts = best_texts(np.array(rows), alphabet, keep=3)
    assert texts[0][0] == "112"
    assert texts[0][1] > texts[1][1] > texts[2][1]


@pytest.mark.parametrize("image, message", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\nbroken", "not a readable PNG"),
    (draw_captcha("12345", random.Random(1), size=(120, 40)), "the sites serve 100x30"),
])
def test_bad_images_are_refused_with_a_reason(image: bytes, message: str) -> None:
    with pytest.raises(CaptchaImageError, match=message):
        check_image(image)
    with pytest.raises(CaptchaImageError, match=message):
        OcrSolver().solve(image)


def test_the_simulators_form_round_trips_and_the_pair_goes_on_search_urls() -> None:
    desk = CaptchaDesk(seed=3, refresh=60, lifetime=60)
    shown = desk.challenge("54GV0003", "10.0.0.1")
    assert desk.challenge("54GV0003", "10.0.0.1") is shown  # the same image for a while
    assert len(shown.captchaid) == 26 and set(shown.captchaid) <= set("0123456789abcdefghijklmnopqrstuv")
    page = forms.render_search_form("Суд", "/54GV0003", "1540006", shown)
    got = read_challenge(page)
    assert (got.image, got.captchaid) == (shown.image, shown.captchaid)
    assert search_answer(page) == "expired"  # the form where results were expected
    url = "http://x/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=1540006&Submit=%CD%E0%E9%F2%E8"
    paired = with_pair(url, "12345", shown.captchaid)
    assert pair_of(paired) == ("12345", shown.captchaid) and "Submit=%CD%E0%E9%F2%E8" in paired
    assert pair_of(with_pair(paired, None, None)) is None
    assert form_url(paired) == "http://x/modules.php?name=sud_delo&name_op=sf&srv_num=1&delo_id=1540006"


def test_simulated_pairs_wrong_ok_and_expiry() -> None:
    desk = CaptchaDesk(seed=3, refresh=60, lifetime=0.3)
    shown = desk.challenge("54GV0003", "c")
    wrong = "00000" if shown.answer != "00000" else "11111"
    assert desk.check("54GV0003", wrong, shown.captchaid) == "wrong"
    assert desk.challenge("54GV0003", "c") is shown  # a wrong answer does not change the image
    assert desk.check("27GV0005", shown.answer, shown.captchaid) == "wrong"  # another court's pair
    assert desk.check("54GV0003", shown.answer, shown.captchaid) == "ok"
    assert desk.check("54GV0003", shown.answer, shown.captchaid) == "ok"  # reused
    time.sleep(0.35)
    assert desk.check("54GV0003", shown.answer, shown.captchaid) == "expired"
    assert desk.challenge("54GV0003", "c").captchaid != shown.captchaid  # a new image after expiry


def test_gate_answers_are_classified(sudrf_fixtures: Path) -> None:
    assert search_answer((sudrf_fixtures / "ksoyu_listing_captcha_gate.html").read_bytes()) == "wrong_code"
    assert search_answer((sudrf_fixtures / "ksoyu_temporarily_unavailable.html").read_bytes()) == "platform_block"
    assert search_answer((sudrf_fixtures / "ksoyu_listing_acts.html").read_bytes()) is None
    assert search_answer((sudrf_fixtures / "ksoyu_card_criminal.html").read_bytes()) is None
    assert search_answer(b"", status=429) == "platform_block"
    expired = layout.module_page("Суд", date(2025, 1, 1), "1540006",
                                 "<div id='error'>Время жизни сессии закончилось</div>")
    assert search_answer(expired) == "expired"
    wrong = layout.module_page("Суд", date(2025, 1, 1), "1540006",
                               layout.captcha_gate_content("", "1540006", "0"))
    assert search_answer(wrong) == "wrong_code"


def test_the_operator_answers_and_sees_an_enlarged_image(tmp_path: Path) -> None:
    image = draw_captcha("24680", random.Random(4))
    prompts: list[str] = []
    replies = iter(["12", "24680"])  # a slip first: only five digits are taken

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    solver = OperatorSolver(tmp_path, ask=ask, names={"54GV0003": "Новосибирский гарнизонный военный суд"})
    assert solver.solve(image, court="54GV0003") == ["24680"]
    assert "Новосибирский гарнизонный военный суд" in prompts[0]
    shown = Path(prompts[0].split("open ")[1].split(" and type")[0])
    big = Image.open(shown)
    assert big.size == (500, 150)
    small = big.resize((100, 30), Image.Resampling.NEAREST).convert("RGB")
    assert small.tobytes() == Image.open(io.BytesIO(image)).convert("RGB").tobytes()  # nearest-neighbour
    assert OperatorSolver(tmp_path, ask=lambda _: "").solve(image) == []  # the operator passes
    assert make_solver("off") is None
    with pytest.raises(ValueError, match="--captcha"):
        make_solver("sometimes")


def test_platform_pacer_spaces_turns_and_pauses_after_a_block() -> None:
    pacer = PlatformPacer(rate=2.0, pause=10.0)
    pacer.take(100.0)
    assert pacer.ready_at() == 100.5
    pacer.take(100.7)
    assert pacer.ready_at() == 101.2
    assert pacer.block(101.0) == pytest.approx(10.0)
    assert pacer.ready_at() == 111.0
    assert pacer.block(105.0) == pytest.approx(4.0)  # a second block extends the pause
    with pytest.raises(ValueError, match="--platform-rate"):
        PlatformPacer(rate=0, pause=1)


def test_captcha_solve_cli(sudrf_fixtures: Path, tmp_path: Path) -> None:
    image = tmp_path / "c.png"
    image.write_bytes(read_challenge((sudrf_fixtures / "sudrf_captcha_form.html").read_bytes()).image)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    result = CliRunner().invoke(app, ["captcha", "solve", str(image), str(sudrf_fixtures / "sudrf_captcha_form.html"),
                                      str(bad)])
    assert result.exit_code == 1
    assert result.stdout.count("90299") == 2
    assert "bad.png" in result.output and "not a readable PNG" in result.output
