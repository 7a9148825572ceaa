import type { Document } from '../core/types.js';
import { splitSentences } from './sentences.js';

export { splitSentences } from './sentences.js';
export { tokenize, wordTokens } from './tokens.js';

export function segmentDocument(id: string, text: string): Document {
  return { id, text, sentences: splitSentences(text) };
}
