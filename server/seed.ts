import type { Role } from '../shared/roles';
import { generatePassword } from './auth/passwords';
import { countUsers, createUser, type User } from './auth/users';
import type { Db } from './storage/db';

export interface SeededAccount {
  user: User;
  password: string;
}

const DEMO_ACCOUNTS: Array<{ role: Role; email: string; name: string; committee?: string }> = [
  { role: 'admin', email: 'admin@tendik.local', name: 'Администратор' },
  { role: 'secretary', email: 'secretary@tendik.local', name: 'Айгуль Секретарь' },
  { role: 'expert', email: 'expert1@tendik.local', name: 'Назгуль Эксперт' },
  { role: 'expert', email: 'expert2@tendik.local', name: 'Бермет Эксперт' },
  {
    role: 'reader',
    email: 'committee@tendik.local',
    name: 'Комитет по социальным вопросам',
    committee: 'social',
  },
];

/**
 * On the first start of an empty database: one account per role with a fresh random password each,
 * printed once to the console by the caller. No password is ever fixed in the code.
 */
export async function seedDemoAccounts(db: Db): Promise<SeededAccount[]> {
  if (countUsers(db) > 0) return [];
  const seeded: SeededAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword();
    const user = await createUser(db, { ...account, password });
    seeded.push({ user, password });
  }
  return seeded;
}
