"""Captcha answers kept with their images: a labelled corpus for a better model later.

Under the raw archive: ``captcha/accepted/<answer>-<sha12>.png`` for answers a site took,
``captcha/rejected/<answer>-<sha12>.png`` for answers it refused (kept apart: their label is
wrong), and one ``labels.jsonl`` line per answer (court, captchaid, answer, who answered, when).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path


class CaptchaCorpus:
    def __init__(self, root: Path) -> None:
        self.root = root

    def keep(self, image: bytes, answer: str, *, accepted: bool, court: str, captchaid: str, by: str) -> Path:
        folder = self.root / ("accepted" if accepted else "rejected")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{answer}-{hashlib.sha256(image).hexdigest()[:12]}.png"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(image)
            os.replace(tmp, path)
        line = {"file": str(path.relative_to(self.root)), "answer": answer, "accepted": accepted,
                "court": court, "captchaid": captchaid, "by": by,
                "at": datetime.now(UTC).isoformat(timespec="seconds")}
        with (self.root / "labels.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        return path
