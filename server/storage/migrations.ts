import { qualifyLegacyRecordIds } from '../collab/legacy-record-ids';
import type { Db } from './db';

/**
 * The database schema as an ordered list of migrations; each id is applied once.
 * Append new migrations at the end; never edit one that has shipped.
 */
export interface Migration {
  id: string;
  sql: string;
  /** A data migration, run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    id: '001-users-sessions',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'expert', 'reader')),
        committee TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
    `,
  },
  {
    id: '002-reviews',
    sql: `
      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'in_review' CHECK (status IN ('in_review', 'issued', 'archived')),
        language TEXT NOT NULL,
        act_kind TEXT NOT NULL,
        source_name TEXT NOT NULL,
        deadline TEXT,
        committee TEXT,
        checklist_id TEXT,
        checklist_version TEXT,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE review_members (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (review_id, user_id)
      );
      CREATE TABLE review_imports (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        clause_tree TEXT NOT NULL,
        pm_doc TEXT NOT NULL,
        report TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        imported_at INTEGER NOT NULL
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        user_id TEXT,
        review_id TEXT,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT
      );
      CREATE INDEX audit_review ON audit_log(review_id, seq);
    `,
  },
  {
    id: '003-auth-invitations-session-renewal',
    sql: `
      ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
      ALTER TABLE sessions ADD COLUMN absolute_expires_at INTEGER;
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'expert', 'reader')),
        committee TEXT,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        accepted_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX invitations_email ON invitations(email);
      CREATE INDEX audit_at ON audit_log(at);
    `,
  },
  {
    id: '004-collab-updates',
    sql: `
      CREATE TABLE collab_updates (
        review_id TEXT NOT NULL,
        doc TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (review_id, doc, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Annotation ids name their author (shared/collab/record-ids.ts); older ones are given that form.
    id: '005-annotation-ids-name-their-author',
    sql: '',
    run: (db) => {
      qualifyLegacyRecordIds(db);
    },
  },
  {
    // Sign-in slows guessing down instead of locking accounts (server/auth/sign-in.ts): failures per
    // (account, source) pair, per account over the last hour, and the sources each account signed in
    // from. users.failed_logins and users.locked_until stay but are no longer used; a lock written by
    // the old rule is lifted here, so nobody stays locked out by a stranger after the upgrade.
    id: '006-sign-in-throttling',
    sql: `
      CREATE TABLE sign_in_pair_failures (
        account TEXT NOT NULL,
        source TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL,
        PRIMARY KEY (account, source)
      ) WITHOUT ROWID;
      CREATE INDEX sign_in_pair_failures_at ON sign_in_pair_failures(last_failure_at);
      CREATE TABLE sign_in_account_failures (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX sign_in_account_failures_account ON sign_in_account_failures(account, at);
      CREATE INDEX sign_in_account_failures_at ON sign_in_account_failures(at);
      CREATE TABLE sign_in_known_sources (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        last_success_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, source)
      ) WITHOUT ROWID;
      CREATE INDEX sign_in_known_sources_at ON sign_in_known_sources(last_success_at);
      UPDATE users SET failed_logins = 0, locked_until = NULL;
    `,
  },
  {
    // What the review list shows for each review, counted once per change instead of on every listing.
    id: '007-review-counts',
    sql: `
      CREATE TABLE review_counts (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        changes INTEGER NOT NULL DEFAULT 0,
        counted_at INTEGER,
        findings INTEGER,
        confirmed INTEGER,
        comments INTEGER
      );
    `,
  },
  {
    // The committees of the Jogorku Kenesh a conclusion goes to, kept by the admin (server/committees/):
    // the code is the slug readers' accounts and reviews carry; names in ru/ky/en and the chair fill the
    // conclusion's addressee. A committee in use is deactivated, never deleted. Codes already in use
    // (accounts, reviews, pending invitations) are registered here with the code as their name, so an
    // installation keeps working after the upgrade; the admin then gives them their names.
    id: '008-committees',
    sql: `
      CREATE TABLE committees (
        code TEXT PRIMARY KEY,
        name_ru TEXT NOT NULL,
        name_ky TEXT NOT NULL,
        name_en TEXT NOT NULL,
        chair TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT OR IGNORE INTO committees (code, name_ru, name_ky, name_en, chair, active, created_at, updated_at)
        SELECT code, code, code, code, '', 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM (
          SELECT committee AS code FROM users WHERE committee IS NOT NULL AND committee <> ''
          UNION SELECT committee FROM reviews WHERE committee IS NOT NULL AND committee <> ''
          UNION SELECT committee FROM invitations WHERE committee IS NOT NULL AND committee <> '' AND accepted_at IS NULL AND revoked_at IS NULL
        );
    `,
  },
  {
    // The committee's copy of an issued conclusion (server/reviews/issued-copy.ts): frozen at issue.
    id: '009-issued-conclusions',
    sql: `
      CREATE TABLE issued_conclusions (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        issued_at INTEGER NOT NULL,
        model TEXT NOT NULL,
        tree TEXT NOT NULL
      );
    `,
  },
  {
    // Versions of a review's draft (issue 16, server/versions/): version 1 is review_imports; later
    // readings are immutable imports here. The alignment of each version to the one before it
    // (old clause id → new clause id, kind of change) and where each annotation or candidate finding
    // sits in each version (placed / changed / orphaned; manual = re-attached by hand) are stored.
    id: '010-review-versions',
    sql: `
      CREATE TABLE review_versions (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 2),
        label TEXT NOT NULL,
        reading_date TEXT,
        note TEXT,
        source_name TEXT NOT NULL,
        clause_tree TEXT NOT NULL,
        report TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        created_by TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (review_id, seq)
      );
      CREATE TABLE version_alignments (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        to_seq INTEGER NOT NULL,
        ord INTEGER NOT NULL,
        old_id TEXT,
        new_id TEXT,
        kind TEXT NOT NULL,
        similarity REAL NOT NULL,
        moved INTEGER NOT NULL,
        renumbered INTEGER NOT NULL,
        PRIMARY KEY (review_id, to_seq, ord)
      );
      CREATE TABLE annotation_placements (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        annotation_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        author_id TEXT,
        annotation_kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('placed', 'changed', 'orphaned')),
        manual INTEGER NOT NULL DEFAULT 0,
        clause_id TEXT,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        quote TEXT NOT NULL,
        score REAL NOT NULL,
        at INTEGER NOT NULL,
        by_user TEXT,
        PRIMARY KEY (review_id, seq, annotation_id)
      );
    `,
  },
  {
    // The fate of each recommendation in each later reading (issue 16, server/recommendations/): the
    // detector's pre-filled status with its evidence, and the status the secretary confirmed or
    // corrected (null until she does). seq is the reading (the review's version number, ≥ 2).
    // criterion_id and the clause are kept so the Alliance-wide figures need no review's docs.
    id: '011-recommendation-statuses',
    sql: `
      CREATE TABLE recommendation_statuses (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 2),
        finding_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        clause_id TEXT NOT NULL,
        new_clause_id TEXT,
        detected TEXT NOT NULL CHECK (detected IN ('adopted', 'partly', 'not_adopted', 'not_applicable')),
        status TEXT CHECK (status IS NULL OR status IN ('adopted', 'partly', 'not_adopted', 'not_applicable')),
        evidence TEXT NOT NULL,
        detected_at INTEGER NOT NULL,
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at INTEGER,
        PRIMARY KEY (review_id, seq, finding_id)
      );
    `,
  },
  {
    // The library of imported base acts (issue 20, server/amend/): the acts amendment laws change, imported once
    // (title, edition date, source) and attached to as many reviews as need them; for_title is the title an
    // amendment law names the act by, when the secretary linked it by hand.
    id: '012-base-acts',
    sql: `
      CREATE TABLE base_acts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        edition_date TEXT,
        source TEXT,
        source_name TEXT NOT NULL,
        language TEXT NOT NULL,
        articles INTEGER NOT NULL,
        clause_tree TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        created_by TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE review_base_acts (
        review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        base_act_id TEXT NOT NULL REFERENCES base_acts(id),
        for_title TEXT,
        attached_by TEXT,
        attached_at INTEGER NOT NULL,
        PRIMARY KEY (review_id, base_act_id)
      );
    `,
  },
  {
    // @mentions per review (issue 17, server/reviews/mentions.ts): who mentioned whom, where and when,
    // read from the merged model once per change of the review's docs (counted_at is review_counts.changes
    // at that time), so the review list and the mentions list load no doc while nothing changed.
    id: '013-review-mentions',
    sql: `
      CREATE TABLE review_mentions (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        counted_at INTEGER NOT NULL,
        mentions TEXT NOT NULL
      );
    `,
  },
  {
    // Password reset by e-mail link (server/auth/password-reset.ts): only a hash of the token is kept;
    // a link expires after an hour and works once; requests per account are counted from these rows.
    id: '014-password-resets',
    sql: `
      CREATE TABLE password_resets (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
    `,
  },
  {
    // Mentions already mailed (server/mail/mention-mail.ts): per review, the change number last looked
    // at and the (source, person) pairs mailed or found there before mail was on.
    id: '015-mention-mail-state',
    sql: `
      CREATE TABLE mention_mail_state (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        changes INTEGER NOT NULL,
        notified TEXT NOT NULL
      );
    `,
  },
];
