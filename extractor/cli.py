"""Command line (typer). Thin: parse options, build Settings, call one library function, print."""
from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)


@app.callback()
def main() -> None:
    """extractor: evidence tables of salvage ALL regimens from PubMed abstracts."""


@app.command()
def version() -> None:
    """Print the version.  Example: extractor version"""
    from extractor import __version__

    typer.echo(__version__)
