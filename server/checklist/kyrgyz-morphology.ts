import type { Morphology } from '../../shared/checklist/morphology';
import { normalizeWord } from '../../shared/checklist/normalize';
import { CONSONANT_ARCHIPHONEMES, HARMONY, KYRGYZ_SUFFIX_SLOTS, type SuffixTemplate } from './kyrgyz-suffixes';

interface Suffix {
  text: string;
  /** The vowel a stem's last vowel must be for this realisation; null for an ending without a vowel. */
  after: ReadonlySet<string> | null;
  rule: SuffixTemplate;
}

const VOWELS = new Set(Object.keys(HARMONY.A));
const MIN_STEM = 2;

/**
 * Expands the templates into concrete endings, one slot at a time, longest first. Each ending
 * remembers which preceding vowels produce it, so «аял-га» is accepted and «аял-ге» is not.
 */
function expandSlots(): Suffix[][] {
  return KYRGYZ_SUFFIX_SLOTS.map(({ suffixes }) => {
    const byText = new Map<string, { after: Set<string> | null; rule: SuffixTemplate }>();
    for (const rule of suffixes) {
      const harmonic = /[AI]/.test(rule.template);
      for (const preceding of harmonic ? [...VOWELS] : ['']) {
        let variants = [''];
        let vowel = preceding;
        for (const ch of rule.template) {
          if (ch === 'A' || ch === 'I') {
            vowel = HARMONY[ch][vowel]!;
            variants = variants.map((v) => v + vowel);
          } else {
            const options = (CONSONANT_ARCHIPHONEMES[ch] ?? ch).split('');
            variants = variants.flatMap((v) => options.map((o) => v + o));
          }
        }
        for (const text of variants) {
          const key = `${text}|${rule.template}`;
          const entry = byText.get(key) ?? { after: harmonic ? new Set<string>() : null, rule };
          entry.after?.add(preceding);
          byText.set(key, entry);
        }
      }
    }
    return [...byText.entries()]
      .map(([key, { after, rule }]) => ({ text: key.slice(0, key.indexOf('|')), after, rule }))
      .sort((a, b) => b.text.length - a.text.length);
  });
}

function lastVowel(stem: string): string | undefined {
  for (let i = stem.length - 1; i >= 0; i--) if (VOWELS.has(stem[i]!)) return stem[i];
  return undefined;
}

/** Final к and п voice to г and б before a vowel (эмгек → эмгеги, китеп → китеби): undo it. */
const DEVOICED: Readonly<Record<string, string>> = { г: 'к', б: 'п' };

function withHardFinal(stem: string, suffix: string): string[] {
  const hard = DEVOICED[stem[stem.length - 1]!];
  return hard && VOWELS.has(suffix[0]!) ? [stem, stem.slice(0, -1) + hard] : [stem];
}

/**
 * Kyrgyz "morphology" for the engine: the stems a word can have once inflectional endings are
 * stripped (аялдардын → аялдар, аял; энелерине → энелери, энелер, эне). Kyrgyz has no grammatical
 * gender, so its checks are lexical and a stem is all a detector needs.
 */
export class KyrgyzMorphology implements Morphology {
  private readonly slots = expandSlots();

  lemmas(word: string): string[] {
    const stems = new Set<string>();
    this.strip(normalizeWord(word), 0, stems);
    return [...stems].sort((a, b) => b.length - a.length);
  }

  private strip(word: string, slot: number, stems: Set<string>): void {
    if (slot >= this.slots.length) return;
    this.strip(word, slot + 1, stems);
    for (const suffix of this.slots[slot]!) {
      if (!word.endsWith(suffix.text)) continue;
      const stem = word.slice(0, word.length - suffix.text.length);
      const vowel = lastVowel(stem);
      if (stem.length < MIN_STEM || vowel === undefined) continue;
      if (suffix.after && !suffix.after.has(vowel)) continue;
      const final = stem[stem.length - 1]!;
      if (suffix.rule.afterVowel && !VOWELS.has(final)) continue;
      if (suffix.rule.afterPossessive3 && !'ыиуү'.includes(final)) continue;
      for (const variant of withHardFinal(stem, suffix.text)) {
        stems.add(variant);
        this.strip(variant, slot + 1, stems);
      }
    }
  }
}
