import type { CollabErrorPayload } from '../../shared/protocol';
import { ApiError } from '../api';
import type { CollabProvider } from '../collab/provider';
import { h } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';

/** Refusals the provider does not retry: a change that stays unsaved on the server until she acts. */
const LASTING_REFUSALS = new Set<string>(['COLLAB_UPDATE_TOO_LARGE', 'COLLAB_BAD_MESSAGE', 'COLLAB_FOREIGN_RECORD', 'COLLAB_RECORD_REWRITE', 'COLLAB_TOO_MANY_CONNECTIONS', 'COLLAB_UNAUTHENTICATED']);
/** Refusals of the review itself (its text): access taken away, the review gone. */
const ACCESS_REFUSALS = new Set<string>(['COLLAB_FORBIDDEN', 'COLLAB_REVIEW_NOT_FOUND']);

/**
 * What the collaboration server refused and will not retry by itself, said where she works (`textDoc`:
 * the TEXT doc of the version open, whose refusal is the review's); passing
 * refusals (rate limit, a doc reloading) are retried by the provider and stay quiet.
 */
export function collabAlerts(provider: CollabProvider, textDoc: string = 'text'): { element: HTMLElement; destroy(): void } {
  const element = h('div', { class: 'collab-alerts', 'data-testid': 'collab-alerts' });
  const show = (error: CollabErrorPayload) => {
    if (!LASTING_REFUSALS.has(error.code) && !(ACCESS_REFUSALS.has(error.code) && error.doc === textDoc)) return;
    element.replaceChildren(errorBanner(new ApiError(0, error.code, error.messages)));
  };
  const subscriptions = new Subscriptions();
  subscriptions.on(provider, 'refused', ({ error }: { error: CollabErrorPayload }) => show(error));
  subscriptions.on(provider, 'error', (error: CollabErrorPayload) => show(error));
  return { element, destroy: () => subscriptions.release() };
}
