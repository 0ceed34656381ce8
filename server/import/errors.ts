import { defineErrors } from '../../shared/errors';

/**
 * Every way an uploaded draft can be refused. Each code has its own message in ru/ky/en, so the
 * secretary learns what to do (save as DOCX again, remove the password, send the text) rather than
 * seeing "import failed".
 */
export const ImportErrors = defineErrors({
  IMPORT_EMPTY: {
    status: 422,
    text: {
      ru: 'Файл пуст (0 байт). Выберите файл проекта закона ещё раз.',
      ky: 'Файл бош (0 байт). Мыйзам долбоорунун файлын кайра тандаңыз.',
      en: 'The file is empty (0 bytes). Please choose the draft law file again.',
    },
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    text: {
      ru: 'Файл слишком велик: допускается не более {limitMb} МБ.',
      ky: 'Файл өтө чоң: {limitMb} МБдан ашпашы керек.',
      en: 'The file is too large: at most {limitMb} MB is accepted.',
    },
  },
  IMPORT_DOCX_CORRUPT: {
    status: 422,
    text: {
      ru: 'Файл DOCX повреждён и не читается ({reason}). Откройте его в Word и сохраните заново как «Документ Word (.docx)».',
      ky: 'DOCX файлы бузулган жана окулбайт ({reason}). Аны Word менен ачып, «Word документи (.docx)» катары кайра сактаңыз.',
      en: 'The DOCX file is damaged and cannot be read ({reason}). Open it in Word and save it again as "Word Document (.docx)".',
    },
  },
  IMPORT_DOCX_ENCRYPTED: {
    status: 422,
    text: {
      ru: 'Документ защищён паролем. Снимите пароль в Word («Файл → Сведения → Защита документа») и загрузите снова.',
      ky: 'Документ сырсөз менен корголгон. Word программасында сырсөздү алып салып («Файл → Маалымат → Документти коргоо»), кайра жүктөңүз.',
      en: 'The document is password-protected. Remove the password in Word (File → Info → Protect Document) and upload it again.',
    },
  },
  IMPORT_ZIP_BOMB: {
    status: 422,
    text: {
      ru: 'Файл DOCX после распаковки превышает допустимые {limitMb} МБ и отклонён как небезопасный.',
      ky: 'DOCX файлы ачылганда уруксат берилген {limitMb} МБдан ашат жана коопсуз эмес катары четке кагылды.',
      en: 'The DOCX file unpacks to more than the allowed {limitMb} MB and was refused as unsafe.',
    },
  },
  IMPORT_NO_TEXT: {
    status: 422,
    text: {
      ru: 'В документе нет текста — вероятно, это скан или изображения. Загрузите текстовую версию проекта (DOCX, HTML или TXT).',
      ky: 'Документте текст жок — балким, бул скан же сүрөттөр. Долбоордун тексттик вариантын жүктөңүз (DOCX, HTML же TXT).',
      en: 'The document contains no text — probably a scan or images. Upload a text version of the draft (DOCX, HTML or TXT).',
    },
  },
  IMPORT_BINARY: {
    status: 415,
    text: {
      ru: 'Файл не является текстовым документом (двоичные данные). Загрузите проект в формате DOCX, HTML или TXT.',
      ky: 'Файл тексттик документ эмес (экилик маалымат). Долбоорду DOCX, HTML же TXT форматында жүктөңүз.',
      en: 'The file is not a text document (binary data). Upload the draft as DOCX, HTML or TXT.',
    },
  },
  IMPORT_UNSUPPORTED_FORMAT: {
    status: 415,
    text: {
      ru: 'Формат «{format}» не поддерживается. Сохраните проект как DOCX, HTML или TXT.',
      ky: '«{format}» форматы колдоого алынбайт. Долбоорду DOCX, HTML же TXT катары сактаңыз.',
      en: 'The format "{format}" is not supported. Save the draft as DOCX, HTML or TXT.',
    },
  },
  IMPORT_NO_FILE: {
    status: 400,
    text: {
      ru: 'Файл не передан: прикрепите проект закона в поле «file».',
      ky: 'Файл жөнөтүлгөн жок: мыйзам долбоорун «file» талаасына тиркеңиз.',
      en: 'No file was sent: attach the draft law in the "file" field.',
    },
  },
  IMPORT_BAD_FIELD: {
    status: 400,
    text: {
      ru: 'Поле «{field}» заполнено неверно: {reason}.',
      ky: '«{field}» талаасы туура эмес толтурулган: {reason}.',
      en: 'The field "{field}" is invalid: {reason}.',
    },
  },
});
