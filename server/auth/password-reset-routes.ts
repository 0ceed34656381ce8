import express from 'express';
import type { Request } from 'express';
import { auth as contract } from '../../shared/contract';
import type { UserId } from '../../shared/ids';
import { audit } from '../audit';
import type { AppContext } from '../context';
import { requestLang } from '../http/errors';
import { sendJson } from '../http/send-json';
import { passwordResetMail } from '../mail/messages';
import { publicLink } from '../mail/notify';
import { hashedSource } from './client-address';
import { AccountErrors, retryAfterSeconds, tooManyAttempts } from './errors';
import { hashPassword } from './passwords';
import { assertAcceptablePassword } from './password-policy';
import { createPasswordReset, findUsableReset, RESET_TTL_MS, spendReset } from './password-reset';
import { disconnectStaleSockets } from './revocation';
import { parseBody } from './routes';
import { setSessionCookie } from './session-cookie';
import { createSession, destroySession, destroyUserSessions, readCookie, SESSION_COOKIE } from './sessions';
import { setPasswordHash } from './users';

/**
 * A forgotten password, reset by e-mail link (docs/security.md, "Password reset"); only when mail is
 * configured — otherwise RESET_UNAVAILABLE says to ask the admin, as before. Both routes run without a
 * session, like sign-in: JSON only, and the cross-site guard refuses what a browser marks as foreign.
 */
export function mountPasswordResetRoutes(app: express.Express, ctx: AppContext): void {
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  const requireJson = (req: Request) => {
    if (!req.is('application/json')) throw AccountErrors.JSON_REQUIRED();
  };
  const address = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

  /** The same answer (202) for any address, known or not: it never tells whether an account exists. */
  router.post('/password-reset/request', (req, res) => {
    requireJson(req);
    if (!ctx.mail.enabled) throw AccountErrors.RESET_UNAVAILABLE();
    const body = parseBody(contract.requestPasswordReset.body, req);
    // Per client address: one source cannot spray requests over many addresses.
    const source = hashedSource(address(req));
    const wait = ctx.signInGuards.passwordReset.retryAfterMs(source);
    if (wait > 0) {
      const err = tooManyAttempts(wait);
      res.set('Retry-After', String(retryAfterSeconds(err)));
      throw err;
    }
    ctx.signInGuards.passwordReset.record(source);
    const outcome = createPasswordReset(ctx.db, body.email);
    if (outcome.kind === 'created') {
      const lang = requestLang(req);
      const texts = passwordResetMail({ name: outcome.user.name, link: publicLink(ctx, `/reset-password#token=${outcome.token}`), minutes: RESET_TTL_MS / 60_000 });
      ctx.mail.send({ to: outcome.user.email, kind: 'password-reset', ...texts[lang] });
    }
    if (outcome.kind !== 'unknown')
      audit(ctx.db, { userId: outcome.user.id, action: outcome.kind === 'created' ? 'user.password_reset_requested' : 'user.password_reset_throttled', details: { address: address(req) } });
    sendJson(res, contract.requestPasswordReset, { ok: true }, 202);
  });

  /** The new password: the link is spent, every session and socket of the account ends, this browser is signed in. */
  router.post('/password-reset', async (req, res) => {
    requireJson(req);
    const parsed = contract.resetPassword.body.safeParse(req.body);
    // A malformed token says no more than a spent one.
    if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'token')) throw AccountErrors.RESET_INVALID();
    const body = parseBody(contract.resetPassword.body, req);
    const reset = findUsableReset(ctx.db, body.token);
    assertAcceptablePassword(body.password, reset.user.email);
    // Hash before the transaction (it is slow); the transaction checks again that the link is unspent.
    const passwordHash = await hashPassword(body.password);
    ctx.db.transaction(() => {
      spendReset(ctx.db, reset.id, reset.user.id);
      setPasswordHash(ctx.db, reset.user.id, passwordHash);
      destroyUserSessions(ctx.db, reset.user.id as UserId);
    })();
    disconnectStaleSockets(ctx);
    const old = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (old) destroySession(ctx.db, old);
    const { sessionId, session } = createSession(ctx.db, reset.user.id, ctx.config.sessionTtlMs);
    setSessionCookie(res, ctx.config, sessionId, session.expiresAt);
    audit(ctx.db, { userId: reset.user.id, action: 'user.password_reset', details: { address: address(req) } });
    sendJson(res, contract.resetPassword, { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });

  app.use('/api/auth', router);
}
