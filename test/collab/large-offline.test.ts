import { expect, it } from 'vitest';
import { clauseTexts, plainText } from '../../shared/collab';
import type { CollabErrorPayload } from '../../shared/protocol';
import { docContent, eventually, openClient, type Client } from './harness';
import { storedDoc, useReviewWorld } from './fixtures';

/**
 * Work too large for one message: the server closes a socket whose frame is over its limit, so the
 * client must never send one — long offline work goes as several messages, and a single change over
 * the limit is refused on the client, with the connection kept.
 */
const FRAME = 64 * 1024;
const bench = useReviewWorld({ maxSocketFrameBytes: FRAME });

const settled = (c: Client) => c.provider.status === 'synced' && c.provider.pending === 0;

it('offline work larger than a frame reaches the server in several messages, in order, without losing the connection', async () => {
  const { server, secretary, bella, review } = bench.world;
  const chief = await openClient(server.url, secretary.auth, review.id, ['text']);
  const reader = await openClient(server.url, bella.auth, review.id, ['text']);
  bench.clients.push(chief, reader);
  await eventually(() => settled(chief) && settled(reader), 'both synced');

  chief.socket.disconnect();
  await eventually(() => chief.provider.status === 'offline', 'offline');
  const clause = clauseTexts(chief.docs.get('text')!).get('a3')!;
  // Forty corrections of 4 KB each, one transaction each: 160 KB in all, over twice the frame.
  const piece = (i: number) => ` [правка ${i}] ${'текст '.repeat(340)}`;
  for (let i = 0; i < 40; i++) clause.insert(plainText(clause).length, piece(i));
  const expected = plainText(clause);
  expect(new TextEncoder().encode(expected).length).toBeGreaterThan(2 * FRAME);

  let disconnects = 0;
  chief.socket.connect();
  await eventually(() => chief.socket.connected, 'reconnected');
  chief.socket.on('disconnect', () => (disconnects += 1));
  await eventually(() => settled(chief), 'the offline work acknowledged');
  expect(disconnects).toBe(0);
  // Stored and relayed: SQLite and the expert's screen hold the corrected text, all forty pieces in order.
  expect(plainText(clauseTexts(storedDoc(server.tendik.ctx.db, review.id, 'text')).get('a3')!)).toBe(expected);
  await eventually(() => docContent('text', reader.docs.get('text')!) === docContent('text', chief.docs.get('text')!), 'relayed to the expert');
});

it('a single change over the limit is refused on the client, kept locally, and the connection stays', async () => {
  const { server, secretary, review } = bench.world;
  const chief = await openClient(server.url, secretary.auth, review.id, ['text']);
  bench.clients.push(chief);
  await eventually(() => settled(chief), 'synced');
  const refusals: CollabErrorPayload[] = [];
  chief.provider.on('refused', ({ error }: { error: CollabErrorPayload }) => refusals.push(error));
  let disconnects = 0;
  chief.socket.on('disconnect', () => (disconnects += 1));

  const clause = clauseTexts(chief.docs.get('text')!).get('a1')!;
  clause.insert(0, 'огромная вставка '.repeat(6000)); // ~190 KB in one transaction
  await eventually(() => refusals.length > 0, 'refused locally');
  expect(refusals[0]!.code).toBe('COLLAB_UPDATE_TOO_LARGE');
  expect(refusals[0]!.messages.ru).toMatch(/слишком велико/);
  expect(chief.socket.connected).toBe(true);
  expect(disconnects).toBe(0);
  expect(plainText(clause)).toMatch(/^огромная вставка/);
  expect(plainText(clauseTexts(storedDoc(server.tendik.ctx.db, review.id, 'text')).get('a1')!)).not.toMatch(/огромная/);
});
