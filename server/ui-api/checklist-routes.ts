import type express from 'express';
import type { I18nText } from '../../shared/i18n/lang';
import type { AppContext } from '../context';
import { requireSession } from '../http/session';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../checklist/service';
import { HttpErrors } from '../http/errors';

/** What the browser needs of a checklist: criteria with their questions, never the detectors. */
export interface ClientChecklist {
  id: string;
  version: string;
  ref: string;
  criteria: Array<{
    id: string;
    title: I18nText;
    guidance: I18nText;
    severity: string;
    questions: Array<{ id: string; text: I18nText }>;
  }>;
}

/** GET /api/checklists/current — the checklist new reviews use, for the criterion picker and the checklist panel. */
export function mountChecklistUiRoutes(app: express.Express, _ctx: AppContext): void {
  app.get('/api/checklists/current', async (req, res) => {
    requireSession(req);
    const loaded = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID);
    if (!loaded) throw HttpErrors.NOT_FOUND();
    const { checklist } = loaded;
    const body: ClientChecklist = {
      id: checklist.id,
      version: checklist.version,
      ref: checklist.ref,
      criteria: [...checklist.criteria.values()].map((c) => ({
        id: c.id,
        title: c.title,
        guidance: c.guidance,
        severity: c.severity,
        questions: c.questions.map((q) => ({ id: q.id, text: q.text })),
      })),
    };
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(body);
  });
}
