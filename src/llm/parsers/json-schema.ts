/**
 * JSON Schema validation of a model's structured answer, as Data Designer does it: Draft 2020-12, every
 * object schema that lists properties forbids additional ones, and extra properties are PRUNED rather than
 * rejected (models add chatty keys; the schema is what the user asked for). A oneOf with a
 * `discriminator.mapping` picks its variant directly, so pruning for a wrong variant cannot strip the
 * properties of the right one. Decimal-style `anyOf[number, string-with-pattern]` values become numbers.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

export type JsonSchema = Record<string, unknown>;

export class SchemaValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaValidationError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A copy of `schema` where every object schema with `properties` has `additionalProperties: false`.
 * Object schemas without properties (`{type: object}`, maybe with a description) stay open: they mean
 * "any mapping" (Data Designer closes them too unless they are bare, which empties such fields).
 */
export function forbidAdditionalProperties(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forbidAdditionalProperties);
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forbidAdditionalProperties(v)]));
    } else if (key === 'items' || key === 'prefixItems' || key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'not' || key === 'if' || key === 'then' || key === 'else') {
      out[key] = forbidAdditionalProperties(value);
    } else {
      out[key] = value;
    }
  }
  if (isObject(out.properties)) out.additionalProperties = false;
  return out;
}

/** Rewrites `oneOf` + `discriminator.mapping` into a direct dispatch on the discriminator's value. */
function dispatchDiscriminators(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(dispatchDiscriminators);
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : dispatchDiscriminators(v);
  const disc = out.discriminator;
  delete out.discriminator;
  if (!Array.isArray(out.oneOf) || !isObject(disc) || typeof disc.propertyName !== 'string' || !isObject(disc.mapping) || Object.keys(disc.mapping).length === 0) {
    return out;
  }
  const prop = disc.propertyName;
  const mapping = disc.mapping as Record<string, string>;
  const oneOf = out.oneOf;
  delete out.oneOf;
  const dispatch = {
    if: { type: 'object', required: [prop] },
    then: {
      allOf: [
        { properties: { [prop]: { enum: Object.keys(mapping) } } },
        ...Object.entries(mapping).map(([value, ref]) => ({ if: { properties: { [prop]: { const: value } } }, then: { $ref: ref } })),
      ],
    },
    else: { oneOf },
  };
  return Object.keys(out).length === 0 ? dispatch : { ...out, allOf: [...(Array.isArray(out.allOf) ? out.allOf : []), dispatch] };
}

const ajv = new Ajv2020({ strict: false, allErrors: false, removeAdditional: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: JsonSchema, noExtraProperties: boolean): ValidateFunction {
  const key = `${noExtraProperties ? 1 : 0}${JSON.stringify(schema)}`;
  let fn = compiled.get(key);
  if (!fn) {
    const prepared = dispatchDiscriminators(noExtraProperties ? forbidAdditionalProperties(schema) : schema) as JsonSchema;
    // $id would collide between two compilations of one schema; the cache key already identifies it.
    delete prepared.$id;
    delete prepared.$schema;
    fn = ajv.compile(prepared);
    compiled.set(key, fn);
  }
  return fn;
}

export interface ValidateOptions {
  /** Close every object schema that has properties (default true, as for llm-structured). */
  noExtraProperties?: boolean;
}

/** Validates a copy of `value`; returns it pruned and normalised, or throws SchemaValidationError. */
export function validateJson(value: unknown, schema: JsonSchema, options: ValidateOptions = {}): unknown {
  const copy = value === undefined ? undefined : structuredClone(value);
  const fn = validatorFor(schema, options.noExtraProperties ?? true);
  if (!fn(copy)) {
    throw new SchemaValidationError(ajv.errorsText(fn.errors, { dataVar: 'response', separator: '\n' }));
  }
  return normalizeDecimalFields(copy, schema);
}

/** Pydantic's Decimal schema: anyOf [number, string with a `\d{0,N}` pattern]; N = decimal places. */
function decimalPlaces(fieldSchema: unknown): { isDecimal: boolean; places: number | null } {
  if (!isObject(fieldSchema) || !Array.isArray(fieldSchema.anyOf)) return { isDecimal: false, places: null };
  const anyOf = fieldSchema.anyOf.filter(isObject);
  if (!anyOf.some((s) => s.type === 'number')) return { isDecimal: false, places: null };
  for (const s of anyOf) {
    if (s.type === 'string' && typeof s.pattern === 'string') {
      const m = /\\d\{0,(\d+)\}/.exec(s.pattern);
      return { isDecimal: true, places: m ? Number(m[1]) : null };
    }
  }
  return { isDecimal: false, places: null };
}

function resolveLocalRef(root: JsonSchema, s: unknown): unknown {
  if (isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) {
    const defs = isObject(root.$defs) ? root.$defs : {};
    return defs[s.$ref.slice('#/$defs/'.length)] ?? {};
  }
  return s;
}

function roundHalfUp(x: number, places: number): number {
  const f = 10 ** places;
  // Through the decimal string, so 189.995 rounds as written rather than as its binary approximation.
  const text = String(x);
  const shifted = text.includes('e') ? x * f : Number(`${text}e${places}`);
  return Math.sign(shifted) * Math.round(Math.abs(shifted)) / f;
}

function normalizeDecimalFields(obj: unknown, root: JsonSchema, objSchema: unknown = resolveLocalRef(root, root)): unknown {
  if (!isObject(obj)) return obj;
  const props = isObject(objSchema) && isObject(objSchema.properties) ? objSchema.properties : {};
  for (const [key, value] of Object.entries(obj)) {
    const fieldSchema = resolveLocalRef(root, props[key]);
    if (isObject(value)) obj[key] = normalizeDecimalFields(value, root, fieldSchema);
    else if (Array.isArray(value)) {
      const itemSchema = isObject(fieldSchema) ? resolveLocalRef(root, fieldSchema.items) : undefined;
      obj[key] = value.map((v) => (isObject(v) ? normalizeDecimalFields(v, root, itemSchema) : v));
    } else if ((typeof value === 'number' || typeof value === 'string') && value !== '') {
      const { isDecimal, places } = decimalPlaces(fieldSchema);
      if (isDecimal && Number.isFinite(Number(value))) obj[key] = places === null ? Number(value) : roundHalfUp(Number(value), places);
    }
  }
  return obj;
}
