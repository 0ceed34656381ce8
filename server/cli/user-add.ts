import { loadConfig } from '../config';
import { openDatabase } from '../storage/db';
import { runUserAdd } from './user-add-command';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const config = loadConfig();
const db = openDatabase(config.databasePath);
try {
  const result = await runUserAdd(process.argv.slice(2), { db, readStdin, print: (line) => console.log(line) });
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  }
} finally {
  db.close();
}
