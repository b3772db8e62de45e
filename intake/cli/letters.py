"""``intake letters gallery``: every letter a business receives, written to a Markdown page for review."""
from __future__ import annotations

from pathlib import Path

import typer

from intake.cli.common import console, settings
from intake.cli.manners import IntakeTyper, level_options
from intake.errors import RequestRefused

app = IntakeTyper(help="The letters businesses receive.")
app.callback()(level_options)


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
    try:
        output.write_text(page + "\n", encoding="utf-8")
    except OSError as err:   # (the default, docs/letters.md, is the source tree's: elsewhere give --output)
        raise RequestRefused(f"cannot write {output}: {err.strerror or err}; give --output FILE, or - to print the "
                             "page") from err
    console.print(f"wrote {output}")
