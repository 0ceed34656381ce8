import { featureStrings } from '../feature-strings';

/** The names offered after @ in findings, comments and replies (issue 17). */
export const mentionSuggestStrings = featureStrings(
  {
    mentionsSuggestLabel: 'Участники обзора',
    mentionsSuggestCount: 'Подходящих участников: {count}. Стрелки — выбрать, Enter — вставить, Escape — закрыть.',
  },
  {
    mentionsSuggestLabel: 'Кароонун катышуучулары',
    mentionsSuggestCount: 'Ылайык катышуучулар: {count}. Жебелер — тандоо, Enter — кошуу, Escape — жабуу.',
  },
  {
    mentionsSuggestLabel: 'Review members',
    mentionsSuggestCount: 'Matching members: {count}. Arrows to choose, Enter to insert, Escape to close.',
  },
);
