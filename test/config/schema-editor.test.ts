/**
 * The published JSON Schema (schema/ddflow.schema.json) is what editors use for completion and hover
 * help (issue 14 item 7): every field carries a description, each enum offers one spelling while the
 * alias stays valid, and `$id` is the stable raw URL in the repository. Checked on the committed file
 * with ajv, as an editor or a CI linter would load it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../src/config/schema-editor.js';

const file = path.resolve(import.meta.dirname, '../../schema/ddflow.schema.json');
const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every `properties` entry anywhere in the document, with its JSON pointer. */
function fields(node: unknown, at = '#', out: Array<[string, Record<string, unknown>]> = []): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) node.forEach((n, i) => fields(n, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') {
        for (const [name, s] of Object.entries(v as Record<string, unknown>)) {
          out.push([`${at}/properties/${name}`, s as Record<string, unknown>]);
          fields(s, `${at}/properties/${name}`, out);
        }
      } else fields(v, `${at}/${k}`, out);
    }
  }
  return out;
}

const workflow = (columnType: string) => ({
  name: 'w',
  stages: [{ name: 's', config: { columns: [{ name: 'c', column_type: columnType, model_alias: 'm', prompt: 'Say hi' }] } }],
});

describe('schema/ddflow.schema.json for editors', () => {
  it('is what src/config/schema-editor.ts writes (run `npm run schema`)', () => {
    expect(schema).toEqual(editorSchema());
  });

  it('gives every field a description', () => {
    const all = fields(schema);
    expect(all.length).toBeGreaterThan(300);
    const missing = all.filter(([, s]) => typeof s.description !== 'string' || s.description.trim() === '').map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('is served from a stable raw URL of the repository at a tag', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/YOUR-ORG/ddflow/v1/schema/ddflow.schema.json');
  });

  it('offers one spelling per enum in completion and still accepts both', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    for (const spelling of ['llm-text', 'llm_text']) expect(validate(workflow(spelling)), `${spelling}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate(workflow('llm-txt'))).toBe(false);
    // Every tag with two spellings: exactly one suggested value, the other marked deprecated and not suggested.
    const tags = fields(schema).filter(([p, s]) => /\/column_type$/.test(p) && Array.isArray(s.anyOf));
    expect(tags.length).toBeGreaterThanOrEqual(5);
    for (const [p, s] of tags) {
      const branches = s.anyOf as Array<Record<string, unknown>>;
      expect(branches.filter((b) => !b.deprecated).map((b) => b.const), p).toEqual([expect.stringMatching(/^[a-z]+(-[a-z]+)*$/)]);
      const alias = branches.find((b) => b.deprecated)!;
      expect(alias.doNotSuggest, p).toBe(true);
      expect(alias.const, p).toMatch(/_/);
    }
    // No enum anywhere still lists both spellings of a value.
    const both = fields(schema).filter(([, s]) => Array.isArray(s.enum) && (s.enum as string[]).some((v) => typeof v === 'string' && v.includes('-') && (s.enum as string[]).includes(v.replace(/-/g, '_'))));
    expect(both.map(([p]) => p)).toEqual([]);
  });
});
