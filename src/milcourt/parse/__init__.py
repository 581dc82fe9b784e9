"""Page parser: court-website pages (sudrf "ГАС Правосудие" engine) into structured records.

``parse_page(data, source=..., base_url=...)`` reads one page (case card, search results,
captcha, unavailable, unknown); ``decode_page`` decides the encoding from the bytes;
``read_articles`` reads article references into :class:`milcourt.law.Article`s (``parse_articles``:
the same as page records keep them). See docs/parse.md.
"""

from milcourt.parse.articles import parse_articles, read_articles
from milcourt.parse.decode import decode_page
from milcourt.parse.errors import PageLayoutError, ParseError
from milcourt.parse.page import parse_page

__all__ = ["PageLayoutError", "ParseError", "decode_page", "parse_articles", "parse_page", "read_articles"]
