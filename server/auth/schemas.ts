import type { z } from 'zod';

/**
 * The request schemas live in the HTTP contract (shared/contract): the field schemas in fields.ts,
 * each route's body with its route. What stays here is how a failed parse is reported.
 */

/** The field names of a failed parse, for the BAD_REQUEST message. */
export function failedFields(error: z.ZodError): string {
  const names = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(body)'))];
  return names.join(', ').slice(0, 200);
}
