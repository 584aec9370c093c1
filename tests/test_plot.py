import pytest
import torch
from matplotlib.figure import Figure

from course_utils import FASHION_CLASSES, plot_confusion_matrix, plot_fit, plot_history, plot_images


def labels(fig):
    return [(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes if ax.get_xlabel()]


def test_plot_images_draws_one_titled_panel_per_image():
    fig = plot_images(torch.rand(10, 1, 28, 28), titles=[str(i) for i in range(10)], ncols=4)
    assert isinstance(fig, Figure)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == [str(i) for i in range(10)]


@pytest.mark.parametrize("shape", [(3, 3, 28, 28), (28, 28), (2, 1, 1, 28, 28)])
def test_plot_images_rejects_other_shapes(shape):
    with pytest.raises(ValueError, match=r"\[N, H, W\] or \[N, 1, H, W\]"):
        plot_images(torch.rand(*shape))


def test_plot_images_needs_one_title_per_image():
    with pytest.raises(ValueError, match="3 images but 2 titles"):
        plot_images(torch.rand(3, 28, 28), titles=["a", "b"])


def test_plot_history_labels_loss_and_accuracy():
    fig = plot_history(
        {
            "train_loss": [1.0, 0.5],
            "test_loss": [1.1, 0.6],
            "train_acc": [0.5, 0.8],
            "test_acc": [0.4, 0.7],
            "seconds": [1, 1],
        }
    )
    assert labels(fig) == [("epoch", "loss"), ("epoch", "accuracy (%)")]
    assert fig.axes[1].lines[1].get_ydata()[-1] == pytest.approx(70.0)


def test_plot_history_needs_loss_keys():
    with pytest.raises(ValueError, match="no '\\*_loss' keys"):
        plot_history({"accuracy": [0.5]})


def test_plot_fit_draws_data_and_each_curve():
    x = torch.linspace(0, 1, 5)
    fig = plot_fit(x, 2 * x, {"fit": (x, 2 * x), "other": (x, x)}, xlabel="t_u", ylabel="t_c")
    assert labels(fig) == [("t_u", "t_c")]
    assert len(fig.axes[0].lines) == 2


def test_plot_fit_rejects_mismatched_data():
    with pytest.raises(ValueError, match="5 values but y has 4"):
        plot_fit(torch.zeros(5), torch.zeros(4), {})


def test_confusion_matrix_must_be_square_in_the_classes():
    fig = plot_confusion_matrix(torch.eye(10, dtype=torch.long) * 7, FASHION_CLASSES)
    assert labels(fig)[0] == ("predicted class", "true class")
    with pytest.raises(ValueError, match="expected \\(10, 10\\)"):
        plot_confusion_matrix(torch.eye(3), FASHION_CLASSES)


def test_plot_images_needs_one_title_colour_per_image():
    titles = ["a", "b", "c"]
    plot_images(torch.rand(3, 28, 28), titles=titles, title_colors=["g", "r", "g"])
    with pytest.raises(ValueError, match="3 images but 2 title_colors"):
        plot_images(torch.rand(3, 28, 28), titles=titles, title_colors=["g", "r"])
    with pytest.raises(ValueError, match="pass titles too"):
        plot_images(torch.rand(3, 28, 28), title_colors=["g", "r", "g"])
