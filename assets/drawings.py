"""The source of every figure: the facts it shows, computed from real PyTorch
models that match the chapters' code, and the drawing of those facts.

Each entry of :data:`FIGURES` names a figure, its alt text, a ``facts()``
function (numbers and names taken from torch at build time) and a
``draw(facts, path)`` function. ``python -m course_tools.figures`` renders them all;
``tests/test_figures.py`` recomputes the facts and compares them with the
ones the committed PNGs were drawn from.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from . import style as s

# ---------------------------------------------------------------- the models


class Net01(nn.Module):
    """Chapter 01's LeNet-style Net (functional ReLU and pooling)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class Net04(nn.Module):
    """Chapter 04's Net: block 1 with modules, block 2 with functions."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, kernel_size=3)
        self.conv2 = nn.Conv2d(6, 16, kernel_size=3)
        self.relu = nn.ReLU()
        self.maxP1 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.maxP1(self.relu(self.conv1(x)))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)


def mlp() -> nn.Sequential:
    """Chapters 02/03's NeuralNetwork: Flatten, 784-512-512-10 with ReLU."""
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(28 * 28, 512),
        nn.ReLU(),
        nn.Linear(512, 512),
        nn.ReLU(),
        nn.Linear(512, 10),
    )


class TwoLayers(nn.Module):
    """Chapter 05's demo: the same two layers in a ModuleList or a Python list."""

    def __init__(self, use_module_list):
        super().__init__()
        layers = [nn.Linear(4, 4), nn.Linear(4, 4)]
        self.layers = nn.ModuleList(layers) if use_module_list else layers


def seq_1_13_1() -> nn.Sequential:
    """Chapter 07's network."""
    return nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))


def fmt(shape) -> str:
    return "x".join(str(d) for d in shape)


# ---------------------------------------------------------------- 01 training step

STEPS = [
    ("1. forward", "y_pred = model(X)"),
    ("2. loss", "loss = loss_fn(y_pred, y)"),
    ("3. zero_grad", "optimizer.zero_grad()"),
    ("4. backward", "loss.backward()"),
    ("5. step", "optimizer.step()"),
]


def facts_training_step() -> dict:
    return {"steps": [name for name, _ in STEPS]}


def draw_training_step(facts, path):
    fig, ax = s.canvas(4.6)
    cx, cy, r = 50, 28.5, 20
    fills = [
        (s.BLUE, s.BLUE_FILL),
        (s.ORANGE, s.ORANGE_FILL),
        (s.GREY, s.GREY_FILL),
        (s.VERMILION, s.VERMILION_FILL),
        (s.GREEN, s.GREEN_FILL),
    ]
    pos = []
    for i in range(5):
        a = math.pi / 2 - 2 * math.pi * i / 5
        pos.append((cx + 1.55 * r * math.cos(a), cy + r * math.sin(a)))
    for i, ((name, code), (edge, fill)) in enumerate(zip(STEPS, fills, strict=True)):
        x, y = pos[i]
        s.box(ax, x, y, 27, 9, f"{name}\n", edge=edge, fill=fill, weight="bold")
        s.label(ax, x, y - 1.9, code, size=9.5, color=s.INK, mono=True)
    for i in range(5):
        (x0, y0), (x1, y1) = pos[i], pos[(i + 1) % 5]
        dx, dy = x1 - x0, y1 - y0
        t_out = min(14.5 / abs(dx) if dx else 9e9, 5.5 / abs(dy) if dy else 9e9)
        s.arrow(
            ax, (x0 + t_out * dx, y0 + t_out * dy), (x1 - t_out * dx, y1 - t_out * dy), rad=-0.15
        )
    s.label(ax, cx, cy + 2, "one training step", size=12, color=s.INK, weight="bold")
    s.label(ax, cx, cy - 2.5, "repeat for every batch", size=10)
    s.save(fig, path)


# ---------------------------------------------------------------- 01 Net shapes


def facts_net_shapes() -> dict:
    net = Net01()
    x = torch.zeros(1, 1, 32, 32)
    shapes = [tuple(x.shape[1:])]
    with torch.no_grad():
        x = F.relu(net.conv1(x))
        shapes.append(tuple(x.shape[1:]))
        x = F.max_pool2d(x, 2)
        shapes.append(tuple(x.shape[1:]))
        x = F.relu(net.conv2(x))
        shapes.append(tuple(x.shape[1:]))
        x = F.max_pool2d(x, 2)
        shapes.append(tuple(x.shape[1:]))
        x = torch.flatten(x, 1)
        shapes.append(tuple(x.shape[1:]))
        for fc in (net.fc1, net.fc2):
            x = F.relu(fc(x))
            shapes.append(tuple(x.shape[1:]))
        x = net.fc3(x)
        shapes.append(tuple(x.shape[1:]))
        assert torch.equal(net(torch.zeros(1, 1, 32, 32)), x)
    return {"shapes": [fmt(sh) for sh in shapes]}


NET_OPS = [
    "conv1 3x3\n+ ReLU",
    "max pool 2",
    "conv2 3x3\n+ ReLU",
    "max pool 2",
    "flatten",
    "fc1 + ReLU",
    "fc2 + ReLU",
    "fc3",
]


def draw_net_shapes(facts, path):
    shapes = facts["shapes"]
    fig, ax = s.canvas(3.6)
    rows = [(0, 5, 29), (5, 9, 9)]
    for first, last, y in rows:
        n = last - first
        xs = (
            [8 + i * (84 / (n - 1)) for i in range(n)]
            if first == 0
            else [8 + i * 28 for i in range(n)]
        )
        for k, i in enumerate(range(first, last)):
            conv = i < 5
            s.box(
                ax,
                xs[k],
                y,
                14.5,
                7,
                shapes[i],
                mono=True,
                weight="bold",
                edge=s.BLUE if conv else s.GREEN,
                fill=s.BLUE_FILL if conv else s.GREEN_FILL,
            )
            if k + 1 < n:
                s.arrow(ax, (xs[k] + 7.6, y), (xs[k + 1] - 7.6, y))
                dy = 7.2 if first == 0 else -6.5
                s.label(ax, (xs[k] + xs[k + 1]) / 2, y + dy, NET_OPS[i], size=9.5)
    # the flatten step goes from the end of row 1 to the start of row 2
    s.arrow(ax, (92, 25.3), (8, 12.8), color=s.MUTED)
    s.label(ax, 4, 21.5, "flatten: 16 x 6 x 6 = 576 numbers per image", size=9.5, ha="left")
    s.label(
        ax,
        50,
        42.5,
        "one image [channels x height x width] through Net (a batch adds a first dimension N)",
        size=10,
        color=s.INK,
    )
    s.save(fig, path)


# ---------------------------------------------------------------- 02/03 MLP


def facts_mlp() -> dict:
    model = mlp()
    linears = [m for m in model if isinstance(m, nn.Linear)]
    return {
        "sizes": [linears[0].in_features] + [m.out_features for m in linears],
        "params": [sum(p.numel() for p in m.parameters()) for m in linears],
        "total": sum(p.numel() for p in model.parameters()),
    }


def draw_mlp(facts, path):
    sizes, params = facts["sizes"], facts["params"]
    fig, ax = s.canvas(3.8)
    y = 27
    xs = [6, 27, 48, 69]
    heights = [28, 22, 22, 8]
    names = ["input\n(flattened)", "hidden 1", "hidden 2", "logits"]
    for x, h, n, name in zip(xs, heights, sizes, names, strict=True):
        edge, fill = (s.GREEN, s.GREEN_FILL) if name == "logits" else (s.BLUE, s.BLUE_FILL)
        s.box(ax, x, y, 8, h, f"{n}", edge=edge, fill=fill, weight="bold")
        s.label(ax, x, y - h / 2 - 3.2, name, size=9.5)
    s.label(ax, xs[0] + 3, y + 18, "28x28 image\n-> Flatten", size=9.5)
    layer_txt = [f"Linear\n({a}, {b})" for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    relu = ["+ ReLU", "+ ReLU", ""]
    for i in range(3):
        x0, x1 = xs[i] + 4.4, xs[i + 1] - 4.4
        s.arrow(ax, (x0, y), (x1, y))
        s.label(
            ax,
            (x0 + x1) / 2,
            y - 7,
            f"{layer_txt[i]}\n{relu[i]}".strip(),
            size=8.5,
            color=s.INK,
            mono=True,
        )
        s.label(
            ax, (x0 + x1) / 2, y + 3.2, f"{params[i]:,}", size=9.5, color=s.VERMILION, weight="bold"
        )
    # logits -> softmax -> argmax
    s.arrow(ax, (73.5, y), (80, y))
    s.box(ax, 87, y + 7, 15, 7, "softmax\n(dim=1)", edge=s.ORANGE, fill=s.ORANGE_FILL, size=9.5)
    s.box(ax, 87, y - 7, 15, 7, "argmax\n(dim=1)", edge=s.PURPLE, fill=s.PURPLE_FILL, size=9.5)
    s.arrow(ax, (80, y), (80, y + 7), style="-")
    s.arrow(ax, (80, y + 7), (79.4, y + 7))
    s.arrow(ax, (80, y), (80, y - 7), style="-")
    s.arrow(ax, (80, y - 7), (79.4, y - 7))
    s.label(ax, 87, y + 14, "10 probabilities,\nsum 1", size=9)
    s.label(ax, 87, y - 14, "predicted class\n(same with or\nwithout softmax)", size=9)
    total = facts["total"]
    s.label(
        ax,
        37.5,
        4.5,
        f"parameters per layer (weights + biases) in orange: {total:,} in all",
        size=10,
        color=s.INK,
    )
    s.save(fig, path)


# ---------------------------------------------------------------- 04 autograd graph


def _name(node) -> str:
    return type(node).__name__ if node is not None else "None"


def facts_net_graph() -> dict:
    """Walk ``loss.grad_fn`` of the real Net + MSELoss graph.

    Returns the main chain (loss first) and, for every node on it, the inputs
    that are not the next chain node: leaves (``AccumulateGrad`` with the
    parameter's name, possibly behind a ``TBackward0``) and ``None``.
    """
    net = Net04()
    names = {id(p): n for n, p in net.named_parameters()}
    loss = nn.MSELoss()(net(torch.randn(1, 1, 32, 32)), torch.randn(1, 10))
    chain, node = [], loss.grad_fn
    while node is not None:
        inputs = [n for n, _ in node.next_functions]
        main = next(
            (
                n
                for n in inputs
                if n is not None and _name(n) not in {"AccumulateGrad", "TBackward0"}
            ),
            None,
        )
        sides = []
        for n in inputs:
            if n is main and main is not None:
                continue
            if n is None:
                sides.append("None")
            elif _name(n) == "AccumulateGrad":
                sides.append(f"AccumulateGrad: {names[id(n.variable)]}")
            else:  # TBackward0 over a weight
                ((leaf, _),) = n.next_functions
                sides.append(f"{_name(n)} <- AccumulateGrad: {names[id(leaf.variable)]}")
        chain.append({"node": _name(node), "sides": sides})
        node = main
    return {"chain": chain}


def graph_node_names(facts) -> set[str]:
    """Every grad_fn class name the graph figure shows."""
    out = set()
    for item in facts["chain"]:
        out.add(item["node"])
        for side in item["sides"]:
            for part in side.split(" <- "):
                out.add(part.split(":")[0])
    out.discard("None")
    return out


def draw_net_graph(facts, path):
    chain = facts["chain"]
    n = len(chain)
    step = 5.2
    height_in = (n * step + 16) * s.WIDTH_IN / 100
    fig, ax = s.canvas(height_in)
    top = n * step + 10
    x_chain = 19
    for i, item in enumerate(chain):
        y = top - i * step
        name = item["node"]
        edge, fill = (s.ORANGE, s.ORANGE_FILL) if i == 0 else (s.BLUE, s.BLUE_FILL)
        s.box(ax, x_chain, y, 35, 3.9, name, edge=edge, fill=fill, mono=True, size=9.5)
        if i + 1 < n:
            s.arrow(ax, (x_chain, y - 1.95), (x_chain, y - step + 1.95))
        x = 37.5
        for k, side in enumerate(item["sides"]):
            if side == "None":
                s.label(ax, x + 5, y, "None", mono=True, size=9)
                x += 9
                continue
            parts = side.split(" <- ")
            for j, part in enumerate(parts):
                text = part.replace("AccumulateGrad: ", "AccumulateGrad\n")
                leaf = part.startswith("AccumulateGrad")
                w = 17 if leaf else 11.5
                if k == 0 or j > 0:  # an edge; siblings stand side by side
                    s.arrow(ax, (x, y), (x + 2.5, y), width=1.2)
                s.box(
                    ax,
                    x + 2.5 + w / 2,
                    y,
                    w,
                    4.4,
                    text,
                    mono=True,
                    size=7.5,
                    edge=s.GREEN if leaf else s.BLUE,
                    fill=s.GREEN_FILL if leaf else s.BLUE_FILL,
                )
                x += 2.5 + w + (0.6 if j + 1 < len(parts) else 2.2)
    s.label(
        ax,
        1.5,
        top + 4,
        "the data path, down from loss.grad_fn",
        size=9.5,
        color=s.INK,
        mono=True,
        ha="left",
    )
    s.label(ax, 70, top + 4, "its other inputs: parameters (green leaves)", size=9.5)
    s.label(
        ax,
        50,
        4.2,
        "backward() runs from the top down; the forward pass ran bottom up.\n"
        "None: an input that needs no gradient (target, x).\n"
        "Node names as recorded on the CPU; other devices can record other nodes\n"
        "(Apple MPS: one LinearBackward0 per Linear layer, MaxPool2DBackward0).",
        size=9,
    )
    s.save(fig, path)


# ---------------------------------------------------------------- 05 ModuleList


def facts_module_list() -> dict:
    out = {}
    for key, flag in (("module_list", True), ("python_list", False)):
        model = TwoLayers(flag)
        out[key] = {
            "tensors": len(list(model.parameters())),
            "numbers": sum(p.numel() for p in model.parameters()),
            "state_dict": list(model.state_dict()),
        }
    return out


def draw_module_list(facts, path):
    fig, ax = s.canvas(3.7)
    panels = [
        (
            25,
            "self.layers = nn.ModuleList(layers)",
            facts["module_list"],
            s.GREEN,
            s.GREEN_FILL,
            "registered",
        ),
        (
            75,
            "self.layers = layers   # a Python list",
            facts["python_list"],
            s.VERMILION,
            s.VERMILION_FILL,
            "invisible to the module",
        ),
    ]
    for x, code, f, edge, fill, verdict in panels:
        s.label(ax, x, 42, code, mono=True, size=9.5, color=s.INK)
        s.box(ax, x, 27, 44, 20, "", edge=edge, fill=fill, dashed=edge == s.VERMILION)
        s.label(ax, x, 34.5, f"TwoLayers: {verdict}", size=10, color=s.INK, weight="bold")
        for k, dx in enumerate((-10, 10)):
            s.box(ax, x + dx, 27, 16, 6, f"Linear(4, 4)\n[{k}]", size=9)
        s.label(ax, x, 20, "two layers, 4x4 weight + 4 bias each", size=9)
        keys = f["state_dict"]
        s.label(
            ax,
            x,
            11,
            f"parameters(): {f['tensors']} tensors, {f['numbers']} numbers",
            size=10,
            color=s.INK,
            mono=True,
        )
        shown = ", ".join(keys[:2]) + (", ..." if len(keys) > 2 else "") if keys else "{}"
        s.label(ax, x, 6.5, f"state_dict(): {shown}", size=8.5, color=s.INK, mono=True)
    s.save(fig, path)


# ---------------------------------------------------------------- 06 z = 10 w^2 + 25


def facts_z_graph() -> dict:
    w = torch.tensor(2.0, requires_grad=True)
    y = w**2
    z = 10 * y + 25
    y.retain_grad()
    z.retain_grad()
    z.backward()
    mul = z.grad_fn.next_functions[0][0]
    return {
        "w": w.item(),
        "y": y.item(),
        "z": z.item(),
        "grad_w": w.grad.item(),
        "grad_y": y.grad.item(),
        "grad_z": z.grad.item(),
        "nodes": [
            _name(z.grad_fn),
            _name(mul),
            _name(y.grad_fn),
            _name(y.grad_fn.next_functions[0][0]),
        ],
        "leaf": {"w": w.is_leaf, "y": y.is_leaf, "z": z.is_leaf},
    }


def _num(v: float) -> str:
    return f"{v:g}"


def draw_z_graph(facts, path):
    f = facts
    fig, ax = s.canvas(3.6)
    y_t, y_op = 30, 14
    xs = [10, 40, 70, 92]
    s.box(
        ax,
        xs[0],
        y_t,
        16,
        9,
        f"w = {_num(f['w'])}\nleaf",
        edge=s.GREEN,
        fill=s.GREEN_FILL,
        weight="bold",
    )
    s.box(ax, xs[1], y_t, 18, 9, f"y = w**2 = {_num(f['y'])}\nnon-leaf", weight="bold")
    s.box(ax, xs[2], y_t, 24, 9, f"z = 10*y + 25 = {_num(f['z'])}\nnon-leaf", weight="bold")
    s.arrow(ax, (18.5, y_t + 1.5), (30.5, y_t + 1.5))
    s.arrow(ax, (49.5, y_t + 1.5), (57.5, y_t + 1.5))
    s.label(ax, 24.5, y_t + 4, "w**2", size=9, mono=True)
    s.label(ax, 53.5, y_t + 5.5, "10*y + 25", size=9, mono=True)
    s.label(ax, 50, 42, "forward: values (black arrows, left to right)", size=10, color=s.INK)
    # backward: grad_fn nodes with the gradient flowing back
    add, mul, pw, acc = f["nodes"]
    s.box(
        ax, 70, y_op, 24, 6, f"{add} <- {mul}", size=8, mono=True, edge=s.ORANGE, fill=s.ORANGE_FILL
    )
    s.box(ax, 40, y_op, 18, 6, pw, size=8.5, mono=True, edge=s.ORANGE, fill=s.ORANGE_FILL)
    s.box(ax, 10, y_op, 16, 6, acc, size=8.5, mono=True, edge=s.GREEN, fill=s.GREEN_FILL)
    s.arrow(ax, (xs[3], y_t - 4.5), (82.5, y_op + 1), color=s.VERMILION)
    s.label(ax, xs[3], y_t, f"dz/dz\n= {_num(f['grad_z'])}", size=9, color=s.VERMILION)
    s.arrow(ax, (57.5, y_op), (49.5, y_op), color=s.VERMILION)
    s.label(ax, 53.5, y_op + 5, f"dz/dy\n= {_num(f['grad_y'])}", size=8.5, color=s.VERMILION)
    s.arrow(ax, (30.5, y_op), (18.5, y_op), color=s.VERMILION)
    s.label(ax, 24.5, y_op + 5, f"dz/dw = 20w\n= {_num(f['grad_w'])}", size=8.5, color=s.VERMILION)
    s.label(
        ax,
        10,
        y_op - 6,
        f"w.grad = {_num(f['grad_w'])}",
        size=10,
        color=s.VERMILION,
        weight="bold",
        mono=True,
    )
    s.label(
        ax,
        57,
        4,
        "backward: z.backward() sends gradients right to left (red)\n"
        "through the grad_fn nodes; only the leaf w keeps its gradient in .grad",
        size=9,
    )
    s.save(fig, path)


# ---------------------------------------------------------------- 07 split and network


def facts_split() -> dict:
    n = 11
    n_val = int(0.2 * n)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(0)).tolist()
    return {"n": n, "n_train": n - n_val, "n_val": n_val, "example_order": order}


def draw_split(facts, path):
    n, n_val = facts["n"], facts["n_val"]
    order = facts["example_order"]
    fig, ax = s.canvas(2.9)
    w = 6.4
    x0 = 50 - (n * w + (n - 1) * 0.8) / 2 + w / 2
    for i in range(n):
        x = x0 + i * (w + 0.8)
        s.box(ax, x, 27, w, 6, str(i), edge=s.GREY, fill=s.GREY_FILL, size=10)
    s.label(ax, 50, 33.5, f"{n} readings, indices 0 to {n - 1}", size=10, color=s.INK)
    s.label(
        ax,
        50,
        20.5,
        "torch.randperm(n_samples): a shuffled order (this one is only "
        "an example; the seed decides)",
        size=9,
    )
    for i, idx in enumerate(order):
        x = x0 + i * (w + 0.8)
        val = i >= n - n_val
        s.box(
            ax,
            x,
            12,
            w,
            6,
            str(idx),
            size=10,
            weight="bold",
            edge=s.ORANGE if val else s.BLUE,
            fill=s.ORANGE_FILL if val else s.BLUE_FILL,
        )
    split_x = x0 + (n - n_val - 0.5) * (w + 0.8)
    ax.plot([split_x, split_x], [7, 17], color=s.INK, linewidth=1.5)
    s.label(
        ax,
        (x0 + split_x) / 2 - 2,
        4,
        f"train_indices: first {n - n_val}",
        size=9.5,
        color=s.BLUE,
        weight="bold",
    )
    s.label(
        ax,
        split_x + 8,
        4,
        f"val_indices: last {n_val}",
        size=9.5,
        color=s.ORANGE_TEXT,
        weight="bold",
    )
    s.save(fig, path)


def facts_network() -> dict:
    model = seq_1_13_1()
    return {
        "sizes": [model[0].in_features, model[0].out_features, model[2].out_features],
        "activation": type(model[1]).__name__,
        "shapes": [list(p.shape) for p in model.parameters()],
        "total": sum(p.numel() for p in model.parameters()),
    }


def draw_network(facts, path):
    n_in, n_hidden, n_out = facts["sizes"]
    fig, ax = s.canvas(3.6)
    xi, xh, xo = 20, 50, 80
    ys = [4 + i * (32 / (n_hidden - 1)) for i in range(n_hidden)]
    ymid = 20
    for y in ys:
        ax.plot([xi + 4.5, xh], [ymid, y], color=s.BLUE, linewidth=0.8)
        ax.plot([xh, xo - 4.5], [y, ymid], color=s.GREEN, linewidth=0.8)
    for y in ys:
        ax.add_patch(
            __import__("matplotlib").patches.Circle(
                (xh, y), 1.15, facecolor=s.ORANGE_FILL, edgecolor=s.ORANGE, linewidth=1.3, zorder=3
            )
        )
    s.box(ax, xi, ymid, 9, 6, "t_un", mono=True, edge=s.BLUE, fill=s.BLUE_FILL)
    s.box(ax, xo, ymid, 9, 6, "t_c", mono=True, edge=s.GREEN, fill=s.GREEN_FILL)
    s.label(ax, xi, ymid - 6, f"{n_in} input", size=9.5)
    s.label(ax, xo, ymid - 6, f"{n_out} output", size=9.5)
    s.label(ax, xh + 12, 38.5, f"{n_hidden} hidden units, each tanh", size=9.5, color=s.ORANGE_TEXT)
    s.label(ax, 33, 40, f"Linear({n_in}, {n_hidden})", size=9.5, mono=True, color=s.BLUE)
    s.label(ax, 67, 2, f"Linear({n_hidden}, {n_out})", size=9.5, mono=True, color=s.GREEN)
    shapes = ", ".join(fmt(sh) for sh in facts["shapes"])
    s.label(ax, 20, 2, f"parameters: {shapes}\n= {facts['total']} numbers", size=9, color=s.INK)
    s.save(fig, path)


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Figure:
    name: str
    alt: str
    facts: Callable[[], dict]
    draw: Callable[[dict, object], None]


FIGURES: list[Figure] = [
    Figure(
        "01_training_step",
        "A cycle of the five steps of one training step: 1. forward, y_pred = model(X); "
        "2. loss, loss_fn(y_pred, y); 3. zero_grad, optimizer.zero_grad(); 4. backward, "
        "loss.backward(); 5. step, optimizer.step(); then back to forward for the next "
        "batch.",
        facts_training_step,
        draw_training_step,
    ),
    Figure(
        "01_net_shapes",
        "The shape of one image through Net: 1x32x32, conv1 3x3 and ReLU to 6x30x30, "
        "max pool to 6x15x15, conv2 3x3 and ReLU to 16x13x13, max pool to 16x6x6, "
        "flatten to 576, fc1 to 120, fc2 to 84, fc3 to 10 scores.",
        facts_net_shapes,
        draw_net_shapes,
    ),
    Figure(
        "02_mlp",
        "The MLP: a 28x28 image flattened to 784 numbers, Linear(784, 512) with ReLU "
        "(401,920 parameters), Linear(512, 512) with ReLU (262,656), Linear(512, 10) "
        "(5,130) giving 10 logits; 669,706 parameters in all. Softmax turns the logits "
        "into probabilities; argmax of either gives the predicted class.",
        facts_mlp,
        draw_mlp,
    ),
    Figure(
        "04_autograd_graph",
        "The backward graph of Net plus MSELoss as recorded on the CPU, read from "
        "loss.grad_fn down through next_functions: MseLossBackward0, then AddmmBackward0, "
        "ReluBackward0 and so on back to ConvolutionBackward0 of conv1. Beside each node, "
        "its other inputs: AccumulateGrad leaves for every weight and bias (weights behind "
        "TBackward0 for the Linear layers) and None for x and target. A note says that "
        "other devices can record other nodes (Apple MPS: LinearBackward0, "
        "MaxPool2DBackward0).",
        facts_net_graph,
        draw_net_graph,
    ),
    Figure(
        "05_module_list",
        "Two versions of a model with two Linear(4, 4) layers. Stored in nn.ModuleList, "
        "parameters() finds 4 tensors with 40 numbers and state_dict has keys "
        "layers.0.weight and so on. Stored in a plain Python list, parameters() finds "
        "0 tensors and state_dict is empty.",
        facts_module_list,
        draw_module_list,
    ),
    Figure(
        "06_autograd_z",
        "The graph of z = 10 * w**2 + 25 at w = 2. Forward, left to right: the leaf w = "
        "2, the non-leaf y = w**2 = 4, the non-leaf z = 65. Backward, right to left "
        "through AddBackward0, MulBackward0, PowBackward0 and AccumulateGrad: dz/dz = 1, "
        "dz/dy = 10, dz/dw = 20w = 40, which lands in w.grad.",
        facts_z_graph,
        draw_z_graph,
    ),
    Figure(
        "07_split",
        "The 11 readings, indices 0 to 10, shuffled by torch.randperm; the first 9 "
        "shuffled indices are the training set and the last 2 the validation set. The "
        "order shown is only an example.",
        facts_split,
        draw_split,
    ),
    Figure(
        "07_network",
        "The 1-13-1 network: one input t_un, Linear(1, 13) to 13 hidden units each "
        "passed through tanh, Linear(13, 1) to one output t_c; parameter shapes 13x1, "
        "13, 1x13, 1, 40 numbers in all.",
        facts_network,
        draw_network,
    ),
]

BY_NAME = {f.name: f for f in FIGURES}
