"""`python -m kzfr_check` runs the command line."""

from kzfr_check.cli import app

app(prog_name="kzfr-check")
