import { createApp } from './app';
import { DEFAULT_CHECKLIST_ID } from './checklist/service';
import { ConfigError, loadConfig, type Config } from './config';
import { criteriaOfChecklist } from './export/criteria-source';
import { createLogger } from './ops/logger';
import { seedDemo } from './seed-demo';
import { openDatabase, SchemaTooNewError, type Db } from './storage/db';

/** A setting or a database the server cannot start with: one readable line, exit code 1, nothing changed. */
function refuseToStart(message: string): never {
  console.error(`Tendik cannot start: ${message}`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) refuseToStart(err.message);
  throw err;
}
const log = createLogger({ level: config.logLevel, json: config.production });

let db: Db;
try {
  db = openDatabase(config.databasePath);
} catch (err) {
  if (err instanceof SchemaTooNewError) refuseToStart(err.message);
  throw err;
}
// The demo passwords are printed once, on purpose, to the console (not the log): TENDIK_SEED_DEMO=0 on a real server.
if (config.seedDemo) await seedDemo(db, (line) => console.log(line));
const tendik = createApp(config, db, log);
const port = await tendik.listen();
log.info(`Tendik is listening on http://${config.host}:${port}`, {
  database: config.databasePath,
  trustProxy: config.trustProxy,
  secureCookies: config.secureCookies,
  mail: config.mail ? `${config.mail.host}:${config.mail.port}` : 'off',
});
// The conclusion's criteria are read from the checklist YAML and cached: read them now, so the first
// export after a restart does not wait for it.
setImmediate(() => criteriaOfChecklist(DEFAULT_CHECKLIST_ID));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    tendik.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stopping failed', { err });
        process.exit(1);
      },
    );
  });
}
