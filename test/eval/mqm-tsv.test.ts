import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MtdiffError } from '../../src/core/errors.js';
import { parseMqmTsv, stripMarkers } from '../../src/eval/mqm-tsv.js';

const fixture = readFileSync(new URL('../fixtures/eval/mini.tsv', import.meta.url), 'utf8');
const HEADER = 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity';
const row = (target: string, category = 'Fluency/Grammar', severity = 'Minor', rater = 'r1') =>
  ['sys', 'talk.1', '1', '7', rater, 'src', target, category, severity].join('\t');

function errorOf(fn: () => unknown): MtdiffError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MtdiffError) return err;
    throw err;
  }
  throw new Error('expected an MtdiffError');
}

describe('stripMarkers', () => {
  it('returns the clean text and the marked spans as offsets into it', () => {
    const { text, spans } = stripMarkers('a <v>bc</v> d <v>e</v>');
    expect(text).toBe('a bc d e');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['bc', 'e']);
  });

  it('keeps a lone < that is not a marker', () => {
    expect(stripMarkers('1 < 2 <v>x</v>').text).toBe('1 < 2 x');
  });

  it('refuses unbalanced or nested markers', () => {
    expect(errorOf(() => stripMarkers('a <v>b')).code).toBe('input');
    expect(errorOf(() => stripMarkers('a </v>b')).code).toBe('input');
    expect(errorOf(() => stripMarkers('<v>a <v>b</v></v>')).code).toBe('input');
  });
});

describe('parseMqmTsv', () => {
  const segments = parseMqmTsv(fixture);
  const seg = (system: string, id: string) => segments.find((s) => s.system === system && s.segId === id)!;

  it('merges the rows of a segment: several errors, target without markers', () => {
    const a = seg('sysA', '1');
    expect(a.target).toBe('The cat sat on the mat.');
    expect(a.errors.map((e) => [e.category, e.severity])).toEqual([
      ['Accuracy/Mistranslation', 'Major'],
      ['Fluency/Punctuation', 'Minor'],
      ['Accuracy/Omission', 'Minor'],
    ]);
    expect(a.errors.map((e) => e.spans.map((s) => a.target.slice(s.start, s.end)))).toEqual([['cat'], ['.'], []]);
    expect(a.raters).toEqual(['rater1']);
  });

  it('records No-error rows as raters without errors', () => {
    const ref = seg('refB', '1');
    expect(ref.errors).toEqual([]);
    expect(ref.raters).toEqual(['rater2']);
    const b = seg('sysB', '2');
    expect(b.raters).toEqual(['rater1', 'rater3']);
    expect(b.errors).toHaveLength(1);
  });

  it('gives spans in UTF-16 units (a non-BMP character before the span counts 2)', () => {
    const b = seg('sysB', '2');
    const span = b.errors[0]!.spans[0]!;
    expect(b.target.slice(span.start, span.end)).toBe('a big');
    expect(span.start).toBe(8);
  });

  it('keeps every segment of every system', () => {
    expect(segments.map((s) => `${s.system}/${s.segId}`).sort()).toEqual(['refB/1', 'refB/2', 'sysA/1', 'sysB/2']);
  });

  it('accepts CRLF line ends and a trailing blank line', () => {
    const parsed = parseMqmTsv(`${HEADER}\r\n${row('x <v>y</v>')}\r\n\r\n`);
    expect(parsed[0]!.target).toBe('x y');
    expect(parsed[0]!.errors[0]!.severity).toBe('Minor');
  });

  it('refuses files that are not MQM TSVs, with the line number', () => {
    expect(errorOf(() => parseMqmTsv('a\tb\nc\td\n')).message).toMatch(/header lacks/);
    expect(errorOf(() => parseMqmTsv(`${HEADER}\nsys\tonly\tthree`)).message).toMatch(/line 2: expected 9/);
    expect(errorOf(() => parseMqmTsv(`${HEADER}\n${row('x', 'Fluency/Grammar', 'Huge')}`)).message).toMatch(/line 2: unknown severity/);
    expect(errorOf(() => parseMqmTsv(`${HEADER}\n${row('x <v>y</v>')}\n${row('x z')}`)).message).toMatch(/line 3: target differs/);
    expect(errorOf(() => parseMqmTsv(`${HEADER}\n${row('x <v>y')}`)).message).toMatch(/line 2: <v> without <\/v>/);
  });
});
