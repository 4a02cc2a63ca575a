"""The installed llama.cpp build runs on CPUs other than the one it was built on.

A ``-march=native`` build dies with SIGILL on an older CPU and segfaults on CPUs with AMX;
scripts/install.sh builds for the AVX2 baseline instead. Here the real build loads the real
model and generates on an emulated Haswell (AVX2, no AVX-512, no AMX) under qemu-user, so a
build that needs more than that baseline fails this test on any machine that builds it.
"""

import shutil
import subprocess
import sys
import textwrap

import pytest

QEMU = shutil.which("qemu-x86_64")
# Haswell-noTSX: the oldest CPU the portable build promises to run on (TSX is irrelevant).
BASELINE_CPU = "Haswell-noTSX"

PROBE = textwrap.dedent(
    """
    import llama_cpp
    from assistant.llm import embedded_gguf_path
    llm = llama_cpp.Llama(model_path=str(embedded_gguf_path()), n_ctx=256, n_threads=1,
                          seed=1, verbose=False)
    out = llm.create_completion("The capital of France is", max_tokens=4, temperature=0)
    print("FLAGS", llama_cpp.llama_print_system_info().decode())
    print("TEXT", out["choices"][0]["text"])
    """
)


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
    result = subprocess.run(
        [str(QEMU), "-cpu", BASELINE_CPU, sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=900,
    )
    # A build that uses an instruction Haswell lacks dies here with SIGILL (returncode -4).
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    text = result.stdout.split("TEXT", 1)[1]
    assert "Paris" in text
