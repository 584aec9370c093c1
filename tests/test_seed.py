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


def test_course_seed_environment_variable_replaces_the_notebooks_seed(monkeypatch):
    monkeypatch.setenv("COURSE_SEED", "5")
    assert seed_everything(111) == 5
    first = draw()
    monkeypatch.delenv("COURSE_SEED")
    seed_everything(5)
    assert draw() == first


def test_course_seed_that_is_not_a_number_says_what_to_do(monkeypatch):
    monkeypatch.setenv("COURSE_SEED", "abc")
    with pytest.raises(ValueError, match="not an integer"):
        seed_everything(1)
