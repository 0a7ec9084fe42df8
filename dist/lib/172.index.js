export const id = 172;
export const ids = [172];
export const modules = {

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ ChatCompletionInferenceParams),
/* harmony export */   LH: () => (/* binding */ FileContentsSeedSource),
/* harmony export */   Oc: () => (/* binding */ STAGE_NAME_PATTERN),
/* harmony export */   RM: () => (/* binding */ RemoteValidatorParams),
/* harmony export */   RO: () => (/* binding */ COLUMN_TYPES),
/* harmony export */   RR: () => (/* binding */ MAX_NUM_RECORDS),
/* harmony export */   T0: () => (/* binding */ RequestAdmission),
/* harmony export */   Zt: () => (/* binding */ ValidationBatchSize),
/* harmony export */   g$: () => (/* binding */ DirectorySeedSource),
/* harmony export */   gX: () => (/* binding */ RunConfig),
/* harmony export */   l_: () => (/* binding */ SamplingStrategy),
/* harmony export */   sk: () => (/* binding */ publishedSchema),
/* harmony export */   uz: () => (/* binding */ UNSUPPORTED_SEED_TYPES),
/* harmony export */   v1: () => (/* binding */ UNSUPPORTED_COLUMN_TYPES)
/* harmony export */ });
/* unused harmony exports SCHEMA_ID, CategoryParams, SubcategoryParams, UniformParams, GaussianParams, PoissonParams, BinomialParams, BernoulliParams, BernoulliMixtureParams, ScipyParams, DatetimeParams, TimedeltaParams, UuidParams, PERSON_LOCALES, PersonParams, PersonFromFakerParams, SAMPLER_PARAMS, SAMPLER_TYPES, SkipConfig, SamplerColumn, MultiModalContext, CODE_LANGS, LLMTextColumn, LLMCodeColumn, LLMStructuredColumn, JudgeScore, LLMJudgeColumn, EXPRESSION_DTYPES, ExpressionColumn, CodeValidatorParams, ValidationColumn, SeedDatasetColumn, EmbeddingColumn, ColumnConfig, DropColumnsProcessor, SchemaTransformProcessor, SqlProcessor, ProcessorConfig, ScalarInequalityConstraint, ColumnInequalityConstraint, Constraint, LocalSeedSource, SeedSource, IndexRange, PartitionBlock, SelectionStrategy, SeedConfig, UniformDistribution, ManualDistribution, Distribution, EmbeddingInferenceParams, ImageInferenceParams, InferenceParameters, ModelConfig, ENV_VAR_NAME, ModelProvider, DataDesignerConfig, BuilderConfig, InlineStageConfig, STAGE_NAME_MAX_LENGTH, WORKFLOW_NAME_PATTERN, OnSuccess, Stage, Workflow */
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82078);
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

const SCHEMA_ID = 'https://ddflow.dev/schema/ddflow.schema.json';
/** Unknown keys are errors everywhere (Data Designer's `extra="forbid"`). */
function Strict(properties, options = {}) {
    return _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object(properties, { additionalProperties: false, ...options });
}
function Nullable(schema, options = {}) {
    return _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([schema, _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Null()], options);
}
/**
 * A list discriminated by one property (`column_type`, `sampler_type`, ...). Emitted as `oneOf` with an
 * OpenAPI-style `discriminator`, which ajv (option `discriminator: true`) uses to validate only the
 * branch the tag selects — so an error names the field that is wrong, not every branch that failed.
 */
function Discriminated(propertyName, branches, options = {}) {
    const union = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union(branches);
    const { properties, required = [], ...rest } = options;
    // `properties` lets a nested discriminated union (sampler columns inside columns) expose the outer tag,
    // which ajv requires of every oneOf branch.
    return _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Unsafe({
        ...rest,
        type: 'object',
        ...(properties ? { properties } : {}),
        discriminator: { propertyName },
        required: [...required, propertyName],
        oneOf: branches,
    });
}
function Tag(kebab) {
    const snake = kebab.replace(/-/g, '_');
    // An `enum` (not anyOf of consts): ajv's discriminator needs the tag as const or enum.
    return _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Unsafe({ type: 'string', enum: snake === kebab ? [kebab] : [kebab, snake] });
}
const Name = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Column name: the key other templates use to reference it.' });
const Scalar = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean()]);
const JsonObject = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Unknown());
// ---------------------------------------------------------------------------------------------------
// Samplers
const DecimalPlaces = Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0 }), { default: null, description: 'Round to this many decimal places (after convert_to).' });
/** `sampler_type` may be omitted inside `params` (it is injected from the column); when given it must agree. */
function Params(samplerType, properties) {
    return Strict({ sampler_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(samplerType)), ...properties });
}
const CategoryParams = Params('category', {
    values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number()]), { minItems: 1 }),
    weights: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0 })), { default: null })),
});
const SubcategoryParams = Params('subcategory', {
    category: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The parent column (a category sampler).' }),
    values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number()]), { minItems: 1 })),
});
const UniformParams = Params('uniform', { low: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), high: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), decimal_places: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(DecimalPlaces) });
const GaussianParams = Params('gaussian', { mean: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), stddev: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0 }), decimal_places: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(DecimalPlaces) });
const PoissonParams = Params('poisson', { mean: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0 }) });
const BinomialParams = Params('binomial', { n: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0 }), p: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1 }) });
const BernoulliParams = Params('bernoulli', { p: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1 }) });
const BernoulliMixtureParams = Params('bernoulli_mixture', {
    p: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1 }),
    dist_name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    dist_params: JsonObject,
});
const ScipyParams = Params('scipy', { dist_name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), dist_params: JsonObject, decimal_places: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(DecimalPlaces) });
const DatetimeParams = Params('datetime', {
    start: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    end: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    unit: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('Y'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('M'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('D'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('h'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('m'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('s')], { default: 'D' })),
});
const TimedeltaParams = Params('timedelta', {
    dt_min: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0 }),
    dt_max: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ exclusiveMinimum: 0 }),
    reference_column_name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    unit: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('D'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('h'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('m'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('s')], { default: 'D' })),
});
const UuidParams = Params('uuid', {
    prefix: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
    short_form: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    uppercase: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
});
const AgeRange = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer(), { default: [18, 114], description: '[min, max] age, 0 <= min < max <= 114.' });
const Sex = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('Male'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('Female')]), { default: null }));
const City = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String())]), { default: null }));
const PERSON_LOCALES = (/* unused pure expression or super */ null && (['en_US', 'en_IN', 'en_SG', 'fr_FR', 'hi_Deva_IN', 'hi_Latn_IN', 'ja_JP', 'ko_KR', 'pt_BR']));
const PersonParams = Params('person', {
    locale: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ default: 'en_US' })),
    sex: Sex,
    city: City,
    age_range: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AgeRange),
    select_field_values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String())), { default: null })),
    with_synthetic_personas: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
});
const PersonFromFakerParams = Params('person_from_faker', {
    locale: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ default: 'en_US' })),
    sex: Sex,
    city: City,
    age_range: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AgeRange),
});
const SAMPLER_PARAMS = {
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
};
const SAMPLER_TYPES = Object.keys(SAMPLER_PARAMS);
// ---------------------------------------------------------------------------------------------------
// Columns
const SkipConfig = Strict({
    when: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "A Jinja2 expression with delimiters, e.g. '{{ in_stock == 0 }}'." }),
    value: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(Scalar, { default: null })),
}, { description: 'Skip generating this cell when `when` is truthy; the cell gets `value`.' });
/** Fields every column has (Data Designer's SingleColumnConfig). */
function columnFields() {
    return {
        name: Name,
        drop: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false, description: 'Generate, make available to later columns, but leave out of the output.' })),
        skip: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(SkipConfig, { default: null })),
        propagate_skip: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: true })),
    };
}
function samplerColumn(samplerType) {
    const params = SAMPLER_PARAMS[samplerType];
    return Strict({
        column_type: Tag('sampler'),
        ...columnFields(),
        sampler_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(samplerType),
        params,
        conditional_params: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), params, { default: {} })),
        convert_to: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
    });
}
const SamplerColumn = Discriminated('sampler_type', [
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
], { description: 'A sampler column: values drawn from a statistical sampler.', properties: { column_type: Tag('sampler') }, required: ['column_type'] });
const TraceMode = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('none'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('last_message'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('all_messages')], { default: 'none' });
const MultiModalContext = Strict({
    modality: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('image'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('audio'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('video')], { default: 'image' })),
    column_name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    data_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('url'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('base64')]), { default: null })),
    image_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
    audio_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
    video_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
});
function llmFields() {
    return {
        ...columnFields(),
        prompt: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Jinja2 template of the user prompt.' }),
        model_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        system_prompt: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
        multi_modal_context: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(MultiModalContext), { default: null })),
        tool_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
        with_trace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(TraceMode),
        extract_reasoning_content: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    };
}
const CODE_LANGS = [
    'bash', 'c', 'cobol', 'cpp', 'csharp', 'go', 'java', 'javascript', 'kotlin', 'python', 'ruby', 'rust', 'scala', 'swift', 'typescript',
    'sql:sqlite', 'sql:tsql', 'sql:bigquery', 'sql:mysql', 'sql:postgres', 'sql:ansi',
];
const CodeLang = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union(CODE_LANGS.map((l) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(l)));
const LLMTextColumn = Strict({ column_type: Tag('llm-text'), ...llmFields() });
const LLMCodeColumn = Strict({ column_type: Tag('llm-code'), ...llmFields(), code_lang: CodeLang });
const LLMStructuredColumn = Strict({
    column_type: Tag('llm-structured'),
    ...llmFields(),
    output_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([JsonObject, _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()], { description: 'A JSON Schema (object) the response must match.' }),
});
const JudgeScore = Strict({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    description: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(),
    options: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { minProperties: 1, description: 'score value → what it means' }),
});
const LLMJudgeColumn = Strict({ column_type: Tag('llm-judge'), ...llmFields(), scores: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(JudgeScore, { minItems: 1 }) });
const EXPRESSION_DTYPES = ['int', 'float', 'str', 'bool'];
const ExpressionColumn = Strict({
    column_type: Tag('expression'),
    ...columnFields(),
    expr: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'A Jinja2 template, with {{ }}.' }),
    dtype: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union(EXPRESSION_DTYPES.map((d) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(d)), { default: 'str' })),
});
const CodeValidatorParams = Strict({ validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('code')), code_lang: CodeLang });
const RemoteValidatorParams = Strict({
    validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('remote')),
    endpoint_url: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    output_schema: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(JsonObject, { default: null })),
    timeout: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0, default: 30 })),
    max_retries: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, default: 3 })),
    retry_backoff: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 1, default: 2 })),
    max_parallel_requests: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 4 })),
});
const ValidationBatchSize = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 10 });
const validationFields = () => ({
    column_type: Tag('validation'),
    ...columnFields(),
    target_columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { minItems: 1 }),
    batch_size: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(ValidationBatchSize),
});
const ValidationColumn = Discriminated('validator_type', [
    Strict({ ...validationFields(), validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('code'), validator_params: CodeValidatorParams }),
    Strict({ ...validationFields(), validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('remote'), validator_params: RemoteValidatorParams }),
    Strict({ ...validationFields(), validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('local_callable'), validator_params: JsonObject }),
], { properties: { column_type: Tag('validation') }, required: ['column_type'] });
const SeedDatasetColumn = Strict({ column_type: Tag('seed-dataset'), ...columnFields() });
const EmbeddingColumn = Strict({
    column_type: Tag('embedding'),
    ...columnFields(),
    target_column: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    model_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
});
/** Column types Data Designer has and ddflow deliberately does not run (a clear error, not a schema miss). */
const UNSUPPORTED_COLUMN_TYPES = ['image', 'custom'];
const ColumnConfig = Discriminated('column_type', [
    SamplerColumn,
    LLMTextColumn,
    LLMCodeColumn,
    LLMStructuredColumn,
    LLMJudgeColumn,
    ExpressionColumn,
    ValidationColumn,
    SeedDatasetColumn,
    EmbeddingColumn,
]);
const COLUMN_TYPES = ['sampler', 'llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'expression', 'validation', 'seed-dataset', 'embedding'];
// ---------------------------------------------------------------------------------------------------
// Processors, constraints, seeds
const DropColumnsProcessor = Strict({
    processor_type: Tag('drop_columns'),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    column_names: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { minItems: 1, description: 'Names or fnmatch globs (`sub*`).' }),
});
const SchemaTransformProcessor = Strict({
    processor_type: Tag('schema_transform'),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    template: JsonObject,
});
const SqlProcessor = Strict({
    processor_type: Tag('sql'),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    query: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'A DuckDB query over the whole dataset, read as table `dataset`.' }),
}, { description: 'ddflow extension: its result replaces the dataset.' });
const ProcessorConfig = Discriminated('processor_type', [DropColumnsProcessor, SchemaTransformProcessor, SqlProcessor]);
const InequalityOperator = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('lt'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('le'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('gt'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('ge')]);
const ScalarInequalityConstraint = Strict({
    constraint_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('scalar_inequality')),
    target_column: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    rhs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()]),
    operator: InequalityOperator,
});
const ColumnInequalityConstraint = Strict({
    constraint_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('column_inequality')),
    target_column: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    rhs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    operator: InequalityOperator,
});
/** `constraint_type` may be omitted: inferred from `rhs` as Data Designer does (number → scalar, name → column). */
const Constraint = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([ScalarInequalityConstraint, ColumnInequalityConstraint]);
const LocalSeedSource = Strict({ seed_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('local'), path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'A .parquet/.csv/.json/.jsonl file or a glob like data/*.parquet.' }) });
const DirectorySeedSource = Strict({
    seed_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('directory'),
    path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    file_pattern: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, default: '*' })),
    recursive: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: true })),
});
const FileContentsSeedSource = Strict({
    seed_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('file_contents'),
    path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    file_pattern: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, default: '*' })),
    recursive: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: true })),
    encoding: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ default: 'utf-8' })),
});
const SeedSource = Discriminated('seed_type', [LocalSeedSource, DirectorySeedSource, FileContentsSeedSource]);
const UNSUPPORTED_SEED_TYPES = ['hf', 'df', 'agent_rollout'];
const IndexRange = Strict({ start: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0 }), end: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0 }) });
const PartitionBlock = Strict({
    index: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, default: 0 })),
    num_partitions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 1 }),
});
const SelectionStrategy = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([IndexRange, PartitionBlock]);
const SamplingStrategy = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('ordered'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('shuffle')], { default: 'ordered' });
const SeedConfig = Strict({
    source: SeedSource,
    sampling_strategy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(SamplingStrategy),
    selection_strategy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(SelectionStrategy, { default: null })),
});
// ---------------------------------------------------------------------------------------------------
// Models and providers
const UniformDistribution = Strict({
    distribution_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('uniform')),
    params: Strict({ low: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), high: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number() }),
});
const ManualDistribution = Strict({
    distribution_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('manual'),
    params: Strict({ values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number(), { minItems: 1 }), weights: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0 })), { default: null })) }),
});
const Distribution = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([UniformDistribution, ManualDistribution]);
const commonInference = () => ({
    max_parallel_requests: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 4 })),
    timeout: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1 }), { default: null, description: 'Seconds; the client default is 60.' })),
    extra_body: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(JsonObject, { default: null })),
});
const ChatCompletionInferenceParams = Strict({
    generation_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('chat-completion')),
    ...commonInference(),
    temperature: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 2 }), Distribution]), { default: null })),
    top_p: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1 }), Distribution]), { default: null })),
    max_tokens: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1 }), { default: null })),
});
const EmbeddingInferenceParams = Strict({
    generation_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('embedding')),
    ...commonInference(),
    encoding_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('float'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('base64')], { default: 'float' })),
    dimensions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1 }), { default: null })),
});
/** Data Designer's ImageInferenceParams: model-specific image options go in `extra_body`. */
const ImageInferenceParams = Strict({
    generation_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('image'),
    ...commonInference(),
});
/** `generation_type` may be omitted: embedding when `encoding_format`/`dimensions` appear, else chat-completion. */
const InferenceParameters = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([ChatCompletionInferenceParams, EmbeddingInferenceParams, ImageInferenceParams]);
const ModelConfig = Strict({
    alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    model: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The model id sent to the API.' }),
    provider: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Name of a model provider (built-in: nvidia, openai, openrouter).' }),
    inference_parameters: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(InferenceParameters),
    skip_health_check: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
});
const ENV_VAR_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
const ModelProvider = Strict({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    endpoint: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1.' }),
    provider_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ default: 'openai' })),
    api_key: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The NAME of an environment variable holding the key — never the key itself.' }), { default: null })),
    extra_headers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()), { default: null })),
    extra_body: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(JsonObject, { default: null })),
});
const RequestAdmission = Strict({
    multiplicative_decrease_factor: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.75 })),
    additive_increase_step: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 1 })),
    successes_until_increase: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 25 })),
    cooldown_seconds: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0, default: 2 })),
    startup_ramp_seconds: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, default: 0 })),
});
const RunConfig = Strict({
    disable_early_shutdown: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    shutdown_error_rate: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1, default: 0.5 })),
    shutdown_error_window: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 10 })),
    buffer_size: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 1000, description: 'Records per row group = per parquet batch file.' })),
    max_concurrent_row_groups: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 3 })),
    max_in_flight_tasks: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 1024 })),
    non_inference_max_parallel_workers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 4 })),
    max_conversation_restarts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, default: 5 })),
    max_conversation_correction_steps: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, default: 0 })),
    async_trace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    write_scheduler_events: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    display_tui: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    progress_interval: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0, default: 5 })),
    otel_metrics_port: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, maximum: 65535 }), { default: null })),
    preserve_dropped_columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: true })),
    jinja_rendering_engine: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('secure'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('native')], { default: 'secure' })),
    request_admission: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(RequestAdmission, { default: null })),
    rate_limit_stall_seconds: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({
        exclusiveMinimum: 0,
        default: 600,
        description: 'ddflow extension: when an endpoint has answered nothing but 429s for this long, the stage fails (resumable) instead of retrying forever.',
    })),
});
// ---------------------------------------------------------------------------------------------------
// The Data Designer config (one stage) and the workflow file
const DataDesignerConfig = Strict({
    columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ColumnConfig, { description: 'May be empty only in a seeded stage with processors.' }),
    model_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelConfig), { default: null })),
    tool_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(JsonObject), { default: null })),
    seed_config: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(SeedConfig, { default: null })),
    constraints: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(Constraint), { default: null })),
    profilers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(JsonObject), { default: null })),
    processors: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ProcessorConfig), { default: null })),
});
/** The form Data Designer writes (`builder.write_config`): the config wrapped with its library version. */
const BuilderConfig = Strict({
    data_designer: DataDesignerConfig,
    library_version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: null })),
});
/** A processor-only stage may omit `columns` altogether (ddflow-spec §6). */
const InlineStageConfig = Strict({ ...DataDesignerConfig.properties, columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(DataDesignerConfig.properties.columns) });
/**
 * One safe path segment: no separators or characters Windows refuses, no control characters (NUL
 * included), no bidirectional-text controls (U+200E/F, U+202A–U+202E, U+2066–U+2069: they make a name
 * display as something else in logs and reviews), not `.` or `..`. At most STAGE_NAME_MAX_LENGTH long.
 */
const STAGE_NAME_PATTERN = '^(?!\\.{1,2}$)[^/\\\\:*?"<>|\\u0000-\\u001f\\u007f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+$';
const STAGE_NAME_MAX_LENGTH = 100;
/** The most records one stage may request (`num_records`, `--num-records`). */
const MAX_NUM_RECORDS = 100_000_000;
const WORKFLOW_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const OnSuccess = Strict({
    run: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Run with `sh -c` in the workflow file directory, with DDFLOW_STAGE_DIR and DDFLOW_OUTPUT_DIR set.' }),
    // The version names the directory callback-outputs/<version>/ that is emptied before the command runs,
    // so it must be one safe path segment, like a stage name.
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'Resume identity of the command (a safe directory name: callback-outputs/<version>/); without it the stage output is never reused.' })),
});
const Stage = Strict({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'Unique; a safe directory name (at most 100 characters, no control or bidirectional-text characters).' }),
    config: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([InlineStageConfig, BuilderConfig, _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Path to a .yaml/.yml/.json Data Designer config.' })]),
    num_records: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, maximum: MAX_NUM_RECORDS, description: "Default: the previous stage's output row count; first stage: 10. At most 100,000,000." })),
    output_processors: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ProcessorConfig)),
    output: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^(final|processor:.+)$', default: 'final' })),
    on_success: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(OnSuccess),
    allow_empty: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    sampling_strategy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(SamplingStrategy),
    selection_strategy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(SelectionStrategy, { default: null })),
});
const Workflow = Strict({
    $schema: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: WORKFLOW_NAME_PATTERN, description: 'Durable identity: artifact directory, cache keys.' }),
    seed: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Makes samplers, shuffles and temperature draws reproducible (ddflow extension).' })),
    artifact_path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, default: 'artifacts' })),
    model_providers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelProvider)),
    model_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelConfig)),
    run_config: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(RunConfig),
    stages: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(Stage, { minItems: 1 }),
}, { $id: SCHEMA_ID, title: 'ddflow workflow', description: 'A chained NeMo Data Designer workflow run by ddflow.' });
/**
 * Shared definitions hoisted into `$defs` of the published document. TypeBox inlines every reuse, which
 * would make the file half a megabyte; because a reused definition is the same JS object, replacing it by
 * identity with a `$ref` keeps the file small and readable for editors.
 */
const NAMED_DEFINITIONS = {
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
function publishedSchema() {
    const names = new Map(Object.entries(NAMED_DEFINITIONS).map(([name, schema]) => [schema, name]));
    const copy = (node, self) => {
        if (node !== self && names.has(node))
            return { $ref: `#/$defs/${names.get(node)}` };
        if (Array.isArray(node))
            return node.map((n) => copy(n));
        if (node && typeof node === 'object') {
            // Object.entries skips TypeBox's symbol-keyed metadata, as JSON.stringify would.
            return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v)]));
        }
        return node;
    };
    const $defs = Object.fromEntries(Object.entries(NAMED_DEFINITIONS).map(([name, schema]) => [name, copy(schema, schema)]));
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...copy(Workflow, Workflow), $defs };
}


/***/ }),

/***/ 94851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FZ: () => (/* binding */ registerNodeLocation),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   Zq: () => (/* binding */ DdflowError),
/* harmony export */   xy: () => (/* binding */ formatDiagnostic),
/* harmony export */   yI: () => (/* binding */ ValidationError)
/* harmony export */ });
/* unused harmony export nodeLocation */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * One place where user-facing problems are described and formatted.
 *
 * A Diagnostic points at a node of a file the user wrote (file, 1-based line and column) so that the
 * CLI prints `path:line:col: message` and the Action turns it into an annotation at the same place.
 */

/**
 * Prints a path relative to the current directory (ddflow-spec §6: "as given or relative to the current
 * directory"), `..` included: `../conf/stage.yaml`. Only when the file shares nothing with the current
 * directory but the filesystem root (or another drive) is it printed absolute, as the user must have
 * given it then.
 */
function displayPath(file, cwd = process.cwd()) {
    if (!node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(file))
        return file;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(cwd, file);
    if (rel === '')
        return '.';
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(rel))
        return file;
    const up = rel.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).findIndex((seg) => seg !== '..');
    const climbs = up === -1 ? rel.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).length : up;
    const depth = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).filter(Boolean).length;
    // Climbing every level of cwd means the only common ancestor is the root.
    return climbs >= depth && depth > 0 ? file : rel;
}
function formatDiagnostic(d, cwd) {
    const prefix = d.severity === 'warning' ? 'warning: ' : '';
    if (!d.location)
        return `${prefix}${d.message}`;
    const { file, line, col } = d.location;
    return `${displayPath(file, cwd)}:${line}:${col}: ${prefix}${d.message}`;
}
/**
 * Where the nodes of a loaded workflow came from: the loader registers each config object (a column, a
 * processor) it hands to the engine, so an error the engine finds at run time in that object — a column
 * a template names that the data does not have — can point at the node (`node` of DdflowError).
 */
const NODE_LOCATIONS = new WeakMap();
function registerNodeLocation(node, locate) {
    NODE_LOCATIONS.set(node, locate);
}
/** The location of a registered config object (of one of its fields when it has that field), if known. */
function nodeLocation(node, field) {
    try {
        return NODE_LOCATIONS.get(node)?.(field);
    }
    catch {
        return undefined;
    }
}
/**
 * An error the user can act on: printed as one sentence (plus location), never with a stack trace
 * unless --debug. Anything that is not a DdflowError reaching the top level is a bug in ddflow.
 * `node`: the config object (and field) the error belongs to, located through registerNodeLocation.
 */
class DdflowError extends Error {
    diagnostics;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DdflowError';
        const location = options.location ?? (options.node ? nodeLocation(options.node.of, options.node.field) : undefined);
        this.diagnostics = options.diagnostics ?? [{ severity: 'error', message, location }];
    }
}
/** Thrown when a workflow file (or a config it names) fails validation; carries every diagnostic found. */
class ValidationError extends DdflowError {
    constructor(diagnostics) {
        const errors = diagnostics.filter((d) => d.severity === 'error');
        super(`The workflow has ${errors.length} validation error${errors.length === 1 ? '' : 's'}.`, { diagnostics });
        this.name = 'ValidationError';
    }
}


/***/ }),

/***/ 64480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ partialStageCachePrefix),
/* harmony export */   KK: () => (/* binding */ stageCacheKey),
/* harmony export */   PX: () => (/* binding */ partialStageCacheKey)
/* harmony export */ });
/**
 * Names of stage entries in a cache store (spec §4.2). The runner restores and saves by these names; the
 * Action's post step saves interrupted stages under the partial form, which the next run restores by prefix.
 */
/** The key of a completed stage: `<prefix>-<workflow>-<stage>-<fingerprint>`. */
function stageCacheKey(prefix, workflow, stage, fingerprint) {
    return `${prefix}-${workflow}-${stage}-${fingerprint}`;
}
/**
 * The restore prefix of partial entries (completed row groups of an interrupted stage). Cache services
 * prefix-match the primary key too, so a partial key must NOT begin with the stage's full key (or a
 * restore of the full key could bring back a partial stage): `partial` goes before the fingerprint.
 */
function partialStageCachePrefix(prefix, workflow, stage, fingerprint) {
    return `${prefix}-${workflow}-${stage}-partial-${fingerprint}-`;
}
/** A run-specific key for a partial stage; the newest one is what the next run restores by prefix. */
function partialStageCacheKey(prefix, workflow, stage, fingerprint, run) {
    return `${partialStageCachePrefix(prefix, workflow, stage, fingerprint)}${run.id || 'local'}-${run.attempt || '1'}`;
}


/***/ })

};
