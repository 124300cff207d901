"""`flask hearings packet <id> -o packet.pdf`"""

from pathlib import Path

import click
from flask import Blueprint

from consult.extensions import db
from consult.hearings.models import Hearing
from consult.hearings.packet import render_agenda_packet

bp = Blueprint("hearings_cli", __name__, cli_group="hearings")


@bp.cli.command("packet")
@click.argument("hearing_id", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
def packet(hearing_id: int, output: str):
    """Write the agenda packet of a hearing as PDF."""
    hearing = db.session.get(Hearing, hearing_id)
    if hearing is None:
        raise click.ClickException(f"No hearing with id {hearing_id}.")
    data = render_agenda_packet(hearing)
    Path(output).write_bytes(data)
    click.echo(f"Wrote {output} ({len(data) // 1024} KB).")
