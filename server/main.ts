import { createApp } from './app';
import { DEFAULT_CHECKLIST_ID } from './checklist/service';
import { loadConfig } from './config';
import { criteriaOfChecklist } from './export/criteria-source';
import { seedDemo } from './seed-demo';
import { openDatabase } from './storage/db';

const config = loadConfig();
const db = openDatabase(config.databasePath);
if (config.seedDemo) await seedDemo(db, (line) => console.log(line));
const tendik = createApp(config, db);
const port = await tendik.listen();
console.log(`Tendik is listening on http://${config.host}:${port} (database: ${config.databasePath})`);
// The conclusion's criteria are read from the checklist YAML and cached: read them now, so the first
// export after a restart does not wait for it.
setImmediate(() => criteriaOfChecklist(DEFAULT_CHECKLIST_ID));

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
