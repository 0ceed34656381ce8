import { z } from 'zod';
import { checklistSchema } from '../../shared/checklist/format';

/**
 * The JSON Schema of the checklist format, generated from the zod schema (the single definition), for
 * editors (`# yaml-language-server: $schema=…`). Written to checklists/schema/ by
 * `npm run checklist:schema`; a test fails when the committed file is out of date.
 */
export function checklistJsonSchema(): string {
  const schema = z.toJSONSchema(checklistSchema, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'Tendik checklist' }, null, 2) + '\n';
}
