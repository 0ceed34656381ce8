import type { I18nText, Lang } from '../i18n/lang';
import type { ConclusionFields } from '../review-model';

/**
 * What a conclusion cannot be issued without. The rule, as documented in docs/conclusion.md, "Required fields":
 * - the addressee committee (a conclusion is a letter to a committee of the Jogorku Kenesh);
 * - the outgoing number and its date (the letter's registration at the Alliance);
 * - the draft's title (it is in the conclusion's title);
 * - the verdict;
 * - recommendations, when the verdict refers to them ("complies subject to…" or "does not comply");
 * - at least one signatory with a name.
 * Everything else may be empty: the section is then left out, or shows "not specified".
 */
export const REQUIRED_FIELDS = [
  'addressee.committee',
  'outgoingNumber',
  'outgoingDate',
  'draftTitle',
  'verdict',
  'recommendations',
  'signatories',
] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

export const REQUIRED_FIELD_LABELS: Readonly<Record<RequiredField, I18nText>> = {
  'addressee.committee': { ru: 'комитет-адресат', ky: 'кайрылуучу комитет', en: 'addressee committee' },
  outgoingNumber: { ru: 'исходящий номер', ky: 'чыгуучу номер', en: 'outgoing number' },
  outgoingDate: { ru: 'дата исходящего', ky: 'чыгуучу каттын күнү', en: 'outgoing date' },
  draftTitle: { ru: 'наименование проекта', ky: 'долбоордун аталышы', en: 'title of the draft' },
  verdict: { ru: 'вывод', ky: 'жыйынтык', en: 'verdict' },
  recommendations: { ru: 'рекомендации', ky: 'сунуштамалар', en: 'recommendations' },
  signatories: { ru: 'подписант (хотя бы один)', ky: 'кол коюучу (жок дегенде бирөө)', en: 'signatory (at least one)' },
};

function filled(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The required fields that are empty, in the order of REQUIRED_FIELDS; [] when the conclusion may go out. */
export function validateConclusion(fields: Partial<ConclusionFields>): RequiredField[] {
  const missing: RequiredField[] = [];
  if (!filled(fields.addressee?.committee)) missing.push('addressee.committee');
  if (!filled(fields.outgoingNumber)) missing.push('outgoingNumber');
  if (!filled(fields.outgoingDate)) missing.push('outgoingDate');
  if (!filled(fields.draftTitle)) missing.push('draftTitle');
  if (!fields.verdict) missing.push('verdict');
  if ((fields.verdict === 'complies_with_recommendations' || fields.verdict === 'does_not_comply') && !filled(fields.recommendations))
    missing.push('recommendations');
  if (!(fields.signatories ?? []).some((s) => filled(s?.name))) missing.push('signatories');
  return missing;
}

export function missingFieldLabels(missing: readonly RequiredField[], lang: Lang): string[] {
  return missing.map((field) => REQUIRED_FIELD_LABELS[field][lang]);
}
