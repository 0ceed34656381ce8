import type { ClauseTree } from '../../shared/clause';
import type { Role } from '../../shared/roles';
import type { User } from '../../server/auth/users';
import { createReview, type Review } from '../../server/reviews/store';
import type { OutgoingMail } from '../../server/mail/mailer';
import { login, makeUser, startTestServer, type Auth, type TestServer } from '../helpers/app';

/**
 * Who may knock on the door. Two experts and two readers, because the interesting answers are about
 * the one who belongs (a member, the committee the conclusion went to) and the one who does not.
 */
export const ACTORS = ['anonymous', 'admin', 'secretary', 'member', 'outsider', 'reader', 'otherReader'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Person {
  user: User;
  password: string;
  auth: Auth;
}

export interface World {
  server: TestServer;
  people: Record<Exclude<Actor, 'anonymous'>, Person>;
  /** In review: the member expert works on it. */
  working: Review;
  /** Issued to the committee 'social' (the reader's); the member expert worked on it too. */
  issued: Review;
  /** An expert who is nobody's member yet: the target of member additions and removals. */
  spareExpert: User;
  auth(actor: Actor): Auth | null;
  /** Signs the actor in again: a session of her own for routes that end sessions. */
  freshAuth(actor: Actor): Promise<Auth | null>;
  /** Replaces every actor's session whose session has ended. */
  signInAgain(): Promise<void>;
  /** What the server mailed: the world's server sends mail, kept here instead of an SMTP server (test/mail/ uses a real one). */
  mails: OutgoingMail[];
}

function tree(title: string): ClauseTree {
  return {
    meta: { language: 'ru', actKind: 'law', title, date: null, number: null, isDraft: true },
    clauses: [],
  };
}

export function seedReview(server: TestServer, createdBy: User, title: string, members: User[]): Review {
  return createReview(server.tendik.ctx.db, {
    title,
    sourceName: 'draft.docx',
    createdBy: createdBy.id,
    members: members.map((member) => member.id),
    draft: { tree: tree(title), pmDoc: { type: 'doc', content: [] }, report: {}, sourceSha256: '0'.repeat(64) },
  });
}

async function person(server: TestServer, role: Role, committee?: string): Promise<Person> {
  const { user, password } = await makeUser(server, role, committee ? { committee } : {});
  return { user, password, auth: await login(server, user.email, password) };
}

export async function buildWorld(server?: TestServer): Promise<World> {
  server ??= await startTestServer();
  const s = server;
  // Mail on, as on an installation with SMTP settings, so the routes that need it answer for real.
  const mails: OutgoingMail[] = [];
  s.tendik.ctx.mail = { enabled: true, send: (mail) => void mails.push(mail), idle: () => Promise.resolve(), close: () => Promise.resolve() };
  const people = {
    admin: await person(s, 'admin'),
    secretary: await person(s, 'secretary'),
    member: await person(s, 'expert'),
    outsider: await person(s, 'expert'),
    reader: await person(s, 'reader', 'social'),
    otherReader: await person(s, 'reader', 'budget'),
  };
  const spareExpert = (await makeUser(s, 'expert')).user;
  const working = seedReview(s, people.secretary.user, 'Working draft', [people.member.user]);
  const issued = seedReview(s, people.secretary.user, 'Issued draft', [people.member.user]);
  s.tendik.ctx.db.prepare("UPDATE reviews SET status = 'issued', committee = 'social' WHERE id = ?").run(issued.id);
  return {
    server: s,
    people,
    working,
    issued: { ...issued, status: 'issued', committee: 'social' },
    spareExpert,
    mails,
    auth: (actor) => (actor === 'anonymous' ? null : people[actor].auth),
    freshAuth: async (actor) => {
      if (actor === 'anonymous') return null;
      const { user, password } = people[actor];
      return login(s, user.email, password);
    },
    signInAgain: async () => {
      for (const someone of Object.values(people)) {
        const me = await fetch(`${s.url}/api/auth/me`, { headers: { cookie: someone.auth.cookie } });
        if (me.status === 401) someone.auth = await login(s, someone.user.email, someone.password);
      }
    },
  };
}
