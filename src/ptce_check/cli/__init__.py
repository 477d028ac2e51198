"""The command line: declared with Typer, one module per command, each a thin layer over the
library; `quick` reads plain `check` invocations before Typer starts."""
