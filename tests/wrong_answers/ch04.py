"""Plausible wrong answers for chapter 04's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F

from course_utils import FASHION_CLASSES

if TYPE_CHECKING:

    def prepare(X: torch.Tensor) -> torch.Tensor: ...

    model = torch.nn.Module()  # the trained Net of section 10


# %% ch04-sgd-step-solution: updates through .data (an old style): right numbers, but autograd cannot see the change [message: autograd did not see the update]
def sgd_step(params, lr):
    for p in params:
        if p.grad is not None:
            p.data.sub_(lr * p.grad.data)


# %% ch04-sgd-step-solution: rebinds the loop variable instead of updating in place: nothing moves [message: rebinds the loop variable]
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p = p - lr * p.grad


# %% ch04-sgd-step-solution: steps along the gradient instead of against it [message: up the gradient]
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.add_(p.grad, alpha=lr)


# %% ch04-sgd-step-solution: forgets torch.no_grad(): in-place update of a leaf that requires grad [message: with torch.no_grad()]
def sgd_step(params, lr):
    for p in params:
        if p.grad is not None:
            p.sub_(p.grad, alpha=lr)


# %% ch04-sgd-step-solution: does not skip parameters whose .grad is None (a frozen parameter)
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            p.sub_(p.grad, alpha=lr)


# %% ch04-sgd-step-solution: ignores its lr argument and always steps with 0.01
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(p.grad, alpha=0.01)


# %% ch04-sgd-step-solution: switches gradient tracking off for good with torch.set_grad_enabled(False)
def sgd_step(params, lr):
    torch.set_grad_enabled(False)
    for p in params:
        if p.grad is not None:
            p.sub_(p.grad, alpha=lr)


# %% ch04-sgd-step-solution: clears each gradient after the step (that is zero_grad's job)
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(p.grad, alpha=lr)
                p.grad = None


# %% ch04-sgd-step-solution: updates the gradient instead of the parameter
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.grad.sub_(p.grad, alpha=lr)


# %% ch04-sgd-step-solution: returns after the first parameter (the return is indented into the loop)
def sgd_step(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(p.grad, alpha=lr)
            return


# %% ch04-sgd-step-solution: goes through params twice; a generator is used up after the first pass [message: second time]
def sgd_step(params, lr):
    frozen = [p for p in params if p.grad is None]
    with torch.no_grad():
        for p in params:
            if p not in frozen:
                p.sub_(p.grad, alpha=lr)


# %% ch04-as-scalar-solution: ignores v: sums the outputs [message: v is ignored]
def as_scalar(out, v):
    return out.sum()


# %% ch04-as-scalar-solution: averages instead of summing: gradients scaled by 1 / out.numel()
def as_scalar(out, v):
    return (out * v).mean()


# %% ch04-as-scalar-solution: returns the weighted outputs, not a scalar
def as_scalar(out, v):
    return out * v


# %% ch04-as-scalar-solution: a matrix product that is right only for a batch of one
def as_scalar(out, v):
    return (out @ v.T).sum()


# %% ch04-as-scalar-solution: returns a Python number (.item()), which has no backward [message: has no backward]
def as_scalar(out, v):
    return (out * v).sum().item()


# %% ch04-as-scalar-solution: detaches the result, cutting it off from the graph
def as_scalar(out, v):
    return (out * v).sum().detach()


# %% ch04-as-scalar-solution: sums each row only, which leaves one number per sample
def as_scalar(out, v):
    return (out * v).sum(dim=-1)


# %% ch04-as-scalar-solution: runs out.backward(v) itself as well, so the gradients are doubled [message: ran backward itself]
def as_scalar(out, v):
    out.backward(v, retain_graph=True)
    return (out * v).sum()


# %% ch04-as-scalar-solution: adds v instead of weighing by it
def as_scalar(out, v):
    return (out + v).sum()


# %% ch04-as-scalar-solution: torch.dot, which takes only 1-D tensors [message: torch.dot takes two 1-D tensors]
def as_scalar(out, v):
    return torch.dot(out, v)


# %% ch04-classify-solution: standardises before padding: the border is 0 instead of the standardised background value
def classify(model, image):
    standardised = (image - 0.286) / 0.353
    batch = F.pad(standardised, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: pads but forgets to standardise
def classify(model, image):
    batch = F.pad(image, (2, 2, 2, 2)).unsqueeze(0).unsqueeze(0)
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: adds only the batch dimension, not the channel dimension
def classify(model, image):
    batch = prepare(image.unsqueeze(0))
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: returns the class index, not its name
def classify(model, image):
    batch = prepare(image.unsqueeze(0).unsqueeze(0))
    with torch.no_grad():
        logits = model(batch)
    return logits.argmax(dim=1).item()


# %% ch04-classify-solution: takes the argmax over the batch dimension (dim=0) [message: argmax(dim=0)]
def classify(model, image):
    batch = prepare(image.unsqueeze(0).unsqueeze(0))
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=0).item()]


# %% ch04-classify-solution: runs the model with autograd recording (no torch.no_grad()) [message: torch.no_grad()]
def classify(model, image):
    batch = prepare(image.unsqueeze(0).unsqueeze(0))
    logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: adds the dimensions in place with unsqueeze_, changing the caller's image
def classify(model, image):
    batch = prepare(image.unsqueeze_(0).unsqueeze_(0))
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: uses the notebook's trained model instead of the model it is given
def classify(model_given, image):
    batch = prepare(image.unsqueeze(0).unsqueeze(0))
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]


# %% ch04-classify-solution: forgets to pad: the batch is 28x28, not 32x32
def classify(model, image):
    batch = ((image - 0.286) / 0.353).unsqueeze(0).unsqueeze(0)
    with torch.no_grad():
        logits = model(batch)
    return FASHION_CLASSES[logits.argmax(dim=1).item()]
