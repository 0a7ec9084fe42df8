/**
 * Validates a workflow document against the published JSON Schema (schema/ddflow.schema.json, built from
 * src/config/schema.ts) with ajv, fills in every default the schema declares, and turns ajv's errors into
 * one clear sentence per real problem.
 *
 * Why the schema is rewritten before compiling: plain `anyOf` unions (nullable fields, constraint kinds,
 * selection strategies, number-or-distribution) make ajv report every branch's failure, so one typo
 * becomes five messages. Each `anyOf` is turned into an `if/then/else` chain that picks the branch by
 * shape (JSON type, a tag property, or a key only that branch has) and validates only that branch. The
 * accepted documents are the same; only the error reporting changes. A side benefit: ajv's `useDefaults`
 * is ignored inside `anyOf` but honoured inside `then`/`else`, so defaults (declared only in schema.ts)
 * are filled in everywhere by validation itself.
 */
import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as precompiled from './schema-validator.generated.js';
import { publishedSchema } from './schema.js';
import { describeContainer, describeField } from './describe.js';
import { isPrefix, pointerToPath, type Anchor, type Path } from './source-map.js';

type Json = Record<string, unknown>;

export interface SchemaProblem {
  path: Path;
  anchor: Anchor;
  message: string;
  code: string;
}

let compiled: ValidateFunction | undefined;
/** $defs of the validation schema, to resolve discriminator branches when listing expected tags. */
let tagDefs: Record<string, Json> = {};

/** The validation schema: the published one, with stage `config` narrowed to the inline-config branch. */
export function validationSchema(): Json {
  const schema = publishedSchema() as Json;
  const defs = schema.$defs as Record<string, Json>;
  const stage = defs.Stage!;
  const config = (stage.properties as Json).config as { anyOf: Json[] };
  // The loader unwraps `data_designer:` and reads config files before validation, so what reaches the
  // validator is always the inline (shorthand) form.
  const inline = config.anyOf.find((b) => (b.properties as Json | undefined)?.columns);
  if (!inline) throw new Error('schema: Stage.config has no inline-config branch');
  (stage.properties as Json).config = inline;
  tagDefs = defs;
  return rewriteUnions(schema, defs) as Json;
}

/** The validator's ajv options; scripts/write-schema.ts compiles the standalone validator with the same. */
export const AJV_OPTIONS = {
  discriminator: true,
  allErrors: true,
  strict: false,
  verbose: true,
  useDefaults: true,
  // inlineRefs/optimize off: compiling drops from ~1.2 s to ~0.15 s.
  inlineRefs: false,
  code: { optimize: false },
} as const;

/** Identifies a validation schema: the precompiled validator is used only for the schema it was made from. */
export function validationSchemaHash(schema: Json): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 32);
}

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = validationSchema();
    // Compiling the schema was most of a cold `ddflow validate` (profiled: 0.7-1.4 s of it on a loaded
    // 2-core machine): `npm run schema` writes the compiled code (schema-validator.generated.ts), loaded
    // in milliseconds. A schema changed without regenerating it still validates, compiled here.
    compiled = precompiled.SCHEMA_HASH === validationSchemaHash(schema) ? (precompiled.validate as unknown as ValidateFunction) : new Ajv2020(AJV_OPTIONS).compile(schema);
  }
  return compiled;
}

/**
 * Validates `doc` in place: on success every default has been filled in. Returns the problems found
 * (empty when valid). Problems at or below a `suppressed` path are dropped (already reported better).
 */
export function validateAgainstSchema(doc: unknown, suppressed: Path[] = []): SchemaProblem[] {
  const validate = validator();
  if (validate(doc)) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const problem = translate(err, doc);
    if (!problem) continue;
    if (suppressed.some((p) => isPrefix(p, problem.path))) continue;
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// anyOf → if/then/else

function resolve(node: Json, defs: Record<string, Json>): Json {
  let cur = node;
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    const name = (cur.$ref as string).replace('#/$defs/', '');
    cur = defs[name] ?? cur;
  }
  return cur;
}

/** JSON types a branch accepts ('integer' counted as 'number': the guard must not reject 1.5 for an int field). */
function typesOf(node: Json, defs: Record<string, Json>): Set<string> {
  const n = resolve(node, defs);
  const out = new Set<string>();
  const add = (t: unknown) => out.add(t === 'integer' ? 'number' : String(t));
  if (Array.isArray(n.type)) n.type.forEach(add);
  else if (n.type !== undefined) add(n.type);
  else if (Array.isArray(n.anyOf)) for (const b of n.anyOf as Json[]) typesOf(b, defs).forEach((t) => out.add(t));
  else if (n.oneOf || n.properties || n.discriminator) out.add('object');
  else if (n.const !== undefined) add(typeof n.const);
  if (Array.isArray(n.enum) && out.size === 0) for (const v of n.enum) add(typeof v);
  return out;
}

/** A schema that holds exactly when a value belongs to `branch` rather than its siblings, or undefined. */
function guardFor(branch: Json, siblings: Json[], defs: Record<string, Json>): Json | undefined {
  const mine = typesOf(branch, defs);
  const others = new Set(siblings.flatMap((s) => [...typesOf(s, defs)]));
  if (mine.size && [...mine].every((t) => !others.has(t))) return { type: [...mine] };
  const b = resolve(branch, defs);
  const props = (b.properties ?? {}) as Record<string, Json>;
  // A tag property (the loader injects constraint_type, generation_type and distribution_type).
  for (const [key, prop] of Object.entries(props)) {
    if (prop.const !== undefined) {
      return { type: 'object', required: [key], properties: { [key]: { const: prop.const } } };
    }
  }
  // Keys only this branch has.
  const otherKeys = new Set(siblings.flatMap((s) => Object.keys((resolve(s, defs).properties ?? {}) as Json)));
  const own = Object.keys(props).filter((k) => !otherKeys.has(k));
  if (own.length) return { type: 'object', anyOf: own.map((k) => ({ required: [k] })) };
  return undefined;
}

function rewriteUnions(node: unknown, defs: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteUnions(n, defs));
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) out[k] = k === 'anyOf' ? v : rewriteUnions(v, defs);
  if (!Array.isArray(src.anyOf)) return out;
  const raw = src.anyOf as Json[];
  // A union of literals ('none' | 'last_message' | ...) is an enum: one "must be one of" message.
  if (raw.every((b) => b.const !== undefined && Object.keys(b).every((k) => k === 'const' || k === 'type'))) {
    delete out.anyOf;
    return { ...out, enum: raw.map((b) => b.const) };
  }
  const branches = raw.map((b) => rewriteUnions(b, defs) as Json);
  const guards = raw.map((b, i) => guardFor(b, raw.filter((_, j) => j !== i), defs));
  if (guards.slice(0, -1).some((g) => g === undefined)) {
    // Not separable by shape: keep ajv's behaviour.
    out.anyOf = branches;
    return out;
  }
  const allTypes = [...new Set(raw.flatMap((b) => [...typesOf(b, defs)]))];
  const last = branches.length - 1;
  // The last branch is the fallback, unless it can be told apart by type: then a value of no listed type
  // gets one "must be a number or an object" message instead of the last branch's complaints.
  const lastGuard = guards[last];
  let chain: Json =
    lastGuard && lastGuard.type && !lastGuard.required && !lastGuard.anyOf
      ? { if: lastGuard, then: branches[last], else: { type: allTypes } }
      : branches[last]!;
  for (let i = last - 1; i >= 0; i--) chain = { if: guards[i], then: branches[i], else: chain };
  delete out.anyOf;
  return { ...out, allOf: [chain] };
}

// ---------------------------------------------------------------------------------------------------
// ajv error → sentence

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function typeList(t: unknown): string {
  const list = (Array.isArray(t) ? t : [t]).map((x) => ARTICLE[String(x)] ?? String(x));
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** Control and bidirectional-text characters, shown escaped so a message reads as what it is. */
const INVISIBLE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const visible = (s: string) => s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Long values are cut for display (a 10,000-character stage name is not worth repeating). */
const quote = (v: unknown) =>
  typeof v === 'string' ? `'${visible(v.length > 60 ? `${v.slice(0, 57)}...` : v)}'` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);

/** Tags the discriminator accepts, in Data Designer's (first) spelling. */
function expectedTags(parentSchema: Json | undefined, tag: string): string[] {
  const branches = (parentSchema?.oneOf ?? []) as Json[];
  const tags = new Set<string>();
  for (const branch of branches) {
    const b = resolve(branch, tagDefs);
    const prop = ((b.properties ?? {}) as Record<string, Json>)[tag];
    if (!prop) continue;
    if (prop.const !== undefined) tags.add(String(prop.const));
    else if (Array.isArray(prop.enum)) tags.add(String(prop.enum[0]));
  }
  return [...tags].sort();
}

/** Fields whose values must never be repeated in a message (they may hold a pasted secret). */
const SECRET_FIELDS = new Set(['api_key', 'extra_headers']);

function translate(err: ErrorObject, doc: unknown): SchemaProblem | undefined {
  const path = pointerToPath(err.instancePath);
  const last = path[path.length - 1];
  const field = () => describeField(doc, path);
  const params = err.params as Record<string, unknown>;
  const secret = path.some((p) => SECRET_FIELDS.has(String(p)));
  switch (err.keyword) {
    case 'if':
    case 'anyOf':
    case 'oneOf':
      if (err.keyword === 'if') return undefined;
      return { path, anchor: 'value', code: 'schema', message: `${field()} does not match any allowed form` };
    case 'additionalProperties':
      return {
        path: [...path, String(params.additionalProperty)],
        anchor: 'key',
        code: 'unknown_key',
        message: `unknown key '${params.additionalProperty}' in ${describeContainer(doc, path)}`,
      };
    case 'required':
      return {
        path,
        anchor: 'value',
        code: 'missing_key',
        message: `missing required key '${params.missingProperty}' in ${describeContainer(doc, path)}`,
      };
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error === 'mapping') {
        const tags = expectedTags(err.parentSchema as Json, tag).map((t) => `'${t}'`).join(', ');
        return {
          path: [...path, tag],
          anchor: 'value',
          code: 'bad_tag',
          message: `${tag} ${quote(params.tagValue)} in ${describeContainer(doc, path)} does not match any of the expected tags: ${tags}`,
        };
      }
      const value = (err.data as Json | undefined)?.[tag];
      if (value === undefined) {
        return { path, anchor: 'value', code: 'missing_key', message: `missing required key '${tag}' in ${describeContainer(doc, path)}` };
      }
      return { path: [...path, tag], anchor: 'value', code: 'schema', message: `${describeField(doc, [...path, tag])} must be a string` };
    }
    case 'type':
      return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${typeList(params.type)}` };
    case 'const':
      return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${quote(params.allowedValue)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(quote).join(', ');
      const got = secret ? '' : ` (got ${quote(err.data)})`;
      return { path, anchor: 'value', code: 'schema', message: `${field()} must be one of: ${allowed}${got}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (err.keyword === 'maximum' && last === 'num_records') {
        return { path, anchor: 'value', code: 'schema', message: `${field()} must be at most ${Number(params.limit).toLocaleString('en-US')} (ddflow's bound for one stage)` };
      }
      return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${params.comparison} ${params.limit}` };
    case 'minItems':
      return {
        path,
        anchor: 'value',
        code: 'schema',
        message: `${field()} must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'minProperties':
      return { path, anchor: 'value', code: 'schema', message: `${field()} must have at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'minLength':
      return { path, anchor: 'value', code: 'schema', message: `${field()} must not be empty` };
    case 'maxLength': {
      const what = path[0] === 'stages' && path.length === 3 && last === 'name' ? `stage name ${quote(err.data)}` : field();
      return { path, anchor: 'value', code: 'schema', message: `${what} must be at most ${params.limit} characters long (it has ${String(err.data).length})` };
    }
    case 'pattern':
      return { path, anchor: 'value', code: 'schema', message: patternMessage(doc, path, String(last), err.data) };
    default:
      return { path, anchor: 'value', code: 'schema', message: `${field()} ${err.message ?? 'is invalid'}` };
  }
}

function patternMessage(doc: unknown, path: Path, key: string, value: unknown): string {
  if (path.length === 1 && key === 'name') {
    return `workflow name ${quote(value)} must start with a letter or digit and contain only letters, digits, '.', '_' and '-'`;
  }
  if (path[0] === 'stages' && path.length === 3 && key === 'name') {
    return `stage name ${quote(value)} must be a safe directory name (no / \\ : * ? " < > |, no control or bidirectional-text characters, not '.' or '..')`;
  }
  if (key === 'name' && path.some((p) => p === 'processors' || p === 'output_processors')) {
    return `processor name ${quote(value)} must be a safe directory name (no / \\ : * ? " < > |, no control or bidirectional-text characters, not '.' or '..')`;
  }
  if (path[0] === 'stages' && path[2] === 'on_success' && key === 'version') {
    return `on_success version ${quote(value)} must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..')`;
  }
  if (key === 'output') return `${describeField(doc, path)} must be 'final' or 'processor:<name>'`;
  return `${describeField(doc, path)} has an invalid format`;
}
