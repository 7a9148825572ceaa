import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import { numberValues } from '../../src/detect/figures.js';
import { NumberDetector } from '../../src/detect/numbers.js';
import { analyze, flagsOn, loadAnalyzer, ofCategory, only, refId } from './helpers.js';

// Invented story: a football transfer and the striker's first match.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = only(await loadAnalyzer(), new NumberDetector());
});

const REFS = [
  'The club paid 54 million euros for the striker on Friday. A crowd of 48,440 fans watched his first match. The new stand adds 1,200 seats.',
  'On Friday the club agreed to pay 54 million euros for the striker.',
];

describe('numberValues', () => {
  it('reads every value a written figure can mean', () => {
    expect(numberValues('1,200')).toEqual([1200]);
    expect(numberValues('1.200').sort()).toEqual([1.2, 1200]);
    expect(numberValues('2,5')).toContain(2.5);
    expect(numberValues('48.5')).toEqual([48.5]);
    expect(numberValues('fans')).toEqual([]);
    expect(numberValues('12-year')).toEqual([]);
  });
});

describe('numbers', () => {
  it('flags a different figure in the same slot of a strongly aligned reference sentence', async () => {
    const mt = 'The club paid 45 million euros for the striker on Friday.';
    const a = await analyze(analyzer, mt, REFS);
    const flags = ofCategory(a, 'number');
    expect(flags.map((f) => f.text)).toEqual(['45']);
    // A key fact wrong: critical.
    expect(flags[0]).toMatchObject({ start: mt.indexOf('45'), suggestion: '54', severity: 'critical' });
    expect([refId(0), refId(1)]).toContain(flags[0]!.evidence[0]?.ref);
    expect(flags[0]!.evidence[0]?.text).toContain('54 million');
  });

  it('counts a figure as contradicted only for the same fact, and never on one loosely aligned reference', async () => {
    const taken = 'Militants took 251 hostages during the attack on the border towns in October.';
    const remain = ['Officials believe 59 hostages remain in Gaza, fewer than half of them alive.'];
    expect(ofCategory(await analyze(analyzer, taken, remain), 'number')).toEqual([]);
    // Control: the same fact in a close sentence is still a contradiction.
    const same = await analyze(analyzer, taken, ['Militants took 250 hostages during the attack on the border towns in October.']);
    expect(ofCategory(same, 'number').map((f) => [f.text, f.suggestion])).toEqual([['251', '250']]);
  });

  it('accepts a rounded figure with "about" or "over", and flags the same figure stated as exact', async () => {
    for (const hedge of ['About', 'Over', 'Nearly']) {
      const a = await analyze(analyzer, `${hedge} 48,000 fans watched his first match.`, REFS);
      expect(ofCategory(a, 'number'), hedge).toEqual([]);
    }
    const exact = await analyze(analyzer, 'A crowd of 48,000 fans watched his first match.', REFS);
    expect(flagsOn(exact, '48,000', 'number')).toHaveLength(1);
    expect(flagsOn(exact, '48,000')[0]!.suggestion).toBe('48,440');
  });

  it('flags a rounded figure that is too far off even with "about"', async () => {
    const a = await analyze(analyzer, 'About 30,000 fans watched his first match.', REFS);
    expect(flagsOn(a, '30,000', 'number')).toHaveLength(1);
  });

  it('flags German notation "1.200" where the references write 1,200', async () => {
    const mt = 'The new stand adds 1.200 seats.';
    const a = await analyze(analyzer, mt, REFS);
    const [flag, ...rest] = ofCategory(a, 'number');
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ text: '1.200', start: mt.indexOf('1.200'), suggestion: '1,200', severity: 'minor' });
  });

  it('leaves a figure alone when no aligned reference sentence states the same fact', async () => {
    const a = await analyze(analyzer, 'The striker has scored 17 goals for his national team.', REFS);
    expect(ofCategory(a, 'number')).toEqual([]);
  });

  it('leaves a figure the references contain alone', async () => {
    const a = await analyze(analyzer, 'The club paid 54 million euros for the striker on Friday.', REFS);
    expect(a.flags).toEqual([]);
  });
});

describe('numbers by reference consensus', () => {
  // Each reference sentence alone is too loose a paraphrase to pin the figure; together they agree.
  const GROUND = [
    'Owned by the club since 1998, the ground changed hands on Monday after a long search for a buyer.',
    'Fans protested on Monday; the club had held the ground for years and many wanted it kept.',
    'A buyer was found at last: the ground, held by the club since 1998, now belongs to investors.',
  ];
  const MT = 'The club, owner of the stadium since 1989, sold it on Monday to a property fund after a long search.';

  it('flags a year that two loosely aligned references contradict in the same slot', async () => {
    const flags = ofCategory(await analyze(analyzer, MT, GROUND), 'number');
    expect(flags.map((f) => [f.text, f.suggestion])).toEqual([['1989', '1998']]);
    expect(flags[0]!.message).toContain('2 references');
  });

  it('stays silent when the references disagree among themselves about the slot', async () => {
    const refs = [GROUND[0]!, GROUND[1]!, GROUND[2]!.replace('1998', '2004')];
    expect(ofCategory(await analyze(analyzer, MT, refs), 'number')).toEqual([]);
  });
});

describe('dates in source-language notation', () => {
  const dates = async (mt: string, refs: string[]) => {
    const { NotationDetector } = await import('../../src/detect/notation.js');
    const a = await analyze(only(analyzer, new NotationDetector()), mt, refs);
    return ofCategory(a, 'number');
  };

  it('flags "7. October" and follows the references\' order for the fix', async () => {
    const mt = 'The match on 7. October drew a record crowd. The club was founded on 12. March 1901. BERLIN, 3. May (dpa).';
    const us = await dates(mt, ['The match on October 7 drew a record crowd.', 'It was founded on March 12, 1901.']);
    expect(us.map((f) => [f.text, f.suggestion])).toEqual([
      ['7. October', 'October 7'],
      ['12. March', 'March 12'],
      ['3. May', 'May 3'],
    ]);
    expect(us[0]!.start).toBe(mt.indexOf('7. October'));
    const uk = await dates(mt, ['The match on 7 October drew a record crowd.']);
    expect(uk[0]!.suggestion).toBe('7 October');
  });

  it('leaves English dates and a sentence ending in a number before a month-named subject alone', async () => {
    const a = await dates('The match on October 7 drew a record crowd. On 7 October the club won. The squad has 25. May was a good month.', REFS);
    expect(a).toEqual([]);
  });
});

describe('numbers in notation no English text uses', () => {
  it('flags a decimal comma and repeated full-stop grouping whatever the references say', async () => {
    const mt = 'Prices rose 2,5 percent while 1.200.000 fans watched. The club paid 54 million euros.';
    const flags = ofCategory(await analyze(analyzer, mt, REFS), 'number');
    expect(flags.map((f) => [f.text, f.suggestion])).toEqual([
      ['2,5', '2.5'],
      ['1.200.000', '1,200,000'],
    ]);
    expect(flags[0]!.message).toContain('English writes 2.5');
  });

  it('leaves English thousands and decimals alone', async () => {
    // The figures agree with the references, so only their notation could be flagged (a figure the aligned
    // reference contradicts is another rule's flag, and whether it aligns depends on the model's last digits).
    const a = await analyze(analyzer, 'Prices rose 2.5 percent while 48,440 fans watched. The club paid 54 million euros.', REFS);
    expect(ofCategory(a, 'number')).toEqual([]);
  });
});

describe('thousands grouped with spaces', () => {
  const spaced = async (mt: string, refs: string[]) => {
    const { NotationDetector } = await import('../../src/detect/notation.js');
    return ofCategory(await analyze(only(analyzer, new NotationDetector()), mt, refs), 'number');
  };

  it('flags no-break-space grouping always, plain-space grouping when a reference has the figure', async () => {
    const mt = 'Some 1\u202f200 fans came, 2\u00a0500\u00a0000 euros were paid and 48 440 people watched.';
    const flags = await spaced(mt, ['A crowd of 48,440 watched the match.']);
    expect(flags.map((f) => [f.text, f.suggestion])).toEqual([
      ['1\u202f200', '1,200'],
      ['2\u00a0500\u00a0000', '2,500,000'],
      ['48 440', '48,440'],
    ]);
  });

  it('leaves plain-space numbers alone without a reference, and English figures and years alone', async () => {
    const a = await spaced('Between 2019 and 2023 some 1,200 fans and 48 440 people came; scores were 3 000 to 2.', ['The match was played on Friday.']);
    expect(a).toEqual([]);
  });

  it('reads a clock time as a time: the reference\'s other way of writing it is no contradiction, another time still is', async () => {
    const refs = ['The program started at 8:30 p.m. local time (15.00 UTC) on Friday.'];
    const same = await analyze(analyzer, 'The start of the program was at 20:30 local time (15:00 UTC) on Friday.', refs);
    expect(ofCategory(same, 'number')).toEqual([]);
    const mt = 'The start of the program was at 20:30 local time (17:00 UTC) on Friday.';
    const other = ofCategory(await analyze(analyzer, mt, refs), 'number');
    const at = mt.indexOf('17:00');
    expect(other.length).toBeGreaterThan(0);
    for (const f of other) expect(f.start >= at && f.end <= at + 5, f.text).toBe(true);
  });
});

describe('numbers against a parallel reference', () => {
  const parallel = { mode: 'parallel' as const };
  const flagged = async (mt: string, ref: string) => (await analyze(analyzer, mt, [ref], parallel)).flags.map((f) => [f.text, f.suggestion]);

  it('pairs a figure the reference lacks with the figure it gives that we lack, whatever the wording', async () => {
    expect(await flagged('The studio signed her for nine years and made her a star.', 'The studio gave her a seven year contract and she became a star.')).toEqual([['nine', 'seven']]);
    expect(await flagged('The plane crashed into a wall, killing 28 people.', 'The airliner struck a wall, killing seventeen.')).toEqual([['28', '17']]);
    expect(await flagged('The style reached its peak in the 14th century.', 'The style peaked in the 15th century.')).toEqual([['14th', '15th']]);
  });

  it('leaves a figure the reference writes another way alone', async () => {
    expect(await flagged('Games were paused for five months and resumed on June 20.', 'Play stopped for 5 months and began again on June 20th.')).toEqual([]);
  });

  it('leaves a figure alone when the reference gives no figure we lack', async () => {
    expect(await flagged('The bridge, built in 1958, is 300 metres long.', 'The bridge is 300 metres long.')).toEqual([]);
  });
});

describe('numbers against parallel references: lists and halves', () => {
  const parallel = async (mt: string, ref: string) => (await analyze(analyzer, mt, [ref], { mode: 'parallel' })).flags.map((f) => f.text);

  it('reads "two and a half million" as 2.5 million', async () => {
    expect(await parallel('The club sold two and a half million tickets this season.', 'The club sold 2.5 million tickets this season.')).toEqual([]);
    expect(await parallel('The club sold 2 and a half million tickets this season.', 'The club sold 2.5 million tickets this season.')).toEqual([]);
    expect(await parallel('The club sold three and a half million tickets this season.', 'The club sold 2.5 million tickets this season.')).toEqual(['three']);
  });

  it("reads the reference's halves and scale words as its figures too", async () => {
    // Both say "two and a half years"; the reference writes half a million in digits.
    expect(await parallel('The tower took two and a half years and half a million parts.', 'The tower took two and a half years and 500000 parts.')).toEqual([]);
    expect(await parallel('The tower took 2.5 years and 500000 parts.', 'The tower took two and a half years and half a million parts.')).toEqual([]);
    expect(await parallel('The ice there is 10000 years old.', 'The ice there is ten thousand years old.')).toEqual([]);
    expect(await parallel('The ice there is 100000 years old.', 'The ice there is ten thousand years old.')).toEqual(['100000']);
  });

  it('reads "2 1/2" and "2½" as two and a half, on either side', async () => {
    expect(await parallel('The fine is more than two and a half million dollars.', 'The fine is over 2 1/2 million dollars.')).toEqual([]);
    expect(await parallel('The fine is over 2 1/2 million dollars.', 'The fine is more than two and a half million dollars.')).toEqual([]);
    expect(await parallel('The fine is over 2½ million dollars.', 'The fine is more than two and a half million dollars.')).toEqual([]);
    expect(await parallel('The fine is over 3 1/2 million dollars.', 'The fine is more than two and a half million dollars.')).toEqual(['3']);
  });

  it('reads a bracketed pair ("[1,1]") as a list of numbers, not a decimal comma', async () => {
    expect(await parallel('The scoreboard showed [1,1] after the break.', 'After the break the scoreboard showed [1,1].')).toEqual([]);
    expect(await parallel('The scoreboard showed [1, 1] after the break.', 'After the break the scoreboard showed [1,1].')).toEqual([]);
  });
});
