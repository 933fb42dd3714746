"""argparse in Dutch: its own texts (usage, section titles, error messages) translated.

argparse looks its texts up through ``gettext`` as it runs; :func:`dutch` swaps its lookup functions for the
Dutch table while lettercheck's parser is built and parses, and puts them back after, so other users of
argparse in the same process (pytest) keep theirs.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "%r hoort niet bij deze optie",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}
"""argparse's texts that users see (Python 3.11 to 3.13); messages about mistakes in a parser's own set-up stay
English."""
DUTCH_PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("hier hoort %s waarde bij", "hier horen %s waarden bij"),
}


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    one, many = DUTCH_PLURALS.get((singular, plural), (singular, plural))
    return one if count == 1 else many


@contextlib.contextmanager
def dutch() -> Iterator[None]:
    """argparse speaks Dutch inside the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = gettext, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
