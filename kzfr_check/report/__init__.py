"""Output formats: one module each, every one a `render(report, ...) -> str`."""

from __future__ import annotations

FORMATS = ("text", "json")
