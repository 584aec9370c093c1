"""Figures for the chapters: sources (``drawings.py``, ``style.py``), the build
(``python -m assets.build``) and the rendered PNGs with ``manifest.json``.

Installed, this folder is the package ``course_utils.assets``; the learner's
entry point is :func:`course_utils.figures.show_figure`.
"""
