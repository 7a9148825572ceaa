import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_DIR, resolveModel, verifyModelFiles } from '../../src/embed/registry.js';
import { loadEmbedder, type TransformerEmbedder } from '../../src/embed/embedder.js';
import { dot } from '../../src/embed/vectors.js';
import { MtdiffError } from '../../src/core/errors.js';

interface Fixture {
  sentences: { text: string; embedding: number[] }[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/upstream-embeddings.json', import.meta.url), 'utf8')) as Fixture;

describe('embedder (real model)', () => {
  let embedder: TransformerEmbedder;
  beforeAll(async () => {
    embedder = await loadEmbedder();
  });

  it('matches the upstream PyTorch sentence-transformers embeddings (cosine >= 0.99)', async () => {
    const encoded = await embedder.encode(fixture.sentences.map((s) => s.text));
    fixture.sentences.forEach((s, i) => {
      const cos = dot(encoded[i]!.vector, Float32Array.from(s.embedding));
      expect(cos, s.text).toBeGreaterThanOrEqual(0.99);
    });
  });

  it('gives one normalised contextual vector per token, with offsets into the text', async () => {
    const text = 'Hamas released 33 hostages on Saturday.';
    const [enc] = await embedder.encode([text]);
    expect(enc!.tokens.length).toBe(enc!.tokenVectors.length);
    for (const [k, t] of enc!.tokens.entries()) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      const v = enc!.tokenVectors[k]!;
      expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-4);
    }
  });

  it('embeds identical texts once and returns them in input order', async () => {
    const texts = ['A short one.', 'A considerably longer sentence about talks in Doha and their outcome.', 'A short one.'];
    const out = await embedder.encode(texts);
    expect(out[0]).toBe(out[2]);
    expect(dot(out[0]!.vector, out[1]!.vector)).toBeLessThan(0.99);
  });

  it('gives a sentence bit-identical vectors alone and in a padded batch with others', async () => {
    const target = 'Negotiators met in Doha on Monday to discuss the release of the remaining hostages.';
    const others = ['Short.', 'A much longer sentence about a ceasefire, its first phase, the exchange of prisoners and hostages, and what comes next.', 'Talks resumed.'];
    const [alone] = await (await loadEmbedder()).encode([target], undefined, { batchSize: 1 });
    const batched = (await (await loadEmbedder()).encode([...others, target], undefined, { batchSize: 32 }))[3]!;
    expect(Buffer.from(batched.vector.buffer).equals(Buffer.from(alone!.vector.buffer))).toBe(true);
    batched.tokenVectors.forEach((v, k) => expect(Buffer.from(v!.buffer).equals(Buffer.from(alone!.tokenVectors[k]!.buffer)), `token ${k}`).toBe(true));
  });

  it('ranks a paraphrase above an unrelated sentence', async () => {
    const [a, b, c] = await embedder.encode([
      'The White House confirmed direct talks with Hamas.',
      'Washington acknowledged it had held direct negotiations with Hamas.',
      'The football club signed a new goalkeeper on Friday.',
    ]);
    expect(dot(a!.vector, b!.vector)).toBeGreaterThan(dot(a!.vector, c!.vector) + 0.3);
  });
});

describe('model integrity', () => {
  function copyModels(): string {
    const dir = mkdtempSync(join(tmpdir(), 'mtdiff-models-'));
    cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
    return dir;
  }

  it('accepts the shipped files', () => {
    expect(() => verifyModelFiles(resolveModel(undefined, DEFAULT_MODELS_DIR))).not.toThrow();
  });

  it('detects a file changed by one byte, before the runtime sees it', () => {
    const dir = copyModels();
    const model = resolveModel(undefined, dir);
    const file = join(model.dir, 'tokenizer_config.json');
    const bytes = readFileSync(file);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(file, bytes);
    expect(() => verifyModelFiles(model)).toThrow(/model file corrupt: .*tokenizer_config\.json/);
  });

  it('names a missing file', () => {
    const dir = copyModels();
    const model = resolveModel(undefined, dir);
    writeFileSync(join(dir, 'registry.json'), JSON.stringify({ default: 'x', models: { x: { ...model.entry, files: { 'gone.bin': 'ab' } } } }));
    let error: unknown;
    try {
      verifyModelFiles(resolveModel(undefined, dir));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MtdiffError);
    expect((error as MtdiffError).code).toBe('model');
    expect((error as MtdiffError).message).toMatch(/model file missing: .*gone\.bin/);
  });

  it('refuses an unknown model name', () => {
    expect(() => resolveModel('no-such-model', DEFAULT_MODELS_DIR)).toThrow(/unknown model 'no-such-model'/);
  });
});

describe('remote models are opt-in', () => {
  it('an unknown Hugging Face id is refused without --allow-remote, naming the option', () => {
    expect(() => resolveModel('Xenova/paraphrase-MiniLM-L3-v2', DEFAULT_MODELS_DIR)).toThrow(/--allow-remote/);
  });

  it('with the opt-in it resolves to a remote model whose signature says so', () => {
    const m = resolveModel('Xenova/paraphrase-MiniLM-L3-v2', DEFAULT_MODELS_DIR, true);
    expect(m).toMatchObject({ name: 'Xenova/paraphrase-MiniLM-L3-v2', hash: 'remote' });
  });
});
