"""The package list, which pyproject.toml cannot say: migrations/ and translations/ stay at the top
of the repository and travel inside the package of a built wheel (consult.config.shipped_dir finds
them in either place). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

SHIPPED = {"consult.migrations": "migrations", "consult.translations": "translations"}

setup(
    packages=[*find_packages(include=["consult", "consult.*"]), *SHIPPED, "consult.migrations.versions"],
    package_dir=SHIPPED,
)
