import { featureStrings } from '../feature-strings';

/**
 * Issue 15 in the findings list: the engine's identical candidates grouped under one an expert
 * dismissed (same rule, same words), the disclosure that lists them, and their cards opened on demand.
 * The count's phrase has a form per plural category (client/review/finding-groups.ts pluralForm).
 */
export const findingGroupsStrings = featureStrings(
  {
    findingGroupsMore_one: 'Ещё {count} такой же кандидат (те же слова, то же правило)',
    findingGroupsMore_few: 'Ещё {count} таких же кандидата (те же слова, то же правило)',
    findingGroupsMore_many: 'Ещё {count} таких же кандидатов (те же слова, то же правило)',
    findingGroupsMore_other: 'Ещё {count} таких же кандидатов (те же слова, то же правило)',
    findingGroupsShow: ' — показать',
    findingGroupsHide: ' — скрыть',
    findingGroupsHint: 'Отклонение относится и к ним. Чтобы оценить один отдельно, откройте его карточку: подтверждение, ответ или решение секретаря выводят его из группы.',
    findingGroupsJump: 'Показать в тексте: ',
    findingGroupsOpen: 'Открыть карточку',
    findingGroupsOpened: 'Карточка открыта в списке',
    findingGroupsMember: 'Сгруппирован с отклонённым кандидатом (те же слова, то же правило). Подтвердите, отклоните или ответьте — и он будет в списке отдельно.',
    findingGroupsSummary: ' · сгруппировано с отклонёнными: {count}',
    findingGroupsHighlight: ' — сгруппировано с отклонённым',
    findingGroupsDismissed: 'Отклонено; сгруппировано с ним таких же кандидатов: {count}',
    findingGroupsStatsColumn: 'Сгруппировано с отклонёнными',
  },
  {
    findingGroupsMore_one: 'Системанын дагы {count} ушундай эле сунушу (ошол эле сөздөр, ошол эле эреже)',
    findingGroupsMore_few: 'Системанын дагы {count} ушундай эле сунушу (ошол эле сөздөр, ошол эле эреже)',
    findingGroupsMore_many: 'Системанын дагы {count} ушундай эле сунушу (ошол эле сөздөр, ошол эле эреже)',
    findingGroupsMore_other: 'Системанын дагы {count} ушундай эле сунушу (ошол эле сөздөр, ошол эле эреже)',
    findingGroupsShow: ' — көрсөтүү',
    findingGroupsHide: ' — жашыруу',
    findingGroupsHint: 'Четке кагуу аларга да тиешелүү. Бирөөнү өзүнчө баалоо үчүн анын карточкасын ачыңыз: ырастоо, жооп же катчынын чечими аны топтон чыгарат.',
    findingGroupsJump: 'Тексттен көрсөтүү: ',
    findingGroupsOpen: 'Карточканы ачуу',
    findingGroupsOpened: 'Карточка тизмеде ачылды',
    findingGroupsMember: 'Четке кагылган сунуш менен топтоштурулган (ошол эле сөздөр, ошол эле эреже). Ырастаңыз, четке кагыңыз же жооп жазыңыз — ошондо ал тизмеде өзүнчө болот.',
    findingGroupsSummary: ' · четке кагылгандар менен топтоштурулган: {count}',
    findingGroupsHighlight: ' — четке кагылган менен топтоштурулган',
    findingGroupsDismissed: 'Четке кагылды; аны менен топтоштурулган ушундай сунуштар: {count}',
    findingGroupsStatsColumn: 'Четке кагылгандар менен топтоштурулган',
  },
  {
    findingGroupsMore_one: '{count} more identical candidate (same words, same rule)',
    findingGroupsMore_few: '{count} more identical candidates (same words, same rule)',
    findingGroupsMore_many: '{count} more identical candidates (same words, same rule)',
    findingGroupsMore_other: '{count} more identical candidates (same words, same rule)',
    findingGroupsShow: ' — show',
    findingGroupsHide: ' — hide',
    findingGroupsHint: 'The dismissal covers them too. To assess one on its own, open its card: a confirmation, a reply or the secretary’s decision takes it out of the group.',
    findingGroupsJump: 'Show in the text: ',
    findingGroupsOpen: 'Open its card',
    findingGroupsOpened: 'The card is open in the list',
    findingGroupsMember: 'Grouped with a dismissed candidate (same words, same rule). Confirm, dismiss or reply and it is listed on its own.',
    findingGroupsSummary: ' · grouped with dismissed ones: {count}',
    findingGroupsHighlight: ' — grouped with a dismissed one',
    findingGroupsDismissed: 'Dismissed; identical candidates grouped with it: {count}',
    findingGroupsStatsColumn: 'Grouped with a dismissed one',
  },
);
