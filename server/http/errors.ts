import type { ErrorRequestHandler, Request } from 'express';
import { defineErrors, isTendikError, TendikError } from '../../shared/errors';
import { negotiateLang, type Lang } from '../../shared/i18n/lang';

export const HttpErrors = defineErrors({
  NOT_FOUND: {
    status: 404,
    text: { ru: 'Страница или ресурс не найдены.', ky: 'Барак же ресурс табылган жок.', en: 'Not found.' },
  },
  BAD_REQUEST: {
    status: 400,
    text: {
      ru: 'Некорректный запрос: {reason}',
      ky: 'Туура эмес суроо-талап: {reason}',
      en: 'Bad request: {reason}',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    text: {
      ru: 'Запрос слишком велик.',
      ky: 'Суроо-талап өтө чоң.',
      en: 'The request is too large.',
    },
  },
  INTERNAL: {
    status: 500,
    text: {
      ru: 'Внутренняя ошибка сервера. Ваши данные не потеряны; попробуйте ещё раз.',
      ky: 'Сервердин ички катасы. Маалыматыңыз жоголгон жок; кайра аракет кылыңыз.',
      en: 'Internal server error. Nothing was lost; please try again.',
    },
  },
});

/** The user's language for a request: `?lang=`, then the `tendik_lang` cookie, then Accept-Language. */
export function requestLang(req: Request): Lang {
  const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  const cookie = /(?:^|;\s*)tendik_lang=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
  return negotiateLang(query, cookie, req.headers['accept-language']);
}

/** Last middleware: every error becomes a coded JSON body in the user's language; 5xx are logged. */
export function errorHandler(log: (err: unknown) => void = (err) => console.error(err)): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const tendik = toTendikError(err);
    if (tendik.status >= 500) log(err);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(tendik.status).json(tendik.toJSON(requestLang(req)));
  };
}

function toTendikError(err: unknown): TendikError {
  if (isTendikError(err)) return err;
  // body-parser and friends signal client faults with status/type fields.
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (status === 413 || e?.type === 'entity.too.large') return HttpErrors.PAYLOAD_TOO_LARGE();
  if (typeof status === 'number' && status >= 400 && status < 500)
    return HttpErrors.BAD_REQUEST({ reason: String(e.type ?? e.message ?? status) });
  return HttpErrors.INTERNAL();
}
