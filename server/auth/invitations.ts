import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { Db } from '../storage/db';
import { AccountErrors } from './errors';
import { hashPassword } from './passwords';
import { assertAcceptablePassword } from './password-policy';
import { emailTaken, insertUser, type User } from './users';

/** An invitation is good for a week; the admin can revoke it before. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export interface Invitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  committee: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  committee: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    committee: row.committee,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

// Only the hash is stored: the token is a password until it is used.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewInvitation {
  email: string;
  name: string;
  role: Role;
  committee: string | null;
  createdBy: string;
}

/** Creates an invitation; the token is returned once, for the link the admin passes on. */
export function createInvitation(db: Db, input: NewInvitation, now = Date.now()): { invitation: Invitation; token: string } {
  if (emailTaken(db, input.email)) throw AccountErrors.EMAIL_TAKEN({ email: input.email });
  if (input.role === 'reader' && !input.committee) throw AccountErrors.COMMITTEE_REQUIRED();
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  db.transaction(() => {
    // A new invitation for the same address replaces the pending one.
    db.prepare('UPDATE invitations SET revoked_at = ? WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL').run(
      now,
      input.email.trim(),
    );
    db.prepare(
      `INSERT INTO invitations (id, token_hash, email, name, role, committee, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      hashToken(token),
      input.email.trim(),
      input.name.trim(),
      input.role,
      input.role === 'reader' ? input.committee : null,
      input.createdBy,
      now,
      now + INVITATION_TTL_MS,
    );
  })();
  return { invitation: getInvitation(db, id)!, token };
}

export function getInvitation(db: Db, id: string): Invitation | undefined {
  const row = db.prepare('SELECT * FROM invitations WHERE id = ?').get(id) as InvitationRow | undefined;
  return row ? toInvitation(row) : undefined;
}

/** Invitations not yet accepted, revoked or expired, newest first. */
export function listPendingInvitations(db: Db, now = Date.now()): Invitation[] {
  return (
    db
      .prepare(
        'SELECT * FROM invitations WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC',
      )
      .all(now) as InvitationRow[]
  ).map(toInvitation);
}

export function revokeInvitation(db: Db, id: string, now = Date.now()): boolean {
  return (
    db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL').run(now, id)
      .changes > 0
  );
}

/** The pending invitation a token stands for, or a coded error that does not say which check failed. */
export function findUsableInvitation(db: Db, token: string, now = Date.now()): Invitation {
  const row = db.prepare('SELECT * FROM invitations WHERE token_hash = ?').get(hashToken(token)) as
    | InvitationRow
    | undefined;
  if (!row || row.accepted_at !== null || row.revoked_at !== null || row.expires_at <= now)
    throw AccountErrors.INVITATION_INVALID();
  return toInvitation(row);
}

/** The invitee sets her password: the account is created with the invited role, and the token is spent. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string; name?: string },
  now = Date.now(),
): Promise<User> {
  const invitation = findUsableInvitation(db, input.token, now);
  assertAcceptablePassword(input.password, invitation.email);
  // Hash before the transaction (it is slow); the transaction re-checks that the token is still unspent.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    const spent = db
      .prepare(
        'UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
      )
      .run(now, invitation.id, now);
    if (spent.changes === 0) throw AccountErrors.INVITATION_INVALID();
    if (emailTaken(db, invitation.email)) throw AccountErrors.EMAIL_TAKEN({ email: invitation.email });
    return insertUser(db, {
      email: invitation.email,
      name: input.name?.trim() || invitation.name,
      role: invitation.role,
      committee: invitation.committee,
      passwordHash,
    });
  })();
}
