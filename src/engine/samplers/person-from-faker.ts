/**
 * `person_from_faker`: one person record per row from @faker-js/faker, with Data Designer's field set
 * (PeopleGenFaker.make_person). Faker draws through a Randomizer that reads the cell's own Rng, so a
 * person is a pure function of (seed, stage, column, record).
 */
import { allLocales, base, Faker, FakerError, type LocaleDefinition, type Randomizer } from '@faker-js/faker';
import { DdflowError } from '../../diagnostics.js';
import { DD_FAKER_LOCALES, FAKER_LOCALE_ALIASES, FAKER_LOCALES_UNAVAILABLE, unavailableFakerLocaleMessage, unsupportedFakerLocaleMessage } from '../../config/faker-locales.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import type { Rng } from '../../shared/random.js';
import type { SamplerDefinition } from './types.js';

type Params = SamplerParamsOf<'person_from_faker'>;

const BACHELORS = ['stem', 'business', 'education', 'arts_humanities', 'stem_related'];
const EDUCATION = ['secondary_education', 'some_college', 'bachelors', 'associates', 'graduate', 'doctorate'];
const MARITAL = ['married_present', 'divorced', 'never_married', 'separated', 'widowed'];
const COLLEGE = new Set(['bachelors', 'graduate', 'doctorate']);

/**
 * Data Designer's (Python Faker's) locale names → faker-js locale keys: the named aliases, else the same
 * name, else the language (`fr_FR` → `fr`, `ja_JP` → `ja`). Validate refuses what cannot resolve; the
 * checks here keep a run from a config validate never saw (or a conditional param) just as strict.
 */
function fakerLocale(locale: string): LocaleDefinition[] {
  const all = allLocales as Record<string, LocaleDefinition>;
  if (!DD_FAKER_LOCALES.includes(locale)) throw new DdflowError(unsupportedFakerLocaleMessage(locale));
  if (Object.hasOwn(FAKER_LOCALES_UNAVAILABLE, locale)) throw new DdflowError(unavailableFakerLocaleMessage(locale));
  const name = Object.hasOwn(FAKER_LOCALE_ALIASES, locale) ? FAKER_LOCALE_ALIASES[locale]! : locale;
  const key = [name, name.split('_')[0]!].find((k) => Object.hasOwn(all, k));
  // Unreachable while test/engine/person-from-faker-locales.test.ts passes (every listed locale resolves).
  if (!key) throw new DdflowError(`Locale '${locale}' has no @faker-js/faker data under '${name}'.`);
  const chain = [all[key]!];
  if (key !== 'en') chain.push(all.en!);
  chain.push(base);
  return chain;
}

/**
 * Faker calls `randomizer.next` detached from the object (`const { next } = randomizer`), so `next` must
 * be a bound arrow function: a prototype method would see `this === undefined`, throw, and every field
 * drawn through Faker would silently come out null.
 */
class CellRandomizer implements Randomizer {
  rng: Rng | null = null;
  readonly next = (): number => (this.rng ? this.rng.next() : 0);
  readonly seed = (): void => undefined;
}

/** Data Designer's try_fake_else_none: a field the locale does not define is null. */
function attempt<T>(fn: () => T): T | null {
  try {
    const v = fn();
    return v === undefined ? null : v;
  } catch (err) {
    // Only "this locale has no such data" counts as missing; anything else is a bug to surface.
    if (err instanceof FakerError) return null;
    throw err;
  }
}

/**
 * The date ages are counted back from. Data Designer uses today's date, so its birth dates change from
 * one day to the next; ddflow's output must be a pure function of the workflow seed, so it uses a fixed
 * reference date instead (documented in docs/engine.md). An age drawn as 30 is therefore "30 on
 * 2025-01-01".
 */
export const BIRTH_DATE_REFERENCE = Date.UTC(2025, 0, 1);

/** Data Designer's convert_age_to_birth_date: a uniform day in [ref - (age + 1) years, ref - age years]. */
export function birthDateFor(age: number, rng: Rng, reference: number = BIRTH_DATE_REFERENCE): string {
  const ref = new Date(reference);
  const y = ref.getUTCFullYear();
  const start = Date.UTC(y - age - 1, ref.getUTCMonth(), ref.getUTCDate());
  const end = Date.UTC(y - age, ref.getUTCMonth(), ref.getUTCDate());
  const days = Math.round((end - start) / 86_400_000);
  return new Date(start + Math.floor(rng.next() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;

export const personFromFakerSampler: SamplerDefinition<Params> = {
  type: 'person_from_faker',
  conversion: 'passthrough',
  outputType: () => 'json',
  create({ locale = 'en_US', sex = null, city = null, age_range = [18, 114] }) {
    if (age_range.length !== 2) throw new DdflowError("'age_range' must be a list of two integers, representing the min and max age.");
    const [minAge, maxAge] = age_range as [number, number];
    const randomizer = new CellRandomizer();
    const faker = new Faker({ locale: fakerLocale(locale), randomizer });
    return (rng) => {
      randomizer.rng = rng;
      const uuidHex = Array.from({ length: 4 }, () => rng.next32().toString(16).padStart(8, '0')).join('');
      const uuid = `${uuidHex.slice(0, 8)}-${uuidHex.slice(8, 12)}-4${uuidHex.slice(13, 16)}-${((parseInt(uuidHex[16]!, 16) & 3) | 8).toString(16)}${uuidHex.slice(17, 20)}-${uuidHex.slice(20, 32)}`;
      const s = sex ?? pick(rng, ['Male', 'Female'] as const);
      const fsex = s === 'Male' ? 'male' : 'female';
      const age = minAge + Math.floor(rng.next() * (maxAge - minAge + 1));
      const education = pick(rng, EDUCATION);
      const person: Record<string, unknown> = {
        uuid,
        locale,
        // Names are not optional in Data Designer either (no try_fake_else_none): a failure is an error.
        first_name: faker.person.firstName(fsex),
        last_name: faker.person.lastName(fsex),
        middle_name: null,
        sex: s,
        street_number: attempt(() => faker.location.buildingNumber()),
        street_name: attempt(() => faker.location.street()),
        city: city === null ? attempt(() => faker.location.city()) : Array.isArray(city) ? pick(rng, city) : city,
        state: attempt(() => faker.location.state()),
        postcode: attempt(() => faker.location.zipCode()),
        age,
        birth_date: birthDateFor(age, rng),
        country: attempt(() => faker.location.country()),
        marital_status: pick(rng, MARITAL),
        education_level: education,
        unit: '',
        occupation: attempt(() => faker.person.jobTitle()),
        phone_number: age >= 18 ? attempt(() => faker.phone.number()) : null,
        bachelors_field: COLLEGE.has(education) ? pick(rng, BACHELORS) : 'no_degree',
      };
      randomizer.rng = null;
      return person;
    };
  },
};
