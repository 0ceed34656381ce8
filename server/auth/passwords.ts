import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard and ships with Node: no native addon to build. N=2^15, r=8 → 32 MiB per hash.
// TENDIK_SCRYPT_LOG_N sets log2(N) for new hashes (10–17; the test suite uses 12, which keeps its
// thousands of sign-ins from dominating a busy CI machine). A hash records its own parameters, so
// raising or lowering it never invalidates existing passwords.
const PARAMS: ScryptOptions = { N: 1 << scryptLogN(process.env.TENDIK_SCRYPT_LOG_N), r: 8, p: 1, maxmem: 160 * 1024 * 1024 };

function scryptLogN(value: string | undefined): number {
  if (value === undefined || value === '') return 15;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 10 || n > 17) throw new RangeError(`TENDIK_SCRYPT_LOG_N must be an integer from 10 to 17, got "${value}"`);
  return n;
}
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, params, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Returns `scrypt$N$r$p$salt$hash` (base64), so parameters can grow without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password for generated accounts: 18 random bytes, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
