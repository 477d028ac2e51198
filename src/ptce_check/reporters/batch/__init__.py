"""The batch formats of `screen` (rich, json, csv, markdown, html): each receives the whole
`BatchResult` once; the decision table (`table`) and the labelled facts (`facts`) are shared so
that every format says the same thing."""
