"""`flask drafts parse PATH` and `flask drafts import PATH --slug S`."""

import json
import sys
from pathlib import Path

import click
from flask import Blueprint

from consult.drafts import services
from consult.drafts.importers import DraftFileError
from consult.drafts.messages import error_message
from consult.extensions import db

bp = Blueprint("drafts_cli", __name__, cli_group="drafts")


def _read(path: str):
    file = Path(path)
    if not file.is_file():
        raise click.ClickException(f"{path}: no such file")
    try:
        imported = services.read_source(file.name, file.read_bytes())
        return imported, services.parse_source(imported)
    except (DraftFileError, services.DraftError) as error:
        raise click.ClickException(f"{path}: {error_message(error.code, **error.detail)}") from error


@bp.cli.command("parse")
@click.argument("path")
def parse(path: str):
    """Print the parsed structure of a draft as JSON."""
    _imported, parsed = _read(path)
    json.dump(parsed.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@bp.cli.command("import")
@click.argument("path")
@click.option("--slug", required=True, help="Short name used in the URL, e.g. park-regulation.")
@click.option("--title", default="", help="Defaults to the title found in the text.")
@click.option("--memo", "memo_path", type=click.Path(exists=True, dir_okay=False), help="起草说明 as a text file.")
def import_(path: str, slug: str, title: str, memo_path: str | None):
    """Store a draft (as 草稿: publish it from the staff pages)."""
    imported, parsed = _read(path)
    memo = Path(memo_path).read_text(encoding="utf-8") if memo_path else ""
    try:
        consultation = services.save_draft(
            parsed,
            title=title,
            slug=slug,
            memo=memo,
            source=services.DraftSource(Path(path).name, imported.kind, imported.encoding, Path(path).read_bytes()),
        )
    except services.DraftError as error:
        db.session.rollback()
        raise click.ClickException(error_message(error.code, **error.detail)) from error
    db.session.commit()
    click.echo(
        f"Imported {consultation.title} as /drafts/{consultation.slug} "
        f"({len(parsed.articles)} articles, {len(parsed.warnings)} warnings)."
    )
    for warning in parsed.warnings:
        click.echo(f"  warning: {warning}", err=True)
