import secrets

import click
from flask import Blueprint

from consult.accounts import services
from consult.accounts.models import ROLES
from consult.extensions import db
from consult.stations.queries import station_named

bp = Blueprint("users", __name__, cli_group="users")


@bp.cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", help="Defaults to a generated one, printed once.")
@click.option("--name", "display_name", default="")
@click.option("--unit", "unit_name", default=None, help="For --role unit: the department (created if new).")
@click.option("--station", "station_name", default=None, help="For --role station: the station's exact name.")
def create(
    email: str, role: str, password: str | None, display_name: str, unit_name: str | None, station_name: str | None
):
    """Create an account: staff, a deputy (代表), a unit (承办单位) or a station (代表联络站)."""
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    station_id = _station_id(role, station_name)
    try:
        user = services.create_user(email, role, password, display_name, unit_name=unit_name, station_id=station_id)
    except services.AccountError as error:
        messages = {
            "email_taken": f"An account for {email} already exists.",
            "weak_password": "The password must have at least 10 characters.",
            "unknown_role": f"Unknown role; use one of {', '.join(ROLES)}.",
            "unit_for_units_only": "--unit is only for --role unit.",
            "station_for_stations_only": "--station is only for --role station.",
        }
        raise click.ClickException(messages[error.code]) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role}).")
    if generated:
        click.echo(f"Password: {password}")


def _station_id(role: str, station_name: str | None) -> int | None:
    """The id of the station named, for a station account; refused when there is none of that name."""
    if station_name is None:
        if role == "station":
            raise click.ClickException("A station account needs --station NAME (the station's exact name).")
        return None
    if role != "station":
        raise click.ClickException("--station is only for --role station.")
    station = station_named(station_name)
    if station is None:
        raise click.ClickException(f"There is no station named {station_name!r}; see /staff/stations for the names.")
    return station.id
