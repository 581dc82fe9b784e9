"""The one error of the official-statistics loader."""


class Form10aError(ValueError):
    """A workbook that cannot be read as form 10-a; the message names the file and what is missing."""
