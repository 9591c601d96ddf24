"""Where the Whisper model is: a directory, a model packaged over several wheels, or a name.

Registries cap a file's size, so a converted model may come split: `<name>-1`, `<name>-2`,
... each holding `data/` with some whole files and numbered parts (`model.bin.part1`,
`model.bin.part2`). `model_path` joins them once into a cache directory (never the
repository), writing to a temporary name and renaming, so concurrent workers never load a
half-written model; later calls find it and return at once.
"""

import os
import re
import shutil
import tempfile
from importlib import metadata, resources
from pathlib import Path

from conversations.understanding.speech.transcript import TranscriberUnavailable

PART = re.compile(r"^(?P<name>.+)\.part(?P<number>\d+)$")
MODEL_FILE = "model.bin"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clinicbot" / "stt"


def model_path(setting: str, *, cache_dir: Path | None = None) -> str:
    """What faster-whisper is given for STT_MODEL: a directory holding model.bin as it is;
    the distribution name of a packaged model, joined into the cache; else the setting
    itself (a hub name such as "base", which faster-whisper downloads where it may).
    Raises TranscriberUnavailable when a packaged model is incomplete."""
    if (Path(setting) / MODEL_FILE).is_file():
        return setting
    packages = model_packages(setting)
    if not packages:
        return setting
    versions = "-".join(metadata.version(distribution) for distribution, _ in packages)
    target = (cache_dir or default_cache_dir()) / f"{setting}-{versions}"
    if (target / MODEL_FILE).is_file():
        return str(target)
    _assemble([data for _, data in packages], target)
    return str(target)


def model_packages(name: str) -> list[tuple[str, Path]]:
    """(distribution, its data directory) for `name-1`, `name-2`, ... while they are installed."""
    found = []
    for number in range(1, 100):
        distribution = f"{name}-{number}"
        module = distribution.replace("-", "_")
        try:
            metadata.version(distribution)
            data = Path(str(resources.files(module))) / "data"
        except (metadata.PackageNotFoundError, ModuleNotFoundError):
            break
        found.append((distribution, data))
    return found


def _assemble(directories: list[Path], target: Path) -> None:
    whole: dict[str, Path] = {}
    parts: dict[str, dict[int, Path]] = {}
    for directory in directories:
        for path in sorted(directory.iterdir()):
            if match := PART.match(path.name):
                parts.setdefault(match["name"], {})[int(match["number"])] = path
            elif path.is_file():
                whole[path.name] = path
    for name, numbered in parts.items():
        if sorted(numbered) != list(range(1, len(numbered) + 1)):
            raise TranscriberUnavailable(f"{name}: parts {sorted(numbered)} installed, some are missing")
    if MODEL_FILE not in parts and MODEL_FILE not in whole:
        raise TranscriberUnavailable(f"no {MODEL_FILE} in {', '.join(map(str, directories))}")
    missing = {"config.json", "tokenizer.json"} - set(whole)
    if missing:
        raise TranscriberUnavailable(f"the packaged model lacks {', '.join(sorted(missing))}")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, source in whole.items():
            shutil.copyfile(source, building / name)
        for name, numbered in parts.items():
            with open(building / name, "wb") as out:
                for number in sorted(numbered):
                    with open(numbered[number], "rb") as part:
                        shutil.copyfileobj(part, out, 1024 * 1024)
        try:
            building.rename(target)
        except OSError:
            if not (target / MODEL_FILE).is_file():  # another process won the race
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
