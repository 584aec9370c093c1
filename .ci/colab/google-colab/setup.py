"""A stand-in for Colab's own ``google-colab`` 1.0.0, for the Colab replica only.

It declares google-colab's pins (googlecolab/colabtools, setup.py), at the
versions Colab runs (../constraints.txt), so that pip's conflict check in the
replica sees what it sees in Colab; and it provides an importable
``google.colab``, which the chapters' setup cell looks for in ``sys.modules``.
"""

from pathlib import Path

from setuptools import setup

# google-colab's install_requires (googlecolab/colabtools, setup.py)
REQUIRES = (
    "google-auth",
    "ipykernel",
    "ipyparallel",
    "ipython",
    "notebook",
    "pandas",
    "portpicker",
    "requests",
    "tornado",
)


def colab_pins() -> list[str]:
    lines = (Path(__file__).parents[1] / "constraints.txt").read_text().splitlines()
    pins = {line.split("==")[0].lower(): line for line in lines if "==" in line}
    return [pins[name] for name in REQUIRES]


setup(
    name="google-colab",
    version="1.0.0",
    description="Stand-in for Colab's google-colab package (course CI only)",
    packages=["google.colab"],
    install_requires=colab_pins(),
)
