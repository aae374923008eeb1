"""The one exception type for problems a user can cause and fix."""


class InputError(Exception):
    """Bad input: a missing path, an undecodable file, a malformed claims.toml.

    The message is shown to the user as one line (it names the file and the problem),
    and the command exits with status 2.
    """


class NoSourcesError(InputError):
    """The paths given hold no document to read: `init` then falls back to the bundled seed articles."""
