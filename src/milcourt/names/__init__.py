"""The pseudonymiser: stable pseudonyms for people, and names scrubbed from free text.

It sits below the parser (it imports only the bottom utilities) so that parse, extract and
the store can all use it. The public API: :class:`Pseudonymizer` (a secret, pseudonyms,
scrubbing), :class:`PagePeople` (one page's judges and parties, each name's forms tied to one
person), and the name tests the callers need. The parser's ``depersonalise`` applies it to a
page record. See docs/names.md.
"""

from milcourt.names.page_people import PagePeople
from milcourt.names.people import is_person_name
from milcourt.names.pseudonym import Pseudonymizer, SecretFileError, identity_key, normalise_name, people_from

__all__ = ["PagePeople", "Pseudonymizer", "SecretFileError", "identity_key", "is_person_name", "normalise_name",
           "people_from"]
