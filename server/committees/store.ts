import type { CommitteeNames, CommitteeRecord } from '../../shared/contract/committees';
import type { Db } from '../storage/db';
import { CommitteeErrors } from './errors';

/**
 * The registry of committees (migration 008): code, full name in ru/ky/en, chair, active. The code is
 * what accounts and reviews carry, so it never changes; a committee in use is deactivated, and one
 * nothing names may be removed.
 */
export type Committee = CommitteeRecord;

interface CommitteeRow {
  code: string;
  name_ru: string;
  name_ky: string;
  name_en: string;
  chair: string;
  active: number;
  created_at: number;
  updated_at: number;
}

function toCommittee(row: CommitteeRow): Committee {
  return {
    code: row.code,
    names: { ru: row.name_ru, ky: row.name_ky, en: row.name_en },
    chair: row.chair,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every committee, the active ones first, then by code. */
export function listCommittees(db: Db): Committee[] {
  return (db.prepare('SELECT * FROM committees ORDER BY active DESC, code').all() as CommitteeRow[]).map(toCommittee);
}

export function getCommittee(db: Db, code: string): Committee | undefined {
  const row = db.prepare('SELECT * FROM committees WHERE code = ?').get(code) as CommitteeRow | undefined;
  return row ? toCommittee(row) : undefined;
}

export interface NewCommittee {
  code: string;
  names: CommitteeNames;
  chair?: string;
  active?: boolean;
}

export function createCommittee(db: Db, input: NewCommittee, now = Date.now()): Committee {
  return db.transaction(() => {
    if (getCommittee(db, input.code)) throw CommitteeErrors.COMMITTEE_CODE_TAKEN({ code: input.code });
    db.prepare(
      `INSERT INTO committees (code, name_ru, name_ky, name_en, chair, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.code, input.names.ru, input.names.ky, input.names.en, input.chair ?? '', input.active === false ? 0 : 1, now, now);
    return getCommittee(db, input.code)!;
  })();
}

export interface CommitteePatch {
  names?: CommitteeNames;
  chair?: string;
  active?: boolean;
}

export function updateCommittee(db: Db, code: string, patch: CommitteePatch, now = Date.now()): Committee {
  return db.transaction(() => {
    const before = getCommittee(db, code);
    if (!before) throw CommitteeErrors.COMMITTEE_NOT_FOUND();
    const names = patch.names ?? before.names;
    db.prepare('UPDATE committees SET name_ru = ?, name_ky = ?, name_en = ?, chair = ?, active = ?, updated_at = ? WHERE code = ?').run(
      names.ru,
      names.ky,
      names.en,
      patch.chair ?? before.chair,
      (patch.active ?? before.active) ? 1 : 0,
      now,
      code,
    );
    return getCommittee(db, code)!;
  })();
}

/** Whether an account, a review or a pending invitation names the committee. */
export function committeeInUse(db: Db, code: string): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM users WHERE committee = ?)
           OR EXISTS (SELECT 1 FROM reviews WHERE committee = ?)
           OR EXISTS (SELECT 1 FROM invitations WHERE committee = ? AND accepted_at IS NULL AND revoked_at IS NULL) AS used`,
    )
    .get(code, code, code) as { used: number };
  return row.used === 1;
}

/** Removes a committee nothing names; one in use is refused (COMMITTEE_IN_USE): deactivate it instead. */
export function deleteCommittee(db: Db, code: string): Committee {
  return db.transaction(() => {
    const committee = getCommittee(db, code);
    if (!committee) throw CommitteeErrors.COMMITTEE_NOT_FOUND();
    if (committeeInUse(db, code)) throw CommitteeErrors.COMMITTEE_IN_USE({ code });
    db.prepare('DELETE FROM committees WHERE code = ?').run(code);
    return committee;
  })();
}

/**
 * The committee a review is uploaded for or issued to, or a reader's account is given: it must be
 * registered and active. Throws the refusal (COMMITTEE_NOT_REGISTERED, COMMITTEE_INACTIVE) otherwise.
 */
export function requireActiveCommittee(db: Db, code: string): Committee {
  const committee = getCommittee(db, code);
  if (!committee) throw CommitteeErrors.COMMITTEE_NOT_REGISTERED({ code });
  if (!committee.active) throw CommitteeErrors.COMMITTEE_INACTIVE({ code });
  return committee;
}
