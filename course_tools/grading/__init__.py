"""Grading a class with nbgrader: in parallel, sandboxed, guarded, reported (issue 28).

``python -m course_tools.grade`` is the command; this package holds its parts:
:mod:`.config` (the generated ``nbgrader_config.py``), :mod:`.sandbox` (the kernel
wrapper: bubblewrap, no network, memory and CPU limits), :mod:`.guard` (nbgrader
preprocessors: tamper detection, crash recovery, open answer cells), :mod:`.jobs`
(one student's ``nbgrader autograde`` with a hard limit and a retry, and the
engines that run them: serial, local processes, Dask distributed) and
:mod:`.report` (what an instructor must see, per student).
"""
