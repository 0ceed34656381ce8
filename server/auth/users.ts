import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { UserId } from '../../shared/ids';
import type { Db } from '../storage/db';
import { hashPassword } from './passwords';

export interface User {
  id: UserId;
  email: string;
  name: string;
  role: Role;
  /** For committee readers: the committee whose issued conclusions they may read. */
  committee: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  committee: string | null;
}

function toUser(row: UserRow): User {
  return { id: row.id as UserId, email: row.email, name: row.name, role: row.role, committee: row.committee };
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  committee?: string | null;
}

export async function createUser(db: Db, input: NewUser): Promise<User> {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  db.prepare(
    `INSERT INTO users (id, email, name, role, committee, password_hash, created_at)
     VALUES (@id, @email, @name, @role, @committee, @passwordHash, @createdAt)`,
  ).run({
    id,
    email: input.email.trim(),
    name: input.name.trim(),
    role: input.role,
    committee: input.committee ?? null,
    passwordHash,
    createdAt: Date.now(),
  });
  return getUser(db, id as UserId)!;
}

export function getUser(db: Db, id: UserId): User | undefined {
  const row = db.prepare('SELECT id, email, name, role, committee FROM users WHERE id = ? AND disabled = 0').get(id) as
    | UserRow
    | undefined;
  return row ? toUser(row) : undefined;
}

export function findUserByEmail(db: Db, email: string): (User & { passwordHash: string }) | undefined {
  const row = db
    .prepare('SELECT id, email, name, role, committee, password_hash FROM users WHERE email = ? AND disabled = 0')
    .get(email.trim()) as (UserRow & { password_hash: string }) | undefined;
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT id, email, name, role, committee FROM users ORDER BY name').all() as UserRow[]).map(toUser);
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}
