/**
 * The locales `person_from_faker` accepts, and how each reaches @faker-js/faker. Validate checks a config
 * against these lists (config may not import the engine); src/engine/samplers/person-from-faker.ts
 * resolves a locale with them (test/engine/person-from-faker-locales.test.ts holds the lists and the
 * installed faker-js together).
 */
import { pyStrRepr } from '../template/python-repr.js';

/** Data Designer's list (config/utils/constants.py AVAILABLE_LOCALES: Python Faker's locales without fr_QC), in its order. */
export const DD_FAKER_LOCALES: readonly string[] = [
  'ar_AA', 'ar_AE', 'ar_BH', 'ar_EG', 'ar_JO', 'ar_PS', 'ar_SA', 'az_AZ', 'bg_BG', 'bn_BD', 'bs_BA', 'cs_CZ',
  'da_DK', 'de', 'de_AT', 'de_CH', 'de_DE', 'dk_DK', 'el_CY', 'el_GR', 'en', 'en_AU', 'en_BD', 'en_CA',
  'en_GB', 'en_IE', 'en_IN', 'en_NZ', 'en_PH', 'en_TH', 'en_US', 'es', 'es_AR', 'es_CA', 'es_CL', 'es_CO',
  'es_ES', 'es_MX', 'et_EE', 'fa_IR', 'fi_FI', 'fil_PH', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_FR', 'ga_IE', 'he_IL',
  'hi_IN', 'hr_HR', 'hu_HU', 'hy_AM', 'id_ID', 'it_CH', 'it_IT', 'ja_JP', 'ka_GE', 'ko_KR', 'la', 'lb_LU',
  'lt_LT', 'lv_LV', 'mt_MT', 'ne_NP', 'nl_BE', 'nl_NL', 'no_NO', 'or_IN', 'pl_PL', 'pt_BR', 'pt_PT', 'ro_RO',
  'ru_RU', 'sk_SK', 'sl_SI', 'sq_AL', 'sv_SE', 'ta_IN', 'th', 'th_TH', 'tl_PH', 'tr_TR', 'tw_GH', 'uk_UA',
  'vi_VN', 'zh_CN', 'zh_TW', 'zu_ZA',
];

/**
 * Data Designer locales faker-js has under another name. Most have no person (names) or address data in
 * Python Faker at all, which then falls back to en_US itself (Faker('dk_DK').first_name() is an American
 * name: dk_DK only has an ssn provider), so en_US is what Data Designer really draws from. The others
 * are the same language or naming data under faker-js's name.
 */
export const FAKER_LOCALE_ALIASES: Readonly<Record<string, string>> = {
  no_NO: 'nb_NO', // Norwegian (Bokmål) names, addresses and phone numbers in both
  tw_GH: 'en_GH', // Python's tw_GH names are Ghanaian (Akan and English) names in Latin script, as faker-js en_GH's
  bs_BA: 'en_US', // Python Faker: no person or address data (job and phone only)
  dk_DK: 'en_US', // ssn only
  fil_PH: 'en_US', // no person data (Philippine addresses only)
  tl_PH: 'en_US', // no person data (Philippine addresses only)
  la: 'en_US', // lorem only
  lb_LU: 'en_US', // ssn only
  mt_MT: 'en_US', // ssn only
  sq_AL: 'en_US', // automotive only
};

/**
 * Data Designer locales whose names Python Faker has in a language faker-js lacks, with the Data Designer
 * locale to suggest instead (nearest language or country ddflow can draw). Validate refuses them: a
 * stand-in from another language would be silently wrong data.
 */
export const FAKER_LOCALES_UNAVAILABLE: Readonly<Record<string, string>> = {
  bg_BG: 'ru_RU',
  et_EE: 'fi_FI',
  ga_IE: 'en_IE',
  hi_IN: 'en_IN',
  lt_LT: 'lv_LV',
  or_IN: 'en_IN',
};

/** Data Designer's message for a locale outside its list (config/sampler_params.py PersonFromFakerSamplerParams._validate_locale). */
export function unsupportedFakerLocaleMessage(locale: string): string {
  return `Locale ${pyStrRepr(locale)} is not a supported locale. Supported locales: ${DD_FAKER_LOCALES.join(', ')}`;
}

/** The one sentence for a Data Designer locale ddflow cannot draw. */
export function unavailableFakerLocaleMessage(locale: string): string {
  return `Locale '${locale}' is supported by Data Designer but @faker-js/faker, which ddflow's person_from_faker uses, has no data in its language; use a nearby locale such as ${FAKER_LOCALES_UNAVAILABLE[locale]}.`;
}
