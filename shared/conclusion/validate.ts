import type { ClauseTree } from '../clause';
import { format, LANGS, type I18nText, type Lang } from '../i18n/lang';
import type { ConclusionFields, ReviewModel } from '../review-model';
import { clauseReferences } from './clause-ref';
import { confirmedFindings } from './confirmed';
import { checkDate } from './dates';
import { effectiveFields } from './fields';
import { reasoningOf } from './reasoning';
import { cleanLine } from './sanitize';
import { PROBLEM_LABELS, TABLE_TEXTS } from './strings';

/**
 * What a conclusion cannot be issued without. The rule, as documented in docs/conclusion.md, "Required fields":
 * - the addressee committee (a conclusion is a letter to a committee of the Jogorku Kenesh);
 * - the outgoing number and its date (the letter's registration at the Alliance);
 * - the draft's title (it is in the conclusion's title);
 * - the verdict;
 * - recommendations, when the verdict refers to them ("complies subject to…" or "does not comply");
 * - at least one signatory with a name.
 * Everything else may be empty: the section is then left out, or shows "not specified".
 * conclusionProblems adds what makes a filled conclusion still unfit to go out (dates that do not
 * exist, findings without reasoning, a verdict of compliance with nothing assessed).
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

/** The required fields that are empty, in the order of REQUIRED_FIELDS; [] when they are all filled. */
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

/**
 * One thing that keeps the conclusion from going out, named in every language. `field` is what the
 * form can point at: a required field's name, `<field>:date` for a date that is not a real date,
 * `reasoning:<findingId>` for a confirmed finding without reasoning, `assessment` for a verdict of
 * compliance with nothing assessed.
 */
export interface Problem {
  field: string;
  label: I18nText;
  /** For a finding without reasoning: its unit alone, which the 422 lists. */
  unit?: I18nText;
}

const inEveryLang = (make: (lang: Lang) => string): I18nText => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as unknown as I18nText;

/** Letter dates must be dates; the period may be words, but a date it writes must exist. */
function dateProblems(fields: Partial<ConclusionFields>): Problem[] {
  const dates: Array<{ field: string; value: string | undefined; label: I18nText; words: boolean }> = [
    { field: 'outgoingDate', value: fields.outgoingDate, label: REQUIRED_FIELD_LABELS.outgoingDate, words: false },
    { field: 'requestLetter.date', value: fields.requestLetter?.date, label: PROBLEM_LABELS.requestDate, words: false },
    { field: 'periodFrom', value: fields.periodFrom, label: PROBLEM_LABELS.periodFrom, words: true },
    { field: 'periodTo', value: fields.periodTo, label: PROBLEM_LABELS.periodTo, words: true },
  ];
  return dates.flatMap(({ field, value, label, words }) => {
    const check = checkDate(value);
    if (check === 'impossible' || (check === 'not-a-date' && !words))
      return [{ field: `${field}:date`, label: inEveryLang((lang) => format(PROBLEM_LABELS.badDate[lang], { field: label[lang], value: cleanLine(value) })) }];
    return [];
  });
}

/**
 * Everything that keeps the conclusion from going out, in order: the empty required fields, dates that
 * do not exist, then each confirmed finding nobody gave reasoning for (named by its unit, «Статья 14,
 * часть 2: обоснование» — the engine's question is never reasoning), then a verdict of compliance
 * when nothing was assessed (no confirmed finding, no expert's answer, no text of the secretary's on
 * any criterion): the conclusion must say the draft was reviewed before it says it complies.
 */
export function conclusionProblems(model: ReviewModel, tree: ClauseTree): Problem[] {
  const fields = effectiveFields(model.conclusion, tree);
  const problems: Problem[] = validateConclusion(fields).map((field) => ({ field, label: REQUIRED_FIELD_LABELS[field] }));
  problems.push(...dateProblems(fields));

  const confirmed = confirmedFindings(model.findings, tree);
  const refs = Object.fromEntries(LANGS.map((lang) => [lang, clauseReferences(tree, lang)])) as Record<Lang, ReturnType<typeof clauseReferences>>;
  for (const { finding, clause } of confirmed) {
    if (reasoningOf(finding)) continue;
    const unit = (lang: Lang) =>
      clause ? refs[lang](clause) : cleanLine(finding.quote.exact) ? format(TABLE_TEXTS.unknownClause[lang], { quote: cleanLine(finding.quote.exact) }) : TABLE_TEXTS.unknownClauseNoQuote[lang];
    problems.push({
      field: `reasoning:${finding.id}`,
      label: inEveryLang((lang) => format(PROBLEM_LABELS.reasoning[lang], { clause: unit(lang) })),
      unit: inEveryLang(unit),
    });
  }

  const wrote = Object.values(fields.criteriaAnalysis ?? {}).some((text) => filled(text));
  if (fields.verdict === 'complies' && confirmed.length === 0 && model.answers.length === 0 && !wrote)
    problems.push({ field: 'assessment', label: PROBLEM_LABELS.assessment });
  return problems;
}

/**
 * The problems as the 422 names them in one language: fields first, separated by commas, then the
 * findings without reasoning after a semicolon (their units hold commas themselves).
 */
export function problemsText(problems: readonly Problem[], lang: Lang): string {
  const units = problems.flatMap((p) => (p.unit ? [p.unit[lang]] : []));
  const others = problems.filter((p) => !p.unit).map((p) => p.label[lang]);
  const parts = others.length ? [others.join(', ')] : [];
  if (units.length) parts.push(format(PROBLEM_LABELS.reasoningGroup[lang], { clauses: units.join('; ') }));
  return parts.join('; ');
}
