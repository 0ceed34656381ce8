import type { EventEmitter } from 'node:events';
import type { Server as SocketServer } from 'socket.io';
import type { AccessRevoked } from './auth/revocation';
import type { SignInGuards } from './auth/sign-in';
import type { CollabHub } from './collab/hub';
import type { Config } from './config';
import type { ReviewSource } from './export/model-source';
import type { Logger } from './ops/logger';
import type { Mailer } from './mail/mailer';
import type { Db } from './storage/db';

/**
 * What every route and socket handler needs; built once by createApp, which wires each part here
 * explicitly (no module keeps state of its own per app).
 */
export interface AppContext {
  config: Config;
  db: Db;
  /** The server's log (server/ops/logger.ts): ids, statuses and addresses, never secrets or law text. */
  log: Logger;
  /** Outgoing e-mail (server/mail/); off (enabled false, nothing sent) without SMTP settings. */
  mail: Mailer;
  io: SocketServer;
  /** Every loaded doc of every review, and the extensions around them (server/collab/hub.ts). */
  collab: CollabHub;
  /** Access taken away now (server/auth/revocation.ts): the collaboration server drops her rooms. */
  accessEvents: EventEmitter<{ revoked: [AccessRevoked] }>;
  /** The sign-in throttles and their clock; tests replace them (configureSignInGuards). */
  signInGuards: SignInGuards;
  /** Where the export reads a review's merged model and current clause tree; tests replace it. */
  reviewSource: ReviewSource;
  /** Cleanup hooks run by close(), in reverse order of registration (collab docs flush before the db closes). */
  onClose(fn: () => void | Promise<void>): void;
}
