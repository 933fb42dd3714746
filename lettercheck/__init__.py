"""lettercheck: check Dutch letters from public bodies for plain language and stress-sensitivity."""

__version__ = "0.1.0"
