import random

import numpy as np
import pytest
import torch

from course_utils import seed_everything


def draw():
    return random.random(), np.random.rand(), torch.rand(3).tolist()


def test_same_seed_gives_same_numbers_everywhere():
    seed_everything(7)
    first = draw()
    seed_everything(7)
    assert draw() == first


def test_different_seeds_give_different_numbers():
    seed_everything(1)
    first = draw()
    seed_everything(2)
    assert draw() != first


def test_seed_must_be_an_int():
    with pytest.raises(TypeError, match="seed must be an int"):
        seed_everything("42")
