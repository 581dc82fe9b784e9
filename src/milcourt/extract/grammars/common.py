"""Building blocks shared by the grammars: numbers in digits and words, punctuation."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, in_, type

from milcourt.extract.numbers import NUMBER_LEMMAS

INT = type("INT")
NUMBER_WORD = dictionary(NUMBER_LEMMAS)
NUMBER_WORDS = NUMBER_WORD.repeatable(max=4)
QUOTE_OPEN = in_({"«", '"', "“", "'"})
QUOTE_CLOSE = in_({"»", '"', "”", "'"})

# "5", "5 (пяти)", "(пять)", "пяти", "50 000 (пятьдесят тысяч)"
NUMBER = or_(
    rule(INT.repeatable(max=3), rule(eq("("), NUMBER_WORDS, eq(")")).optional()),
    NUMBER_WORDS,
)
