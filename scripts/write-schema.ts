/** Writes schema/ddflow.schema.json from src/config/schema.ts (the source of truth). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publishedSchema } from '../src/config/schema.js';

const target = fileURLToPath(new URL('../schema/ddflow.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(publishedSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
