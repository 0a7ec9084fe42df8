// person_from_faker locales as Data Designer accepts them:
//   packages/data-designer-config/src/data_designer/config/utils/constants.py AVAILABLE_LOCALES (88 names)
//   packages/data-designer-config/src/data_designer/config/sampler_params.py PersonFromFakerSamplerParams._validate_locale
//   ("Locale {value!r} is not a supported locale. Supported locales: ...")
//   packages/data-designer-engine/src/data_designer/engine/sampling_gen/people_gen.py (Faker(params.locale):
//   Python Faker falls back to en_US for a provider the locale lacks, e.g. dk_DK has only `ssn`).
// The lists live in src/config/faker-locales.ts; these tests hold them to the installed @faker-js/faker.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DD_FAKER_LOCALES, FAKER_LOCALE_ALIASES, FAKER_LOCALES_UNAVAILABLE } from '../../src/config/faker-locales.js';
import { personFromFakerSampler } from '../../src/engine/samplers/person-from-faker.js';
import { cellRng } from '../../src/shared/random.js';
import { readParquet, tempDir } from '../workflow/helpers.js';

const hasFaker = (k: string) => Object.hasOwn(allLocales, k);
const firstName = (locale: string) => {
  const draw = personFromFakerSampler.create({ locale } as never, 'p', 1);
  return (draw(cellRng(7, 's', 'p', 0), {}, 0) as Record<string, unknown>).first_name;
};

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (out += t), stderr: (t) => void (out += t) });
  return { code, out };
}

const workflow = (locale: string, n = 5): string => `name: people
seed: 7
stages:
  - name: sample
    num_records: ${n}
    config:
      columns:
        - name: person
          column_type: sampler
          sampler_type: person_from_faker
          params: {locale: ${locale}}
`;

describe('person_from_faker locales', () => {
  it("holds Data Designer's 88 locales; each either draws people or is refused by name", () => {
    expect(DD_FAKER_LOCALES).toHaveLength(88);
    expect(new Set(DD_FAKER_LOCALES).size).toBe(88);
    expect(DD_FAKER_LOCALES).not.toContain('fr_QC');
    for (const locale of DD_FAKER_LOCALES) {
      if (Object.hasOwn(FAKER_LOCALES_UNAVAILABLE, locale)) {
        expect(() => firstName(locale)).toThrow(`Locale '${locale}' is supported by Data Designer but @faker-js/faker`);
      } else {
        expect(typeof firstName(locale), locale).toBe('string');
      }
    }
  });

  it('maps or refuses only locales faker-js lacks under their own name and language; suggestions are drawable', () => {
    for (const locale of [...Object.keys(FAKER_LOCALE_ALIASES), ...Object.keys(FAKER_LOCALES_UNAVAILABLE)]) {
      expect(DD_FAKER_LOCALES, locale).toContain(locale);
      expect(hasFaker(locale) || hasFaker(locale.split('_')[0]!), `${locale} is in faker-js: no alias needed`).toBe(false);
    }
    for (const target of Object.values(FAKER_LOCALE_ALIASES)) expect(hasFaker(target), target).toBe(true);
    for (const instead of Object.values(FAKER_LOCALES_UNAVAILABLE)) expect(typeof firstName(instead), instead).toBe('string');
  });

  it("validate: Data Designer's message for an unknown locale, one sentence for one faker-js lacks, each at the locale", async () => {
    const work = await tempDir('ddflow-faker-locale-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('xx_YY'));
    const unknown = await cli(['validate', file], work);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain(`workflow.yml:11:28: Locale 'xx_YY' is not a supported locale. Supported locales: ar_AA, ar_AE, ar_BH,`);
    expect(unknown.out).toContain('tw_GH, uk_UA, vi_VN, zh_CN, zh_TW, zu_ZA\n');
    // A well-shaped name Python Faker lacks is refused too (ddflow used to accept it and fail at run time).
    await fs.writeFile(file, workflow('fr_LU'));
    expect((await cli(['validate', file], work)).out).toContain("Locale 'fr_LU' is not a supported locale.");

    await fs.writeFile(file, workflow('et_EE'));
    const lacking = await cli(['validate', file], work);
    expect(lacking.code).toBe(1);
    expect(lacking.out).toContain(
      "workflow.yml:11:28: Locale 'et_EE' is supported by Data Designer but @faker-js/faker, which ddflow's person_from_faker uses, has no data in its language; use a nearby locale such as fi_FI.",
    );
  });

  it('a mapped locale (no_NO → faker-js nb_NO) validates and runs, drawing Norwegian people', async () => {
    const work = await tempDir('ddflow-faker-locale-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('no_NO', 20));
    const run = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(run.code, run.out).toBe(0);
    const root = path.join(work, 'a', 'people');
    const stage = (await fs.readdir(root)).find((d) => d.startsWith('stage-'))!;
    const files = (await fs.readdir(path.join(root, stage), { recursive: true })).map(String).filter((f) => f.includes('parquet-files') && f.endsWith('.parquet'));
    const people = (await Promise.all(files.map((f) => readParquet(path.join(root, stage, f))))).flat().map((r) => (typeof r.person === 'string' ? JSON.parse(r.person) : r.person));
    expect(people).toHaveLength(20);
    const nbNO = allLocales.nb_NO as unknown as { person: { last_name: { generic: string[] } } };
    for (const p of people) {
      expect(p.locale).toBe('no_NO'); // Data Designer's name, not faker-js's
      expect(typeof p.first_name).toBe('string');
      // nb_NO composes some surnames from two (`Hopland Solheim`).
      for (const part of String(p.last_name).split(/[ -]/)) expect(nbNO.person.last_name.generic).toContain(part);
      expect(p.postcode).toMatch(/^\d{4}$/); // Norwegian postcodes, not en_US ZIP codes
    }
  });

  it('locales Python Faker has no names for draw from en_US, as Python Faker falls back to (dk_DK, la, …)', () => {
    for (const locale of ['dk_DK', 'la', 'lb_LU', 'mt_MT', 'sq_AL', 'bs_BA', 'fil_PH', 'tl_PH']) expect(firstName(locale), locale).toBe(firstName('en_US'));
  });
});
