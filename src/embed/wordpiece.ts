import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelError } from '../core/errors.js';

/**
 * BERT's WordPiece tokenizer, read from the model's tokenizer.json: the same steps as transformers.js 2.17
 * (BertNormalizer, BertPreTokenizer, WordPiece, added tokens split first), so the ids are the same
 * (test/embed/wordpiece.test.ts compares them on every token of the seeds and the benchmark data). Kept here
 * because importing transformers.js for its tokenizer costs about 0.4 s of every cold start (it loads both
 * ONNX Runtime builds, web and node).
 */
export interface WordPiece {
  encode(text: string): number[];
  idOf(token: string): number | undefined;
}

interface TokenizerJson {
  added_tokens?: { id: number; content: string; lstrip?: boolean; rstrip?: boolean }[];
  normalizer?: { type?: string; clean_text?: boolean; handle_chinese_chars?: boolean; strip_accents?: boolean | null; lowercase?: boolean } | null;
  pre_tokenizer?: { type?: string } | null;
  model?: { type?: string; vocab?: Record<string, number>; unk_token?: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number };
}

const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const CONTROL = /^(?:\p{Cc}|\p{Cf}|\p{Co}|\p{Cs})$/u;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isChinese(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** transformers.js checks the first UTF-16 unit (astral CJK never matches): kept so, for identical ids. */
function normalize(text: string, cfg: NonNullable<TokenizerJson['normalizer']>): string {
  let out = cfg.clean_text ? '' : text;
  if (cfg.clean_text) for (const ch of text) {
    const cp = ch.charCodeAt(0);
    if (cp === 0 || cp === 0xfffd || (ch !== '\t' && ch !== '\n' && ch !== '\r' && CONTROL.test(ch))) continue;
    out += /^\s$/.test(ch) ? ' ' : ch;
  }
  let spaced = cfg.handle_chinese_chars ? '' : out;
  if (cfg.handle_chinese_chars) for (let i = 0; i < out.length; i++) spaced += isChinese(out.charCodeAt(i)) ? ` ${out[i]} ` : out[i];
  if (cfg.lowercase) {
    spaced = spaced.toLowerCase();
    if (cfg.strip_accents !== false) spaced = spaced.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  } else if (cfg.strip_accents) spaced = spaced.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return spaced;
}

export function loadWordPiece(modelDir: string): WordPiece {
  const path = join(modelDir, 'tokenizer.json');
  let json: TokenizerJson;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as TokenizerJson;
  } catch (err) {
    throw modelError(`cannot read tokenizer ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  const { model, normalizer } = json;
  if (model?.type !== 'WordPiece' || !model.vocab || normalizer?.type !== 'BertNormalizer' || json.pre_tokenizer?.type !== 'BertPreTokenizer') {
    throw modelError(`tokenizer ${path} is not a BERT WordPiece tokenizer`);
  }
  const vocab = new Map(Object.entries(model.vocab));
  const unk = model.unk_token ?? '[UNK]';
  const unkId = vocab.get(unk);
  if (unkId === undefined) throw modelError(`tokenizer ${path} has no ${unk} token`);
  const prefix = model.continuing_subword_prefix ?? '##';
  const maxChars = model.max_input_chars_per_word ?? 100;
  const added = new Map((json.added_tokens ?? []).map((t) => [t.content, t.id]));
  const addedSplit = added.size
    ? new RegExp((json.added_tokens ?? []).map((t) => `${t.lstrip ? '\\s*' : ''}(${escapeRegExp(t.content)})${t.rstrip ? '\\s*' : ''}`).join('|'))
    : null;

  const word = (w: string, ids: number[]): void => {
    const chars = [...w];
    if (chars.length > maxChars) {
      ids.push(unkId);
      return;
    }
    const pieces: number[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = chars.length;
      let found: number | undefined;
      for (; start < end; end--) {
        const sub = (start > 0 ? prefix : '') + chars.slice(start, end).join('');
        found = vocab.get(sub);
        if (found !== undefined) break;
      }
      if (found === undefined) {
        ids.push(unkId);
        return;
      }
      pieces.push(found);
      start = end;
    }
    ids.push(...pieces);
  };

  return {
    idOf: (token) => vocab.get(token) ?? added.get(token),
    encode(text) {
      const ids: number[] = [];
      const sections = addedSplit ? text.split(addedSplit).filter((x) => x) : [text];
      for (const section of sections) {
        const special = added.get(section);
        if (special !== undefined) {
          ids.push(special);
          continue;
        }
        const norm = normalize(section, normalizer);
        for (const w of norm.trim().match(PRE_TOKEN) ?? []) word(w, ids);
      }
      return ids;
    },
  };
}
