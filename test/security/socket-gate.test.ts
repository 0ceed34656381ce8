import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { registerCommittee } from '../helpers/app';
import { send } from './json';
import { ACTORS, buildWorld, type Actor, type World } from './world';

/**
 * The socket.io handshake as every role and as nobody, and the end of open sockets when access is
 * taken away. What a connected user may join is the collaboration server's per-review decision
 * (reviewAccess); this file covers the gate in front of every namespace.
 */
let world: World;
const opened: Socket[] = [];
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  for (const socket of opened) socket.close();
  await world.server.close();
});

function open(cookie: string | null, extraHeaders: Record<string, string> = {}, transports: Array<'polling' | 'websocket'> = ['websocket']) {
  const socket = connect(world.server.url, {
    transports,
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...extraHeaders },
  });
  opened.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<'connected' | 'refused'> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

describe('socket.io gate', () => {
  it.each(ACTORS)('%s: connects only with a live session', async (actor: Actor) => {
    const auth = world.auth(actor);
    for (const transports of [['websocket'], ['polling']] as Array<Array<'polling' | 'websocket'>>) {
      const socket = open(auth?.cookie ?? null, {}, transports);
      expect(await outcome(socket)).toBe(actor === 'anonymous' ? 'refused' : 'connected');
      socket.close();
    }
  });

  it('answers a long-poll POST declaring more than a frame may hold with 413 before reading its body', async () => {
    const { request } = await import('node:http');
    const limit = world.server.tendik.ctx.config.maxSocketFrameBytes;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${world.server.url}/socket.io/?EIO=4&transport=polling&sid=whatever`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': String(limit * 2), cookie: world.auth('member')!.cookie },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // Only a first few bytes are ever sent: the answer may not wait for the rest.
      req.write('x'.repeat(1024));
    });
    // Answered while most of the declared body was never sent: had it waited for the body, this would hang.
    expect(status).toBe(413);
  });

  it('refuses a forged or expired session cookie', async () => {
    expect(await outcome(open('tendik_session=forged-session-id-000000000000000000000'))).toBe('refused');
  });

  it('refuses a handshake from a foreign origin even with a valid session (cross-site WebSocket hijacking)', async () => {
    const cookie = world.people.secretary.auth.cookie;
    expect(await outcome(open(cookie, { origin: 'https://evil.example' }))).toBe('refused');
    expect(await outcome(open(cookie, { origin: world.server.url }))).toBe('connected');
  });
});

describe('taking access away ends open sockets', () => {
  it('logout disconnects the sockets of that session, not those of the user’s other sessions', async () => {
    const mine = await world.freshAuth('member');
    const other = await world.freshAuth('member');
    const a = open(mine!.cookie);
    const b = open(other!.cookie);
    expect(await outcome(a)).toBe('connected');
    expect(await outcome(b)).toBe('connected');
    const gone = disconnected(a);
    await send(world.server, mine, 'POST', '/api/auth/logout');
    expect(await gone).toBe('io server disconnect');
    expect(b.connected).toBe(true);
  });

  it('a role change by the admin disconnects every socket of the user', async () => {
    const reader = await world.freshAuth('otherReader');
    const socket = open(reader!.cookie);
    expect(await outcome(socket)).toBe('connected');
    const gone = disconnected(socket);
    registerCommittee(world.server.tendik.ctx.db, 'finance');
    const res = await send(world.server, world.people.admin.auth, 'PATCH', `/api/admin/users/${world.people.otherReader.user.id}`, {
      committee: 'finance',
    });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    await world.signInAgain();
  });

  it('removing an expert from a review disconnects her sockets, so she rejoins only what she may still see', async () => {
    const { server, people, working } = world;
    const socket = open(people.member.auth.cookie);
    expect(await outcome(socket)).toBe('connected');
    const gone = disconnected(socket);
    await send(server, people.secretary.auth, 'DELETE', `/api/reviews/${working.id}/members/${people.member.user.id}`);
    expect(await gone).toBe('io server disconnect');
    await send(server, people.secretary.auth, 'POST', `/api/reviews/${working.id}/members`, { userId: people.member.user.id });
  });
});
