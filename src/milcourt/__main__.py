"""``python -m milcourt``: the same command line as the ``milcourt`` script."""

from milcourt.cli import main

main()
