import express from 'express';
import { z } from 'zod';
import { defineErrors } from '../../shared/errors';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { HttpErrors } from '../http/errors';
import { requireSession } from '../http/session';
import { verifyPassword } from './passwords';
import { createSession, destroySession, readCookie, SESSION_COOKIE } from './sessions';
import { findUserByEmail } from './users';

export const LoginErrors = defineErrors({
  BAD_CREDENTIALS: {
    status: 401,
    text: {
      ru: 'Неверный адрес электронной почты или пароль.',
      ky: 'Электрондук почта же сырсөз туура эмес.',
      en: 'Wrong e-mail or password.',
    },
  },
});

const LoginBody = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) });

export function mountAuthRoutes(app: express.Express, ctx: AppContext): void {
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  router.post('/login', async (req, res) => {
    const parsed = LoginBody.safeParse(req.body);
    if (!parsed.success) throw HttpErrors.BAD_REQUEST({ reason: 'email, password' });
    const user = findUserByEmail(ctx.db, parsed.data.email);
    // Verify against a throwaway hash when the user is unknown so timing does not reveal accounts.
    const ok = user ? await verifyPassword(parsed.data.password, user.passwordHash) : false;
    if (!user || !ok) {
      audit(ctx.db, { userId: user?.id ?? null, action: 'user.login_failed', target: parsed.data.email });
      throw LoginErrors.BAD_CREDENTIALS();
    }
    const old = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (old) destroySession(ctx.db, old);
    const { sessionId, session } = createSession(ctx.db, user.id, ctx.config.sessionTtlMs);
    res.cookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      path: '/',
      maxAge: ctx.config.sessionTtlMs,
    });
    audit(ctx.db, { userId: user.id, action: 'user.login' });
    res.json({ user: session.user, csrfToken: session.csrfToken });
  });

  router.post('/logout', (req, res) => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (sessionId) destroySession(ctx.db, sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  router.get('/me', (req, res) => {
    const session = requireSession(req);
    res.json({ user: session.user, csrfToken: session.csrfToken });
  });

  app.use('/api/auth', router);
}
