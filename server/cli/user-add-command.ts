import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isTendikError } from '../../shared/errors';
import type { Db } from '../storage/db';
import { audit } from '../audit';
import { AccountErrors } from '../auth/errors';
import { generatePassword } from '../auth/passwords';
import { assertAcceptablePassword } from '../auth/password-policy';
import { Committee, Email, PersonName, RoleName } from '../../shared/contract/fields';
import { createUser, emailTaken, type User } from '../auth/users';
import { requireActiveCommittee } from '../committees/store';

export const USER_ADD_USAGE = `Usage: npm run user:add -- --role admin|secretary|expert|reader --email ADDRESS --name "FULL NAME"
                         [--committee SLUG] [--password-stdin]

Creates an account. Without --password-stdin a random password is generated and printed once.
A committee reader (--role reader) needs --committee: the code of an active committee of the
registry, which the administrator keeps on her screen (e.g. --committee social).`;

const Options = z.object({
  role: RoleName,
  email: Email,
  name: PersonName,
  committee: Committee.optional(),
  'password-stdin': z.boolean().optional(),
});

export interface UserAddDeps {
  db: Db;
  /** The whole of standard input, read only with --password-stdin. */
  readStdin: () => Promise<string>;
  print: (line: string) => void;
}

export type UserAddResult = { ok: true; user: User; generated: boolean } | { ok: false; message: string };

/** The first-setup path: no server, no session, straight into the database the server will open. */
export async function runUserAdd(argv: string[], deps: UserAddDeps): Promise<UserAddResult> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        committee: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return { ok: false, message: `${(err as Error).message}\n\n${USER_ADD_USAGE}` };
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => `--${issue.path.join('.')}`))].join(', ');
    return { ok: false, message: `Missing or invalid: ${fields}\n\n${USER_ADD_USAGE}` };
  }
  const options = parsed.data;
  try {
    if (options.role === 'reader' && !options.committee) throw AccountErrors.COMMITTEE_REQUIRED();
    if (options.role === 'reader' && options.committee) requireActiveCommittee(deps.db, options.committee);
    if (emailTaken(deps.db, options.email)) throw AccountErrors.EMAIL_TAKEN({ email: options.email });
    const generated = !options['password-stdin'];
    // A trailing newline from `echo` or a here-string is not part of the password.
    const password = generated ? generatePassword() : (await deps.readStdin()).replace(/\r?\n$/, '');
    if (!generated) assertAcceptablePassword(password, options.email);
    const user = await createUser(deps.db, {
      email: options.email,
      name: options.name,
      role: options.role,
      committee: options.role === 'reader' ? options.committee : null,
      password,
    });
    audit(deps.db, { userId: null, action: 'user.created_cli', target: user.email, details: { role: user.role } });
    deps.print(`Created ${user.role} ${user.email} (${user.name})${user.committee ? `, committee ${user.committee}` : ''}.`);
    if (generated) deps.print(`Password (shown only now, write it down): ${password}`);
    return { ok: true, user, generated };
  } catch (err) {
    if (isTendikError(err)) return { ok: false, message: `${err.code}: ${err.message_('en')}\n${err.message_('ru')}` };
    throw err;
  }
}
