/**
 * Data Designer's `person` sampler fields and derived values, ported from
 *   engine/sampling_gen/entities/dataset_based_person_fields.py  (PII_FIELDS, PERSONA_FIELDS, REQUIRED_FIELDS)
 *   engine/sampling_gen/entities/person.py                        (generate_and_insert_derived_fields)
 *   engine/sampling_gen/entities/email_address_utils.py           (get_email_address)
 *   engine/sampling_gen/entities/national_id_utils.py             (generate_ssn)
 *   engine/sampling_gen/entities/phone_number.py                  (PhoneNumber.from_zip_prefix)
 * with every random draw taken from the cell's Rng (Data Designer uses Python's global `random`), so a
 * person is a pure function of (seed, stage, column, record).
 */
import { DdflowError } from '../../diagnostics.js';
import type { Rng } from '../../shared/random.js';
import { birthDateFor } from './person-from-faker.js';
import { ZIP3_AREA_CODES } from './zip3-area-codes.js';

export { PERSONA_FIELDS, PII_FIELDS, REQUIRED_FIELDS } from '../../config/person-fields.js';
import { REQUIRED_FIELDS, PERSONA_FIELDS, PII_FIELDS } from '../../config/person-fields.js';

/** Python's random.randint(a, b): both ends included. */
const randint = (rng: Rng, a: number, b: number): number => a + Math.floor(rng.next() * (b - a + 1));

/** Python's random.choices(items, weights, k=1)[0]: bisect over cumulative weights. */
function choice<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  const x = rng.next() * total;
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    acc += weights[i]!;
    if (x < acc) return items[i]!;
  }
  return items[items.length - 1]!;
}

const DOMAINS = ['gmail.com', 'icloud.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'protonmail.com', 'zoho.com', 'gmx.com', 'aol.com'];
const DOMAIN_WEIGHTS = {
  under30: [710, 300, 50, 40, 35, 20, 3, 3, 0.1],
  from30to50: [360, 270, 60, 50, 60, 18, 7, 4, 0.3],
  over50: [430, 280, 90, 110, 135, 12, 5, 4, 1.1],
};

/**
 * anyascii's transliteration, for Latin scripts: accents dropped (`é` → `e`), then Data Designer's
 * `[^a-z0-9]` removal. Non-Latin names (kana, Hangul, Devanagari) have no romanization here: they give ''.
 */
function asciiName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[æ]/g, 'ae').replace(/[ø]/g, 'o').replace(/[^a-z0-9]/g, '');
}

/** email_address_utils.get_email_address; null when a name has no Latin letters left (Data Designer romanizes it). */
export function emailAddress(rng: Rng, first: string, middle: string | null, last: string, age: number, birthDate: string): string | null {
  const domain = choice(rng, DOMAINS, age < 30 ? DOMAIN_WEIGHTS.under30 : age < 50 ? DOMAIN_WEIGHTS.from30to50 : DOMAIN_WEIGHTS.over50);
  const f = asciiName(first);
  const l = asciiName(last);
  if (f === '' || l === '') return null;
  const patterns = [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${l}${f[0]}`, `${f}${l[0]}`];
  let weights = [0.3, 0.2, 0.15, 0.1, 0.15, 0.1];
  const m = middle ? asciiName(middle) : '';
  if (middle && m !== '') {
    patterns.push(`${f}${m}`, `${f}${m[0]}${l}`, `${f}${m}${l}`);
    weights = [0.25, 0.17, 0.12, 0.08, 0.12, 0.08, 0.06, 0.06, 0.06];
  }
  const base = choice(rng, patterns, weights);
  const [year, , day] = birthDate.split('-').map(Number) as [number, number, number];
  const suffixes = ['', String(randint(rng, 1, 99)), String(year % 100).padStart(2, '0'), String(year), String(day)];
  const suffix = choice(rng, suffixes, [0.4, 0.3, 0.1, 0.1, 0.1]);
  return `${base}${suffix}@${domain}`;
}

const STATE_TO_AREA_SSN: Record<string, [number, number]> = {
  NH: [1, 3], ME: [4, 7], VT: [8, 9], MA: [10, 34], RI: [35, 39], CT: [40, 49], NY: [50, 134], NJ: [135, 158], PA: [159, 211],
  MD: [212, 220], DE: [221, 222], VA: [223, 231], WV: [232, 236], NC: [237, 246], SC: [247, 251], GA: [252, 260], FL: [261, 267],
  OH: [268, 302], IN: [303, 317], IL: [318, 361], MI: [362, 386], WI: [387, 399], KY: [400, 407], TN: [408, 415], AL: [416, 424],
  MS: [425, 428], AR: [429, 432], LA: [433, 439], OK: [440, 448], TX: [449, 467], MN: [468, 477], IA: [478, 485], MO: [486, 500],
  ND: [501, 502], SD: [503, 504], NE: [505, 508], KS: [509, 515], MT: [516, 517], ID: [518, 519], WY: [520, 520], CO: [521, 524],
  NM: [525, 527], AZ: [526, 527], UT: [528, 529], NV: [530, 530], WA: [531, 539], OR: [540, 544], CA: [545, 573], AK: [574, 574],
  HI: [575, 576], DC: [577, 579], VI: [580, 580], PR: [580, 599], GU: [586, 586], AS: [586, 586],
};

/** national_id_utils.generate_ssn (its 30% "born elsewhere" draw is overwritten there too, so it only consumes a number). */
export function ssn(rng: Rng, state: string, birthDate: string): string {
  let range: [number, number];
  if (birthDate < '2011-06-25') {
    if (rng.next() < 0.3) rng.next(); // random.choice over the states, whose result Data Designer discards
    range = STATE_TO_AREA_SSN[state] ?? [1, 899];
  } else range = [1, 899];
  let area = 666;
  while (area === 666) area = randint(rng, range[0], range[1]);
  const group = randint(rng, 1, 99);
  const serial = randint(rng, 1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

let zipTable: { byPrefix: Map<string, { codes: number[]; weights: number[] }>; all: { codes: number[]; weights: number[] } } | undefined;

function zipAreaCodes(): NonNullable<typeof zipTable> {
  if (zipTable) return zipTable;
  const byPrefix = new Map<string, { codes: number[]; weights: number[] }>();
  const all = { codes: [] as number[], weights: [] as number[] };
  for (const entry of ZIP3_AREA_CODES.split(';')) {
    const [prefix, list] = entry.split('=') as [string, string];
    const e = { codes: [] as number[], weights: [] as number[] };
    for (const pair of list.split(',')) {
      const [code, weight] = pair.split(':').map(Number) as [number, number];
      e.codes.push(code);
      e.weights.push(weight);
      all.codes.push(code);
      all.weights.push(weight);
    }
    byPrefix.set(prefix, e);
  }
  zipTable = { byPrefix, all };
  return zipTable;
}

/**
 * person.generate_phone_number for en_US adults: an area code for the ZIP code (Data Designer: the exact
 * ZIP 60%, its 4-digit prefix 20%, 3-digit prefix 10%; ddflow holds the 3-digit level, population-weighted)
 * or a population-weighted one (10%), then PhoneNumber.from_area_code's randint(200, 1000) and
 * randint(0, 10000) (both ends included, as there).
 */
export function phoneNumber(rng: Rng, postcode: string): string {
  const table = zipAreaCodes();
  const r = rng.next();
  const local = r < 0.9 ? table.byPrefix.get(postcode.slice(0, 3)) : undefined;
  if (r < 0.9 && !local) throw new DdflowError(`No ZIP codes found with prefix ${postcode.slice(0, r < 0.6 ? 5 : r < 0.8 ? 4 : 3)}.`);
  const { codes, weights } = local ?? table.all;
  const area = choice(rng, codes, weights);
  const prefix = randint(rng, 200, 1000);
  const line = String(randint(rng, 0, 10000)).padStart(4, '0');
  return `${area}-${prefix}-${line}`;
}

/**
 * person.generate_and_insert_derived_fields: birth date, phone, email and national id added; for en_US
 * the dataset's `region` becomes `state`; the result ordered PII fields, then the derived ones, then the
 * persona fields, as Data Designer's three dict comprehensions order them.
 */
export function derivePerson(rng: Rng, record: Record<string, unknown>): Record<string, unknown> {
  const missing = REQUIRED_FIELDS.filter((f) => !Object.hasOwn(record, f));
  if (missing.length > 0) throw new DdflowError(`Person data is missing the following required fields: {${missing.map((m) => `'${m}'`).join(', ')}}`);
  const age = Number(record.age);
  const birthDate = birthDateFor(age, rng);
  const locale = record.locale;
  const postcode = record.postcode;
  const region = record.region;
  const out: Record<string, unknown> = { ...record };
  out.birth_date = birthDate;
  out.phone_number = locale === 'en_US' && age >= 18 && postcode !== null && postcode !== undefined ? phoneNumber(rng, String(postcode)) : null;
  out.email_address = age < 18 ? null : emailAddress(rng, String(record.first_name), (record.middle_name as string | null | undefined) ?? null, String(record.last_name), age, birthDate);
  out.national_id = locale === 'en_US' && region !== null && region !== undefined ? ssn(rng, String(region), birthDate) : null;
  if (locale === 'en_US' && Object.hasOwn(out, 'region') && !Object.hasOwn(out, 'state')) {
    const state = out.region;
    delete out.region;
    out.state = state;
  }
  const pii = new Set(PII_FIELDS);
  const persona = new Set(PERSONA_FIELDS);
  const ordered: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out)) if (pii.has(k)) ordered[k] = v;
  for (const [k, v] of Object.entries(out)) if (persona.has(k)) ordered[k] = v;
  return ordered;
}
