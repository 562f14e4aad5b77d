"""The dependency audit that runs with every test run: no pinned or installed package is older than the lowest
release without a published advisory (requirements/minimum-safe.txt). pip-audit cannot reach its advisory
database offline here, so the list is kept by hand and reviewed when a package is upgraded."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"


def _minimum_safe() -> dict[str, Requirement]:
    lines = (REQUIREMENTS / "minimum-safe.txt").read_text().splitlines()
    requirements = [Requirement(line.split("#", 1)[0].strip()) for line in lines if line.split("#", 1)[0].strip()]
    return {canonicalize_name(r.name): r for r in requirements}


def _pins(filename: str) -> dict[str, Version]:
    pins = {}
    for line in (REQUIREMENTS / filename).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and not line.startswith("-"):
            name, version = line.split("==", 1)
            pins[canonicalize_name(name.split("[", 1)[0])] = Version(version.strip())
    return pins


MINIMUM_SAFE = _minimum_safe()


@pytest.mark.parametrize("filename", ["base.txt", "constraints.txt"])
def test_no_pinned_package_is_older_than_its_minimum_safe_release(filename):
    pins = _pins(filename)

    unsafe = {name: str(pins[name]) for name, rule in MINIMUM_SAFE.items()
              if name in pins and not rule.specifier.contains(pins[name], prereleases=True)}

    assert unsafe == {}, f"{filename} pins releases with published advisories; see requirements/minimum-safe.txt"


def test_every_audited_package_is_pinned_in_the_constraints():
    assert set(MINIMUM_SAFE) - set(_pins("constraints.txt")) == set()


def test_the_installed_environment_has_no_release_older_than_its_minimum_safe_release():
    installed = {}
    for name in MINIMUM_SAFE:
        try:
            installed[name] = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            continue

    unsafe = {name: str(version) for name, version in installed.items()
              if not MINIMUM_SAFE[name].specifier.contains(version, prereleases=True)}

    assert unsafe == {}, "the virtualenv is older than requirements/constraints.txt: run bin/setup"
