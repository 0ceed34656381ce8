import { createApp } from './app';
import { loadConfig } from './config';
import { seedDemo } from './seed-demo';
import { openDatabase } from './storage/db';

const config = loadConfig();
const db = openDatabase(config.databasePath);
if (config.seedDemo) await seedDemo(db, (line) => console.log(line));
const tendik = createApp(config, db);
const port = await tendik.listen();
console.log(`Tendik is listening on http://${config.host}:${port} (database: ${config.databasePath})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    tendik.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
