import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { User } from '../auth/users';

/** The name and colour others see; set by the server from the session, never taken from a client. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

const PALETTE = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#117a65', '#a04000', '#2e4053', '#b03a2e', '#1f618d'];

export function presenceUser(user: User): PresenceUser {
  let hash = 0;
  for (const ch of user.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { id: user.id, name: user.name, color: PALETTE[hash % PALETTE.length]! };
}

/**
 * A tab announces one presence per doc (a few more across reloads before the old ones time out);
 * a cursor and a name are a few hundred bytes. Beyond these a client is flooding every screen.
 */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 8;
export const MAX_PRESENCE_BYTES = 64 * 1024;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decodes a y-protocols awareness update; throws on malformed input. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 1000) throw new RangeError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new RangeError('awareness state must be an object');
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes after awareness update');
  return entries;
}

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Overwrites the `user` field of every non-null state with the session's user. */
export function stampPresence(entries: readonly AwarenessEntry[], user: PresenceUser): AwarenessEntry[] {
  return entries.map((e) => (e.state === null ? e : { ...e, state: { ...e.state, user } }));
}
