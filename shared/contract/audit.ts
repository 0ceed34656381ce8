import { z } from 'zod';
import { fileRoute, route } from './route';

/** The audit log, for the admin and the secretary (server/admin/audit-routes.ts). */

/** A time bound: ms since the epoch, or an ISO date / date-time. */
const Instant = z.union([
  z.string().regex(/^\d{1,15}$/).transform(Number),
  z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .transform((value, check) => {
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) {
        check.addIssue({ code: 'custom', message: 'date' });
        return z.NEVER;
      }
      return ms;
    }),
]);

/** The filter, as query parameters (strings); `before` pages backwards by sequence number. */
export const AuditQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  userId: z.string().max(64).optional(),
  reviewId: z.string().max(64).optional(),
  action: z
    .string()
    .max(64)
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/)
    .optional(),
  before: z.string().regex(/^\d{1,15}$/).transform(Number).optional(),
  limit: z.string().regex(/^\d{1,6}$/).transform(Number).optional(),
  lang: z.string().optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.number(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  userName: z.string().nullable(),
  reviewId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** Whatever the action recorded (JSON); null when nothing. */
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `nextBefore` continues the listing with older entries; null on an empty page. */
export const AuditPageResponse = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().nullable() });
export type AuditPageResponse = z.infer<typeof AuditPageResponse>;

export const listAudit = route({
  method: 'GET',
  path: '/api/audit',
  summary: 'a filtered page of the audit log, newest first',
  query: AuditQuery,
  response: AuditPageResponse,
});
export const exportAuditCsv = fileRoute({
  method: 'GET',
  path: '/api/audit.csv',
  summary: 'the filtered audit log as CSV',
  query: AuditQuery,
  produces: 'text/csv',
});
