import type express from 'express';
import type { AppContext } from '../context';

export function mountHealthRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/health', (_req, res) => {
    ctx.db.prepare('SELECT 1').get();
    res.json({ ok: true });
  });
}
