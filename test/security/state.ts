import { createHash } from 'node:crypto';
import type { Db } from '../../server/storage/db';

/**
 * A fingerprint of everything a refused request must not change. Left out on purpose: the audit log
 * (refusals are recorded), the sign-in failure counters (counting failures is what slows guessing
 * down) and the sliding expiry of sessions (reading renews them). Tables added by other modules are
 * included automatically.
 */
const SIGN_IN_FAILURE_COUNTERS = new Set(['sign_in_pair_failures', 'sign_in_account_failures']);

export function stateFingerprint(db: Db): Record<string, string> {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const fingerprint: Record<string, string> = {};
  for (const table of tables) {
    if (table === 'audit_log' || table === 'schema_migrations' || SIGN_IN_FAILURE_COUNTERS.has(table)) continue;
    const query =
      table === 'users'
        ? 'SELECT id, email, name, role, committee, password_hash, disabled FROM users ORDER BY id'
        : table === 'sessions'
          ? 'SELECT id_hash, user_id, csrf_token FROM sessions ORDER BY id_hash'
          : `SELECT * FROM "${table.replace(/"/g, '""')}" ORDER BY rowid`;
    let rows: unknown[];
    try {
      rows = db.prepare(query).all();
    } catch {
      rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all(); // WITHOUT ROWID tables
    }
    fingerprint[table] = createHash('sha256')
      .update(JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)))
      .digest('hex');
  }
  return fingerprint;
}
