/**
 * A lean cold start (issue 13): what `ddflow validate` loads is the static import closure of the CLI's
 * entry (commands load the runner, DuckDB and the model client with import() when they run). Held here
 * on the source, as test/architecture.test.ts holds the layering; the bundle splits its chunks along
 * the same dynamic imports. And the schema validator is the one compiled ahead of time, for this schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SCHEMA_HASH, validate as precompiled } from '../../src/config/schema-validator.generated.js';
import { AJV_OPTIONS, validationSchema, validationSchemaHash } from '../../src/config/schema-validator.js';
import { readdirSync } from 'node:fs';
import YAML from 'yaml';

const ROOT = path.join(__dirname, '..', '..');

/** Modules imported for their values (not `import type`, not `import()`), resolved to files or package names. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) continue;
    const spec = m[3]!;
    if (spec.startsWith('.')) out.push(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
    else out.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return out;
}

/** Every module the entry loads before any import() runs, with the chain that first reached it. */
function closure(entry: string): Map<string, string> {
  const via = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (!f.endsWith('.ts')) continue;
    for (const d of staticImports(f)) {
      if (via.has(d)) continue;
      via.set(d, f);
      queue.push(d);
    }
  }
  return via;
}

function chain(via: Map<string, string>, mod: string): string {
  const out = [mod];
  for (let f = via.get(mod); f; f = via.get(f)) out.push(path.relative(ROOT, f));
  return out.join(' <- ');
}

describe('cold start', () => {
  it('the CLI loads neither DuckDB, Faker, the model client nor the Actions toolkit before a command needs them', () => {
    const via = closure(path.join(ROOT, 'src/cli/main.ts'));
    for (const heavy of ['@duckdb/node-api', '@faker-js/faker', 'openai', 'gpt-tokenizer', '@actions/core', '@actions/cache', '@actions/artifact', '@actions/github']) {
      expect(via.has(heavy), via.has(heavy) ? chain(via, heavy) : heavy).toBe(false);
    }
    // The MCP client and the Anthropic SDK are loaded when a tool server or a Claude model is first used.
    for (const lazy of ['@modelcontextprotocol/', '@anthropic-ai/']) {
      const hit = [...via.keys()].find((k) => k.startsWith(lazy));
      expect(hit, hit ? chain(via, hit) : lazy).toBeUndefined();
    }
    // It still reaches what validation needs (the check above is not vacuous).
    expect(via.has('ajv')).toBe(true);
    expect(via.has(path.join(ROOT, 'src/workflow/load.ts'))).toBe(true);
  });

  it('validation uses the validator compiled by `npm run schema` from the current schema', () => {
    expect(SCHEMA_HASH, 'src/config/schema-validator.generated.ts is stale: run `npm run schema`').toBe(validationSchemaHash(validationSchema()));
  });

  it('the precompiled validator answers as a freshly compiled one on every fixture (result, errors, defaults)', () => {
    const fresh = new Ajv2020(AJV_OPTIONS).compile(validationSchema());
    const pre = precompiled as unknown as typeof fresh;
    let n = 0;
    for (const dir of ['valid', 'invalid', 'partial']) {
      for (const name of readdirSync(path.join(ROOT, 'test/fixtures', dir))) {
        if (!/\.(ya?ml|json)$/.test(name)) continue;
        let doc: unknown;
        try {
          doc = YAML.parse(readFileSync(path.join(ROOT, 'test/fixtures', dir, name), 'utf8'));
        } catch {
          continue;
        }
        const a = structuredClone(doc);
        const b = structuredClone(doc);
        expect(pre(b), name).toBe(fresh(a));
        expect(JSON.stringify(pre.errors), name).toBe(JSON.stringify(fresh.errors));
        expect(b, name).toEqual(a);
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});
