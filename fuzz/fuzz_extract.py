"""Coverage-guided fuzzing of reading and extraction with atheris: any bytes, as a .txt, .md or .html
source, are read, split into claims and re-read without an exception, and every claim points at its
own text. See fuzz/README.md for how to run it."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["kzfr_check"]):
    from kzfr_check.claims import extract_claims, figures_in, reference_date
    from kzfr_check.errors import InputError
    from kzfr_check.sources import read_source
    from kzfr_check.values import WEEKDAYS, weekday_figures

# Where each input is written as a file, under $TMPDIR: libFuzzer ends the process without Python's atexit, so
# a run cannot remove it (the test gives each run a TMPDIR of its own).
FOLDER = Path(tempfile.mkdtemp(prefix="kzfr-fuzz-"))
SUFFIXES = [".txt", ".md", ".html"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    path = FOLDER / f"doc{fdp.PickValueInList(SUFFIXES)}"
    path.write_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()))
    try:
        source = read_source(path, "doc")
    except InputError as error:
        assert "looks binary" in str(error), error
        return
    assert len(source.norm) == len(source.text)
    for claim in extract_claims(source):
        assert source.text[claim.start:claim.end] == claim.text
        assert claim.said == source.norm[claim.quote_start:claim.quote_start + len(claim.said)]
        assert claim.line >= 1
        span = (claim.start - claim.quote_start, claim.end - claim.quote_start)
        again = figures_in(claim.said, reference_date(source), claim.language)
        found = any((f.start, f.end) == span for f in again)
        if source.date is None and claim.kind in ("date", "period") and not found:
            # a day without its year in a page without a date: read in the year of a day stated before it
            again = figures_in(claim.said, dt.date.fromordinal(int(claim.value.low)), claim.language)
        if claim.text in WEEKDAYS:  # a day named by its weekday, in a page of a known day
            d = source.date
            again = weekday_figures(claim.said, dt.date(d.year, d.month, d.day))  # type: ignore[union-attr, arg-type]
        assert any((f.start, f.end) == span for f in again) or claim.kind == "anniversary"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
