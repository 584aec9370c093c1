import pytest
import torch

import course_utils.device as device_module
from course_utils import get_device


def test_default_device_is_one_pytorch_can_use():
    device = get_device()
    assert device.type in {"cuda", "mps", "cpu"}
    torch.zeros(1, device=device)


def test_cpu_can_always_be_asked_for():
    assert get_device("cpu") == torch.device("cpu")
    assert get_device(" CPU ") == torch.device("cpu")


@pytest.mark.parametrize("name", ["gpu", "cuda:x", "tpu", ""])
def test_unknown_device_name_says_which_names_work(name):
    with pytest.raises(ValueError, match="Unknown device") as err:
        get_device(name)
    assert "'cuda'" in str(err.value) and "'cpu'" in str(err.value)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_unavailable_cuda_says_how_to_fall_back():
    with pytest.raises(RuntimeError, match="not available.*get_device\\(\\)"):
        get_device("cuda")


@pytest.mark.skipif(torch.cuda.device_count() > 7, reason="this machine has a cuda:7")
def test_a_missing_cuda_device_is_a_clear_error():
    with pytest.raises(RuntimeError, match="'cuda:7' was asked for|CUDA was asked for"):
        get_device("cuda:7")


@pytest.mark.skipif(torch.backends.mps.is_available(), reason="this machine has Apple MPS")
def test_unavailable_mps_says_how_to_fall_back():
    with pytest.raises(RuntimeError, match="MPS was asked for.*get_device\\(\\)"):
        get_device("mps")


def test_the_argument_is_called_name():
    assert get_device(name="cpu") == torch.device("cpu")
    with pytest.raises(TypeError):
        get_device(prefer="cpu")  # the old name: it demanded, it never preferred


@pytest.mark.parametrize(
    "cuda, mps, expected", [(True, True, "cuda"), (False, True, "mps"), (False, False, "cpu")]
)
def test_no_name_picks_cuda_then_mps_then_cpu(monkeypatch, cuda, mps, expected):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
    monkeypatch.setattr(device_module, "_mps_available", lambda: mps)
    assert get_device() == torch.device(expected)


def test_course_device_picks_the_device_when_none_is_named(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    assert get_device() == torch.device("cpu")  # not the CUDA it would pick
    monkeypatch.setenv("COURSE_DEVICE", "")
    assert get_device() == torch.device("cuda")  # empty: as if unset


def test_a_named_device_wins_over_course_device(monkeypatch):
    monkeypatch.setenv("COURSE_DEVICE", "cuda:9")
    assert get_device("cpu") == torch.device("cpu")


@pytest.mark.parametrize("value, error", [("gpu", ValueError), ("cuda:9", RuntimeError)])
def test_a_bad_course_device_is_a_clear_error_naming_the_variable(monkeypatch, value, error):
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setenv("COURSE_DEVICE", value)
    with pytest.raises(error, match=f"COURSE_DEVICE='{value}'"):
        get_device()
