import { onLangChange } from '../i18n/i18n';

/**
 * What a view subscribed to outside itself — the interface language, a doc or its awareness, the
 * document, a timer — released together when the view goes away. A subscription left behind keeps
 * its listener, the listener its view, and the view the review it shows (docs, socket, DOM) for as
 * long as the tab stays open.
 */
export class Subscriptions {
  private releases: Array<() => void> = [];
  private released = false;

  /** Keeps functions that undo a subscription; once released, they run at once. */
  add(...releases: Array<() => void>): void {
    if (this.released) for (const release of releases) run(release);
    else this.releases.push(...releases);
  }

  /** Listens on a target outside the view (window, document) until released. */
  listen<E extends Event>(target: EventTarget, type: string, listener: (event: E) => void): void {
    const fn = listener as EventListener;
    target.addEventListener(type, fn);
    this.add(() => target.removeEventListener(type, fn));
  }

  /** Listens to an observable (the provider, an awareness: lib0's on/off) until released. */
  on<N extends string, F extends (...args: never[]) => void>(source: { on(name: N, fn: F): unknown; off(name: N, fn: F): unknown }, name: N, fn: F): void {
    source.on(name, fn);
    this.add(() => source.off(name, fn));
  }

  /** Releases everything, the last subscribed first; one that throws does not keep the rest. */
  release(): void {
    this.released = true;
    for (const release of this.releases.splice(0).reverse()) run(release);
  }
}

function run(release: () => void): void {
  try {
    release();
  } catch (error) {
    // Leaving a screen must go on (the next screen shows, the rest is released): report, not throw.
    reportError(error);
  }
}

/**
 * Re-renders a piece built and dropped by others (an error banner, a report), which has no destroy()
 * of its own, on every language switch while it is in the page. The subscription holds the element
 * only weakly — `render` receives it, and must not close over it or anything inside it — so a piece
 * dropped with its screen is collected with whatever it shows; the subscription goes at the next switch.
 */
export function retranslateWhileShown<E extends Element>(el: E, render: (el: E) => void): void {
  const ref = new WeakRef(el);
  const off = onLangChange(() => {
    const shown = ref.deref();
    if (shown?.isConnected) render(shown);
    else off();
  });
}
