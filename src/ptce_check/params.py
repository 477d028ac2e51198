"""Parameter types shared by the kinds: a call file's `params` are validated into these."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class NoParams(BaseModel):
    """The params of a kind that takes none: a call file may give none."""

    model_config = ConfigDict(extra="forbid", frozen=True)
