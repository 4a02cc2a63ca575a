#!/usr/bin/env bash
# Build the llama-cpp-python variants that bench/llama_build_bench.py compares, each into its
# own --target directory (outside the repo), without pip's cache so nothing is reused, one
# after the other (each takes ~5 minutes on 2 cores). The portable build is the one in .venv.
#
#   bench/build_llama_variants.sh                    # native and avx512 into /tmp/llama-builds
#   OUT=/somewhere bench/build_llama_variants.sh avx512
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
OUT=${OUT:-/tmp/llama-builds}
PIN=${PIN:-llama-cpp-python==0.3.36}
PORTABLE="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
AVX512="$PORTABLE -DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON"

flags_for() {
  case "$1" in
    native) echo "-DGGML_NATIVE=ON" ;;
    avx512) echo "$AVX512" ;;
    portable) echo "$PORTABLE" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

mkdir -p "$OUT"
for v in ${@:-native avx512}; do
  flags=$(flags_for "$v")
  echo "build: $v: CMAKE_ARGS=\"$flags\""
  rm -rf "${OUT:?}/$v"
  start=$(date +%s)
  CMAKE_ARGS="$flags" FORCE_CMAKE=1 "$VENV/bin/pip" install -q --no-cache-dir --no-deps \
    --target "$OUT/$v" "$PIN" > "$OUT/$v.log" 2>&1
  echo "$flags" > "$OUT/$v.cmake_args"
  echo "build: $v done in $(( $(date +%s) - start )) s"
  # Needs llama-cpp-python's dependencies (numpy, ...) in the venv; a failure here is reported,
  # not fatal: bench/llama_build_bench.py records the system info again for every arm.
  PYTHONPATH="$OUT/$v" "$VENV/bin/python" -c \
    'import llama_cpp; print(llama_cpp.__file__); print(llama_cpp.llama_print_system_info().decode())' \
    > "$OUT/$v.system_info" 2>&1 || echo "build: $v: could not import it yet (see $OUT/$v.system_info)"
  cat "$OUT/$v.system_info"
done
