"""The one exception type for problems a user can cause and fix, and how text from files is made safe to show."""

# Characters that move the cursor, start an escape sequence, end a line or reorder what follows (bidi
# controls): each is shown as its Python escape ("\x1b", "\n", "\u202e") instead.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = {
    code: repr(chr(code))[1:-1]
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *map(ord, _BIDI_CONTROLS))
}


class InputError(Exception):
    """Bad input: a missing path, an undecodable file, a malformed claims.toml.

    The message is shown to the user as one line (it names the file and the problem),
    and the command exits with status 2.
    """


class NoSourcesError(InputError):
    """The paths given hold no document to read: `init` then falls back to the bundled seed articles."""


def printable(text: str) -> str:
    """Text from a file or a file name, safe to print: one line, and no control character that a terminal
    or a CI runner would act on (an escape sequence, a `::` workflow command on a line of its own)."""
    return text.translate(_HIDDEN)
