"""Helpers for the course "PyTorch from nn.Module to training loops".

The notebooks teach; this package hides only what is not the lesson:
device and seed plumbing, data paths and downloads, plotting grids,
training loops once a chapter has taught them, and self-check helpers.
Its names are the ones the chapters use; nothing here imports the
instructors' tools (``course_tools``).
"""

from course_utils.cases import exercise_case
from course_utils.checks import (
    check_at_least,
    check_close,
    check_equal,
    check_num_params,
    check_shape,
)
from course_utils.data import (
    FASHION_CLASSES,
    CorruptDataError,
    DataNotFoundError,
    InMemoryLoader,
    load_fashion_mnist,
    load_fashion_mnist_tensors,
    load_thermometer,
)
from course_utils.device import get_device
from course_utils.exercises import check_exercise
from course_utils.figures import show_figure
from course_utils.plot import plot_confusion_matrix, plot_fit, plot_history, plot_images
from course_utils.seed import seed_everything
from course_utils.train import count_params, evaluate, fit, train_one_epoch
from course_utils.verdict import CheckFailed, NotAttempted, show_traceback

__version__ = "0.2.0"

__all__ = [
    "FASHION_CLASSES",
    "CheckFailed",
    "CorruptDataError",
    "DataNotFoundError",
    "InMemoryLoader",
    "NotAttempted",
    "__version__",
    "check_at_least",
    "check_close",
    "check_exercise",
    "check_equal",
    "check_num_params",
    "check_shape",
    "count_params",
    "evaluate",
    "exercise_case",
    "fit",
    "get_device",
    "load_fashion_mnist",
    "load_fashion_mnist_tensors",
    "load_thermometer",
    "plot_confusion_matrix",
    "plot_fit",
    "plot_history",
    "plot_images",
    "seed_everything",
    "show_figure",
    "show_traceback",
    "train_one_epoch",
]
