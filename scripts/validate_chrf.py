#!/usr/bin/env python3
"""Prints sacreBLEU's sentence chrF next to mtdiff's (src/score/chrf.ts, via dist/) on ~50 sentence pairs.

Pairs: every k-th MT segment of the MQM dev TSV against its refB translation, plus edge cases (empty sides,
strings shorter than the n-gram order, non-BMP characters, Python-only whitespace). sacreBLEU is needed only
here (pip install sacrebleu); mtdiff itself never runs Python.

  python scripts/validate_chrf.py [TSV] [--record test/fixtures/eval/chrf-sacrebleu.json]

--record writes the pairs and sacreBLEU's scores as the fixture the vitest suite checks mtdiff against.
Run `npm run build` first (mtdiff's side is read from dist/score/chrf.js).
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys

from sacrebleu import __version__ as SACREBLEU_VERSION
from sacrebleu.metrics import CHRF

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TSV = os.path.join(ROOT, '..', 'shared', 'data', 'mqm_ted_zhen_dev.tsv')
SAMPLE = 44

EDGE_CASES = [
    ('', 'A reference sentence.'),
    ('A hypothesis with no reference.', ''),
    ('ab', 'ab'),
    ('abc', 'abd'),
    ('Tabs\tand\u3000ideographic\u00a0spaces', 'Tabs and ideographic spaces'),
    ('Emoji \U0001F600 and \U0001D400 outside the BMP', 'Emoji \U0001F600 and bold \U0001D400 outside'),
    ('Unit\x1fseparator counts as space in Python', 'Unit separator counts as space in Python'),
]


def sample_pairs(path):
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))[1:]
    text = {}
    for r in rows:
        text[(r[0], r[1], r[3])] = re.sub('</?v>', '', r[6])
    keys = sorted(k for k in text if k[0] not in ('ref', 'refB'))
    step = max(1, len(keys) // SAMPLE)
    return [(text[k], text[('refB', k[1], k[2])]) for k in keys[::step][:SAMPLE]]


def mtdiff_scores(pairs):
    js = (
        "import { chrf } from './dist/score/chrf.js';"
        "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
        "process.stdout.write(JSON.stringify(JSON.parse(s).map(([h,r])=>chrf(h,r)))));"
    )
    out = subprocess.run(['node', '--input-type=module', '-e', js], cwd=ROOT, input=json.dumps(pairs),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('tsv', nargs='?', default=DEFAULT_TSV)
    ap.add_argument('--record', help='write the fixture JSON here')
    args = ap.parse_args()
    pairs = sample_pairs(args.tsv) + EDGE_CASES
    metric = CHRF()
    ours = mtdiff_scores(pairs)
    worst = 0.0
    print(f'{"sacreBLEU":>12} {"mtdiff":>12}  hypothesis')
    for (hyp, ref), mine in zip(pairs, ours):
        theirs = metric.sentence_score(hyp, [ref]).score
        worst = max(worst, abs(theirs - mine))
        print(f'{theirs:12.6f} {mine:12.6f}  {hyp[:60]!r}')
    print(f'{len(pairs)} pairs, max |difference| = {worst:.2e}, signature {metric.get_signature()}')
    if args.record:
        fixture = {
            'source': f'sacreBLEU {SACREBLEU_VERSION} CHRF() sentence_score, {metric.get_signature()}',
            'pairs': [{'hyp': h, 'ref': r, 'chrf': metric.sentence_score(h, [r]).score} for h, r in pairs],
        }
        with open(args.record, 'w', encoding='utf-8') as f:
            json.dump(fixture, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'recorded {args.record}', file=sys.stderr)
    return 0 if worst < 1e-6 else 1


if __name__ == '__main__':
    sys.exit(main())
