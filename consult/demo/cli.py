"""`flask demo load`: the two demo drafts, one open for comment and one closed."""

import click
from flask import Blueprint

from consult.demo.loader import DemoError, load_demo
from consult.extensions import db

bp = Blueprint("demo_cli", __name__, cli_group="demo")


@bp.cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when any consultation exists.")
def load(if_empty: bool):
    """Load the demo drafts and staff accounts."""
    try:
        loaded = load_demo(only_if_empty=if_empty)
    except DemoError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    if not loaded:
        click.echo("The database already holds consultations; the demo was not loaded.")
    for line in loaded:
        click.echo(line)
