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
  return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) });
}

/** Inserts an account whose password is already hashed (synchronous, so it can run inside a transaction). */
export function insertUser(db: Db, input: Omit<NewUser, 'password'> & { passwordHash: string }): User {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO users (id, email, name, role, committee, password_hash, created_at)
     VALUES (@id, @email, @name, @role, @committee, @passwordHash, @createdAt)`,
  ).run({
    id,
    email: input.email.trim(),
    name: input.name.trim(),
    role: input.role,
    committee: input.committee ?? null,
    passwordHash: input.passwordHash,
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

/** An account as the admin sees it: with its state, never with its password hash. */
export interface Account extends User {
  disabled: boolean;
  lockedUntil: number | null;
  createdAt: number;
}

interface AccountRow extends UserRow {
  disabled: number;
  locked_until: number | null;
  created_at: number;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, committee, disabled, locked_until, created_at';

function toAccount(row: AccountRow): Account {
  return { ...toUser(row), disabled: row.disabled === 1, lockedUntil: row.locked_until, createdAt: row.created_at };
}

export function listAccounts(db: Db): Account[] {
  return (db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY name COLLATE NOCASE, email`).all() as AccountRow[]).map(
    toAccount,
  );
}

/** Any account, disabled ones included (getUser answers only for active accounts). */
export function getAccount(db: Db, id: string): Account | undefined {
  const row = db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = ?`).get(id) as AccountRow | undefined;
  return row ? toAccount(row) : undefined;
}

export function emailTaken(db: Db, email: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE email = ?').get(email.trim()) !== undefined;
}

export interface AccountPatch {
  name?: string;
  role?: Role;
  committee?: string | null;
  disabled?: boolean;
}

export function updateAccount(db: Db, id: string, patch: AccountPatch): void {
  const sets: string[] = [];
  const params: Record<string, string | number | null> = { id };
  if (patch.name !== undefined) (sets.push('name = @name'), (params.name = patch.name.trim()));
  if (patch.role !== undefined) (sets.push('role = @role'), (params.role = patch.role));
  if (patch.committee !== undefined) (sets.push('committee = @committee'), (params.committee = patch.committee));
  if (patch.disabled !== undefined) (sets.push('disabled = @disabled'), (params.disabled = patch.disabled ? 1 : 0));
  if (sets.length === 0) return;
  db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

export function countActiveAdmins(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
}

export function setPasswordHash(db: Db, id: string, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(passwordHash, id);
}
