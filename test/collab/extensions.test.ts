import { Server as SocketServer } from 'socket.io';
import { afterAll, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users';
import { testConfig } from '../../server/config';
import type { CollabExtension } from '../../server/collab/extension';
import { COLLAB_EXTENSIONS } from '../../server/collab/extensions';
import { CollabHub } from '../../server/collab/hub';
import { SERVER_ORIGIN } from '../../server/collab/room';
import { openDatabase } from '../../server/storage/db';
import { addAnnotation } from '../../shared/collab/author-doc';
import { authorDocName } from '../../shared/protocol';
import { createSampleReview } from './harness';
import { logRows, tempDatabase } from './fixtures';

/** The hub's extension points (server/collab/extension.ts), called in order around a doc's life. */
const file = tempDatabase();
afterAll(() => file.cleanup());

it('calls every extension at each point of a doc’s life, in order; what an extension writes on load is stored before anyone sees the doc', async () => {
  const db = openDatabase(file.file);
  const io = new SocketServer();
  try {
    const secretary = await createUser(db, { email: 's@x.kg', name: 'С', role: 'secretary', password: 'a-long-password-1', committee: null });
    const review = createSampleReview(db, secretary.id, []);
    const doc = authorDocName(secretary.id);
    const calls: string[] = [];
    const recorder = (tag: string): CollabExtension => ({
      name: tag,
      onLoadDocument: ({ storedRows, room }) => {
        calls.push(`${tag}:load:${storedRows}`);
        // A seeding extension: fills a doc that was never stored.
        if (tag === 'first' && storedRows === 0) room.doc.getMap('meta').set('seeded', true);
      },
      afterLoadDocument: ({ room }) => void calls.push(`${tag}:after:${room.doc.getMap('meta').get('seeded')}`),
      onChange: ({ origin }) => void calls.push(`${tag}:change:${origin === SERVER_ORIGIN ? 'server' : 'other'}`),
      beforeUnloadDocument: () => void calls.push(`${tag}:unload`),
    });
    const hub = new CollabHub({ config: testConfig(), db, io }, [recorder('first'), recorder('second')]);
    await hub.withRoom(review.id, doc, (room) => {
      addAnnotation(room.doc, secretary.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: 'x' });
      room.doc.transact(() => room.doc.getMap('meta').set('touched', 1), SERVER_ORIGIN);
    });
    expect(calls).toEqual([
      'first:load:0',
      'second:load:0',
      'first:after:true',
      'second:after:true',
      'first:change:other',
      'second:change:other',
      'first:change:server',
      'second:change:server',
      'first:unload',
      'second:unload',
    ]);
    // The seeded change was stored as the doc's first row (then compacted with the rest on unload).
    expect(logRows(db, review.id, doc)).toBe(1);
    calls.length = 0;
    await hub.withRoom(review.id, doc, (room) => expect(room.doc.getMap('meta').get('seeded')).toBe(true));
    expect(calls.slice(0, 2)).toEqual(['first:load:1', 'second:load:1']);
  } finally {

    db.close();
  }
});

it('the app’s extensions are named and listed once', () => {
  const names = COLLAB_EXTENSIONS.map((e) => e.name);
  expect(names).toEqual(['seed-from-import', 'version-docs', 'audit', 'finding-counts', 'first-analysis']);
  expect(new Set(names).size).toBe(names.length);
});
