import { featureStrings } from '../feature-strings';

/** A forgotten password reset by e-mail link (client/screens/password-reset.ts), and the admin's note that an invitation was mailed. */
export const passwordResetStrings = featureStrings(
  {
    passwordResetForgot: 'Забыли пароль?',
    passwordResetRequestTitle: 'Сброс пароля',
    passwordResetRequestIntro: 'Укажите адрес электронной почты вашей учётной записи: мы пришлём на него ссылку, по которой можно задать новый пароль.',
    passwordResetRequestSubmit: 'Прислать ссылку',
    passwordResetRequestSent:
      'Если учётная запись с адресом {email} существует, письмо со ссылкой уже отправлено. Ссылка действует 60 минут и один раз. Если письма нет, проверьте папку «Спам».',
    passwordResetBack: 'Вернуться ко входу',
    passwordResetSetTitle: 'Новый пароль',
    passwordResetNew: 'Новый пароль (не менее 10 символов)',
    passwordResetAgain: 'Повторите новый пароль',
    passwordResetSetSubmit: 'Сохранить и войти',
    passwordResetDiffer: 'Пароли не совпадают.',
    passwordResetInvitationMailed: 'Приглашение с этой ссылкой отправлено на {email}.',
  },
  {
    passwordResetForgot: 'Сырсөздү унутуп калдыңызбы?',
    passwordResetRequestTitle: 'Сырсөздү жаңыртуу',
    passwordResetRequestIntro: 'Каттоо эсебиңиздин электрондук почтасын жазыңыз: ага жаңы сырсөз коюуга шилтеме жиберебиз.',
    passwordResetRequestSubmit: 'Шилтеме жиберүү',
    passwordResetRequestSent:
      'Эгер {email} дареги менен каттоо эсеби бар болсо, шилтемеси бар кат жөнөтүлдү. Шилтеме 60 мүнөт жана бир гана жолу иштейт. Кат келбесе, «Спам» папкасын текшериңиз.',
    passwordResetBack: 'Кирүүгө кайтуу',
    passwordResetSetTitle: 'Жаңы сырсөз',
    passwordResetNew: 'Жаңы сырсөз (кеминде 10 белги)',
    passwordResetAgain: 'Жаңы сырсөздү кайталаңыз',
    passwordResetSetSubmit: 'Сактап, кирүү',
    passwordResetDiffer: 'Сырсөздөр дал келбейт.',
    passwordResetInvitationMailed: 'Ушул шилтемеси бар чакыруу {email} дарегине жөнөтүлдү.',
  },
  {
    passwordResetForgot: 'Forgot your password?',
    passwordResetRequestTitle: 'Reset your password',
    passwordResetRequestIntro: "Enter your account's e-mail address: we will send it a link to set a new password.",
    passwordResetRequestSubmit: 'Send the link',
    passwordResetRequestSent:
      'If an account with the address {email} exists, a mail with the link is on its way. The link works once, for 60 minutes. If nothing arrives, look in the spam folder.',
    passwordResetBack: 'Back to sign-in',
    passwordResetSetTitle: 'New password',
    passwordResetNew: 'New password (at least 10 characters)',
    passwordResetAgain: 'Repeat the new password',
    passwordResetSetSubmit: 'Save and sign in',
    passwordResetDiffer: 'The passwords differ.',
    passwordResetInvitationMailed: 'The invitation with this link was mailed to {email}.',
  },
);
