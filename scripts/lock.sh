#!/usr/bin/env bash
# Refresh requirements.lock, the exact versions scripts/install.sh and CI install, from
# pyproject.toml (pip-tools' pip-compile, resolved by pip itself).
#
#   scripts/lock.sh             # keep the locked versions that still fit pyproject.toml
#   scripts/lock.sh --upgrade   # move everything to the newest versions that fit
#
# torch is left out of the lock: constraints.txt pins its CPU build (a lock written from
# PyPI's metadata would pull in several GB of CUDA packages). Then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
"$VENV/bin/pip" install -q pip-tools
"$VENV/bin/pip-compile" --quiet --extra dev --extra postgres -c constraints.txt \
  --unsafe-package torch --strip-extras --no-emit-index-url --no-emit-find-links \
  --output-file requirements.lock "$@" pyproject.toml
echo "lock: requirements.lock written; now: scripts/install.sh && .venv/bin/python -m pytest"
