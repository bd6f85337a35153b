"""kfin-tui: a terminal reader for Chinese financial news."""

__version__ = "0.1.0"
