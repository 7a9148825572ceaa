import type { Detector } from './types.js';
import { MistranslationDetector } from './mistranslation.js';
import { UntranslatedDetector } from './untranslated.js';

/** Every detector mtdiff runs by default, in no particular order (the ranking step orders flags). */
export function defaultDetectors(): Detector[] {
  return [new UntranslatedDetector(), new MistranslationDetector()];
}
