import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './json';
import { ACTORS, buildWorld, type Actor, type World } from './world';

/** The review list and cards as each role: the list is filtered by reviewAccess(), and a reader's card carries no working data. */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.server.close());

const VISIBLE: Record<Exclude<Actor, 'anonymous'>, Array<'working' | 'issued'>> = {
  admin: [],
  secretary: ['working', 'issued'],
  member: ['working', 'issued'],
  outsider: [],
  reader: ['issued'],
  otherReader: [],
};

describe('who sees which review', () => {
  it('lists exactly the reviews each role may see', async () => {
    for (const actor of ACTORS) {
      const res = await send<{ reviews: Array<{ id: string }> }>(world.server, world.auth(actor), 'GET', '/api/reviews');
      if (actor === 'anonymous') {
        expect(res.status).toBe(401);
        continue;
      }
      const expected = VISIBLE[actor].map((which) => world[which].id).sort();
      expect(res.body.reviews.map((r) => r.id).sort(), actor).toEqual(expected);
    }
  });

  it('a committee reader’s card of an issued review names no members and no working data', async () => {
    const res = await send<{ review: Record<string, unknown> }>(world.server, world.auth('reader'), 'GET', `/api/reviews/${world.issued.id}`);
    expect(res.status).toBe(200);
    expect(res.body.review).not.toHaveProperty('memberIds');
    expect(JSON.stringify(res.body)).not.toContain(world.people.member.user.id);
  });
});
