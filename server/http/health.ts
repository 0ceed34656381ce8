import type express from 'express';
import { health } from '../../shared/contract';
import type { AppContext } from '../context';
import { sendJson } from './send-json';

export function mountHealthRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/health', (_req, res) => {
    ctx.db.prepare('SELECT 1').get();
    sendJson(res, health.health, { ok: true });
  });
}
