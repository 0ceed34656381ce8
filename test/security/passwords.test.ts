import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';

/** Hashes 'пароль' in a fresh Node process with the given environment (the cost is read at load). */
function hashInProcess(env: Record<string, string | undefined>): { hash: string; error: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "import { hashPassword } from './server/auth/passwords.ts'; process.stdout.write(await hashPassword('пароль'))"],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  return { hash: child.stdout, error: child.stderr };
}

it('hashes with scrypt N=2^15 by default; the suite’s cheaper setting changes only new hashes, and every hash verifies by its own parameters', async () => {
  const production = hashInProcess({ TENDIK_SCRYPT_LOG_N: undefined });
  expect(production.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  const ours = await hashPassword('пароль');
  expect(ours).toMatch(/^scrypt\$4096\$8\$1\$/);
  expect(await verifyPassword('пароль', production.hash)).toBe(true);
  expect(await verifyPassword('пароль', ours)).toBe(true);
  expect(await verifyPassword('Пароль', production.hash)).toBe(false);
});

it('refuses a cost outside 2^10..2^17 instead of starting with it', () => {
  for (const value of ['9', '18', 'abc', '12.5']) expect(hashInProcess({ TENDIK_SCRYPT_LOG_N: value }).error).toContain('TENDIK_SCRYPT_LOG_N must be an integer from 10 to 17');
});
