"""Every floor pyproject.toml states for what requirements.txt installs is pinned in
constraints-floors.txt (which .ci/steps/20-floors.sh installs and tests), and no other."""

from __future__ import annotations

import re
import tomllib

from packaging.version import Version

from tests.helpers import REPO

# what requirements.txt installs: the learner's package and these extras
EXTRAS = ("notebook", "tools", "test")


def stated_floors() -> dict[str, Version]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [
        r for extra in EXTRAS for r in project["optional-dependencies"][extra]
    ]
    floors = {}
    for requirement in requirements:
        found = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)", requirement)
        if found:
            floors[found[1].lower()] = Version(found[2])
    return floors


def pinned_floors() -> dict[str, Version]:
    lines = (REPO / "constraints-floors.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("#")[0].strip() for line in lines]
    return {name.lower(): Version(v) for name, v in (p.split("==") for p in pins if p)}


def test_every_stated_floor_is_pinned_for_the_floors_step_and_nothing_else():
    assert pinned_floors() == stated_floors()


def test_the_learner_package_asks_for_nothing_a_jupyter_kernel_owns():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    owned = {"ipython", "ipykernel", "traitlets", "jupyter-client", "jupyter-core"}
    names = {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in project["dependencies"]}
    assert not names & owned, "a hosted runtime (Colab) pins these: pip must not move them"


def test_colabs_versions_meet_every_floor_of_the_learner_package():
    """Colab's own versions (.ci/colab/constraints.txt) must satisfy what course-utils asks."""
    lines = (REPO / ".ci" / "colab" / "constraints.txt").read_text(encoding="utf-8").splitlines()
    colab = {n.lower(): Version(v) for n, v in (ln.split("==") for ln in lines if "==" in ln)}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        found = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([^,;\s]+)", requirement)
        if found:
            name, floor = found[1].lower(), Version(found[2])
            assert name in colab, f"Colab has no {name}: the setup cell would install it"
            assert colab[name] >= floor, f"Colab's {name} {colab[name]} is below our {floor}"
