"""The command line answers --help and --version."""

from typer.testing import CliRunner

from milcourt import __version__
from milcourt.cli import app


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"milcourt {__version__}"


def test_help_lists_verbs() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "milcourt" in result.output
