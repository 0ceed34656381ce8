import express from 'express';
import { committees as contract } from '../../shared/contract';
import { audit } from '../audit';
import type { AppContext } from '../context';
import { parseBody } from '../auth/routes';
import { requireVerb } from '../auth/review-guard';
import { sendJson } from '../http/send-json';
import { CommitteeErrors } from './errors';
import { createCommittee, deleteCommittee, getCommittee, listCommittees, updateCommittee } from './store';

/**
 * The registry of committees: the secretary and the admin read it (the secretary chooses from it at
 * upload and at issue, and fills the conclusion's addressee from it); the admin adds committees,
 * renames them, changes the chair, deactivates and reactivates them, and removes one nothing names.
 */
export function mountCommitteeRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/committees', (req, res) => {
    requireVerb(req, 'listCommittees');
    sendJson(res, contract.listCommittees, { committees: listCommittees(ctx.db) });
  });

  const json = express.json({ limit: '16kb' });

  app.post('/api/admin/committees', json, (req, res) => {
    const session = requireVerb(req, 'manageCommittees');
    const body = parseBody(contract.createCommittee.body, req);
    const committee = createCommittee(ctx.db, body);
    audit(ctx.db, { userId: session.user.id, action: 'committee.created', target: committee.code, details: { after: committee } });
    sendJson(res, contract.createCommittee, { committee }, 201);
  });

  app.patch('/api/admin/committees/:code', json, (req, res) => {
    const session = requireVerb(req, 'manageCommittees');
    const before = codeOf(ctx, req.params);
    const patch = parseBody(contract.updateCommittee.body, req);
    const committee = updateCommittee(ctx.db, before.code, patch);
    audit(ctx.db, { userId: session.user.id, action: 'committee.updated', target: committee.code, details: { before, after: committee } });
    sendJson(res, contract.updateCommittee, { committee });
  });

  app.delete('/api/admin/committees/:code', (req, res) => {
    const session = requireVerb(req, 'manageCommittees');
    const removed = deleteCommittee(ctx.db, codeOf(ctx, req.params).code);
    audit(ctx.db, { userId: session.user.id, action: 'committee.deleted', target: removed.code, details: { before: removed } });
    sendJson(res, contract.deleteCommittee, { ok: true });
  });
}

/** The committee the path names; a malformed or unknown code is not found. */
function codeOf(ctx: AppContext, params: unknown) {
  const parsed = contract.updateCommittee.params.safeParse(params);
  const committee = parsed.success ? getCommittee(ctx.db, parsed.data.code) : undefined;
  if (!committee) throw CommitteeErrors.COMMITTEE_NOT_FOUND();
  return committee;
}
