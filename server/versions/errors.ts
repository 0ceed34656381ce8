import { defineErrors } from '../../shared/errors';

export const VersionErrors = defineErrors({
  VERSION_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Такой редакции проекта в этой экспертизе нет.',
      ky: 'Бул экспертизада долбоордун мындай редакциясы жок.',
      en: 'This review has no such version of the draft.',
    },
  },
  VERSION_NOT_SAME_ACT: {
    status: 409,
    text: {
      ru: 'Новый текст не похож на редакцию того же акта (название: «{newTitle}», прежде: «{oldTitle}»; совпало {share} % структурных единиц). Проверьте файл; если это верный текст, подтвердите добавление.',
      ky: 'Жаңы текст ошол эле актынын редакциясына окшобойт (аталышы: «{newTitle}», мурда: «{oldTitle}»; түзүмдүк бирдиктердин {share} % дал келди). Файлды текшериңиз; эгер бул туура текст болсо, кошууну ырастаңыз.',
      en: 'The new text does not look like a version of the same act (title “{newTitle}”, before “{oldTitle}”; {share} % of the units match). Check the file; if it is the right text, confirm to add it.',
    },
  },
  VERSION_BAD_LABEL: {
    status: 400,
    text: {
      ru: 'Укажите название редакции (например, «2-е чтение»), не длиннее 120 знаков.',
      ky: 'Редакциянын атын көрсөтүңүз (мисалы, «2-окуу»), 120 белгиден ашпасын.',
      en: 'Give the version a label (for example "2nd reading"), at most 120 characters.',
    },
  },
  VERSION_BAD_RANGE: {
    status: 422,
    text: {
      ru: 'Выбранный фрагмент не находится в тексте этой редакции.',
      ky: 'Тандалган үзүндү бул редакциянын текстинде жок.',
      en: 'The selected words are not in the text of this version.',
    },
  },
  VERSION_FORBIDDEN: {
    status: 403,
    text: {
      ru: 'Перенести замечание вручную может секретарь или его автор.',
      ky: 'Эскертүүнү кол менен катчы же анын автору гана которо алат.',
      en: 'Only the secretary or its author can re-attach this annotation.',
    },
  },
  VERSION_NO_ANNOTATION: {
    status: 404,
    text: {
      ru: 'Такого замечания в экспертизе нет.',
      ky: 'Экспертизада мындай эскертүү жок.',
      en: 'This review has no such finding or comment.',
    },
  },
});
