"""`python -m kzfr_check` runs the command line."""

from kzfr_check import main

main()
