import { seedDemoAccounts } from './seed';
import type { Db } from './storage/db';

/**
 * Seeds an empty database with demo accounts (passwords printed once) and a demo review.
 * Feature modules extend the demo review as they land (import, checklist findings, annotations).
 */
export async function seedDemo(db: Db, print: (line: string) => void): Promise<void> {
  const accounts = await seedDemoAccounts(db);
  if (accounts.length === 0) return;
  print('Demo accounts created (passwords are shown only now):');
  for (const { user, password } of accounts) print(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} ${password}`);
}
