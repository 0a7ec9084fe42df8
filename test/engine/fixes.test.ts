// Regressions: person_from_faker fields, deterministic birth_date, sql filtering is not a shortfall,
// seed column types from the seed file, crash-safe batch recording.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { runStage } from '../../src/engine/create.js';
import { cellRng } from '../../src/shared/random.js';
import { BIRTH_DATE_REFERENCE, birthDateFor, personFromFakerSampler } from '../../src/engine/samplers/person-from-faker.js';
import { readParquet, stageInput, tmpDir } from './helpers.js';

const PERSON_KEYS = [
  'uuid', 'locale', 'first_name', 'last_name', 'middle_name', 'sex', 'street_number', 'street_name', 'city', 'state', 'postcode',
  'age', 'birth_date', 'country', 'marital_status', 'education_level', 'unit', 'occupation', 'phone_number', 'bachelors_field',
];
// Data Designer's make_person: always None = middle_name; phone_number None under 18; the rest is set
// for a locale that defines it (en_US defines every field).
const ALWAYS_SET = PERSON_KEYS.filter((k) => k !== 'middle_name' && k !== 'phone_number');

describe('person_from_faker', () => {
  it("has Data Designer's field set, every field non-null where Data Designer's is (en_US)", () => {
    const draw = personFromFakerSampler.create({ locale: 'en_US', age_range: [10, 90] } as never, 'p', 1);
    let adults = 0;
    let minors = 0;
    for (let i = 0; i < 200; i++) {
      const p = draw(cellRng(7, 's', 'p', i), {}, i) as Record<string, unknown>;
      expect(Object.keys(p)).toEqual(PERSON_KEYS);
      for (const k of ALWAYS_SET) expect(p[k], `${k} of person ${i}`).not.toBeNull();
      expect(typeof p.first_name).toBe('string');
      expect((p.first_name as string).length).toBeGreaterThan(0);
      expect(p.middle_name).toBeNull();
      expect(p.unit).toBe('');
      if ((p.age as number) >= 18) {
        adults++;
        expect(p.phone_number).not.toBeNull();
      } else {
        minors++;
        expect(p.phone_number).toBeNull();
      }
      expect(['Male', 'Female']).toContain(p.sex);
      if (['bachelors', 'graduate', 'doctorate'].includes(p.education_level as string)) expect(p.bachelors_field).not.toBe('no_degree');
      else expect(p.bachelors_field).toBe('no_degree');
    }
    expect(adults).toBeGreaterThan(0);
    expect(minors).toBeGreaterThan(0);
  });

  it('is locale-aware and honours sex and city', () => {
    const draw = personFromFakerSampler.create({ locale: 'fr_FR', sex: 'Male', city: ['Lyon', 'Nice'] } as never, 'p', 1);
    for (let i = 0; i < 20; i++) {
      const p = draw(cellRng(7, 's', 'p', i), {}, i) as Record<string, unknown>;
      expect(p.sex).toBe('Male');
      expect(['Lyon', 'Nice']).toContain(p.city);
      expect(p.first_name).not.toBeNull();
      expect(p.locale).toBe('fr_FR');
    }
  });

  it('birth_date is a pure function of the draw: within [ref - (age+1)y, ref - age y] of a fixed reference date', () => {
    expect(new Date(BIRTH_DATE_REFERENCE).toISOString().slice(0, 10)).toBe('2025-01-01');
    for (let i = 0; i < 100; i++) {
      const d = birthDateFor(30, cellRng(1, 's', 'c', i));
      expect(d >= '1994-01-01' && d <= '1995-01-01').toBe(true);
      expect(birthDateFor(30, cellRng(1, 's', 'c', i))).toBe(d);
    }
    const draw = personFromFakerSampler.create({ locale: 'en_US' } as never, 'p', 1);
    const a = draw(cellRng(3, 's', 'p', 5), {}, 5) as Record<string, unknown>;
    const b = draw(cellRng(3, 's', 'p', 5), {}, 5) as Record<string, unknown>;
    expect(b).toEqual(a);
  });

  it('a stage of persons is byte-identical across two runs with the same seed', async () => {
    const config = { columns: [{ name: 'p', column_type: 'sampler', sampler_type: 'person_from_faker', params: { locale: 'en_US' } }] };
    const r1 = await runStage(stageInput(config, { numRecords: 30, bufferSize: 7 }));
    const r2 = await runStage(stageInput(config, { numRecords: 30, bufferSize: 30 }));
    const rows1 = await readParquet(r1.outputFiles, 'p::VARCHAR AS p');
    const rows2 = await readParquet(r2.outputFiles, 'p::VARCHAR AS p');
    expect(rows1).toEqual(rows2);
    expect(String(rows1[0]!.p)).toContain('"first_name":"');
  });
});

describe('sql processors filter on purpose', () => {
  it('no "Generated X of N" warning for rows a sql processor removes; output count reflects the filter', async () => {
    const input = stageInput(
      {
        columns: [{ name: 'a', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' }],
        processors: [{ processor_type: 'sql', name: 'small', query: 'SELECT * FROM dataset WHERE a < 5' }],
      },
      { numRecords: 100, bufferSize: 30 },
    );
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    expect(rows.length).toBeLessThan(100);
    expect(result.numRecordsActual).toBe(100);
    expect(result.warnings.filter((w) => w.includes('Generated'))).toEqual([]);
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    expect(meta.actual_num_records).toBe(rows.length);
    expect(meta.generated_num_records).toBe(100);
  });

  it('rows dropped during generation still warn', async () => {
    const input = stageInput(
      {
        columns: [
          { name: 'a', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' },
          { name: 'e', column_type: 'expression', expr: '{% if a < 5 %}{{ a }}{% endif %}', dtype: 'int' },
        ],
        processors: [{ processor_type: 'sql', name: 'all', query: 'SELECT * FROM dataset' }],
      },
      { numRecords: 100, bufferSize: 50 },
    );
    const result = await runStage(input);
    expect(result.numRecordsActual).toBeLessThan(100);
    expect(result.warnings.some((w) => w.startsWith(`⚠️ Generated ${result.numRecordsActual} of 100 requested records`))).toBe(true);
  });
});

describe('seed column types', () => {
  it("come from the seed file's schema: an all-null row group keeps BIGINT and DOUBLE", async () => {
    const dir = tmpDir();
    const seed = path.join(dir, 'seed.parquet');
    const db = await openDatabase();
    await db.run(
      `COPY (SELECT i AS id, CASE WHEN i >= 4 THEN i * 10 END AS score, CASE WHEN i >= 4 THEN i / 2 END AS ratio, CASE WHEN i >= 4 THEN true END AS flag
             FROM range(8) t(i)) TO '${seed}' (FORMAT parquet)`,
    );
    db.close();
    const result = await runStage(stageInput({ seed_config: { source: { seed_type: 'local', path: seed }, sampling_strategy: 'ordered' }, columns: [] }, { numRecords: 8, bufferSize: 4 }));
    const db2 = await openDatabase();
    try {
      for (const f of result.outputFiles) {
        const types = Object.fromEntries((await db2.describe(`SELECT * FROM read_parquet('${f}')`)).map((c) => [c.name, c.type]));
        expect(types).toEqual({ id: 'BIGINT', score: 'BIGINT', ratio: 'DOUBLE', flag: 'BOOLEAN' });
      }
    } finally {
      db2.close();
    }
  });
});

describe('batch recording', () => {
  it('the batch record reaches metadata.json before its parquet file exists', async () => {
    const input = stageInput({ columns: [{ name: 'a', column_type: 'sampler', sampler_type: 'uuid', params: {} }] }, { numRecords: 6, bufferSize: 3 });
    const seen: string[] = [];
    const orig = fs.rename;
    // Observe, at each rename onto a batch file, whether metadata already lists it.
    (fs as { rename: typeof fs.rename }).rename = async (from, to) => {
      if (/parquet-files[\\/]batch_\d+\.parquet$/.test(String(to))) {
        const meta = JSON.parse(await fs.readFile(path.join(input.stageDir, 'metadata.json'), 'utf8'));
        seen.push(meta.ddflow_batches.map((b: { file: string }) => b.file).includes(`parquet-files/${path.basename(String(to))}`) ? 'recorded' : 'missing');
      }
      return orig(from, to);
    };
    try {
      await runStage(input);
    } finally {
      (fs as { rename: typeof fs.rename }).rename = orig;
    }
    expect(seen).toEqual(['recorded', 'recorded']);
  });
});

describe('a column called rowid (DuckDB’s row id has the same name)', () => {
  it('a sampler column named rowid: every row written, in order (the batch table names columns by position)', async () => {
    const result = await runStage(
      stageInput(
        {
          columns: [
            { name: 'rowid', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 100 } },
            { name: 'x', column_type: 'expression', expr: '{{ rowid }}!' },
          ],
        },
        { numRecords: 20, bufferSize: 4 },
      ),
    );
    expect(result.numRecordsActual).toBe(20);
    const rows = await readParquet(result.outputFiles, 'rowid, x');
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.x).toBe(`${r.rowid}!`);
    expect(new Set(rows.map((r) => r.rowid)).size).toBe(20);
  });

  it('a seed column named rowid: served in order, none lost or repeated', async () => {
    const dir = tmpDir();
    const seed = path.join(dir, 'seed.csv');
    await fs.writeFile(seed, 'RowID,a\n0,first\n0,second\n7,third\n');
    const result = await runStage(stageInput({ seed_config: { source: { seed_type: 'local', path: seed }, sampling_strategy: 'ordered' }, columns: [] }, { numRecords: 4, bufferSize: 4 }));
    const rows = await readParquet(result.outputFiles);
    expect(rows.map((r) => r.a)).toEqual(['first', 'second', 'third', 'first']);
    expect(rows.map((r) => Number(r.RowID))).toEqual([0, 0, 7, 0]);
  });
});

describe("Jinja's globals in templates (find_undeclared_variables leaves them out)", () => {
  it('range() in an expression reads only its argument', async () => {
    // Data Designer: config/utils/misc.py extract_keywords_from_jinja2_template (the expression's required_columns).
    const columns = [
      { name: 'n', column_type: 'sampler', sampler_type: 'category', params: { values: [2] } },
      { name: 'digits', column_type: 'expression', expr: "{% for i in range(n) %}{{ i }}{% endfor %}{{ dict(a='!').a }}" },
    ];
    const result = await runStage(stageInput({ columns }, { numRecords: 3 }));
    expect(await readParquet(result.outputFiles, 'digits')).toEqual(new Array(3).fill({ digits: '01!' }));
  });

  it('a column named range shadows the global, and is generated before a column declared earlier that reads it', async () => {
    const columns = [
      { name: 'n', column_type: 'sampler', sampler_type: 'category', params: { values: [2] } },
      { name: 'reader', column_type: 'expression', expr: '{{ range }}!' },
      { name: 'range', column_type: 'expression', expr: '{{ n * 2 }}' },
    ];
    const result = await runStage(stageInput({ columns }, { numRecords: 3 }));
    expect(await readParquet(result.outputFiles, 'reader')).toEqual(new Array(3).fill({ reader: '4!' }));
  });
});

describe('conditional_params see the parent as convert_to made it', () => {
  it("a category of ints with convert_to: str is '1' for the next column's condition (Data Designer's preproc)", async () => {
    // data_designer/engine/sampling_gen/data_sources/base.py preproc: astype(convert_to) right after the
    // draw; sampling_gen/generator.py selects each condition's rows on that frame.
    const result = await runStage(
      stageInput(
        {
          columns: [
            { name: 'level', column_type: 'sampler', sampler_type: 'category', params: { values: [1, 2] }, convert_to: 'str' },
            { name: 'v', column_type: 'sampler', sampler_type: 'category', params: { values: ['other'] }, conditional_params: { "level == '1'": { values: ['one'] } } },
          ],
        },
        { numRecords: 40 },
      ),
    );
    const rows = await readParquet(result.outputFiles);
    expect(rows.some((r) => r.level === '1')).toBe(true);
    for (const r of rows) {
      expect(typeof r.level).toBe('string');
      expect(r.v).toBe(r.level === '1' ? 'one' : 'other');
    }
  });
});

describe('a seed column of times of day', () => {
  it('keeps its value as text (10:00:00), never the microseconds as a number', async () => {
    const dir = tmpDir();
    const seed = path.join(dir, 'times.parquet');
    const db = await openDatabase();
    await db.run(`COPY (SELECT TIME '10:00:00' AS opens, 'a' AS k UNION ALL SELECT TIME '23:30:15.5', 'b') TO '${seed}' (FORMAT parquet)`);
    db.close();
    const result = await runStage(stageInput({ seed_config: { source: { seed_type: 'local', path: seed }, sampling_strategy: 'ordered' }, columns: [] }, { numRecords: 2 }));
    const rows = await readParquet(result.outputFiles);
    expect(rows.map((r) => r.opens)).toEqual(['10:00:00', '23:30:15.5']);
  });
});
