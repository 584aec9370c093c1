"""Helpers for the course "PyTorch from nn.Module to training loops".

The notebooks teach; this package hides only what is not the lesson:
device and seed plumbing, data paths and downloads, plotting grids,
training loops once a chapter has taught them, and self-check helpers.
"""

from course_utils.checks import (
    check_at_least,
    check_close,
    check_equal,
    check_num_params,
    check_shape,
)
from course_utils.data import (
    DATA_DIR_ENV,
    FASHION_CLASSES,
    FASHION_FILES,
    CorruptDataError,
    DataNotFoundError,
    InMemoryLoader,
    data_dir,
    fashion_mnist_folder,
    load_fashion_mnist,
    load_fashion_mnist_tensors,
    load_thermometer,
)
from course_utils.device import get_device
from course_utils.figures import show_figure
from course_utils.plot import (
    plot_confusion_matrix,
    plot_fit,
    plot_history,
    show_images,
)
from course_utils.seed import seed_everything
from course_utils.train import (
    accuracy,
    count_params,
    evaluate,
    fit,
    predict,
    progress_bar,
    train_epoch,
)

__version__ = "0.1.0"

__all__ = [
    "DATA_DIR_ENV",
    "FASHION_CLASSES",
    "FASHION_FILES",
    "CorruptDataError",
    "DataNotFoundError",
    "InMemoryLoader",
    "__version__",
    "accuracy",
    "check_at_least",
    "check_close",
    "check_equal",
    "check_num_params",
    "check_shape",
    "count_params",
    "data_dir",
    "evaluate",
    "fashion_mnist_folder",
    "fit",
    "get_device",
    "load_fashion_mnist",
    "load_fashion_mnist_tensors",
    "load_thermometer",
    "plot_confusion_matrix",
    "plot_fit",
    "plot_history",
    "predict",
    "progress_bar",
    "seed_everything",
    "show_figure",
    "show_images",
    "train_epoch",
]
