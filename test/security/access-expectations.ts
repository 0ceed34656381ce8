import { createCommittee } from '../../server/committees/store';
import { attach, insertBaseAct } from '../../server/amend/store';
import { addMember } from '../../server/reviews/members';
import { seedStatuses } from '../recommendations/seed';
import type { Actor, World } from './world';

/**
 * What each role may do, route by route: the security contract of the HTTP API. Every route the app
 * answers must appear here (access-table.test.ts fails on a route without an expectation), so a new
 * route cannot ship without someone deciding who may call it.
 *
 * "Allowed" means the request gets past the access decision: it may still be refused for its body
 * (400), which is why the bodies below are often deliberately empty — the table checks who is let
 * in, the route's own tests check what it does.
 */
export interface Expectation {
  /** Who is let in; per review for routes about one review (`:id` is that review). */
  allow: readonly Actor[] | { working: readonly Actor[]; issued: readonly Actor[] };
  /** Values for path parameters other than a review's `:id`. */
  params?: (world: World) => Record<string, string> | Promise<Record<string, string>>;
  body?: (world: World) => unknown;
  /** A query string for routes that read their arguments from it. */
  query?: Record<string, string>;
  /** The route ends sessions: call it with a session of its own. */
  freshSession?: boolean;
  /** Puts the world back after an allowed call changed it. */
  restore?: (world: World) => void | Promise<void>;
}

const EVERYONE: readonly Actor[] = ['anonymous', 'admin', 'secretary', 'member', 'outsider', 'reader', 'otherReader'];
const SIGNED_IN: readonly Actor[] = ['admin', 'secretary', 'member', 'outsider', 'reader', 'otherReader'];
/** Reads the working documents of a review: the secretary and its member experts. */
const WORKING_READERS = { working: ['secretary', 'member'], issued: ['secretary', 'member'] } as const;
/** Reads an issued conclusion: the working readers plus the committee it was issued to. */
const CONCLUSION_READERS = { working: ['secretary', 'member'], issued: ['secretary', 'member', 'reader'] } as const;
const SECRETARY_OF_REVIEW = { working: ['secretary'], issued: ['secretary'] } as const;

let invitationCounter = 0;
let committeeCounter = 0;

export const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/health': { allow: EVERYONE },
  // The browser app's pages (index.html for every non-API path): public, the API decides the rest.
  [`GET ${String(/^(?!\/api\/|\/api$|\/socket\.io\/).*/)}`]: { allow: EVERYONE },

  // Sign-in and invitations work without a session; the body is empty, so nothing is changed.
  'POST /api/auth/login': { allow: EVERYONE, body: () => ({}) },
  'POST /api/auth/invitation': { allow: EVERYONE, body: () => ({}) },
  'POST /api/auth/accept-invite': { allow: EVERYONE, body: () => ({}) },
  'POST /api/auth/password-reset/request': { allow: EVERYONE, body: () => ({}) },
  'POST /api/auth/password-reset': { allow: EVERYONE, body: () => ({}) },
  'POST /api/auth/logout': { allow: EVERYONE, freshSession: true },
  'POST /api/auth/logout-all': {
    allow: SIGNED_IN,
    freshSession: true,
    // Every session of the caller ended, the one the table uses too: sign everyone in again.
    restore: (w) => w.signInAgain(),
  },
  'GET /api/auth/me': { allow: SIGNED_IN },
  'POST /api/auth/password': { allow: SIGNED_IN, body: () => ({}) },

  'GET /api/admin/users': { allow: ['admin'] },
  'PATCH /api/admin/users/:id': {
    allow: ['admin'],
    params: (w) => ({ id: w.spareExpert.id }),
    body: (w) => ({ name: w.spareExpert.name }),
  },
  'GET /api/admin/invitations': { allow: ['admin'] },
  'POST /api/admin/invitations': {
    allow: ['admin'],
    body: () => ({ email: `invitee${++invitationCounter}@table.test`, name: 'Invitee', role: 'expert' }),
  },
  'DELETE /api/admin/invitations/:id': {
    allow: ['admin'],
    params: async (w) => {
      const res = await fetch(`${w.server.url}/api/admin/invitations`, {
        method: 'POST',
        headers: {
          cookie: w.people.admin.auth.cookie,
          'x-csrf-token': w.people.admin.auth.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email: `revoke${++invitationCounter}@table.test`, name: 'To revoke', role: 'expert' }),
      });
      return { id: ((await res.json()) as { invitation: { id: string } }).invitation.id };
    },
  },

  // The registry of committees: the secretary chooses from it, the admin keeps it.
  'GET /api/committees': { allow: ['admin', 'secretary'] },
  // An empty body: let in, refused for it (400), nothing registered.
  'POST /api/admin/committees': { allow: ['admin'], body: () => ({}) },
  'PATCH /api/admin/committees/:code': {
    allow: ['admin'],
    params: () => ({ code: 'social' }),
    // Active already: the committee stays as it was.
    body: () => ({ active: true }),
  },
  'DELETE /api/admin/committees/:code': {
    allow: ['admin'],
    params: (w) => {
      const code = `table-${++committeeCounter}`;
      createCommittee(w.server.tendik.ctx.db, { code, names: { ru: 'Удаляемый', ky: 'Өчүрүлүүчү', en: 'To remove' } });
      return { code };
    },
  },

  'GET /api/audit': { allow: ['admin', 'secretary'] },
  'GET /api/audit.csv': { allow: ['admin', 'secretary'] },
  'GET /api/recommendations/stats': { allow: ['admin', 'secretary'] },
  'GET /api/checklists/stats': { allow: ['admin', 'secretary'] },
  'GET /api/checklists/stats.csv': { allow: ['admin', 'secretary'] },
  'GET /api/recommendations/stats.csv': { allow: ['admin', 'secretary'] },
  // A reading's recommendation statuses: working material (committee readers get the issued conclusion only).
  'GET /api/reviews/:id/readings/:seq/recommendations': {
    allow: WORKING_READERS,
    params: (w) => {
      for (const review of [w.working, w.issued]) seedStatuses(w.server.tendik.ctx.db, review.id, 2, [{ findingId: 'access-finding' }]);
      return { seq: '2' };
    },
  },
  'POST /api/reviews/:id/readings/:seq/recommendations/:findingId': {
    allow: SECRETARY_OF_REVIEW,
    params: (w) => {
      for (const review of [w.working, w.issued]) seedStatuses(w.server.tendik.ctx.db, review.id, 2, [{ findingId: 'access-finding' }]);
      return { seq: '2', findingId: 'access-finding' };
    },
  },

  // Import: a secretary's work. Without a multipart body the secretary gets a 400, and nothing is stored.
  'POST /api/reviews': { allow: ['secretary'] },
  'POST /api/import/preview': { allow: ['secretary'] },

  // Reading reviews: everyone signed in gets the list of what she may see (review-visibility.test.ts
  // checks its contents); the committee reader gets an issued review's card, never its working parts.
  'GET /api/reviews': { allow: SIGNED_IN },
  // Her own @mentions only, in the reviews she reads (mentions tests check whose): anyone signed in.
  'GET /api/mentions': { allow: SIGNED_IN },
  'GET /api/reviews/:id': { allow: CONCLUSION_READERS },
  'GET /api/reviews/:id/outline': { allow: WORKING_READERS },
  'GET /api/reviews/:id/model': { allow: WORKING_READERS },

  // Export: the committee gets the issued conclusion and its table, never the working material.
  'GET /api/reviews/:id/conclusion.docx': { allow: CONCLUSION_READERS },
  'GET /api/reviews/:id/conclusion/table.docx': { allow: CONCLUSION_READERS },
  'GET /api/reviews/:id/conclusion/view': { allow: CONCLUSION_READERS },
  'GET /api/reviews/:id/conclusion/preview': { allow: WORKING_READERS },
  'GET /api/reviews/:id/working-copy.docx': { allow: WORKING_READERS },

  // The gender-expertise checklist is the Alliance's published method: any signed-in user reads it.
  'GET /api/checklists/current': { allow: SIGNED_IN },

  // The checklist engine run again over the current text: the secretary's.
  'POST /api/reviews/:id/analysis': { allow: SECRETARY_OF_REVIEW },
  'GET /api/reviews/:id/members': { allow: WORKING_READERS },
  'POST /api/reviews/:id/members': { allow: SECRETARY_OF_REVIEW, body: (w) => ({ userId: w.spareExpert.id }) },
  'DELETE /api/reviews/:id/members/:userId': {
    allow: SECRETARY_OF_REVIEW,
    // The member is removed and at once put back, so the rest of the table sees the same world.
    params: (w) => ({ userId: w.people.member.user.id }),
    restore: (w) => {
      for (const review of [w.working, w.issued]) addMember(w.server.tendik.ctx.db, review.id, w.people.member.user.id);
    },
  },
  'GET /api/experts': { allow: ['secretary'] },
  // Readings (issue 16): everyone working on the review reads them; the secretary adds one. Without a
  // multipart body the secretary gets a 400, and nothing is stored; re-attaching without a body is a 400.
  'GET /api/reviews/:id/versions': { allow: WORKING_READERS },
  'GET /api/reviews/:id/versions/:seq': { allow: WORKING_READERS, params: () => ({ seq: '1' }) },
  'GET /api/reviews/:id/versions/compare': { allow: WORKING_READERS, query: { from: '1', to: '1' } },
  'GET /api/reviews/:id/versions/:seq/placements': { allow: WORKING_READERS, params: () => ({ seq: '1' }) },
  'POST /api/reviews/:id/versions/:seq/placements/:annotationId': {
    allow: WORKING_READERS,
    params: () => ({ seq: '1', annotationId: 'nobody:none' }),
  },
  'POST /api/reviews/:id/versions/preview': { allow: SECRETARY_OF_REVIEW },
  'POST /api/reviews/:id/versions': { allow: SECRETARY_OF_REVIEW },

  // Base acts of amendment laws (issue 20): the library is read by experts and the secretary, filled
  // by the secretary; attaching an act to a review is the review's secretary's.
  'GET /api/base-acts': { allow: ['secretary', 'member', 'outsider'] },
  'POST /api/base-acts': { allow: ['secretary'] },
  'GET /api/reviews/:id/base-acts': { allow: WORKING_READERS },
  'GET /api/reviews/:id/amendments': { allow: WORKING_READERS },
  'POST /api/reviews/:id/base-acts': { allow: SECRETARY_OF_REVIEW, body: () => ({}) },
  'DELETE /api/reviews/:id/base-acts/:actId': {
    allow: SECRETARY_OF_REVIEW,
    // A fresh act attached to both reviews for every call, so an allowed detach finds it.
    params: (w) => {
      const db = w.server.tendik.ctx.db;
      const act = insertBaseAct(db, {
        title: 'Access table act',
        editionDate: null,
        source: null,
        sourceName: 'act.txt',
        tree: { meta: { title: 'Access table act', language: 'ru' }, clauses: [] } as never,
        sourceSha256: '0'.repeat(64),
        createdBy: w.people.secretary.user.id,
      });
      for (const review of [w.working, w.issued]) attach(db, review.id, act.id, null, w.people.secretary.user.id);
      return { actId: act.id };
    },
  },
  'PATCH /api/reviews/:id': {
    allow: SECRETARY_OF_REVIEW,
    // An empty body is refused for its content (400) once let in: the title stays as it was.
    body: () => ({}),
  },
  'POST /api/reviews/:id/status': {
    allow: SECRETARY_OF_REVIEW,
    // Sending each review its current status keeps the world as it was.
    body: () => ({}),
  },
};

export { CONCLUSION_READERS, WORKING_READERS, SECRETARY_OF_REVIEW, SIGNED_IN, EVERYONE };
