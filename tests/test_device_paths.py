"""What a GPU run would show, caught on the CPU: course_utils given tensors off the CPU.

On CUDA and MPS, ``Tensor.numpy()`` refuses a tensor that is not on the CPU
(``TypeError: can't convert cuda:0 device type tensor to numpy``). A tensor on
PyTorch's ``meta`` device takes that same path, so a helper that hands a device
tensor to NumPy or matplotlib fails here with that TypeError; one that moves it
to the CPU first fails instead with meta's own "Cannot copy out of meta tensor"
(a meta tensor has no data), which is what these tests expect.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from course_utils import (
    evaluate,
    plot_confusion_matrix,
    plot_fit,
    plot_history,
    plot_images,
    train_one_epoch,
)

META = torch.device("meta")
COPIED_TO_CPU = "Cannot copy out of meta tensor"  # .cpu() was called: no numpy TypeError


def on_meta(*shape):
    return torch.zeros(*shape, device=META)


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plot_images(on_meta(2, 1, 28, 28)),
        lambda: plot_fit(on_meta(5), on_meta(5), {"fit": (on_meta(5), on_meta(5))}),
        lambda: plot_confusion_matrix(on_meta(2, 2), ["a", "b"]),
        lambda: plot_history({"train_loss": [on_meta(()), on_meta(())]}),
        lambda: plot_history({"train_loss": [1.0], "train_acc": [on_meta(())]}),
    ],
    ids=["images", "fit", "confusion", "history-loss-tensors", "history-acc-tensors"],
)
def test_plot_helpers_move_device_tensors_to_the_cpu_first(draw):
    with pytest.raises(NotImplementedError, match=COPIED_TO_CPU):
        draw()


def test_plot_history_takes_a_list_of_loss_tensors_that_require_grad():
    w = torch.ones((), requires_grad=True)
    fig = plot_history({"train_loss": [w * 2, w * 1], "train_acc": [w * 0.5, w * 0.7]})
    assert list(fig.axes[0].lines[0].get_ydata()) == [2.0, 1.0]


@pytest.mark.parametrize("step", ["train", "evaluate"])
def test_the_loop_moves_each_batch_to_the_models_device(step):
    model = nn.Linear(3, 2).to(META)
    batches = [(torch.zeros(4, 3), torch.zeros(4, dtype=torch.long))]  # CPU batches
    loss_fn = nn.CrossEntropyLoss()
    # the first thing that needs data is loss.item(): every op before it ran on one device
    # (torch 2.2 words it as a NotImplementedError about aten::_local_scalar_dense, item()'s op)
    with pytest.raises(
        (RuntimeError, NotImplementedError),
        match="item\\(\\) cannot be called on meta tensors|_local_scalar_dense",
    ):
        if step == "train":
            optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
            train_one_epoch(model, batches, loss_fn, optimizer, META)
        else:
            evaluate(model, batches, loss_fn, META)
