import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAccess } from '../../server/auth/access';
import { send } from './json';
import { buildWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.server.close());

interface Members {
  members: Array<{ id: string; name: string }>;
}

describe('review members', () => {
  it('the secretary adds and removes experts; the review opens and closes for them accordingly', async () => {
    const { server, people, working, spareExpert } = world;
    const db = server.tendik.ctx.db;
    expect(reviewAccess(db, spareExpert, working.id)).toBeNull();
    const added = await send<Members>(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/members`, { userId: spareExpert.id });
    expect(added.status).toBe(201);
    expect(added.body.members.map((m) => m.id)).toContain(spareExpert.id);
    expect(reviewAccess(db, spareExpert, working.id)).toBe('expert');
    const twice = await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/members`, { userId: spareExpert.id });
    expect(twice.status).toBe(200);
    const listed = await send<Members>(server, people.member.auth, 'GET', `/api/reviews/${working.id}/members`);
    expect(listed.body.members.map((m) => m.id)).toEqual(expect.arrayContaining([people.member.user.id, spareExpert.id]));
    const removed = await send<Members>(server, people.secretary.auth, 'DELETE', `/api/reviews/${working.id}/members/${spareExpert.id}`);
    expect(removed.status).toBe(200);
    expect(reviewAccess(db, spareExpert, working.id)).toBeNull();
    const again = await send(server, people.secretary.auth, 'DELETE', `/api/reviews/${working.id}/members/${spareExpert.id}`);
    expect(again.body.error?.code).toBe('NOT_A_MEMBER');
  });

  it('only active experts can be members', async () => {
    const { server, people, working } = world;
    for (const userId of [people.reader.user.id, people.admin.user.id, 'no-such-user', "' OR 1=1 --"]) {
      const res = await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/members`, { userId });
      expect(res.body.error?.code, userId).toBe('NOT_AN_EXPERT');
    }
  });

  it('the audit log records who changed membership', async () => {
    const { server, people, working } = world;
    const audit = await send<{ entries: Array<{ action: string; reviewId: string }> }>(
      server,
      people.admin.auth,
      'GET',
      `/api/audit?reviewId=${working.id}&action=review.*`,
    );
    expect(audit.body.entries.map((e) => e.action)).toEqual(['review.member_removed', 'review.member_added']);
  });
});

describe('issuing a conclusion to a committee', () => {
  it('opens the review to that committee’s readers only, read-only and without working documents; un-issuing closes it', async () => {
    const { server, people, working } = world;
    const db = server.tendik.ctx.db;
    expect(reviewAccess(db, people.reader.user, working.id)).toBeNull();
    const missing = await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/status`, { status: 'issued' });
    expect(missing.status).toBe(400);
    const issued = await send<{ review: { status: string; committee: string } }>(
      server,
      people.secretary.auth,
      'POST',
      `/api/reviews/${working.id}/status`,
      { status: 'issued', committee: 'social' },
    );
    expect(issued.body.review).toMatchObject({ status: 'issued', committee: 'social' });
    expect(reviewAccess(db, people.reader.user, working.id)).toBe('reader');
    expect(reviewAccess(db, people.otherReader.user, working.id)).toBeNull();
    // A reader still cannot see the members or any other working part.
    expect((await send(server, people.reader.auth, 'GET', `/api/reviews/${working.id}/members`)).status).toBe(403);
    await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/status`, { status: 'in_review' });
    expect(reviewAccess(db, people.reader.user, working.id)).toBeNull();
  });

  it('refuses a committee that is not a slug, and unknown statuses', async () => {
    const { server, people, working } = world;
    for (const body of [
      { status: 'issued', committee: '../../etc' },
      { status: 'issued', committee: "social' OR '1'='1" },
      { status: 'deleted' },
      { status: 'issued', committee: '' },
    ]) {
      const res = await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/status`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('issues with its audit entry or not at all: an audit that cannot be written leaves the review as it was', async () => {
    const { server, people, working } = world;
    const db = server.tendik.ctx.db;
    const before = db.prepare('SELECT status, committee FROM reviews WHERE id = ?').get(working.id);
    // The database refuses this one audit entry, as a full disk or a broken log file would.
    db.exec(`CREATE TEMP TRIGGER refuse_issue_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'review.issued' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    try {
      const res = await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/status`, { status: 'issued', committee: 'social' });
      expect(res.status).toBe(500);
      expect(db.prepare('SELECT status, committee FROM reviews WHERE id = ?').get(working.id)).toEqual(before);
      expect(reviewAccess(db, people.reader.user, working.id)).toBeNull();
    } finally {
      db.exec('DROP TRIGGER refuse_issue_audit');
    }
  });
});
