"""The pseudonymiser: stable pseudonyms for people, and names scrubbed from free text.

It sits below the parser (it imports only the bottom utilities) so that parse, extract and
the store can all use it. See docs/names.md.
"""

from milcourt.names.people import is_person_name
from milcourt.names.pseudonym import Pseudonymizer, SecretFileError, identity_key, normalise_name, people_from

__all__ = ["Pseudonymizer", "SecretFileError", "identity_key", "is_person_name", "normalise_name", "people_from"]
