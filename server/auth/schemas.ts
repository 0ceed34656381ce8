import { z } from 'zod';
import { ROLES } from '../../shared/roles';
import { MAX_PASSWORD_LENGTH } from './password-policy';

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

export const LoginBody = z.object({ email: z.string().trim().min(3).max(320), password: Password });
export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password });
export const InvitationToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);
export const AcceptInviteBody = z.object({ token: InvitationToken, password: Password, name: PersonName.optional() });

/** The field names of a failed parse, for the BAD_REQUEST message. */
export function failedFields(error: z.ZodError): string {
  const names = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(body)'))];
  return names.join(', ').slice(0, 200);
}
