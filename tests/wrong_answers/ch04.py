"""Plausible wrong answers for chapter 04's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
import torch
import torch.nn.functional as F

from course_utils import FASHION_CLASSES


# %% ch04-ex1-solution: updates through .data (the source's style): right numbers, but autograd cannot see the change
def sgd_step(params, lr):
    for p in params:
        if p.grad is not None:
            p.data.sub_(lr * p.grad.data)


# %% ch04-ex1-solution: rebinds the loop variable instead of updating in place: nothing moves
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p = p - lr * p.grad


# %% ch04-ex1-solution: steps along the gradient instead of against it
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.add_(p.grad, alpha=lr)


# %% ch04-ex2-solution: ignores v: sums the outputs
def as_scalar(out, v):
    return out.sum()


# %% ch04-ex2-solution: averages instead of summing: gradients scaled by 1 / out.numel()
def as_scalar(out, v):
    return (out * v).mean()


# %% ch04-ex2-solution: returns the weighted outputs, not a scalar
def as_scalar(out, v):
    return out * v


# %% ch04-ex3-solution: standardises before padding: the border is 0 instead of the standardised background value
def classify(model, image):
    standardised = (image - 0.286) / 0.353
    batch = F.pad(standardised, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-ex3-solution: pads but forgets to standardise
def classify(model, image):
    batch = F.pad(image, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]
