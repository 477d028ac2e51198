"""User errors (a clean message, exit status 2) as opposed to findings about a dossier."""

from __future__ import annotations

from ptce_check.i18n import Text


class UserError(Exception):
    """A usage or tool error: bad option, unknown call, unreadable criteria file, missing path."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.text = message
