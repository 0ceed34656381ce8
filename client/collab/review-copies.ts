import * as Y from 'yjs';
import type { DocName } from '../../shared/protocol';
import { LocalCopy, localCopyName } from './local-copy';
import type { CollabProvider, DocHandle } from './provider';
import { rememberUnsent } from './unsent-index';

/** How long the count of unsent changes waits after a change before it is taken again. */
const RECOUNT_MS = 250;

/**
 * The local copies of one review's docs for one person, opened with the provider: each doc joins
 * only once its copy is loaded, and the server's confirmations (a join's state vector, everything
 * acknowledged) are recorded with it. Counts her changes not yet sent in the docs she writes, for the
 * connection pill, the warning before the tab closes and the one before signing out.
 */
export class ReviewCopies {
  private readonly copies = new Map<DocName, LocalCopy>();
  private readonly listeners = new Set<(unsent: number) => void>();
  private readonly cleanup: Array<() => void> = [];
  private unsentValue = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(
    readonly userId: string,
    readonly reviewId: string,
    readonly provider: CollabProvider,
    /** The docs whose changes are hers to send: her author doc, and the draft for the secretary. */
    private readonly counted: (name: DocName) => boolean,
  ) {
    const joined = (name: DocName, stateVector: Uint8Array) => {
      this.copies.get(name)?.confirm(stateVector);
      this.schedule();
    };
    const settled = (name: DocName) => {
      const copy = this.copies.get(name);
      if (copy) copy.confirm(Y.encodeStateVector(copy.doc));
      // At once, not after the pause: the pill must not say "not yet sent" beside "all saved".
      if (!this.destroyed) this.countNow();
    };
    provider.on('joined', joined);
    provider.on('settled', settled);
    this.cleanup.push(
      () => provider.off('joined', joined),
      () => provider.off('settled', settled),
    );
  }

  /** Opens a doc from its local copy and syncs it with the server once the copy is loaded. */
  open(name: DocName, doc: Y.Doc = new Y.Doc()): DocHandle {
    const existing = this.provider.handle(name);
    if (existing) return existing;
    const copy = new LocalCopy(localCopyName(this.userId, this.reviewId, name), doc);
    this.copies.set(name, copy);
    if (this.counted(name)) {
      const changed = () => this.schedule();
      doc.on('afterTransaction', changed);
      this.cleanup.push(() => doc.off('afterTransaction', changed));
      void copy.loaded.then(changed);
    }
    return this.provider.open(name, doc, copy.loaded);
  }

  /** Resolves when every copy opened so far has loaded what IndexedDB held. */
  whenLoaded(): Promise<void> {
    return Promise.all([...this.copies.values()].map((c) => c.loaded)).then(() => undefined);
  }

  /** Her changes in this review that the server is not known to have. */
  get unsent(): number {
    return this.unsentValue;
  }

  /** Counts now, not after the pause: for the moment the tab is about to close. */
  countNow(): number {
    clearTimeout(this.timer);
    this.recount();
    return this.unsentValue;
  }

  onUnsent(fn: (unsent: number) => void): () => void {
    this.listeners.add(fn);
    fn(this.unsentValue);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    this.recount();
    for (const fn of this.cleanup.splice(0)) fn();
    for (const copy of this.copies.values()) copy.destroy();
    this.copies.clear();
    this.listeners.clear();
  }

  private schedule(): void {
    // A copy that finishes loading after the review was left would count no copies at all, and the
    // sign-out warning would forget this review's unsent work.
    if (this.destroyed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recount(), RECOUNT_MS);
  }

  private recount(): void {
    let unsent = 0;
    for (const [name, copy] of this.copies) if (this.counted(name)) unsent += copy.unsentChanges();
    rememberUnsent(this.userId, this.reviewId, unsent);
    if (unsent === this.unsentValue) return;
    this.unsentValue = unsent;
    for (const fn of this.listeners) fn(unsent);
  }
}
