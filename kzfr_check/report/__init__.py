"""Output formats: one module each behind one interface, `render(report, options) -> str`.

Adding a format is one new module with a `render` function and one line in FORMATS. Modules are
imported only when their format is asked for, to keep start-up fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from kzfr_check.errors import printable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from kzfr_check.claims import Claim
    from kzfr_check.pipeline import Report

# format name -> module under kzfr_check.report
FORMATS = {
    "text": "terminal",
    "json": "json",
    "markdown": "markdown",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


@dataclass(frozen=True)
class RenderOptions:
    """What a person asked of the output; each format uses what applies to it."""

    show_all: bool = False  # also topics that agree or are compatible (text)
    color: bool = False
    width: int = 100


class Renderer(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


def renderer(name: str) -> Renderer:
    """The render function of a format."""
    return import_module(f"kzfr_check.report.{FORMATS[name]}").render  # type: ignore[no-any-return]


def chunk_renderer(name: str) -> Callable[[Report, RenderOptions], Iterable[str]]:
    """A format's output in pieces to write one after the other: a format that can stream its output
    (json) says so with `render_chunks`; any other gives its whole text as one piece."""
    module = import_module(f"kzfr_check.report.{FORMATS[name]}")
    if hasattr(module, "render_chunks"):
        return module.render_chunks  # type: ignore[no-any-return]
    return lambda report, options: [module.render(report, options)]


def fold(text: str) -> str:
    """Text on one line: every run of whitespace, line breaks included, becomes one space."""
    return re.sub(r"\s+", " ", text)


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """A claim's sentence as the source wrote it, folded onto one line (control characters shown as escapes) and
    cut around its figure, for a format to highlight the middle part."""
    start, end = claim.figure_in_quote
    return (printable(fold(claim.quote[:start]).lstrip()), printable(fold(claim.quote[start:end])),
            printable(fold(claim.quote[end:]).rstrip()))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
