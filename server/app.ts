import { EventEmitter } from 'node:events';
import http from 'node:http';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import type { Config } from './config';
import type { AppContext } from './context';
import { errorHandler, HttpErrors } from './http/errors';
import { loadSession } from './http/session';
import { csrfGuard } from './http/csrf';
import { compressApiAnswers } from './http/compression';
import { installSecurity } from './http/security';
import { ROUTE_MODULES, SOCKET_MODULES } from './modules';
import { defaultSignInGuards } from './auth/sign-in';
import { CollabHub } from './collab/hub';
import { COLLAB_EXTENSIONS } from './collab/extensions';
import { loadReviewModel } from './collab/model';
import { currentDraftTree } from './reviews/current-draft';
import { openDatabase, type Db } from './storage/db';
import { createLogger, type Logger } from './ops/logger';
import { attachSocketLog, requestLog } from './ops/request-log';
import { startBackupSchedule, type BackupSchedule } from './ops/backup-schedule';
import { createMailer } from './mail/mailer';
import { startMentionMailer, type MentionMailer } from './mail/mention-mail';

export interface TendikApp {
  app: express.Express;
  httpServer: http.Server;
  io: SocketServer;
  ctx: AppContext;
  /** Scheduled backups (TENDIK_BACKUP_DIR), or null when none are configured. */
  backups: BackupSchedule | null;
  /** The look for new @mentions to mail, or null when mail is off. */
  mentionMails: MentionMailer | null;
  /** Listens on config.port (0 = any free port) and resolves with the bound port. */
  listen(): Promise<number>;
  /** Flushes collaboration state, closes sockets, the HTTP server and the database. */
  close(): Promise<void>;
}

/**
 * Builds Express + socket.io around one database. Only server/main.ts listens on a fixed port;
 * tests call createApp() and listen on port 0.
 */
export function createApp(
  config: Config,
  db: Db = openDatabase(config.databasePath),
  log: Logger = createLogger({ level: config.logLevel, json: config.production }),
): TendikApp {
  const app = express();
  app.disable('x-powered-by');
  // Who may say where a request comes from (TENDIK_TRUST_PROXY): the rate limits count req.ip.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const io = new SocketServer(httpServer, {
    maxHttpBufferSize: config.maxSocketFrameBytes,
    serveClient: false,
    cleanupEmptyChildNamespaces: true,
    // The socket carries the Yjs docs: opening the Criminal Code sends its 1.4 MB TEXT doc, which
    // deflates to 253 KB (1.4 s less at 1.5 Mbit/s). Small messages (an annotation, a cursor) stay
    // under the threshold and go as they are. zlib's full window: a 13-bit window and memLevel 7 kept
    // each socket's deflate state at ~100 KB instead of ~260 KB but sent 290 KB (0.2 s more).
    perMessageDeflate: { threshold: 1024 },
  });
  const closers: Array<() => void | Promise<void>> = [];
  const collab = new CollabHub({ config, db, io }, COLLAB_EXTENSIONS);
  const mail = createMailer(config.mail, log);
  const ctx: AppContext = {
    config,
    db,
    log,
    mail,
    io,
    collab,
    accessEvents: new EventEmitter(),
    signInGuards: defaultSignInGuards(Date.now),
    reviewSource: { model: loadReviewModel, tree: currentDraftTree },
    onClose: (fn) => closers.push(fn),
  };
  // Docs are flushed before sockets, the HTTP server and the database close.
  closers.push(() => collab.closeAll());
  // Closers run in reverse: a backup under way finishes after the docs are flushed, before the database closes.
  const backups = config.backup && !db.memory ? startBackupSchedule(db, config.backup, log) : null;
  if (backups) closers.unshift(() => backups.stop());
  // Mails under way are handed over (or fail) before the process lets go of its connections.
  closers.push(() => mail.close());
  // Mentions are mailed only when mail is configured (server/mail/mention-mail.ts).
  const mentionMails = mail.enabled ? startMentionMailer(ctx, log) : null;
  if (mentionMails) closers.push(() => mentionMails.stop());

  app.use(requestLog(log));
  installSecurity(app, config);
  app.use(loadSession(ctx));
  app.use('/api', csrfGuard);
  app.use('/api', compressApiAnswers());
  for (const mount of ROUTE_MODULES) mount(app, ctx);
  app.use('/api', (_req, _res, next) => next(HttpErrors.NOT_FOUND()));
  app.use(errorHandler((err) => log.error('request failed', { err })));
  for (const attach of SOCKET_MODULES) attach(ctx);
  attachSocketLog(ctx, app.get('trust proxy fn') as (address: string, hop: number) => boolean);

  let closed = false;
  return {
    app,
    httpServer,
    io,
    ctx,
    backups,
    mentionMails,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const fn of closers.reverse()) await fn();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      db.close();
    },
  };
}
