/** Closed classes of English that carry grammar, not the sense a mistranslation swaps. */

/** Auxiliaries and negation carry grammar, not the sense a mistranslation swaps (a closed class of English). */
export const AUXILIARY = /^(be|is|are|was|were|been|being|am|have|has|had|having|do|does|did|done|will|would|shall|should|can|could|may|might|must|not|get|got)$/;
/** Quantifiers and other closed-class words the tagger calls adjectives or adverbs. */
export const CLOSED = /^(few|many|much|several|more|most|less|least|other|such|own|same|all|some|any|each|every|only|also|just|very|too|then|now|here|there|again|still|even|ever|never|not|so|as|well)$/;
