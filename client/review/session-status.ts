import type { ConnectionIndicator } from '../ui/connection-indicator';
import { Subscriptions } from '../ui/lifecycle';
import type { ReviewSession } from './review-session';

/**
 * While a review is open, the header's connection pill follows its sync status and counts her
 * changes not yet on the server, and the tab asks before it closes while any are unsent. The returned
 * function stops all three (the pill then shows no unsent changes).
 */
export function followSession(session: ReviewSession, connection: ConnectionIndicator): () => void {
  const subscriptions = new Subscriptions();
  connection.setCollabStatus(session.status);
  subscriptions.add(
    session.onStatus((status) => connection.setCollabStatus(status)),
    session.copies.onUnsent((count) => connection.setUnsent(count)),
    () => connection.setUnsent(0),
  );
  subscriptions.listen(window, 'beforeunload', (event: BeforeUnloadEvent) => {
    if (session.copies.countNow() === 0 && session.provider.pending === 0) return;
    event.preventDefault();
    event.returnValue = '';
  });
  return () => subscriptions.release();
}
