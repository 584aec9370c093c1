"""Copies the rendered figures into the wheel, so ``show_figure`` works after
``pip install git+...`` (Colab). Everything else is in ``pyproject.toml``."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithFigures(build_py):
    """``build_py`` plus ``assets/*.png`` and ``manifest.json`` as ``course_utils/_figures/``."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "course_utils" / "_figures"
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(Path("assets").iterdir()):
            if path.suffix == ".png" or path.name == "manifest.json":
                shutil.copy2(path, target / path.name)


setup(cmdclass={"build_py": BuildWithFigures})
