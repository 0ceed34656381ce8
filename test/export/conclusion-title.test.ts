import { describe, expect, it } from 'vitest';
import { ACT_KINDS, type ActKind } from '../../shared/clause';
import { buildConclusion } from '../../shared/conclusion/build';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { packConclusion } from '../../server/export/conclusion-docx';
import { expectWellFormedPackage } from './expect-docx';
import { expectAllOpenInLibreOffice, type DocxToCheck } from './libreoffice-batch';
import { paragraphTexts } from './fixtures';
import { familyCodeTree, letterReview } from './letter-fixtures';

/**
 * The title names the draft by its kind of act, with its own title's quotation marks balanced and
 * nested one level down («…„…“…», “…‘…’…”), whatever marks the import or the secretary left in it —
 * straight quotes, outer quotes typed around it, one mark left unclosed.
 */
const TITLES: Readonly<Record<ActKind, string>> = {
  code: 'СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  law: 'О государственных пособиях "семьям с детьми"',
  amendment_law: 'О внесении изменений в Закон Кыргызской Республики «О государственных пособиях семьям с детьми»',
  constitutional_law: '«О Кабинете Министров Кыргызской Республики»',
  decree: 'О мерах по реализации Закона «О государственных гарантиях равных прав»',
  resolution: 'Об утверждении Положения "О порядке проведения гендерной экспертизы',
  other: '“Жергиликтүү кеңештердин депутаттарын шайлоо жөнүндө” Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө”',
};

const PAIRS: Readonly<Record<Lang, ReadonlyArray<[string, string]>>> = {
  ru: [['«', '»'], ['„', '“']],
  ky: [['«', '»'], ['„', '“']],
  en: [['“', '”'], ['‘', '’']],
};

/** Every mark closes what it opened, the outer pair outside, the inner pair inside it; no straight quote. */
function expectBalanced(title: string, lang: Lang): void {
  expect(title, title).not.toMatch(/["']/);
  const stack: number[] = [];
  for (const ch of title) {
    const level = PAIRS[lang].findIndex(([open]) => open === ch);
    const closing = PAIRS[lang].findIndex(([, close]) => close === ch);
    if (level >= 0 && !(closing >= 0 && stack.at(-1) === closing)) {
      expect(level, `${title}: ${ch} opens at the wrong depth`).toBe(stack.length % 2);
      stack.push(level);
    } else if (closing >= 0) {
      expect(stack.pop(), `${title}: ${ch} closes nothing`).toBe(closing);
    } else expect(/[«»„“”‘’]/.test(ch), `${title}: ${ch} belongs to no pair of ${lang}`).toBe(false);
  }
  expect(stack, title).toEqual([]);
}

const EXPECTED: Partial<Record<`${ActKind}-${Lang}`, string>> = {
  'code-ru': 'Заключение по результатам гендерной экспертизы проекта Семейного кодекса Кыргызской Республики',
  'code-ky': 'Кыргыз Республикасынын Үй-бүлө кодексинин долбооруна гендердик экспертизанын корутундусу',
  'code-en': 'Conclusion on the results of the gender expertise of the draft Family Code of the Kyrgyz Republic',
  'law-ru': 'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О государственных пособиях „семьям с детьми“»',
  'amendment_law-ru':
    'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О внесении изменений в Закон Кыргызской Республики „О государственных пособиях семьям с детьми“»',
  'amendment_law-en':
    'Conclusion on the results of the gender expertise of the draft Law of the Kyrgyz Republic “О внесении изменений в Закон Кыргызской Республики ‘О государственных пособиях семьям с детьми’”',
  'constitutional_law-ru': 'Заключение по результатам гендерной экспертизы проекта конституционного Закона Кыргызской Республики «О Кабинете Министров Кыргызской Республики»',
  'decree-ky': 'Кыргыз Республикасынын Президентинин «О мерах по реализации Закона „О государственных гарантиях равных прав“» Жарлыгынын долбооруна гендердик экспертизанын корутундусу',
  'resolution-ru': 'Заключение по результатам гендерной экспертизы проекта постановления «Об утверждении Положения О порядке проведения гендерной экспертизы»',
  'other-ky':
    '«„Жергиликтүү кеңештердин депутаттарын шайлоо жөнүндө“ Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө» ченемдик укуктук актысынын долбооруна гендердик экспертизанын корутундусу',
};

describe('the conclusion’s title', () => {
  it('names every kind of act in every language with its quotation marks balanced, in the DOCX and as LibreOffice prints it', async () => {
    const files: DocxToCheck[] = [];
    for (const kind of ACT_KINDS)
      for (const lang of LANGS) {
        const model = letterReview();
        const doc = buildConclusion(model, familyCodeTree(kind, TITLES[kind]), { lang });
        expectBalanced(doc.title, lang);
        expectBalanced(doc.annex!.title, lang);
        const expected = EXPECTED[`${kind}-${lang}`];
        if (expected) expect(doc.title).toBe(expected);
        const docx = await packConclusion(doc);
        const xml = expectWellFormedPackage(docx)['word/document.xml']!;
        expect(paragraphTexts(xml)).toContain(doc.title);
        files.push({ name: `title-${kind}-${lang}`, docx, phrases: [doc.title] });
      }
    await expectAllOpenInLibreOffice(files);
  }, 240_000);
});
