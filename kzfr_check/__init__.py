"""kzfr-check: find where a folder of sources disagrees on facts and figures."""

__version__ = "0.1.0"
