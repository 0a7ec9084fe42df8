// The `person` sampler over Nemotron-Personas data (issue 11 item 7), as Data Designer samples it:
//   engine/sampling_gen/data_sources/sources.py PersonSampler (filters; en_US select_field_values `state` → `region`)
//   engine/sampling_gen/people_gen.py PeopleGenFromDataset (age_range → every age; PII then persona fields)
//   engine/resources/managed_dataset_generator.py (`column IN (...)` evidence)
//   engine/sampling_gen/entities/person.py generate_and_insert_derived_fields and its tests
//   (tests/engine/sampling_gen/entities/test_person.py: phone/email null under 18, SSN `XXX-XX-XXXX`, en_US region → state)
//   config/sampler_params.py PersonSamplerParams (locales with managed datasets).
// The real Nemotron-Personas data cannot be downloaded here: the fixture below has the managed dataset's
// column names (dataset_based_person_fields.py) and, for the Hub copy, the Hub's names (zipcode, state).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openDatabase, type Database } from '../../src/data/database.js';
import { forgetHfResolutions } from '../../src/data/hf-hub.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import { FakeHfHub } from '../support/fake-hf-hub.js';
import { readParquet, tempDir } from '../workflow/helpers.js';

const savedEnv = { ...process.env };
let db: Database;
let hub: FakeHfHub;

const FIRST = ['Maria', 'James', 'Chloé', 'Aiko', 'Robert', 'Linda'];
const LAST = ['Garcia', 'Smith', 'Tanaka', 'Dubois', 'Johnson', 'Brown'];
const CITIES = ['Brooklyn', 'Austin', 'Seattle'];
const STATES = ['NY', 'TX', 'WA'];
const ZIPS = ['11201', '78701', '98101'];
/** 60 people in the managed dataset's shape (en_US: `region` holds the state). */
const PEOPLE = Array.from({ length: 60 }, (_, i) => ({
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  first_name: FIRST[i % 6]!,
  middle_name: i % 4 === 0 ? 'Lee' : null,
  last_name: LAST[(i * 5) % 6]!,
  sex: i % 2 === 0 ? 'Female' : 'Male',
  age: 8 + ((i * 7) % 80),
  marital_status: 'never_married',
  postcode: ZIPS[i % 3]!,
  city: CITIES[i % 3]!,
  region: STATES[i % 3]!,
  country: 'USA',
  street_name: 'Main St',
  street_number: String(100 + i),
  education_level: 'bachelors',
  bachelors_field: 'stem',
  occupation: 'engineer',
  persona: `Person ${i} likes maps.`,
  hobbies_and_interests: 'hiking',
}));
const FIELDS = Object.keys(PEOPLE[0]!);

async function parquetFile(rows: Record<string, unknown>[], file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeRowGroup(db, rows, Object.keys(rows[0]!).map((name) => ({ name })), file);
}

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (out += t), stderr: (t) => void (out += t) });
  return { code, out };
}

const workflow = (params: string, n = 40): string => `
name: people
seed: 7
stages:
  - name: sample
    num_records: ${n}
    config:
      columns:
        - name: person
          column_type: sampler
          sampler_type: person
          params: ${params}
        - name: who
          column_type: expression
          expr: "{{ person.first_name }} {{ person.last_name }} ({{ person.age }}, {{ person.state }})"
`;

async function people(artifacts: string): Promise<Record<string, any>[]> {
  const root = path.join(artifacts, 'people');
  const stage = (await fs.readdir(root)).find((d) => d.startsWith('stage-'))!;
  const files = (await fs.readdir(path.join(root, stage), { recursive: true })).map(String).filter((f) => f.includes('parquet-files') && f.endsWith('.parquet')).sort();
  const rows = (await Promise.all(files.map((f) => readParquet(path.join(root, stage, f))))).flat();
  return rows.map((r) => (typeof r.person === 'string' ? JSON.parse(r.person) : r.person));
}

beforeAll(async () => {
  db = await openDatabase();
  hub = await FakeHfHub.start();
});
afterAll(async () => {
  await hub.close();
  await db.close();
});
afterEach(() => {
  forgetHfResolutions();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

describe('person sampler', () => {
  it('samples the managed dataset with Data Designer’s filters, field order and derived fields, reproducibly', async () => {
    const work = await tempDir('ddflow-person-');
    process.env.DATA_DESIGNER_MANAGED_ASSETS_PATH = path.join(work, 'assets');
    await parquetFile(PEOPLE, path.join(work, 'assets', 'datasets', 'en_US.parquet'));
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('{locale: en_US, sex: Female, city: [Brooklyn, Seattle], age_range: [10, 60]}'));
    const run = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(run.code, run.out).toBe(0);
    const got = await people(path.join(work, 'a'));
    expect(got).toHaveLength(40);
    for (const p of got) {
      expect(p.sex).toBe('Female');
      expect(['Brooklyn', 'Seattle']).toContain(p.city);
      expect(p.age).toBeGreaterThanOrEqual(10);
      expect(p.age).toBeLessThanOrEqual(60);
      // PII fields in PII_FIELDS order, then the derived ones, then `state` (region renamed): no persona fields.
      const dataFields = ['uuid', 'first_name', ...(p.middle_name !== undefined ? ['middle_name'] : []), 'last_name', 'sex', 'age', 'marital_status', 'postcode', 'city', 'country', 'street_name', 'street_number', 'bachelors_field', 'education_level', 'occupation', 'locale'];
      expect(Object.keys(p)).toEqual([...dataFields, 'birth_date', 'phone_number', 'email_address', 'national_id', 'state']);
      expect(p.locale).toBe('en_US');
      expect(p.state).toBe(STATES[CITIES.indexOf(p.city)]);
      expect(p.national_id).toMatch(/^\d{3}-\d{2}-\d{4}$/);
      expect(p.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.age < 18) {
        expect(p.phone_number).toBeNull();
        expect(p.email_address).toBeNull();
      } else {
        expect(p.phone_number).toMatch(/^\d{3}-\d{3,4}-\d{4,5}$/);
        expect(p.email_address).toMatch(/^[a-z0-9._]+@(gmail|icloud|outlook|hotmail|yahoo|protonmail|zoho|gmx|aol)\.com$/);
      }
    }
    expect(got.some((p) => p.age < 18)).toBe(true);
    expect(got.some((p) => p.first_name === 'Chloé' && /^(chloe|cjohnson|johnsonc)/.test(p.email_address ?? ''))).toBe(true); // é → e, as anyascii
    // Same seed, fresh artifacts: the same people.
    const again = await cli(['run', file, '--artifact-path', path.join(work, 'b')], work);
    expect(again.code, again.out).toBe(0);
    expect(await people(path.join(work, 'b'))).toEqual(got);
  });

  it('adds the persona fields with with_synthetic_personas, and select_field_values reads en_US state as region', async () => {
    const work = await tempDir('ddflow-person-');
    process.env.DATA_DESIGNER_MANAGED_ASSETS_PATH = path.join(work, 'assets');
    await parquetFile(PEOPLE, path.join(work, 'assets', 'datasets', 'en_US.parquet'));
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('{with_synthetic_personas: true, select_field_values: {state: [TX]}}', 10));
    const run = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(run.code, run.out).toBe(0);
    for (const p of await people(path.join(work, 'a'))) {
      expect(p.state).toBe('TX');
      expect(Object.keys(p).slice(-2)).toEqual(['persona', 'hobbies_and_interests']);
      expect(p.age).toBeGreaterThanOrEqual(18); // the default age_range [18, 114]
    }
  });

  it('reads a Hub copy of Nemotron-Personas through the hf seed machinery, Hub column names mapped', async () => {
    const work = await tempDir('ddflow-person-');
    process.env.HF_ENDPOINT = hub.url;
    process.env.DDFLOW_HF_CACHE = path.join(work, 'cache');
    process.env.DATA_DESIGNER_MANAGED_ASSETS_PATH = path.join(work, 'none');
    process.env.DDFLOW_PERSONAS_en_US = 'datasets/nvidia/Nemotron-Personas-USA/data/*.parquet';
    const hubRows = PEOPLE.map(({ postcode, region, ...rest }) => ({ ...rest, zipcode: postcode, state: region }));
    const local = path.join(work, 'hub.parquet');
    await parquetFile(hubRows, local);
    hub.publish('nvidia/Nemotron-Personas-USA', { 'data/train-00000-of-00001.parquet': await fs.readFile(local), 'README.md': '# personas' });
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('{sex: Male, age_range: [18, 40]}', 8));
    const run = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(run.code, run.out).toBe(0);
    for (const p of await people(path.join(work, 'a'))) {
      expect(p.sex).toBe('Male');
      expect(ZIPS).toContain(p.postcode);
      expect(STATES).toContain(p.state);
      expect(p.region).toBeUndefined();
    }
    expect(hub.downloads()).toHaveLength(1);
  });

  it('validate names the known locales and bad select_field_values; too strict a filter and missing data are sentences', async () => {
    const work = await tempDir('ddflow-person-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('{locale: de_DE}'));
    const bad = await cli(['validate', file], work);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('Person sampling from managed datasets is only supported for the following locales: en_US, en_IN, en_SG, fr_FR, hi_Deva_IN, hi_Latn_IN, ja_JP, ko_KR, pt_BR.');
    await fs.writeFile(file, workflow('{select_field_values: {favourite_colour: [blue]}}'));
    const field = await cli(['validate', file], work);
    expect(field.code).not.toBe(0);
    expect(field.out).toContain('Invalid field name: favourite_colour');

    process.env.DATA_DESIGNER_MANAGED_ASSETS_PATH = path.join(work, 'assets');
    await fs.writeFile(file, workflow('{city: Atlantis}'));
    const missing = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toContain('No Nemotron-Personas data for locale en_US: set DDFLOW_PERSONAS_en_US');

    await parquetFile(PEOPLE, path.join(work, 'assets', 'datasets', 'en_US.parquet'));
    const strict = await cli(['run', file, '--artifact-path', path.join(work, 'b')], work);
    expect(strict.code).not.toBe(0);
    expect(strict.out).toContain("Only 0 samples could be generated with the given settings: {'city': 'Atlantis', 'age_range': [18, 114], 'with_synthetic_personas': False}");
    expect(strict.out).not.toMatch(/\n\s+at /);
  });
});

describe('derived person fields (Data Designer tests/engine/sampling_gen/entities/test_person.py)', () => {
  it('matches generate_and_insert_derived_fields for an adult, a child, a non-US record and missing fields', async () => {
    const { derivePerson } = await import('../../src/engine/samplers/person-fields.js');
    const { Rng } = await import('../../src/shared/random.js');
    const rng = new Rng(42);
    const adult = derivePerson(rng, { first_name: 'John', middle_name: 'Michael', last_name: 'Doe', age: 30, locale: 'en_US', region: 'NY', postcode: '10001' });
    expect(adult.phone_number).toMatch(/^\d{3}-\d{3,4}-\d{4,5}$/);
    expect(adult.email_address).toMatch(/@/);
    expect(adult.national_id).toMatch(/^\d{3}-\d{2}-\d{4}$/);
    expect(adult.state).toBe('NY');
    expect(adult.region).toBeUndefined();
    const child = derivePerson(rng, { first_name: 'Child', middle_name: null, last_name: 'Person', age: 10, locale: 'en_US', region: 'NY', postcode: '10001' });
    expect([child.phone_number, child.email_address]).toEqual([null, null]);
    expect(child.national_id).toMatch(/^\d{3}-\d{2}-\d{4}$/);
    const foreign = derivePerson(rng, { first_name: 'Foreign', middle_name: null, last_name: 'Person', age: 30, locale: 'en_CA', region: 'Ontario', postcode: 'M5H2N2' });
    expect([foreign.phone_number, foreign.national_id]).toEqual([null, null]);
    expect(foreign.email_address).toMatch(/@/);
    expect(foreign.region).toBe('Ontario');
    expect(() => derivePerson(rng, { first_name: 'John', last_name: 'Doe', locale: 'en_US' })).toThrow("Person data is missing the following required fields: {'age'}");
  });
});
