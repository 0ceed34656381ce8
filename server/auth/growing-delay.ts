/** The longest any sign-in rule makes anyone wait: long enough to stall guessing, short enough to be no lock-out. */
export const MAX_SIGN_IN_DELAY_MS = 15 * 60_000;

/**
 * The wait after `count` failures of which the first `free` cost nothing: 1 s once `count` reaches
 * `free`, doubling with each further failure, capped at 15 minutes (OWASP's "exponentially growing
 * delay" instead of a lock an attacker could trigger).
 */
export function growingDelayMs(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(1000 * 2 ** (count - free), MAX_SIGN_IN_DELAY_MS);
}
