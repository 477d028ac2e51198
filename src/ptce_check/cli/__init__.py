"""The command line: Typer only, one module per command, each a thin layer over the library."""
