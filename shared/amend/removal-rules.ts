import type { I18nText } from '../i18n/lang';

/**
 * What an amendment may take out of a law that is a finding of its own, whatever the words that remain say:
 * a protection (a guarantee, a prohibition that shields women, mothers, pregnant workers), a quota or
 * balance rule, a ground of discrimination. Data, one rule a line, matched on the words struck (removed and
 * repealed units, the words an instruction excludes or replaces). Patterns are word stems, lower case.
 */
export type RemovalKind = 'protection' | 'quota' | 'ground';

export interface RemovalRule {
  id: string;
  kind: RemovalKind;
  /** The checklist criterion the finding belongs to (checklists/kg-gender-expertise.yml). */
  criterionId: string;
  /** How sure a match is, as the engine's candidates say it on their card («why»). */
  confidence: 'high' | 'medium';
  ru: RegExp;
  ky: RegExp;
}

export const REMOVAL_RULES: readonly RemovalRule[] = [
  {
    id: 'removed-pregnancy-maternity',
    kind: 'protection',
    criterionId: 'C9',
    confidence: 'high',
    ru: /беременн|материнств|рождени[ея] (?:их )?(?:общего )?ребенка|кормящ|по уходу за ребенком/u,
    ky: /кош бойлуу|кош бойлуулу|эне болуу|төрөт|бала багуу/u,
  },
  {
    id: 'removed-guarantee',
    kind: 'protection',
    criterionId: 'C5',
    confidence: 'high',
    ru: /гарантир|гаранти[яию]|запрещается|не допускается|не вправе|не имеет права|без согласия жены|льгот|пособи/u,
    ky: /кепилде|кепилдик|тыюу салынат|жол берилбейт|укугу жок|жеңилдик|жөлөкпул/u,
  },
  {
    id: 'removed-quota',
    kind: 'quota',
    criterionId: 'C7',
    confidence: 'high',
    ru: /квот|\d+\s*процент|не (?:может превышать|более|менее)[^.;]{0,40}процент|одного пола/u,
    ky: /квота|\d+\s*пайыз|бир жыныстагы/u,
  },
  {
    id: 'removed-ground',
    kind: 'ground',
    criterionId: 'C2',
    confidence: 'high',
    ru: /независимо от пола|по признаку пола|дискриминац|женщин и мужчин|мужчин и женщин|равные права/u,
    ky: /жынысына карабастан|жынысы боюнча|басмырло|эркектер менен аялдар|аялдар менен эркектер|тең укук/u,
  },
  {
    // words that name a sex struck from a norm («женщинам,», «мать - женщина», «аял»): neutral wording may be the
    // point, or a group may lose what the norm gave it — the expert says which
    id: 'removed-sex-named',
    kind: 'ground',
    criterionId: 'C2',
    confidence: 'medium',
    ru: /(?<![\u0400-\u04FF])(?:женщин|мужчин|матер(?!иал)|мать|отц|отец|беременн)/u,
    ky: /(?<![\u0400-\u04FF])(?:аял|эркек|эне|ата)(?![\u0400-\u04FF-])|аялдар|эркектер/u,
  },
];

export const REMOVAL_TEXT: Readonly<Record<RemovalKind, I18nText>> = {
  protection: {
    ru: 'Исключение гарантии: поправка убирает защитную норму («{words}»). Чем она заменяется и кто теряет защиту?',
    ky: 'Кепилдикти алып салуу: өзгөртүү коргоочу ченемди алып салат («{words}»). Анын ордуна эмне келет жана ким коргоосуз калат?',
    en: 'A guarantee removed: the amendment takes out a protective norm ("{words}"). What replaces it, and who loses the protection?',
  },
  quota: {
    ru: 'Исключение квоты: поправка убирает правило о представленности («{words}»). Сохраняется ли баланс полов иным способом?',
    ky: 'Квотаны алып салуу: өзгөртүү өкүлчүлүк эрежесин алып салат («{words}»). Жыныстардын тең салмактуулугу башка жол менен сакталабы?',
    en: 'A quota removed: the amendment takes out a representation rule ("{words}"). Is the balance of the sexes kept some other way?',
  },
  ground: {
    ru: 'Исключение признака недискриминации: поправка убирает слова о равенстве или о поле («{words}»). Не сужается ли защита от дискриминации?',
    ky: 'Басмырлабоо белгисин алып салуу: өзгөртүү теңдик же жыныс жөнүндөгү сөздөрдү алып салат («{words}»). Басмырлоодон коргоо тарылбайбы?',
    en: 'A non-discrimination ground removed: the amendment takes out words on equality or sex ("{words}"). Does protection against discrimination narrow?',
  },
};
