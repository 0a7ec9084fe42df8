/**
 * The fields of Data Designer's managed Nemotron-Personas datasets that a `person` sampler returns:
 * engine/sampling_gen/entities/dataset_based_person_fields.py, verbatim (validation checks
 * select_field_values against them; the sampler keeps only these).
 */
/** Fields that must be in the persona data (person.py REQUIRED_FIELDS; `locale` is added by the sampler). */
export const REQUIRED_FIELDS = ['first_name', 'last_name', 'age', 'locale'] as const;

export const PII_FIELDS: readonly string[] = [
  'uuid', 'first_name', 'middle_name', 'last_name', 'sex', 'age', 'marital_status', 'postcode', 'city', 'district',
  'region', 'country', 'street_name', 'street_number', 'unit', 'bachelors_field', 'education_level', 'occupation',
  'locale', 'birth_date', 'state', 'email_address', 'phone_number', 'national_id',
  'ethnic_background',
  'industry', 'preferred_english_name',
  'first_name_heritage', 'name_heritage', 'is_first_gen_immigrant', 'household_type', 'monthly_income_eur',
  'area',
  'blood_pressure_status', 'blood_sugar_status', 'bmi_status', 'drinking_status', 'economic_activity_status',
  'family_type', 'housing_tenure', 'housing_type', 'income_bracket', 'military_status', 'smoking_status', 'waist_status',
  'race',
  'education_degree', 'first_language', 'second_language', 'third_language', 'zone',
  'religion',
];

export const PERSONA_FIELDS: readonly string[] = [
  'persona', 'detailed_persona', 'professional_persona', 'career_goals_and_ambitions', 'cultural_background',
  'arts_persona', 'culinary_persona', 'finance_persona', 'healthcare_persona', 'sports_persona', 'travel_persona',
  'hobbies_and_interests', 'hobbies_and_interests_list', 'skills_and_expertise', 'skills_and_expertise_list',
  'openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism',
  'aspects', 'digital_skill',
  'family_persona',
  'religious_persona', 'religious_background',
  'linguistic_persona', 'linguistic_background',
];

