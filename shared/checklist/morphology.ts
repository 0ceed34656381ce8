/**
 * What the engine needs from a language's morphology. Injected, so shared/ stays free of Node APIs
 * and dictionaries: the server passes az for Russian and the suffix-table stemmer for Kyrgyz; tests
 * pass small tables.
 */
export interface Morphology {
  /**
   * The lemmas of every parse of a word (not only the most likely one: «матерей» is first parsed as
   * a verb). For Kyrgyz, the stems left after stripping inflectional suffixes, longest first.
   * Results are normalised with normalizeWord by the engine.
   */
  lemmas(word: string): string[];
  /**
   * Every form of a lemma known to the dictionary, the lemma included; empty when the lemma is
   * unknown. When present, the engine compiles each lemma term into a set of forms once and never
   * calls lemmas() while scanning (what makes the Criminal Code scan fast). When absent, the engine
   * calls lemmas() once per distinct word of the scanned text.
   */
  forms?(lemma: string): string[];
  /** True when `word` is itself a dictionary lemma (so a term written as a lemma is used as is). */
  isLemma?(word: string): boolean;
}

export type Morphologies = Readonly<Partial<Record<'ru' | 'ky', Morphology>>>;
