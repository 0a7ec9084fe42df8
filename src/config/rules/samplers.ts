/**
 * Sampler parameter rules Data Designer checks when it builds the params (weights, age ranges, timedelta
 * bounds) or only when it generates (convert_to, subcategory coverage, datetime parsing) — all reported
 * at validate time here, each at the offending field.
 */
import { PERSON_LOCALES, type ColumnConfig, type SamplerColumn } from '../schema.js';
import { PERSONA_FIELDS, PII_FIELDS } from '../person-fields.js';
import type { Reporter } from '../report.js';
import type { Path } from '../source-map.js';
import { inspectTemplate } from '../templates.js';
import { parseDatetime } from '../../shared/datetime-format.js';
import { SCIPY_DISTRIBUTION_NAMES } from '../scipy-names.js';
import { DD_FAKER_LOCALES, FAKER_LOCALES_UNAVAILABLE, unavailableFakerLocaleMessage, unsupportedFakerLocaleMessage } from '../faker-locales.js';

type Params = Record<string, unknown>;
const NUMERIC_SAMPLERS = new Set(['category', 'subcategory', 'uniform', 'gaussian', 'poisson', 'binomial', 'bernoulli', 'bernoulli_mixture', 'scipy']);
/** Python's strftime directives (C89 + the ones glibc and Python document). */
const STRFTIME = /%[-_0^#]*\d*[EO]?([aAwdbBmyYHIpMSfzZjUWcxXGuVeTDFRrntCgklsPh%])/g;

function parsedDatetime(v: unknown): number {
  try {
    return parseDatetime(String(v));
  } catch {
    return Number.NaN;
  }
}

const pySet = (values: Iterable<unknown>) => `{${[...values].map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}}`;

export function isValidStrftime(format: string): boolean {
  // glibc's flags, widths and modifiers (`%-d`, `%_H`, `%^a`, `%05d`, `%Ey`) format on Linux, where Data
  // Designer's pandas runs.
  const directives = format.match(/%[-_0^#]*\d*[EO]?./g) ?? [];
  if (directives.length === 0) return false;
  const valid = format.match(STRFTIME) ?? [];
  return valid.length === directives.length && !/%$/.test(format.replace(/%%/g, ''));
}

/**
 * `columns`: the stage's columns that passed the schema; `opaque`: names of columns that did not (they
 * exist, but their fields cannot be trusted, so checks that would read them are skipped).
 */
export function checkSamplerColumn(c: SamplerColumn, columns: ColumnConfig[], report: Reporter, opaque: ReadonlySet<string> = new Set()): void {
  const type = c.sampler_type;
  if (c.convert_to !== null && c.convert_to !== undefined) {
    if (NUMERIC_SAMPLERS.has(type)) {
      if (!['float', 'int', 'str'].includes(c.convert_to)) {
        report.error(['convert_to'], `Invalid \`convert_to\` value: ${c.convert_to}. Must be one of: [float, int, str]`, 'invalid_convert_to');
      } else if (c.convert_to === 'str' && hasDecimalPlaces(c.params as Params)) {
        report.error(['convert_to'], `convert_to: str cannot be combined with decimal_places in column '${c.name}' (Data Designer fails with "Expected numeric dtype").`, 'invalid_convert_to');
      }
    } else if (type === 'datetime' || type === 'timedelta') {
      if (!isValidStrftime(c.convert_to)) {
        report.error(['convert_to'], `Invalid \`convert_to\` value for ${type} column '${c.name}': '${c.convert_to}' is not a strftime format such as '%Y-%m-%d'.`, 'invalid_convert_to');
      }
    }
  }
  checkParams(c, c.params as Params, ['params'], columns, report, opaque);
  for (const [cond, params] of Object.entries((c.conditional_params ?? {}) as Record<string, Params>)) {
    checkParams(c, params, ['conditional_params', cond], columns, report, opaque);
    const info = inspectTemplate(`{{ ${cond} }}`);
    if (info.error) {
      report.error(['conditional_params', cond], `The condition '${cond}' of column '${c.name}' is invalid: ${info.error}`, 'template_syntax', 'key');
      continue;
    }
    for (const v of info.variables) {
      if (opaque.has(v)) continue;
      const target = columns.find((x) => x.name === v);
      if (!target || target.column_type !== 'sampler') {
        report.error(
          ['conditional_params', cond],
          `The condition '${cond}' of column '${c.name}' references '${v}', which is not a sampler column (conditions may reference sampler columns only).`,
          'invalid_condition',
          'key',
        );
      }
    }
  }
  if (type === 'subcategory') checkSubcategory(c, columns, report, opaque);
}

function hasDecimalPlaces(p: Params): boolean {
  return p.decimal_places !== null && p.decimal_places !== undefined;
}

function checkParams(c: SamplerColumn, p: Params, at: Path, columns: ColumnConfig[], report: Reporter, opaque: ReadonlySet<string>): void {
  switch (c.sampler_type) {
    case 'category': {
      const values = p.values as unknown[];
      const weights = p.weights as number[] | null | undefined;
      if (weights) {
        if (weights.length !== values.length) report.error([...at, 'weights'], "'categories' and 'weights' must have the same length", 'invalid_params');
        else if (weights.reduce((a, b) => a + b, 0) <= 0) report.error([...at, 'weights'], "'weights' must sum to a non-zero value", 'invalid_params');
      }
      break;
    }
    case 'uniform':
      // Data Designer has no check: it samples scipy.stats.uniform(loc=low, scale=high - low)
      // (sampling_gen/data_sources/sources.py), so low == high is the constant low, and low > high (a
      // negative scale) fails only when it samples, with scipy's domain error.
      if ((p.low as number) > (p.high as number)) {
        report.error(
          [...at, 'low'],
          `'low' (${String(p.low)}) is greater than 'high' (${String(p.high)}): Data Designer's uniform sampler (scipy.stats.uniform with scale = high - low) fails on a negative scale when it samples; swap them (low == high gives the constant low)`,
          'invalid_params',
        );
      }
      break;
    case 'timedelta': {
      if (!((p.dt_min as number) < (p.dt_max as number))) report.error([...at, 'dt_min'], "'dt_min' must be less than 'dt_max'", 'invalid_params');
      const ref = p.reference_column_name as string;
      if (opaque.has(ref)) break;
      const target = columns.find((x) => x.name === ref);
      if (!target || target.column_type !== 'sampler' || (target as SamplerColumn).sampler_type !== 'datetime') {
        report.error([...at, 'reference_column_name'], `Timedelta column '${c.name}' references '${ref}', which is not a datetime sampler column.`, 'invalid_params');
      }
      break;
    }
    case 'scipy': {
      // Checked up front (Data Designer finds an unknown name only when it samples).
      const name = p.dist_name;
      if (typeof name === 'string' && !SCIPY_DISTRIBUTION_NAMES.includes(name)) {
        report.error([...at, 'dist_name'], `Distribution ${name} not found in scipy.stats (ddflow implements: ${SCIPY_DISTRIBUTION_NAMES.join(', ')}).`, 'invalid_params');
      }
      break;
    }
    case 'datetime': {
      // The parser the sampler uses: what validate accepts, the run reads.
      const start = parsedDatetime(p.start);
      const end = parsedDatetime(p.end);
      if (Number.isNaN(start)) report.error([...at, 'start'], `Invalid datetime format: ${p.start}`, 'invalid_params');
      if (Number.isNaN(end)) report.error([...at, 'end'], `Invalid datetime format: ${p.end}`, 'invalid_params');
      if (!Number.isNaN(start) && !Number.isNaN(end) && !(start < end)) report.error([...at, 'start'], "'start' must be earlier than 'end'", 'invalid_params');
      break;
    }
    case 'person':
    case 'person_from_faker': {
      const range = p.age_range as unknown[] | undefined;
      if (range !== undefined) {
        const ok = range.length === 2 && range.every((x) => Number.isInteger(x)) && (range[0] as number) >= 0 && (range[0] as number) < (range[1] as number) && (range[1] as number) <= 114;
        if (!ok) {
          report.error(
            [...at, 'age_range'],
            "'age_range' must be a list of two integers, representing the min and max age. The first integer (min age) must be greater than or equal to 0, the second (max age) less than or equal to 114, and min less than max.",
            'invalid_params',
          );
        }
      }
      if (p.sampler_type === 'person_from_faker' && typeof p.locale === 'string') {
        // Data Designer: config/sampler_params.py PersonFromFakerSamplerParams._validate_locale. A locale of
        // its list that faker-js has no data for would fail only when the stage runs: refused here too.
        if (!DD_FAKER_LOCALES.includes(p.locale)) report.error([...at, 'locale'], unsupportedFakerLocaleMessage(p.locale), 'invalid_params');
        else if (Object.hasOwn(FAKER_LOCALES_UNAVAILABLE, p.locale)) report.error([...at, 'locale'], unavailableFakerLocaleMessage(p.locale), 'invalid_params');
      } else if (typeof p.locale === 'string' && !/^[a-z]{2,3}(_[A-Za-z]{2,4})*$/.test(p.locale)) {
        report.error([...at, 'locale'], `Locale '${p.locale}' is not a valid locale name (e.g. en_US).`, 'invalid_params');
      } else if (p.sampler_type === 'person' && !(PERSON_LOCALES as readonly string[]).includes(String(p.locale ?? 'en_US'))) {
        // Data Designer: config/sampler_params.py PersonSamplerParams._validate_locale_with_managed_datasets.
        report.error([...at, 'locale'], `Person sampling from managed datasets is only supported for the following locales: ${PERSON_LOCALES.join(', ')}.`, 'invalid_params');
      }
      if (p.sampler_type === 'person' && p.select_field_values && typeof p.select_field_values === 'object') {
        // Data Designer: sampling_gen/data_sources/sources.py PersonSampler._setup (en_US `state` is the dataset's `region`).
        for (const key of Object.keys(p.select_field_values)) {
          const field = key === 'state' && (p.locale ?? 'en_US') === 'en_US' ? 'region' : key;
          if (!PII_FIELDS.includes(field) && !PERSONA_FIELDS.includes(field)) report.error([...at, 'select_field_values', key], `Invalid field name: ${key}`, 'invalid_params');
        }
      }
      break;
    }
    default:
      break;
  }
}

function checkSubcategory(c: SamplerColumn, columns: ColumnConfig[], report: Reporter, opaque: ReadonlySet<string>): void {
  const params = c.params as { category: string; values: Record<string, unknown[]> };
  if (opaque.has(params.category)) return;
  const parent = columns.find((x) => x.name === params.category);
  if (!parent) {
    report.error(['params', 'category'], `Subcategory column '${c.name}' has parent '${params.category}', which is not a defined column.`, 'invalid_subcategory');
    return;
  }
  if (parent.column_type !== 'sampler' || (parent as SamplerColumn).sampler_type !== 'category') {
    const kind = parent.column_type === 'sampler' ? `a sampler column with sampler_type='${(parent as SamplerColumn).sampler_type}'` : `a ${parent.column_type} column`;
    report.error(
      ['params', 'category'],
      `Subcategory column '${c.name}' has parent '${params.category}', which is ${kind}. Subcategory parents must be sampler columns with sampler_type='category'.`,
      'invalid_subcategory',
    );
    return;
  }
  const parentSampler = parent as SamplerColumn;
  const parentValues = new Map<string, unknown>();
  for (const v of (parentSampler.params as { values: unknown[] }).values) parentValues.set(String(v), v);
  for (const p of Object.values((parentSampler.conditional_params ?? {}) as Record<string, { values?: unknown[] }>)) {
    for (const v of p.values ?? []) parentValues.set(String(v), v);
  }
  const keys = new Set(Object.keys(params.values));
  const attention = [...[...parentValues.keys()].filter((k) => !keys.has(k)).map((k) => parentValues.get(k)), ...[...keys].filter((k) => !parentValues.has(k))];
  if (attention.length) {
    report.error(
      ['params', 'values'],
      `Subcategory column '${c.name}' must have values for each value of its parent category '${params.category}'. The following values need attention: ${pySet(attention)}`,
      'subcategory_coverage',
    );
  }
}
