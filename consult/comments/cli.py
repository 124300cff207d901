"""`flask comments fingerprint`, `flask comments cut`"""

import click
from flask import Blueprint

from consult import hooks
from consult.comments.cuts import refresh_cuts
from consult.comments.fingerprints import refresh_fingerprints
from consult.comments.privacy import contact_cipher
from consult.extensions import db

bp = Blueprint("comments_cli", __name__, cli_group="comments")


@bp.cli.command("fingerprint")
def fingerprint():
    """Recompute the keyed fingerprints that let digests count residents (after an upgrade or a key
    rotation)."""
    done, unreadable = refresh_fingerprints(contact_cipher())
    hooks.announce(hooks.fingerprints_refreshed)
    db.session.commit()
    click.echo(f"Fingerprinted {done} comments.")
    if unreadable:
        click.echo(f"{unreadable} contacts could not be read with the configured keys; left as they were.", err=True)


@bp.cli.command("cut")
def cut():
    """Cut the comments stored without a cut or cut by earlier rules (after an upgrade), so that
    digest builds need not."""
    done = refresh_cuts()
    db.session.commit()
    click.echo(f"Cut {done} comments.")
