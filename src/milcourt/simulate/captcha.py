"""The simulator's own captchas, drawn in the style of the sudrf engine's, and the pairs they make.

What a real site shows (see ../shared/fixtures/sudrf/sudrf_captcha_form.html): a PNG of 100×30
pixels, a flat light-grey background, five blue digits each turned on its own by up to about 25°,
set so close that they touch or overlap, and five or six one-pixel lines in other colours drawn
across. These images are drawn here from a font, never copied from a real site.

A *challenge* is one image with its ``captchaid`` (26 characters of [0-9a-v], as on the real
sites). A client asking for the search form again gets the same challenge for a while, and a
wrong answer does not change it; a correct answer turns it into a *pair* (answer, id) that opens
the court's searches until its lifetime is over, after which the site silently answers with the
search form again.
"""

from __future__ import annotations

import io
import random
import threading
import time
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 100, 30
ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv"
_BACKGROUND = (242, 242, 242)
_BLUES = ((20, 90, 150), (30, 100, 160), (15, 80, 140), (35, 110, 170))
_LINE_COLOURS = ((120, 40, 160), (60, 200, 60), (160, 150, 60), (20, 60, 140), (220, 220, 90),
                 (40, 160, 150), (200, 80, 80))
_FONT_SIZE = 21
_font_lock = threading.Lock()
_fonts: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's own scalable font: the same glyphs on every machine, no system font needed."""
    with _font_lock:
        if size not in _fonts:
            _fonts[size] = ImageFont.load_default(size=size)
        return _fonts[size]


def _glyph(digit: str, rng: random.Random) -> Image.Image:
    """One digit on a transparent tile, in a blue, turned by up to ±25°."""
    font = _font(_FONT_SIZE + rng.randint(-1, 1))
    tile = Image.new("RGBA", (30, 34), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    colour = rng.choice(_BLUES)
    for dx in (0, 1):  # drawn twice a pixel apart: the engine's digits are bolder than the font
        draw.text((15 + dx, 17), digit, font=font, fill=(*colour, 255), anchor="mm")
    return tile.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BILINEAR, expand=False)


def draw_captcha(digits: str, rng: random.Random, size: tuple[int, int] = (WIDTH, HEIGHT)) -> bytes:
    """The PNG bytes of one captcha showing ``digits`` (five of them on the real sites)."""
    image = Image.new("RGB", size, _BACKGROUND)
    step = (WIDTH - 22) / max(len(digits), 1)
    x = 9 + rng.uniform(-2, 3)
    for digit in digits:
        tile = _glyph(digit, rng)
        image.paste(tile, (int(x) - 8, rng.randint(-4, -1)), tile)
        x += step + rng.uniform(-2.0, 1.5)  # close enough to touch, now and then to overlap
    draw = ImageDraw.Draw(image)
    for _ in range(rng.choice((5, 6))):
        colour = rng.choice(_LINE_COLOURS)
        if rng.random() < 0.6:  # mostly long near-horizontal strokes, some steep diagonals
            y0, y1 = rng.randint(2, HEIGHT - 3), rng.randint(2, HEIGHT - 3)
            draw.line((rng.randint(0, 20), y0, rng.randint(60, WIDTH), y1), fill=colour, width=1)
        else:
            draw.line((rng.randint(0, WIDTH), 0, rng.randint(0, WIDTH), HEIGHT), fill=colour, width=1)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def new_id(rng: random.Random) -> str:
    return "".join(rng.choice(ID_ALPHABET) for _ in range(26))


@dataclass
class Challenge:
    captchaid: str
    answer: str
    image: bytes
    issued: float
    solved_at: float | None = None  # when a correct answer first came: the pair's life starts


@dataclass
class CaptchaDesk:
    """The challenges of every captcha court, per (court, client), and the pairs they became.

    ``refresh`` is how long a client keeps being shown the same unsolved image; ``lifetime`` how
    long a solved pair opens searches.
    """

    seed: int = 1
    refresh: float = 300.0
    lifetime: float = 1800.0
    _rng: random.Random = field(default_factory=random.Random)
    _by_client: dict[tuple[str, str], Challenge] = field(default_factory=dict)
    _by_id: dict[str, tuple[str, Challenge]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"captcha:{self.seed}")

    def challenge(self, court: str, client: str) -> Challenge:
        """The image this client is shown on ``court``'s search form now."""
        now = time.monotonic()
        with self._lock:
            current = self._by_client.get((court, client))
            if current is not None and (current.solved_at is not None or now - current.issued < self.refresh):
                return current
            answer = "".join(self._rng.choice("0123456789") for _ in range(5))
            made = Challenge(new_id(self._rng), answer, b"", now)
            seed = self._rng.random()
        made.image = draw_captcha(answer, random.Random(seed))  # drawn outside the lock
        with self._lock:
            self._by_client[(court, client)] = made
            self._by_id[made.captchaid] = (court, made)
        return made

    def check(self, court: str, code: str, captchaid: str) -> str:
        """``ok``, ``wrong`` (missing or wrong code, unknown id) or ``expired`` (the pair's time is up)."""
        now = time.monotonic()
        with self._lock:
            found = self._by_id.get(captchaid)
            if found is None or found[0] != court or code.strip() != found[1].answer:
                return "wrong"
            challenge = found[1]
            if challenge.solved_at is None:
                challenge.solved_at = now
            if now - challenge.solved_at > self.lifetime:
                del self._by_id[captchaid]  # gone: the next form shows a new image
                for key, value in list(self._by_client.items()):
                    if value is challenge:
                        del self._by_client[key]
                return "expired"
            return "ok"
