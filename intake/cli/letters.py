"""``intake letters gallery``: every letter a business receives, written to a Markdown page for review."""
from __future__ import annotations

from pathlib import Path

import typer

from intake.cli.common import console, settings
from intake.cli.manners import IntakeTyper

app = IntakeTyper(help="The letters businesses receive.")


@app.command()
def gallery(output: Path = typer.Option(Path("docs/letters.md"), "--output", "-o",
                                         help="Where to write the page ('-' prints it).")) -> None:
    """Render every letter for a Danish and an English sample case (docs/letters.md)."""
    from intake.letters.gallery import render_gallery
    from routing.catalogue import load_catalogue

    conf = settings()
    page = render_gallery(load_catalogue(conf.catalogue_path), conf)
    if str(output) == "-":
        typer.echo(page)
        return
    output.write_text(page + "\n", encoding="utf-8")
    console.print(f"wrote {output}")
