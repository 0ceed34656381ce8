import { defineErrors } from '../../shared/errors';

/** Refusals of the committee registry, and of naming a committee that is not in it. */
export const CommitteeErrors = defineErrors({
  COMMITTEE_NOT_REGISTERED: {
    status: 422,
    text: {
      ru: 'Комитета с кодом «{code}» нет в реестре комитетов. Выберите комитет из списка; новый комитет вносит в реестр администратор.',
      ky: '«{code}» коду менен комитет комитеттердин реестринде жок. Комитетти тизмеден тандаңыз; жаңы комитетти реестрге администратор киргизет.',
      en: 'There is no committee with the code “{code}” in the registry of committees. Choose a committee from the list; the administrator adds new ones to the registry.',
    },
  },
  COMMITTEE_INACTIVE: {
    status: 422,
    text: {
      ru: 'Комитет «{code}» отключён в реестре комитетов: ему нельзя направить заключение или выдать доступ. Выберите действующий комитет или попросите администратора включить его.',
      ky: '«{code}» комитети реестрде жигерсиз: ага корутунду берүүгө же эсептик жазуу байлоого болбойт. Жигердүү комитетти тандаңыз же администратордон аны жигердүү кылууну сураныңыз.',
      en: 'The committee “{code}” is deactivated in the registry: no conclusion can go to it and no account can be given to it. Choose an active committee or ask the administrator to activate it.',
    },
  },
  COMMITTEE_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Комитет не найден в реестре.',
      ky: 'Комитет реестрден табылган жок.',
      en: 'Committee not found in the registry.',
    },
  },
  COMMITTEE_CODE_TAKEN: {
    status: 409,
    text: {
      ru: 'Комитет с кодом «{code}» уже есть в реестре.',
      ky: '«{code}» коду менен комитет реестрде мурунтан бар.',
      en: 'A committee with the code “{code}” is already in the registry.',
    },
  },
  COMMITTEE_IN_USE: {
    status: 409,
    text: {
      ru: 'Комитет «{code}» указан в учётных записях, экспертизах или приглашениях и не может быть удалён. Отключите его: он перестанет предлагаться в списках.',
      ky: '«{code}» комитети эсептик жазууларда, экспертизаларда же чакырууларда көрсөтүлгөн, ошондуктан аны жок кылууга болбойт. Аны жигерсиз кылыңыз: ал тизмелерде сунушталбай калат.',
      en: 'The committee “{code}” is named by accounts, reviews or invitations and cannot be removed. Deactivate it instead: it will no longer be offered in the lists.',
    },
  },
});
