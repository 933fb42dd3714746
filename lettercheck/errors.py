"""Errors the user sees: a Dutch message for people, an English detail for logs."""

from __future__ import annotations


class LetterError(Exception):
    """A letter or setting lettercheck cannot work with.

    ``message`` is Dutch and shown to the user; ``detail`` is English and goes to
    the log. Neither may contain letter text: letters hold personal data.
    """

    def __init__(self, code: str, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.code = code
        self.message = message
        self.detail = detail or code

    def __reduce__(self):
        # Reports cross process boundaries (parallel checks); keep all three fields.
        return type(self), (self.code, self.message, self.detail)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}
