// Writes dist/detect.schema.json, the JSON Schema of the CLI's output, from the zod schema
// that dist/index.js exports (run by tsup after each build).
import { writeFileSync } from 'node:fs';
import { z } from 'zod';

const { CliOutput } = await import('../dist/index.js');
const schema = z.toJSONSchema(CliOutput, { target: 'draft-2020-12' });
schema.$id = 'https://unpkg.com/gofn-detect/dist/detect.schema.json';
schema.title = 'gofn-detect output';
writeFileSync(new URL('../dist/detect.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
