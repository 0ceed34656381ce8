import express from 'express';
import type { Request } from 'express';
import type { z } from 'zod';
import { auth as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { HttpErrors } from '../http/errors';
import { sendJson } from '../http/send-json';
import { requireSession } from '../http/session';
import { AccountErrors, retryAfterSeconds, tooManyAttempts } from './errors';
import { acceptInvitation, findUsableInvitation } from './invitations';
import { hashPassword, verifyPassword } from './passwords';
import { assertAcceptablePassword } from './password-policy';
import { disconnectStaleSockets } from './revocation';
import { failedFields } from './schemas';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { createSession, destroySession, destroyUserSessions, purgeExpiredSessions, readCookie, SESSION_COOKIE, type Session } from './sessions';
import { signIn } from './sign-in';
import { findUserByEmail, setPasswordHash, type User } from './users';

/** Kept for callers of the first version; the catalogue now lives in errors.ts. */
export const LoginErrors = { BAD_CREDENTIALS: AccountErrors.BAD_CREDENTIALS };

/** Parses a JSON body with its schema, or throws a coded 400 naming the fields. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw HttpErrors.BAD_REQUEST({ reason: failedFields(parsed.error) });
  return parsed.data;
}

/**
 * Sign-in and accept-invite run without a session, so no CSRF token can guard them. A cross-site
 * HTML form can only send urlencoded, multipart or text/plain bodies; requiring JSON (plus the
 * Origin / Sec-Fetch-Site check in http/security.ts) shuts that door.
 */
function requireJson(req: Request): void {
  if (!req.is('application/json')) throw AccountErrors.JSON_REQUIRED();
}

/** What every route that opens or reads a session answers; the session id itself stays in the cookie. */
function sessionAnswer(session: Session): contract.SessionResponse {
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function mountAuthRoutes(app: express.Express, ctx: AppContext): void {
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  /** Ends any session the browser already carries, then opens a new one: a planted id is never promoted. */
  function startSession(req: Request, res: express.Response, user: User) {
    const old = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (old) destroySession(ctx.db, old);
    const { sessionId, session } = createSession(ctx.db, user.id, ctx.config.sessionTtlMs);
    setSessionCookie(res, ctx.config, sessionId, session.expiresAt);
    return session;
  }

  router.post('/login', async (req, res) => {
    requireJson(req);
    const body = parseBody(contract.login.body, req);
    const user = await signIn(ctx, { email: body.email, password: body.password, address: clientAddress(req) }).catch(
      (err: unknown) => {
        // RFC 6585: a 429 may say when to come back.
        const seconds = retryAfterSeconds(err);
        if (seconds !== undefined) res.set('Retry-After', String(seconds));
        throw err;
      },
    );
    purgeExpiredSessions(ctx.db);
    const session = startSession(req, res, user);
    audit(ctx.db, { userId: user.id, action: 'user.login', details: { address: clientAddress(req) } });
    sendJson(res, contract.login, sessionAnswer(session));
  });

  router.post('/logout', (req, res) => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (sessionId) destroySession(ctx.db, sessionId);
    clearSessionCookie(res, ctx.config);
    if (req.session) {
      audit(ctx.db, { userId: req.session.user.id, action: 'user.logout' });
      disconnectStaleSockets(ctx);
    }
    sendJson(res, contract.logout, { ok: true });
  });

  /** Ends every session of the user, on every device (a lost laptop, a shared computer). */
  router.post('/logout-all', (req, res) => {
    const session = requireSession(req);
    destroyUserSessions(ctx.db, session.user.id);
    clearSessionCookie(res, ctx.config);
    disconnectStaleSockets(ctx);
    audit(ctx.db, { userId: session.user.id, action: 'user.logout_all' });
    sendJson(res, contract.logoutAll, { ok: true });
  });

  router.get('/me', (req, res) => {
    sendJson(res, contract.me, sessionAnswer(requireSession(req)));
  });

  /** Changes the password; every other session of the user ends, this one is replaced by a fresh one. */
  router.post('/password', async (req, res) => {
    const session = requireSession(req);
    requireJson(req);
    const body = parseBody(contract.changePassword.body, req);
    // Only the session's holder can fail here, so a plain per-account window cannot lock out anyone else.
    const guard = ctx.signInGuards.passwordChange;
    const wait = guard.retryAfterMs(session.user.id);
    if (wait > 0) throw tooManyAttempts(wait);
    // Counted before the check and withdrawn on success, so parallel guesses cannot all pass the window.
    guard.record(session.user.id);
    const record = findUserByEmail(ctx.db, session.user.email);
    if (!record || !(await verifyPassword(body.currentPassword, record.passwordHash))) {
      audit(ctx.db, { userId: session.user.id, action: 'user.password_change_failed' });
      throw AccountErrors.WRONG_CURRENT_PASSWORD();
    }
    guard.withdraw(session.user.id);
    assertAcceptablePassword(body.newPassword, session.user.email);
    setPasswordHash(ctx.db, session.user.id, await hashPassword(body.newPassword));
    destroyUserSessions(ctx.db, session.user.id);
    disconnectStaleSockets(ctx);
    const fresh = startSession(req, res, session.user);
    audit(ctx.db, { userId: session.user.id, action: 'user.password_changed' });
    sendJson(res, contract.changePassword, sessionAnswer(fresh));
  });

  /** What an invitation is for, so the accept page can show it; says nothing about invalid tokens. */
  router.post('/invitation', (req, res) => {
    requireJson(req);
    const body = contract.readInvitation.body.safeParse(req.body);
    if (!body.success) throw AccountErrors.INVITATION_INVALID();
    const invitation = findUsableInvitation(ctx.db, body.data.token);
    sendJson(res, contract.readInvitation, {
      invitation: {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        committee: invitation.committee,
        expiresAt: invitation.expiresAt,
      },
    });
  });

  /** The invitee sets her password; the account is created and signed in. */
  router.post('/accept-invite', async (req, res) => {
    requireJson(req);
    const body = parseBody(contract.acceptInvite.body, req);
    const user = await acceptInvitation(ctx.db, body);
    const session = startSession(req, res, user);
    audit(ctx.db, { userId: user.id, action: 'user.invitation_accepted', target: user.email });
    sendJson(res, contract.acceptInvite, sessionAnswer(session), 201);
  });

  app.use('/api/auth', router);
}
