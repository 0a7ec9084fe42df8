/** Writes schema/ddflow.schema.json from src/config/schema.ts (the source of truth), in its editor form (src/config/schema-editor.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { editorSchema } from '../src/config/schema-editor.js';

const target = fileURLToPath(new URL('../schema/ddflow.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(editorSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
