"""The figures' sources (``drawings.py``, ``style.py``) beside their rendered PNGs.

Only the tools import this (``python -m course_tools.figures`` renders it);
the chapters show the PNGs through ``course_utils.show_figure``.
"""
