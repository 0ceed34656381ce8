import type { Lang } from '../../shared/i18n/lang';
import type { Role } from '../../shared/roles';

/**
 * The texts of Tendik's e-mails in ru, ky and en. A mail to someone whose language Tendik does not
 * know (an invitee, a committee's staff) carries all three, Russian first; a mail someone asked for
 * herself (a password reset) is in the language of the page she asked from.
 */
export interface MailText {
  subject: string;
  text: string;
}

type Texts = Record<Lang, MailText>;

const ROLE: Record<Role, Record<Lang, string>> = {
  admin: { ru: 'администратор', ky: 'администратор', en: 'administrator' },
  secretary: { ru: 'секретарь', ky: 'катчы', en: 'secretary' },
  expert: { ru: 'эксперт', ky: 'эксперт', en: 'expert' },
  reader: { ru: 'читатель комитета', ky: 'комитеттин окурманы', en: 'committee reader' },
};

const DATE_LOCALE: Record<Lang, string> = { ru: 'ru-RU', ky: 'ky-KG', en: 'en-GB' };

function date(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Bishkek' }).format(ms);
}

/** All three languages in one mail: the subjects joined, the bodies one after another. */
export function inAllLanguages(texts: Texts): MailText {
  const order: Lang[] = ['ru', 'ky', 'en'];
  return {
    subject: [...new Set(order.map((l) => texts[l].subject))].join(' / '),
    text: order.map((l) => texts[l].text).join('\n\n— — —\n\n'),
  };
}

export function invitationMail(input: { name: string; role: Role; link: string; expiresAt: number }): Texts {
  const { name, role, link, expiresAt } = input;
  return {
    ru: {
      subject: 'Приглашение в Tendik',
      text: `Здравствуйте, ${name}!\n\nВас пригласили в Tendik — систему гендерной экспертизы законопроектов — с ролью «${ROLE[role].ru}». Чтобы принять приглашение и задать пароль, откройте ссылку (она действует до ${date(expiresAt, 'ru')}):\n${link}\n\nЕсли вы не ждали этого письма, просто удалите его.`,
    },
    ky: {
      subject: 'Tendik системасына чакыруу',
      text: `Саламатсызбы, ${name}!\n\nСизди Tendik системасына — мыйзам долбоорлорунун гендердик экспертизасына — «${ROLE[role].ky}» ролу менен чакырышты. Чакырууну кабыл алып, сырсөз коюу үчүн шилтемени ачыңыз (ал ${date(expiresAt, 'ky')} чейин жарактуу):\n${link}\n\nЭгер бул катты күткөн эмес болсоңуз, аны жөн эле өчүрүп салыңыз.`,
    },
    en: {
      subject: 'Invitation to Tendik',
      text: `Hello ${name},\n\nYou have been invited to Tendik, the workbench for the gender expertise of draft laws, as ${ROLE[role].en}. To accept and set your password, open this link (valid until ${date(expiresAt, 'en')}):\n${link}\n\nIf you did not expect this message, just delete it.`,
    },
  };
}

export function passwordResetMail(input: { name: string; link: string; minutes: number }): Texts {
  const { name, link, minutes } = input;
  return {
    ru: {
      subject: 'Сброс пароля в Tendik',
      text: `Здравствуйте, ${name}!\n\nКто-то (возможно, вы) попросил сбросить пароль вашей учётной записи в Tendik. Чтобы задать новый пароль, откройте ссылку в течение ${minutes} минут:\n${link}\n\nСсылка действует один раз. Если вы не просили сброс, ничего не делайте: пароль останется прежним.`,
    },
    ky: {
      subject: 'Tendik: сырсөздү жаңыртуу',
      text: `Саламатсызбы, ${name}!\n\nКимдир бирөө (балким, сиз) Tendik системасындагы каттоо эсебиңиздин сырсөзүн жаңыртууну сураган. Жаңы сырсөз коюу үчүн шилтемени ${minutes} мүнөттүн ичинде ачыңыз:\n${link}\n\nШилтеме бир гана жолу иштейт. Эгер сиз сураган эмес болсоңуз, эч нерсе кылбаңыз: сырсөзүңүз мурункудай калат.`,
    },
    en: {
      subject: 'Password reset for Tendik',
      text: `Hello ${name},\n\nSomeone (perhaps you) asked to reset the password of your Tendik account. To set a new password, open this link within ${minutes} minutes:\n${link}\n\nThe link works once. If you did not ask for this, do nothing: your password stays as it is.`,
    },
  };
}

export function conclusionIssuedMail(input: { name: string; title: string; link: string }): Texts {
  const { name, title, link } = input;
  return {
    ru: {
      subject: `Заключение гендерной экспертизы: ${title}`,
      text: `Здравствуйте, ${name}!\n\nВашему комитету направлено заключение гендерной экспертизы по проекту «${title}». Прочитать и скачать его можно здесь:\n${link}`,
    },
    ky: {
      subject: `Гендердик экспертизанын корутундусу: ${title}`,
      text: `Саламатсызбы, ${name}!\n\nСиздин комитетке «${title}» долбоору боюнча гендердик экспертизанын корутундусу жөнөтүлдү. Аны бул жерден окуп, жүктөп алсаңыз болот:\n${link}`,
    },
    en: {
      subject: `Gender expertise conclusion: ${title}`,
      text: `Hello ${name},\n\nThe gender expertise conclusion on the draft “${title}” has been issued to your committee. Read and download it here:\n${link}`,
    },
  };
}

export function mentionMail(input: { name: string; author: string; title: string; link: string }): Texts {
  const { name, author, title, link } = input;
  return {
    ru: {
      subject: `${author} упоминает вас: ${title}`,
      text: `Здравствуйте, ${name}!\n\n${author} упоминает вас в экспертизе «${title}». Открыть:\n${link}`,
    },
    ky: {
      subject: `${author} сизди эскерди: ${title}`,
      text: `Саламатсызбы, ${name}!\n\n${author} «${title}» экспертизасында сизди эскерди. Ачуу:\n${link}`,
    },
    en: {
      subject: `${author} mentioned you: ${title}`,
      text: `Hello ${name},\n\n${author} mentioned you in the review “${title}”. Open it:\n${link}`,
    },
  };
}
