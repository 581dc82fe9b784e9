"""Docs stay true to the code: every verb and option of the CLI is in docs/cli.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main

from milcourt.cli import app

REPO = Path(__file__).resolve().parent.parent


def _commands(group: Any, prefix: str = "milcourt") -> list[tuple[str, Any]]:
    """Every leaf verb of the CLI (typer vendors click, so groups are told by ``commands``)."""
    found: list[tuple[str, Any]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            if any(p.param_type_name == "option" for p in command.params):
                found.append((path, command))  # a group that also answers on its own (milcourt stats)
            found.extend(_commands(command, path))
        else:
            found.append((path, command))
    return found


def _sections() -> dict[str, str]:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^## `(milcourt[^`]*)`\s*$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_verb_and_option_is_documented() -> None:
    root = typer.main.get_command(app)
    sections = _sections()
    missing = []
    for path, command in _commands(root):
        section = sections.get(path)
        if section is None:
            missing.append(f"{path}: no section '## `{path}`' in docs/cli.md")
            continue
        for param in command.params:
            for opt in param.opts if param.param_type_name == "option" else []:
                if opt.startswith("--") and opt != "--help" and opt not in section:
                    missing.append(f"{path}: option {opt} not in its docs/cli.md section")
    assert not missing, "\n".join(missing)


def test_no_documented_verb_is_gone() -> None:
    root = typer.main.get_command(app)
    verbs = {path for path, _ in _commands(root)}
    stale = sorted(set(_sections()) - verbs)
    assert not stale, f"docs/cli.md documents verbs the CLI no longer has: {stale}"


def test_every_verb_help_has_an_example() -> None:
    root = typer.main.get_command(app)
    lacking = [path for path, cmd in _commands(root) if "Example:" not in (cmd.help or "")]
    assert not lacking, f"verbs whose --help has no example: {lacking}"


def test_every_store_table_and_column_is_in_the_codebook() -> None:
    from milcourt.store.schema import metadata

    text = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    missing = []
    for table in metadata.tables.values():
        match = re.search(rf"^### `{table.name}`.*?(?=^### |\Z)", text, flags=re.M | re.S)
        if match is None:
            missing.append(f"table {table.name}")
            continue
        documented = {name.strip() for cell in re.findall(r"^\| ([^|]+) \|", match.group(0), flags=re.M)
                      for name in cell.split(",")}
        missing += [f"{table.name}.{col.name}" for col in table.columns if col.name not in documented]
    assert not missing, f"docs/schema.md lacks: {missing}"
