"""Plausible wrong answers for chapter 04's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch04-ex1-solution": [
        (
            "updates through .data (the source's style): right numbers, but autograd cannot see "
            "the change",
            "def sgd_step(params, lr):\n"
            "    for p in params:\n"
            "        if p.grad is not None:\n"
            "            p.data.sub_(lr * p.grad.data)\n",
        ),
        (
            "rebinds the loop variable instead of updating in place: nothing moves",
            "def sgd_step(params, lr):\n"
            "    with torch.no_grad():\n"
            "        for p in params:\n"
            "            if p.grad is not None:\n"
            "                p = p - lr * p.grad\n",
        ),
        (
            "steps along the gradient instead of against it",
            "def sgd_step(params, lr):\n"
            "    with torch.no_grad():\n"
            "        for p in params:\n"
            "            if p.grad is not None:\n"
            "                p.add_(p.grad, alpha=lr)\n",
        ),
    ],
    "ch04-ex2-solution": [
        (
            "ignores v: sums the outputs",
            "def as_scalar(out, v):\n    return out.sum()\n",
        ),
        (
            "averages instead of summing: gradients scaled by 1 / out.numel()",
            "def as_scalar(out, v):\n    return (out * v).mean()\n",
        ),
        (
            "returns the weighted outputs, not a scalar",
            "def as_scalar(out, v):\n    return out * v\n",
        ),
    ],
    "ch04-ex3-solution": [
        (
            "standardises before padding: the border is 0 instead of the standardised "
            "background value",
            "def classify(model, image):\n"
            "    standardised = (image - 0.286) / 0.353\n"
            "    batch = F.pad(standardised, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)\n"
            "    with torch.no_grad():\n"
            "        logits = model(batch)\n"
            "    return FASHION_CLASSES[logits.argmax(dim=1).item()]\n",
        ),
        (
            "pads but forgets to standardise",
            "def classify(model, image):\n"
            "    batch = F.pad(image, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)\n"
            "    with torch.no_grad():\n"
            "        logits = model(batch)\n"
            "    return FASHION_CLASSES[logits.argmax(dim=1).item()]\n",
        ),
    ],
}
