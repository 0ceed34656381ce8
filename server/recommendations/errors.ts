import { defineErrors } from '../../shared/errors';

export const RecommendationErrors = defineErrors({
  READING_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'В этой экспертизе нет такого чтения проекта.',
      ky: 'Бул экспертизада долбоордун мындай окуусу жок.',
      en: 'This review has no such reading of the draft.',
    },
  },
  RECOMMENDATION_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Такой рекомендации в этом чтении нет.',
      ky: 'Бул окууда мындай сунуштама жок.',
      en: 'There is no such recommendation in this reading.',
    },
  },
});
