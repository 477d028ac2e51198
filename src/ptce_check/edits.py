"""What a fix is: text edits at positions, and the message that says what they do. A leaf, so
that a finding can carry its fix (`Finding.fix`); `fixes.py` computes and applies them."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ptce_check.i18n import Lang, Text


class Edit(Struct, frozen=True):
    """Replace the text from (start_line, start_column) up to, not including, (end_line,
    end_column) with `new_text`; 1-based, columns in Unicode characters."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    new_text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": self.new_text,
            "location": {"line": self.start_line, "column": self.start_column},
            "end_location": {"line": self.end_line, "column": self.end_column},
        }


class Fix(Struct, frozen=True):
    message: Text
    edits: tuple[Edit, ...]

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The contract's `fix: {message, edits}` of a finding in JSON."""
        return {"message": self.message.get(lang), "edits": [edit.to_dict() for edit in self.edits]}
