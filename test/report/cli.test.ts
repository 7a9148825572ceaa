import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/types.js';
import { defaultReviewPath, flagKey, textHash, type ReviewFile } from '../../src/review/file.js';
import { loadEmbedder } from '../../src/embed/embedder.js';
import { kernelFingerprint } from '../../src/embed/fingerprint.js';
import { mtdiffIn } from '../cli/run.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/cli/main.js');
const EXAMPLE = 'reports/004_105117b8f2f418e5.md';
const SEEDS = ['004_105117b8f2f418e5', '000_ca9d7fcf8c42fc70', '001_727ce4c87fcf43d9', '002_e767b787d4f7fc8a', '003_085184b4ea32ed6c'].map((s) => `seeds/${s}.txt`);

// The optional apt dictionaries (README, "Optional extras") change messages; the committed example is what a
// plain `npm ci` install prints, so the runs here never see /usr/share/dictd.
const WITHOUT_APT = { MTDIFF_FREEDICT_DE: '/nonexistent/freedict-deu-eng', MTDIFF_FREEDICT_FR: '/nonexistent/freedict-fra-eng' };

/** The committed example's exact command, as a real process. */
function spawnRun(args: readonly string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...WITHOUT_APT } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

/** Everything else in this process (test/cli/run.ts, mtdiffIn): the same command line, no start-up per case. */
async function run(args: readonly string[], cwd = ROOT) {
  const r = await mtdiffIn([...args], { cwd, env: WITHOUT_APT });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

function expectOneLineError(r: Awaited<ReturnType<typeof run>>, status: number): void {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]).toMatch(/^mtdiff: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

let tmp: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run `npm run build` first (npm test does)');
  tmp = mkdtempSync(join(tmpdir(), 'mtdiff-report-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mtdiff report (real model)', () => {
  // Regenerates the committed example with the exact command of `npm run report:example`. When detection or
  // scoring changes on purpose, this fails until the lead regenerates the example (`npm run report:example`)
  // and commits it together with the change: the committed report always shows what the tool really prints.
  // Only where the runtime computes the same vectors as the machine that made the example (its kernel fingerprint,
  // recorded by `npm run report:example`): other CPUs move cosines in the third decimal and with them a few flags.
  it('regenerates the committed example report byte for byte', async (test) => {
    const recorded = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/report/example-kernel.json'), 'utf8')) as { fingerprint: string }).fingerprint;
    const here = await kernelFingerprint(await loadEmbedder());
    if (here !== recorded) {
      console.warn(`example report made with kernel fingerprint ${recorded}, this machine has ${here}: byte comparison skipped`);
      test.skip();
    }
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['report:example']!;
    const command = script
      .split('&&')
      .map((c) => c.trim())
      .find((c) => c.startsWith('node dist/cli/main.js report'))!
      .split(/\s+/);
    expect(command.slice(0, 3)).toEqual(['node', 'dist/cli/main.js', 'report']);
    const out = join(tmp, basename(EXAMPLE));
    const args = command.slice(2).map((a, i, all) => (all[i - 1] === '--out' ? out : a));
    expect(args).toContain(out);
    const r = spawnRun(args);
    expect(r.stderr).toBe(`${out}\n`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(join(ROOT, EXAMPLE)));
    expect(readFileSync(join(tmp, basename(EXAMPLE).replace(/\.md$/, '.corrected.txt')))).toEqual(readFileSync(join(ROOT, EXAMPLE.replace(/\.md$/, '.corrected.txt'))));
  });

  it('the example is under 200 lines and shows every flag the analysis shows: its problem, text and sentence', async () => {
    const md = readFileSync(join(ROOT, EXAMPLE), 'utf8');
    expect(md.split('\n').length).toBeLessThan(200);
    const r = await run(['check', ...SEEDS, '--format', 'json']);
    expect(r.status).toBe(0);
    const analysis = JSON.parse(r.stdout) as Analysis;
    const items = md.slice(md.indexOf('## What to fix')).split(/\n(?=\d+\. )/).slice(1);
    for (const f of analysis.flags) {
      const no = f.sentence + 1;
      // a recurring problem quotes its first message; each occurrence keeps its sentence link and its text
      const item = items.find((i) => i.includes(`[${no}](#sentence-${no})`) && i.includes(f.text.trim()));
      expect(item, `${no}: ${f.text}`).toBeDefined();
      expect(md, `heading of sentence ${no}`).toContain(`### Sentence ${no}\n`);
    }
    // every evidence quote is centred on a word it is cited for, shown in bold
    const quotes = [...md.matchAll(/^ {3}Evidence: (.*)$/gm)].flatMap((m) => m[1]!.split(/; (?=`)/));
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) expect(q, q).toMatch(/“.*\*\*[^*]+\*\*.*”/);
    const corrected = readFileSync(join(ROOT, EXAMPLE.replace(/\.md$/, '.corrected.txt')), 'utf8');
    expect(corrected).toContain('US hostages in Gaza');
    expect(corrected).not.toContain('geiseln');
  });

  it('--format html writes one self-contained page with every flag highlighted', async () => {
    const out = join(tmp, 'page.html');
    const r = await run(['report', ...SEEDS, '--format', 'HTML', '--out', out, '--date', '2026-01-01']);
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=/i);
    const check = JSON.parse((await run(['check', ...SEEDS, '--format', 'json'])).stdout) as Analysis;
    expect(page.match(/<mark class="(critical|major|minor)" title=/g)).toHaveLength(check.flags.length);
    expect(existsSync(join(tmp, 'page.corrected.txt'))).toBe(true);
  });

  it('uses the default review file, replaces reports/<mt name>.md, leaves no temporary file, says where', async () => {
    const dir = mkdtempSync(join(tmp, 'review-'));
    const mtText = readFileSync(join(ROOT, 'seeds/004_105117b8f2f418e5.txt'), 'utf8').slice(0, 440);
    writeFileSync(join(dir, 'article.txt'), mtText);
    copyFileSync(join(ROOT, 'seeds/003_085184b4ea32ed6c.txt'), join(dir, 'ref.txt'));
    const checked = await run(['check', 'article.txt', 'ref.txt', '--format', 'json'], dir);
    expect(checked.status).toBe(0);
    const flags = (JSON.parse(checked.stdout) as Analysis).flags;
    expect(flags.length).toBeGreaterThanOrEqual(2);
    const review: ReviewFile = {
      version: 1,
      mt: 'article.txt',
      mtSha256: textHash(mtText),
      position: { sentence: 0 },
      decisions: {
        [flagKey(flags[0]!)]: { status: 'accepted', suggestion: 'edited | fix', comment: 'looks right', at: '2026-01-01T00:00:00Z' },
        [flagKey(flags[1]!)]: { status: 'dismissed', comment: 'not an error', at: '2026-01-01T00:00:00Z' },
      },
    };
    writeFileSync(join(dir, defaultReviewPath('article.txt')), JSON.stringify(review));
    const written = join(dir, 'reports/article.md');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(written, 'OLD REPORT '.repeat(10_000));
    const r = await run(['report', 'article.txt', 'ref.txt', '--date', '2026-02-03'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${join('reports', 'article.md')}\n`);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['article.corrected.txt', 'article.md']);
    const md = readFileSync(written, 'utf8');
    expect(md).not.toContain('OLD REPORT');
    expect(md).toContain('2026-02-03');
    const decisions = [...md.matchAll(/^ {3}Review: (.*)$/gm)].map((m) => m[1]!);
    expect(decisions.filter((d) => d.includes('accepted, fix: “edited \\| fix” — “looks right”'))).toHaveLength(1);
    expect(decisions.filter((d) => d.includes('dismissed — “not an error”'))).toHaveLength(1);
    // the accepted fix, in the reviewer's wording, is in the corrected article; the dismissed one is not
    const corrected = readFileSync(join(dir, 'reports/article.corrected.txt'), 'utf8');
    expect(corrected).toContain('edited | fix');
    expect(corrected).toContain(mtText.slice(flags[1]!.start, flags[1]!.end));
  });
});

describe('mtdiff report errors (no model needed)', () => {
  it('missing MT file: exit 2, one stderr line, an existing report untouched', async () => {
    const out = join(tmp, 'kept.md');
    writeFileSync(out, 'previous report\n');
    const r = await run(['report', join(tmp, 'nope.txt'), 'seeds/000_ca9d7fcf8c42fc70.txt', '--out', out]);
    expectOneLineError(r, 2);
    expect(r.lines[0]).toContain('nope.txt');
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
  });

  it('an explicit review file that does not exist: exit 2', async () => {
    const r = await run(['report', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt', '--review-file', join(tmp, 'none.json'), '--out', join(tmp, 'x.md')]);
    expectOneLineError(r, 2);
    expect(existsSync(join(tmp, 'x.md'))).toBe(false);
  });

  it('a review file made for another text: exit 2', async () => {
    const path = join(tmp, 'other.review.json');
    writeFileSync(path, JSON.stringify({ version: 1, mt: 'x', mtSha256: textHash('other text'), position: { sentence: 0 }, decisions: {} }));
    const r = await run(['report', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt', '--review-file', path, '--out', join(tmp, 'y.md')]);
    expectOneLineError(r, 2);
  });

  it('an --out that cannot be written: exit 5 before any analysis, one line', async () => {
    writeFileSync(join(tmp, 'blocker'), 'a file, not a directory');
    const r = await run(['report', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt', '--out', join(tmp, 'blocker', 'report.md')]);
    expectOneLineError(r, 5);
    expect(r.lines[0]).toContain('blocker');
  });

  it('refuses to overwrite an input with the report: exit 3', async () => {
    const r = await run(['report', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt', '--out', 'seeds/000_ca9d7fcf8c42fc70.txt']);
    expectOneLineError(r, 3);
  });

  it('an impossible --date: usage error, exit 3', async () => {
    for (const date of ['2026-02-30', '01/02/2026', 'today']) {
      const r = await run(['report', 'seeds/004_105117b8f2f418e5.txt', 'seeds/000_ca9d7fcf8c42fc70.txt', '--date', date]);
      expect(r.status).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.lines).toHaveLength(1);
      expect(r.stderr).toContain('--date');
    }
  });
});
