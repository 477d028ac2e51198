"""Write docs/codes.md from src/ptce_check/explanations.toml (tests/test_explain.py fails when it is not current)."""

from __future__ import annotations

from pathlib import Path

from ptce_check.explanations import CODES_PAGE, codes_page

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    (ROOT / CODES_PAGE).write_text(codes_page(), encoding="utf-8")


if __name__ == "__main__":
    main()
