"""The installed llama.cpp build runs on CPUs other than the one it was built on.

A ``-march=native`` build dies with SIGILL on an older CPU and segfaults on CPUs with AMX;
scripts/install.sh builds for the AVX2 baseline instead. Here the real build loads the real
model and generates on an emulated Haswell (AVX2, no AVX-512, no AMX) under qemu-user, so a
build that needs more than that baseline fails this test on any machine that builds it.
"""

import json
import shutil
import subprocess
import sys

import pytest

QEMU = shutil.which("qemu-x86_64")
# Haswell-noTSX: the oldest CPU the portable build promises to run on (TSX is irrelevant).
BASELINE_CPU = "Haswell-noTSX"


def test_the_build_has_no_avx512_or_amx_compiled_in():
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode()
    assert "AVX2 = 1" in info
    for feature in ("AVX512 = 1", "AMX_INT8 = 1"):
        assert feature not in info, info


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.skipif(QEMU is None, reason="qemu-user is not installed (apt-get install qemu-user)")
def test_the_model_generates_on_an_emulated_avx2_only_cpu():
    from assistant.llm import embedded_gguf_path

    # The probe museum-qa doctor runs, on the emulated CPU.
    probe = [sys.executable, "-m", "assistant.model_probe", str(embedded_gguf_path())]
    result = subprocess.run(
        [str(QEMU), "-cpu", BASELINE_CPU, *probe, "--tokens", "4", "--threads", "1"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    # A build that uses an instruction Haswell lacks dies here with SIGILL (returncode -4).
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["tokens"] > 0, report
