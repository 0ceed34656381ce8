import type express from 'express';
import { checklist as contract } from '../../shared/contract';
import { checklistPayload } from '../../shared/checklist/summary';
import type { AppContext } from '../context';
import { requireSession } from '../http/session';
import { sendJson } from '../http/send-json';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../checklist/service';
import { HttpErrors } from '../http/errors';

/** GET /api/checklists/current — the checklist new reviews use, for the criterion picker and the checklist panel. */
export function mountChecklistUiRoutes(app: express.Express, _ctx: AppContext): void {
  app.get('/api/checklists/current', async (req, res) => {
    requireSession(req);
    const loaded = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID);
    if (!loaded) throw HttpErrors.NOT_FOUND();
    res.setHeader('Cache-Control', 'private, max-age=60');
    sendJson(res, contract.currentChecklist, checklistPayload(loaded.checklist));
  });
}
