import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The kernel may accept part of a buffer (a full disk, a signal): writeSync is made to do exactly that.
const fake = vi.hoisted(() => ({ mode: 'real' as 'real' | 'short' | 'full', budget: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeSync = (fd: number, buf: Uint8Array, offset = 0, length = buf.length - offset): number => {
    if (fake.mode === 'real') return real.writeSync(fd, buf, offset, length);
    if (fake.mode === 'short') return real.writeSync(fd, buf, offset, Math.max(1, Math.min(length, 7)));
    if (fake.budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = Math.min(length, fake.budget);
    fake.budget -= n;
    return real.writeSync(fd, buf, offset, n);
  };
  return { ...real, writeSync, default: { ...real, writeSync } };
});

const { writeFileAtomic } = await import('../../src/io/write.js');
const { openSink } = await import('../../src/batch/sink.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtdiff-write-'));
  fake.mode = 'real';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const big = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`).join('\n');
const record = (id: string) => ({ id, mt: `${id}.txt`, score: 0.5, mqm: 1, mqmPer100: 1, words: 2, counts: { critical: 0, major: 0, minor: 1 }, categories: {}, flags: [] });

describe('writeFileAtomic', () => {
  it('writes every byte when the kernel takes only a few per call', () => {
    fake.mode = 'short';
    const path = join(dir, 'report.md');
    const data = big(300);
    writeFileAtomic(path, data);
    expect(readFileSync(path, 'utf8')).toBe(data);
  });

  it('on a full disk: one output error (exit 5), the old file untouched, no temp file left', () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'the good old report\n');
    fake.mode = 'full';
    fake.budget = 1000;
    let error: unknown;
    try {
      writeFileAtomic(path, big(500));
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'output', exitCode: 5 });
    expect((error as Error).message).toMatch(/no space left on device/);
    expect(readFileSync(path, 'utf8')).toBe('the good old report\n');
    expect(fs.readdirSync(dir)).toEqual(['report.md']);
  });

  it('gives up on a parent that cannot be created instead of looping (/proc/nope)', () => {
    expect(() => writeFileAtomic('/proc/nope/deeper/x.md', 'x')).toThrow(/cannot write \/proc\/nope\/deeper\/x\.md/);
  });
});

describe('JSONL sink', () => {
  it('a record that does not fit is an output error and leaves no torn line behind', () => {
    const path = join(dir, 'run.jsonl');
    const sink = openSink('jsonl', path, false);
    sink.write(record('a'));
    const whole = readFileSync(path, 'utf8');
    fake.mode = 'full';
    fake.budget = 20;
    expect(() => sink.write(record('b'))).toThrow(expect.objectContaining({ code: 'output', message: expect.stringMatching(/no space left/) }));
    fake.mode = 'real';
    sink.finish();
    expect(readFileSync(path, 'utf8')).toBe(whole);
    expect(whole.endsWith('\n')).toBe(true);
  });

  it('writes whole records when the kernel takes only a few bytes per call', () => {
    const path = join(dir, 'run.jsonl');
    fake.mode = 'short';
    const sink = openSink('jsonl', path, false);
    sink.write(record('a'));
    sink.write(record('b'));
    sink.finish();
    expect(readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
  });
});
