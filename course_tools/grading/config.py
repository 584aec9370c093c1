"""The course's ``nbgrader_config.py``, generated (``python -m course_tools.grade init``)."""

from __future__ import annotations

from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

COURSE_ID = "pytorch-course"
CELL_TIMEOUT_S = 300


def nbgrader_config(db_url: str | None = None, cell_timeout: int = CELL_TIMEOUT_S) -> str:
    """The text of ``nbgrader_config.py``; ``db_url`` names a shared gradebook (PostgreSQL:
    ``postgresql+psycopg2://user:password@host/db``), else nbgrader's ``gradebook.db``."""
    db = f'c.CourseDirectory.db_url = "{db_url}"\n' if db_url else ""
    return f"""\
# Written by `python -m course_tools.grade init`; see README.md, "For instructors".
from course_tools.grading.config import autograde_preprocessors, release_preprocessors
from course_tools.handout import STUB

c = get_config()
c.CourseDirectory.course_id = "{COURSE_ID}"
{db}c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\n" + STUB}}  # the hand-out's stub
c.GenerateAssignment.preprocessors = release_preprocessors()  # answer cells released open
c.Autograde.autograde_preprocessors = autograde_preprocessors()  # tamper guard, crash recovery
c.OverwriteCells.add_missing_cells = True  # a deleted check cell is put back, not scored 0
c.Execute.timeout = {cell_timeout}  # seconds per cell (nbgrader's 30 is short for training)
c.Execute.iopub_timeout = 30  # nbgrader's 4 s drops whole submissions on a busy machine
c.Execute.raise_on_iopub_timeout = False
c.KernelManager.transport = "ipc"  # Unix sockets: the sandboxed kernel has no network
"""


def release_preprocessors() -> list:
    """nbgrader's ``generate_assignment`` preprocessors, then :class:`OpenAnswerCells`."""
    from nbgrader.converters import GenerateAssignment

    from course_tools.grading.guard import OpenAnswerCells

    return [*GenerateAssignment.class_traits()["preprocessors"].default(), OpenAnswerCells]


def autograde_preprocessors() -> list:
    """nbgrader's ``autograde`` preprocessors with ``Execute`` replaced by the guarded one."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute

    from course_tools.grading.guard import GuardedExecute

    default = Autograde.class_traits()["autograde_preprocessors"].default()
    return [GuardedExecute if pp is Execute else pp for pp in default]


def load(course: Path) -> Config:
    """The course's ``nbgrader_config.py``, read as nbgrader reads it."""
    if not (course / "nbgrader_config.py").is_file():
        raise FileNotFoundError(
            f"{course} has no nbgrader_config.py: write it with "
            f"`python -m course_tools.grade init {course}`"
        )
    return PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()


def gradebook_url(course: Path) -> tuple[str, str]:
    """(database URL, course id) of the course's gradebook."""
    cfg = load(course)
    url = cfg.CourseDirectory.get("db_url") or f"sqlite:///{course.resolve() / 'gradebook.db'}"
    return url, cfg.CourseDirectory.get("course_id", COURSE_ID)
