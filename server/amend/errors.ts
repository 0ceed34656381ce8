import { defineErrors } from '../../shared/errors';

export const BaseActErrors = defineErrors({
  BASE_ACT_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Такого акта в библиотеке нет.',
      ky: 'Китепканада мындай акт жок.',
      en: 'The library has no such act.',
    },
  },
  BASE_ACT_BAD_TITLE: {
    status: 400,
    text: {
      ru: 'Укажите название акта (например, «Семейный кодекс Кыргызской Республики»), не длиннее 500 знаков.',
      ky: 'Актынын аталышын көрсөтүңүз (мисалы, «Кыргыз Республикасынын Үй-бүлө кодекси»), 500 белгиден ашпасын.',
      en: 'Give the act its title (for example "Family Code of the Kyrgyz Republic"), at most 500 characters.',
    },
  },
  BASE_ACT_NOT_ATTACHED: {
    status: 404,
    text: {
      ru: 'Этот акт не прикреплён к экспертизе.',
      ky: 'Бул акт экспертизага тиркелген эмес.',
      en: 'This act is not attached to the review.',
    },
  },
  BASE_ACT_NO_ARTICLES: {
    status: 422,
    text: {
      ru: 'В файле не найдено ни одной статьи: это не похоже на текст действующего акта.',
      ky: 'Файлдан бир да берене табылган жок: бул колдонуудагы актынын текстине окшобойт.',
      en: 'No article was found in the file: it does not look like the text of an act in force.',
    },
  },
});
