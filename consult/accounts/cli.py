import secrets

import click
from flask import Blueprint

from consult.accounts import services
from consult.accounts.models import ROLES
from consult.extensions import db

bp = Blueprint("users", __name__, cli_group="users")


@bp.cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", help="Defaults to a generated one, printed once.")
@click.option("--name", "display_name", default="")
@click.option("--unit", "unit_name", default=None, help="For --role unit: the department (created if new).")
def create(email: str, role: str, password: str | None, display_name: str, unit_name: str | None):
    """Create an account: staff, a deputy (代表) or a unit (承办单位)."""
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    try:
        user = services.create_user(email, role, password, display_name, unit_name=unit_name)
    except services.AccountError as error:
        messages = {
            "email_taken": f"An account for {email} already exists.",
            "weak_password": "The password must have at least 10 characters.",
            "unknown_role": f"Unknown role; use one of {', '.join(ROLES)}.",
            "unit_for_units_only": "--unit is only for --role unit.",
        }
        raise click.ClickException(messages[error.code]) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role}).")
    if generated:
        click.echo(f"Password: {password}")
