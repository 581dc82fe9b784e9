"""Named parse errors: a page the parser cannot read fails loudly, naming the file and the gap.

A silently empty record is worse than an error: it would look like a case with no persons or a
listing with no rows. Every error carries ``source`` (the file or URL) so a batch run can say
which input was wrong and carry on with the rest.
"""

from __future__ import annotations


class ParseError(ValueError):
    """An input that is not a readable court page (empty, binary, broken)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class PageLayoutError(ParseError):
    """A recognised court page whose layout lacks something every such page has.

    Raised by the sanity check after a parse (like Juriscraper's ``_check_sanity``), e.g. a case
    card without a case number or a listing whose rows cannot be read.
    """
