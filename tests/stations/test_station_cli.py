"""`flask users create … --role station --station NAME` ties the account to its station."""

import sqlalchemy as sa
from station_builders import make_station

from consult.accounts.models import User
from consult.extensions import db


def test_the_command_creates_a_station_account_of_a_named_station(runner):
    station = make_station("人民路代表联络站")
    args = ["users", "create", "s@example.org", "--role", "station", "--station", "人民路代表联络站"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).filter_by(email="s@example.org"))
    assert (user.role, user.station_id) == ("station", station.id)


def test_the_command_refuses_an_unknown_or_missing_station_and_a_station_for_other_roles(runner):
    make_station("人民路代表联络站")
    unknown = runner.invoke(args=["users", "create", "s@example.org", "--role", "station", "--station", "无此站"])
    assert unknown.exit_code != 0 and "There is no station named '无此站'" in unknown.output
    missing = runner.invoke(args=["users", "create", "s@example.org", "--role", "station"])
    assert missing.exit_code != 0 and "needs --station" in missing.output
    wrong = runner.invoke(
        args=["users", "create", "d@example.org", "--role", "deputy", "--station", "人民路代表联络站"]
    )
    assert wrong.exit_code != 0 and "--station is only for --role station" in wrong.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0
