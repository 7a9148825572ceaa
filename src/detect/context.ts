import type { Evidence, Token } from '../core/types.js';
import { isContentTag, posTags } from '../segment/pos.js';
import { stem } from '../segment/stem.js';
import { dot } from '../embed/vectors.js';
import type { DetectContext, EncodedSentence, RawFlag } from './types.js';

export interface RefSentence extends EncodedSentence {
  ref: string;
  similarity: number;
}

/**
 * The reference sentences aligned to MT sentence i that are close enough to count as support, merged
 * matches expanded into their sentences. These are the "same slot" the detectors compare against.
 */
export function alignedRefs(ctx: DetectContext, i: number): RefSentence[] {
  const out: RefSentence[] = [];
  for (const m of ctx.aligned[i]?.matches ?? []) {
    if (m.similarity < ctx.settings.align.supportThreshold) continue;
    const doc = ctx.refs.find((r) => r.id === m.ref);
    if (!doc) continue;
    for (let k = m.index; k <= (m.merged ?? m.index); k++) {
      const s = doc.sentences[k];
      if (s && !out.some((o) => o.ref === m.ref && o.sentence.index === k)) out.push({ ...s, ref: m.ref, similarity: m.similarity });
    }
  }
  return out;
}

export function evidenceOf(s: RefSentence): Evidence {
  return { ref: s.ref, index: s.sentence.index, text: s.sentence.text };
}

/** Word tokens of a sentence whose stem equals the given stem. */
export function tokensWithStem(s: EncodedSentence, st: string): Token[] {
  return s.tokens.filter((t) => t.word && stem(t.norm) === st);
}

export function wordTokens(s: EncodedSentence): { token: Token; k: number }[] {
  return s.tokens.map((token, k) => ({ token, k })).filter((x) => x.token.word);
}

/** "'a', 'b' and 'c'" for messages. */
export function quoteList(items: readonly string[]): string {
  const q = items.map((s) => `'${s}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Evidence for a word found by the reference index: the whole reference sentence it stands in. */
export function occurrenceEvidence(ctx: DetectContext, occ: { ref: string; index: number; token: Token }): Evidence {
  const text = ctx.refs.find((r) => r.id === occ.ref)?.sentences[occ.index]?.sentence.text ?? occ.token.text;
  return { ref: occ.ref, index: occ.index, text };
}

const QUOTE_MARKS = /["“”„«»]/gu;

/** Whether the token stands inside quotation marks of its sentence (an odd number of marks before it). */
export function quoted(s: EncodedSentence, token: Token): boolean {
  const before = s.sentence.text.slice(0, token.start - s.sentence.start);
  return (before.match(QUOTE_MARKS)?.length ?? 0) % 2 === 1;
}

/**
 * The kit's loop: each MT sentence with the reference sentences aligned to it (none: skipped), its flags
 * collected. `parallelOnly` detectors need translations of the same sentence and return nothing otherwise.
 */
export function perAlignedSentence(
  ctx: DetectContext,
  detect: (s: EncodedSentence, refs: RefSentence[], i: number) => RawFlag[],
  options: { parallelOnly?: boolean } = {},
): RawFlag[] {
  if (options.parallelOnly && ctx.options.mode !== 'parallel') return [];
  return ctx.mt.sentences.flatMap((s, i) => {
    const refs = alignedRefs(ctx, i);
    return refs.length ? detect(s, refs, i) : [];
  });
}

/** The MT word whose contextual vector is closest to the given one (a reference word's counterpart). */
export function closestToken(s: EncodedSentence, v: Float32Array | null | undefined): Token | undefined {
  return closestWord(s, v)?.token;
}

/** The word of `s` whose contextual vector is closest to `v`, with its cosine. */
export function closestWord(s: EncodedSentence, v: Float32Array | null | undefined): { token: Token; sim: number } | undefined {
  if (!v) return undefined;
  let best: { token: Token; sim: number } | undefined;
  s.tokens.forEach((t, k) => {
    const w = s.vectors[k];
    const d = t.word && w ? dot(v, w) : -Infinity;
    if (d > (best?.sim ?? -Infinity)) best = { token: t, sim: d };
  });
  return best;
}

/** The n words of `s` whose contextual vectors are closest to `v`, closest first. */
export function nearestWords(s: EncodedSentence, v: Float32Array | null | undefined, n: number): Token[] {
  if (!v) return [];
  const scored = s.tokens.flatMap((t, k) => (t.word && s.vectors[k] ? [{ t, sim: dot(v, s.vectors[k]!) }] : []));
  return scored.sort((a, b) => b.sim - a.sim).slice(0, n).map((x) => x.t);
}

const contentStems = (tokens: readonly Token[]): string[] => {
  const tags = posTags(tokens);
  return tokens.flatMap((t, k) => (t.word && /\p{L}{3,}/u.test(t.text) && isContentTag(tags[k]) ? [stem(t.norm)] : []));
};

/**
 * Share of a sentence's content words that the neighbouring sentences of the other side say too. A translation
 * that joins two reference sentences into one ("... a shadow and a black hole can ...") leaves the second
 * unaligned, yet renders it: most of its words are in the sentence the first one aligned to.
 */
export function renderedNearby(tokens: readonly Token[], nearby: readonly (readonly Token[])[]): number {
  const mine = contentStems(tokens);
  if (!mine.length) return 1;
  const theirs = new Set(nearby.flatMap(contentStems));
  return mine.filter((w) => theirs.has(w)).length / mine.length;
}

/** At or above this share of its content words in a neighbour, an unaligned sentence was merged, not dropped. */
export const MERGED_SHARE = 0.5;

/**
 * The aligned reference sentences of MT sentence i, and the reference sentences next to them that this MT
 * sentence also renders: a translation that joins two reference sentences says what both say.
 */
export function joinedRefs(ctx: DetectContext, i: number, aligned: readonly RefSentence[] = alignedRefs(ctx, i)): RefSentence[] {
  const mine = ctx.mt.sentences[i]?.tokens ?? [];
  const out = [...aligned];
  for (const a of aligned) {
    const doc = ctx.refs.find((r) => r.id === a.ref);
    for (const k of [a.sentence.index - 1, a.sentence.index + 1]) {
      const s = doc?.sentences[k];
      if (!s || out.some((o) => o.ref === a.ref && o.sentence.index === k)) continue;
      if (renderedNearby(s.tokens, [mine]) >= MERGED_SHARE) out.push({ ...s, ref: a.ref, similarity: a.similarity });
    }
  }
  return out;
}
