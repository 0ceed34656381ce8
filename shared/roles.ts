/**
 * admin: manages accounts; secretary: imports, corrects the text, compiles and issues conclusions;
 * expert: annotates the reviews she is a member of; reader: committee staff reading issued conclusions.
 */
export const ROLES = ['admin', 'secretary', 'expert', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
