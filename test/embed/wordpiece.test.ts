import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@xenova/transformers';
import { DEFAULT_MODELS_DIR } from '../../src/embed/registry.js';
import { loadWordPiece, type WordPiece } from '../../src/embed/wordpiece.js';
import { tokenize } from '../../src/segment/tokens.js';

interface Reference {
  encode(text: string, pair: null, options: { add_special_tokens: boolean }): number[];
}

const MODEL = 'all-MiniLM-L6-v2';
const SEEDS = new URL('../../seeds/', import.meta.url);

/** Pieces the embedder asks for: every token of the seeds, and strings built to hit each normalisation step. */
function corpus(): string[] {
  const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
  const tricky = [
    'Größenwahn café naïve Ærø ŞİŞLİ İstanbul', 'Москва заявила', '北京时间今天上午', '𠀀𠀁 astral CJK', '東京タワー', '서울 특별시',
    'tab\there\nnew\rline', 'zero\u200bwidth soft\u00adhyphen bom\ufeff', 'nul\u0000 replacement\ufffd', 'private\ue000use',
    '[CLS] [SEP] [PAD] [MASK] [UNK] x[MASK]y', '[mask] [ CLS ]', 'U.S.-led $3.5bn 24jährigen (version 7)', '«quotes» „Zitat“ — dash … ellipsis',
    'emoji 🎉👍🏽 flags 🇩🇪', 'x'.repeat(100), 'y'.repeat(101), 'é'.repeat(101), 'ﬁ ligature ℃ ½ ²', 'Ωμέγα ελληνικά', 'العربية עברית हिन्दी',
  ];
  const tokens = new Set<string>();
  for (const t of [...texts, ...tricky]) for (const tok of tokenize(t, 0)) tokens.add(tok.text);
  // Whole lines too: the tokenizer's own pre-splitting must agree on running text, not only on our tokens.
  const lines = texts.flatMap((t) => t.split('\n')).filter((l) => l.trim());
  return [...tokens, ...tricky, ...lines];
}

describe('WordPiece tokenizer (src/embed/wordpiece.ts)', () => {
  let ours: WordPiece;
  let reference: Reference;
  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = DEFAULT_MODELS_DIR;
    reference = (await AutoTokenizer.from_pretrained(MODEL)) as unknown as Reference;
    ours = loadWordPiece(join(DEFAULT_MODELS_DIR, MODEL));
  });

  it('gives the ids transformers.js gives, on every seed token and on the normalisation cases', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(1000);
    const differ = texts.filter((t) => JSON.stringify(ours.encode(t)) !== JSON.stringify(reference.encode(t, null, { add_special_tokens: false })));
    expect(differ).toEqual([]);
  });

  it('knows the special tokens', () => {
    expect(ours.idOf('[CLS]')).toBe(101);
    expect(ours.idOf('[SEP]')).toBe(102);
    expect(ours.idOf('[PAD]')).toBe(0);
    expect(ours.encode('y'.repeat(101))).toEqual([100]);
  });
});
