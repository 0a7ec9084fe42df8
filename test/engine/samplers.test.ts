/** Re-expresses Data Designer's test_sampler_params.py and sampling_gen/test_generator.py. */
import { describe, expect, it } from 'vitest';
import type { Constraint, SamplerColumn } from '../../src/config/schema.js';
import { normalizedWeights } from '../../src/engine/samplers/category.js';
import { parseDatetime, strftime } from '../../src/shared/datetime-format.js';
import { roundHalfEven } from '../../src/engine/samplers/numeric.js';
import { SamplerGenerator } from '../../src/engine/samplers/sampler-generator.js';
import { scipyDistribution } from '../../src/engine/samplers/scipy-distributions.js';
import { conditionEvaluator, engineTemplates } from '../../src/engine/templating.js';
import { templateVariables } from '../../src/template/ast.js';

const templates = engineTemplates();
function generate(columns: Partial<SamplerColumn>[], n = 100, constraints: Partial<Constraint>[] = [], seed = 7): Record<string, unknown>[] {
  const cols = columns.map((c) => ({ column_type: 'sampler', ...c })) as SamplerColumn[];
  const gen = new SamplerGenerator(cols, constraints as Constraint[], {
    seed,
    stage: 's',
    evalCondition: conditionEvaluator(templates),
    conditionVariables: (c) => templateVariables(`{{ ${c} }}`),
  });
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    gen.drawRecord(row, i, n);
    gen.finishRecord(row);
    rows.push(row);
  }
  return rows;
}
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

describe('sampler params (test_sampler_params.py)', () => {
  it('normalises category weights and checks them', () => {
    expect(normalizedWeights(['a', 'b', 'c'], [2, 5, 3])).toEqual([0.2, 0.5, 0.3]);
    expect(() => normalizedWeights(['a', 'b', 'c'], [10, 1])).toThrow("'categories' and 'weights' must have the same length");
    expect(() => normalizedWeights(['a', 'b'], [0, 0])).toThrow("'weights' must sum to a non-zero value");
    expect(() => normalizedWeights(['a', 'b'], [1, -1])).toThrow("'weights' must sum to a non-zero value");
  });
  it('rejects an invalid datetime and dt_min >= dt_max', () => {
    expect(() => generate([{ name: 'd', sampler_type: 'datetime', params: { start: 'invalid', end: 'invalid', unit: 'D' } }])).toThrow('Invalid datetime format');
    expect(() =>
      generate([
        { name: 'd', sampler_type: 'datetime', params: { start: '2020-01-01', end: '2025-01-01' } },
        { name: 't', sampler_type: 'timedelta', params: { dt_min: 10, dt_max: 1, unit: 'D', reference_column_name: 'd' } },
      ]),
    ).toThrow("'dt_min' must be less than 'dt_max'");
  });
  it('uuid: prefix, short form (8 hex), uppercase, long form 32 hex, unique', () => {
    const rows = generate([
      { name: 'short', sampler_type: 'uuid', params: { prefix: 'test', short_form: true, uppercase: true } },
      { name: 'long', sampler_type: 'uuid', params: {} },
    ], 2000);
    for (const r of rows) {
      expect(r.short).toMatch(/^test[0-9A-F]{8}$/);
      expect(r.long).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    }
    expect(new Set(rows.map((r) => r.short)).size).toBe(2000);
  });
  it('person without its loaded persona pool says so (the pools are loaded by loadSamplerResources; see person-sampler.test.ts)', () => {
    expect(() => generate([{ name: 'p', sampler_type: 'person', params: { locale: 'en_US' } }])).toThrow("Person generator for column 'p' (locale en_US) was not loaded.");
  });
});

describe('dataset generator (sampling_gen/test_generator.py)', () => {
  it('float stays float; convert_to int rounds to integers', () => {
    const rows = generate([
      { name: 'f', sampler_type: 'gaussian', params: { mean: 0, stddev: 1 } },
      { name: 'i', sampler_type: 'gaussian', params: { mean: 0, stddev: 1 }, convert_to: 'int' },
    ]);
    expect(rows.some((r) => !Number.isInteger(r.f))).toBe(true);
    expect(rows.every((r) => Number.isInteger(r.i))).toBe(true);
  });
  it('datetime formats are ISO for every unit, truncated to the unit', () => {
    for (const unit of ['Y', 'M', 'D', 'h', 'm', 's'] as const) {
      const rows = generate([{ name: 'ts', sampler_type: 'datetime', params: { start: '2020-01-01', end: '2025-12-31', unit } }], 20);
      for (const r of rows) {
        expect(r.ts).toMatch(ISO);
        if (unit === 'Y') expect(r.ts).toMatch(/-01-01T00:00:00$/);
        if (unit === 'D') expect(r.ts).toMatch(/T00:00:00$/);
      }
    }
    const narrow = generate([{ name: 'ts', sampler_type: 'datetime', params: { start: '2024-07-04 00:00:00', end: '2024-07-04 23:59:59', unit: 's' } }], 5);
    for (const r of narrow) expect(String(r.ts).startsWith('2024-07-04T')).toBe(true);
  });
  it('timedelta: reference + [dt_min, dt_max) units', () => {
    const rows = generate([
      { name: 'ref', sampler_type: 'datetime', params: { start: '2020-01-01', end: '2025-01-01', unit: 'D' } },
      { name: 'new', sampler_type: 'timedelta', params: { dt_min: 5, dt_max: 10, reference_column_name: 'ref', unit: 'D' } },
      { name: 'hstart', sampler_type: 'datetime', params: { start: '2024-06-01', end: '2024-06-30', unit: 'h' } },
      { name: 'hend', sampler_type: 'timedelta', params: { dt_min: 1, dt_max: 4, reference_column_name: 'hstart', unit: 'h' } },
    ]);
    for (const r of rows) {
      expect(r.new).toMatch(ISO);
      const days = (parseDatetime(String(r.new)) - parseDatetime(String(r.ref))) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(5);
      expect(days).toBeLessThanOrEqual(10);
      const hours = (parseDatetime(String(r.hend)) - parseDatetime(String(r.hstart))) / 3_600_000;
      expect(hours).toBeGreaterThanOrEqual(1);
      expect(hours).toBeLessThan(4);
    }
  });
  it('discrete samplers return ints, also through rejection sampling', () => {
    for (const [type, params] of [['poisson', { mean: 5 }], ['binomial', { n: 10, p: 0.5 }]] as const) {
      const rows = generate([{ name: 'c', sampler_type: type, params } as never], 100, [{ target_column: 'c', operator: 'gt', rhs: 2 }]);
      expect(rows.every((r) => Number.isInteger(r.c) && (r.c as number) > 2)).toBe(true);
    }
  });
  it('convert_to a strftime format', () => {
    const rows = generate([{ name: 'd', sampler_type: 'datetime', params: { start: '2020-01-01', end: '2025-01-01', unit: 'D' }, convert_to: '%m/%d/%Y' }]);
    for (const r of rows) expect(r.d).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(strftime(Date.UTC(2024, 2, 12, 15, 4, 5), '%Y-%m-%d %H:%M:%S %b %A %j %%')).toBe('2024-03-12 15:04:05 Mar Tuesday 072 %');
  });
  it('conditional params (later conditions overwrite earlier ones)', () => {
    const rows = generate([
      { name: 'col_1', sampler_type: 'uniform', params: { low: 0, high: 1 }, conditional_params: { "col_2 == 'high'": { low: 2, high: 5 } } },
      { name: 'col_2', sampler_type: 'category', params: { values: ['low', 'high'] } },
    ]);
    for (const r of rows) {
      const v = r.col_1 as number;
      if (r.col_2 === 'low') expect(v >= 0 && v <= 1).toBe(true);
      else expect(v >= 2 && v <= 5).toBe(true);
    }
    const overwritten = generate([
      { name: 'x', sampler_type: 'category', params: { values: [1, 2] } },
      { name: 'y', sampler_type: 'category', params: { values: ['default'] }, conditional_params: { 'x > 0': { values: ['first'] }, 'x > 1': { values: ['second'] } } },
    ]);
    for (const r of overwritten) expect(r.y).toBe(r.x === 2 ? 'second' : 'first');
  });
  it('uniform with low == high is the constant low, as scipy.stats.uniform(loc=low, scale=0) (sampling_gen/data_sources/sources.py)', () => {
    expect(generate([{ name: 'c', sampler_type: 'uniform', params: { low: 1.5, high: 1.5 } }], 5).map((r) => r.c)).toEqual([1.5, 1.5, 1.5, 1.5, 1.5]);
  });
  it('column inequality constraint holds; impossible constraints hit the rejection limit', () => {
    const rows = generate([
      { name: 'col_1', sampler_type: 'uniform', params: { low: 0, high: 1 } },
      { name: 'col_2', sampler_type: 'uniform', params: { low: 0.3, high: 1 } },
    ], 100, [{ target_column: 'col_1', operator: 'lt', rhs: 'col_2' }]);
    expect(rows.every((r) => (r.col_1 as number) < (r.col_2 as number))).toBe(true);
    expect(() =>
      generate([
        { name: 'col_1', sampler_type: 'uniform', params: { low: 2, high: 3 } },
        { name: 'col_2', sampler_type: 'uniform', params: { low: 0, high: 1 } },
      ], 100, [{ target_column: 'col_1', operator: 'lt', rhs: 'col_2' }]),
    ).toThrow('Exceeded the maximum number of rejections (max_rejections_factor * num_samples = 500) while sampling `col_1`');
    expect(() => generate([{ name: 'a', sampler_type: 'uniform', params: { low: 0, high: 1 } }], 5, [{ target_column: 'zz', operator: 'lt', rhs: 1 }])).toThrow(
      "These constrained columns are missing in the definitions of your sampler columns: {'zz'}",
    );
  });
  it('subcategory follows its parent; coverage and parent type are checked', () => {
    const values = { electronics: ['laptop', 'smartphone', 'tablet'], clothing: ['shirt', 'pants', 'shoes', 'hat'], furniture: ['sofa', 'table', 'chair'], appliances: ['refrigerator', 'oven'] };
    const rows = generate([
      { name: 'department', sampler_type: 'category', params: { values: Object.keys(values) } },
      { name: 'products', sampler_type: 'subcategory', params: { category: 'department', values } },
    ]);
    for (const r of rows) expect(values[r.department as keyof typeof values]).toContain(r.products);
    expect(() =>
      generate([
        { name: 'a', sampler_type: 'category', params: { values: ['x', 'y'] } },
        { name: 's', sampler_type: 'subcategory', params: { category: 'a', values: { x: ['1'] } } },
      ]),
    ).toThrow("Subcategory column 's' must have values for each value of its parent category 'a'. The following values need attention: {'y'}");
    expect(() =>
      generate([
        { name: 'p', sampler_type: 'uuid', params: {} },
        { name: 'a', sampler_type: 'subcategory', params: { category: 'p', values: { x: ['1'] } } },
      ]),
    ).toThrow("Subcategory column 'a' has parent 'p', which is a sampler column with sampler_type='uuid'");
  });
  it('bernoulli mixture follows its conditional p', () => {
    const rows = generate([
      { name: 'agi', sampler_type: 'category', params: { values: ['>50000', '<50000'] } },
      { name: 'bern_x', sampler_type: 'bernoulli_mixture', params: { p: 0.0001, dist_name: 'expon', dist_params: { scale: 1 } }, conditional_params: { "agi == '>50000'": { p: 0.99, dist_name: 'expon', dist_params: { scale: 1000 } } } },
    ]);
    const sum = (k: string) => rows.filter((r) => r.agi === k).reduce((a, r) => a + (r.bern_x as number), 0);
    expect(sum('<50000')).toBeLessThan(sum('>50000'));
  });
  it('decimal places round after generation (half to even)', () => {
    const rows = generate([
      { name: 'col_1', sampler_type: 'gaussian', params: { mean: 10, stddev: 1, decimal_places: 2 } },
      { name: 'col_2', sampler_type: 'uniform', params: { low: 0.1, high: 1, decimal_places: 3 } },
    ]);
    for (const r of rows) {
      expect((String(r.col_1).split('.')[1] ?? '').length).toBeLessThanOrEqual(2);
      expect((String(r.col_2).split('.')[1] ?? '').length).toBeLessThanOrEqual(3);
    }
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-2.5)).toBe(-2);
  });
  it('e2e example: uuid prefixes by department, scipy ages, date constraint', () => {
    const prefixes = { electronics: 'EEE-', clothing: 'CCC-', furniture: 'FFF-', appliances: 'AAA-' };
    const rows = generate(
      [
        { name: 'employee_id', sampler_type: 'uuid', params: { prefix: 'ZZZ-', short_form: true, uppercase: true }, conditional_params: Object.fromEntries(Object.entries(prefixes).map(([d, p]) => [`department == '${d}'`, { prefix: p, short_form: true, uppercase: true }])) },
        { name: 'department', sampler_type: 'category', params: { values: Object.keys(prefixes), weights: [0.4, 0.3, 0.2, 0.1] } },
        { name: 'age', sampler_type: 'scipy', params: { dist_name: 'norm', dist_params: { loc: 25, scale: 8 } }, convert_to: 'int' },
        { name: 'start_date', sampler_type: 'datetime', params: { start: '2020-01-01', end: '2025-01-01', unit: 'D' }, convert_to: '%m/%d/%Y' },
        { name: 'end_date', sampler_type: 'datetime', params: { start: '2021-01-01', end: '2026-01-01', unit: 'D' }, convert_to: '%m/%d/%Y' },
      ],
      100,
      [
        { target_column: 'age', operator: 'gt', rhs: 0 },
        { target_column: 'start_date', operator: 'lt', rhs: 'end_date' },
      ],
    );
    const toMs = (s: string) => {
      const [m, d, y] = s.split('/').map(Number);
      return Date.UTC(y!, m! - 1, d!);
    };
    for (const r of rows) {
      expect(String(r.employee_id).startsWith(prefixes[r.department as keyof typeof prefixes])).toBe(true);
      expect(r.age as number).toBeGreaterThan(0);
      expect(toMs(String(r.start_date))).toBeLessThan(toMs(String(r.end_date)));
    }
  });
  it('person_from_faker: locale, sex, age range and Data Designer field set', () => {
    const rows = generate([
      { name: 'n', sampler_type: 'uniform', params: { low: 0, high: 100 } },
      { name: 'p', sampler_type: 'person_from_faker', params: { locale: 'en_GB', sex: 'Male', age_range: [18, 30] }, conditional_params: { 'n > 50': { locale: 'fr_FR', sex: 'Male', age_range: [18, 30] } } },
    ], 40);
    for (const r of rows) {
      const p = r.p as Record<string, unknown>;
      expect(p.locale).toBe((r.n as number) > 50 ? 'fr_FR' : 'en_GB');
      expect(p.sex).toBe('Male');
      expect(p.age as number).toBeGreaterThanOrEqual(18);
      expect(p.age as number).toBeLessThanOrEqual(30);
      for (const k of ['uuid', 'first_name', 'last_name', 'city', 'birth_date', 'marital_status', 'education_level', 'bachelors_field', 'occupation']) expect(p).toHaveProperty(k);
    }
    // Deterministic per record.
    expect(generate([{ name: 'p', sampler_type: 'person_from_faker', params: {} }], 3)).toEqual(generate([{ name: 'p', sampler_type: 'person_from_faker', params: {} }], 3));
  });
  it('convert_to must be float/int/str for numeric samplers', () => {
    expect(() => generate([{ name: 'x', sampler_type: 'uniform', params: { low: 0, high: 1 }, convert_to: 'decimal' }])).toThrow('Invalid `convert_to` value: decimal. Must be one of: [float, int, str]');
    const rows = generate([{ name: 'x', sampler_type: 'bernoulli', params: { p: 0.5 }, convert_to: 'str' }], 10);
    for (const r of rows) expect(['0', '1']).toContain(r.x);
  });
  it('scipy: known names with their parameters, Data Designer messages otherwise', () => {
    expect(() => scipyDistribution('nope', {})).toThrow('Distribution nope not found in scipy.stats');
    expect(() => scipyDistribution('norm', { mu: 1 })).toThrow("Distribution parameters {'mu': 1} are not a valid for distribution 'norm'");
    expect(() => scipyDistribution('gamma', {})).toThrow('are not a valid for distribution');
    const rows = generate([
      { name: 'g', sampler_type: 'scipy', params: { dist_name: 'gamma', dist_params: { a: 2, scale: 3 } } },
      { name: 'b', sampler_type: 'scipy', params: { dist_name: 'beta', dist_params: { a: 2, b: 5 } } },
      { name: 'p', sampler_type: 'scipy', params: { dist_name: 'poisson', dist_params: { mu: 100 } } },
    ], 2000);
    const mean = (k: string) => rows.reduce((a, r) => a + (r[k] as number), 0) / rows.length;
    expect(mean('g')).toBeGreaterThan(5);
    expect(mean('g')).toBeLessThan(7);
    expect(mean('b')).toBeGreaterThan(0.25);
    expect(mean('b')).toBeLessThan(0.32);
    expect(mean('p')).toBeGreaterThan(97);
    expect(mean('p')).toBeLessThan(103);
    expect(rows.every((r) => Number.isInteger(r.p))).toBe(true);
  });
  it('cyclic sampler dependencies get Data Designer message', () => {
    expect(() =>
      generate([
        { name: 'a', sampler_type: 'category', params: { values: [1] }, conditional_params: { 'b > 0': { values: [2] } } },
        { name: 'b', sampler_type: 'category', params: { values: [1] }, conditional_params: { 'a > 0': { values: [2] } } },
      ]),
    ).toThrow('There are circular dependencies in the definitions of your sampler columns.');
  });
  it('values depend only on (seed, stage, column, record)', () => {
    const cols = [{ name: 'u', sampler_type: 'uniform', params: { low: 0, high: 1 } }] as Partial<SamplerColumn>[];
    expect(generate(cols, 10)).toEqual(generate(cols, 10));
    expect(generate(cols, 10, [], 8)).not.toEqual(generate(cols, 10));
    expect(generate(cols, 20).slice(0, 10)).toEqual(generate(cols, 10));
  });
});

describe('drawRows (column by column, in slices)', () => {
  it('gives the same records as drawRecord + finishRecord, with conditions, constraints, parents, dates and conversions', () => {
    const cols = [
      { name: 'x', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' },
      { name: 'dept', sampler_type: 'category', params: { values: ['a', 'b', 'c'] } },
      { name: 'sub', sampler_type: 'subcategory', params: { category: 'dept', values: { a: ['a1', 'a2'], b: ['b1'], c: ['c1', 'c2', 'c3'] } } },
      { name: 'y', sampler_type: 'gaussian', params: { mean: 0, stddev: 3, decimal_places: 1 }, conditional_params: { 'x > 5': { mean: 10, stddev: 1 } } },
      { name: 'z', sampler_type: 'uniform', params: { low: 0, high: 20 } },
      { name: 'd', sampler_type: 'datetime', params: { start: '2024-01-01', end: '2024-12-31', unit: 'D' }, convert_to: '%Y/%m/%d' },
      { name: 'n', sampler_type: 'poisson', params: { mean: 3 }, convert_to: 'str' },
      { name: 'id', sampler_type: 'uuid', params: { prefix: 'P-' } },
    ].map((c) => ({ column_type: 'sampler', ...c })) as SamplerColumn[];
    const constraints = [{ target_column: 'z', operator: 'gt', rhs: 'x' }] as Constraint[];
    const options = { seed: 11, stage: 's', evalCondition: conditionEvaluator(templates), conditionVariables: (c: string) => templateVariables(`{{ ${c} }}`) };
    const n = 1000;
    const first = 5000;
    const byRecord: Record<string, unknown>[] = [];
    const a = new SamplerGenerator(cols, constraints, options);
    for (let i = 0; i < n; i++) {
      const row: Record<string, unknown> = {};
      a.drawRecord(row, first + i, n);
      a.finishRecord(row);
      byRecord.push(row);
    }
    const b = new SamplerGenerator(cols, constraints, options);
    const byColumn: Record<string, unknown>[] = Array.from({ length: n }, () => ({}));
    for (let from = 0; from < n; from += 300) b.drawRows(byColumn, first, from, Math.min(n, from + 300), n);
    expect(byColumn).toEqual(byRecord);
    expect(byColumn.map((r) => Object.keys(r).join())).toEqual(byRecord.map((r) => Object.keys(r).join()));
    expect(new Set(byColumn.map((r) => r.y)).size).toBeGreaterThan(10);
  });
});
