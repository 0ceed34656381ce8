import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';

/**
 * The source a sign-in rule counts: the client address (req.ip), except that an IPv4 address
 * arriving as IPv6 (`::ffff:a.b.c.d`) counts as itself, and an IPv6 address counts as its /64 —
 * one subscriber or network is handed a whole /64, so counting single IPv6 addresses would let
 * one guesser act as billions of sources.
 */
export function addressSource(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
}

/**
 * What the sign-in tables store of a source. The audit log already keeps the plain address of each
 * attempt; hashing keeps these counters from being a second list of where everyone signs in from.
 */
export function hashedSource(ip: string): string {
  return createHash('sha256').update(`tendik-sign-in-source:${addressSource(ip)}`).digest('base64url');
}

/** The eight groups of an IPv6 address, `::` expanded, without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  // A dotted IPv4 tail (`64:ff9b::192.0.2.1`) fills the last two groups.
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const left = groups(head);
  if (tail === undefined) return left.map(trimGroup);
  const right = groups(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map(trimGroup);
}

function trimGroup(group: string): string {
  return parseInt(group, 16).toString(16);
}
