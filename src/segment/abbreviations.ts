// Lower-case forms without the final dot. The lists are general English (news) usage,
// deliberately not tuned to any particular article.

/** Precede a name or an example; practically never the last word of a sentence. */
export const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mmes', 'mme', 'mlle', 'dr', 'drs', 'prof', 'profs',
  'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'pres', 'amb', 'atty', 'supt', 'hon', 'rev',
  'fr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'brig',
  'det', 'insp', 'lieut', 'vs', 'cf', 'viz', 'e.g', 'i.e',
]);

/** Precede a number ("No. 10", "pp. 3-5"); only then are they not sentence-final. */
export const BEFORE_NUMBER = new Set([
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'art', 'arts', 'fig', 'figs', 'ch', 'sec', 'para', 'op',
]);

/** Can end a sentence as well as sit inside one ("Jan.", "Inc.", "St.", "a.m."). */
export const AMBIGUOUS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'corp', 'co', 'cos', 'ltd', 'plc', 'bros', 'jr', 'sr', 'etc', 'al', 'approx', 'est',
  'dept', 'univ', 'assn', 'govt', 'intl', 'natl', 'st', 'ste', 'mt', 'ft', 'ave', 'blvd',
  'rd', 'hwy', 'sq', 'ph.d', 'mph', 'km', 'cm', 'mm', 'kg', 'lb', 'lbs', 'oz', 'min', 'max',
]);

/**
 * Words that typically open an English sentence. After an ambiguous abbreviation or an
 * ellipsis, a capitalised word from this list is taken as a new sentence; any other
 * capitalised word ("U.S. Deputy Secretary", "J. Smith") as a continuation. "May" and "Will"
 * are left out: after "U.S." or an initial they are more often a month or a name.
 */
export const SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here',
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'my', 'your', 'his', 'her', 'its', 'our', 'their',
  'and', 'but', 'or', 'so', 'yet', 'nor', 'for', 'if', 'when', 'while', 'after', 'before',
  'as', 'since', 'because', 'although', 'though', 'unless', 'until', 'once',
  'in', 'on', 'at', 'by', 'from', 'to', 'of', 'with', 'without', 'under', 'over', 'about',
  'during', 'despite', 'according', 'among', 'amid',
  'however', 'meanwhile', 'still', 'also', 'then', 'now', 'today', 'yesterday', 'tomorrow',
  'earlier', 'later', 'last', 'next', 'instead', 'indeed', 'moreover', 'furthermore',
  'some', 'many', 'most', 'all', 'both', 'each', 'every', 'no', 'not', 'none', 'one', 'other',
  'such', 'what', 'why', 'how', 'who', 'where', 'which', 'whether', 'is', 'are', 'was', 'were',
  'do', 'does', 'did', 'can', 'could', 'would', 'should', 'might', 'must',
]);
