import { afterAll, expect, it } from 'vitest';
import { canDo, reviewPolicy, type ExportKind, type GlobalVerb, type ReviewVerb } from '../../server/auth/policies';
import { authorDocName, type DocName } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import type { User } from '../../server/auth/users';
import { buildWorld, type Actor } from './world';

/**
 * The policies as a table: every verb for every kind of person on a review, written out here by hand
 * so that a change of who may do what is a visible change of this file (the routes and the socket
 * tests check that the server asks the policies; this checks what they answer).
 */
const world = await buildWorld();
afterAll(() => world.server.close());
const userOf = (actor: Actor): User => world.people[actor as Exclude<Actor, 'anonymous'>].user;

const reviewVerbs: Record<ReviewVerb, Actor[]> = {
  readCard: ['secretary', 'member', 'reader'],
  readWorkingDocs: ['secretary', 'member'],
  rerunChecklist: ['secretary'],
  manageMembers: ['secretary'],
  setStatus: ['secretary'],
  addVersion: ['secretary'],
  decideRecommendations: ['secretary'],
  attachBaseAct: ['secretary'],
  renameReview: ['secretary'],
};
const exports: Record<ExportKind, Actor[]> = {
  conclusion: ['secretary', 'member', 'reader'],
  table: ['secretary', 'member', 'reader'],
  view: ['secretary', 'member', 'reader'],
  preview: ['secretary', 'member'],
  workingCopy: ['secretary', 'member'],
};
const globalVerbs: Record<GlobalVerb, Role[]> = {
  importDraft: ['secretary'],
  listExperts: ['secretary'],
  manageAccounts: ['admin'],
  readAudit: ['admin', 'secretary'],
  listCommittees: ['admin', 'secretary'],
  manageCommittees: ['admin'],
  readAllianceStats: ['admin', 'secretary'],
  listBaseActs: ['secretary', 'expert'],
  importBaseAct: ['secretary'],
};
const people: Actor[] = ['admin', 'secretary', 'member', 'outsider', 'reader', 'otherReader'];

it('answers every review verb and export as the table says, and gives outsiders no policy at all', () => {
  const review = world.issued;
  for (const actor of people) {
    const policy = reviewPolicy(world.server.tendik.ctx.db, userOf(actor), review.id);
    const visible = [...new Set([...Object.values(reviewVerbs), ...Object.values(exports)].flat())];
    expect(policy !== null, actor).toBe(visible.includes(actor));
    for (const [verb, allowed] of Object.entries(reviewVerbs)) expect(policy?.can(verb as ReviewVerb) ?? false, `${actor} ${verb}`).toBe(allowed.includes(actor));
    for (const [kind, allowed] of Object.entries(exports)) expect(policy?.canExport(kind as ExportKind) ?? false, `${actor} export ${kind}`).toBe(allowed.includes(actor));
  }
});

it('reads and writes docs as docs/collaboration.md says: the draft its secretaries, an author doc its author, the engine doc nobody', () => {
  const review = world.issued;
  const db = world.server.tendik.ctx.db;
  const secretary = reviewPolicy(db, userOf('secretary'), review.id)!;
  const member = reviewPolicy(db, userOf('member'), review.id)!;
  const reader = reviewPolicy(db, userOf('reader'), review.id)!;
  const own = authorDocName(userOf('member').id);
  const secretarys = authorDocName(userOf('secretary').id);
  const outsiders = authorDocName(userOf('outsider').id);
  const table: Array<[DocName, [boolean, boolean], [boolean, boolean], [boolean, boolean]]> = [
    // doc            secretary read/write  member read/write  reader read/write
    ['text', [true, true], [true, false], [false, false]],
    ['engine', [true, false], [true, false], [false, false]],
    [own, [true, false], [true, true], [false, false]],
    [secretarys, [true, true], [true, false], [false, false]],
    [outsiders, [false, false], [false, false], [false, false]],
  ];
  for (const [doc, s, m, r] of table) {
    expect([secretary.canReadDoc(doc), secretary.canWriteDoc(doc)], `secretary ${doc}`).toEqual(s);
    expect([member.canReadDoc(doc), member.canWriteDoc(doc)], `member ${doc}`).toEqual(m);
    expect([reader.canReadDoc(doc), reader.canWriteDoc(doc)], `reader ${doc}`).toEqual(r);
  }
});

it('answers the verbs that concern no one review by role', () => {
  const roles: Role[] = ['admin', 'secretary', 'expert', 'reader'];
  for (const [verb, allowed] of Object.entries(globalVerbs))
    for (const role of roles) expect(canDo({ role }, verb as GlobalVerb), `${role} ${verb}`).toBe(allowed.includes(role));
});
