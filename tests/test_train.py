import pytest
import torch
from torch import nn

from course_utils import (
    InMemoryLoader,
    accuracy,
    count_params,
    evaluate,
    fit,
    predict,
    seed_everything,
)


def blobs(n=400):
    """Two well separated clusters: any working loop gets them right."""
    g = torch.Generator().manual_seed(0)
    y = torch.arange(n) % 2
    X = torch.randn(n, 2, generator=g) + 4 * y.unsqueeze(1).float()
    return X, y


def test_accuracy_is_a_fraction():
    logits = torch.tensor([[2.0, 0.0], [0.0, 1.0], [3.0, 1.0], [0.0, 5.0]])
    assert accuracy(logits, torch.tensor([0, 1, 1, 1])) == 0.75


def test_accuracy_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"logits \[N, C\] and labels \[N\]"):
        accuracy(torch.zeros(4, 2), torch.zeros(3, dtype=torch.long))


def test_count_params_can_skip_frozen_parameters():
    model = nn.Linear(3, 2)
    model.bias.requires_grad_(False)
    assert count_params(model) == 8
    assert count_params(model, trainable_only=True) == 6


def test_fit_learns_and_records_a_history(capsys):
    seed_everything(0)
    X, y = blobs()
    loader = InMemoryLoader(X, y, batch_size=32, shuffle=True)
    model = nn.Linear(2, 2)
    history = fit(
        model,
        loader,
        InMemoryLoader(X, y, 100),
        nn.CrossEntropyLoss(),
        torch.optim.SGD(model.parameters(), lr=0.1),
        num_epochs=3,
        device=torch.device("cpu"),
    )
    assert set(history) == {"train_loss", "train_acc", "test_loss", "test_acc", "seconds"}
    assert all(len(v) == 3 for v in history.values())
    assert history["test_acc"][-1] > 0.95
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert "epochs" in capsys.readouterr().out  # the progress bar goes to stdout


def test_evaluate_changes_nothing_and_leaves_eval_mode():
    X, y = blobs(64)
    model = nn.Sequential(nn.Linear(2, 8), nn.Dropout(0.5), nn.Linear(8, 2))
    before = [p.clone() for p in model.parameters()]
    loss, acc = evaluate(
        model, InMemoryLoader(X, y, 16), nn.CrossEntropyLoss(), torch.device("cpu")
    )
    assert not model.training
    assert all(torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True))
    assert all(p.grad is None for p in model.parameters())
    assert 0.0 <= acc <= 1.0 and loss > 0


def test_predict_returns_labels_in_loader_order():
    X, y = blobs(50)
    model = nn.Linear(2, 2)
    preds, targets = predict(model, InMemoryLoader(X, y, 16), torch.device("cpu"))
    assert torch.equal(targets, y)
    assert torch.equal(preds, model(X).argmax(1))
