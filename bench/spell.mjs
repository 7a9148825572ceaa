// Load and lookup cost of the Hunspell dictionaries: nspell parsing (the old path) against mtdiff's cached table
// (src/detect/lexicon/spell.ts). Load times are the median of fresh processes; "cold" starts with an empty cache
// directory (parse + write the table), "cached" reads the table written before.
// Usage: npm run build && node bench/spell.mjs [--runs 5] [--dicts dictionary-de,dictionary-en,dictionary-en-gb] [--words 20000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { argv, execPath, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..');
const { values: opts } = parseArgs({
  args: argv.slice(2),
  options: {
    runs: { type: 'string', default: '5' },
    dicts: { type: 'string', default: 'dictionary-de,dictionary-en,dictionary-en-gb' },
    words: { type: 'string', default: '20000' },
    child: { type: 'string' },
    pkg: { type: 'string' },
  },
});

/** In a fresh process: how long one load takes, in ms. */
async function child(mode, pkg) {
  const t0 = performance.now();
  if (mode === 'nspell') {
    const { default: nspell } = await import('nspell');
    const mod = await import(pkg);
    nspell({ aff: Buffer.from(mod.default.aff), dic: Buffer.from(mod.default.dic) });
  } else {
    const { loadSpeller } = await import('../dist/detect/lexicon/spell.js');
    if (!(await loadSpeller(pkg))) throw new Error(`${pkg} is not installed`);
  }
  stdout.write(JSON.stringify({ ms: performance.now() - t0 }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function spawnLoad(mode, pkg, cacheDir) {
  const t0 = performance.now();
  const res = spawnSync(execPath, [here, '--child', mode, '--pkg', pkg], {
    cwd: root,
    env: { ...process.env, MTDIFF_CACHE_DIR: cacheDir },
    encoding: 'utf8',
  });
  const wall = performance.now() - t0;
  if (res.status !== 0) throw new Error(`child ${mode} ${pkg} failed: ${res.stderr}`);
  return { ms: JSON.parse(res.stdout).ms, wall };
}

async function main() {
  const runs = Number(opts.runs);
  const dicts = opts.dicts.split(',').filter(Boolean);
  const nWords = Number(opts.words);
  const { default: nspell } = await import('nspell');
  const { openSpeller } = await import('../dist/detect/lexicon/spell.js');
  const { spellSample, disagreements } = await import('../dist/detect/lexicon/spell-sample.js');
  const seedDir = join(root, 'seeds');
  const text = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seedDir, f), 'utf8'))
    .join('\n');
  const seedTokens = text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const fmt = (x) => x.toFixed(1).padStart(8);

  stdout.write(`median of ${runs} fresh processes; ms inside the process (wall incl. node start in brackets)\n`);
  stdout.write('dictionary         nspell parse          cold (parse+write)    cached               | lookup us/word nspell / table (seed, sample) | agreement\n');
  const total = { nspell: 0, cold: 0, cached: 0 };
  for (const pkg of dicts) {
    const base = [];
    const cold = [];
    const cached = [];
    for (let i = 0; i < runs; i++) base.push(spawnLoad('nspell', pkg, '/nonexistent-mtdiff-bench'));
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'mtdiff-spell-bench-'));
      try {
        cold.push(spawnLoad('cached', pkg, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-spell-bench-'));
    try {
      spawnLoad('cached', pkg, dir);
      for (let i = 0; i < runs; i++) cached.push(spawnLoad('cached', pkg, dir));

      // Lookups and agreement, in this process.
      const mod = (await import(pkg)).default;
      const ref = nspell({ aff: Buffer.from(mod.aff), dic: Buffer.from(mod.dic) });
      const table = await openSpeller(pkg, { cacheDir: join(dir, 'spell') });
      const sample = spellSample(Object.keys(ref.data), Buffer.from(mod.dic).toString('utf8'), text, 5000);
      const seedWords = Array.from({ length: nWords }, (_, i) => seedTokens[i % seedTokens.length]);
      const sampleWords = Array.from({ length: nWords }, (_, i) => sample[(i * 7919) % sample.length]);
      // Best of 5 passes: the process also holds nspell's expanded dictionary, whose garbage collection is noise here.
      const perWord = (speller, words) => {
        let best = Infinity;
        for (let pass = 0; pass < 5; pass++) {
          const t0 = performance.now();
          for (const w of words) speller.correct(w);
          best = Math.min(best, performance.now() - t0);
        }
        return (1000 * best) / words.length;
      };
      const look = [perWord(ref, seedWords), perWord(table, seedWords), perWord(ref, sampleWords), perWord(table, sampleWords)];
      const bad = disagreements(ref, table, sample);
      const m = (xs, k) => median(xs.map((x) => x[k]));
      total.nspell += m(base, 'ms');
      total.cold += m(cold, 'ms');
      total.cached += m(cached, 'ms');
      stdout.write(
        `${pkg.padEnd(18)} ${fmt(m(base, 'ms'))} (${fmt(m(base, 'wall'))})  ${fmt(m(cold, 'ms'))} (${fmt(m(cold, 'wall'))})  ${fmt(m(cached, 'ms'))} (${fmt(m(cached, 'wall'))}) |` +
          ` ${look.map((x) => x.toFixed(2)).join(' / ')} | ${(100 * (1 - bad.length / sample.length)).toFixed(3)}% of ${sample.length}` +
          `${bad.length ? ` e.g. ${JSON.stringify(bad.slice(0, 5))}` : ''}\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  stdout.write(`${'sum'.padEnd(18)} ${fmt(total.nspell)}             ${fmt(total.cold)}             ${fmt(total.cached)}\n`);
}

if (opts.child) await child(opts.child, opts.pkg);
else await main();
