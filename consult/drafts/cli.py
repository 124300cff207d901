"""`flask drafts parse PATH`, `flask drafts import PATH --slug S`, `flask drafts compare OLD NEW` and
`flask drafts amend BASE AMENDMENT`."""

import json
import sys
from pathlib import Path

import click
from flask import Blueprint

from consult.drafts import services, version_services
from consult.drafts.importers import DraftFileError
from consult.drafts.messages import error_message
from consult.drafts.models import Consultation
from consult.drafts.versions.align import align
from consult.drafts.versions.apply import AmendmentError, apply_amendment, render
from consult.drafts.versions.instructions import read_amendment
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
@click.option(
    "--new-version",
    is_flag=True,
    help="PATH is a new version (or an amendment draft) of the draft of consultation SLUG; it becomes a new "
    "round SLUG-vN with the proposed article matches (doubtful ones are listed: check them on the staff pages).",
)
def import_(path: str, slug: str, title: str, memo_path: str | None, new_version: bool):
    """Store a draft (as 草稿: publish it from the staff pages)."""
    if new_version:
        _import_version(path, slug, title)
        return
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


def _text(path: str) -> str:
    file = Path(path)
    if not file.is_file():
        raise click.ClickException(f"{path}: no such file")
    try:
        return services.read_source(file.name, file.read_bytes()).text
    except DraftFileError as error:
        raise click.ClickException(f"{path}: {error_message(error.code, **error.detail)}") from error


@bp.cli.command("compare")
@click.argument("old_path", metavar="OLD")
@click.argument("new_path", metavar="NEW")
def compare(old_path: str, new_path: str):
    """Print the 修改对照表 of two versions as JSON: one row per article, in reading order."""
    _imported, old = _read(old_path)
    _imported, new = _read(new_path)
    rows = [
        {
            "old": row.old.number if row.old else None,
            "new": row.new.number if row.new else None,
            "change": row.change,
            "similarity": row.similarity,
            "moved": row.moved,
            "doubtful": row.doubtful,
        }
        for row in align(old.articles, new.articles)
    ]
    json.dump({"rows": rows}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@bp.cli.command("amend")
@click.argument("base_path", metavar="BASE")
@click.argument("amendment_path", metavar="AMENDMENT")
def amend(base_path: str, amendment_path: str):
    """Apply an amendment draft (修正案 / 修改决定) to BASE and print the consolidated text. Exits 1,
    naming every instruction it could not apply, and prints nothing else, if any cannot be applied."""
    _imported, base = _read(base_path)
    instructions = read_amendment(_text(amendment_path))
    if not instructions:
        raise click.ClickException(f"{amendment_path}: no numbered instructions (一、… 二、…) found")
    try:
        articles = apply_amendment(base, instructions)
    except AmendmentError as error:
        for refusal in error.refusals:
            click.echo(f"instruction {refusal.number}: {refusal.reason}", err=True)
        sys.exit(1)
    sys.stdout.write(render(base, articles))


def _import_version(path: str, slug: str, title: str) -> None:
    consultation = db.session.scalar(db.select(Consultation).filter_by(slug=slug))
    if consultation is None:
        raise click.ClickException(f"no consultation with the slug {slug!r}")
    file = Path(path)
    if not file.is_file():
        raise click.ClickException(f"{path}: no such file")
    data = file.read_bytes()
    try:
        imported = version_services.consolidated_if_amendment(consultation, services.read_source(file.name, data))
        parsed = services.parse_source(imported)
        rows = version_services.proposed_rows(consultation, parsed)
        position = version_services.next_position(consultation.draft_id)
        saved = version_services.save_new_version(
            consultation,
            parsed,
            version_services.proposed_matches(rows, parsed),
            label="草案修改稿",
            title=title or consultation.title,
            slug=f"{slug}-v{position}",
            source=services.DraftSource(file.name, imported.kind, imported.encoding, data),
            notes=imported.notes,
        )
    except (DraftFileError, services.DraftError) as error:
        db.session.rollback()
        raise click.ClickException(f"{path}: {error_message(error.code, **error.detail)}") from error
    db.session.commit()
    click.echo(f"Imported version {position} as the round /drafts/{saved.slug} ({len(parsed.articles)} articles).")
    for row in rows:
        if row.doubtful:
            old, new = getattr(row.old, "number", "—"), getattr(row.new, "number", "—")
            click.echo(f"  check: {old} → {new} ({row.change}, similarity {row.similarity})", err=True)
