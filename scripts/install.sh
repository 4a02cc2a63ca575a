#!/usr/bin/env bash
# Install museum-qa into .venv from the locked dependency set (requirements.lock), with
# llama.cpp built for any x86-64 CPU from the last ten years, not for this one.
#
#   scripts/install.sh                     # portable build (the default; what CI tests)
#   LLAMA_BUILD=native scripts/install.sh  # tuned to this CPU; see docs/performance.md
#   scripts/install.sh --print-cmake-args  # only print the llama.cpp build flags
#
# Why portable: llama-cpp-python compiles llama.cpp with -march=native by default. Such a
# build crashes on another CPU (illegal instruction), and on CPUs with AMX (Intel Sapphire
# Rapids and later) llama.cpp's AMX kernels segfault. Our machines, and museums' servers,
# change CPU from one day to the next.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
LOCK=requirements.lock
export PIP_DISABLE_PIP_VERSION_CHECK=1

# llama.cpp's x86 feature switches. "portable" is the Haswell level (AVX2, FMA, F16C, BMI2),
# which every x86-64 server CPU since 2013 has.
PORTABLE="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
case "${LLAMA_BUILD:-portable}" in
  portable) LLAMA_CMAKE_ARGS="$PORTABLE" ;;
  native)
    LLAMA_CMAKE_ARGS="-DGGML_NATIVE=ON"
    if grep -qw amx_tile /proc/cpuinfo 2>/dev/null; then
      echo "install: this CPU has AMX, and llama.cpp's native AMX build segfaults on it;" \
           "use the portable build (unset LLAMA_BUILD)" >&2
      exit 2
    fi ;;
  *) echo "install: LLAMA_BUILD must be 'portable' or 'native', not '$LLAMA_BUILD'" >&2; exit 2 ;;
esac

if [ "${1:-}" = --print-cmake-args ]; then echo "$LLAMA_CMAKE_ARGS"; exit 0; fi

LLAMA_PIN=$(grep -E '^llama-cpp-python==' "$LOCK")
STAMP="$VENV/.llama-build"
WANT="$LLAMA_PIN $LLAMA_CMAKE_ARGS"

"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip

# pip caches the wheel it built without noting the compiler flags, so a cached native build
# would be reused silently: build llama-cpp-python without the cache, once per flag set.
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  echo "install: building $LLAMA_PIN (${LLAMA_BUILD:-portable}; about 5 minutes on 2 cores)"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" FORCE_CMAKE=1 "$VENV/bin/pip" install -q --no-cache-dir \
    --force-reinstall --no-deps "$LLAMA_PIN"
  echo "$WANT" > "$STAMP"
fi

# Everything else at the locked versions; torch's CPU build comes from constraints.txt.
"$VENV/bin/pip" install -q -c constraints.txt -r "$LOCK"
"$VENV/bin/pip" install -q --no-deps -e .
# axe-core for the accessibility checks in the end-to-end tests, where npm is at hand (they
# skip, saying so, without it).
if command -v npm >/dev/null; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent) || echo "install: npm ci failed;" \
    "the accessibility tests will skip (cd tests/e2e && npm ci)" >&2
fi
echo "install: done; try $VENV/bin/museum-qa doctor"
