"""Send a digest by e-mail through the SMTP server named in the settings.

Settings, environment first, then ``<data dir>/smtp.toml`` (keys without the prefix, lower case:
``host``, ``port``, ``user``, ``password``, ``sender``, ``starttls``, ``timeout``):
``MILCOURT_SMTP_HOST`` (required), ``MILCOURT_SMTP_PORT`` (25), ``MILCOURT_SMTP_USER`` and
``MILCOURT_SMTP_PASSWORD`` (login when both are set), ``MILCOURT_SMTP_SENDER``
(``milcourt@<host name>``), ``MILCOURT_SMTP_STARTTLS`` (``1`` to upgrade the connection),
``MILCOURT_SMTP_TIMEOUT`` (seconds, 20).
"""

from __future__ import annotations

import os
import smtplib
import socket
import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from milcourt.paths import data_dir


class MailError(RuntimeError):
    """The digest could not be sent (settings missing, server unreachable or refusing)."""


@dataclass
class SmtpSettings:
    host: str
    port: int = 25
    user: str | None = None
    password: str | None = None
    sender: str = ""
    starttls: bool = False
    timeout: float = 20.0


def settings_file() -> Path:
    return data_dir() / "smtp.toml"


def load_settings() -> SmtpSettings:
    path = settings_file()
    values: dict[str, Any] = {}
    if path.exists():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise MailError(f"{path}: not a readable TOML file: {exc}") from exc
    for key in ("host", "port", "user", "password", "sender", "starttls", "timeout"):
        env = os.environ.get(f"MILCOURT_SMTP_{key.upper()}")
        if env is not None:
            values[key] = env
    if not values.get("host"):
        raise MailError(f"no SMTP server: set MILCOURT_SMTP_HOST (and _PORT …) or host = … in {path}")
    try:
        port = int(values.get("port", 25))
        timeout = float(values.get("timeout", 20))
    except (TypeError, ValueError) as exc:
        raise MailError(f"SMTP port/timeout must be numbers: {exc}") from exc
    starttls = str(values.get("starttls", "")).lower() in ("1", "true", "yes")
    sender = str(values.get("sender") or f"milcourt@{socket.gethostname()}")
    return SmtpSettings(str(values["host"]), port, values.get("user"), values.get("password"), sender,
                        starttls, timeout)


def send(to: str, subject: str, body: str, *, html_body: str | None = None,
         settings: SmtpSettings | None = None) -> None:
    """Send one message; :class:`MailError` naming the server on any failure."""
    if "@" not in to or any(c.isspace() for c in to):
        raise MailError(f"--mail-to wants an e-mail address, got {to!r}")
    s = settings or load_settings()
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = s.sender, to, subject
    message.set_content(body)
    if html_body is not None:
        message.add_alternative(html_body, subtype="html")
    try:
        with smtplib.SMTP(s.host, s.port, timeout=s.timeout) as smtp:
            if s.starttls:
                smtp.starttls()
            if s.user and s.password:
                smtp.login(s.user, s.password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"could not send the digest through SMTP {s.host}:{s.port}: {exc}") from exc
