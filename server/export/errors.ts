import { defineErrors, type ErrorDefinition } from '../../shared/errors';

/** The export's refusals, each with its message in ru / ky / en. */
export const EXPORT_ERROR_TEXTS = {
  EXPORT_REVIEW_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Экспертиза не найдена или недоступна вам.',
      ky: 'Экспертиза табылган жок же сизге жеткиликсиз.',
      en: 'Review not found, or not open to you.',
    },
  },
  /** Parameters {ru_fields}/{ky_fields}/{en_fields}: each language names the fields in its own words. */
  EXPORT_FIELDS_MISSING: {
    status: 422,
    text: {
      ru: 'Заключение нельзя выгрузить: не заполнены обязательные поля — {ru_fields}.',
      ky: 'Корутундуну жүктөөгө болбойт: милдеттүү талаалар толтурулган эмес — {ky_fields}.',
      en: 'The conclusion cannot be exported: required fields are empty — {en_fields}.',
    },
  },
  EXPORT_BAD_LANG: {
    status: 400,
    text: {
      ru: 'Язык выгрузки должен быть ru, ky или en.',
      ky: 'Жүктөөнүн тили ru, ky же en болушу керек.',
      en: 'The export language must be ru, ky or en.',
    },
  },
  EXPORT_NO_DRAFT: {
    status: 409,
    text: {
      ru: 'У экспертизы нет импортированного текста проекта.',
      ky: 'Экспертизада долбоордун импорттолгон тексти жок.',
      en: 'The review has no imported draft text.',
    },
  },
  EXPORT_MODEL_UNAVAILABLE: {
    status: 503,
    text: {
      ru: 'Данные экспертизы сейчас недоступны. Повторите попытку позже.',
      ky: 'Экспертизанын маалыматтары азыр жеткиликсиз. Кийинчерээк кайталаңыз.',
      en: "The review's data is not available right now. Please try again later.",
    },
  },
} satisfies Record<string, ErrorDefinition>;

export const ExportErrors = defineErrors(EXPORT_ERROR_TEXTS);
