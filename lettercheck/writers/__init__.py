"""Writers: files made from a checked letter (Word comments, edited copies)."""
