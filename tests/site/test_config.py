import pytest

from consult import create_app
from consult.config import ConfigError


def test_production_start_refuses_missing_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("CONSULT_ENV", "production")
    monkeypatch.delenv("CONSULT_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="CONSULT_SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite3"})


def test_embedded_default_creates_and_keeps_a_secret(monkeypatch, tmp_path):
    monkeypatch.delenv("CONSULT_ENV", raising=False)
    monkeypatch.delenv("CONSULT_SECRET_KEY", raising=False)
    from consult.config import load_config

    first = load_config(str(tmp_path), {})["SECRET_KEY"]
    second = load_config(str(tmp_path), {})["SECRET_KEY"]
    assert first == second and len(first) >= 43
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_database_url_from_environment_gets_the_psycopg_driver(monkeypatch, tmp_path):
    monkeypatch.setenv("CONSULT_DATABASE_URL", "postgresql://u@db.example/consult")
    from consult.config import load_config

    assert (
        load_config(str(tmp_path), {"SECRET_KEY": "x"})["SQLALCHEMY_DATABASE_URI"]
        == "postgresql+psycopg://u@db.example/consult"
    )


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
