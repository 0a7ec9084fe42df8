/**
 * The one source of truth for the shape of a ddflow workflow file and the Data Designer config inside it.
 *
 * Written with TypeBox so that the JSON Schema (published as schema/ddflow.schema.json, used by ajv for
 * validation and by editors for completion) and the TypeScript types (`Static<...>`) come from the same
 * definitions. Defaults are declared here (`default:`) and nowhere else; `scripts/write-schema.ts`
 * writes the published file and a test fails when it drifts from this module.
 *
 * Field names, defaults and bounds follow NeMo Data Designer (see shared/reference/data-designer-spec.md).
 */
import { Type, type Static, type TSchema, type TObject, type TProperties, type ObjectOptions } from '@sinclair/typebox';

/** Where the published file is served: the raw file of the repository the Action is published from, at a tag (placeholder owner until published; see src/config/schema-editor.ts). */
export const SCHEMA_ID = 'https://raw.githubusercontent.com/YOUR-ORG/ddflow/v1/schema/ddflow.schema.json';

/** Unknown keys are errors everywhere (Data Designer's `extra="forbid"`). */
function Strict<P extends TProperties>(properties: P, options: ObjectOptions = {}): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

function Nullable<T extends TSchema>(schema: T, options: { default?: unknown; description?: string } = {}) {
  return Type.Union([schema, Type.Null()], options);
}

/**
 * A list discriminated by one property (`column_type`, `sampler_type`, ...). Emitted as `oneOf` with an
 * OpenAPI-style `discriminator`, which ajv (option `discriminator: true`) uses to validate only the
 * branch the tag selects — so an error names the field that is wrong, not every branch that failed.
 */
function Discriminated<T extends TSchema[]>(
  propertyName: string,
  branches: [...T],
  options: { description?: string; properties?: Record<string, TSchema>; required?: string[] } = {},
) {
  const union = Type.Union(branches);
  const { properties, required = [], ...rest } = options;
  // `properties` lets a nested discriminated union (sampler columns inside columns) expose the outer tag,
  // which ajv requires of every oneOf branch.
  return Type.Unsafe<Static<typeof union>>({
    ...rest,
    type: 'object',
    ...(properties ? { properties } : {}),
    discriminator: { propertyName },
    required: [...required, propertyName],
    oneOf: branches,
  });
}

/** A tag accepting Data Designer's kebab-case spelling and the snake_case one (`llm-text`, `llm_text`). */
type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;
function Tag<const K extends string>(kebab: K) {
  const snake = kebab.replace(/-/g, '_');
  // An `enum` (not anyOf of consts): ajv's discriminator needs the tag as const or enum.
  return Type.Unsafe<K | Snake<K>>({ type: 'string', enum: snake === kebab ? [kebab] : [kebab, snake] });
}

const Name = Type.String({ minLength: 1, description: 'Column name: the key other templates use to reference it.' });
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const JsonObject = Type.Record(Type.String(), Type.Unknown());

// ---------------------------------------------------------------------------------------------------
// Samplers

const DecimalPlaces = Nullable(Type.Integer({ minimum: 0 }), { default: null, description: 'Round to this many decimal places (after convert_to).' });

/** `sampler_type` may be omitted inside `params` (it is injected from the column); when given it must agree. */
function Params<const K extends string, P extends TProperties>(samplerType: K, properties: P) {
  return Strict({ sampler_type: Type.Optional(Type.Literal(samplerType)), ...properties });
}

export const CategoryParams = Params('category', {
  values: Type.Array(Type.Union([Type.String(), Type.Number()]), { minItems: 1 }),
  weights: Type.Optional(Nullable(Type.Array(Type.Number({ minimum: 0 })), { default: null })),
});
export const SubcategoryParams = Params('subcategory', {
  category: Type.String({ minLength: 1, description: 'The parent column (a category sampler).' }),
  values: Type.Record(Type.String(), Type.Array(Type.Union([Type.String(), Type.Number()]), { minItems: 1 })),
});
export const UniformParams = Params('uniform', { low: Type.Number(), high: Type.Number(), decimal_places: Type.Optional(DecimalPlaces) });
export const GaussianParams = Params('gaussian', { mean: Type.Number(), stddev: Type.Number({ minimum: 0 }), decimal_places: Type.Optional(DecimalPlaces) });
export const PoissonParams = Params('poisson', { mean: Type.Number({ minimum: 0 }) });
export const BinomialParams = Params('binomial', { n: Type.Integer({ minimum: 0 }), p: Type.Number({ minimum: 0, maximum: 1 }) });
export const BernoulliParams = Params('bernoulli', { p: Type.Number({ minimum: 0, maximum: 1 }) });
export const BernoulliMixtureParams = Params('bernoulli_mixture', {
  p: Type.Number({ minimum: 0, maximum: 1 }),
  dist_name: Type.String({ minLength: 1 }),
  dist_params: JsonObject,
});
export const ScipyParams = Params('scipy', { dist_name: Type.String({ minLength: 1 }), dist_params: JsonObject, decimal_places: Type.Optional(DecimalPlaces) });
export const DatetimeParams = Params('datetime', {
  start: Type.String({ minLength: 1 }),
  end: Type.String({ minLength: 1 }),
  unit: Type.Optional(Type.Union([Type.Literal('Y'), Type.Literal('M'), Type.Literal('D'), Type.Literal('h'), Type.Literal('m'), Type.Literal('s')], { default: 'D' })),
});
export const TimedeltaParams = Params('timedelta', {
  dt_min: Type.Integer({ minimum: 0 }),
  dt_max: Type.Integer({ exclusiveMinimum: 0 }),
  reference_column_name: Type.String({ minLength: 1 }),
  unit: Type.Optional(Type.Union([Type.Literal('D'), Type.Literal('h'), Type.Literal('m'), Type.Literal('s')], { default: 'D' })),
});
export const UuidParams = Params('uuid', {
  prefix: Type.Optional(Nullable(Type.String(), { default: null })),
  short_form: Type.Optional(Type.Boolean({ default: false })),
  uppercase: Type.Optional(Type.Boolean({ default: false })),
});
const AgeRange = Type.Array(Type.Integer(), { default: [18, 114], description: '[min, max] age, 0 <= min < max <= 114.' });
const Sex = Type.Optional(Nullable(Type.Union([Type.Literal('Male'), Type.Literal('Female')]), { default: null }));
const City = Type.Optional(Nullable(Type.Union([Type.String(), Type.Array(Type.String())]), { default: null }));
export const PERSON_LOCALES = ['en_US', 'en_IN', 'en_SG', 'fr_FR', 'hi_Deva_IN', 'hi_Latn_IN', 'ja_JP', 'ko_KR', 'pt_BR'] as const;
export const PersonParams = Params('person', {
  locale: Type.Optional(Type.String({ default: 'en_US' })),
  sex: Sex,
  city: City,
  age_range: Type.Optional(AgeRange),
  select_field_values: Type.Optional(Nullable(Type.Record(Type.String(), Type.Array(Type.String())), { default: null })),
  with_synthetic_personas: Type.Optional(Type.Boolean({ default: false })),
});
export const PersonFromFakerParams = Params('person_from_faker', {
  locale: Type.Optional(Type.String({ default: 'en_US' })),
  sex: Sex,
  city: City,
  age_range: Type.Optional(AgeRange),
});

export const SAMPLER_PARAMS = {
  category: CategoryParams,
  subcategory: SubcategoryParams,
  uniform: UniformParams,
  gaussian: GaussianParams,
  poisson: PoissonParams,
  binomial: BinomialParams,
  bernoulli: BernoulliParams,
  bernoulli_mixture: BernoulliMixtureParams,
  scipy: ScipyParams,
  datetime: DatetimeParams,
  timedelta: TimedeltaParams,
  uuid: UuidParams,
  person: PersonParams,
  person_from_faker: PersonFromFakerParams,
} as const;
export type SamplerType = keyof typeof SAMPLER_PARAMS;
export const SAMPLER_TYPES = Object.keys(SAMPLER_PARAMS) as SamplerType[];
export type SamplerParamsOf<K extends SamplerType> = Static<(typeof SAMPLER_PARAMS)[K]>;
export type SamplerParams = { [K in SamplerType]: SamplerParamsOf<K> }[SamplerType];

// ---------------------------------------------------------------------------------------------------
// Columns

export const SkipConfig = Strict(
  {
    when: Type.String({ minLength: 1, description: "A Jinja2 expression with delimiters, e.g. '{{ in_stock == 0 }}'." }),
    value: Type.Optional(Nullable(Scalar, { default: null })),
  },
  { description: 'Skip generating this cell when `when` is truthy; the cell gets `value`.' },
);

/** Fields every column has (Data Designer's SingleColumnConfig). */
function columnFields() {
  return {
    name: Name,
    drop: Type.Optional(Type.Boolean({ default: false, description: 'Generate, make available to later columns, but leave out of the output.' })),
    skip: Type.Optional(Nullable(SkipConfig, { default: null })),
    propagate_skip: Type.Optional(Type.Boolean({ default: true })),
  };
}

function samplerColumn<const K extends SamplerType>(samplerType: K) {
  const params = SAMPLER_PARAMS[samplerType];
  return Strict({
    column_type: Tag('sampler'),
    ...columnFields(),
    sampler_type: Type.Literal(samplerType),
    params,
    conditional_params: Type.Optional(Type.Record(Type.String(), params, { default: {} })),
    convert_to: Type.Optional(Nullable(Type.String(), { default: null })),
  });
}

export const SamplerColumn = Discriminated(
  'sampler_type',
  [
    samplerColumn('category'),
    samplerColumn('subcategory'),
    samplerColumn('uniform'),
    samplerColumn('gaussian'),
    samplerColumn('poisson'),
    samplerColumn('binomial'),
    samplerColumn('bernoulli'),
    samplerColumn('bernoulli_mixture'),
    samplerColumn('scipy'),
    samplerColumn('datetime'),
    samplerColumn('timedelta'),
    samplerColumn('uuid'),
    samplerColumn('person'),
    samplerColumn('person_from_faker'),
  ],
  { description: 'A sampler column: values drawn from a statistical sampler.', properties: { column_type: Tag('sampler') }, required: ['column_type'] },
);

const TraceMode = Type.Union([Type.Literal('none'), Type.Literal('last_message'), Type.Literal('all_messages')], { default: 'none' });
export const MultiModalContext = Strict({
  modality: Type.Optional(Type.Union([Type.Literal('image'), Type.Literal('audio'), Type.Literal('video')], { default: 'image' })),
  column_name: Type.String({ minLength: 1 }),
  data_type: Type.Optional(Nullable(Type.Union([Type.Literal('url'), Type.Literal('base64')]), { default: null })),
  image_format: Type.Optional(Nullable(Type.String(), { default: null })),
  audio_format: Type.Optional(Nullable(Type.Union([Type.Literal('mp3'), Type.Literal('wav')]), { default: null })),
  video_format: Type.Optional(Nullable(Type.Union([Type.Literal('mp4'), Type.Literal('mov'), Type.Literal('webm')]), { default: null })),
});

function llmFields() {
  return {
    ...columnFields(),
    prompt: Type.String({ minLength: 1, description: 'Jinja2 template of the user prompt.' }),
    model_alias: Type.String({ minLength: 1 }),
    system_prompt: Type.Optional(Nullable(Type.String(), { default: null })),
    multi_modal_context: Type.Optional(Nullable(Type.Array(MultiModalContext), { default: null })),
    tool_alias: Type.Optional(Nullable(Type.String(), { default: null })),
    with_trace: Type.Optional(TraceMode),
    extract_reasoning_content: Type.Optional(Type.Boolean({ default: false })),
  };
}

export const CODE_LANGS = [
  'bash', 'c', 'cobol', 'cpp', 'csharp', 'go', 'java', 'javascript', 'kotlin', 'python', 'ruby', 'rust', 'scala', 'swift', 'typescript',
  'sql:sqlite', 'sql:tsql', 'sql:bigquery', 'sql:mysql', 'sql:postgres', 'sql:ansi',
] as const;
const CodeLang = Type.Union(CODE_LANGS.map((l) => Type.Literal(l)));

export const LLMTextColumn = Strict({ column_type: Tag('llm-text'), ...llmFields() });
export const LLMCodeColumn = Strict({ column_type: Tag('llm-code'), ...llmFields(), code_lang: CodeLang });
export const LLMStructuredColumn = Strict({
  column_type: Tag('llm-structured'),
  ...llmFields(),
  output_format: Type.Union([JsonObject, Type.String()], { description: 'A JSON Schema (object) the response must match.' }),
});
export const JudgeScore = Strict({
  name: Type.String({ minLength: 1 }),
  description: Type.String(),
  options: Type.Record(Type.String(), Type.String(), { minProperties: 1, description: 'score value → what it means' }),
});
export const LLMJudgeColumn = Strict({ column_type: Tag('llm-judge'), ...llmFields(), scores: Type.Array(JudgeScore, { minItems: 1 }) });
export const EXPRESSION_DTYPES = ['int', 'float', 'str', 'bool'] as const;
export const ExpressionColumn = Strict({
  column_type: Tag('expression'),
  ...columnFields(),
  expr: Type.String({ minLength: 1, description: 'A Jinja2 template, with {{ }}.' }),
  dtype: Type.Optional(Type.Union(EXPRESSION_DTYPES.map((d) => Type.Literal(d)), { default: 'str' })),
});
export const CodeValidatorParams = Strict({ validator_type: Type.Optional(Type.Literal('code')), code_lang: CodeLang });
export const RemoteValidatorParams = Strict({
  validator_type: Type.Optional(Type.Literal('remote')),
  endpoint_url: Type.String({ minLength: 1 }),
  output_schema: Type.Optional(Nullable(JsonObject, { default: null })),
  timeout: Type.Optional(Type.Number({ exclusiveMinimum: 0, default: 30 })),
  max_retries: Type.Optional(Type.Integer({ minimum: 0, default: 3 })),
  retry_backoff: Type.Optional(Type.Number({ exclusiveMinimum: 1, default: 2 })),
  max_parallel_requests: Type.Optional(Type.Integer({ minimum: 1, default: 4 })),
});
export const LocalCallableValidatorParams = Strict({
  validator_type: Type.Optional(Type.Literal('local_callable')),
  validation_function: Type.String({ minLength: 1, description: "The function's name, as Data Designer writes it; the workflow's `functions:` binds it to code." }),
  output_schema: Type.Optional(Nullable(JsonObject, { default: null, description: 'JSON Schema each result must match.' })),
});
export const ValidationBatchSize = Type.Integer({ minimum: 1, default: 10 });
const validationFields = () => ({
  column_type: Tag('validation'),
  ...columnFields(),
  target_columns: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  batch_size: Type.Optional(ValidationBatchSize),
});
export const ValidationColumn = Discriminated(
  'validator_type',
  [
    Strict({ ...validationFields(), validator_type: Type.Literal('code'), validator_params: CodeValidatorParams }),
    Strict({ ...validationFields(), validator_type: Type.Literal('remote'), validator_params: RemoteValidatorParams }),
    Strict({ ...validationFields(), validator_type: Type.Literal('local_callable'), validator_params: LocalCallableValidatorParams }),
  ],
  { properties: { column_type: Tag('validation') }, required: ['column_type'] },
);
export const SeedDatasetColumn = Strict({ column_type: Tag('seed-dataset'), ...columnFields() });
export const EmbeddingColumn = Strict({
  column_type: Tag('embedding'),
  ...columnFields(),
  target_column: Type.String({ minLength: 1 }),
  model_alias: Type.String({ minLength: 1 }),
});

/** What a custom column's function reads and writes (Data Designer's `@custom_column_generator` arguments). */
export const CustomColumnMetadata = Strict(
  {
    required_columns: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Columns that must exist before the function runs (dependency order).' })),
    side_effect_columns: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Further columns the function adds to each row.' })),
    model_aliases: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Model aliases the function may call through its `models` argument.' })),
  },
  { description: "ddflow fills this from the function's binding (`functions:` in the workflow); written here it is used as is." },
);
export const CUSTOM_GENERATION_STRATEGIES = ['cell_by_cell', 'full_column'] as const;
export const CustomColumn = Strict({
  column_type: Tag('custom'),
  ...columnFields(),
  generator_function: Type.String({ minLength: 1, description: "The function's name, as Data Designer writes it; the workflow's `functions:` binds it to code." }),
  generation_strategy: Type.Optional(Type.Union(CUSTOM_GENERATION_STRATEGIES.map((s) => Type.Literal(s)), { default: 'cell_by_cell', description: 'cell_by_cell: one call per row; full_column: one call per row group with all its rows.' })),
  generator_params: Type.Optional(Nullable(JsonObject, { default: null, description: 'Passed to the function as its second argument.' })),
  custom_column_metadata: Type.Optional(CustomColumnMetadata),
});

/** Data Designer's ImageColumnConfig: images from a `generation_type: image` model, stored as files. */
export const ImageColumn = Strict({
  column_type: Tag('image'),
  ...columnFields(),
  prompt: Type.String({ minLength: 1, description: 'Jinja2 template of the image prompt.' }),
  model_alias: Type.String({ minLength: 1, description: 'A model config with inference_parameters.generation_type: image.' }),
  multi_modal_context: Type.Optional(Nullable(Type.Array(MultiModalContext), { default: null, description: 'Images sent with the prompt (chat-completion image models; diffusion routes ignore them).' })),
});

/** Column types Data Designer has and ddflow deliberately does not run (a clear error, not a schema miss). */
export const UNSUPPORTED_COLUMN_TYPES = [] as const;

export const ColumnConfig = Discriminated('column_type', [
  SamplerColumn,
  LLMTextColumn,
  LLMCodeColumn,
  LLMStructuredColumn,
  LLMJudgeColumn,
  ExpressionColumn,
  ValidationColumn,
  SeedDatasetColumn,
  EmbeddingColumn,
  CustomColumn,
  ImageColumn,
]);

export const COLUMN_TYPES = ['sampler', 'llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'expression', 'validation', 'seed-dataset', 'embedding', 'custom', 'image'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

// ---------------------------------------------------------------------------------------------------
// Processors, constraints, seeds

/**
 * One safe path segment: no separators or characters Windows refuses, no control characters (NUL
 * included), no bidirectional-text controls (U+200E/F, U+202A–U+202E, U+2066–U+2069: they make a name
 * display as something else in logs and reviews), not `.` or `..`. At most STAGE_NAME_MAX_LENGTH long.
 */
export const STAGE_NAME_PATTERN = '^(?!\\.{1,2}$)[^/\\\\:*?"<>|\\u0000-\\u001f\\u007f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+$';
export const STAGE_NAME_MAX_LENGTH = 100;
/** What ext4 and most file systems allow one path segment, in bytes (100 characters of CJK text are 300). */
export const MAX_FILE_NAME_BYTES = 255;

/** A processor writes processors-files/<name>/: its name is one safe path segment, like a stage name. */
const ProcessorName = Type.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'A safe directory name (processors-files/<name>/), at most 100 characters.' });

export const DropColumnsProcessor = Strict({
  processor_type: Tag('drop_columns'),
  name: ProcessorName,
  column_names: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Names or fnmatch globs (`sub*`).' }),
});
export const SchemaTransformProcessor = Strict({
  processor_type: Tag('schema_transform'),
  name: ProcessorName,
  template: JsonObject,
});
export const SqlProcessor = Strict(
  {
    processor_type: Tag('sql'),
    name: ProcessorName,
    query: Type.String({ minLength: 1, description: 'A DuckDB query over the whole dataset, read as table `dataset`.' }),
  },
  { description: 'ddflow extension: its result replaces the dataset.' },
);
export const ProcessorConfig = Discriminated('processor_type', [DropColumnsProcessor, SchemaTransformProcessor, SqlProcessor]);

const InequalityOperator = Type.Union([Type.Literal('lt'), Type.Literal('le'), Type.Literal('gt'), Type.Literal('ge')]);
export const ScalarInequalityConstraint = Strict({
  constraint_type: Type.Optional(Type.Literal('scalar_inequality')),
  target_column: Type.String({ minLength: 1 }),
  rhs: Type.Union([Type.Number(), Type.String()]),
  operator: InequalityOperator,
});
export const ColumnInequalityConstraint = Strict({
  constraint_type: Type.Optional(Type.Literal('column_inequality')),
  target_column: Type.String({ minLength: 1 }),
  rhs: Type.String({ minLength: 1 }),
  operator: InequalityOperator,
});
/** `constraint_type` may be omitted: inferred from `rhs` as Data Designer does (number → scalar, name → column). */
export const Constraint = Type.Union([ScalarInequalityConstraint, ColumnInequalityConstraint]);

export const LocalSeedSource = Strict({ seed_type: Type.Literal('local'), path: Type.String({ minLength: 1, description: 'A .parquet/.csv/.json/.jsonl file or a glob like data/*.parquet.' }) });
export const DirectorySeedSource = Strict({
  seed_type: Type.Literal('directory'),
  path: Type.String({ minLength: 1 }),
  file_pattern: Type.Optional(Type.String({ minLength: 1, default: '*' })),
  recursive: Type.Optional(Type.Boolean({ default: true })),
});
export const FileContentsSeedSource = Strict({
  seed_type: Type.Literal('file_contents'),
  path: Type.String({ minLength: 1 }),
  file_pattern: Type.Optional(Type.String({ minLength: 1, default: '*' })),
  recursive: Type.Optional(Type.Boolean({ default: true })),
  encoding: Type.Optional(Type.String({ default: 'utf-8' })),
});
/** Data Designer's HuggingFaceSeedSource (config/seed_source.py): read through the Hub's HTTP API (src/data/hf-hub.ts). */
export const HuggingFaceSeedSource = Strict({
  seed_type: Type.Literal('hf'),
  path: Type.String({ minLength: 1, description: 'datasets/<org>/<dataset>[@<revision>]/<file or glob>, e.g. datasets/my-org/my-dataset/data/*.parquet.' }),
  token: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Name of the environment variable holding a Hugging Face token (HF_TOKEN is used when null).' })),
  endpoint: Type.Optional(Type.String({ minLength: 1, description: 'The Hub endpoint (default: HF_ENDPOINT, else https://huggingface.co).' })),
});
/**
 * Data Designer's AgentRolloutSeedSource (config/seed_source.py; AgentRolloutFormat for `format`): one row
 * per agent trace file, parsed by src/data/agent-rollout/; defaults per format in src/shared/agent-rollout-files.ts.
 */
export const AgentRolloutSeedSource = Strict({
  seed_type: Type.Literal('agent_rollout'),
  format: Type.Union([Type.Literal('atif'), Type.Literal('claude_code'), Type.Literal('codex'), Type.Literal('hermes_agent'), Type.Literal('pi_coding_agent')], { description: 'Built-in agent rollout format to use for parsing trace files.' }),
  path: Type.Optional(
    Nullable(Type.String({ minLength: 1 }), {
      default: null,
      description:
        'Directory of trace files (`~` is the home directory; relative paths resolve against the workflow file). Required for atif; when null: claude_code ~/.claude/projects, codex ~/.codex/sessions, hermes_agent ~/.hermes/sessions, pi_coding_agent ~/.pi/agent/sessions.',
    }),
  ),
  file_pattern: Type.Optional(
    Nullable(Type.String({ minLength: 1 }), { default: null, description: "File name pattern; when null: atif '*.json', hermes_agent '*.json*', the others '*.jsonl'." }),
  ),
  recursive: Type.Optional(Type.Boolean({ default: true })),
});
export const SeedSource = Discriminated('seed_type', [LocalSeedSource, DirectorySeedSource, FileContentsSeedSource, HuggingFaceSeedSource, AgentRolloutSeedSource]);
export const UNSUPPORTED_SEED_TYPES = ['df'] as const;

export const IndexRange = Strict({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) });
export const PartitionBlock = Strict({
  index: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  num_partitions: Type.Integer({ minimum: 1, default: 1 }),
});
export const SelectionStrategy = Type.Union([IndexRange, PartitionBlock]);
export const SamplingStrategy = Type.Union([Type.Literal('ordered'), Type.Literal('shuffle')], { default: 'ordered' });

export const SeedConfig = Strict({
  source: SeedSource,
  sampling_strategy: Type.Optional(SamplingStrategy),
  selection_strategy: Type.Optional(Nullable(SelectionStrategy, { default: null })),
});

// ---------------------------------------------------------------------------------------------------
// Models and providers

export const UniformDistribution = Strict({
  distribution_type: Type.Optional(Type.Literal('uniform')),
  params: Strict({ low: Type.Number(), high: Type.Number() }),
});
export const ManualDistribution = Strict({
  distribution_type: Type.Literal('manual'),
  params: Strict({ values: Type.Array(Type.Number(), { minItems: 1 }), weights: Type.Optional(Nullable(Type.Array(Type.Number({ minimum: 0 })), { default: null })) }),
});
export const Distribution = Type.Union([UniformDistribution, ManualDistribution]);

const commonInference = () => ({
  max_parallel_requests: Type.Optional(Type.Integer({ minimum: 1, default: 4 })),
  timeout: Type.Optional(Nullable(Type.Integer({ minimum: 1 }), { default: null, description: 'Seconds; the client default is 60.' })),
  extra_body: Type.Optional(Nullable(JsonObject, { default: null })),
});
/** ddflow extension (not in Data Designer): this model's calls go through the provider's batch API. */
const batchInference = () => ({
  batch: Type.Optional(
    Type.Boolean({
      default: false,
      description:
        "ddflow extension: send this model's calls as provider batches (OpenAI-compatible /v1/files + /v1/batches) instead of one by one; the run ends 'pending' and a later run collects the answers. Not part of the fingerprint.",
    }),
  ),
});
export const ChatCompletionInferenceParams = Strict({
  generation_type: Type.Optional(Type.Literal('chat-completion')),
  ...commonInference(),
  ...batchInference(),
  temperature: Type.Optional(Nullable(Type.Union([Type.Number({ minimum: 0, maximum: 2 }), Distribution]), { default: null })),
  top_p: Type.Optional(Nullable(Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Distribution]), { default: null })),
  max_tokens: Type.Optional(Nullable(Type.Integer({ minimum: 1 }), { default: null })),
});
export const EmbeddingInferenceParams = Strict({
  generation_type: Type.Optional(Type.Literal('embedding')),
  ...commonInference(),
  ...batchInference(),
  encoding_format: Type.Optional(Type.Union([Type.Literal('float'), Type.Literal('base64')], { default: 'float' })),
  dimensions: Type.Optional(Nullable(Type.Integer({ minimum: 1 }), { default: null })),
});
/** Data Designer's ImageInferenceParams: model-specific image options go in `extra_body`. */
export const ImageInferenceParams = Strict({
  generation_type: Type.Literal('image'),
  ...commonInference(),
});
/** `generation_type` may be omitted: embedding when `encoding_format`/`dimensions` appear, else chat-completion. */
export const InferenceParameters = Type.Union([ChatCompletionInferenceParams, EmbeddingInferenceParams, ImageInferenceParams]);

/** ddflow extension (issue 17): what a model's tokens cost, versioned with the workflow file. */
export const ModelPricing = Strict(
  {
    input_per_million: Type.Number({ minimum: 0, description: 'Price of one million prompt (input) tokens.' }),
    output_per_million: Type.Number({ minimum: 0, description: 'Price of one million completion (output) tokens.' }),
    currency: Type.Optional(Type.Literal('USD', { default: 'USD', description: 'Only USD: budgets (max_cost_usd) and the cost-usd output are in US dollars.' })),
  },
  { description: 'ddflow extension: token prices; a cost the provider reports in `usage` (OpenRouter) takes precedence. Not in the fingerprint.' },
);

export const ModelConfig = Strict({
  alias: Type.String({ minLength: 1 }),
  model: Type.String({ minLength: 1, description: 'The model id sent to the API.' }),
  provider: Type.String({ minLength: 1, description: 'Name of a model provider (built-in: nvidia, openai, openrouter).' }),
  inference_parameters: Type.Optional(InferenceParameters),
  skip_health_check: Type.Optional(Type.Boolean({ default: false })),
  pricing: Type.Optional(Nullable(ModelPricing, { default: null, description: 'ddflow extension: US dollars per million prompt and completion tokens; a cost the provider reports wins. Not part of the fingerprint.' })),
});

export const ENV_VAR_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
/** Data Designer's provider types (engine/models/clients/factory.py): OpenAI-compatible, or Anthropic's native API. */
export const PROVIDER_TYPES = ['openai', 'anthropic'] as const;

export const ModelProvider = Strict({
  name: Type.String({ minLength: 1 }),
  endpoint: Type.String({ minLength: 1, description: 'Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1.' }),
  provider_type: Type.Optional(Type.String({ default: 'openai', description: "'openai' for any OpenAI-compatible API (OpenAI, NVIDIA, OpenRouter, vLLM, Ollama...), 'anthropic' for Anthropic's native Messages API." })),
  api_key: Type.Optional(Nullable(Type.String({ minLength: 1, description: 'The NAME of an environment variable holding the key — never the key itself.' }), { default: null })),
  extra_headers: Type.Optional(Nullable(Type.Record(Type.String(), Type.String()), { default: null })),
  extra_body: Type.Optional(Nullable(JsonObject, { default: null })),
});

export const RequestAdmission = Strict({
  multiplicative_decrease_factor: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.75 })),
  additive_increase_step: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  successes_until_increase: Type.Optional(Type.Integer({ minimum: 1, default: 25 })),
  cooldown_seconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, default: 2 })),
  startup_ramp_seconds: Type.Optional(Type.Number({ minimum: 0, default: 0 })),
});

export const RunConfig = Strict({
  disable_early_shutdown: Type.Optional(Type.Boolean({ default: false })),
  shutdown_error_rate: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.5 })),
  shutdown_error_window: Type.Optional(Type.Integer({ minimum: 1, default: 10 })),
  buffer_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1000, description: 'Records per row group = per parquet batch file (at most 1,000,000: a row group is held in memory while it is generated).' })),
  max_concurrent_row_groups: Type.Optional(Type.Integer({ minimum: 1, default: 3 })),
  max_in_flight_tasks: Type.Optional(Type.Integer({ minimum: 1, default: 1024 })),
  non_inference_max_parallel_workers: Type.Optional(Type.Integer({ minimum: 1, default: 4 })),
  max_conversation_restarts: Type.Optional(Type.Integer({ minimum: 0, default: 5 })),
  max_conversation_correction_steps: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  async_trace: Type.Optional(Type.Boolean({ default: false })),
  write_scheduler_events: Type.Optional(Type.Boolean({ default: false })),
  display_tui: Type.Optional(Type.Boolean({ default: false })),
  progress_interval: Type.Optional(Type.Number({ exclusiveMinimum: 0, default: 5 })),
  otel_metrics_port: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 65535 }), { default: null })),
  preserve_dropped_columns: Type.Optional(Type.Boolean({ default: true })),
  jinja_rendering_engine: Type.Optional(Type.Union([Type.Literal('secure'), Type.Literal('native')], { default: 'secure' })),
  request_admission: Type.Optional(Nullable(RequestAdmission, { default: null })),
  rate_limit_stall_seconds: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      default: 600,
      description: 'ddflow extension: when an endpoint has answered nothing but 429s for this long, the stage fails (resumable) instead of retrying forever.',
    }),
  ),
  max_cost_usd: Type.Optional(
    Nullable(Type.Number({ exclusiveMinimum: 0, description: 'ddflow extension: the run stops sending model requests before its spend (plus what is in flight) would pass this many US dollars; the stage stays resumable. --max-cost overrides it.' }), { default: null, description: 'ddflow extension: a hard budget in US dollars for the run (needs a price for every model); --max-cost overrides it.' }),
  ),
  max_total_tokens: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, description: 'ddflow extension: as max_cost_usd, for prompt + completion tokens of the run. --max-tokens overrides it.' }), { default: null, description: 'ddflow extension: stop sending model requests before the run spends more than this many tokens (prompt + completion); --max-tokens overrides it.' }),
  ),
});

// ---------------------------------------------------------------------------------------------------
// MCP tool use (Data Designer's config/mcp.py): providers at the workflow level, tool configs in a stage

/** A stage's permission for its LLM columns to call tools (Data Designer's ToolConfig). */
export const ToolConfig = Strict({
  tool_alias: Type.String({ minLength: 1, description: 'Name the columns use (`tool_alias:`) to call these tools.' }),
  providers: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Names of the workflow\'s mcp_providers whose tools are offered.' }),
  allow_tools: Type.Optional(Nullable(Type.Array(Type.String({ minLength: 1 })), { default: null, description: 'Only these tools are offered and may be called. Default: every tool of the providers.' })),
  max_tool_call_turns: Type.Optional(Type.Integer({ minimum: 1, default: 5, description: 'Turns in which the model may request tools; later requests are refused with a message asking for the final answer.' })),
  timeout_sec: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0 }), { default: null, description: 'Seconds a tool listing or a turn of tool calls may take. Default: no limit.' })),
});

function mcpProviderFields() {
  return {
    name: Type.String({ minLength: 1, description: 'Unique; tool configs name it in `providers`.' }),
    version: Type.Optional(Type.String({ minLength: 1, description: "ddflow extension: resume identity of the server's tools. It enters the fingerprint of the stages that use them; without it those stages are never reused (the tools' answers can change)." })),
  };
}

/** Data Designer's MCPProvider (sse, streamable_http) and LocalStdioMCPProvider (stdio). */
export const McpProvider = Type.Union(
  [
    Strict({
      provider_type: Type.Literal('stdio'),
      ...mcpProviderFields(),
      command: Type.String({ minLength: 1, description: 'Executable started in the workflow directory; it speaks MCP on stdin/stdout.' }),
      args: Type.Optional(Type.Array(Type.String(), { default: [], description: 'Arguments of the command.' })),
      env: Type.Optional(Type.Record(Type.String(), Type.String(), { default: {}, description: 'Variables for the server, over a minimal default environment (PATH, HOME, ...): it does not inherit ddflow\'s.' })),
      pass_env: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), { description: "ddflow extension: names of ddflow's environment variables (secrets) passed on to the server; their values are not in the fingerprint." })),
    }),
    Strict({
      provider_type: Type.Optional(Type.Union([Type.Literal('sse'), Type.Literal('streamable_http')], { default: 'sse' })),
      ...mcpProviderFields(),
      endpoint: Type.String({ minLength: 1, description: 'URL of the server (SSE: its /sse endpoint; streamable HTTP: its /mcp endpoint).' }),
      api_key: Type.Optional(Nullable(Type.String({ minLength: 1, description: 'The NAME of an environment variable holding the key (sent as a bearer token) — never the key itself.' }), { default: null })),
    }),
  ],
  { description: 'An MCP server whose tools LLM columns may call (Data Designer shapes: stdio, sse, streamable_http).' },
);

// ---------------------------------------------------------------------------------------------------
// The Data Designer config (one stage) and the workflow file

export const DataDesignerConfig = Strict({
  columns: Type.Array(ColumnConfig, { description: 'May be empty only in a seeded stage with processors.' }),
  model_configs: Type.Optional(Nullable(Type.Array(ModelConfig), { default: null })),
  tool_configs: Type.Optional(Nullable(Type.Array(ToolConfig), { default: null })),
  seed_config: Type.Optional(Nullable(SeedConfig, { default: null })),
  constraints: Type.Optional(Nullable(Type.Array(Constraint), { default: null })),
  profilers: Type.Optional(Nullable(Type.Array(JsonObject), { default: null })),
  processors: Type.Optional(Nullable(Type.Array(ProcessorConfig), { default: null })),
});
/** The form Data Designer writes (`builder.write_config`): the config wrapped with its library version. */
export const BuilderConfig = Strict({
  data_designer: DataDesignerConfig,
  library_version: Type.Optional(Nullable(Type.String(), { default: null })),
});

/** A processor-only stage may omit `columns` altogether (ddflow-spec §6). */
export const InlineStageConfig = Strict({ ...DataDesignerConfig.properties, columns: Type.Optional(DataDesignerConfig.properties.columns) });

/** The most records one stage may request (`num_records`, `--num-records`). */
export const MAX_NUM_RECORDS = 100_000_000;
export const WORKFLOW_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

export const OnSuccess = Strict({
  run: Type.String({ minLength: 1, description: 'Run with `sh -c` in the workflow file directory, with DDFLOW_STAGE_DIR and DDFLOW_OUTPUT_DIR set.' }),
  // The version names the directory callback-outputs/<version>/ that is emptied before the command runs,
  // so it must be one safe path segment, like a stage name.
  version: Type.Optional(
    Type.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'Resume identity of the command (a safe directory name: callback-outputs/<version>/); without it the stage output is never reused.' }),
  ),
});

/**
 * Code bound to a function name Data Designer wrote (`generator_function`, `validation_function`): a
 * JavaScript module run in-process, or a command of any language kept alive for the stage (JSON lines).
 */
const bindingColumns = (description: string) => Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description }));
// No defaults here: a field left out lets the module function's own custom_column_metadata speak.
const functionBindingFields = () => ({
  version: Type.Optional(Type.String({ minLength: 1, description: "Resume identity of the code: it enters the fingerprint of the stages that use the function; without it those stages are never reused." })),
  required_columns: bindingColumns('Columns that must exist before the function runs (dependency order).'),
  side_effect_columns: bindingColumns('Further columns the function adds to each row.'),
  model_aliases: bindingColumns('Model aliases the function may call through its `models` argument.'),
});
export const FunctionBinding = Type.Union(
  [
    Strict({
      module: Type.String({ minLength: 1, description: 'Path (relative to the workflow file) of a JavaScript module (.mjs, .js, .cjs) exporting the function.' }),
      export: Type.Optional(Type.String({ minLength: 1, description: "The export to call (default: the function's name, else the default export)." })),
      ...functionBindingFields(),
    }),
    Strict({
      run: Type.String({ minLength: 1, description: 'A command run with `sh -c` in the workflow directory, once per stage: JSON lines of requests on stdin, one JSON line per answer on stdout.' }),
      ...functionBindingFields(),
    }),
  ],
  { description: 'Where the code of a function named in a stage config lives.' },
);

export const Stage = Strict({
  name: Type.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'Unique; a safe directory name (at most 100 characters, no control or bidirectional-text characters).' }),
  config: Type.Union([InlineStageConfig, BuilderConfig, Type.String({ minLength: 1, description: 'Path to a .yaml/.yml/.json Data Designer config.' })]),
  num_records: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_NUM_RECORDS, description: "Default: the previous stage's output row count; first stage: 10. At most 100,000,000." })),
  output_processors: Type.Optional(Type.Array(ProcessorConfig)),
  output: Type.Optional(Type.String({ pattern: '^(final|processor:.+)$', default: 'final' })),
  on_success: Type.Optional(OnSuccess),
  allow_empty: Type.Optional(Type.Boolean({ default: false })),
  sampling_strategy: Type.Optional(SamplingStrategy),
  selection_strategy: Type.Optional(Nullable(SelectionStrategy, { default: null })),
});

export const Workflow = Strict(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.String({ pattern: WORKFLOW_NAME_PATTERN, maxLength: STAGE_NAME_MAX_LENGTH, description: 'Durable identity: artifact directory, cache keys (at most 100 characters).' }),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Makes samplers, shuffles and temperature draws reproducible (ddflow extension).' })),
    artifact_path: Type.Optional(Type.String({ minLength: 1, default: 'artifacts' })),
    model_providers: Type.Optional(Type.Array(ModelProvider)),
    model_configs: Type.Optional(Type.Array(ModelConfig)),
    run_config: Type.Optional(RunConfig),
    mcp_providers: Type.Optional(Type.Array(McpProvider, { description: "MCP servers whose tools the stages' tool_configs offer to LLM columns." })),
    functions: Type.Optional(Type.Record(Type.String({ minLength: 1 }), FunctionBinding, { description: 'Code for the custom columns and local_callable validators of the stages, by function name (ddflow extension).' })),
    stages: Type.Array(Stage, { minItems: 1 }),
  },
  { $id: SCHEMA_ID, title: 'ddflow workflow', description: 'A chained NeMo Data Designer workflow run by ddflow.' },
);

export type Workflow = Static<typeof Workflow>;
export type Stage = Static<typeof Stage>;
export type OnSuccess = Static<typeof OnSuccess>;
export type DataDesignerConfig = Static<typeof DataDesignerConfig>;
export type BuilderConfig = Static<typeof BuilderConfig>;
export type ColumnConfig = Static<typeof ColumnConfig>;
export type SamplerColumn = Static<typeof SamplerColumn>;
export type LLMTextColumn = Static<typeof LLMTextColumn>;
export type LLMCodeColumn = Static<typeof LLMCodeColumn>;
export type LLMStructuredColumn = Static<typeof LLMStructuredColumn>;
export type LLMJudgeColumn = Static<typeof LLMJudgeColumn>;
export type JudgeScore = Static<typeof JudgeScore>;
export type ExpressionColumn = Static<typeof ExpressionColumn>;
export type ValidationColumn = Static<typeof ValidationColumn>;
export type SeedDatasetColumn = Static<typeof SeedDatasetColumn>;
export type EmbeddingColumn = Static<typeof EmbeddingColumn>;
export type CustomColumn = Static<typeof CustomColumn>;
export type ImageColumn = Static<typeof ImageColumn>;
export type CustomColumnMetadata = Static<typeof CustomColumnMetadata>;
export type FunctionBinding = Static<typeof FunctionBinding>;
export type ToolConfig = Static<typeof ToolConfig>;
export type McpProvider = Static<typeof McpProvider>;
export type SkipConfig = Static<typeof SkipConfig>;
export type ProcessorConfig = Static<typeof ProcessorConfig>;
export type DropColumnsProcessor = Static<typeof DropColumnsProcessor>;
export type SchemaTransformProcessor = Static<typeof SchemaTransformProcessor>;
export type SqlProcessor = Static<typeof SqlProcessor>;
export type Constraint = Static<typeof Constraint>;
export type SeedSource = Static<typeof SeedSource>;
export type SeedConfig = Static<typeof SeedConfig>;
export type IndexRange = Static<typeof IndexRange>;
export type PartitionBlock = Static<typeof PartitionBlock>;
export type SelectionStrategy = Static<typeof SelectionStrategy>;
export type SamplingStrategy = Static<typeof SamplingStrategy>;
export type Distribution = Static<typeof Distribution>;
export type ChatCompletionInferenceParams = Static<typeof ChatCompletionInferenceParams>;
export type EmbeddingInferenceParams = Static<typeof EmbeddingInferenceParams>;
export type ImageInferenceParams = Static<typeof ImageInferenceParams>;
export type InferenceParameters = Static<typeof InferenceParameters>;
export type ModelConfig = Static<typeof ModelConfig>;
export type ModelProvider = Static<typeof ModelProvider>;
export type RequestAdmission = Static<typeof RequestAdmission>;
export type RunConfig = Static<typeof RunConfig>;

/** The LLM-backed column kinds (chat completions). */
export type LLMColumn = LLMTextColumn | LLMCodeColumn | LLMStructuredColumn | LLMJudgeColumn;

/**
 * Shared definitions hoisted into `$defs` of the published document. TypeBox inlines every reuse, which
 * would make the file half a megabyte; because a reused definition is the same JS object, replacing it by
 * identity with a `$ref` keeps the file small and readable for editors.
 */
const NAMED_DEFINITIONS: Record<string, TSchema> = {
  DataDesignerConfig,
  BuilderConfig,
  Stage,
  OnSuccess,
  ColumnConfig,
  SamplerColumn,
  LLMTextColumn,
  LLMCodeColumn,
  LLMStructuredColumn,
  LLMJudgeColumn,
  JudgeScore,
  ExpressionColumn,
  ValidationColumn,
  SeedDatasetColumn,
  EmbeddingColumn,
  CustomColumn,
  ImageColumn,
  CustomColumnMetadata,
  FunctionBinding,
  ToolConfig,
  McpProvider,
  SkipConfig,
  MultiModalContext,
  ProcessorConfig,
  DropColumnsProcessor,
  SchemaTransformProcessor,
  SqlProcessor,
  Constraint,
  SeedConfig,
  SeedSource,
  SelectionStrategy,
  Distribution,
  InferenceParameters,
  ModelConfig,
  ModelProvider,
  RequestAdmission,
  RunConfig,
  ...Object.fromEntries(Object.entries(SAMPLER_PARAMS).map(([k, v]) => [`${k}_params`, v])),
};

/** The published JSON Schema document (draft 2020-12), with shared definitions under `$defs`. */
export function publishedSchema(): Record<string, unknown> {
  const names = new Map<unknown, string>(Object.entries(NAMED_DEFINITIONS).map(([name, schema]) => [schema, name]));
  const copy = (node: unknown, self?: unknown): unknown => {
    if (node !== self && names.has(node)) return { $ref: `#/$defs/${names.get(node)}` };
    if (Array.isArray(node)) return node.map((n) => copy(n));
    if (node && typeof node === 'object') {
      // Object.entries skips TypeBox's symbol-keyed metadata, as JSON.stringify would.
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v)]));
    }
    return node;
  };
  const $defs = Object.fromEntries(Object.entries(NAMED_DEFINITIONS).map(([name, schema]) => [name, copy(schema, schema)]));
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...(copy(Workflow, Workflow) as object), $defs };
}
