import { SENTENCE_LEVEL } from './score.mjs';

const pct = (x) => (x === null || x === undefined ? '—' : (100 * x).toFixed(1));

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** The Markdown BENCHMARKS.md carries: span level, token level, clean-text false flags, confusion. */
export function markdown(results) {
  const { spans, tokens, clean, confusion, config } = results;
  const out = [];
  out.push(
    `Synthetic errors: ${config.copies} corrupted copies of each of ${config.articles.length} reference articles ` +
      `(each article in turn the "MT", the other ${config.articles.length - 1} the references), ${Math.round(config.rate * 100)}% of sentences ` +
      `corrupted, seed \`${config.seed}\`, ${results.totals.errors} injected errors. P/R/F1 in %; "any" = hit by a flag of any category.`,
  );
  out.push(
    '',
    '**Span level** (a flag hits an error when the spans overlap; omission: a flag in the same sentence, recall only). ' +
      '"R supported": recall among errors in sentences the alignment supports with a reference sentence (how many in brackets); ' +
      '"P new flags": precision leaving out the false flags the clean original gets too.',
    '',
  );
  out.push(
    table(
      ['Category', 'Injected', 'Flags', 'P', 'R', 'F1', 'R any', 'R supported', 'P any', 'P new flags'],
      Object.entries(spans).map(([cat, s]) => {
        const recallOnly = SENTENCE_LEVEL.has(cat);
        return [cat, s.errors, s.flags, recallOnly ? '—' : pct(s.same.precision), pct(s.same.recall), recallOnly ? '—' : pct(s.same.f1), pct(s.any.recall), `${pct(s.recallSupported)} (${s.supportedErrors})`, recallOnly ? '—' : pct(s.any.precision), recallOnly ? '—' : pct(s.precisionNew)];
      }),
    ),
  );
  out.push('', '**Token level** (word tokens covered by flags vs by injected spans)', '');
  out.push(
    table(
      ['Category', 'Gold tokens', 'Flagged tokens', 'P', 'R', 'F1', 'R any', 'P any'],
      Object.entries(tokens).map(([cat, s]) => [cat, s.goldTokens, s.flaggedTokens, pct(s.same.precision), pct(s.same.recall), pct(s.same.f1), pct(s.any.recall), pct(s.any.precision)]),
    ),
  );
  out.push('', '**False flags on the clean articles** (each checked against the other three)', '');
  const cats = (byCategory) => Object.entries(byCategory).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || '—';
  out.push(
    table(
      ['Article', 'Words', 'Flags', 'Per 1,000 words', 'By category'],
      [
        ...clean.map((c) => [c.id, c.words, c.flags, c.per1000.toFixed(1), cats(c.byCategory)]),
        ['**all**', results.totals.cleanWords, results.totals.cleanFlags, results.totals.cleanPer1000.toFixed(1), cats(results.totals.cleanByCategory)],
      ],
    ),
  );
  out.push('', '**Which flags hit the injected errors** (per injected category; an error hit by several categories counts in each)', '');
  const flagCats = [...new Set(Object.values(confusion).flatMap((row) => Object.keys(row)))].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
  out.push(table(['Injected', ...flagCats], Object.entries(confusion).map(([cat, row]) => [cat, ...flagCats.map((c) => row[c] ?? 0)])));
  return out.join('\n');
}
