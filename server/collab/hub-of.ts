import type { AppContext } from '../context';
import { CollabHub } from './hub';

const hubs = new WeakMap<AppContext, CollabHub>();

/** The collaboration hub of one app instance, created on first use and flushed when the app closes. */
export function collabHub(ctx: AppContext): CollabHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    const created = new CollabHub(ctx);
    hubs.set(ctx, created);
    ctx.onClose(() => created.closeAll());
    hub = created;
  }
  return hub;
}
