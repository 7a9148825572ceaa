/**
 * Issue 15: the hostile-input audit's cases through the built CLI. Each case names the failure it guards
 * against; all of them end with one stderr line, a documented exit code and no changed input.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyReview } from '../../src/review/file.js';
import { mtdiff, mtdiffIn, ROOT, SEEDS, type Run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'mtdiff-issue15-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const REF = join(ROOT, SEEDS[1]!);
const STORY = 'Hamas released 33 hostages on Saturday. The talks in Doha continue.\n';
const ESC = /[\u001b\u0007\u009b]/;

function oneLine(r: Run, code: number, message?: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (message) expect(r.stderr).toMatch(message);
}

// Cases that could hang or exhaust memory if they regressed (FIFOs, devices, /proc), a model the runtime cannot
// parse and the pipe exits run as real processes (mtdiff); the rest in this process (mtdiffIn).
describe('only regular files, read with a bound', () => {
  it('a FIFO as MT is refused at once (it used to hang check forever)', () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    oneLine(mtdiff(['check', fifo, REF]), 2, /named pipe/);
  });

  it('/dev/zero is refused, not read until memory runs out', () => {
    oneLine(mtdiff(['check', '/dev/zero', REF]), 2, /device/);
  });

  it('--max-bytes holds for files whose stat size is 0 (/proc)', async () => {
    // A reference under the limit, so only the /proc file can be the one refused.
    const ref = file('tiny-ref.txt', 'Talks go on.\n');
    oneLine(await mtdiffIn(['check', '/proc/self/status', ref, '--max-bytes', '64']), 2, /proc\/self\/status: over the limit of 64 bytes/);
  });

  it.each([
    ['ELOOP', () => {
      const a = join(dir, 'loop-a');
      symlinkSync(join(dir, 'loop-b'), a);
      symlinkSync(a, join(dir, 'loop-b'));
      return a;
    }, /symbolic links/],
    ['ENOTDIR', () => join(file('plain.txt', STORY), 'inside.txt'), /not a directory/],
    ['ENAMETOOLONG', () => join(dir, `${'n'.repeat(300)}.txt`), /name too long/],
  ])('%s is a bad input (exit 2), not an internal error', async (_code, path, message) => {
    oneLine(await mtdiffIn(['check', path(), REF]), 2, message);
  });
});

describe('inputs are never outputs', () => {
  const mt = file('story.txt', STORY);

  it('score --output pointing at the manifest or an MT is refused before anything is written', async () => {
    const manifest = file('m.jsonl', `${JSON.stringify({ id: 'a', mt: 'story.txt', refs: ['ref.txt'] })}\n`);
    file('ref.txt', readFileSync(REF, 'utf8'));
    for (const [format, out] of [['jsonl', mt], ['json', manifest], ['csv', join(dir, 'ref.txt')]] as const) {
      const before = readFileSync(out);
      oneLine(await mtdiffIn(['score', '--input', manifest, '-f', format, '--output', out]), 3, /would overwrite an input/);
      expect(readFileSync(out)).toEqual(before);
    }
  });

  it('a hard link to an input counts as the input', async () => {
    const alias = join(dir, 'alias.md');
    linkSync(mt, alias);
    oneLine(await mtdiffIn(['report', mt, REF, '--out', alias]), 3, /would overwrite an input/);
    expect(readFileSync(mt, 'utf8')).toBe(STORY);
  });

  it('report --out <mt>.review.json does not overwrite the review file it read', async () => {
    const reviewPath = `${mt}.review.json`;
    const review = `${JSON.stringify(emptyReview(mt, STORY))}\n`;
    writeFileSync(reviewPath, review);
    oneLine(await mtdiffIn(['report', mt, REF, '--out', reviewPath]), 3, /would overwrite an input/);
    expect(readFileSync(reviewPath, 'utf8')).toBe(review);
    rmSync(reviewPath);
  });

  it('review --review-file naming the MT is refused', async () => {
    oneLine(await mtdiffIn(['review', mt, REF, '--review-file', mt]), 3, /review file would overwrite an input/);
    expect(readFileSync(mt, 'utf8')).toBe(STORY);
  });

  it('eval --items naming the MQM file is refused', async () => {
    const tsv = file('mqm.tsv', 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n');
    const before = readFileSync(tsv, 'utf8');
    oneLine(await mtdiffIn(['eval', 'mqm', tsv, '--items', tsv]), 3, /would overwrite an input/);
    expect(readFileSync(tsv, 'utf8')).toBe(before);
  });
});

describe('arguments are validated before work starts', () => {
  it('check --format xml: exit 3', async () => {
    oneLine(await mtdiffIn(['check', SEEDS[0]!, SEEDS[1]!, '--format', 'xml']), 3, /xml/);
  });

  it('report --date 2026-13-45: exit 3, not an internal error', async () => {
    oneLine(await mtdiffIn(['report', SEEDS[0]!, SEEDS[1]!, '--date', '2026-13-45']), 3, /--date/);
  });

  it('report --out under /proc: exit 5 at once (recursive mkdir used to spin forever)', () => {
    oneLine(mtdiff(['report', SEEDS[0]!, SEEDS[1]!, '--out', '/proc/nope/x.md']), 5, /cannot write/);
  });

  it('a structurally wrong models/registry.json: exit 4, one line', async () => {
    const models = join(dir, 'models');
    mkdirSync(models);
    writeFileSync(join(models, 'registry.json'), JSON.stringify({ default: 'm', models: { m: { files: 7 } } }));
    oneLine(await mtdiffIn(['check', SEEDS[0]!, SEEDS[1]!], { env: { MTDIFF_MODELS_DIR: models } }), 4, /registry has the wrong structure/);
  });
});

describe('a model that cannot be parsed', () => {
  it('whose checksum matches the registry: exit 4 with one line, no runtime stack trace', () => {
    const models = join(dir, 'bad-models');
    const src = join(ROOT, 'models');
    const registry = JSON.parse(readFileSync(join(src, 'registry.json'), 'utf8')) as { default: string; models: Record<string, { files: Record<string, string> }> };
    const name = registry.default;
    const entry = registry.models[name]!;
    for (const f of Object.keys(entry.files)) {
      mkdirSync(join(models, name, f, '..'), { recursive: true });
      const garbage = f.endsWith('.onnx') ? Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256)) : readFileSync(join(src, name, f));
      writeFileSync(join(models, name, f), garbage);
      entry.files[f] = createHash('sha256').update(garbage).digest('hex');
    }
    writeFileSync(join(models, 'registry.json'), JSON.stringify(registry));
    oneLine(mtdiff(['check', SEEDS[0]!, SEEDS[1]!], { env: { MTDIFF_MODELS_DIR: models } }), 4, /cannot load model/);
  }, 120_000);
});

describe('every byte from an input is data', () => {
  it('a file name with an OSC sequence is escaped in the error line', async () => {
    const name = join(dir, 'title\u001b]0;pwned\u0007.txt');
    const r = await mtdiffIn(['check', name, REF]);
    oneLine(r, 2, /\\x1b\]0;pwned\\x07/);
    expect(r.stderr).not.toMatch(ESC);
  });

  it('an OSC sequence in an option value is escaped in commander\'s error line too', async () => {
    const r = await mtdiffIn(['check', SEEDS[0]!, SEEDS[1]!, '--format', 'x\u001b]52;c;aGk=\u0007']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(ESC);
  });
});

describe('clean exits', () => {
  it('EPIPE on stdout (check ... | head -c 10) ends quietly with 141, no stack trace', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'check', '-f', 'json', ...SEEDS], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The reader is gone before the output comes, as with `| head -c 10` on a big enough output.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
    expect(stderr).not.toMatch(/Error|\n\s+at /);
  }, 120_000);
});

describe('clean exits on stderr too', () => {
  it('EPIPE on stderr (score ... 2>&1 | head -1) ends with 141, not a silent half-run', async () => {
    const manifest = file('pipe-m.jsonl', `${JSON.stringify({ id: 'a', mt: join(ROOT, SEEDS[0]!), refs: [REF] })}\n`);
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'score', '--input', manifest, '--allow-outside', '--no-cache'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
  }, 120_000);
});

describe('sane results and batch items (loads the model)', () => {
  it('the same reference twice (and through a symlink) counts once, with a warning', async () => {
    const link = join(dir, 'ref-link.txt');
    symlinkSync(REF, link);
    const r = await mtdiffIn(['check', '-f', 'json', SEEDS[0]!, REF, link, REF]);
    expect(r.code).toBe(0);
    const analysis = JSON.parse(r.stdout) as { refs: { id: string }[]; signature: string };
    expect(analysis.refs.map((x) => x.id)).toEqual([REF]);
    expect(analysis.signature).toMatch(/^nrefs:1\|/);
    expect(r.stderr.match(/counted once/g)).toHaveLength(2);
  }, 120_000);

  it('score: a FIFO item is an error record (no hang); CSV cells from the manifest are neutralised', () => {
    const sub = join(dir, 'batch');
    mkdirSync(sub);
    execFileSync('mkfifo', [join(sub, 'fifo.txt')]);
    writeFileSync(join(sub, 'ref.txt'), readFileSync(REF));
    const manifest = join(sub, 'm.jsonl');
    writeFileSync(manifest, `${JSON.stringify({ id: '=HYPERLINK("http://evil","x")\u001b]52;c;aGk=\u0007', mt: 'fifo.txt', refs: ['ref.txt'] })}\n`);
    const r = mtdiff(['score', '--input', manifest, '-f', 'csv']);
    expect(r.code).toBe(2);
    const row = r.stdout.trim().split('\n')[1]!;
    expect(row).toMatch(/^"'=HYPERLINK/);
    expect(row).toMatch(/named pipe/);
    expect(r.stdout + r.stderr).not.toMatch(ESC);
  }, 120_000);
});

describe('--report-dir never writes over an input (loads the model)', () => {
  it('an item report named like an MT file in the report directory is not written: error line, exit 5', async () => {
    const sub = join(dir, 'rd');
    mkdirSync(sub);
    // reportFileName('a') is a.md: the MT itself.
    writeFileSync(join(sub, 'a.md'), STORY);
    writeFileSync(join(sub, 'ref.txt'), readFileSync(REF));
    writeFileSync(join(sub, 'm.jsonl'), `${JSON.stringify({ id: 'a', mt: 'a.md', refs: ['ref.txt'] })}\n`);
    const r = await mtdiffIn(['score', '--input', join(sub, 'm.jsonl'), '--report-dir', sub]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/mtdiff: error: a: .*a\.md: the report would overwrite an input file/);
    expect(readFileSync(join(sub, 'a.md'), 'utf8')).toBe(STORY);
  }, 120_000);
});

describe('damaged cache (loads the model)', () => {
  it('random bytes in cached vectors are recomputed: the same scores and the same --fail-under verdict as a clean cache', async () => {
    const cache = join(dir, 'cache');
    const manifest = file('cache-m.jsonl', `${JSON.stringify({ id: 'a', mt: join(ROOT, SEEDS[0]!), refs: [REF] })}\n`);
    const args = ['score', '--input', manifest, '--allow-outside', '--cache-dir', cache, '--fail-under', '0.99'];
    const clean = await mtdiffIn(args);
    expect(clean.code).toBe(1);
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const db = new Database(join(cache, 'embeddings.sqlite'));
    // Same lengths, random contents: only a checksum can tell.
    for (const row of db.prepare('SELECT model, hash, length(vectors) AS n FROM embeddings').all() as { model: string; hash: Buffer; n: number }[]) {
      db.prepare('UPDATE embeddings SET vectors = ? WHERE model = ? AND hash = ?').run(Buffer.from(Array.from({ length: row.n }, (_, i) => (i * 131 + 7) % 256)), row.model, row.hash);
    }
    db.close();
    const damaged = await mtdiffIn(args);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toBe(clean.stdout);
    expect(damaged.stderr).not.toMatch(/NaN/);
  }, 180_000);
});
