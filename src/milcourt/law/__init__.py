"""The law a prosecution is brought under: the article model every stage shares.

The bottom layer: it imports nothing of milcourt, so parse, extract, store, stats and publish
can all speak of the same :class:`Article`.
"""

from milcourt.law.article import RECORD_FIELDS, STAGES, Article, parse_short

__all__ = ["RECORD_FIELDS", "STAGES", "Article", "parse_short"]
