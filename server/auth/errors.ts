import { defineErrors, type TendikError } from '../../shared/errors';

/** Errors of sign-in, passwords, invitations and account management. */
export const AccountErrors = defineErrors({
  BAD_CREDENTIALS: {
    status: 401,
    text: {
      ru: 'Неверный адрес электронной почты или пароль.',
      ky: 'Электрондук почта же сырсөз туура эмес.',
      en: 'Wrong e-mail or password.',
    },
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    text: {
      ru: 'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
      ky: 'Кирүүгө ийгиликсиз аракеттер өтө көп. {minutes} мүнөттөн кийин кайталаңыз.',
      en: 'Too many failed sign-in attempts. Try again in {minutes} min.',
    },
  },
  JSON_REQUIRED: {
    status: 415,
    text: {
      ru: 'Запрос должен быть в формате JSON (Content-Type: application/json).',
      ky: 'Суроо-талап JSON форматында болушу керек (Content-Type: application/json).',
      en: 'The request must be JSON (Content-Type: application/json).',
    },
  },
  WEAK_PASSWORD: {
    status: 400,
    text: {
      ru: 'Пароль должен содержать не менее {min} символов и не совпадать с адресом почты.',
      ky: 'Сырсөз кеминде {min} белгиден турушу жана почта дарегине окшош болбошу керек.',
      en: 'The password must have at least {min} characters and differ from the e-mail address.',
    },
  },
  WRONG_CURRENT_PASSWORD: {
    status: 403,
    text: {
      ru: 'Текущий пароль указан неверно.',
      ky: 'Учурдагы сырсөз туура эмес.',
      en: 'The current password is wrong.',
    },
  },
  RESET_INVALID: {
    status: 400,
    text: {
      ru: 'Ссылка для сброса пароля недействительна: она истекла или уже использована. Запросите новую.',
      ky: 'Сырсөздү жаңыртуу шилтемеси жараксыз: мөөнөтү өтүп кеткен же колдонулган. Жаңысын сураңыз.',
      en: 'The password reset link is not valid: it has expired or was already used. Ask for a new one.',
    },
  },
  RESET_UNAVAILABLE: {
    status: 409,
    text: {
      ru: 'На этом сервере не настроена отправка почты, поэтому пароль сбрасывает администратор. Обратитесь к нему.',
      ky: 'Бул серверде почта жөнөтүү орнотулган эмес, ошондуктан сырсөздү администратор жаңыртат. Ага кайрылыңыз.',
      en: 'This server does not send e-mail, so passwords are reset by the administrator. Please ask her.',
    },
  },
  INVITATION_INVALID: {
    status: 400,
    text: {
      ru: 'Приглашение недействительно: оно истекло, отозвано или уже использовано.',
      ky: 'Чакыруу жараксыз: мөөнөтү өткөн, жокко чыгарылган же колдонулган.',
      en: 'The invitation is not valid: it has expired, was revoked or was already used.',
    },
  },
  EMAIL_TAKEN: {
    status: 409,
    text: {
      ru: 'Учётная запись с адресом {email} уже существует.',
      ky: '{email} дареги менен каттоо эсеби мурунтан бар.',
      en: 'An account with the address {email} already exists.',
    },
  },
  USER_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Пользователь не найден.',
      ky: 'Колдонуучу табылган жок.',
      en: 'User not found.',
    },
  },
  COMMITTEE_REQUIRED: {
    status: 400,
    text: {
      ru: 'Для читателя комитета нужно указать комитет.',
      ky: 'Комитеттин окурманы үчүн комитетти көрсөтүү керек.',
      en: 'A committee reader needs a committee.',
    },
  },
  LAST_ADMIN: {
    status: 409,
    text: {
      ru: 'Нельзя отключить или понизить последнего администратора.',
      ky: 'Акыркы администраторду өчүрүүгө же төмөндөтүүгө болбойт.',
      en: 'The last administrator cannot be disabled or demoted.',
    },
  },
});

/** The same refusal worded for a wait under a minute: same code and status, so a client need not tell them apart. */
const TooManyAttemptsInSeconds = defineErrors({
  TOO_MANY_ATTEMPTS: {
    status: 429,
    text: {
      ru: 'Слишком много неудачных попыток входа. Повторите через {seconds} сек.',
      ky: 'Кирүүгө ийгиликсиз аракеттер өтө көп. {seconds} секунддан кийин кайталаңыз.',
      en: 'Too many failed sign-in attempts. Try again in {seconds} s.',
    },
  },
}).TOO_MANY_ATTEMPTS;

/**
 * TOO_MANY_ATTEMPTS for a wait of `waitMs`: in seconds under a minute, else in whole minutes
 * rounded up; `details.retryAfterSeconds` carries the exact wait for clients and the Retry-After header.
 */
export function tooManyAttempts(waitMs: number): TendikError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const details = { retryAfterSeconds: seconds };
  return seconds < 60
    ? TooManyAttemptsInSeconds({ seconds }, details)
    : AccountErrors.TOO_MANY_ATTEMPTS({ minutes: Math.ceil(seconds / 60) }, details);
}

/** The wait a TOO_MANY_ATTEMPTS error carries, in seconds; undefined for any other error. */
export function retryAfterSeconds(err: unknown): number | undefined {
  const details = (err as TendikError | undefined)?.code === 'TOO_MANY_ATTEMPTS' ? (err as TendikError).details : undefined;
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}
