import type { I18nText } from '../i18n/lang';
import type { LegalBasis } from '../review-model';

/**
 * A criterion as the conclusion needs it. The checklist's criteria (checklists/*.yml, CriterionData)
 * fit this shape once their legal-basis source ids are resolved to titles; the caller passes them in
 * `buildConclusion(…, {criteria})`, and the fallback table below covers what it does not pass.
 */
export interface ConclusionCriterion {
  id: string;
  title: I18nText;
  legalBasis?: LegalBasis[];
}

/**
 * The consolidated C1–C17 (docs/checklists.md, "The criteria"). RU titles are from the notes; KY titles there are
 * suggested translations (NATIVE CHECK PENDING), and C16/C17 had none, so theirs are ours.
 */
export const FALLBACK_CRITERIA: readonly ConclusionCriterion[] = [
  crit('C1', 'Соответствие Конституции и международным обязательствам', 'Конституцияга жана эл аралык милдеттенмелерге шайкештик', 'Conformity with the Constitution and international obligations'),
  crit('C2', 'Прямая дискриминация', 'Түз басмырлоо', 'Direct discrimination'),
  crit('C3', 'Косвенная дискриминация', 'Кыйыр басмырлоо', 'Indirect discrimination'),
  crit('C4', 'Гендерная значимость и целевые группы', 'Гендердик маанилүүлүк жана максаттуу топтор', 'Gender relevance and target groups'),
  crit('C5', 'Доступ к ресурсам и контроль над ними', 'Ресурстарга жетүү жана аларды көзөмөлдөө', 'Access to and control over resources'),
  crit('C6', 'Участие и представленность', 'Катышуу жана өкүлчүлүк', 'Participation and representation'),
  crit('C7', 'Временные специальные меры (квоты)', 'Убактылуу атайын чаралар (квоталар)', 'Temporary special measures (quotas)'),
  crit('C8', 'Стереотипы и семейные роли', 'Гендердик стереотиптер жана үй-бүлөлүк ролдор', 'Stereotypes and family roles'),
  crit('C9', 'Защитные (ограничительные) нормы', 'Коргоочу (чектөөчү) ченемдер', 'Protective (restrictive) provisions'),
  crit('C10', 'Гендерно-чувствительный язык', 'Гендердик сезимтал тил', 'Gender-sensitive language'),
  crit('C11', 'Гендерное насилие', 'Гендердик зомбулук', 'Gender-based violence'),
  crit('C12', 'Данные в разбивке по полу', 'Жынысы боюнча бөлүштүрүлгөн маалымат', 'Sex-disaggregated data'),
  crit('C13', 'Реализация, бюджет, индикаторы', 'Ишке ашыруу, бюджет, индикаторлор', 'Implementation, budget, indicators'),
  crit('C14', 'Пересекающаяся дискриминация и уязвимые группы', 'Кесилишкен басмырлоо жана аялуу топтор', 'Intersecting discrimination and vulnerable groups'),
  crit('C15', 'Прогноз последствий', 'Кесепеттерди болжолдоо', 'Forecast of consequences'),
  crit('C16', 'Доступ к правосудию и услугам', 'Сот адилеттигине жана кызматтарга жетүү', 'Access to justice and services'),
  crit('C17', 'Участие женщин в разработке', 'Аялдардын долбоорду иштеп чыгууга катышуусу', "Women's participation in drafting"),
];

function crit(id: string, ru: string, ky: string, en: string): ConclusionCriterion {
  return { id, title: { ru, ky, en } };
}

/**
 * The criterion a finding's or answer's id belongs to. Checklist ids may be finer than the criterion
 * ("C9.night-work", "c9-protective"), so: exact id, then the longest given id it extends, then the
 * C-number it starts with in the fallback table. Null when nothing is known (the raw id is shown).
 */
export function resolveCriterion(id: string, given: readonly ConclusionCriterion[]): ConclusionCriterion | null {
  const exact = given.find((c) => c.id === id);
  if (exact) return exact;
  let best: ConclusionCriterion | null = null;
  for (const c of given) {
    if (id.length > c.id.length && id.startsWith(c.id) && /[.\-_:/]/.test(id[c.id.length]!)) {
      if (!best || c.id.length > best.id.length) best = c;
    }
  }
  if (best) return best;
  const number = /^c(\d{1,2})(?![\dA-Za-z])/i.exec(id)?.[1];
  if (number === undefined) return null;
  const key = `C${Number(number)}`;
  return given.find((c) => c.id.toUpperCase() === key) ?? FALLBACK_CRITERIA.find((c) => c.id === key) ?? null;
}

/** The criteria to list in the analysis, in order: the given ones, else C1–C17. */
export function criteriaInOrder(given: readonly ConclusionCriterion[] | undefined): readonly ConclusionCriterion[] {
  return given && given.length > 0 ? given : FALLBACK_CRITERIA;
}
