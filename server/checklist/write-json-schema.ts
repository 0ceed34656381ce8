import fs from 'node:fs';
import path from 'node:path';
import { CHECKLISTS_DIR } from './service';
import { checklistJsonSchema } from './json-schema';

// `npm run checklist:schema`: regenerates checklists/schema/checklist.schema.json from the zod schema.
const target = path.join(CHECKLISTS_DIR, 'schema', 'checklist.schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, checklistJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
