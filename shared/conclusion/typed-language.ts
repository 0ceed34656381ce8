import type { ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { ReviewModel } from '../review-model';
import { criterionName } from './analysis';
import { clauseReferences } from './clause-ref';
import { confirmedFindings } from './confirmed';
import type { ConclusionCriterion } from './criteria';
import { effectiveFields } from './fields';
import { reasoningOf } from './reasoning';
import { cleanLine } from './sanitize';
import { FIELD_LABELS, LANGUAGE_NOTES, SECTION_TITLES } from './strings';

/**
 * Which typed texts are in another language than the export: a Kyrgyz conclusion whose summary was
 * typed in Russian goes out half in Russian, and the secretary should know before she sends it. The
 * check is simple and says so — a script and word count, not a language model:
 * - Kyrgyz: Cyrillic with the letters ө, ү, ң or Kyrgyz function words (жана, менен, үчүн, боюнча…);
 * - Russian: Cyrillic without them, with Russian function words (и, в, на, не, что, для…) or endings
 *   Kyrgyz words do not have (-ого, -ение, -ость, -ный…);
 * - English: Latin letters with English function words (the, and, of…).
 * A text too short to tell (a name, a number) is left alone; so are the draft's title and the
 * proposed wordings, which are in the draft's language by nature, and people's names.
 */

const KY_WORDS = new Set(['жана', 'менен', 'үчүн', 'боюнча', 'жөнүндө', 'болуп', 'тарабынан', 'ушул', 'бул', 'же', 'деп', 'дагы', 'керек', 'эмес', 'болгон', 'жок', 'бар', 'анын', 'алардын']);
const RU_WORDS = new Set(['и', 'в', 'во', 'на', 'не', 'что', 'по', 'для', 'с', 'со', 'о', 'об', 'от', 'к', 'из', 'при', 'или', 'также', 'как', 'это', 'который', 'которая', 'которые', 'а', 'но', 'если', 'то', 'только', 'же', 'бы', 'его', 'её', 'их', 'до', 'без', 'под', 'за']);
const RU_ENDINGS = /(?:ого|ому|ыми|ость|ости|ение|ения|ании|ание|ания|ться|ется|ются|ный|ная|ное|ные|ных|ной|ским|ская|ское|ские|ской)$/;
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'are', 'for', 'with', 'on', 'by', 'not', 'that', 'this', 'be', 'should', 'from']);

/** The language a typed text is in, as far as the simple check can tell; null when it cannot. */
export function guessLanguage(text: string): Lang | null {
  const words = text.toLocaleLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? [];
  if (words.length === 0) return null;
  let ky = 0;
  let ru = 0;
  let en = 0;
  let cyrillic = 0;
  let latin = 0;
  for (const word of words) {
    if (/[а-яёөүң]/.test(word)) cyrillic++;
    else if (/[a-z]/.test(word)) latin++;
    if (/[өүң]/.test(word) || KY_WORDS.has(word)) ky++;
    else if (RU_WORDS.has(word) || (word.length > 4 && RU_ENDINGS.test(word))) ru++;
    if (EN_WORDS.has(word)) en++;
  }
  if (latin > cyrillic) return en > 0 ? 'en' : null;
  if (ky > 0 && ky >= ru) return 'ky';
  if (ru > 0) return 'ru';
  return null;
}

/** Whether a text typed for a `lang` export reads as another language. */
function foreign(text: string, lang: Lang): Lang | null {
  const guessed = guessLanguage(text);
  if (guessed === null || guessed === lang) return null;
  // An English export carries Russian or Kyrgyz text; a Russian or Kyrgyz one, text in the other or in English.
  return guessed;
}

const TYPED_IN = { ru: LANGUAGE_NOTES.typedInRu, ky: LANGUAGE_NOTES.typedInKy, en: LANGUAGE_NOTES.typedInEn } as const;

export interface OtherLanguageText {
  /** The field as the form knows it: "summary", "criteriaAnalysis.C2", "reasoning:<findingId>" … */
  field: string;
  /** «Краткое содержание проекта — набрано на русском языке», in the export's language. */
  label: string;
  typedIn: Lang;
}

/** The typed texts of the conclusion that read as another language than `lang`, in the document's order. */
export function typedInOtherLanguage(model: ReviewModel, tree: ClauseTree, criteria: readonly ConclusionCriterion[] | undefined, lang: Lang): OtherLanguageText[] {
  const fields = effectiveFields(model.conclusion, tree);
  const texts: Array<{ field: string; name: string; text: string | undefined }> = [
    { field: 'addressee.committee', name: LANGUAGE_NOTES.committee[lang], text: fields.addressee?.committee },
    { field: 'addressee.chair', name: LANGUAGE_NOTES.chair[lang], text: fields.addressee?.chair },
    { field: 'initiator', name: FIELD_LABELS.initiator[lang], text: fields.initiator },
    { field: 'reading', name: FIELD_LABELS.reading[lang], text: fields.reading },
    { field: 'basis', name: FIELD_LABELS.basis[lang], text: fields.basis },
    { field: 'summary', name: SECTION_TITLES.summary[lang], text: fields.summary },
    { field: 'genderRelevance', name: SECTION_TITLES.relevance[lang], text: fields.genderRelevance },
    ...Object.entries(fields.criteriaAnalysis ?? {}).map(([id, text]) => ({
      field: `criteriaAnalysis.${id}`,
      name: format(LANGUAGE_NOTES.analysis[lang], { criterion: criterionName(id, criteria ?? [], lang) }),
      text,
    })),
    { field: 'recommendations', name: SECTION_TITLES.recommendations[lang], text: fields.recommendations },
    ...(fields.signatories ?? []).map((s, i) => ({ field: `signatories.${i}.position`, name: LANGUAGE_NOTES.position[lang], text: s.position })),
    ...(fields.annexes ?? []).map((text, i) => ({ field: `annexes.${i}`, name: LANGUAGE_NOTES.annex[lang], text })),
  ];
  const ref = clauseReferences(tree, lang);
  for (const { finding, clause } of confirmedFindings(model.findings, tree)) {
    const unit = clause ? ref(clause) : cleanLine(finding.quote.exact);
    texts.push({ field: `reasoning:${finding.id}`, name: format(LANGUAGE_NOTES.reasoning[lang], { clause: unit }), text: reasoningOf(finding) });
  }
  return texts.flatMap(({ field, name, text }) => {
    const typedIn = text ? foreign(text, lang) : null;
    return typedIn ? [{ field, label: format(TYPED_IN[typedIn][lang], { field: name }), typedIn }] : [];
  });
}
