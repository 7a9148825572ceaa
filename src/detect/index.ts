import { CapitalisationDetector } from './capitalisation.js';
import { CompoundDetector } from './compound.js';
import { CoverageDetector } from './coverage.js';
import { NotationDetector } from './notation.js';
import { DuplicationDetector } from './duplication.js';
import { EntityDetector } from './entities.js';
import { FormDetector } from './form.js';
import { GenderDetector } from './gender.js';
import { PronounCaseDetector } from './pronoun-case.js';
import { AntonymDetector } from './antonym.js';
import { OmissionDetector } from './omission.js';
import { OrderDetector } from './order.js';
import { SpellingDetector } from './spelling.js';
import { TenseDetector } from './tense.js';
import { GlossaryDetector } from './glossary.js';
import { GrammarDetector } from './grammar.js';
import { HoleDetector } from './hole.js';
import { HyphenationDetector } from './hyphenation.js';
import { MistranslationDetector } from './mistranslation.js';
import { NumberDetector } from './numbers.js';
import { PolarityDetector } from './polarity.js';
import { QuoteDetector } from './quotes.js';
import { RegionDetector } from './regions.js';
import { SubstitutionDetector } from './substitution.js';
import { TitleDetector } from './titles.js';
import type { Detector } from './types.js';
import { TypographyDetector } from './typography.js';
import { UnmatchedDetector } from './unmatched.js';
import { UntranslatedDetector } from './untranslated.js';

/** Every detector mtdiff runs by default, in no particular order (the ranking step orders flags). */
export function defaultDetectors(): Detector[] {
  return [
    new UntranslatedDetector(),
    new MistranslationDetector(),
    new SubstitutionDetector(),
    new PolarityDetector(),
    new QuoteDetector(),
    new CompoundDetector(),
    new TitleDetector(),
    new NumberDetector(),
    new NotationDetector(),
    new EntityDetector(),
    new RegionDetector(),
    new DuplicationDetector(),
    new HyphenationDetector(),
    new TypographyDetector(),
    new CapitalisationDetector(),
    new GrammarDetector(),
    new HoleDetector(),
    new CoverageDetector(),
    new UnmatchedDetector(),
    new GlossaryDetector(),
    new FormDetector(),
    new GenderDetector(),
    new PronounCaseDetector(),
    new SpellingDetector(),
    new TenseDetector(),
    new OmissionDetector(),
    new AntonymDetector(),
    new OrderDetector(),
  ];
}
