import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../src/analyze.js';
import { readText } from '../../src/io/read.js';
import { mtdiffIn, type Run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-hostile-'));
const REF = 'seeds/000_ca9d7fcf8c42fc70.txt';
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const story = 'Hamas released 33 hostages on Saturday. The talks in Doha continue.';

/** Inputs that must be refused: one stderr line, a documented exit code, nothing on stdout, no stack trace. */
describe('refused inputs (check)', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const cases: [string, () => string[], number, RegExp][] = [
    ['empty file', () => ['check', file('empty.txt', ''), REF], 2, /no text/],
    ['whitespace only', () => ['check', file('ws.txt', ' \n\t\r\n '), REF], 2, /no text/],
    ['NUL bytes', () => ['check', file('nul.txt', 'abc\u0000def'), REF], 2, /binary/],
    ['a PNG', () => ['check', file('image.png', png), REF], 2, /binary/],
    ['Latin-1 bytes', () => ['check', file('latin1.txt', Buffer.from('Fran\xe7ois fled to M\xfcnchen.', 'latin1')), REF], 2, /not valid UTF-8/],
    ['a directory', () => ['check', dir, REF], 2, /is a directory/],
    ['a missing file', () => ['check', join(dir, 'missing.txt'), REF], 2, /no such file/],
    ['a broken symlink', () => {
      const link = join(dir, 'broken-link.txt');
      try {
        symlinkSync(join(dir, 'nowhere.txt'), link);
      } catch {
        // made by the same case for another command
      }
      return ['check', link, REF];
    }, 2, /no such file/],
    ['a missing reference', () => ['check', file('ok1.txt', story), join(dir, 'gone.txt')], 2, /gone\.txt: no such file/],
    ['zero references', () => ['check', file('ok2.txt', story)], 3, /missing required argument|reference/],
    ['a 50 MB file (over the default 5 MiB limit)', () => ['check', file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'word. ')), REF], 2, /over the limit of 5242880 bytes \(raise it with --max-bytes\)/],
    ['a file over --max-bytes', () => ['check', file('big.txt', story.repeat(100)), REF, '--max-bytes', '1000'], 2, /over the limit of 1000 bytes/],
  ];
  // In this process (mtdiffIn): these are the input checks; test/cli/check.test.ts spawns the real process for them.
  it.each(cases)('%s', async (_name, args, code, message) => {
    const r = await mtdiffIn(args());
    expectOneLineError(r, code, message);
  });

  // The same inputs through `report` (which shares the input checks) must fail the same way, writing nothing.
  it.each(cases)('report: %s', async (_name, args, code, message) => {
    const out = join(dir, 'never-written.md');
    const r = await mtdiffIn(['report', ...args().slice(1), '--out', out]);
    expectOneLineError(r, code, message);
    expect(existsSync(out)).toBe(false);
  });

  function expectOneLineError(r: Run, code: number, message: RegExp): void {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it('an unreadable file (skipped as root, who can read anything)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    const p = file('secret.txt', story);
    chmodSync(p, 0);
    const r = await mtdiffIn(['check', p, REF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/permission denied/);
  });
});

/** Inputs that must give a correct result: offsets stay right in UTF-16 units of the decoded text. */
describe('accepted inputs (analysis library, real model)', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await createAnalyzer();
  });

  const cases: [string, string | Buffer][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(story)])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, 'utf16le')])],
    ['CRLF line ends', story.replace('. ', '.\r\n')],
    ['lone CR line ends', story.replace('. ', '.\r')],
    ['NFD text', 'The Zu\u0308rich talks resumed. Hamas released 33 hostages.'],
    ['emoji and astral characters', 'Hamas 😀 released 33 hostages 𝒳 on Saturday. The talks 🇶🇦 continue.'],
    ['right-to-left text', 'Hamas released 33 hostages (בני ערובה) on Saturday. الرهائن The talks continue.'],
    ['terminal escapes inside sentences', 'Hamas \u001b[2Jreleased 33 hostages\u0007 on Saturday. \u001b]52;c;aGVsbG8=\u0007The talks continue.'],
    ['Markdown and HTML meta characters', 'Hamas | released *33* _hostages_ `now` <script>alert(1)</script> &amp; more. The [talks](x) continue.'],
    ['one giant line without punctuation', 'hostages released and talks continue '.repeat(3000)],
  ];
  it.each(cases)('%s', async (name, data) => {
    const p = file(`${name.replace(/\W+/g, '-')}.txt`, data);
    const text = readText(p);
    const a = await analyzer.analyze({ id: p, text }, [{ id: REF, text: readText(REF) }]);
    expect(a.sentences.length).toBeGreaterThan(0);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const f of a.flags) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('the same file as MT and as reference scores as a perfect match', async () => {
    const text = readText(REF);
    const a = await analyzer.analyze({ id: REF, text }, [{ id: REF, text }]);
    expect(a.sentences.every((s) => s.similarity > 0.999)).toBe(true);
    expect(a.flags).toEqual([]);
  });

  it('200 references', async () => {
    const refsDir = join(dir, 'refs200');
    mkdirSync(refsDir);
    const refs = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}.txt`, text: `Report ${i}: Hamas released ${i} hostages. Talks continue in Doha.` }));
    const a = await analyzer.analyze({ id: 'mt.txt', text: story }, refs);
    expect(a.refs).toHaveLength(200);
    expect(a.sentences[0]!.matches[0]!.text).toMatch(/Hamas released \d+ hostages/);
  });
});
