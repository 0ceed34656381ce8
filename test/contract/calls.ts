import { api, makeUser, type Auth } from '../helpers/app';
import type { ContractWorld } from './contract-world';
import { seedStatuses } from '../recommendations/seed';

/**
 * How to get a real answer from each route of the contract: who calls, with what. Keyed by
 * `METHOD /path` as in the contract; the calls run in this order, so the routes that change the world
 * (members, status, sessions) come after those that read it. A route of the contract without calls
 * here fails contract.test.ts, as does a call for a route the contract does not have.
 */
export interface CallRequest {
  auth: Auth | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A multipart body (the uploads). */
  form?: FormData;
}

export type Call = (w: ContractWorld) => CallRequest | Promise<CallRequest>;

const working = (w: ContractWorld) => ({ id: w.working.id });
const draft = (w: ContractWorld) => ({ id: w.draftId });

export const JSON_CALLS: Record<string, Call[]> = {
  'GET /api/health': [() => ({ auth: null })],

  'POST /api/auth/login': [(w) => ({ auth: null, body: { email: w.people.member.user.email, password: w.people.member.password } })],
  'GET /api/auth/me': [(w) => ({ auth: w.auth('secretary') }), (w) => ({ auth: w.auth('reader') })],
  'POST /api/auth/logout': [async (w) => ({ auth: await w.freshAuth('member') })],
  'POST /api/auth/logout-all': [async (w) => ({ auth: (await w.throwaway()).auth })],
  'POST /api/auth/password': [
    async (w) => {
      const { auth, password } = await w.throwaway();
      return { auth, body: { currentPassword: password, newPassword: 'a new password, long enough' } };
    },
  ],
  'POST /api/auth/invitation': [async (w) => ({ auth: null, body: { token: (await w.invite()).token } })],
  'POST /api/auth/accept-invite': [
    async (w) => ({ auth: null, body: { token: (await w.invite()).token, password: 'a password, long enough', name: 'New Expert' } }),
  ],

  'POST /api/auth/password-reset/request': [(w) => ({ auth: null, body: { email: w.spareExpert.email } })],
  'POST /api/auth/password-reset': [
    async (w) => {
      const { user } = await makeUser(w.server, 'expert');
      await fetch(`${w.server.url}/api/auth/password-reset/request`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email }) });
      const mail = w.mails.filter((m) => m.to === user.email).at(-1)!;
      return { auth: null, body: { token: /#token=([\w-]+)/.exec(mail.text)![1], password: 'a password, long enough' } };
    },
  ],

  'GET /api/admin/users': [(w) => ({ auth: w.auth('admin') })],
  'PATCH /api/admin/users/:id': [(w) => ({ auth: w.auth('admin'), params: { id: w.spareExpert.id }, body: { name: w.spareExpert.name } })],
  'POST /api/admin/invitations': [
    (w) => ({ auth: w.auth('admin'), body: { email: 'reader@invite.test', name: 'Reader', role: 'reader', committee: 'social' } }),
  ],
  'GET /api/admin/invitations': [(w) => ({ auth: w.auth('admin') })],
  'DELETE /api/admin/invitations/:id': [async (w) => ({ auth: w.auth('admin'), params: { id: (await w.invite()).id } })],

  'GET /api/committees': [(w) => ({ auth: w.auth('secretary') }), (w) => ({ auth: w.auth('admin') })],
  'POST /api/admin/committees': [
    (w) => ({
      auth: w.auth('admin'),
      body: { code: 'foreign', names: { ru: 'Комитет по международным делам', ky: 'Эл аралык иштер боюнча комитет', en: 'Committee on International Affairs' }, chair: 'К. Мамытова' },
    }),
  ],
  'PATCH /api/admin/committees/:code': [(w) => ({ auth: w.auth('admin'), params: { code: 'foreign' }, body: { active: false } })],
  'DELETE /api/admin/committees/:code': [(w) => ({ auth: w.auth('admin'), params: { code: 'foreign' } })],

  'GET /api/audit': [(w) => ({ auth: w.auth('admin'), query: { limit: '50' } }), (w) => ({ auth: w.auth('secretary'), query: { action: 'review.*' } })],

  'POST /api/reviews': [(w) => ({ auth: w.auth('secretary'), form: w.draftForm() })],
  'POST /api/import/preview': [(w) => ({ auth: w.auth('secretary'), form: w.draftForm() })],

  'GET /api/reviews': [(w) => ({ auth: w.auth('secretary') }), (w) => ({ auth: w.auth('member') }), (w) => ({ auth: w.auth('reader') })],
  'PATCH /api/reviews/:id': [(w) => ({ auth: w.auth('secretary'), params: draft(w), body: { title: 'Проект закона о поддержке семей' } })],
  'GET /api/mentions': [(w) => ({ auth: w.auth('member') }), (w) => ({ auth: w.auth('secretary') }), (w) => ({ auth: w.auth('reader') })],
  'GET /api/reviews/:id': [
    (w) => ({ auth: w.auth('secretary'), params: draft(w) }),
    (w) => ({ auth: w.auth('member'), params: draft(w) }),
    (w) => ({ auth: w.auth('reader'), params: draft(w) }),
  ],
  'GET /api/reviews/:id/outline': [(w) => ({ auth: w.auth('member'), params: draft(w) }), (w) => ({ auth: w.auth('secretary'), params: working(w) })],
  'GET /api/reviews/:id/model': [(w) => ({ auth: w.auth('secretary'), params: draft(w) }), (w) => ({ auth: w.auth('member'), params: working(w) })],

  'GET /api/checklists/current': [(w) => ({ auth: w.auth('reader') })],
  'GET /api/reviews/:id/conclusion/preview': [
    (w) => ({ auth: w.auth('secretary'), params: draft(w), query: { lang: 'ky' } }),
    (w) => ({ auth: w.auth('member'), params: working(w), query: { lang: 'en' } }),
  ],
  'GET /api/reviews/:id/conclusion/view': [(w) => ({ auth: w.auth('reader'), params: draft(w), query: { lang: 'en' } })],

  'GET /api/experts': [(w) => ({ auth: w.auth('secretary') })],
  'GET /api/reviews/:id/members': [(w) => ({ auth: w.auth('member'), params: draft(w) })],
  'POST /api/reviews/:id/members': [
    (w) => ({ auth: w.auth('secretary'), params: working(w), body: { userId: w.spareExpert.id } }),
    // She is on it already: 200 and the same list.
    (w) => ({ auth: w.auth('secretary'), params: working(w), body: { userId: w.spareExpert.id } }),
  ],
  'DELETE /api/reviews/:id/members/:userId': [(w) => ({ auth: w.auth('secretary'), params: { ...working(w), userId: w.spareExpert.id } })],
  'POST /api/reviews/:id/status': [(w) => ({ auth: w.auth('secretary'), params: working(w), body: { status: 'in_review' } })],
  'POST /api/reviews/:id/analysis': [(w) => ({ auth: w.auth('secretary'), params: draft(w) })],

  'GET /api/reviews/:id/versions': [(w) => ({ auth: w.auth('member'), params: draft(w) })],
  'POST /api/reviews/:id/versions/preview': [(w) => ({ auth: w.auth('secretary'), params: draft(w), form: w.draftForm() })],
  'POST /api/reviews/:id/versions': [
    (w) => {
      const form = w.draftForm();
      form.set('label', '2-е чтение');
      form.set('date', '2026-11-20');
      return { auth: w.auth('secretary'), params: draft(w), form };
    },
  ],
  'GET /api/reviews/:id/versions/compare': [(w) => ({ auth: w.auth('member'), params: draft(w), query: { from: '1', to: '2' } })],
  'GET /api/reviews/:id/versions/:seq': [(w) => ({ auth: w.auth('member'), params: { ...draft(w), seq: '2' } })],
  'GET /api/reviews/:id/versions/:seq/placements': [
    (w) => ({ auth: w.auth('member'), params: { ...draft(w), seq: '2' } }),
    (w) => ({ auth: w.auth('secretary'), params: { ...draft(w), seq: '1' } }),
  ],
  'POST /api/reviews/:id/versions/:seq/placements/:annotationId': [
    async (w) => {
      const res = await api(w.server, w.auth('secretary'), `/api/reviews/${w.draftId}/versions/2/placements`);
      const { placements } = (await res.json()) as { placements: Array<{ annotationId: string; origin: string; clauseId: string | null }> };
      const mine = placements.find((p) => p.origin === 'expert' && p.clauseId !== null)!;
      return { auth: w.auth('member'), params: { ...draft(w), seq: '2', annotationId: mine.annotationId }, body: { clauseId: mine.clauseId, start: 0, end: 4 } };
    },
  ],
  'GET /api/reviews/:id/readings/:seq/recommendations': [
    (w) => {
      seedStatuses(w.server.tendik.ctx.db, w.working.id, 2, [{ findingId: 'contract-a' }, { findingId: 'contract-b', detected: 'not_applicable', newText: null }]);
      return { auth: w.auth('member'), params: { ...working(w), seq: '2' } };
    },
  ],
  'POST /api/reviews/:id/readings/:seq/recommendations/:findingId': [
    (w) => {
      seedStatuses(w.server.tendik.ctx.db, w.working.id, 2, [{ findingId: 'contract-a' }]);
      return { auth: w.auth('secretary'), params: { ...working(w), seq: '2', findingId: 'contract-a' }, body: { status: 'partly' } };
    },
  ],
  'GET /api/checklists/stats': [(w) => ({ auth: w.auth('secretary'), query: { lang: 'ru' } }), (w) => ({ auth: w.auth('admin') })],
  'GET /api/recommendations/stats': [(w) => ({ auth: w.auth('secretary'), query: { lang: 'ky' } }), (w) => ({ auth: w.auth('admin') })],

  // Issue 20: the library of base acts and the amendment law applied (the sample draft serves as a base act).
  'POST /api/base-acts': [
    (w) => {
      const form = w.draftForm();
      form.set('title', 'О поддержке семей');
      form.set('editionDate', '2024-01-01');
      return { auth: w.auth('secretary'), form };
    },
  ],
  'GET /api/base-acts': [(w) => ({ auth: w.auth('secretary') }), (w) => ({ auth: w.auth('member') })],
  'POST /api/reviews/:id/base-acts': [
    async (w) => {
      const res = await api(w.server, w.auth('secretary'), '/api/base-acts');
      const { acts } = (await res.json()) as { acts: Array<{ id: string }> };
      return { auth: w.auth('secretary'), params: working(w), body: { baseActId: acts[0]!.id, forTitle: 'О поддержке семей' } };
    },
  ],
  'GET /api/reviews/:id/base-acts': [(w) => ({ auth: w.auth('member'), params: working(w) })],
  'GET /api/reviews/:id/amendments': [(w) => ({ auth: w.auth('member'), params: working(w) }), (w) => ({ auth: w.auth('secretary'), params: draft(w) })],
  'DELETE /api/reviews/:id/base-acts/:actId': [
    async (w) => {
      const res = await api(w.server, w.auth('secretary'), '/api/base-acts');
      const { acts } = (await res.json()) as { acts: Array<{ id: string }> };
      return { auth: w.auth('secretary'), params: { ...working(w), actId: acts[0]!.id } };
    },
  ],
};

/** The file routes answer their file to the roles meant to download it. */
export const FILE_CALLS: Record<string, Call[]> = {
  'GET /api/audit.csv': [(w) => ({ auth: w.auth('admin') })],
  'GET /api/recommendations/stats.csv': [(w) => ({ auth: w.auth('secretary'), query: { lang: 'en' } })],
  'GET /api/checklists/stats.csv': [(w) => ({ auth: w.auth('secretary'), query: { lang: 'ky' } })],
  'GET /api/reviews/:id/conclusion.docx': [(w) => ({ auth: w.auth('reader'), params: draft(w), query: { lang: 'ru' } })],
  'GET /api/reviews/:id/conclusion/table.docx': [(w) => ({ auth: w.auth('reader'), params: draft(w), query: { lang: 'ky' } })],
  'GET /api/reviews/:id/working-copy.docx': [(w) => ({ auth: w.auth('member'), params: draft(w) })],
};
