import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/types.js';
import { SEEDS, mtdiff, mtdiffIn } from './run.js';

describe('mtdiff check on the seeds (real model)', () => {
  let analysis: Analysis;
  let stdout: string;
  let mt: string;
  beforeAll(async () => {
    const r = mtdiff(['check', ...SEEDS, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    analysis = JSON.parse(stdout) as Analysis;
    mt = (await import('node:fs')).readFileSync(SEEDS[0]!, 'utf8');
  });

  it('prints only JSON on stdout (no library chatter such as dotenv lines)', () => {
    expect(stdout.trimStart().startsWith('{')).toBe(true);
    expect(stdout).not.toMatch(/dotenv|injected env/);
  });

  it('follows the version-1 contract', () => {
    expect(analysis.version).toBe(1);
    // No --source-lang: the source language is detected from the seed's German words.
    expect(analysis.signature).toMatch(/^nrefs:4\|mode:comparable\|src:auto-de\|model:all-MiniLM-L6-v2@[0-9a-f]{8}\|/);
    expect(analysis.source).toEqual({ lang: 'de', detected: true });
    expect(analysis.score).toBeGreaterThanOrEqual(0);
    expect(analysis.score).toBeLessThanOrEqual(1);
    expect(Array.isArray(analysis.flags)).toBe(true);
    for (const s of analysis.sentences) {
      expect(mt.slice(s.start, s.end)).toBe(s.text);
      for (const key of ['index', 'start', 'end', 'text', 'score', 'matches'] as const) expect(s).toHaveProperty(key);
      for (const m of s.matches) {
        for (const key of ['ref', 'index', 'start', 'end', 'text', 'similarity'] as const) expect(m).toHaveProperty(key);
      }
    }
    for (const f of analysis.flags) {
      expect(mt.slice(f.start, f.end)).toBe(f.text);
      for (const key of ['start', 'end', 'text', 'category', 'severity', 'confidence', 'message', 'evidence'] as const) expect(f).toHaveProperty(key);
    }
  });

  /** Pairs a person picks by reading: the MT sentence and the reference sentence reporting the same fact. */
  it.each([
    ['He killed around 1,200 people and took 251 hostages', /1,200 people/],
    ['Boehler and Hamas officers have met in Doha', /Boehler had met with Hamas representatives in Doha/],
    ['Now publish the hostages', /RELEASE THE HOSTAGES NOW/i],
    ['Taher al-Nono, a political advisor to Hamas', /Taher Al-Nono/],
    ['The fights in Gaza have been discontinued since January 19', /33 Israeli hostages and five Thais/],
  ])('aligns "%s…" with the sentence a reader would pick', (start, expected) => {
    const s = analysis.sentences.find((x) => x.text.startsWith(start));
    expect(s, start).toBeDefined();
    const texts = s!.matches.slice(0, 2).map((m) => m.text);
    expect(texts.some((t) => expected.test(t)), texts.join('\n')).toBe(true);
  });

  it('flags geiseln as untranslated with the fix hostages, and publish as a mistranslation with release', () => {
    const geiseln = analysis.flags.find((f) => f.text === 'geiseln');
    expect(geiseln).toMatchObject({ category: 'untranslated', suggestion: 'hostages' });
    const publish = analysis.flags.find((f) => f.text === 'publish' && /Now publish the hostages/.test(analysis.sentences[f.sentence]!.text));
    expect(publish).toMatchObject({ category: 'mistranslation', suggestion: 'release' });
    expect(publish!.evidence.length).toBeGreaterThanOrEqual(2);
  });

  it('the text format: summary first, only flagged sentences (numbered from 1), every shown flag, a legend', async () => {
    const r = await mtdiffIn(['check', ...SEEDS], { env: { NO_COLOR: '1', FORCE_COLOR: '' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/Needs revision: \d+ critical, \d+ major, \d+ minor/);
    expect(lines.slice(0, 5).join('\n')).toMatch(/MQM [\d.]+ \([\d.]+ per 100 words/);
    expect(r.stdout).toMatch(/^Fix these first:$/m);
    expect(r.stdout).toMatch(/^signature: nrefs:4/m);
    expect(r.stdout).toMatch(/^Legend: /m);
    expect(r.stdout).not.toContain('\u001b');
    const flagged = new Set(analysis.flags.map((f) => f.sentence));
    for (const s of analysis.sentences) {
      const shown = r.stdout.includes(`${String(s.index + 1).padStart(4)}  ${s.text}`);
      expect(shown, `sentence ${s.index + 1}`).toBe(flagged.has(s.index));
    }
    const flagLines = lines.filter((l) => /^ {6}(critical|major|minor) /.test(l));
    expect(flagLines).toHaveLength(analysis.flags.length);
    expect(lines.length).toBeLessThan(analysis.sentences.length + analysis.flags.length + 25);
  });

  it('--verbose shows every sentence; FORCE_COLOR colours the severities', async () => {
    const r = await mtdiffIn(['check', ...SEEDS, '--verbose'], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    for (const s of analysis.sentences) expect(r.stdout).toContain(s.text.slice(0, 40));
    expect(r.stdout).toMatch(/\u001b\[31mmajor\u001b\[0m/);
  });

  it('--format csv and tsv: one row per shown flag, 1-based sentence numbers', async () => {
    const { parse } = await import('csv-parse/sync');
    const csv = await mtdiffIn(['check', ...SEEDS, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout) as string[][];
    expect(rows).toHaveLength(analysis.flags.length + 1);
    const texts = rows.slice(1).map((r) => `${r[1]}:${r[4]}`).sort();
    expect(texts).toEqual(analysis.flags.map((f) => `${f.sentence + 1}:${f.text}`).sort());
    const tsv = await mtdiffIn(['check', ...SEEDS, '-f', 'TSV']);
    expect(tsv.code).toBe(0);
    expect(tsv.stdout.trimEnd().split('\n')).toHaveLength(analysis.flags.length + 1);
  });
});

describe('every --format is validated by every command', () => {
  it.each([
    ['check', ['check', ...SEEDS.slice(0, 2), '--format', 'html']],
    ['check -f', ['check', ...SEEDS.slice(0, 2), '-f', 'xml']],
    ['report', ['report', ...SEEDS.slice(0, 2), '--format', 'pdf', '--out', '/tmp/never-written.md']],
    ['score', ['score', '--input', 'nope.jsonl', '--format', 'html']],
    ['eval', ['eval', 'mqm', 'nope.tsv', '--format', 'csv']],
  ])('%s: one line, exit 3, nothing on stdout', async (_name, args) => {
    const r = await mtdiffIn(args);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown format/);
  });
});

// A real process each: the exit status and the single line as a shell sees them. The other refused inputs take
// the same path and are covered in this process by test/robustness/hostile-inputs.test.ts.
describe('mtdiff check errors: one line, documented exit code, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-check-'));
  it.each([
    ['a missing file', ['check', join(dir, 'nope.txt'), 'seeds/000_ca9d7fcf8c42fc70.txt'], 2, /no such file/],
    ['no reference', ['check', 'seeds/000_ca9d7fcf8c42fc70.txt'], 3, /./],
    ['a bad --mode', ['check', '--mode', 'sideways', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt'], 3, /comparable or parallel/],
  ])('%s', (_name, args, code, message) => {
    const r = mtdiff(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing model is one clear line with exit code 4', () => {
    const models = join(dir, 'models-missing');
    const r = mtdiff(['check', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt'], { env: { MTDIFF_MODELS_DIR: models } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/model registry not found/);
  });
});

describe('mtdiff check --source-lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtdiff-lang-'));
  const mt = join(dir, 'mt.txt');
  const ref = join(dir, 'ref.txt');
  writeFileSync(mt, 'The minister visited the flooded village on Sunday.\n');
  writeFileSync(ref, 'The minister visited the village on Sunday after the flood.\n');

  it('warns on one stderr line when the language has no dictionary, and keeps stdout pure JSON', async () => {
    const r = await mtdiffIn(['check', mt, ref, '--format', 'json', '--source-lang', 'xx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mtdiff: warning: no dictionary for source language 'xx'/)]);
    expect((JSON.parse(r.stdout) as Analysis).signature).toContain('src:xx');
  });

  it('warns on one stderr line when the text contradicts the given language', async () => {
    const de = join(dir, 'de.txt');
    writeFileSync(de, 'The bürgermeister thanked the feuerwehr and the bewohner of the stadt after the hochwasser.\n');
    const r = await mtdiffIn(['check', de, ref, '--format', 'json', '--source-lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('mtdiff:'))).toEqual([expect.stringMatching(/^mtdiff: warning: --source-lang fr .*look German/)]);
    expect((JSON.parse(r.stdout) as Analysis).signature).toContain('|src:fr|');
  });

  it('refuses a reference that is not English with one line and exit 2, unless --allow-non-english-refs', async () => {
    const zh = join(dir, 'zh.txt');
    writeFileSync(zh, '部长周日洪水过后访问了这个村庄。村民们很高兴。\n');
    const r = await mtdiffIn(['check', mt, zh]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('mtdiff:'))).toEqual([expect.stringMatching(/^mtdiff: reference .*zh\.txt is not English \(Chinese\)/)]);
    expect(r.stdout).toBe('');
    expect((await mtdiffIn(['check', mt, zh, '--allow-non-english-refs', '--format', 'json'])).code).toBe(0);
  });

  it('refuses a value that is not a language code (usage error)', async () => {
    const r = await mtdiffIn(['check', mt, ref, '--source-lang', '../../etc']);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
