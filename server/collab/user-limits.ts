import type { Config } from '../config';
import { TokenBucket } from './rate-limit';

/**
 * Limits per person across all her sockets and reviews (issue 12 §3). Per socket they were no limit
 * at all: five tabs of one account sent five times the budget, and 200 sockets of one account were
 * all accepted. Everything one person sends is written to SQLite and relayed to every screen of the
 * review, so her budget is one, however many connections carry it.
 */
export interface CollabLimits {
  /** Updates one person may send in a burst, and per second after that. */
  updateBurst: number;
  updatesPerSecond: number;
  /**
   * Bytes of updates in a burst and per second: few huge updates flood as surely as many small ones.
   * A burst holds several full frames (a long offline session's difference); typing is a few bytes a key.
   */
  updateBytesBurst: number;
  updateBytesPerSecond: number;
  /** Presence (cursor) messages in a burst and per second. */
  presenceBurst: number;
  presencePerSecond: number;
  /** Sockets one person may hold open at once: tabs and devices; more is a script, not a person. */
  socketsPerUser: number;
  /**
   * Refusals one person may draw in a burst, and per second after that. A refusal is cheap but not
   * free: a client that ignores them and keeps sending at full speed would still take the server's
   * whole time answering "no". Ours waits a second after one; past this she is cut off.
   */
  refusalBurst: number;
  refusalsPerSecond: number;
  /** How long a person cut off for flooding may not connect: doubled for each repeat, up to the maximum. */
  cutOffMs: number;
  maxCutOffMs: number;
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  updateBurst: 300,
  updatesPerSecond: 150,
  updateBytesBurst: 8 * 1024 * 1024,
  updateBytesPerSecond: 1024 * 1024,
  presenceBurst: 300,
  presencePerSecond: 150,
  socketsPerUser: 10,
  refusalBurst: 100,
  refusalsPerSecond: 20,
  cutOffMs: 10_000,
  maxCutOffMs: 5 * 60_000,
};

interface Budget {
  updates: TokenBucket;
  bytes: TokenBucket;
  presence: TokenBucket;
  refusals: TokenBucket;
  sockets: number;
  /** Cut off for flooding until then (performance.now() time), and how often so far. */
  cutOffUntil: number;
  cutOffs: number;
}

/** What a limited request gets: through, refused (try again later), or refused and its sender cut off. */
export type LimitVerdict = 'ok' | 'limited' | 'cut-off';

export class UserLimits {
  private readonly budgets = new Map<string, Budget>();
  readonly limits: CollabLimits;

  constructor(
    config: Pick<Config, 'collabLimits' | 'maxSocketFrameBytes'>,
    private readonly now: () => number = () => performance.now(),
  ) {
    const limits = config.collabLimits;
    // Whatever the frame limit is configured to, one full frame must always be able to get through.
    this.limits = { ...limits, updateBytesBurst: Math.max(limits.updateBytesBurst, 2 * config.maxSocketFrameBytes) };
  }

  /** Why she may not open one more socket now, or null. */
  socketRefusal(userId: string): { reason: 'too-many' } | { reason: 'cut-off'; seconds: number } | null {
    const budget = this.budgets.get(userId);
    if (!budget) return null;
    const wait = budget.cutOffUntil - this.now();
    if (wait > 0) return { reason: 'cut-off', seconds: wholeSeconds(wait) };
    return budget.sockets < this.limits.socketsPerUser ? null : { reason: 'too-many' };
  }

  /** Counts one more socket of hers; false (nothing counted) when she may not open one. */
  openSocket(userId: string): boolean {
    if (this.socketRefusal(userId)) return false;
    this.budget(userId).sockets += 1;
    return true;
  }

  closeSocket(userId: string): void {
    const budget = this.budgets.get(userId);
    if (!budget) return;
    budget.sockets = Math.max(0, budget.sockets - 1);
    this.forgetIdle();
  }

  /** One update of `bytes` from her: within both her message and her byte budget? */
  takeUpdate(userId: string, bytes: number): LimitVerdict {
    const budget = this.budget(userId);
    // Count the message only if the bytes are there too, so a refused huge update costs no message.
    return budget.bytes.take(bytes) && budget.updates.take() ? 'ok' : this.refused(budget);
  }

  /** Presence is never a reason to cut someone off: over budget it is only dropped. */
  takePresence(userId: string): 'ok' | 'limited' {
    return this.budget(userId).presence.take() ? 'ok' : 'limited';
  }

  /** Seconds she stays cut off (0 if she is not). */
  cutOffSeconds(userId: string): number {
    const budget = this.budgets.get(userId);
    return budget ? Math.max(0, wholeSeconds(budget.cutOffUntil - this.now())) : 0;
  }

  private refused(budget: Budget): LimitVerdict {
    if (budget.refusals.take()) return 'limited';
    const now = this.now();
    // A repeat within the last cut-off's length again doubles it; a quiet spell starts over.
    const repeat = now - budget.cutOffUntil < this.limits.maxCutOffMs;
    budget.cutOffs = repeat ? budget.cutOffs + 1 : 1;
    budget.cutOffUntil = now + Math.min(this.limits.maxCutOffMs, this.limits.cutOffMs * 2 ** (budget.cutOffs - 1));
    return 'cut-off';
  }

  /** People currently tracked (for tests and the soak benchmark: this map must not grow for ever). */
  get tracked(): number {
    return this.budgets.size;
  }

  private budget(userId: string): Budget {
    let budget = this.budgets.get(userId);
    if (!budget) {
      const l = this.limits;
      budget = {
        updates: new TokenBucket(l.updateBurst, l.updatesPerSecond, this.now),
        bytes: new TokenBucket(l.updateBytesBurst, l.updateBytesPerSecond, this.now),
        presence: new TokenBucket(l.presenceBurst, l.presencePerSecond, this.now),
        refusals: new TokenBucket(l.refusalBurst, l.refusalsPerSecond, this.now),
        sockets: 0,
        cutOffUntil: -Infinity,
        cutOffs: 0,
      };
      this.budgets.set(userId, budget);
    }
    return budget;
  }

  /**
   * A person with no socket whose buckets have refilled is forgotten: keeping her would change
   * nothing, and forgetting her earlier would let a reconnect refill a spent budget.
   */
  private forgetIdle(): void {
    const now = this.now();
    for (const [userId, b] of this.budgets)
      if (b.sockets === 0 && now - b.cutOffUntil > this.limits.maxCutOffMs && b.updates.full && b.bytes.full && b.presence.full && b.refusals.full)
        this.budgets.delete(userId);
  }
}

/**
 * Milliseconds left, said in whole seconds, rounded up. performance.now() is fractional, so
 * (now + 10 000) − now can come out as 10 000.000000000002: rounded to the millisecond first, a
 * 10-second cut-off reads «10 s», never «11 s».
 */
function wholeSeconds(ms: number): number {
  return Math.ceil(Math.round(ms) / 1000);
}
