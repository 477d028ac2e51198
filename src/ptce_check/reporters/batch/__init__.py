"""The batch formats of `screen` (rich, json, csv, markdown, html, xlsx): each receives the whole
`BatchResult` once; the decision table (`table`) and the labelled facts (`facts`) are shared so
that every format says the same thing."""

#: Formats whose `render` writes bytes to a binary stream: only to a file (`-o`), never to a
#: terminal or standard output.
BINARY_FORMATS = frozenset({"xlsx"})
