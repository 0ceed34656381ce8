import type { Morphology } from './morphology';
import { normalizeWord } from './normalize';
import type { Token } from './tokenize';

/**
 * The words one language's detectors look for, compiled into lookup tables. Each distinct word test
 * gets a key; a lemma test's key is its lemma set, so «женщина» in two detectors and in a pair shares
 * one key. Scanning a clause turns each token into the keys it satisfies, with no search over terms.
 */
export class Lexicon {
  /** Normalised form → keys of lemma tests (morphologies with forms()). */
  private readonly byForm = new Map<string, string[]>();
  /** Stem → keys of lemma tests (morphologies without forms(): the Kyrgyz stemmer). */
  private readonly byStem = new Map<string, string[]>();
  /** Exact normalised form → keys of form tests. */
  private readonly byExact = new Map<string, string[]>();
  private readonly prefixes: Array<{ prefix: string; key: string }> = [];
  /** Key → the lemma reported in a finding's `matched`. */
  private readonly display = new Map<string, string>();
  /** Word → stems, memoised across scans; bounded so a long-running server cannot grow without end. */
  private readonly stemMemo = new Map<string, string[]>();
  private static readonly STEM_MEMO_LIMIT = 200_000;

  constructor(readonly morphology: Morphology | undefined) {}

  /** Registers a lemma test; returns its key, or null when the morphology does not know the word. */
  addLemma(word: string): string | null {
    const morph = this.morphology;
    if (morph?.forms) {
      const lemmas = morph.isLemma?.(word) ? [word] : unique(morph.lemmas(word).map(normalizeWord));
      const forms = new Set<string>();
      for (const lemma of lemmas) for (const form of morph.forms(lemma)) forms.add(normalizeWord(form));
      if (forms.size === 0) return null;
      const key = 'l:' + [...lemmas].sort().join('|');
      if (!this.display.has(key)) {
        this.display.set(key, lemmas[0] ?? word);
        for (const form of forms) push(this.byForm, form, key);
      }
      return key;
    }
    const key = 'l:' + word;
    if (!this.display.has(key)) {
      this.display.set(key, word);
      push(this.byStem, word, key);
    }
    return key;
  }

  addForm(word: string): string {
    const key = 'f:' + word;
    if (!this.display.has(key)) {
      this.display.set(key, word);
      push(this.byExact, word, key);
    }
    return key;
  }

  addPrefix(prefix: string): string {
    const key = 'p:' + prefix;
    if (!this.display.has(key)) {
      this.display.set(key, prefix + '…');
      this.prefixes.push({ prefix, key });
    }
    return key;
  }

  lemmaOf(key: string): string {
    return this.display.get(key) ?? key;
  }

  /** The keys each token satisfies (an empty array for most tokens). */
  keysOf(tokens: readonly Token[]): string[][] {
    const result: string[][] = new Array(tokens.length);
    const byForm = this.morphology?.forms ? this.byForm : null;
    const stems = !byForm && this.byStem.size > 0;
    const prefixes = this.prefixes;
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm;
      // Most tokens have keys from one source or none: that source's array is shared (never mutated),
      // only a token with several sources gets a merged copy.
      const exact = this.byExact.get(norm);
      let keys: string[] = exact ?? NO_KEYS;
      let merged = false;
      if (byForm) {
        const lemmaKeys = byForm.get(norm);
        if (lemmaKeys) {
          merged = keys.length > 0;
          keys = merged ? keys.concat(lemmaKeys) : lemmaKeys;
        }
      } else if (stems) {
        for (const stem of this.stemsOf(norm)) {
          const stemKeys = this.byStem.get(stem);
          if (stemKeys) {
            merged = merged || keys.length > 0;
            keys = keys.length > 0 ? keys.concat(stemKeys) : stemKeys;
          }
        }
      }
      for (let p = 0; p < prefixes.length; p++) {
        if (!norm.startsWith(prefixes[p]!.prefix)) continue;
        merged = merged || keys.length > 0;
        keys = keys.length > 0 ? keys.concat(prefixes[p]!.key) : [prefixes[p]!.key];
      }
      result[i] = merged ? unique(keys) : keys;
    }
    return result;
  }

  private stemsOf(norm: string): string[] {
    let stems = this.stemMemo.get(norm);
    if (!stems) {
      stems = unique([norm, ...(this.morphology?.lemmas(norm) ?? []).map(normalizeWord)]);
      if (this.stemMemo.size >= Lexicon.STEM_MEMO_LIMIT) this.stemMemo.clear();
      this.stemMemo.set(norm, stems);
    }
    return stems;
  }
}

const NO_KEYS: string[] = [];

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
