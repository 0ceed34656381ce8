import { createApp } from '../../server/app';
import { testConfig } from '../../server/config';

/**
 * The real app as a process of its own on the SQLite file given as the first argument and a free
 * port, printed as one JSON line — for tests that kill the server (SIGKILL) and start it again.
 */
const databasePath = process.argv[2];
if (!databasePath) {
  console.error('usage: server-process.ts DATABASE_FILE');
  process.exit(2);
}
const tendik = createApp(testConfig({ databasePath }));
const port = await tendik.listen();
process.stdout.write(`${JSON.stringify({ port })}\n`);
