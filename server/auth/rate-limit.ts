/**
 * Counts events per key in a sliding window, in memory. One Tendik process serves the Alliance, so
 * per-process counters are exact; the sign-in delays that must survive a restart are stored
 * (pair-failures.ts, account-failures.ts).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Keys kept at most: a flood of distinct keys (random e-mails) cannot grow memory without bound. */
    private readonly maxKeys = 50_000,
  ) {
    if (limit < 1 || windowMs < 1) throw new RangeError('SlidingWindowLimiter needs limit >= 1 and windowMs >= 1');
  }

  /** Milliseconds until the key may act again, or 0 when it is under the limit. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, recent[recent.length - this.limit]! + this.windowMs - this.now());
  }

  record(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
  }

  /**
   * Takes back the latest event of the key: a caller counts an attempt before an await (so parallel
   * attempts cannot all pass the check) and withdraws it when the attempt turns out fine.
   */
  withdraw(key: string): void {
    const recent = this.recent(key);
    recent.pop();
    if (recent.length === 0) this.hits.delete(key);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.hits.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }
}
