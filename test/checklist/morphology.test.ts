import { beforeAll, describe, expect, it } from 'vitest';
import type { Morphology } from '../../shared/checklist/morphology';
import { loadRussianMorphology } from '../../server/checklist/az-morphology';
import { KyrgyzMorphology } from '../../server/checklist/kyrgyz-morphology';

describe('Russian morphology (az)', () => {
  let az: Morphology;
  beforeAll(async () => {
    az = await loadRussianMorphology();
  });

  it('is loaded once: a second call returns the same instance', async () => {
    expect(await loadRussianMorphology()).toBe(az);
  });

  it('gives the lemmas of every parse, not only the most likely one', () => {
    // The top parse of «матерей» is the verb «матереть»; the noun «мать» must be among the lemmas.
    expect(az.lemmas('матерей')).toEqual(expect.arrayContaining(['мать', 'матереть']));
    expect(az.lemmas('детей')).toContain('ребенок');
    expect(az.lemmas('Запрещается')).toEqual(['запрещаться']);
  });

  it('lists every form of a lemma, with ё folded, including suppletive ones', () => {
    expect(az.forms!('ребёнок')).toEqual(expect.arrayContaining(['ребенка', 'дети', 'детьми']));
    expect(az.forms!('женщина')).toEqual(expect.arrayContaining(['женщин', 'женщинам', 'женщиной']));
    expect(az.forms!('иметь')).toContain('имеющей');
    expect(az.forms!('женшина')).toEqual([]);
  });

  it('tells lemmas from inflected forms', () => {
    expect(az.isLemma!('пол')).toBe(true);
    expect(az.isLemma!('детей')).toBe(false);
  });
});

describe('Kyrgyz suffix stripper', () => {
  const ky = new KyrgyzMorphology();
  const cases: Array<[string, string]> = [
    ['аялдар', 'аял'],
    ['аялдардын', 'аял'],
    ['аялга', 'аял'],
    ['аялдарга', 'аял'],
    ['аялы', 'аял'],
    ['энеси', 'эне'],
    ['энелерге', 'эне'],
    ['энесине', 'эне'],
    ['энелеринин', 'эне'],
    ['эркектерге', 'эркек'],
    ['кыздарды', 'кыз'],
    ['атасы', 'ата'],
    ['жубайлардын', 'жубай'],
    ['үйлөрдө', 'үй'],
    ['тоодо', 'тоо'],
    ['уулуна', 'уул'],
    ['жыныстагы', 'жыныс'],
    ['качууга', 'качуу'],
  ];
  it.each(cases)('%s → %s', (word, stem) => {
    expect(ky.lemmas(word)).toContain(stem);
  });

  it('does not strip derivational suffixes or break vowel harmony', () => {
    expect(ky.lemmas('аялуу')).not.toContain('аял'); // «vulnerable», not a form of «woman»
    expect(ky.lemmas('энелик')).not.toContain('эне'); // «motherhood»
    expect(ky.lemmas('кызмат')).not.toContain('кыз'); // «service»
    expect(ky.lemmas('аялге')).toEqual([]); // front-vowel ending after a back vowel
    expect(ky.lemmas('аял')).toEqual([]);
  });

  it('normalises case before stripping', () => {
    expect(ky.lemmas('АЯЛДАРДЫН')).toContain('аял');
  });
});

describe('Kyrgyz suffix stripper: consonant alternation', () => {
  const ky = new KyrgyzMorphology();
  it('restores a final к or п voiced before a vowel ending', () => {
    expect(ky.lemmas('эмгегин')).toContain('эмгек');
    expect(ky.lemmas('китеби')).toContain('китеп');
    expect(ky.lemmas('эмгекке')).toContain('эмгек');
  });
});
