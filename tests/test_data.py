import urllib.error
from pathlib import Path

import numpy as np
import pytest
import torch

from course_utils import (
    FASHION_CLASSES,
    CorruptDataError,
    DataNotFoundError,
    InMemoryLoader,
    data,
    load_fashion_mnist,
    load_fashion_mnist_tensors,
    load_thermometer,
)
from course_utils.data import DATA_DIR_ENV, FASHION_FILES, data_dir, fashion_mnist_folder


def write_idx(path: Path, array: np.ndarray) -> Path:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(n).to_bytes(4, "big") for n in array.shape
    )
    path.write_bytes(header + array.astype(np.uint8).tobytes())
    return path


# --- where the data lives -------------------------------------------------


def test_data_dir_prefers_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from_env"))
    assert data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert data_dir() == tmp_path / "from_env"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert data_dir() == data.DEFAULT_DATA_DIR


def test_fashion_mnist_folder_is_where_torchvision_looks(tmp_path):
    assert fashion_mnist_folder(tmp_path) == tmp_path / "FashionMNIST" / "raw"


def test_offline_missing_data_names_the_folder_and_the_files(tmp_path):
    with pytest.raises(DataNotFoundError) as err:
        load_fashion_mnist_tensors(root=tmp_path, download=False)
    message = str(err.value)
    assert str(tmp_path / "FashionMNIST" / "raw") in message
    for name in FASHION_FILES:
        assert name in message
    assert DATA_DIR_ENV in message


def test_failed_download_gives_the_same_clear_error(tmp_path, monkeypatch):
    def offline(root):
        raise urllib.error.URLError("no internet")

    monkeypatch.setattr(data, "_download_fashion_mnist", offline)
    with pytest.raises(DataNotFoundError, match="download failed: .*no internet") as err:
        load_fashion_mnist(root=tmp_path)
    assert all(name in str(err.value) for name in FASHION_FILES)


def test_only_the_missing_files_are_named(tmp_path):
    raw = fashion_mnist_folder(tmp_path)
    raw.mkdir(parents=True)
    (raw / "train-images-idx3-ubyte").write_bytes(b"")
    with pytest.raises(DataNotFoundError) as err:
        data.ensure_fashion_mnist(tmp_path, download=False)
    assert "- train-images-idx3-ubyte" not in str(err.value)
    assert "- t10k-labels-idx1-ubyte" in str(err.value)


# --- reading idx files ----------------------------------------------------


def fashion_files(root: Path, **replace: bytes) -> Path:
    """Write small valid test-split files (and empty train files) under ``root``;
    ``replace`` gives the bytes of a file by its name with '-' as '_'."""
    raw = fashion_mnist_folder(root)
    raw.mkdir(parents=True)
    for name, (count, shape) in FASHION_FILES.items():
        if name.startswith("train"):
            (raw / name).write_bytes(b"")
        else:
            values = np.arange(count * int(np.prod(shape))) % 10
            write_idx(raw / name, values.reshape(count, *shape))
    for key, content in replace.items():
        (raw / key.replace("_", "-")).write_bytes(content)
    return raw


def test_idx_files_are_read_by_torchvision_into_the_documented_layout(tmp_path):
    fashion_files(tmp_path)
    X, y = load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)
    assert X.shape == (10_000, 1, 28, 28) and X.dtype == torch.float32
    assert y.dtype == torch.int64 and y[:12].tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]


def test_truncated_idx_file_is_detected(tmp_path):
    raw = fashion_files(tmp_path)
    name = "t10k-images-idx3-ubyte"
    (raw / name).write_bytes((raw / name).read_bytes()[:-100])
    with pytest.raises(CorruptDataError, match="truncated or corrupt.*Delete it") as err:
        load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)
    assert str(raw / name) in str(err.value)
    assert "7,839,916 bytes, expected 7,840,016" in str(err.value)


def test_labels_file_with_a_wrong_magic_number_is_named(tmp_path):
    raw = fashion_files(tmp_path)
    name = "t10k-labels-idx1-ubyte"
    content = bytearray((raw / name).read_bytes())
    content[2] = 0x0D  # float32 instead of uint8
    (raw / name).write_bytes(bytes(content))
    with pytest.raises(
        CorruptDataError, match="starts with bytes 00000d01, expected 00000801"
    ) as err:
        load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)
    assert str(raw / name) in str(err.value) and "Delete it" in str(err.value)


def test_reads_through_the_public_torchvision_dataset():
    import inspect

    assert "read_sn3_pascalvincent_tensor" not in inspect.getsource(data)


def test_idx_file_with_extra_bytes_is_detected(tmp_path):
    raw = fashion_files(tmp_path)
    name = "t10k-labels-idx1-ubyte"
    (raw / name).write_bytes((raw / name).read_bytes() + b"\x00")
    with pytest.raises(CorruptDataError, match=name):
        load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04rest", b"\x00\x00\x0d\x01abcd"])
def test_file_that_is_not_an_idx_file_is_detected(tmp_path, content):
    fashion_files(tmp_path, t10k_images_idx3_ubyte=content)
    with pytest.raises(CorruptDataError, match="Delete it"):
        load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)


def test_labels_above_nine_are_detected(tmp_path):
    fashion_files(tmp_path)
    write_idx(fashion_mnist_folder(tmp_path) / "t10k-labels-idx1-ubyte", np.full(10_000, 12))
    with pytest.raises(CorruptDataError, match="labels above 9"):
        load_fashion_mnist_tensors(train=False, root=tmp_path, download=False)


@pytest.mark.parametrize("label", [10, -1, torch.tensor(10), np.int64(-3)])
def test_a_label_outside_0_to_9_has_no_class_name(label):
    with pytest.raises(IndexError, match="is not a class: labels run from 0 to 9"):
        FASHION_CLASSES[label]


def test_class_names_take_integer_labels_of_any_kind():
    assert FASHION_CLASSES[0] == FASHION_CLASSES[np.int64(0)] == FASHION_CLASSES[torch.tensor(0)]
    assert FASHION_CLASSES[9] == "Ankle boot" and FASHION_CLASSES[:2] == ("T-shirt/top", "Trouser")
    with pytest.raises(TypeError, match="integer label"):
        FASHION_CLASSES[2.0]


def test_idx_file_with_wrong_item_count_is_detected(tmp_path):
    raw = fashion_mnist_folder(tmp_path)
    raw.mkdir(parents=True)
    for name, (count, shape) in FASHION_FILES.items():
        n = 5 if name.startswith("train-images") else count
        write_idx(raw / name, np.zeros((n, *shape)))
    with pytest.raises(CorruptDataError, match="train-images.*expected"):
        load_fashion_mnist_tensors(train=True, root=tmp_path, download=False)


# --- the real data (needs COURSE_DATA_DIR) ---------------------------------


def test_in_memory_tensors_have_the_documented_layout(real_data_dir):
    X, y = load_fashion_mnist_tensors(train=False, root=real_data_dir)
    assert X.shape == (10_000, 1, 28, 28) and X.dtype == torch.float32
    assert y.shape == (10_000,) and y.dtype == torch.int64
    assert 0.0 <= X.min() and X.max() <= 1.0
    assert torch.bincount(y).tolist() == [1000] * len(FASHION_CLASSES)


def test_in_memory_tensors_match_torchvision(real_data_dir):
    X, y = load_fashion_mnist_tensors(train=True, root=real_data_dir)
    dataset = load_fashion_mnist(train=True, root=real_data_dir)
    assert len(dataset) == len(X) == 60_000
    for i in (0, 1234, 59_999):
        image, label = dataset[i]
        assert torch.equal(image, X[i]) and label == y[i].item()


# --- batches and the thermometer --------------------------------------------


def test_in_memory_loader_visits_every_sample_once_per_epoch():
    X = torch.arange(10.0).unsqueeze(1)
    y = torch.arange(10)
    loader = InMemoryLoader(
        X, y, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0)
    )
    batches = list(loader)
    assert len(loader) == len(batches) == 3
    assert [len(b[1]) for b in batches] == [4, 4, 2]
    seen = torch.cat([b[1] for b in batches])
    assert sorted(seen.tolist()) == list(range(10)) and seen.tolist() != list(range(10))
    for xb, yb in batches:
        assert torch.equal(xb.squeeze(1).long(), yb)


def test_in_memory_loader_without_shuffle_keeps_the_order():
    X, y = torch.zeros(5, 2), torch.arange(5)
    assert torch.cat([b for _, b in InMemoryLoader(X, y, batch_size=2)]).tolist() == [0, 1, 2, 3, 4]


def test_in_memory_loader_rejects_mismatched_tensors():
    with pytest.raises(ValueError, match="same number of samples"):
        InMemoryLoader(torch.zeros(5, 2), torch.zeros(4), batch_size=2)


@pytest.mark.parametrize("batch_size", [0, -1])
def test_in_memory_loader_rejects_a_batch_size_below_one(batch_size):
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        InMemoryLoader(torch.zeros(5, 2), torch.zeros(5), batch_size=batch_size)


@pytest.mark.parametrize("batch_size", [2.0, "2", True])
def test_in_memory_loader_rejects_a_batch_size_that_is_not_an_int(batch_size):
    with pytest.raises(TypeError, match="batch_size must be an int"):
        InMemoryLoader(torch.zeros(5, 2), torch.zeros(5), batch_size=batch_size)


def test_in_memory_loader_yields_cpu_batches_like_a_dataloader():
    X, y = torch.arange(10.0).unsqueeze(1), torch.arange(10)
    loader = InMemoryLoader(X, y, 4, shuffle=True)  # positional, as chapter 04 calls it
    for xb, yb in loader:
        assert xb.device.type == yb.device.type == "cpu"
        assert torch.equal(xb.squeeze(1).long(), yb)


def test_thermometer_data_has_eleven_paired_readings():
    t_c, t_u = load_thermometer()
    assert t_c.shape == t_u.shape == (11,)
    assert t_c.dtype == t_u.dtype == torch.float32
    assert t_c[0].item() == 0.5 and t_u[0].item() == pytest.approx(35.7)
