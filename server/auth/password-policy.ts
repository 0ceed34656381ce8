import { MAX_PASSWORD_LENGTH } from '../../shared/contract/fields';
import { AccountErrors } from './errors';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Length is what makes a password strong against offline guessing; composition rules only push
 * people to `Password1!`. An upper bound keeps scrypt's input sane.
 */
export function assertAcceptablePassword(password: string, email: string): void {
  const length = [...password.normalize('NFKC')].length;
  if (
    length < MIN_PASSWORD_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH ||
    password.trim().toLowerCase() === email.trim().toLowerCase()
  )
    throw AccountErrors.WEAK_PASSWORD({ min: MIN_PASSWORD_LENGTH });
}
