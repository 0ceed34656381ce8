import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';
import { loadReviewModel } from '../../server/collab/model';
import { addMember } from '../../server/reviews/members';
import { addAnnotation, addReply, setAnswer, setConclusionField, setFinalDecision, setVerdict } from '../../shared/collab/author-doc';
import { loadChecklists, DEFAULT_CHECKLIST_ID } from '../../server/checklist/service';
import type { ConclusionFields } from '../../shared/review-model';
import { authorDocName } from '../../shared/protocol';
import { api, login, makeUser, type Auth } from '../helpers/app';
import { completeFields } from '../export/fixtures';
import { buildWorld, type World } from '../security/world';

/**
 * The security tests' world (every role, a working and an issued review) plus a review whose answers
 * have something in every field: a real draft imported over HTTP, the engine's candidates, an expert's
 * finding, comment, reply, verdict and checklist answer, the secretary's decisions and a complete
 * conclusion, issued to the reader's committee. Empty lists would let a wrong item schema pass.
 */
export interface ContractWorld extends World {
  /** The rich review, issued to 'social'. */
  draftId: string;
  /** The sample draft as a multipart form, for the upload routes. */
  draftForm(): FormData;
  /** An admin's invitation, for the routes that read, accept or revoke one. */
  invite(): Promise<{ id: string; token: string }>;
  /** A new account signed in, for the routes that end or replace her sessions. */
  throwaway(): Promise<{ auth: Auth; password: string }>;
}

const SAMPLE = path.join(PROJECT_ROOT, 'data/samples/proekt-zakona-o-podderzhke-semei-ru.txt');

export async function buildContractWorld(): Promise<ContractWorld> {
  const world = await buildWorld();
  const { server, people } = world;
  const draftForm = () => {
    const form = new FormData();
    form.set('file', new Blob([fs.readFileSync(SAMPLE)]), 'proekt.txt');
    form.set('title', 'Contract draft');
    return form;
  };
  const uploaded = await api(server, people.secretary.auth, '/api/reviews', { method: 'POST', body: draftForm() });
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
  const draftId = ((await uploaded.json()) as { review: { id: string } }).review.id;
  addMember(server.tendik.ctx.db, draftId, people.member.user.id);
  await annotate(world, draftId);
  server.tendik.ctx.db.prepare("UPDATE reviews SET status = 'issued', committee = 'social' WHERE id = ?").run(draftId);

  let invitations = 0;
  return {
    ...world,
    draftId,
    draftForm,
    invite: async () => {
      invitations += 1;
      const res = await api(server, people.admin.auth, '/api/admin/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `contract${invitations}@invite.test`, name: `Invitee ${invitations}`, role: 'expert' }),
      });
      const body = (await res.json()) as { invitation: { id: string }; token: string };
      return { id: body.invitation.id, token: body.token };
    },
    throwaway: async () => {
      const { user, password } = await makeUser(server, 'expert');
      return { auth: await login(server, user.email, password), password };
    },
  };
}

/** Writes the expert's and the secretary's work into their author docs, as their editors would. */
async function annotate(world: World, reviewId: string): Promise<void> {
  const { server, people } = world;
  const hub = server.tendik.ctx.collab;
  const model = await loadReviewModel(server.tendik.ctx, reviewId);
  const candidate = model.findings.find((f) => f.origin === 'engine');
  if (!candidate) throw new Error('the sample draft raised no candidate: the contract world needs one');
  const checklist = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID)!.checklist;
  const criterion = [...checklist.criteria.values()].find((c) => c.questions.length > 0)!;
  const anchor = { clauseId: candidate.clauseId, quote: candidate.quote };
  const expert = people.member.user.id;
  const finding = await hub.withRoom(reviewId, authorDocName(expert), (room) => {
    const made = addAnnotation(room.doc, expert, {
      kind: 'finding',
      anchor,
      body: 'The wording leaves women out.',
      criterionId: candidate.criterionId,
      severity: 'concern',
      proposedWording: 'every parent',
    });
    addAnnotation(room.doc, expert, { kind: 'comment', anchor, body: 'See also the next article.' });
    addReply(room.doc, expert, candidate.id, 'Agreed.');
    setVerdict(room.doc, expert, { targetId: candidate.id, decision: 'confirm', wording: 'each parent' });
    setAnswer(room.doc, expert, { criterionId: criterion.id, questionId: criterion.questions[0]!.id, value: 'partly', note: 'In part.' });
    return made;
  });
  const secretary = people.secretary.user.id;
  await hub.withRoom(reviewId, authorDocName(secretary), (room) => {
    setFinalDecision(room.doc, { targetId: finding.id, decision: 'confirmed', wording: 'every parent' });
    setFinalDecision(room.doc, { targetId: candidate.id, decision: 'dismissed', justification: 'Covered elsewhere.' });
    const fields = completeFields();
    for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(room.doc, key, fields[key]);
  });
}
