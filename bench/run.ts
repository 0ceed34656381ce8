import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs every bench/*.bench.ts in its own Node process, so each one's peak memory is its own.
// `npm run bench -- import` runs only the files whose name contains "import".
const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
console.log(`Tendik benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(dir, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) console.log(`(${file} exited with ${result.status ?? result.signal})`);
}
