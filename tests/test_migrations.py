"""Alembic has one head, and upgrading an empty database yields exactly the models' schema."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade

from consult.extensions import db

from testapp import make_app


def test_one_head(app):
    config = app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_upgrade_on_empty_database_matches_models(tmp_path):
    app = make_app("sqlite:///" + str(tmp_path / "migrated.sqlite3"))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), db.metadata)
            tables = set(sa.inspect(connection).get_table_names())
        db.engine.dispose()
    assert diff == []
    assert {"users", "drafts", "consultations", "structure_nodes"} <= tables
