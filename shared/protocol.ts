import { z } from 'zod';
import { defineErrors, type ErrorBody } from './errors';

/**
 * The collaboration wire protocol: y-protocols sync and awareness carried over one socket.io
 * connection per browser tab, multiplexing the Yjs docs of a review (docs/collaboration.md: TEXT, ENGINE and one
 * AUTHOR doc per participant). Server and client both validate every payload with these schemas.
 *
 * Exchange for one doc (docs/collaboration.md, "Protocol"):
 *   client → `doc:join` {reviewId, doc}            ack: {ok, writable, stateVector, awareness}
 *   client → `y:step1` {reviewId, doc, stateVector} ack: {ok, update (step 2), stateVector}
 *   client → `y:update` {reviewId, doc, update}     ack: {ok} only after the server stored it
 *   server → `y:update` {reviewId, doc, update}     every update applied by someone else
 *   both   → `y:awareness` {reviewId, doc, update}
 *   server → `collab:error` {code, messages, reviewId?, doc?}  a refused or malformed message
 *   server → `doc:reset` {reviewId, doc}            the doc was reloaded from storage: join again
 */

export const CollabEvents = {
  join: 'doc:join',
  leave: 'doc:leave',
  step1: 'y:step1',
  update: 'y:update',
  awareness: 'y:awareness',
  error: 'collab:error',
  /** server → client: the loaded doc was dropped (an update broke it half-way); join it again. */
  reset: 'doc:reset',
} as const;

export type CollabEvent = (typeof CollabEvents)[keyof typeof CollabEvents];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `text` (the draft), `engine` (checklist candidates), `author:<userId>` (one participant's work).
 * A later version of the draft (issue 16, docs/versions.md) has its own TEXT and ENGINE docs,
 * `text:<n>` and `engine:<n>` (n ≥ 2); version 1's keep their first names, so nothing stored moves.
 */
export const DocNameSchema = z.union([
  z.literal('text'),
  z.literal('engine'),
  z.string().regex(/^(?:text|engine):[1-9][0-9]{0,3}$/).refine((name) => Number(name.slice(name.indexOf(':') + 1)) >= 2, 'version 1 has no number in its name'),
  z.string().regex(/^author:[0-9a-f-]{36}$/i).refine((name) => UUID.test(name.slice(7)), 'author id must be a uuid'),
]);
export type DocName = 'text' | 'engine' | `text:${number}` | `engine:${number}` | `author:${string}`;

/** The largest version number a doc name may carry. */
export const MAX_DRAFT_VERSION = 9999;

export function authorDocName(userId: string): DocName {
  return `author:${userId}`;
}

/** The TEXT doc of a version of the draft (1: the first import, as the secretary corrected it). */
export function textDocName(version: number): DocName {
  return version <= 1 ? 'text' : `text:${version}`;
}

/** The ENGINE doc (checklist candidates) of a version of the draft. */
export function engineDocName(version: number): DocName {
  return version <= 1 ? 'engine' : `engine:${version}`;
}

/** Which shared doc this is, and of which version; null for an author doc. */
export function sharedDocOf(doc: DocName): { kind: 'text' | 'engine'; version: number } | null {
  if (doc === 'text' || doc === 'engine') return { kind: doc, version: 1 };
  const match = /^(text|engine):(\d+)$/.exec(doc);
  return match ? { kind: match[1] as 'text' | 'engine', version: Number(match[2]) } : null;
}

/** A TEXT doc, of any version. */
export function isTextDoc(doc: string): boolean {
  return doc === 'text' || doc.startsWith('text:');
}

/** An ENGINE doc, of any version. */
export function isEngineDoc(doc: string): boolean {
  return doc === 'engine' || doc.startsWith('engine:');
}

/** The owner of an author doc, or null for the shared docs. */
export function authorOfDoc(doc: DocName): string | null {
  return doc.startsWith('author:') ? doc.slice(7) : null;
}

/**
 * Binary payloads: socket.io hands a Buffer to Node and an ArrayBuffer to browsers; both become a
 * Uint8Array here. The size cap is the caller's (config.maxSocketFrameBytes on the server).
 */
export function binarySchema(maxBytes: number) {
  return z
    .custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, 'expected binary data')
    .transform((v) => (v instanceof Uint8Array ? v : new Uint8Array(v)))
    .refine((v) => v.byteLength <= maxBytes, `binary data larger than ${maxBytes} bytes`);
}

export const DocRefSchema = z.strictObject({
  reviewId: z.string().regex(UUID, 'reviewId must be a uuid'),
  doc: DocNameSchema,
});
export type DocRef = { reviewId: string; doc: DocName };

export function collabSchemas(maxBytes: number) {
  const bytes = binarySchema(maxBytes);
  return {
    join: DocRefSchema,
    leave: DocRefSchema,
    step1: DocRefSchema.extend({ stateVector: bytes }),
    update: DocRefSchema.extend({ update: bytes }),
    awareness: DocRefSchema.extend({ update: bytes }),
  };
}

/** Clients accept anything up to this from the server (a step 2 of the Criminal Code is ~2 MB). */
export const CLIENT_MAX_INBOUND_BYTES = 64 * 1024 * 1024;

export interface JoinAccepted {
  ok: true;
  /** False for every connection that may only read this doc (experts on TEXT, everyone on ENGINE and others' AUTHOR docs). */
  writable: boolean;
  access: 'secretary' | 'expert';
  /** The server's state vector (sync step 1): the client answers with what the server lacks. */
  stateVector: Uint8Array;
  /** Everyone currently present on this doc. */
  awareness: Uint8Array;
  /**
   * The largest update the server takes in one message (its frame limit, less the envelope): a larger
   * one would close the socket. The client splits its offline difference to fit, and never sends more.
   */
  maxUpdateBytes?: number;
}

/** The part of a frame that is not the update itself: the packet header, review id and doc name. */
export const UPDATE_ENVELOPE_BYTES = 4096;

export interface Step1Answer {
  ok: true;
  /** Sync step 2: what the client lacks. */
  update: Uint8Array;
  stateVector: Uint8Array;
}

export type Refusal = { ok: false } & CollabErrorPayload;
export type JoinAck = JoinAccepted | Refusal;
export type Step1Ack = Step1Answer | Refusal;
export type UpdateAck = { ok: true } | Refusal;

export interface CollabErrorPayload {
  code: CollabErrorCode;
  message: string;
  messages: ErrorBody['error']['messages'];
  reviewId?: string;
  doc?: string;
}

export const CollabErrors = defineErrors({
  COLLAB_UNAUTHENTICATED: {
    status: 401,
    text: {
      ru: 'Войдите в систему, чтобы работать над экспертизой.',
      ky: 'Экспертиза менен иштөө үчүн системага кириңиз.',
      en: 'Sign in to work on a review.',
    },
  },
  COLLAB_FORBIDDEN: {
    status: 403,
    text: {
      ru: 'У вас нет доступа к этому документу экспертизы.',
      ky: 'Бул экспертиза документине кирүү укугуңуз жок.',
      en: 'You have no access to this document of the review.',
    },
  },
  COLLAB_READ_ONLY: {
    status: 403,
    text: {
      ru: 'Этот документ доступен вам только для чтения; изменение не сохранено.',
      ky: 'Бул документти окуй гана аласыз; өзгөртүү сакталган жок.',
      en: 'This document is read-only for you; the change was not saved.',
    },
  },
  COLLAB_UPDATE_TOO_LARGE: {
    status: 413,
    text: {
      ru: 'Изменение слишком велико, чтобы отправить его одним сообщением; оно сохранено только в этой вкладке. Разделите его на части (например, вставьте текст по главам).',
      ky: 'Өзгөртүү бир билдирүү менен жөнөтүү үчүн өтө чоң; ал ушул өтмөктө гана сакталды. Аны бөлүктөргө бөлүңүз (мисалы, текстти глава боюнча коюңуз).',
      en: 'The change is too large to send in one message; it is kept in this tab only. Split it (paste the text chapter by chapter, for instance).',
    },
  },
  COLLAB_TOO_MANY_CONNECTIONS: {
    status: 429,
    text: {
      ru: 'Tendik открыт у вас в слишком многих вкладках или на слишком многих устройствах (не больше {max}). Закройте лишние вкладки и обновите эту страницу.',
      ky: 'Tendik сизде өтө көп өтмөктө же түзмөктө ачык (эң көп дегенде {max}). Ашыкча өтмөктөрдү жаап, бул баракты жаңыртыңыз.',
      en: 'You have Tendik open in too many tabs or on too many devices (at most {max}). Close the extra tabs and reload this page.',
    },
  },
  COLLAB_CUT_OFF: {
    status: 429,
    text: {
      ru: 'Соединение закрыто: с вашей учётной записи приходит слишком много изменений подряд. Повторите через {seconds} с, обновив страницу.',
      ky: 'Байланыш жабылды: сиздин эсептик жазууңуздан катары менен өтө көп өзгөртүү келүүдө. {seconds} секунддан кийин баракты жаңыртып, кайра аракет кылыңыз.',
      en: 'The connection was closed: too many changes in a row from your account. Reload the page to try again in {seconds} s.',
    },
  },
  COLLAB_FOREIGN_RECORD: {
    status: 403,
    text: {
      ru: 'Изменение отклонено: запись в нём носит идентификатор чужой записи. Ничего не сохранено.',
      ky: 'Өзгөртүү четке кагылды: андагы жазуу башка бирөөнүн жазуусунун идентификаторун алып жүрөт. Эч нерсе сакталган жок.',
      en: 'The change was refused: a record in it carries the id of someone else\'s record. Nothing was saved.',
    },
  },
  COLLAB_RECORD_REWRITE: {
    status: 403,
    text: {
      ru: 'Изменение отклонено: замечание или ответ можно исправить или удалить, но не стереть и не переписать его историю. Ничего не сохранено.',
      ky: 'Өзгөртүү четке кагылды: сын-пикирди же жоопту оңдоого же өчүрүүгө болот, бирок аны жок кылууга же анын тарыхын кайра жазууга болбойт. Эч нерсе сакталган жок.',
      en: 'The change was refused: a finding or reply can be edited or deleted, but not erased or its history rewritten. Nothing was saved.',
    },
  },
  COLLAB_NOT_JOINED: {
    status: 409,
    text: {
      ru: 'Сначала откройте документ (doc:join), затем отправляйте изменения.',
      ky: 'Адегенде документти ачыңыз (doc:join), андан кийин өзгөртүүлөрдү жөнөтүңүз.',
      en: 'Join the document (doc:join) before sending to it.',
    },
  },
  COLLAB_BAD_MESSAGE: {
    status: 400,
    text: {
      ru: 'Некорректное сообщение: {reason}',
      ky: 'Туура эмес билдирүү: {reason}',
      en: 'Malformed message: {reason}',
    },
  },
  COLLAB_UNKNOWN_EVENT: {
    status: 400,
    text: {
      ru: 'Неизвестное событие «{event}».',
      ky: '«{event}» деген белгисиз окуя.',
      en: 'Unknown event "{event}".',
    },
  },
  COLLAB_RATE_LIMITED: {
    status: 429,
    text: {
      ru: 'Слишком много изменений подряд; изменение будет отправлено повторно.',
      ky: 'Өтө көп өзгөртүү катары менен; өзгөртүү кайра жөнөтүлөт.',
      en: 'Too many changes at once; the change will be sent again.',
    },
  },
  COLLAB_REVIEW_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Экспертиза не найдена.',
      ky: 'Экспертиза табылган жок.',
      en: 'The review was not found.',
    },
  },
  COLLAB_NO_SUCH_VERSION: {
    status: 404,
    text: {
      ru: 'В этой экспертизе нет такой редакции проекта.',
      ky: 'Бул экспертизада долбоордун мындай редакциясы жок.',
      en: 'This review has no such version of the draft.',
    },
  },
  COLLAB_UNAVAILABLE: {
    status: 503,
    text: {
      ru: 'Документ временно недоступен; попробуйте ещё раз.',
      ky: 'Документ убактылуу жеткиликсиз; кайра аракет кылыңыз.',
      en: 'The document is temporarily unavailable; please try again.',
    },
  },
});

export type CollabErrorCode = keyof typeof CollabErrors;

/** Connection status a client shows: honest about whether the server has our work. */
export type CollabStatus = 'connecting' | 'syncing' | 'synced' | 'offline';
