import ast
import inspect
import textwrap

import nbformat
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from course_utils import (
    InMemoryLoader,
    count_params,
    evaluate,
    fit,
    seed_everything,
    train_one_epoch,
)
from tests.helpers import REPO

CPU = torch.device("cpu")


def blobs(n=400):
    """Two well separated clusters: any working loop gets them right."""
    g = torch.Generator().manual_seed(0)
    y = torch.arange(n) % 2
    X = torch.randn(n, 2, generator=g) + 4 * y.unsqueeze(1).float()
    return X, y


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


@pytest.mark.parametrize(
    "run",
    [
        lambda m, loader: train_one_epoch(
            m, loader, nn.CrossEntropyLoss(), torch.optim.SGD(m.parameters(), lr=0.1), CPU
        ),
        lambda m, loader: evaluate(m, loader, nn.CrossEntropyLoss(), CPU),
    ],
    ids=["train_one_epoch", "evaluate"],
)
def test_an_empty_loader_gives_a_clear_error_not_a_division_by_zero(run):
    empty = InMemoryLoader(torch.zeros(0, 2), torch.zeros(0, dtype=torch.long), batch_size=4)
    with pytest.raises(ValueError, match="yielded no samples.*drop_last"):
        run(nn.Linear(2, 2), empty)
    dropped = DataLoader(TensorDataset(*blobs(3)), batch_size=4, drop_last=True)
    with pytest.raises(ValueError, match="yielded no samples"):
        run(nn.Linear(2, 2), dropped)


def test_the_loop_gives_the_same_results_on_a_dataloader_and_in_memory_batches():
    X, y = blobs(100)
    model = nn.Linear(2, 2)
    loss_fn = nn.CrossEntropyLoss()
    from_dataloader = evaluate(model, DataLoader(TensorDataset(X, y), batch_size=16), loss_fn, CPU)
    in_memory = evaluate(model, InMemoryLoader(X, y, 16), loss_fn, CPU)
    assert from_dataloader == pytest.approx(in_memory)
    trained = {}
    for name, loader in [
        ("dataloader", DataLoader(TensorDataset(X, y), batch_size=16)),
        ("in_memory", InMemoryLoader(X, y, 16)),
    ]:
        torch.manual_seed(0)
        m = nn.Linear(2, 2)
        trained[name] = train_one_epoch(
            m, loader, loss_fn, torch.optim.SGD(m.parameters(), 0.1), CPU
        )
    assert trained["dataloader"] == pytest.approx(trained["in_memory"])


def _body(source: str, name: str) -> str:
    """The statements of function ``name`` without docstring, empty-loader guard or types."""
    tree = ast.parse(textwrap.dedent(source))
    func = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name)
    body = [
        stmt
        for stmt in func.body
        if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
        and "_check_not_empty" not in ast.unparse(stmt)
    ]
    args = [a.arg for a in func.args.args]
    return f"{args}\n" + "\n".join(ast.unparse(stmt) for stmt in body)


@pytest.mark.parametrize(
    ("ours", "taught"), [(train_one_epoch, "train_one_epoch"), (evaluate, "evaluate")]
)
def test_course_utils_loop_is_the_one_chapter_02_teaches(ours, taught):
    nb = nbformat.read(REPO / "notebooks" / "02_fashion_mnist_mlp.ipynb", as_version=4)
    [cell] = [c for c in nb.cells if c.cell_type == "code" and f"def {taught}(" in c.source]
    assert _body(inspect.getsource(ours), ours.__name__) == _body(cell.source, taught), (
        f"course_utils.{ours.__name__} and chapter 02's {taught} have drifted apart"
    )
