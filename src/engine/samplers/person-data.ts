/**
 * Where the `person` sampler's Nemotron-Personas rows come from, and the filtered pool it draws from.
 *
 * Data for a locale, first found of:
 *   1. DDFLOW_PERSONAS_<locale> (e.g. DDFLOW_PERSONAS_en_US): an hf path `datasets/<org>/<dataset>/<glob>`
 *      read through the hf seed machinery (src/data/hf-hub.ts: HF_ENDPOINT, HF_TOKEN, the local cache), or a
 *      local parquet file or `<dir>/*.parquet`;
 *   2. Data Designer's managed assets, as its LocalPersonReader reads them:
 *      `$DATA_DESIGNER_MANAGED_ASSETS_PATH/datasets/<locale>.parquet` (default `~/.data-designer/managed-assets`,
 *      or `$DATA_DESIGNER_HOME/managed-assets`);
 *   3. otherwise a sentence naming both.
 * Columns named as on the Hub's Nemotron-Personas datasets are mapped to Data Designer's names
 * (`zipcode` → `postcode`, en_US `state` → `region`, which the sampler turns back into `state`).
 *
 * The filters are Data Designer's ManagedDatasetGenerator evidence (`column IN (...)` for sex, city, every
 * age of age_range, select_field_values with en_US `state` read as `region`), applied in DuckDB. The pool is
 * held in memory, at most MAX_POOL rows: a larger one is cut to a seeded uniform subset (hash order).
 */
import { DdflowError } from '../../diagnostics.js';
import { errorMessage, quoteIdent, quoteLiteral, type Database, type Row } from '../../data/database.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import { PERSONA_FIELDS, PII_FIELDS } from './person-fields.js';

type PersonParams = SamplerParamsOf<'person'>;

export const MAX_POOL = 100_000;

export { managedAssetsPath, personasEnvName, personDataIdentity, personDataLocation, type PersonDataLocation } from './person-data-location.js';
import { locationFiles, personDataLocation } from './person-data-location.js';

export interface PersonPool {
  locale: string;
  rows: Row[];
}

/** The pools a stage's person columns need, keyed by personPoolKey. */
export type PersonPools = Map<string, PersonPool>;

export const personPoolKey = (p: PersonParams): string =>
  JSON.stringify([p.locale ?? 'en_US', p.sex ?? null, p.city ?? null, p.age_range ?? [18, 114], p.select_field_values ?? null, p.with_synthetic_personas ?? false]);

/** Loads the filtered pool for one set of person params (Data Designer's PeopleGenFromDataset). */
export async function loadPersonPool(db: Database, p: PersonParams, seed: number): Promise<PersonPool> {
  const locale = p.locale ?? 'en_US';
  const loc = personDataLocation(locale);
  const files = await locationFiles(loc);
  const from = `read_parquet([${files.map(quoteLiteral).join(', ')}], union_by_name = true)`;
  let described: { name: string }[];
  try {
    described = await db.describe(`SELECT * FROM ${from}`);
  } catch (err) {
    throw new DdflowError(`Could not read the Nemotron-Personas data for locale ${locale} (${loc.path}): ${errorMessage(err)}`, { cause: err });
  }
  const names = new Set(described.map((c) => c.name));
  // Hub names → Data Designer's managed-dataset names.
  const select: string[] = [];
  const have = new Set<string>();
  for (const n of names) {
    let as = n;
    if (n === 'zipcode' && !names.has('postcode')) as = 'postcode';
    if (n === 'state' && locale === 'en_US' && !names.has('region')) as = 'region';
    select.push(`${quoteIdent(n)} AS ${quoteIdent(as)}`);
    have.add(as);
  }
  const evidence: [string, unknown[]][] = [];
  if (p.sex) evidence.push(['sex', [p.sex]]);
  if (p.city !== null && p.city !== undefined) evidence.push(['city', Array.isArray(p.city) ? p.city : [p.city]]);
  const [minAge, maxAge] = (p.age_range ?? [18, 114]) as [number, number];
  evidence.push(['age', Array.from({ length: maxAge - minAge + 1 }, (_, i) => minAge + i)]);
  for (const [key, values] of Object.entries(p.select_field_values ?? {})) {
    const field = key === 'state' && locale === 'en_US' ? 'region' : key;
    if (!PII_FIELDS.includes(field) && !PERSONA_FIELDS.includes(field)) throw new DdflowError(`Invalid field name: ${key}`);
    if (values.length > 0) evidence.push([field, values]);
  }
  for (const [field] of evidence) {
    if (!have.has(field)) throw new DdflowError(`The Nemotron-Personas data for locale ${locale} (${loc.path}) has no column '${field}' to filter on.`);
  }
  const where = evidence.map(([f, vs]) => `${quoteIdent(f)} IN (${vs.map((v) => (typeof v === 'number' ? String(v) : quoteLiteral(String(v)))).join(', ')})`).join(' AND ');
  const order = have.has('uuid') ? `hash(${Math.trunc(seed)}::BIGINT, "uuid"), "uuid"` : `hash(${Math.trunc(seed)}::BIGINT, rid), rid`;
  let rows: Row[];
  try {
    rows = await db.all(
      `SELECT * EXCLUDE (rid) FROM (SELECT ${select.join(', ')}, row_number() OVER () AS rid FROM ${from}) WHERE ${where} ORDER BY ${order} LIMIT ${MAX_POOL}`,
    );
  } catch (err) {
    throw new DdflowError(`Could not read the Nemotron-Personas data for locale ${locale} (${loc.path}): ${errorMessage(err)}`, { cause: err });
  }
  if (rows.length === 0) {
    throw new DdflowError(
      `🛑 Only 0 samples could be generated with the given settings: ${pyKwargs(p)}. This is likely because the filter values are too strict. Person sampling does not support rare combinations of field values. Please loosen the constraints and try again.`,
    );
  }
  // Data Designer drops the columns that are null in every sampled row, then keeps PII (and persona) fields.
  const keep = [...PII_FIELDS.filter((f) => have.has(f) && f !== 'locale'), ...(p.with_synthetic_personas ? PERSONA_FIELDS.filter((f) => have.has(f)) : [])].filter((f) =>
    rows.some((r) => r[f] !== null && r[f] !== undefined),
  );
  const localeAt = PII_FIELDS.indexOf('locale');
  const pool = rows.map((r) => {
    const out: Row = {};
    for (const f of keep) {
      if (PII_FIELDS.indexOf(f) > localeAt && !Object.hasOwn(out, 'locale')) out.locale = locale;
      out[f] = typeof r[f] === 'bigint' ? Number(r[f]) : r[f];
    }
    if (!Object.hasOwn(out, 'locale')) out.locale = locale;
    return out;
  });
  return { locale, rows: pool };
}

function pyKwargs(p: PersonParams): string {
  const parts: string[] = [];
  if (p.sex) parts.push(`'sex': '${p.sex}'`);
  if (p.city) parts.push(`'city': ${JSON.stringify(p.city).replace(/"/g, "'")}`);
  parts.push(`'age_range': [${(p.age_range ?? [18, 114]).join(', ')}]`);
  parts.push(`'with_synthetic_personas': ${p.with_synthetic_personas ? 'True' : 'False'}`);
  return `{${parts.join(', ')}}`;
}
