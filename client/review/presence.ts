import type { Awareness } from 'y-protocols/awareness';
import { onLangChange, t } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { Subscriptions } from '../ui/lifecycle';

/** Who is online in this review, in their cursor colours (the server stamps names and colours). */
export function presenceList(awareness: Awareness, myClientId: number): { element: HTMLElement; destroy(): void } {
  const list = h('ul', { class: 'presence__list', 'data-testid': 'presence' });
  const box = h('section', { class: 'presence', 'aria-labelledby': 'presence-title' }, tx('h2', 'presence', { id: 'presence-title', class: 'presence__title' }), list);
  const render = () => {
    const people = new Map<string, { name: string; color: string; me: boolean }>();
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
      if (!user || typeof user.name !== 'string') continue;
      const id = typeof user.id === 'string' ? user.id : String(clientId);
      const me = clientId === myClientId;
      if (!people.has(id) || me) people.set(id, { name: user.name, color: typeof user.color === 'string' ? user.color : '#555', me });
    }
    list.replaceChildren(
      ...[...people.values()].map((p) => {
        const dot = h('span', { class: 'presence__dot', 'aria-hidden': 'true' });
        dot.style.backgroundColor = p.color;
        const label = p.me ? `${p.name} (${t('you')})` : p.name;
        // A long name is cut with an ellipsis on screen (the whole of it in the tooltip); a screen
        // reader still reads it all.
        return h('li', { class: 'presence__person' }, dot, h('span', { class: 'presence__name', title: label, 'data-testid': 'presence-name' }, label));
      }),
    );
  };
  const subscriptions = new Subscriptions();
  subscriptions.on(awareness, 'change', render);
  subscriptions.add(onLangChange(render));
  render();
  return { element: box, destroy: () => subscriptions.release() };
}
