"""The figures in assets/: present, fresh, true to the code, and shown right.

Nothing here renders a figure (CI needs no drawing tools): freshness is
checked against the manifest that ``python -m course_tools.figures`` writes.
"""

from __future__ import annotations

import base64
import json
import re

import nbformat
import pytest
import torch
from PIL import Image

from course_tools.chapters import figures
from course_tools.figures import MANIFEST, drawings, sha256, source_hashes
from course_utils.figures import DISPLAY_WIDTH, figure_alt, figure_path, show_figure
from tests.helpers import NOTEBOOKS, REPO, chapter_number

drawings = drawings()

REBUILD = "run `python -m course_tools.figures` and commit assets/"
ASSETS = REPO / "assets"
NAMES = [f.name for f in drawings.FIGURES]


@pytest.fixture(scope="module")
def manifest() -> dict:
    assert MANIFEST.is_file(), f"assets/manifest.json is missing: {REBUILD}"
    return json.loads(MANIFEST.read_text())


def test_manifest_lists_every_figure_of_the_sources(manifest):
    assert sorted(manifest["figures"]) == sorted(NAMES), REBUILD


def test_sources_unchanged_since_the_last_build(manifest):
    assert manifest["sources"] == source_hashes(ASSETS), (
        f"a figure source in assets/ changed after the PNGs were rendered: {REBUILD}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_rendered_file_exists_and_is_the_one_built(manifest, name):
    entry = manifest["figures"][name]
    png = ASSETS / entry["file"]
    assert png.is_file(), f"{png.name} is missing: {REBUILD}"
    assert sha256(png) == entry["sha256"], f"{png.name} differs from the build: {REBUILD}"


@pytest.mark.parametrize("name", NAMES)
def test_figure_is_opaque_and_notebook_width(name):
    with Image.open(ASSETS / f"{name}.png") as im:
        assert im.width >= DISPLAY_WIDTH, f"{name}: {im.width} px is narrower than notebook width"
        if im.mode in {"RGBA", "LA"}:
            assert im.getchannel("A").getextrema() == (255, 255), (
                f"{name}: transparent pixels vanish on a dark Jupyter theme"
            )
        else:
            assert im.mode in {"RGB", "L", "P"} and "transparency" not in im.info


@pytest.mark.parametrize("name", NAMES)
def test_alt_text_says_what_the_figure_shows(manifest, name):
    alt = manifest["figures"][name]["alt"]
    assert alt == drawings.BY_NAME[name].alt, REBUILD
    assert len(alt.split()) >= 15 and alt.endswith("."), f"{name}: alt text too thin"


@pytest.mark.parametrize("name", NAMES)
def test_the_facts_drawn_are_what_torch_computes_now(manifest, name):
    assert drawings.BY_NAME[name].facts() == manifest["figures"][name]["facts"], (
        f"{name} shows numbers or names the code no longer gives: {REBUILD}"
    )


def test_figures_show_the_chapters_numbers(manifest):
    facts = {name: entry["facts"] for name, entry in manifest["figures"].items()}
    assert facts["01_training_step"]["steps"] == [
        "1. forward",
        "2. loss",
        "3. zero_grad",
        "4. backward",
        "5. step",
    ]
    assert facts["01_net_shapes"]["shapes"] == [
        "1x32x32",
        "6x30x30",
        "6x15x15",
        "16x13x13",
        "16x6x6",
        "576",
        "120",
        "84",
        "10",
    ]
    assert facts["02_mlp"] == {
        "sizes": [784, 512, 512, 10],
        "params": [401_920, 262_656, 5_130],
        "total": 669_706,
    }
    assert facts["05_module_list"]["module_list"]["numbers"] == 40
    assert facts["05_module_list"]["python_list"] == {"tensors": 0, "numbers": 0, "state_dict": []}
    z = facts["06_autograd_z"]
    assert (z["w"], z["y"], z["z"], z["grad_w"], z["grad_y"]) == (2, 4, 65, 40, 10)
    assert z["leaf"] == {"w": True, "y": False, "z": False}
    assert (facts["07_split"]["n_train"], facts["07_split"]["n_val"]) == (9, 2)
    assert facts["07_network"]["sizes"] == [1, 13, 1]
    assert facts["07_network"]["activation"] == "Tanh"
    assert facts["07_network"]["total"] == 40


def _all_grad_fn_names(loss) -> set[str]:
    seen, names, stack = set(), set(), [loss.grad_fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        names.add(type(node).__name__)
        stack.extend(n for n, _ in node.next_functions)
    return names


def test_graph_figure_names_exist_in_the_real_graph(manifest):
    net = drawings.Net04()
    loss = torch.nn.MSELoss()(net(torch.randn(1, 1, 32, 32)), torch.randn(1, 10))
    shown = drawings.graph_node_names(manifest["figures"]["04_autograd_graph"]["facts"])
    assert shown <= _all_grad_fn_names(loss)
    assert {"MseLossBackward0", "AccumulateGrad", "ConvolutionBackward0"} <= shown
    leaves = [
        s
        for item in manifest["figures"]["04_autograd_graph"]["facts"]["chain"]
        for s in item["sides"]
        if "AccumulateGrad" in s
    ]
    assert len(leaves) == len(list(net.parameters())) == 10


def test_z_graph_node_names_exist_in_the_real_graph(manifest):
    w = torch.tensor(2.0, requires_grad=True)
    shown = set(manifest["figures"]["06_autograd_z"]["facts"]["nodes"])
    assert shown <= _all_grad_fn_names(10 * w**2 + 25)


def test_show_figure_publishes_the_png_with_its_alt_text():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    with capture_output() as captured:
        assert show_figure("02_mlp") is None  # nothing to print as an execute_result
    (out,) = captured.outputs
    assert out.data["text/plain"] == figure_alt("02_mlp")
    assert out.metadata == {"image/png": {"width": DISPLAY_WIDTH}}
    assert base64.b64decode(out.data["image/png"]) == figure_path("02_mlp").read_bytes()


def test_unknown_figure_names_the_known_ones():
    with pytest.raises(KeyError, match="01_training_step"):
        figure_path("no_such_figure")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_figures_a_chapter_shows_exist_and_their_saved_output_is_the_png(manifest, path):
    """(Their metadata, alt text included, is the normaliser's: test_notebook_hygiene.)"""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        local = r"""(?:^|[\s("'])(?:\.\./)?assets/([\w.-]+\.(?:png|svg))"""  # not a URL
        for ref in re.findall(local, cell.source, flags=re.M):
            assert (ASSETS / ref).is_file(), f"{path.name} cell {cell.get('id')}: no {ref}"
    for fig in figures(nb, chapter_number(path)):
        where = f"{path.name} cell {fig.cell.get('id')}"
        assert fig.name in manifest["figures"], f"{where}: no figure {fig.name!r} in assets/"
        entry = manifest["figures"][fig.name]
        assert (ASSETS / entry["file"]).is_file(), f"{where}: no PNG"
        images = [o for o in fig.cell.get("outputs", []) if "image/png" in o.get("data", {})]
        assert len(images) == 1, f"{where}: the saved output must be the figure"
        assert images[0]["data"]["text/plain"] == entry["alt"], f"{where}: stale alt text"
        saved = base64.b64decode(images[0]["data"]["image/png"])
        assert saved == (ASSETS / entry["file"]).read_bytes(), (
            f"{where}: the saved picture is an older rendering; re-execute the chapter"
        )


def test_the_wheel_carries_the_figures_under_the_learner_package_only(tmp_path):
    """What `pip install git+...` (Colab) installs: course_utils with its figures, and
    no second import name for them."""
    import shutil
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    for folder in ("course_utils", "course_tools", "assets"):
        shutil.copytree(
            REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith("-info")}
    assert shipped == {"course_utils", "course_tools"}, shipped
    figures_ = {n.removeprefix("course_utils/_figures/") for n in names if "_figures/" in n}
    assert figures_ == {"manifest.json", *(f"{n}.png" for n in NAMES)}
