import { createRequire } from 'node:module';
import path from 'node:path';
import type { Morphology } from '../../shared/checklist/morphology';
import { normalizeWord } from '../../shared/checklist/normalize';

const require = createRequire(import.meta.url);

/** The little of az's untyped API we use. */
interface AzParse {
  parser?: string;
  stutterCnt?: number;
  typosCnt?: number;
  formCnt?: number;
  word: string;
  normalize(): AzParse;
  inflect(formIdx: number): AzParse | false;
}
interface AzModule {
  Morph: ((word: string) => AzParse[]) & { init(dir: string, callback: (err: unknown) => void): void };
}

let loading: Promise<Morphology> | null = null;

/**
 * Russian morphology from az (OpenCorpora dictionaries, offline). Loaded once per process: az keeps
 * its dictionaries in module state, and init takes a callback, so the Promise is cached.
 */
export function loadRussianMorphology(): Promise<Morphology> {
  loading ??= new Promise<Morphology>((resolve, reject) => {
    const Az = require('az') as AzModule;
    const dicts = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
    Az.Morph.init(dicts, (err) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(new AzMorphology(Az));
    });
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

class AzMorphology implements Morphology {
  constructor(private readonly az: AzModule) {}

  lemmas(word: string): string[] {
    return [...new Set(this.parse(word).map((p) => normalizeWord(p.normalize().word)))];
  }

  isLemma(word: string): boolean {
    const norm = normalizeWord(word);
    return this.dictionaryParses(word).some((p) => normalizeWord(p.normalize().word) === norm);
  }

  forms(lemma: string): string[] {
    const norm = normalizeWord(lemma);
    const forms = new Set<string>();
    for (const parse of this.dictionaryParses(lemma)) {
      if (normalizeWord(parse.normalize().word) !== norm) continue;
      for (let i = 0; i < (parse.formCnt ?? 0); i++) {
        const form = parse.inflect(i);
        if (form) forms.add(normalizeWord(form.word));
      }
    }
    return [...forms];
  }

  private parse(word: string): AzParse[] {
    try {
      return this.az.Morph(word.toLowerCase());
    } catch {
      // az throws on some non-Cyrillic input; such a word simply has no parse.
      return [];
    }
  }

  /** Parses straight from the dictionary: not guessed from a suffix, no typo or stutter correction. */
  private dictionaryParses(word: string): AzParse[] {
    return this.parse(word).filter((p) => p.parser === 'Dictionary' && !p.stutterCnt && !p.typosCnt && p.formCnt);
  }
}
