import pytest
import torch

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
