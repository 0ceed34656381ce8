import { z } from 'zod';
import { LANGS } from '../i18n/lang';
import { ROLES } from '../roles';

/**
 * Field schemas several routes share. Request fields validate what people type (trimmed, bounded,
 * no control characters); response fields describe what the server stores and sends back.
 */

/** scrypt's input stays sane below this; the lower bound is the password policy's (server/auth/password-policy.ts). */
export const MAX_PASSWORD_LENGTH = 1024;

// Control characters have no place in a name or address and would corrupt logs and CSV.
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;

export const Email = z.string().trim().max(320).pipe(z.email());
export const PersonName = z.string().trim().min(1).max(200).regex(NO_CONTROL);
/** A committee is a short slug (`social`, `budget`), matched exactly against reviews. */
export const Committee = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
export const RoleName = z.enum(ROLES);
export const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const InvitationToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const LangCode = z.enum(LANGS);
/** A text in every language, as the server sends its messages and the checklist its wording. */
export const I18nTextSchema = z.object({ ru: z.string(), ky: z.string(), en: z.string() });

/** The simplest answer: the action was done. */
export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;
