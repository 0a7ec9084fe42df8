export const id = 661;
export const ids = [661];
export const modules = {

/***/ 95488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ columnsOfType)
/* harmony export */ });
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The config's columns of `columnType`, each with its index in `columns` (none when the shape is off). */
function columnsOfType(config, columnType) {
    if (!isObj(config) || !Array.isArray(config.columns))
        return [];
    return config.columns.flatMap((col, i) => (isObj(col) && col.column_type === columnType ? [[col, i]] : []));
}


/***/ }),

/***/ 31954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ withSchemaDefaults),
/* harmony export */   g: () => (/* binding */ runConfigWithDefaults)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67894);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);
/**
 * Defaults come from the schema's `default:` annotations (src/config/schema.ts) and nowhere else;
 * this turns them into values for code that builds configs without going through the loader.
 */


function runConfigWithDefaults(given = {}) {
    return _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__/* .Default */ .y(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .RunConfig */ .gX, structuredClone(given));
}
/**
 * `given` with every field its schema gives a default for filled in (nested objects too) — for code that
 * reads a part of a config built without the loader, so that no module keeps a copy of a default.
 */
function withSchemaDefaults(schema, given) {
    return _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__/* .Default */ .y(schema, structuredClone(given ?? {}));
}


/***/ }),

/***/ 64626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ modelAliasesOf)
/* harmony export */ });
/**
 * The model aliases a stage's columns name: `model_alias` of LLM, embedding and image columns, and the
 * `model_aliases` a custom column's function declares (custom_column_metadata). One walker, used for the
 * model configs a stage needs (keys checked before it runs) and for its fingerprint.
 */
function modelAliasesOf(columns) {
    const out = new Set();
    const visit = (node) => {
        if (Array.isArray(node))
            node.forEach(visit);
        else if (node && typeof node === 'object') {
            for (const [k, v] of Object.entries(node)) {
                if (k === 'model_alias' && typeof v === 'string')
                    out.add(v);
                else if (k === 'model_aliases' && Array.isArray(v))
                    for (const a of v)
                        typeof a === 'string' && out.add(a);
                else
                    visit(v);
            }
        }
    };
    visit(columns);
    return [...out];
}


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ ChatCompletionInferenceParams),
/* harmony export */   LH: () => (/* binding */ FileContentsSeedSource),
/* harmony export */   MA: () => (/* binding */ PROVIDER_TYPES),
/* harmony export */   Oc: () => (/* binding */ STAGE_NAME_PATTERN),
/* harmony export */   Or: () => (/* binding */ MAX_FILE_NAME_BYTES),
/* harmony export */   RM: () => (/* binding */ RemoteValidatorParams),
/* harmony export */   RO: () => (/* binding */ COLUMN_TYPES),
/* harmony export */   RR: () => (/* binding */ MAX_NUM_RECORDS),
/* harmony export */   T0: () => (/* binding */ RequestAdmission),
/* harmony export */   Zt: () => (/* binding */ ValidationBatchSize),
/* harmony export */   em: () => (/* binding */ PERSON_LOCALES),
/* harmony export */   g$: () => (/* binding */ DirectorySeedSource),
/* harmony export */   gX: () => (/* binding */ RunConfig),
/* harmony export */   l_: () => (/* binding */ SamplingStrategy),
/* harmony export */   sk: () => (/* binding */ publishedSchema),
/* harmony export */   uz: () => (/* binding */ UNSUPPORTED_SEED_TYPES),
/* harmony export */   v1: () => (/* binding */ UNSUPPORTED_COLUMN_TYPES)
/* harmony export */ });
/* unused harmony exports SCHEMA_ID, CategoryParams, SubcategoryParams, UniformParams, GaussianParams, PoissonParams, BinomialParams, BernoulliParams, BernoulliMixtureParams, ScipyParams, DatetimeParams, TimedeltaParams, UuidParams, PersonParams, PersonFromFakerParams, SAMPLER_PARAMS, SAMPLER_TYPES, SkipConfig, SamplerColumn, MultiModalContext, CODE_LANGS, LLMTextColumn, LLMCodeColumn, LLMStructuredColumn, JudgeScore, LLMJudgeColumn, EXPRESSION_DTYPES, ExpressionColumn, CodeValidatorParams, LocalCallableValidatorParams, ValidationColumn, SeedDatasetColumn, EmbeddingColumn, CustomColumnMetadata, CUSTOM_GENERATION_STRATEGIES, CustomColumn, ImageColumn, ColumnConfig, STAGE_NAME_MAX_LENGTH, DropColumnsProcessor, SchemaTransformProcessor, SqlProcessor, ProcessorConfig, ScalarInequalityConstraint, ColumnInequalityConstraint, Constraint, LocalSeedSource, HuggingFaceSeedSource, AgentRolloutSeedSource, SeedSource, IndexRange, PartitionBlock, SelectionStrategy, SeedConfig, UniformDistribution, ManualDistribution, Distribution, EmbeddingInferenceParams, ImageInferenceParams, InferenceParameters, ModelPricing, ModelConfig, ENV_VAR_NAME, ModelProvider, ToolConfig, McpProvider, DataDesignerConfig, BuilderConfig, InlineStageConfig, WORKFLOW_NAME_PATTERN, OnSuccess, FunctionBinding, Stage, Workflow */
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

/** Where the published file is served: the raw file of the repository the Action is published from, at a tag (placeholder owner until published; see src/config/schema-editor.ts). */
const SCHEMA_ID = 'https://raw.githubusercontent.com/YOUR-ORG/ddflow/v1/schema/ddflow.schema.json';
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
const PERSON_LOCALES = ['en_US', 'en_IN', 'en_SG', 'fr_FR', 'hi_Deva_IN', 'hi_Latn_IN', 'ja_JP', 'ko_KR', 'pt_BR'];
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
    audio_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('mp3'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('wav')]), { default: null })),
    video_format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('mp4'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('mov'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('webm')]), { default: null })),
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
const LocalCallableValidatorParams = Strict({
    validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('local_callable')),
    validation_function: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "The function's name, as Data Designer writes it; the workflow's `functions:` binds it to code." }),
    output_schema: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(JsonObject, { default: null, description: 'JSON Schema each result must match.' })),
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
    Strict({ ...validationFields(), validator_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('local_callable'), validator_params: LocalCallableValidatorParams }),
], { properties: { column_type: Tag('validation') }, required: ['column_type'] });
const SeedDatasetColumn = Strict({ column_type: Tag('seed-dataset'), ...columnFields() });
const EmbeddingColumn = Strict({
    column_type: Tag('embedding'),
    ...columnFields(),
    target_column: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    model_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
});
/** What a custom column's function reads and writes (Data Designer's `@custom_column_generator` arguments). */
const CustomColumnMetadata = Strict({
    required_columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { default: [], description: 'Columns that must exist before the function runs (dependency order).' })),
    side_effect_columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { default: [], description: 'Further columns the function adds to each row.' })),
    model_aliases: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { default: [], description: 'Model aliases the function may call through its `models` argument.' })),
}, { description: "ddflow fills this from the function's binding (`functions:` in the workflow); written here it is used as is." });
const CUSTOM_GENERATION_STRATEGIES = ['cell_by_cell', 'full_column'];
const CustomColumn = Strict({
    column_type: Tag('custom'),
    ...columnFields(),
    generator_function: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "The function's name, as Data Designer writes it; the workflow's `functions:` binds it to code." }),
    generation_strategy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union(CUSTOM_GENERATION_STRATEGIES.map((s) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(s)), { default: 'cell_by_cell', description: 'cell_by_cell: one call per row; full_column: one call per row group with all its rows.' })),
    generator_params: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(JsonObject, { default: null, description: 'Passed to the function as its second argument.' })),
    custom_column_metadata: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(CustomColumnMetadata),
});
/** Data Designer's ImageColumnConfig: images from a `generation_type: image` model, stored as files. */
const ImageColumn = Strict({
    column_type: Tag('image'),
    ...columnFields(),
    prompt: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Jinja2 template of the image prompt.' }),
    model_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'A model config with inference_parameters.generation_type: image.' }),
    multi_modal_context: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(MultiModalContext), { default: null, description: 'Images sent with the prompt (chat-completion image models; diffusion routes ignore them).' })),
});
/** Column types Data Designer has and ddflow deliberately does not run (a clear error, not a schema miss). */
const UNSUPPORTED_COLUMN_TYPES = [];
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
    CustomColumn,
    ImageColumn,
]);
const COLUMN_TYPES = ['sampler', 'llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'expression', 'validation', 'seed-dataset', 'embedding', 'custom', 'image'];
// ---------------------------------------------------------------------------------------------------
// Processors, constraints, seeds
/**
 * One safe path segment: no separators or characters Windows refuses, no control characters (NUL
 * included), no bidirectional-text controls (U+200E/F, U+202A–U+202E, U+2066–U+2069: they make a name
 * display as something else in logs and reviews), not `.` or `..`. At most STAGE_NAME_MAX_LENGTH long.
 */
const STAGE_NAME_PATTERN = '^(?!\\.{1,2}$)[^/\\\\:*?"<>|\\u0000-\\u001f\\u007f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+$';
const STAGE_NAME_MAX_LENGTH = 100;
/** What ext4 and most file systems allow one path segment, in bytes (100 characters of CJK text are 300). */
const MAX_FILE_NAME_BYTES = 255;
/** A processor writes processors-files/<name>/: its name is one safe path segment, like a stage name. */
const ProcessorName = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'A safe directory name (processors-files/<name>/), at most 100 characters.' });
const DropColumnsProcessor = Strict({
    processor_type: Tag('drop_columns'),
    name: ProcessorName,
    column_names: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { minItems: 1, description: 'Names or fnmatch globs (`sub*`).' }),
});
const SchemaTransformProcessor = Strict({
    processor_type: Tag('schema_transform'),
    name: ProcessorName,
    template: JsonObject,
});
const SqlProcessor = Strict({
    processor_type: Tag('sql'),
    name: ProcessorName,
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
/** Data Designer's HuggingFaceSeedSource (config/seed_source.py): read through the Hub's HTTP API (src/data/hf-hub.ts). */
const HuggingFaceSeedSource = Strict({
    seed_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('hf'),
    path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'datasets/<org>/<dataset>[@<revision>]/<file or glob>, e.g. datasets/my-org/my-dataset/data/*.parquet.' }),
    token: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Null()], { description: 'Name of the environment variable holding a Hugging Face token (HF_TOKEN is used when null).' })),
    endpoint: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The Hub endpoint (default: HF_ENDPOINT, else https://huggingface.co).' })),
});
/**
 * Data Designer's AgentRolloutSeedSource (config/seed_source.py; AgentRolloutFormat for `format`): one row
 * per agent trace file, parsed by src/data/agent-rollout/; defaults per format in src/shared/agent-rollout-files.ts.
 */
const AgentRolloutSeedSource = Strict({
    seed_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('agent_rollout'),
    format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('atif'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('claude_code'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('codex'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('hermes_agent'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('pi_coding_agent')], { description: 'Built-in agent rollout format to use for parsing trace files.' }),
    path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
        default: null,
        description: 'Directory of trace files (`~` is the home directory; relative paths resolve against the workflow file). Required for atif; when null: claude_code ~/.claude/projects, codex ~/.codex/sessions, hermes_agent ~/.hermes/sessions, pi_coding_agent ~/.pi/agent/sessions.',
    })),
    file_pattern: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { default: null, description: "File name pattern; when null: atif '*.json', hermes_agent '*.json*', the others '*.jsonl'." })),
    recursive: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: true })),
});
const SeedSource = Discriminated('seed_type', [LocalSeedSource, DirectorySeedSource, FileContentsSeedSource, HuggingFaceSeedSource, AgentRolloutSeedSource]);
const UNSUPPORTED_SEED_TYPES = ['df'];
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
/** ddflow extension (not in Data Designer): this model's calls go through the provider's batch API. */
const batchInference = () => ({
    batch: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({
        default: false,
        description: "ddflow extension: send this model's calls as provider batches (OpenAI-compatible /v1/files + /v1/batches) instead of one by one; the run ends 'pending' and a later run collects the answers. Not part of the fingerprint.",
    })),
});
const ChatCompletionInferenceParams = Strict({
    generation_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('chat-completion')),
    ...commonInference(),
    ...batchInference(),
    temperature: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 2 }), Distribution]), { default: null })),
    top_p: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, maximum: 1 }), Distribution]), { default: null })),
    max_tokens: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1 }), { default: null })),
});
const EmbeddingInferenceParams = Strict({
    generation_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('embedding')),
    ...commonInference(),
    ...batchInference(),
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
/** ddflow extension (issue 17): what a model's tokens cost, versioned with the workflow file. */
const ModelPricing = Strict({
    input_per_million: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, description: 'Price of one million prompt (input) tokens.' }),
    output_per_million: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ minimum: 0, description: 'Price of one million completion (output) tokens.' }),
    currency: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('USD', { default: 'USD', description: 'Only USD: budgets (max_cost_usd) and the cost-usd output are in US dollars.' })),
}, { description: 'ddflow extension: token prices; a cost the provider reports in `usage` (OpenRouter) takes precedence. Not in the fingerprint.' });
const ModelConfig = Strict({
    alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    model: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The model id sent to the API.' }),
    provider: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Name of a model provider (built-in: nvidia, openai, openrouter).' }),
    inference_parameters: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(InferenceParameters),
    skip_health_check: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({ default: false })),
    pricing: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(ModelPricing, { default: null, description: 'ddflow extension: US dollars per million prompt and completion tokens; a cost the provider reports wins. Not part of the fingerprint.' })),
});
const ENV_VAR_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
/** Data Designer's provider types (engine/models/clients/factory.py): OpenAI-compatible, or Anthropic's native API. */
const PROVIDER_TYPES = ['openai', 'anthropic'];
const ModelProvider = Strict({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
    endpoint: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1.' }),
    provider_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ default: 'openai', description: "'openai' for any OpenAI-compatible API (OpenAI, NVIDIA, OpenRouter, vLLM, Ollama...), 'anthropic' for Anthropic's native Messages API." })),
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
    buffer_size: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, maximum: 1_000_000, default: 1000, description: 'Records per row group = per parquet batch file (at most 1,000,000: a row group is held in memory while it is generated).' })),
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
    max_cost_usd: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0, description: 'ddflow extension: the run stops sending model requests before its spend (plus what is in flight) would pass this many US dollars; the stage stays resumable. --max-cost overrides it.' }), { default: null, description: 'ddflow extension: a hard budget in US dollars for the run (needs a price for every model); --max-cost overrides it.' })),
    max_total_tokens: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, description: 'ddflow extension: as max_cost_usd, for prompt + completion tokens of the run. --max-tokens overrides it.' }), { default: null, description: 'ddflow extension: stop sending model requests before the run spends more than this many tokens (prompt + completion); --max-tokens overrides it.' })),
});
// ---------------------------------------------------------------------------------------------------
// MCP tool use (Data Designer's config/mcp.py): providers at the workflow level, tool configs in a stage
/** A stage's permission for its LLM columns to call tools (Data Designer's ToolConfig). */
const ToolConfig = Strict({
    tool_alias: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Name the columns use (`tool_alias:`) to call these tools.' }),
    providers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { minItems: 1, description: 'Names of the workflow\'s mcp_providers whose tools are offered.' }),
    allow_tools: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 })), { default: null, description: 'Only these tools are offered and may be called. Default: every tool of the providers.' })),
    max_tool_call_turns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 1, default: 5, description: 'Turns in which the model may request tools; later requests are refused with a message asking for the final answer.' })),
    timeout_sec: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Number({ exclusiveMinimum: 0 }), { default: null, description: 'Seconds a tool listing or a turn of tool calls may take. Default: no limit.' })),
});
function mcpProviderFields() {
    return {
        name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Unique; tool configs name it in `providers`.' }),
        version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "ddflow extension: resume identity of the server's tools. It enters the fingerprint of the stages that use them; without it those stages are never reused (the tools' answers can change)." })),
    };
}
/** Data Designer's MCPProvider (sse, streamable_http) and LocalStdioMCPProvider (stdio). */
const McpProvider = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([
    Strict({
        provider_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('stdio'),
        ...mcpProviderFields(),
        command: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Executable started in the workflow directory; it speaks MCP on stdin/stdout.' }),
        args: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: [], description: 'Arguments of the command.' })),
        env: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { default: {}, description: 'Variables for the server, over a minimal default environment (PATH, HOME, ...): it does not inherit ddflow\'s.' })),
        pass_env: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), { description: "ddflow extension: names of ddflow's environment variables (secrets) passed on to the server; their values are not in the fingerprint." })),
    }),
    Strict({
        provider_type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('sse'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('streamable_http')], { default: 'sse' })),
        ...mcpProviderFields(),
        endpoint: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'URL of the server (SSE: its /sse endpoint; streamable HTTP: its /mcp endpoint).' }),
        api_key: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'The NAME of an environment variable holding the key (sent as a bearer token) — never the key itself.' }), { default: null })),
    }),
], { description: 'An MCP server whose tools LLM columns may call (Data Designer shapes: stdio, sse, streamable_http).' });
// ---------------------------------------------------------------------------------------------------
// The Data Designer config (one stage) and the workflow file
const DataDesignerConfig = Strict({
    columns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ColumnConfig, { description: 'May be empty only in a seeded stage with processors.' }),
    model_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelConfig), { default: null })),
    tool_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Nullable(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ToolConfig), { default: null })),
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
/** The most records one stage may request (`num_records`, `--num-records`). */
const MAX_NUM_RECORDS = 100_000_000;
const WORKFLOW_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const OnSuccess = Strict({
    run: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Run with `sh -c` in the workflow file directory, with DDFLOW_STAGE_DIR and DDFLOW_OUTPUT_DIR set.' }),
    // The version names the directory callback-outputs/<version>/ that is emptied before the command runs,
    // so it must be one safe path segment, like a stage name.
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, maxLength: STAGE_NAME_MAX_LENGTH, pattern: STAGE_NAME_PATTERN, description: 'Resume identity of the command (a safe directory name: callback-outputs/<version>/); without it the stage output is never reused.' })),
});
/**
 * Code bound to a function name Data Designer wrote (`generator_function`, `validation_function`): a
 * JavaScript module run in-process, or a command of any language kept alive for the stage (JSON lines).
 */
const bindingColumns = (description) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), { description }));
// No defaults here: a field left out lets the module function's own custom_column_metadata speak.
const functionBindingFields = () => ({
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "Resume identity of the code: it enters the fingerprint of the stages that use the function; without it those stages are never reused." })),
    required_columns: bindingColumns('Columns that must exist before the function runs (dependency order).'),
    side_effect_columns: bindingColumns('Further columns the function adds to each row.'),
    model_aliases: bindingColumns('Model aliases the function may call through its `models` argument.'),
});
const FunctionBinding = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([
    Strict({
        module: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'Path (relative to the workflow file) of a JavaScript module (.mjs, .js, .cjs) exporting the function.' }),
        export: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: "The export to call (default: the function's name, else the default export)." })),
        ...functionBindingFields(),
    }),
    Strict({
        run: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'A command run with `sh -c` in the workflow directory, once per stage: JSON lines of requests on stdin, one JSON line per answer on stdout.' }),
        ...functionBindingFields(),
    }),
], { description: 'Where the code of a function named in a stage config lives.' });
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
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: WORKFLOW_NAME_PATTERN, maxLength: STAGE_NAME_MAX_LENGTH, description: 'Durable identity: artifact directory, cache keys (at most 100 characters).' }),
    seed: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Makes samplers, shuffles and temperature draws reproducible (ddflow extension).' })),
    artifact_path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, default: 'artifacts' })),
    model_providers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelProvider)),
    model_configs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ModelConfig)),
    run_config: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(RunConfig),
    mcp_providers: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(McpProvider, { description: "MCP servers whose tools the stages' tool_configs offer to LLM columns." })),
    functions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), FunctionBinding, { description: 'Code for the custom columns and local_callable validators of the stages, by function name (ddflow extension).' })),
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

/***/ 48691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ typedScoreOptionsOf),
/* harmony export */   ZY: () => (/* binding */ applyTypedScoreOptions),
/* harmony export */   br: () => (/* binding */ scoreOptionEntriesOf)
/* harmony export */ });
/* unused harmony exports readScoreOptionNode, attachScoreOptionEntries */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _config_columns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95488);
/**
 * Judge score options keep the key types and the order the workflow file gives them.
 *
 * Data Designer's `Score.options` is `dict[int | str, str]`: `{1: Poor, 2: Good}` (unquoted keys) is an
 * int-keyed dict, so the judge's response enum is `[1, 2]` and the stored score is an integer; quoted keys
 * (`'1': Poor`, which is what `write_config` writes) and every key of a JSON file stay strings. Python
 * dicts also keep the written order, which reaches the model (the enum and the `* key: description`
 * lines). A JS object has only string keys and iterates integer-like keys in ascending order, so the
 * loader reads the keys from the parsed YAML/JSON node and hangs the typed, ordered entries on the
 * options object, invisibly: the object itself stays Data Designer's JSON form (string keys), which is
 * what `builder_config.json` and the config hash must hold.
 *
 * A number key must be an integer (pydantic accepts 1.0 as 1 and rejects 1.5, .inf).
 */


const TYPED = Symbol.for('ddflow.scoreOptions.typedEntries');
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The entries of an options mapping node, typed as written; undefined when it is not a plain mapping. */
function readScoreOptionNode(node, options) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    const entries = [];
    const problems = [];
    for (const pair of node.items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair) || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
            return undefined;
        const raw = pair.key.value;
        const jsKey = String(raw);
        if (!(jsKey in options) || typeof options[jsKey] !== 'string')
            return undefined;
        const description = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : options[jsKey];
        if (typeof raw === 'number') {
            if (!Number.isFinite(raw) || !Number.isInteger(raw)) {
                problems.push({
                    key: jsKey,
                    message: `score option key ${pair.key.source ?? jsKey} must be an integer or a string (Data Designer's options are dict[int | str, str]); quote it to use it as a string`,
                });
                continue;
            }
            entries.push([raw, description]);
        }
        else {
            entries.push([jsKey, description]);
        }
    }
    return { entries, problems };
}
/** Records `entries` on `options` when they differ from what the object alone says (types or order). */
function attachScoreOptionEntries(options, entries) {
    const plain = Object.entries(options);
    const same = plain.length === entries.length && entries.every(([k, d], i) => plain[i][0] === k && plain[i][1] === d);
    if (same)
        return;
    Object.defineProperty(options, TYPED, { value: entries, enumerable: false, configurable: true, writable: false });
}
/** The options as Data Designer holds them: typed, in written order (falls back to the object's entries). */
function scoreOptionEntriesOf(options) {
    if (Array.isArray(options))
        return options;
    const typed = options[TYPED];
    return typed ?? Object.entries(options);
}
/**
 * For the stage fingerprint: per judge column and score, the typed entries wherever they differ from the
 * plain object (undefined when none do, so configs with plain string keys keep their fingerprint). The
 * output differs between `1:` and `'1':` (3 vs "3"), so the fingerprint must too.
 */
function typedScoreOptionsOf(config) {
    if (!isObj(config) || !Array.isArray(config.columns))
        return undefined;
    const out = {};
    for (const col of config.columns) {
        if (!isObj(col) || col.column_type !== 'llm-judge' || !Array.isArray(col.scores))
            continue;
        col.scores.forEach((score, j) => {
            if (!isObj(score) || !isObj(score.options))
                return;
            const typed = score.options[TYPED];
            if (typed)
                out[`${String(col.name)}/${j}`] = typed;
        });
    }
    return Object.keys(out).length ? out : undefined;
}
/**
 * Reads the typed keys of every judge score of a loaded config from its parsed nodes (`nodeAt` gives the
 * node of a config-relative path) and reports keys Data Designer would reject.
 */
function applyTypedScoreOptions(config, nodeAt, report) {
    for (const [col, i] of (0,_config_columns_js__WEBPACK_IMPORTED_MODULE_1__/* .columnsOfType */ .R)(config, 'llm-judge')) {
        if (!Array.isArray(col.scores))
            continue;
        col.scores.forEach((score, j) => {
            if (!isObj(score) || !isObj(score.options))
                return;
            const at = ['columns', i, 'scores', j, 'options'];
            const read = readScoreOptionNode(nodeAt(at), score.options);
            if (!read)
                return;
            for (const p of read.problems)
                report([...at, p.key], p.message);
            if (read.problems.length === 0)
                attachScoreOptionEntries(score.options, read.entries);
        });
    }
}


/***/ }),

/***/ 27531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ sortKeysDeep),
/* harmony export */   FD: () => (/* binding */ tempPathFor),
/* harmony export */   GA: () => (/* binding */ replaceAtomically),
/* harmony export */   ZJ: () => (/* binding */ writeJsonAtomic)
/* harmony export */ });
/* unused harmony exports writeFileAtomic, stringifyJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Atomic file writes: every artifact ddflow writes (metadata, parquet batches, exports) must be either
 * the old content or the new content, never half a file — a run can be cancelled at any moment (CI
 * timeouts, Ctrl-C) and resume reads whatever is on disk. The write goes to a temporary name in the
 * SAME directory (rename is only atomic within one filesystem) and is renamed over the target.
 */



/** A temporary sibling of `filePath`; hidden (leading dot) so globs like `*.parquet` never match it. */
function tempPathFor(filePath) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(filePath);
    const base = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(filePath);
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `.${base}.tmp-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
}
/**
 * Runs `write(tmpPath)` and renames the result onto `filePath`. On failure the temporary file is removed
 * and the target is left untouched. The parent directory is created if needed.
 */
async function replaceAtomically(filePath, write) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(filePath), { recursive: true });
    const tmp = tempPathFor(filePath);
    try {
        await write(tmp);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, filePath);
    }
    catch (err) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
        throw err;
    }
}
async function writeFileAtomic(filePath, data) {
    await replaceAtomically(filePath, async (tmp) => {
        const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(tmp, 'w');
        try {
            await handle.writeFile(data);
            // fsync before rename: otherwise a power loss can leave the renamed file empty on some filesystems.
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    });
}
/** 2-space indented JSON with a trailing newline. */
function stringifyJson(value, options = {}) {
    const v = options.sortKeys ? sortKeysDeep(value) : value;
    return `${JSON.stringify(v, jsonReplacer, 2)}\n`;
}
async function writeJsonAtomic(filePath, value, options = {}) {
    await writeFileAtomic(filePath, stringifyJson(value, options));
}
/** bigint is not JSON-serialisable by default; counts from DuckDB may arrive as bigint. */
function jsonReplacer(_key, v) {
    if (typeof v === 'bigint')
        return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    return v;
}
function sortKeysDeep(value) {
    if (Array.isArray(value))
        return value.map(sortKeysDeep);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        const out = {};
        for (const k of Object.keys(value).sort())
            out[k] = sortKeysDeep(value[k]);
        return out;
    }
    return value;
}


/***/ }),

/***/ 94715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   databasesOpened: () => (/* binding */ databasesOpened),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage),
/* harmony export */   literalList: () => (/* binding */ literalList),
/* harmony export */   openDatabase: () => (/* binding */ openDatabase),
/* harmony export */   openSandboxDatabase: () => (/* binding */ openSandboxDatabase),
/* harmony export */   parseSql: () => (/* binding */ parseSql),
/* harmony export */   quoteIdent: () => (/* binding */ quoteIdent),
/* harmony export */   quoteLiteral: () => (/* binding */ quoteLiteral),
/* harmony export */   rowidSafeName: () => (/* binding */ rowidSafeName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94851);
/* harmony import */ var _duckdb_loader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21293);



let opened = 0;
/** How many databases this process has opened: lets tests hold a run to one DuckDB instance. */
function databasesOpened() {
    return opened;
}
/**
 * A DuckDB instance for SQL a workflow file supplies (the `sql` processor): it can read exactly the
 * files in `readPaths` and the files under `writeDir` (its own empty scratch directory, where results
 * are written), nothing else — no other file, no URL, no extension install or load, no ATTACH — and its
 * configuration is locked, so the SQL cannot turn any of it back on. A separate instance because these
 * settings are per instance and `lock_configuration` cannot be undone: the run's shared database keeps
 * reading seeds and stage files and writing exports wherever ddflow itself needs.
 */
async function openSandboxDatabase(options) {
    const writeDir = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.writeDir);
    const db = await openDatabase({
        ...options,
        path: ':memory:',
        settings: {
            ...options.settings,
            autoinstall_known_extensions: 'false',
            autoload_known_extensions: 'false',
            allow_community_extensions: 'false',
            allow_unsigned_extensions: 'false',
            // Spill files go to the scratch directory (the default, ./.tmp, would be allowed too).
            temp_directory: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(writeDir, 'spill'),
        },
    });
    try {
        await db.run(`SET allowed_paths = ${literalList(options.readPaths.map((p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(p)))}`);
        await db.run(`SET allowed_directories = ${literalList([writeDir + (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)])}`);
        await db.run('SET enable_external_access = false');
        await db.run('SET lock_configuration = true');
    }
    catch (err) {
        db.close();
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`Could not lock down the DuckDB database for workflow SQL: ${errorMessage(err)}`, { cause: err });
    }
    return db;
}
async function openDatabase(options = {}) {
    const duckdb = await (0,_duckdb_loader_js__WEBPACK_IMPORTED_MODULE_2__/* .loadDuckDB */ .GF)(options);
    opened++;
    const dbPath = options.path && options.path !== ':memory:' ? options.path : ':memory:';
    let instance;
    try {
        // DuckDB's external file cache keeps the bytes of every parquet file read in memory: ddflow reads
        // files it has just written (statistics over a 5M-row stage held 360 MB more); the OS caches them anyway.
        instance = await duckdb.DuckDBInstance.create(dbPath, { enable_external_file_cache: 'false', ...options.settings });
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`Could not open the DuckDB database ${dbPath}: ${errorMessage(err)}`, { cause: err });
    }
    const connection = await instance.connect();
    return new DuckDBDatabase(dbPath, duckdb, instance, connection);
}
class DuckDBDatabase {
    path;
    duckdb;
    instance;
    connection;
    ownsInstance;
    converter;
    constructor(path, duckdb, instance, connection, ownsInstance = true) {
        this.path = path;
        this.duckdb = duckdb;
        this.instance = instance;
        this.connection = connection;
        this.ownsInstance = ownsInstance;
        this.converter = makeRowConverter(duckdb);
    }
    async run(sql, params) {
        await this.connection.run(sql, params);
    }
    async all(sql, params) {
        const reader = await this.connection.runAndReadAll(sql, params);
        const rows = reader.convertRowObjects(this.converter);
        parseJsonColumns(rows, jsonColumns(reader.deduplicatedColumnNames(), reader.columnTypes()));
        return rows;
    }
    /** Rows chunk by chunk. No other statement may run on this connection until it returns: DuckDB would end the stream early, silently. */
    async stream(sql, onChunk, params) {
        const result = await this.connection.stream(sql, params);
        const json = jsonColumns(result.deduplicatedColumnNames(), result.columnTypes());
        let total = 0;
        for await (const rows of result.yieldConvertedRowObjects(this.converter)) {
            if (rows.length === 0)
                continue;
            parseJsonColumns(rows, json);
            total += rows.length;
            await onChunk(rows);
        }
        return total;
    }
    async describe(sql) {
        const rows = await this.all(`DESCRIBE ${sql}`);
        return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
    }
    appender(table) {
        return this.connection.createAppender(table);
    }
    async connect() {
        return new DuckDBDatabase(this.path, this.duckdb, this.instance, await this.instance.connect(), false);
    }
    close() {
        this.connection.closeSync();
        if (this.ownsInstance)
            this.instance.closeSync();
    }
}
/**
 * Names of the result's JSON-typed columns. The alias is only present on the result's column types
 * (the per-chunk vector types lose it), so JSON parsing happens per column after conversion.
 */
function jsonColumns(names, types) {
    return names.filter((_, i) => types[i]?.alias === 'JSON');
}
/** JSON-typed columns hold nested LLM output: hand it back as objects/arrays, not as JSON text. */
function parseJsonColumns(rows, columns) {
    if (columns.length === 0)
        return;
    for (const row of rows) {
        for (const c of columns) {
            const v = row[c];
            if (typeof v === 'string') {
                try {
                    row[c] = JSON.parse(v);
                }
                catch {
                    /* not valid JSON after all: keep the text */
                }
            }
        }
    }
}
/**
 * DuckDB values → plain JS: BIGINT becomes a number when it fits (counts, ids), timestamps/dates stay
 * Date objects, everything else as the JS converter of @duckdb/node-api makes it.
 */
function makeRowConverter(duckdb) {
    const { DuckDBTypeId, JSDuckDBValueConverter, createDuckDBValueConverter } = duckdb;
    const bigToNumber = (value) => {
        const b = value;
        const n = Number(b);
        return Number.isSafeInteger(n) ? n : b;
    };
    const byId = {};
    for (const id of Object.values(DuckDBTypeId)) {
        if (typeof id === 'number')
            byId[id] = (v, t, c) => JSDuckDBValueConverter(v, t, c);
    }
    for (const id of [DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]) {
        byId[id] = bigToNumber;
    }
    // A time of day or an interval has no JS type: its text (`10:30:00`, `1 day 02:00:00`), as Python's
    // str() prints it, not the microseconds the JS converter gives (which would be written as a number).
    for (const id of [DuckDBTypeId.TIME, DuckDBTypeId.TIME_TZ, DuckDBTypeId.INTERVAL]) {
        byId[id] = (value) => (value === null || value === undefined ? null : String(value));
    }
    return createDuckDBValueConverter(byId);
}
/**
 * The name a column gets in a table ddflow reads by DuckDB's `rowid`: its own, but for one called rowid
 * (in any case), which would hide that row id — renamed in the table, selected back under its own name.
 */
function rowidSafeName(name) {
    return name.toLowerCase() === 'rowid' ? `${name}\u0001ddflow` : name;
}
/** `"name"` with embedded quotes doubled: safe for any user-supplied column or table name. */
function quoteIdent(name) {
    if (name.includes('\0'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`The name ${JSON.stringify(name)} contains a NUL character.`);
    return `"${name.replaceAll('"', '""')}"`;
}
/** `'text'` with embedded quotes doubled: for paths and other user strings placed inside SQL. */
function quoteLiteral(value) {
    if (value.includes('\0'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`The value ${JSON.stringify(value)} contains a NUL character.`);
    return `'${value.replaceAll("'", "''")}'`;
}
/** `['a', 'b']`: a DuckDB list literal of strings (file lists for read_parquet). */
function literalList(values) {
    return `[${values.map(quoteLiteral).join(', ')}]`;
}
function errorMessage(err) {
    const m = err instanceof Error ? err.message : String(err);
    return m.split('\n')[0] ?? m;
}
/**
 * Parses SQL with DuckDB's own parser — nothing is bound or executed — and returns the number of
 * statements, or the first line of the parser's message (without the binding's prefix).
 */
async function parseSql(db, sql) {
    try {
        return { statements: (await db.connection.extractStatements(sql)).count };
    }
    catch (err) {
        return { error: errorMessage(err).replace(/^Failed to extract statements: /, '').split('\n')[0].trim() };
    }
}


/***/ }),

/***/ 99724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   asDatasetQuery: () => (/* binding */ asDatasetQuery),
/* harmony export */   batchFileName: () => (/* binding */ batchFileName),
/* harmony export */   columnsOf: () => (/* binding */ columnsOf),
/* harmony export */   countRows: () => (/* binding */ countRows),
/* harmony export */   datasetSchema: () => (/* binding */ datasetSchema),
/* harmony export */   exportDataset: () => (/* binding */ exportDataset),
/* harmony export */   exportFormatOf: () => (/* binding */ exportFormatOf),
/* harmony export */   fileList: () => (/* binding */ fileList),
/* harmony export */   parquetSource: () => (/* binding */ parquetSource),
/* harmony export */   readRows: () => (/* binding */ readRows),
/* harmony export */   runSqlOverDataset: () => (/* binding */ runSqlOverDataset),
/* harmony export */   shareOneSchema: () => (/* binding */ shareOneSchema),
/* harmony export */   streamRows: () => (/* binding */ streamRows)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94715);
/**
 * A stage output is a list of parquet files (one per row group). These helpers count, read, stream and
 * export such a list, and run the ddflow `sql` processor over it — all in DuckDB, so a dataset of
 * millions of rows never becomes a JavaScript array.
 */





/** `read_parquet([...])` over the files, in the given order; union_by_name tolerates column-order drift. */
/**
 * The files as one table. `union_by_name` (the default) lines columns up by name across files whose
 * schemas differ; without it DuckDB reads every file with the first one's schema, which for thousands of
 * files of one schema holds far less memory (5,000 files: 146 MB against 297 MB for the same scan).
 */
function parquetSource(files, options = {}) {
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('A dataset needs at least one parquet file.');
    const extra = options.fileColumns ? ', filename = true, file_row_number = true' : '';
    // `literal`: a DuckDB that may read only the listed paths (the sql sandbox) cannot expand a glob.
    return `read_parquet(${options.literal ? (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files) : fileList(files)}, union_by_name = ${options.unionByName === false ? 'false' : 'true'}${extra})`;
}
/** Below this many files a literal list is as cheap as anything. */
const GLOB_FROM_FILES = 64;
/**
 * The files as DuckDB's file list: `'<dir>/*.parquet'` when they are exactly the parquet files of one
 * directory, in name order (a stage's row groups) — a literal list of thousands of paths costs DuckDB
 * tens of MB for every query that names it (5,000 files: 30 MB per query) —, else the literal list.
 */
function fileList(files) {
    if (files.length < GLOB_FROM_FILES)
        return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(files[0]);
    // A directory whose name DuckDB's glob would read as a pattern, or files out of name order, keep the list.
    if (/[*?[\]{}\\]/.test(dir))
        return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    for (let i = 0; i < files.length; i++) {
        const f = files[i];
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(f) !== dir || !f.endsWith('.parquet') || (i > 0 && !(files[i - 1] < f)))
            return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    }
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).filter((n) => n.endsWith('.parquet'));
    }
    catch {
        return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    }
    if (names.length !== files.length)
        return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    const given = new Set(files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f)));
    if (!names.every((n) => given.has(n)))
        return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.literalList)(files);
    return (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteLiteral)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, '*.parquet'));
}
async function countRows(db, files) {
    if (files.length === 0)
        return 0;
    // A count reads no column: without union_by_name (which holds every file's schema: 5,000 files, 80 MB)
    // it is the same number; files DuckDB refuses to read so are counted by name.
    const [row] = await db
        .all(`SELECT count(*) AS n FROM ${parquetSource(files, { unionByName: false })}`)
        .catch(() => db.all(`SELECT count(*) AS n FROM ${parquetSource(files)}`));
    return Number(row?.n ?? 0);
}
async function columnsOf(db, files) {
    return (await datasetSchema(db, files)).columns;
}
/**
 * columnsOf and shareOneSchema from one reading of the footers: a stage's end needs both, and each
 * reading of 5,000 footers costs ~130 ms and keeps ~25 MB of DuckDB's memory (measured on a 5M-row stage).
 */
async function datasetSchema(db, files, known = {}) {
    if (files.length === 0)
        return { columns: [], shared: true, rows: 0 };
    // One schema across the files (a stage's own files): the first file says it; reading every file's
    // schema by name holds memory per file (5,000 files: 80 MB). A writer that knows it wrote every file
    // with the same column types says so (`known.shared`), and the footers are not read at all.
    const shared = known.shared === true || (await shareOneSchema(db, files));
    return { columns: await db.describe(`SELECT * FROM ${parquetSource(shared ? files.slice(0, 1) : files)}`), shared, ...(known.rows !== undefined ? { rows: known.rows } : {}) };
}
/**
 * Whether every file has the same columns (by name) with the same physical and logical types, read from
 * the footers: then the files can be read with the first one's schema. False when it cannot be told.
 */
async function shareOneSchema(db, files) {
    if (files.length <= 1)
        return true;
    try {
        const [row] = await db.all(`SELECT count(DISTINCT sig) AS n FROM (
         SELECT string_agg(concat_ws(':', name, type, converted_type, logical_type::VARCHAR, repetition_type), ',' ORDER BY name) AS sig
         FROM parquet_schema(${fileList(files)}) GROUP BY file_name)`);
        return Number(row?.n) === 1;
    }
    catch {
        return false;
    }
}
/** A window of rows in file order (for samples, summaries, seed serving). */
async function readRows(db, files, window = {}) {
    if (files.length === 0)
        return [];
    const limit = window.limit === undefined ? '' : ` LIMIT ${nonNegativeInt(window.limit, 'limit')}`;
    const offset = window.offset ? ` OFFSET ${nonNegativeInt(window.offset, 'offset')}` : '';
    return db.all(`SELECT * FROM ${parquetSource(files)}${limit}${offset}`);
}
/** Calls `onBatch` with consecutive batches of exactly `batchSize` rows (the last may be shorter). */
async function streamRows(db, files, batchSize, onBatch) {
    if (files.length === 0)
        return 0;
    const size = nonNegativeInt(batchSize, 'batchSize');
    if (size === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('batchSize must be at least 1.');
    let pending = [];
    // Read on a connection of its own: DuckDB ends an open stream early, without an error, when another
    // statement runs on its connection — and `onBatch` writes through `db` (output_processors once kept
    // the first 1000 of 2500 rows, silently).
    const reader = await db.connect();
    let total;
    try {
        total = await reader.stream(`SELECT * FROM ${parquetSource(files)}`, async (rows) => {
            for (const r of rows) {
                pending.push(r);
                if (pending.length === size) {
                    const batch = pending;
                    pending = [];
                    await onBatch(batch);
                }
            }
        });
    }
    finally {
        reader.close();
    }
    if (pending.length > 0)
        await onBatch(pending);
    return total;
}
function exportFormatOf(outPath) {
    const ext = node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(outPath).toLowerCase();
    if (ext === '.jsonl')
        return 'jsonl';
    if (ext === '.csv')
        return 'csv';
    if (ext === '.parquet')
        return 'parquet';
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: the file must end in .jsonl, .csv or .parquet.`);
}
/**
 * Writes the whole dataset to one file, format chosen by extension, atomically. jsonl = one JSON
 * record per line with JSON columns kept nested and timestamps in ISO 8601 (as Data Designer's
 * `to_json(orient="records", lines=True, date_format="iso")`).
 */
async function exportDataset(db, files, outPath) {
    const format = exportFormatOf(outPath);
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: the dataset has no files.`);
    const columns = await columnsOf(db, files);
    const select = `SELECT ${columns.map((c) => exportExpression(c, format)).join(', ')} FROM ${parquetSource(files)}`;
    const options = format === 'jsonl' ? 'FORMAT json' : format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    const existing = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(outPath).catch(() => undefined);
    if (existing?.isDirectory())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: it is a directory; name a file ending in .${format}.`);
    try {
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .replaceAtomically */ .GA)(outPath, async (tmp) => {
            await db.run(`COPY (${select}) TO ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteLiteral)(tmp)} (${options})`);
        });
    }
    catch (err) {
        const code = err.code;
        if (typeof code !== 'string')
            throw err;
        const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its directory path is a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.errorMessage)(err);
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: ${reason}.`, { cause: err });
    }
    return { rows: await countRows(db, files), path: outPath };
}
function exportExpression(c, format) {
    const id = (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(c.name);
    if (format !== 'parquet' && /^TIMESTAMP( WITH TIME ZONE)?$/.test(c.type)) {
        // DuckDB's default text form is `2024-01-02 03:04:05`; pandas' ISO form has a `T` and milliseconds.
        const fmt = c.type === 'TIMESTAMP' ? '%Y-%m-%dT%H:%M:%S.%g' : '%Y-%m-%dT%H:%M:%S.%g%z';
        return `strftime(${id}, ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteLiteral)(fmt)}) AS ${id}`;
    }
    // JSON has no NaN or Infinity (DuckDB writes them bare, which no JSON parser reads); pandas' to_json
    // writes null for both.
    if (format === 'jsonl' && /^(DOUBLE|FLOAT|REAL)$/.test(c.type))
        return `CASE WHEN isfinite(${id}) THEN ${id} END AS ${id}`;
    // The same inside a list of them (an embedding).
    if (format === 'jsonl' && /^(DOUBLE|FLOAT|REAL)\[\]$/.test(c.type))
        return `list_transform(${id}, x -> CASE WHEN isfinite(x) THEN x END) AS ${id}`;
    return id;
}
/**
 * The ddflow `sql` processor: `query` sees the dataset as table `dataset`; its result is written to
 * `outDir/batch_00000.parquet ...` (rowGroupSize rows each; an empty result still gets one file so the
 * columns survive). Returns the written files in order.
 *
 * The query comes from the workflow file, which may be untrusted (a pull request): it runs in its own
 * locked-down DuckDB instance (openSandboxDatabase) that can read only the dataset's files and write only
 * a fresh scratch directory inside `outDir`; the results are renamed into place from there. `db` (the
 * run's shared database) lends its memory and thread limits.
 */
async function runSqlOverDataset(db, files, query, outDir, options = {}) {
    const size = options.rowGroupSize ?? 1000;
    if (!Number.isInteger(size) || size < 1)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('rowGroupSize must be a positive integer.');
    const who = options.processorName ? `The sql processor '${options.processorName}'` : 'The sql query';
    const inputs = files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(f));
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(outDir, { recursive: true });
    const scratch = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, '.ddflow-sql-'));
    try {
        const limits = await db
            .all("SELECT current_setting('threads')::VARCHAR AS threads, current_setting('memory_limit')::VARCHAR AS memory_limit")
            .then(([r]) => (r ? { threads: r.threads, memory_limit: r.memory_limit } : {}))
            .catch(() => ({}));
        const sandbox = await (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.openSandboxDatabase)({ readPaths: inputs, writeDir: scratch, settings: limits });
        try {
            const result = 'ddflow_sql_result';
            await sandbox.run(`CREATE TEMP VIEW dataset AS SELECT * FROM ${parquetSource(inputs, { literal: true })}`);
            try {
                await sandbox.run(`CREATE TEMP TABLE ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(result)} AS ${asDatasetQuery(query)}`);
            }
            catch (err) {
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`${who} failed: ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.errorMessage)(err)}`, { cause: err });
            }
            // A result column called rowid would hide DuckDB's row id, by which the result is cut in order:
            // renamed in the table, and back in each slice.
            const renamed = [];
            for (const c of await sandbox.describe(`SELECT * FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(result)}`)) {
                const safe = (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.rowidSafeName)(c.name);
                if (safe === c.name)
                    continue;
                await sandbox.run(`ALTER TABLE ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(result)} RENAME COLUMN ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(c.name)} TO ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(safe)}`);
                renamed.push(`${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(safe)} AS ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(c.name)}`);
            }
            const star = renamed.length > 0 ? `* RENAME (${renamed.join(', ')})` : '*';
            const [row] = await sandbox.all(`SELECT count(*) AS n FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(result)}`);
            const total = Number(row?.n ?? 0);
            const batches = Math.max(1, Math.ceil(total / size));
            const staged = [];
            for (let b = 0; b < batches; b++) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(scratch, batchFileName(b));
                // rowid of a temp table created by CTAS follows insertion order, so ranges keep the query's order.
                const r = (0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteIdent)(result);
                const slice = `SELECT ${star} FROM ${r} WHERE ${r}.rowid >= ${b * size} AND ${r}.rowid < ${(b + 1) * size} ORDER BY ${r}.rowid`;
                await sandbox.run(`COPY (${slice}) TO ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__.quoteLiteral)(file)} (FORMAT parquet)`);
                staged.push(file);
            }
            await removeBatchFiles(outDir);
            const written = [];
            for (const [b, from] of staged.entries()) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, batchFileName(b));
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(from, file);
                written.push(file);
            }
            return written;
        }
        finally {
            sandbox.close();
        }
    }
    finally {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(scratch, { recursive: true, force: true });
    }
}
/** `batch_00000.parquet`, as Data Designer names row-group files. */
function batchFileName(index) {
    return `batch_${String(index).padStart(5, '0')}.parquet`;
}
async function removeBatchFiles(dir) {
    for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir)) {
        if (/^batch_\d{5,}\.parquet$/.test(name))
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), { force: true });
    }
}
/**
 * How a `sql` processor's query is run: as a subquery whose result replaces the dataset. The newline
 * keeps a query that ends in a `-- comment` from commenting out the closing parenthesis.
 */
function asDatasetQuery(query) {
    return `SELECT * FROM (${query.trim().replace(/;+\s*$/, '')}\n)`;
}
function nonNegativeInt(n, what) {
    if (!Number.isInteger(n) || n < 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`${what} must be a non-negative integer, got ${n}.`);
    return n;
}


/***/ }),

/***/ 21293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ DUCKDB_DIR_ENV),
/* harmony export */   GF: () => (/* binding */ loadDuckDB),
/* harmony export */   QB: () => (/* binding */ duckdbBindings),
/* harmony export */   b3: () => (/* binding */ setDuckDBInstallHooks),
/* harmony export */   pc: () => (/* binding */ DUCKDB_VERSION),
/* harmony export */   zt: () => (/* binding */ installMarkerPath)
/* harmony export */ });
/* unused harmony exports DUCKDB_PACKAGE, forgetLoadedDuckDB, duckdbInNodeModules, duckdbInstalledIn, NPM_INSTALL_LIMITS, npmInstallArgs, npmFailureReason */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(94851);
/**
 * How ddflow gets DuckDB.
 *
 * WHY not bundle it: `@duckdb/node-api` ships a native addon plus a ~70 MB `libduckdb.so` per
 * platform. ncc would copy the binary of the machine it ran on (linux-x64) into `dist/`, so the Action
 * would break on arm64 runners, and a 70 MB file in git is a real cost (GitHub warns above 50 MB).
 *
 * WHY install at run time from npm: the npm registry has a prebuilt binding for every platform we run
 * on (`@duckdb/node-bindings-linux-x64`, `-linux-arm64`, ...) and npm picks the right one by itself.
 * Installing the pinned version takes ~3-10 s and the directory can be kept in the runner's tool cache
 * (or the Actions cache, keyed on version + OS + arch), so it is paid once per runner image.
 *
 * Order: (1) a plain `require('@duckdb/node-api')`, resolved from the nearest node_modules — the CLI,
 * tests, and an Action running in a workspace that already has the package; (2) when that fails and an
 * `installDir` is given, `npm install --no-save --prefix <installDir> @duckdb/node-api@<version>` once
 * (a marker file records success; a lock directory keeps concurrent processes from installing twice),
 * then load it through `createRequire(<installDir>/package.json)`.
 *
 * The specifiers are variables and the require functions come from createRequire() of a computed path,
 * so ncc neither bundles DuckDB nor replaces the call with a stub that always throws; `ncc -e
 * @duckdb/node-api` is belt and braces.
 */






/** The one place the DuckDB version is pinned (must equal package.json's dependency). */
const DUCKDB_VERSION = '1.5.6-r.1';
const DUCKDB_PACKAGE = '@duckdb/node-api';
const loaded = new Map();
let installHooks = {};
function setDuckDBInstallHooks(hooks) {
    installHooks = hooks;
}
/** Names the install directory when no caller passes one (the Action sets it to a tool-cache path). */
const DUCKDB_DIR_ENV = 'DDFLOW_DUCKDB_DIR';
function loadDuckDB(options = {}) {
    if (options.installDir === undefined && process.env[DUCKDB_DIR_ENV])
        options = { ...options, installDir: process.env[DUCKDB_DIR_ENV] };
    const key = `${options.skipLocal ? 'install' : 'auto'}:${options.installDir ?? ''}`;
    let p = loaded.get(key);
    if (!p) {
        p = loadUncached(options);
        loaded.set(key, p);
        p.catch(() => loaded.delete(key));
    }
    return p;
}
/** Tests only: forget loaded modules so the next call goes through resolution/installation again. */
function forgetLoadedDuckDB() {
    loaded.clear();
}
async function loadUncached(options) {
    let localError;
    if (!options.skipLocal) {
        try {
            return normalise(await importLocal());
        }
        catch (err) {
            localError = err;
        }
    }
    if (!options.installDir) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`DuckDB (${DUCKDB_PACKAGE}@${DUCKDB_VERSION}) could not be loaded from node_modules and no install directory was given.`, { cause: localError });
    }
    const installDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(options.installDir);
    await ensureInstalled(installDir, options);
    return normalise(await importFrom(installDir));
}
/** Whether DuckDB loads from node_modules (then nothing needs installing or caching). */
async function duckdbInNodeModules() {
    try {
        normalise(await importLocal());
        return true;
    }
    catch {
        return false;
    }
}
/** Whether `installDir` holds a finished install of the pinned version. */
function duckdbInstalledIn(installDir) {
    return existsSync(installMarkerPath(path.resolve(installDir)));
}
/*
 * The package is CommonJS and is loaded with require(), not import(): an ESM import of a CommonJS module
 * makes Node run its CJS lexer over the module and, through node-api's `__exportStar(require(...))`
 * re-exports, over each of its ~60 files to find their names — 100 ms of a cold start (issue 13, profiled
 * with --cpu-prof on `ddflow validate` of the quickstart: cjs-module-lexer was 20 % of the process).
 */
async function importLocal() {
    const specifier = DUCKDB_PACKAGE;
    // (A computed base, so that the bundler leaves this require() to Node.)
    return (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(import.meta.url))(specifier);
}
async function importFrom(installDir) {
    const req = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, 'package.json'));
    const specifier = DUCKDB_PACKAGE;
    return req(req.resolve(specifier));
}
/** The package is CommonJS: depending on how Node's CJS lexer fares, names sit on the namespace or on `default`. */
function normalise(ns) {
    const m = ns;
    if (typeof m.DuckDBInstance === 'function')
        return m;
    const d = m.default;
    if (d && typeof d.DuckDBInstance === 'function')
        return d;
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`The module loaded as ${DUCKDB_PACKAGE} does not look like DuckDB's Node API.`);
}
let bindings;
/**
 * The native bindings node-api loaded, wherever it was loaded from (node_modules or the install
 * directory): node-api is CommonJS, so its `require('@duckdb/node-bindings')` sits in the shared
 * require cache. Null when it is not there (then callers use node-api's public API only).
 */
function duckdbBindings() {
    if (bindings !== undefined)
        return bindings;
    bindings = null;
    try {
        const cache = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(import.meta.url).cache;
        for (const [key, mod] of Object.entries(cache)) {
            if (!/[\\/]@duckdb[\\/]node-bindings[\\/]duckdb\.js$/.test(key))
                continue;
            const b = mod?.exports;
            if (typeof b?.copy_data_to_vector === 'function' && typeof b.data_chunk_get_vector === 'function')
                bindings = b;
            break;
        }
    }
    catch {
        bindings = null;
    }
    return bindings;
}
function installMarkerPath(installDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, `.ddflow-duckdb-${DUCKDB_VERSION}.installed`);
}
async function ensureInstalled(installDir, options) {
    const marker = installMarkerPath(installDir);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
        return;
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(installDir, { recursive: true });
    const lockDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, '.ddflow-duckdb-install.lock');
    const deadline = Date.now() + (options.lockTimeoutMs ?? 300_000);
    // mkdir is atomic: whoever creates the lock installs, the others wait for the marker.
    for (;;) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(lockDir);
            break;
        }
        catch (err) {
            if (err.code !== 'EEXIST')
                throw err;
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
                return;
            const age = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
            // A lock older than the timeout belongs to a process that died mid-install: take it over.
            if (age > (options.lockTimeoutMs ?? 300_000)) {
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lockDir, { recursive: true, force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Timed out waiting for another process to install DuckDB into ${installDir}.`);
            }
            await new Promise((r) => setTimeout(r, 250));
        }
    }
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
            return;
        if (installHooks.restore && (await installHooks.restore(installDir)) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
            return;
        const log = options.log ?? installHooks.log;
        log?.(`Installing DuckDB ${DUCKDB_VERSION} (${DUCKDB_PACKAGE}, ${process.platform}-${process.arch}) with npm into ${installDir}`);
        await runNpmInstall(installDir);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(marker, `${DUCKDB_PACKAGE}@${DUCKDB_VERSION} ${process.platform}-${process.arch}\n`);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lockDir, { recursive: true, force: true });
        await installHooks.save?.(installDir);
    }
    finally {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lockDir, { recursive: true, force: true });
    }
}
/**
 * npm's own defaults wait 5 minutes per request and retry twice with up to a minute between tries, so
 * a registry outage used to hold the job for minutes without a word. These bound it to about 45 s
 * (two tries of at most 20 s each); a value the user set through `npm_config_*` wins.
 */
const NPM_INSTALL_LIMITS = {
    'fetch-timeout': '20000',
    'fetch-retries': '1',
    'fetch-retry-mintimeout': '1000',
    'fetch-retry-maxtimeout': '3000',
};
/** Hard stop for the whole install (download and unpack of ~25 MB normally take 3-10 s). */
const NPM_INSTALL_DEADLINE_MS = 120_000;
function npmInstallArgs(installDir, env = process.env) {
    const set = new Set(Object.keys(env).filter((k) => /^npm_config_/i.test(k)).map((k) => k.toLowerCase().replace(/^npm_config_/, '').replaceAll('_', '-')));
    const limits = Object.entries(NPM_INSTALL_LIMITS)
        .filter(([name]) => !set.has(name))
        .map(([name, value]) => `--${name}=${value}`);
    return ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', ...limits, '--prefix', installDir, `${DUCKDB_PACKAGE}@${DUCKDB_VERSION}`];
}
/** What npm's last words say went wrong, as a clause ("the registry answered 503 Service Unavailable"). */
function npmFailureReason(stderr) {
    const lines = stderr.split('\n').map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim()).filter(Boolean);
    const status = lines.map((l) => /^(\d{3} [^-]+?)\s+-\s+GET\s/.exec(l)).find(Boolean);
    if (status)
        return `the registry answered ${status[1]}`;
    if (lines.some((l) => /network timeout|ETIMEDOUT|ESOCKETTIMEDOUT/i.test(l)))
        return 'the registry did not answer in time';
    const refused = lines.find((l) => /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(l));
    if (refused)
        return `the registry could not be reached (${/(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET)/.exec(refused)[1]})`;
    const meaningful = lines.filter((l) => !/^(code|errno|A complete log)/.test(l));
    return meaningful.at(-1) ?? 'npm gave no reason';
}
function registryOf(env) {
    return env['npm_config_registry'] || env['NPM_CONFIG_REGISTRY'] || 'the npm registry';
}
function runNpmInstall(installDir) {
    const args = npmInstallArgs(installDir);
    const what = `DuckDB (${DUCKDB_PACKAGE}@${DUCKDB_VERSION}, ${process.platform}-${process.arch})`;
    const advice = `check that the runner can reach ${registryOf(process.env)} (npm_config_registry names a mirror), or add ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} to the workspace's dependencies so it is installed with them`;
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
            stdio: ['ignore', 'ignore', 'pipe'],
            env: process.env,
        });
        let stderr = '';
        let timedOut = false;
        child.stderr.on('data', (d) => {
            stderr = (stderr + d.toString()).slice(-4000);
        });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
        }, NPM_INSTALL_DEADLINE_MS);
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Could not run npm to install ${what}: ${err.message}; ${advice}.`, { cause: err }));
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (code === 0)
                resolve();
            else {
                const reason = timedOut ? `npm did not finish within ${NPM_INSTALL_DEADLINE_MS / 1000} s` : npmFailureReason(stderr);
                reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Could not install ${what} with npm: ${reason}; ${advice}.`));
            }
        });
    });
}


/***/ }),

/***/ 18490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ downloadHfFiles),
/* harmony export */   wT: () => (/* binding */ hfSeedIdentity),
/* harmony export */   wl: () => (/* binding */ resolveHfSource)
/* harmony export */ });
/* unused harmony exports DEFAULT_HF_ENDPOINT, HF_CACHE_ENV, hfEndpoint, hfToken, forgetHfResolutions, hfCacheDir */
/* harmony import */ var _shared_display_url_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(54923);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_11___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_11__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94851);
/* harmony import */ var _shared_seed_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(23846);
/* harmony import */ var _shared_hf_path_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83143);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(27531);
/**
 * Seeds from the Hugging Face Hub (`seed_type: hf`, Data Designer's HuggingFaceSeedSource, read there
 * through huggingface_hub's HfFileSystem). ddflow talks to the Hub's HTTP API directly, as HfFileSystem
 * does:
 *   GET {endpoint}/api/datasets/{repo}/revision/{rev}              → the commit sha the revision names
 *   GET {endpoint}/api/datasets/{repo}/tree/{sha}?recursive=true   → the files (paginated by Link: rel="next")
 *   GET {endpoint}/datasets/{repo}/resolve/{sha}/{file}            → a file's bytes
 * Files are downloaded once into a local cache keyed by the commit sha (a commit never changes), and the
 * stage fingerprint is the sha plus the matched files' paths, sizes and content ids, so a new upload to
 * the dataset invalidates the stage and an unchanged one does not download again.
 *
 * Path: `datasets/<org>/<repo>[@<revision>]/<file or glob>` (HfFileSystem's syntax; `*` stays in one
 * folder, `**` crosses folders). Token: the NAME of an environment variable (a secret), or null for
 * HF_TOKEN when set, as huggingface_hub falls back to it. The token is sent only as a Bearer header to
 * the endpoint and never appears in a message, a log line or the fingerprint. Endpoint: the source's
 * `endpoint`, else HF_ENDPOINT (huggingface_hub's override), else https://huggingface.co.
 */












const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';
/** Where downloaded Hub files are kept (default: ~/.cache/ddflow/hf). */
const HF_CACHE_ENV = 'DDFLOW_HF_CACHE';
const GLOB_CHARS = /[*?[\]{}]/;
/** The endpoint to use: the source's own, else HF_ENDPOINT, else the public Hub; no trailing slash. */
function hfEndpoint(source, env = process.env) {
    const chosen = source.endpoint || env['HF_ENDPOINT'] || DEFAULT_HF_ENDPOINT;
    return chosen.replace(/\/+$/, '');
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The token's value: from the variable `token` names, else HF_TOKEN, else none (public datasets). */
function hfToken(source, env = process.env) {
    const name = source.token;
    if (name === undefined || name === null || name === '') {
        const fallback = env['HF_TOKEN'];
        return fallback && fallback.trim() !== '' ? fallback : undefined;
    }
    if (!ENV_NAME.test(name) || /^hf_[A-Za-z0-9]{20,}$/.test(name)) {
        // The value may be a pasted token: say what is wrong without repeating it.
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq('The token of an hf seed source must be the name of an environment variable holding the Hugging Face token (use a secret), not the token itself.');
    }
    const value = env[name];
    if (value === undefined || value.trim() === '')
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The hf seed source needs a Hugging Face token: the environment variable ${name} is not set or is empty.`);
    return value;
}
async function hubGet(url, token, what) {
    let res;
    try {
        res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'follow' });
    }
    catch (err) {
        const cause = err.cause?.code ?? err.message;
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`Could not reach the Hugging Face Hub for ${what} at ${(0,_shared_display_url_js__WEBPACK_IMPORTED_MODULE_10__/* .displayEndpoint */ .O)(url)} (${cause}).`, { cause: err });
    }
    if (res.ok)
        return res;
    await res.body?.cancel().catch(() => undefined);
    const hint = res.status === 401 || res.status === 403
        ? token
            ? ': the token was refused (check that it can read this dataset)'
            : ': the dataset is private or gated (give `token:` the name of an environment variable holding a token)'
        : res.status === 404
            ? ': not found (check the dataset name, the revision and the endpoint)'
            : '';
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub answered HTTP ${res.status} for ${what} at ${(0,_shared_display_url_js__WEBPACK_IMPORTED_MODULE_10__/* .displayEndpoint */ .O)(url)}${hint}.`);
}
async function hubJson(url, token, what) {
    const res = await hubGet(url, token, what);
    let body;
    try {
        body = (await res.json());
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub's answer for ${what} at ${(0,_shared_display_url_js__WEBPACK_IMPORTED_MODULE_10__/* .displayEndpoint */ .O)(url)} is not JSON.`, { cause: err });
    }
    const link = res.headers.get('link') ?? '';
    const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
    return { body, ...(next ? { next: new URL(next, url).toString() } : {}) };
}
const encodePath = (p) => p.split('/').map(encodeURIComponent).join('/');
/** A glob as HfFileSystem (fsspec) matches it: `*` within one folder, `**` across folders. */
function matcher(pattern) {
    if (pattern === '')
        return () => true;
    if (!GLOB_CHARS.test(pattern)) {
        const prefix = pattern.replace(/\/+$/, '');
        return (file) => file === prefix || file.startsWith(`${prefix}/`);
    }
    return picomatch__WEBPACK_IMPORTED_MODULE_11___default()(pattern, { dot: true });
}
const resolutions = new Map();
/** Forgets the revisions resolved in this process (tests that publish a new commit to a fake Hub). */
function forgetHfResolutions() {
    resolutions.clear();
}
/**
 * The commit the source's revision names and the data files its pattern matches there. Resolved once
 * per process and source, so the plan's fingerprint and the run read the very same commit.
 */
function resolveHfSource(source, env = process.env) {
    const parsed = (0,_shared_hf_path_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHfPath */ .J)(source.path);
    const endpoint = hfEndpoint(source, env);
    // A commit pinned by its full hash lists the same files forever: resolved once, it is read from the
    // cache folder — offline, and without the token (a nightly job whose inputs did not change needs no
    // secret; it once asked the Hub for every plan).
    const pinned = /^[0-9a-f]{40}$/.test(parsed.revision);
    const saved = pinned ? savedResolutionPath(endpoint, parsed, env) : undefined;
    // Per token too: another token may see other files, or be refused.
    let tokenHash = null;
    try {
        const t = hfToken(source, env);
        tokenHash = t ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(t).digest('hex') : null;
    }
    catch {
        // not set: a saved listing needs none, and resolving says what is wrong
    }
    const key = JSON.stringify([endpoint, parsed, tokenHash]);
    let pending = resolutions.get(key);
    if (!pending) {
        pending = (async () => {
            const kept = saved ? await readSavedResolution(saved, endpoint, parsed) : undefined;
            if (kept)
                return kept;
            const resolved = await resolveUncached(endpoint, parsed, hfToken(source, env), source.path);
            if (saved)
                await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_9__/* .replaceAtomically */ .GA)(saved, (tmp) => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, JSON.stringify(resolved))).catch(() => undefined);
            return resolved;
        })();
        pending.catch(() => resolutions.delete(key));
        resolutions.set(key, pending);
    }
    return pending;
}
/** Where the file listing of a pinned commit for one pattern is kept (beside the commit's files). */
function savedResolutionPath(endpoint, p, env) {
    const pattern = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(p.pattern).digest('hex').slice(0, 16);
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(hfCacheDir(env), hostDir(endpoint), `datasets--${p.repo.replace('/', '--')}`, p.revision, `.ddflow-listing-${pattern}.json`);
}
async function readSavedResolution(file, endpoint, p) {
    try {
        const r = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file, 'utf8'));
        const ok = r.endpoint === endpoint && r.repo === p.repo && r.sha === p.revision && Array.isArray(r.files) && r.files.every((f) => typeof f.path === 'string' && typeof f.size === 'number');
        return ok ? r : undefined;
    }
    catch {
        return undefined;
    }
}
function hostDir(endpoint) {
    try {
        return new URL(endpoint).host.replace(/[^A-Za-z0-9.-]/g, '_');
    }
    catch {
        return 'endpoint';
    }
}
async function resolveUncached(endpoint, p, token, userPath) {
    const what = `dataset ${p.repo} (revision ${p.revision})`;
    const info = await hubJson(`${endpoint}/api/datasets/${encodePath(p.repo)}/revision/${encodeURIComponent(p.revision)}`, token, what);
    const sha = info.body.sha;
    if (typeof sha !== 'string' || sha === '')
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub gave no commit for ${what}.`);
    const entries = [];
    let url = `${endpoint}/api/datasets/${encodePath(p.repo)}/tree/${sha}?recursive=true`;
    for (let page = 0; url; page++) {
        if (page >= 10_000)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub's file listing for ${what} does not end.`);
        const got = await hubJson(url, token, `the files of ${what}`);
        if (!Array.isArray(got.body))
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub's file listing for ${what} is not a list.`);
        entries.push(...got.body);
        url = got.next;
    }
    const match = matcher(p.pattern);
    const files = entries
        .filter((e) => e.type === 'file' && typeof e.path === 'string' && match(e.path))
        .map((e) => ({ path: e.path, size: Number(e.lfs?.size ?? e.size ?? 0), oid: String(e.lfs?.oid ?? e.oid ?? '') }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`No file of ${what} matches '${p.pattern || '*'}' (seed path ${userPath}).`);
    const exts = new Set(files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_3___default().extname(f.path).toLowerCase()));
    const bad = [...exts].find((e) => !_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_7__/* .SEED_FILE_EXTENSIONS */ .St.includes(e));
    if (bad !== undefined || exts.size > 1) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The hf seed path ${userPath} matches ${bad !== undefined ? `a file of type '${bad || '(none)'}'` : `files of several types (${[...exts].join(', ')})`}: seed files must be all parquet, all csv, or all jsonl/json; narrow the glob (for example ${p.repo}/**/*.parquet).`);
    }
    return { endpoint, repo: p.repo, revision: p.revision, sha, files };
}
/** The cache folder: DDFLOW_HF_CACHE, else ~/.cache/ddflow/hf (XDG_CACHE_HOME when set). */
function hfCacheDir(env = process.env) {
    if (env[HF_CACHE_ENV])
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(env[HF_CACHE_ENV]);
    const base = env['XDG_CACHE_HOME'] || node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache');
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(base, 'ddflow', 'hf');
}
/**
 * The resolved files as local paths, downloading those the cache lacks (a commit's files never change,
 * so a cached file of the right size is reused). Downloads are written atomically.
 */
async function downloadHfFiles(resolved, source, env = process.env) {
    // The token only when a file must be downloaded: cached files need none.
    let token = null;
    const root = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(hfCacheDir(env), hostDir(resolved.endpoint), `datasets--${resolved.repo.replace('/', '--')}`, resolved.sha);
    const out = [];
    for (const file of resolved.files) {
        const local = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, ...file.path.split('/'));
        if (!node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(local).startsWith(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(root) + (node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)))
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub listed a file outside the dataset: ${file.path}.`);
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(local).catch(() => undefined);
        if (!st || !st.isFile() || st.size !== file.size) {
            const url = `${resolved.endpoint}/datasets/${encodePath(resolved.repo)}/resolve/${resolved.sha}/${encodePath(file.path)}`;
            if (token === null)
                token = hfToken(source, env);
            const res = await hubGet(url, token, `${file.path} of dataset ${resolved.repo}`);
            if (!res.body)
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The Hugging Face Hub sent no content for ${file.path} of dataset ${resolved.repo}.`);
            const body = res.body;
            await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_9__/* .replaceAtomically */ .GA)(local, async (tmp) => {
                await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.fromWeb(body), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(tmp));
                const got = (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(tmp)).size;
                if (got !== file.size)
                    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_6__/* .DdflowError */ .Zq(`The download of ${file.path} from dataset ${resolved.repo} stopped early (${got} of ${file.size} bytes).`);
            });
        }
        out.push(local);
    }
    return out;
}
/** What an hf seed contributes to a stage fingerprint: the commit and the matched files, never the token. */
async function hfSeedIdentity(source) {
    const r = await resolveHfSource(source);
    return { seed_type: 'hf', repo: r.repo, sha: r.sha, files: r.files };
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

/***/ 67463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XX: () => (/* binding */ inspectBoundModule),
/* harmony export */   nn: () => (/* binding */ FunctionCallError),
/* harmony export */   yp: () => (/* binding */ StageFunctions)
/* harmony export */ });
/* unused harmony exports toJsonLine, importBoundFunction */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _shared_stderr_tail_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(11068);
/* harmony import */ var _llm_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98890);
/**
 * Code bound to a function name that Data Designer writes into a config (`generator_function` of a
 * custom column, `validation_function` of a local_callable validator). Data Designer keeps the Python
 * function itself out of the file; the workflow's `functions:` says where the code is, and this module
 * runs it:
 *
 * - `module`: a JavaScript module imported once, its function called in-process;
 * - `run`: a command of any language started once per stage with `sh -c` and kept alive, spoken to in
 *   JSON lines — one request per line on stdin, one answer per line on stdout, in request order (so many
 *   requests can be in flight on one pipe). Its stderr goes to the log.
 *
 * Requests: `{"row": {...}, "params": ...}` (one row) or `{"rows": [...], "params": ...}` (a row group);
 * answers: `{"row": {...}}` / `{"rows": [...]}`, or `{"error": "..."}` for a failure the caller reports.
 */





/** Thrown for a failure of the user's code (as opposed to a broken binding): the caller decides its scope. */
class FunctionCallError extends _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq {
}
/**
 * Values as JSON for a `run:` command: integers beyond 2^53 as strings (JSON has no such numbers),
 * dates as ISO text, typed arrays as lists.
 */
function toJsonLine(value) {
    return JSON.stringify(value, (_k, v) => {
        if (typeof v === 'bigint')
            return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
        if (ArrayBuffer.isView(v) && !(v instanceof DataView))
            return Array.from(v);
        return v;
    });
}
/** Imports a module binding's function; the sentence says what is wrong with the binding otherwise. */
async function importBoundFunction(spec) {
    let mod;
    try {
        // webpackIgnore: the bundler must leave this import to Node (a user's module, known only at run time).
        mod = (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(spec.path).href));
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot load the module ${spec.path} bound to function '${spec.name}': ${err.message.split('\n')[0]}`);
    }
    const candidate = mod[spec.exportName] ?? (spec.exportName === spec.name ? mod.default : undefined);
    if (typeof candidate !== 'function') {
        const exported = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The module ${spec.path} bound to function '${spec.name}' exports no function '${spec.exportName}'${exported.length ? ` (its functions: ${exported.join(', ')})` : ''}.`);
    }
    return candidate;
}
/** Marks the child's answer among whatever the module itself prints. */
const ANSWER_MARK = '\u0000ddflow-module-info:';
const INSPECT_TIMEOUT_MS = 20_000;
/**
 * Loads a module binding in a child process with no environment but PATH, and reports its function's
 * metadata — for `validate` and `plan`, which should not hand a workflow file's code the job's secrets
 * (a pull request's module once read every *_KEY variable of process.env at import). Not a sandbox: the
 * child runs as the same user and can read files, /proc/<parent>/environ included (README, Security).
 * The same sentences as importBoundFunction for a module that fails to load or lacks the export.
 */
async function inspectBoundModule(spec) {
    const script = `
    const [url, exportName, name] = process.argv.slice(1);
    const say = (v) => process.stdout.write('\\n' + ${JSON.stringify(ANSWER_MARK)} + JSON.stringify(v) + '\\n');
    let mod;
    try { mod = await import(url); } catch (err) { say({ load: String(err && err.message || err).split('\\n')[0] }); process.exit(0); }
    const fn = mod[exportName] ?? (exportName === name ? mod.default : undefined);
    if (typeof fn !== 'function') say({ exports: Object.keys(mod).filter((k) => typeof mod[k] === 'function') });
    else { let metadata = null; try { metadata = JSON.parse(JSON.stringify(fn.custom_column_metadata ?? null)); } catch {} say({ metadata }); }
    process.exit(0);`;
    const answer = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, ['--input-type=module', '-e', script, (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(spec.path).href, spec.exportName, spec.name], {
            cwd: spec.cwd,
            env: { PATH: process.env['PATH'] ?? '' },
            stdio: ['ignore', 'pipe', 'ignore'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out = (out + d.toString('utf8')).slice(-1_000_000)));
        const timer = setTimeout(() => child.kill('SIGKILL'), INSPECT_TIMEOUT_MS);
        child.on('error', (err) => reject(err));
        child.on('close', () => {
            clearTimeout(timer);
            resolve(out);
        });
    });
    const line = answer.split('\n').reverse().find((l) => l.startsWith(ANSWER_MARK));
    if (line === undefined)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot load the module ${spec.path} bound to function '${spec.name}': it did not finish loading within ${INSPECT_TIMEOUT_MS / 1000} s (or exited while loading).`);
    const info = JSON.parse(line.slice(ANSWER_MARK.length));
    if (info.load !== undefined)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot load the module ${spec.path} bound to function '${spec.name}': ${info.load}`);
    if (info.exports !== undefined) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The module ${spec.path} bound to function '${spec.name}' exports no function '${spec.exportName}'${info.exports.length ? ` (its functions: ${info.exports.join(', ')})` : ''}.`);
    }
    return { metadata: info.metadata ?? null };
}
class ModuleFunction {
    name;
    fn;
    constructor(name, fn) {
        this.name = name;
        this.fn = fn;
    }
    async call(args, extra) {
        const first = 'row' in args ? args.row : args.rows;
        try {
            return await this.fn(first, args.params, extra);
        }
        catch (err) {
            throw new FunctionCallError(`function '${this.name}' failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    async close() { }
}
/** A command as a message quotes it: its first line (a `run: |` block once cut the whole sentence at its newline). */
function shownCommand(run) {
    const lines = run.trim().split(/\r?\n/);
    return lines.length > 1 ? `${lines[0].trim()} …` : lines[0];
}
class ProcessFunction {
    spec;
    log;
    child;
    pending = [];
    stdoutBuffer = '';
    stderr = '';
    exited = null;
    constructor(spec, log, signal) {
        this.spec = spec;
        this.log = log;
        this.child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', spec.run], { cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stdout.setEncoding('utf8');
        this.child.stdout.on('data', (chunk) => this.onStdout(chunk));
        this.child.stderr.setEncoding('utf8');
        const redact = (text) => (0,_llm_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(text, spec.secrets);
        this.child.stderr.on('data', (chunk) => {
            // The tail is for the error message; the lines go to the log as the command prints them — without
            // a key the command printed (a debug line quoting its environment).
            this.stderr = redact((this.stderr + chunk).slice(-8192));
            for (const line of chunk.split(/\r?\n/))
                if (line.trim())
                    this.log.info(`[${spec.name}] ${redact(line)}`);
        });
        // A write after the process died is reported by the exit handler, not as an unhandled EPIPE.
        this.child.stdin.on('error', () => { });
        this.child.on('error', (err) => this.fail(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Could not start the command of function '${spec.name}' (${shownCommand(spec.run)}): ${err.message}`)));
        this.child.on('close', (code, sig) => {
            const tail = (0,_shared_stderr_tail_js__WEBPACK_IMPORTED_MODULE_4__/* .stderrTail */ .b)(this.stderr);
            this.fail(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The command of function '${spec.name}' (${shownCommand(spec.run)}) exited${sig ? ` on ${sig}` : ` with code ${code}`} before answering every request${tail ? `: ${tail}` : '.'}`));
        });
        signal?.addEventListener('abort', () => this.child.kill('SIGTERM'), { once: true });
    }
    fail(err) {
        this.exited ??= err;
        for (const p of this.pending.splice(0))
            p.reject(this.exited);
    }
    onStdout(chunk) {
        this.stdoutBuffer += chunk;
        let nl;
        while ((nl = this.stdoutBuffer.indexOf('\n')) >= 0) {
            const line = this.stdoutBuffer.slice(0, nl).trim();
            this.stdoutBuffer = this.stdoutBuffer.slice(nl + 1);
            if (!line)
                continue;
            const waiter = this.pending.shift();
            if (!waiter) {
                this.fail(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The command of function '${this.spec.name}' printed a line nobody asked for: ${line.slice(0, 200)}`));
                this.child.kill('SIGTERM');
                return;
            }
            let answer;
            try {
                answer = JSON.parse(line);
            }
            catch {
                // One bad line desynchronises every later answer: stop the command rather than misattribute them.
                waiter.reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The command of function '${this.spec.name}' answered a line that is not JSON: ${line.slice(0, 200)}`));
                this.fail(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The command of function '${this.spec.name}' was stopped after an answer that is not JSON.`));
                this.child.kill('SIGTERM');
                return;
            }
            if (answer && typeof answer === 'object' && !Array.isArray(answer) && 'error' in answer) {
                waiter.reject(new FunctionCallError(`function '${this.spec.name}' failed: ${String(answer.error)}`));
            }
            else
                waiter.resolve(answer);
        }
    }
    call(args) {
        if (this.exited)
            return Promise.reject(this.exited);
        return new Promise((resolve, reject) => {
            const key = 'row' in args ? 'row' : 'rows';
            this.pending.push({
                resolve: (answer) => {
                    if (!answer || typeof answer !== 'object' || !(key in answer)) {
                        reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The command of function '${this.spec.name}' must answer {"${key}": ...} per request, got: ${JSON.stringify(answer).slice(0, 200)}`));
                    }
                    else
                        resolve(answer[key]);
                },
                reject,
            });
            this.child.stdin.write(`${toJsonLine(args)}\n`);
        });
    }
    async close() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        // End of input is the command's cue to exit; a command that ignores it is stopped.
        const exited = new Promise((resolve) => this.child.once('close', () => resolve()));
        this.exited ??= new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`function '${this.spec.name}' was closed`);
        this.child.stdin.end();
        const timer = setTimeout(() => this.child.kill('SIGTERM'), 5000);
        await exited;
        clearTimeout(timer);
    }
}
/**
 * The functions of one stage, opened on first use and closed with the stage (a `run:` command lives as
 * long as the stage, whatever the number of row groups).
 */
class StageFunctions {
    specs;
    log;
    signal;
    open = new Map();
    constructor(specs, log, signal) {
        this.specs = specs;
        this.log = log;
        this.signal = signal;
    }
    get(name) {
        let fn = this.open.get(name);
        if (!fn) {
            const spec = this.specs.get(name);
            if (!spec)
                return Promise.reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Function '${name}' is not bound: add it under \`functions:\` in the workflow file.`));
            fn = this.start(spec);
            this.open.set(name, fn);
        }
        return fn;
    }
    async start(spec) {
        if (spec.module)
            return new ModuleFunction(spec.name, await importBoundFunction({ name: spec.name, ...spec.module }));
        if (spec.run)
            return new ProcessFunction({ ...spec, run: spec.run }, this.log, this.signal);
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Function '${spec.name}' has neither a module nor a command.`);
    }
    async close() {
        const all = [...this.open.values()];
        this.open.clear();
        await Promise.all(all.map(async (p) => (await p.catch(() => null))?.close()));
    }
}


/***/ }),

/***/ 61888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ personDataLocation),
/* harmony export */   _h: () => (/* binding */ personDataIdentity),
/* harmony export */   ps: () => (/* binding */ locationFiles)
/* harmony export */ });
/* unused harmony exports personasEnvName, managedAssetsPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94851);
/* harmony import */ var _data_hf_hub_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18490);
/* harmony import */ var _shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23846);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90131);
/**
 * Where the Nemotron-Personas data of a locale is (an hf dataset or a local parquet) and what it adds to
 * a stage fingerprint. Apart from the sampler itself so that the fingerprint (loaded by every command)
 * does not load the sampler's dependencies (Faker).
 */







/** The env variable naming a locale's data (`DDFLOW_PERSONAS_en_US`). */
const personasEnvName = (locale) => `DDFLOW_PERSONAS_${locale}`;
/** Data Designer's MANAGED_ASSETS_PATH (config/utils/constants.py). */
function managedAssetsPath(env = process.env) {
    if (env['DATA_DESIGNER_MANAGED_ASSETS_PATH'])
        return env['DATA_DESIGNER_MANAGED_ASSETS_PATH'];
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env['DATA_DESIGNER_HOME'] || node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir(), '.data-designer'), 'managed-assets');
}
function personDataLocation(locale, env = process.env) {
    if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .PERSON_LOCALES */ .em.includes(locale)) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Person sampling from managed datasets is only supported for the following locales: ${_config_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .PERSON_LOCALES */ .em.join(', ')}.`);
    }
    const given = env[personasEnvName(locale)];
    if (given && given.trim() !== '')
        return { kind: given.startsWith('datasets/') ? 'hf' : 'local', path: given.trim() };
    const managed = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(managedAssetsPath(env), 'datasets', `${locale}.parquet`);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(managed))
        return { kind: 'local', path: managed };
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`No Nemotron-Personas data for locale ${locale}: set ${personasEnvName(locale)} to a Hugging Face dataset path (datasets/<org>/<dataset>/<glob>, downloaded and cached like an hf seed) or to a local parquet file, or put Data Designer's managed dataset at ${managed} (DATA_DESIGNER_MANAGED_ASSETS_PATH).`);
}
/** The parquet files of a location, downloading hf ones into the cache. */
async function locationFiles(loc) {
    if (loc.kind === 'local')
        return (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__/* .localSeedFiles */ .$b)(loc.path, process.cwd());
    const resolved = await (0,_data_hf_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveHfSource */ .wl)({ path: loc.path });
    return (0,_data_hf_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .downloadHfFiles */ .Cj)(resolved, { path: loc.path });
}
/** What the person data contributes to a stage fingerprint: the Hub commit and files, or the local files' paths, sizes and times. */
async function personDataIdentity(locale) {
    const loc = personDataLocation(locale);
    if (loc.kind === 'hf') {
        const r = await (0,_data_hf_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveHfSource */ .wl)({ path: loc.path });
        return { locale, hf: r.repo, sha: r.sha, files: r.files };
    }
    const { statSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    return { locale, files: (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__/* .localSeedFiles */ .$b)(loc.path, process.cwd()).map((f) => ({ f, size: statSync(f).size, mtime: statSync(f).mtimeMs })) };
}


/***/ }),

/***/ 64689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ BUILTIN_PROVIDERS),
/* harmony export */   OI: () => (/* reexport safe */ _shared_display_url_js__WEBPACK_IMPORTED_MODULE_1__.O),
/* harmony export */   ZR: () => (/* binding */ isEnvVariableName),
/* harmony export */   kv: () => (/* binding */ resolveApiKey),
/* harmony export */   zM: () => (/* binding */ mergeProviders)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/* harmony import */ var _shared_display_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54923);
/**
 * Model providers: Data Designer's built-ins plus the workflow's `model_providers`, and API-key lookup.
 *
 * ddflow rule (stricter than Data Designer, which also accepts a literal key): `api_key` is the NAME of an
 * environment variable. Keys are read from the environment only when the registry is built, only for the
 * providers of aliases a run actually uses, and are never put in a message — only the variable's name is.
 */

const BUILTIN_PROVIDERS = Object.freeze([
    { name: 'nvidia', endpoint: 'https://integrate.api.nvidia.com/v1', provider_type: 'openai', api_key: 'NVIDIA_API_KEY' },
    { name: 'openai', endpoint: 'https://api.openai.com/v1', provider_type: 'openai', api_key: 'OPENAI_API_KEY' },
    { name: 'openrouter', endpoint: 'https://openrouter.ai/api/v1', provider_type: 'openai', api_key: 'OPENROUTER_API_KEY' },
]);
/** Workflow providers merged over the built-ins by name (fields given replace the built-in's). */
function mergeProviders(custom = [], builtins = BUILTIN_PROVIDERS) {
    const out = new Map();
    for (const p of builtins)
        out.set(p.name, { ...p });
    for (const p of custom) {
        const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
        out.set(p.name, { ...(out.get(p.name) ?? {}), ...defined });
    }
    return out;
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isEnvVariableName(text) {
    return ENV_NAME.test(text) && !/^(sk-|nvapi-)/i.test(text);
}
/**
 * The key for `provider`, or null when it declares none (a local server without auth).
 * Throws a DdflowError naming the variable and the provider when the variable is missing or empty.
 */
function resolveApiKey(provider, env = process.env) {
    const name = provider.api_key;
    if (name === undefined || name === null || name === '')
        return null;
    if (!isEnvVariableName(name)) {
        // The value may be a pasted key: say what is wrong without repeating it.
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`The api_key of provider '${provider.name}' must be the name of an environment variable holding the key (use a secret), not the key itself.`);
    }
    const value = env[name];
    if (value === undefined || value.trim() === '') {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`Provider '${provider.name}' needs an API key: the environment variable ${name} is not set or is empty.`);
    }
    return value;
}



/***/ }),

/***/ 98890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Go: () => (/* binding */ MIN_ANSWER_SECRET_LENGTH),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   s2: () => (/* binding */ redactAnswer),
/* harmony export */   sD: () => (/* binding */ redactorFor)
/* harmony export */ });
/* unused harmony exports MIN_FRAGMENT, MAX_SERVER_TEXT, SecretRedactor, redactSecret */
/**
 * Removing an API key from text that came from a provider: error messages (some servers echo the
 * credential back) and model answers (a model can repeat what it was given). Not only the whole key:
 * any fragment of it of {@link MIN_FRAGMENT} characters or more, and the same in the encodings a key is
 * usually seen in (base64 at any byte alignment, standard and URL-safe, as in Basic auth headers; hex;
 * URL-encoding). The runner of a GitHub job masks only the whole key, so a fragment must never get out.
 */
/** What a removed key (or fragment) is replaced by. */
const REDACTED = '[REDACTED]';
/** The shortest fragment of a key, in characters of the key, that is removed. */
const MIN_FRAGMENT = 12;
/** A key shorter than this is a placeholder (`EMPTY`, `none`), not a secret: it is not removed from answers. */
const MIN_ANSWER_SECRET_LENGTH = 8;
/** The longest provider error text kept in a message (after redaction). */
const MAX_SERVER_TEXT = 200;
/** The characters of base64(prefix + key) that depend on the key's bytes only, for a prefix of `offset` bytes. */
function base64Core(key, offset) {
    const enc = Buffer.concat([Buffer.alloc(offset), key]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + key.length)) / 6);
    return enc.slice(first, end);
}
function formsOf(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const forms = [{ text: secret, min: MIN_FRAGMENT }];
    const url = encodeURIComponent(secret);
    if (url !== secret)
        forms.push({ text: url, min: MIN_FRAGMENT });
    const hex = bytes.toString('hex');
    forms.push({ text: hex, min: 2 * MIN_FRAGMENT }, { text: hex.toUpperCase(), min: 2 * MIN_FRAGMENT });
    for (let offset = 0; offset < 3; offset++) {
        const core = base64Core(bytes, offset);
        // 12 characters of the key are 16 of base64.
        forms.push({ text: core, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
        const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
        if (urlSafe !== core)
            forms.push({ text: urlSafe, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
    }
    return forms;
}
/** Finds keys (and fragments) in text; built once per key. */
class SecretRedactor {
    /** Window length → every substring of that length of some form. */
    grams = new Map();
    /** Whole forms too short for a fragment window (a short key is still removed whole). */
    wholes = [];
    constructor(secret) {
        // A key read with a stray newline or space is echoed without it.
        secret = secret.trim();
        for (const form of formsOf(secret)) {
            if (form.text.length === 0)
                continue;
            if (form.text.length < form.min) {
                // Only the raw key is removed whole when short; encodings of a short key are too short to matter.
                if (form.text === secret)
                    this.wholes.push(secret);
                continue;
            }
            let set = this.grams.get(form.min);
            if (!set)
                this.grams.set(form.min, (set = new Set()));
            for (let i = 0; i + form.min <= form.text.length; i++)
                set.add(form.text.slice(i, i + form.min));
        }
        // The key base64-encoded on its own, padding included, goes as one piece (no stray `A==` left).
        const b64 = Buffer.from(secret, 'utf8').toString('base64');
        if (secret.length >= MIN_FRAGMENT)
            this.wholes.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    /** The text with every occurrence replaced by {@link REDACTED}, and how many runs were replaced. */
    redact(text) {
        if (text.length === 0)
            return { text, count: 0 };
        const hit = new Uint8Array(text.length);
        let any = false;
        for (const [len, set] of this.grams) {
            for (let i = 0; i + len <= text.length; i++) {
                if (set.has(text.slice(i, i + len))) {
                    hit.fill(1, i, i + len);
                    any = true;
                }
            }
        }
        for (const whole of this.wholes) {
            for (let i = text.indexOf(whole); i >= 0; i = text.indexOf(whole, i + 1)) {
                hit.fill(1, i, i + whole.length);
                any = true;
            }
        }
        if (!any)
            return { text, count: 0 };
        let out = '';
        let count = 0;
        for (let i = 0; i < text.length;) {
            if (hit[i]) {
                while (i < text.length && hit[i])
                    i++;
                out += REDACTED;
                count++;
            }
            else {
                let j = i;
                while (j < text.length && !hit[j])
                    j++;
                out += text.slice(i, j);
                i = j;
            }
        }
        return { text: out, count };
    }
}
const redactors = new Map();
/** The redactor of `secret` (cached: a run has a handful of keys). */
function redactorFor(secret) {
    let r = redactors.get(secret);
    if (!r) {
        if (redactors.size > 64)
            redactors.clear();
        redactors.set(secret, (r = new SecretRedactor(secret)));
    }
    return r;
}
/** `text` without the key (nor any fragment or encoding of it). */
function redactSecret(text, secret) {
    return secret && secret.trim() !== '' ? redactorFor(secret).redact(text).text : text;
}
/** `text` without any of `secrets` worth cutting (placeholders shorter than MIN_ANSWER_SECRET_LENGTH stay). */
function redactSecrets(text, secrets) {
    let out = text;
    for (const s of secrets ?? [])
        if (s.trim().length >= MIN_ANSWER_SECRET_LENGTH)
            out = redactorFor(s).redact(out).text;
    return out;
}
/**
 * Provider-supplied text as put in a message: the key removed first, then cut to
 * {@link MAX_SERVER_TEXT} characters (cutting first could split the key and leave a fragment the
 * redaction no longer recognises).
 */
function serverText(text, secret) {
    const clean = redactSecret(text, secret);
    return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT)}…` : clean;
}
/**
 * A model answer with the key removed. Placeholder keys shorter than {@link MIN_ANSWER_SECRET_LENGTH}
 * are left alone (removing `EMPTY` from answers would damage data and protect nothing).
 */
function redactAnswer(text, secret) {
    if (!secret || secret.trim().length < MIN_ANSWER_SECRET_LENGTH)
        return { text, count: 0 };
    const redactor = redactorFor(secret);
    const direct = redactor.redact(text);
    // A JSON answer can spell the key with \u escapes (`sk\u002dabc…`): read with the escapes of printable
    // characters decoded (still the same JSON: quotes, backslashes and control characters stay escaped).
    const view = unescapedJsonText(direct.text);
    if (view === direct.text)
        return direct;
    const again = redactor.redact(view);
    return again.count > 0 ? { text: again.text, count: direct.count + again.count } : direct;
}
/** `\uXXXX` escapes of printable characters (not `"`, `\\`, control characters or surrogates) decoded. */
function unescapedJsonText(text) {
    if (!text.includes('\\u'))
        return text;
    return text.replace(/(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})/g, (m, lead, hex) => {
        const code = parseInt(hex, 16);
        const c = String.fromCharCode(code);
        return code >= 0x20 && c !== '"' && c !== '\\' && (code < 0xd800 || code > 0xdfff) ? lead + c : m;
    });
}


/***/ }),

/***/ 22794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ AGENT_ROLLOUT_COLUMN_NAMES),
/* harmony export */   PY: () => (/* binding */ agentRolloutSideFiles),
/* harmony export */   WA: () => (/* binding */ warnsUnhandledRolloutFile),
/* harmony export */   dq: () => (/* binding */ agentRolloutFilePattern),
/* harmony export */   kc: () => (/* binding */ expandHome),
/* harmony export */   mt: () => (/* binding */ agentRolloutFiles)
/* harmony export */ });
/* unused harmony exports AGENT_ROLLOUT_DEFAULTS, agentRolloutRoot, isHandledRolloutFile */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _seed_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23846);
/**
 * The files an `agent_rollout` seed reads: ONE enumerator for the reader (src/data/agent-rollout/), the
 * stage fingerprint (their content) and validation, as src/shared/seed-files.ts is for the other seeds.
 *
 * Data Designer: config/seed_source.py (get_agent_rollout_format_defaults: default root and file_pattern
 * per format; the root goes through Path.expanduser), engine/resources/seed_reader.py
 * (AgentRolloutSeedReader.build_manifest: the files matching file_pattern, then only those the format's
 * handler `is_handled_file`; the others are skipped with a warning) and the handlers' is_handled_file.
 */




/** Data Designer's get_agent_rollout_format_defaults: (default root under the home directory, file_pattern). */
const AGENT_ROLLOUT_DEFAULTS = {
    atif: { path: null, filePattern: '*.json' },
    claude_code: { path: '~/.claude/projects', filePattern: '*.jsonl' },
    codex: { path: '~/.codex/sessions', filePattern: '*.jsonl' },
    hermes_agent: { path: '~/.hermes/sessions', filePattern: '*.json*' },
    pi_coding_agent: { path: '~/.pi/agent/sessions', filePattern: '*.jsonl' },
};
/** Python's Path.expanduser for `~` and `~/...` (the home directory: HOME, else the account's). */
function expandHome(p) {
    if (p === '~')
        return (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)();
    if (p.startsWith('~/') || p.startsWith(`~${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`))
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), p.slice(2));
    return p;
}
/** The directory a rollout seed reads: its path (`~` expanded, relative to `baseDir`) or its format's default. */
function agentRolloutRoot(source, baseDir) {
    const given = source.path ?? AGENT_ROLLOUT_DEFAULTS[source.format].path;
    if (given === null)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`AgentRolloutSeedSource.path is required for format '${source.format}'.`);
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, expandHome(given));
}
function agentRolloutFilePattern(source) {
    return source.file_pattern ?? AGENT_ROLLOUT_DEFAULTS[source.format].filePattern;
}
/** The handlers' is_handled_file (engine/resources/agent_rollout/<format>.py), on a relative POSIX path. */
function isHandledRolloutFile(format, relativePath) {
    const parts = relativePath.split('/');
    const name = parts[parts.length - 1];
    const suffix = pySuffix(name);
    switch (format) {
        case 'claude_code':
            return suffix === '.jsonl' && !parts.includes('tool-results') && name !== 'history.jsonl';
        case 'codex':
            return suffix === '.jsonl' && name.startsWith('rollout-');
        case 'atif':
            return suffix === '.json';
        case 'hermes_agent':
            if (name === 'sessions.json')
                return false;
            if (suffix === '.json')
                return name.startsWith('session_');
            return suffix === '.jsonl';
        case 'pi_coding_agent':
            return suffix === '.jsonl';
    }
}
/**
 * The handlers' should_warn_unhandled_file: Hermes writes non-session JSON (sessions.json, ...) next to
 * its logs, which Data Designer skips without a warning; every other format warns.
 */
function warnsUnhandledRolloutFile(format, relativePath) {
    if (format !== 'hermes_agent')
        return true;
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    return pySuffix(name) !== '.json' || name.startsWith('session_');
}
/** pathlib's PurePath.suffix: the last dot-part of the name, '' for none or a name that is only a leading dot. */
function pySuffix(name) {
    const i = name.lastIndexOf('.');
    if (i <= 0 || i === name.length - 1)
        return '';
    return name.slice(i);
}
/**
 * The rollout files of a seed, with Data Designer's messages when there are none: a missing directory,
 * or no file matching file_pattern.
 */
function agentRolloutFiles(source, baseDir) {
    const root = agentRolloutRoot(source, baseDir);
    const pattern = agentRolloutFilePattern(source);
    if (!pattern.trim())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('file_pattern must be a non-empty string.');
    if (pattern.includes('/') || pattern.includes('\\'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('file_pattern must match file names, not relative paths.');
    const recursive = source.recursive ?? true;
    const matched = (0,_seed_files_js__WEBPACK_IMPORTED_MODULE_3__/* .directorySeedFiles */ .sz)(root, pattern, recursive);
    if (matched.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`No files matched file_pattern '${pattern}' ${recursive ? 'under' : 'directly under'} ${root}`);
    const handled = [];
    const unhandled = [];
    for (const rel of matched)
        (isHandledRolloutFile(source.format, rel) ? handled : unhandled).push(rel);
    return { root, handled, unhandled };
}
/**
 * Files outside the handled set that a format reads anyway: Claude Code's sessions-index.json files
 * (project path, summary, first prompt per session; claude_code.py load_claude_session_index) and
 * Hermes Agent's sessions.json (hermes_agent.py load_hermes_session_index), globbed recursively unless
 * `recursive` is false. Absolute paths, sorted.
 */
function agentRolloutSideFiles(source, root) {
    const index = source.format === 'claude_code' ? 'sessions-index.json' : source.format === 'hermes_agent' ? 'sessions.json' : undefined;
    if (!index)
        return [];
    return (0,_seed_files_js__WEBPACK_IMPORTED_MODULE_3__/* .directorySeedFiles */ .sz)(root, index, source.recursive ?? true).map((rel) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, ...rel.split('/')));
}
/** The columns of a rollout seed row (Data Designer's NormalizedAgentRolloutRecord fields, in order). */
const AGENT_ROLLOUT_COLUMN_NAMES = [
    'trace_id',
    'source_kind',
    'source_path',
    'root_session_id',
    'agent_id',
    'is_sidechain',
    'cwd',
    'project_path',
    'git_branch',
    'started_at',
    'ended_at',
    'messages',
    'source_meta',
    'message_count',
    'tool_call_count',
    'final_assistant_message',
];


/***/ }),

/***/ 44498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YC: () => (/* binding */ editDistance),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports typoDistance, closestName */
/**
 * "Did you mean": the closest known name to a mistyped one (commands, options, stage and column
 * names), by edit distance, when it is close enough to be a likely typo.
 */
/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/** Edit distance where swapping two neighbouring characters is one edit (`rnu` → `run`): how typos look. */
function typoDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/**
 * The known name closest to `name` (case-insensitive, `-` and `_` alike), when at most 2 edits and at
 * most a third of the longer name's length away — or one that `name` (3 characters or more) begins;
 * undefined otherwise.
 */
function closestName(name, known) {
    const norm = (s) => s.toLowerCase().replace(/-/g, '_');
    const n = norm(name);
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        if (k === name)
            continue;
        const d = typoDistance(n, norm(k));
        // Short names suggest only their case or `-`/`_` variant (`q` is no typo of `a`).
        const limit = Math.min(2, Math.floor(Math.max(n.length, k.length) / 3));
        const ok = d <= limit || (n.length >= 3 && norm(k).startsWith(n));
        if (ok && d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best;
}
/** ` (did you mean 'x'?)` or ''. `quote` wraps the suggestion (default single quotes). */
function didYouMean(name, known, quote = (s) => `'${s}'`) {
    const best = closestName(name, known);
    return best === undefined ? '' : ` (did you mean ${quote(best)}?)`;
}


/***/ }),

/***/ 54923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ displayEndpoint)
/* harmony export */ });
/**
 * An endpoint or URL as shown in a message: credentials, query and fragment removed (they may hold a
 * token). Used for model providers and the Hugging Face Hub alike.
 */
function displayEndpoint(endpoint) {
    try {
        const url = new URL(endpoint);
        url.username = '';
        url.password = '';
        url.search = '';
        url.hash = '';
        return url.toString().replace(/\/+$/, '');
    }
    catch {
        return endpoint.replace(/[?#].*$/, '').replace(/\/+$/, '');
    }
}


/***/ }),

/***/ 83143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ parseHfPath)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/**
 * The path of an `hf` seed source, as Data Designer's HfFileSystem reads it:
 * `datasets/<org>/<dataset>[@<revision>]/<file or glob>`. Shared by validation (its shape) and the
 * Hub reader (src/data/hf-hub.ts).
 */

/** Splits `datasets/<org>/<repo>[@rev]/<pattern>`; throws a sentence for any other shape. */
function parseHfPath(userPath) {
    const m = /^datasets\/([^/@]+)\/([^/@]+)(?:@([^/]+))?(?:\/(.*))?$/.exec(userPath.trim());
    if (!m) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`The hf seed path '${userPath}' is not of the form datasets/<org>/<dataset>/<file or glob> (for example datasets/my-org/my-dataset/data/*.parquet).`);
    }
    let revision = 'main';
    if (m[3] !== undefined) {
        try {
            revision = decodeURIComponent(m[3]);
        }
        catch {
            revision = m[3];
        }
    }
    return { repo: `${m[1]}/${m[2]}`, revision, pattern: m[4] ?? '' };
}


/***/ }),

/***/ 23846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ localSeedFiles),
/* harmony export */   P4: () => (/* binding */ localWildcardExtension),
/* harmony export */   St: () => (/* binding */ SEED_FILE_EXTENSIONS),
/* harmony export */   sz: () => (/* binding */ directorySeedFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/**
 * The files a seed source reads: ONE enumerator, used by the seed reader (what rows exist), the stage
 * fingerprint (what content the stage depends on) and validation (what columns a seed has). When these
 * disagreed, a file the reader read but the fingerprint skipped (a dot-file) could change without the
 * stage noticing, and a stale stage was reused.
 *
 * Matching follows what the reader always did: DuckDB's glob and Data Designer's directory reader
 * (fnmatch) both match names starting with a dot, so dot-files and dot-directories are included.
 * Only regular files are listed (symbolic links are followed): a FIFO or a device never is, so reading
 * or hashing a seed cannot block. A file that resolves into /proc, /sys, /dev or a .git directory is
 * refused (see refuseSecretLocation); a directory walk does not enter `.git`.
 */




const SEED_FILE_EXTENSIONS = ['.parquet', '.csv', '.json', '.jsonl'];
/** Where the system keeps pseudo-files (a process's environment, its memory, devices), never seed data. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
/**
 * Refuses a seed file that is (or links to) a system pseudo-file or a file inside a `.git` directory. A
 * workflow file is untrusted input: `docs/env.txt -> /proc/self/environ` once put the whole environment,
 * API keys included, into the parquet files and the export, and `.git/config` holds the token a CI
 * checkout persists.
 */
function refuseSecretLocation(file, shown) {
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return; // unreadable: the reader says so
    }
    const system = SYSTEM_ROOTS.find((root) => real === root || real.startsWith(`${root}/`));
    if (system !== undefined)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path ${shown} resolves to ${real}: ddflow reads no seed files under ${system} (they hold the process's environment and keys, not data).`);
    if (real.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).includes('.git'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path ${shown} resolves to ${real}, inside a .git directory: ddflow reads no seed files there (a checkout keeps its credentials in it).`);
}
function statSafe(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p);
    }
    catch {
        return undefined;
    }
}
function listSafe(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
/** The wildcard extension of a `local` path written as `<dir>/*<ext>` (the only glob Data Designer reads), else undefined. */
function localWildcardExtension(userPath) {
    return SEED_FILE_EXTENSIONS.find((ext) => userPath.endsWith(`*${ext}`));
}
/**
 * The files of a `local` seed path, absolute and sorted: the file itself, or every regular file of
 * `<dir>` whose name ends with `<ext>` for `<dir>/*<ext>`. Throws Data Designer's messages when the path
 * reads nothing.
 */
function localSeedFiles(userPath, baseDir) {
    const ext = localWildcardExtension(userPath);
    if (ext) {
        const dirPart = userPath.slice(0, userPath.indexOf('*.'));
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, dirPart || '.');
        const match = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(`*${ext}`, { dot: true });
        const matched = statSafe(dir)?.isDirectory() ? listSafe(dir).filter((name) => match(name)).sort() : [];
        // DuckDB's glob would have opened a FIFO among the matches and waited for a writer forever: say so.
        const special = matched.find((name) => {
            const st = statSafe(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
            return st !== undefined && !st.isFile() && !st.isDirectory();
        });
        if (special !== undefined)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path '${dirPart}${special}' is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
        const files = matched.filter((name) => statSafe(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name))?.isFile()).map((name) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
        if (files.length === 0)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path '${dirPart}' does not contain files of type '${ext.slice(1)}'.`);
        for (const f of files)
            refuseSecretLocation(f, `'${dirPart}${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f)}'`);
        return files;
    }
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, userPath);
    const st = statSafe(resolved);
    if (!st)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path ${userPath} is not a file.`);
    if (!st.isFile())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(st.isDirectory() ? `Path ${userPath} is not a file.` : `Path ${userPath} is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
    if (!SEED_FILE_EXTENSIONS.includes(node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(resolved).toLowerCase())) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq("Dataset files must be in parquet, csv, or jsonl/json (orient='records', lines=True) format.");
    }
    refuseSecretLocation(resolved, userPath);
    return [resolved];
}
/**
 * The files below a `directory` / `file_contents` seed root whose NAME matches `pattern` (fnmatch:
 * case-sensitive, `*` matches a leading dot), as relative POSIX paths sorted by code unit. A directory
 * reached twice through symbolic links is walked once.
 */
function directorySeedFiles(root, pattern, recursive) {
    if (!statSafe(root)?.isDirectory())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Seed source directory '${root}' does not exist.`);
    const matches = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: true, nocase: false });
    const out = [];
    const seen = new Set();
    const walk = (dir, rel) => {
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
        }
        catch {
            return;
        }
        if (seen.has(real))
            return;
        seen.add(real);
        for (const name of listSafe(dir)) {
            // A repository's own database is never seed data (and holds a CI checkout's credentials).
            if (name === '.git')
                continue;
            const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
            const relPath = rel ? `${rel}/${name}` : name;
            const st = statSafe(abs);
            if (!st)
                continue;
            if (st.isDirectory()) {
                if (recursive)
                    walk(abs, relPath);
            }
            else if (st.isFile() && matches(name))
                out.push(relPath);
        }
    };
    walk(root, '');
    for (const rel of out)
        refuseSecretLocation(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, ...rel.split('/')), `'${rel}' (under ${root})`);
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}


/***/ }),

/***/ 11068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ stderrTail)
/* harmony export */ });
/**
 * The last lines of a command's stderr as ONE line (joined with " | "), for an error message that must
 * stay one line in the CLI, the metadata `error` and the Action log: up to 5 non-empty lines, and at most
 * 1000 characters, keeping the end (where the cause usually is).
 */
function stderrTail(stderr, maxLines = 5, maxChars = 1000) {
    const lines = stderr
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-maxLines);
    const text = lines.join(' | ');
    return text.length > maxChars ? `…${text.slice(-(maxChars - 1))}` : text;
}


/***/ }),

/***/ 17553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LE: () => (/* binding */ stageFingerprint),
/* harmony export */   W9: () => (/* binding */ CACHE_FORMAT_VERSION),
/* harmony export */   Xw: () => (/* binding */ overriddenFingerprint),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   mg: () => (/* binding */ filesHash),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony exports FINGERPRINT_FIELDS, seedSourceIdentity, fileHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94851);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27531);
/* harmony import */ var _shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23846);
/* harmony import */ var _shared_agent_rollout_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(22794);
/* harmony import */ var _data_hf_hub_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(18490);
/* harmony import */ var _engine_samplers_person_data_location_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61888);
/* harmony import */ var _config_score_options_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(48691);
/* harmony import */ var _config_model_aliases_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(64626);
/* harmony import */ var _functions_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(83444);
/* harmony import */ var _stage_tools_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(60677);
/* harmony import */ var _config_defaults_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(31954);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(90131);
/**
 * A stage's fingerprint: the identity of the data it produces. Two runs with the same fingerprint must
 * produce the same dataset, so a matching stage can be reused (locally or from the cache store) and a
 * changed one — or anything downstream of it — reruns.
 *
 * What goes in is everything that can change the rows, and nothing that cannot: seed files are hashed
 * by CONTENT (a moved checkout or a renamed artifact directory still matches), model configs by what
 * reaches the model (id, endpoint, sampling parameters) and not by concurrency or timeouts.
 */















/**
 * Bumped only when ddflow's generated data would change for the same inputs (a sampler draws
 * differently, a processor writes different rows) — NOT on every release, so upgrading ddflow does not
 * throw away a cache that is still valid.
 */
const CACHE_FORMAT_VERSION = 1;
const FINGERPRINT_FIELDS = {
    workflow: { $schema: 'non-data', name: 'non-data', seed: 'data', artifact_path: 'non-data', model_providers: 'data', model_configs: 'data', mcp_providers: 'data', run_config: 'data', functions: 'data', stages: 'data' },
    stage: {
        name: 'non-data',
        config: 'data',
        num_records: 'data',
        output_processors: 'data',
        output: 'data',
        on_success: 'data',
        allow_empty: 'data',
        sampling_strategy: 'data',
        selection_strategy: 'data',
    },
    on_success: { run: 'non-data', version: 'data' },
    // The code itself is opaque: its version stands for it (the metadata reaches the fingerprint through
    // the custom column's config, where the loader fills it in).
    function_binding: { module: 'non-data', export: 'non-data', run: 'non-data', version: 'data', required_columns: 'data', side_effect_columns: 'data', model_aliases: 'data' },
    // A tool server is opaque like a bound function: its version stands for its tools (stage-tools.ts).
    mcp_provider: { name: 'data', provider_type: 'data', endpoint: 'data', command: 'data', args: 'data', env: 'data', pass_env: 'data', api_key: 'non-data', version: 'data' },
    tool_config: { tool_alias: 'data', providers: 'data', allow_tools: 'data', max_tool_call_turns: 'data', timeout_sec: 'non-data' },
    model_provider: { name: 'data', endpoint: 'data', provider_type: 'data', api_key: 'non-data', extra_headers: 'data', extra_body: 'data' },
    model_config: { alias: 'data', model: 'data', provider: 'data', inference_parameters: 'data', skip_health_check: 'non-data', pricing: 'non-data' },
    inference_parameters: {
        generation_type: 'data',
        temperature: 'data',
        top_p: 'data',
        max_tokens: 'data',
        extra_body: 'data',
        encoding_format: 'data',
        dimensions: 'data',
        max_parallel_requests: 'non-data',
        timeout: 'non-data',
        // Batch or online, the same requests get the same answers (ddflow extension).
        batch: 'non-data',
    },
    run_config: {
        disable_early_shutdown: 'non-data',
        shutdown_error_rate: 'non-data',
        shutdown_error_window: 'non-data',
        // Rows are a pure function of their record index, whatever the row-group size (a resumed stage
        // whose row groups were cut with another size is regenerated, never mixed: see the engine).
        buffer_size: 'non-data',
        max_concurrent_row_groups: 'non-data',
        max_in_flight_tasks: 'non-data',
        non_inference_max_parallel_workers: 'non-data',
        max_conversation_restarts: 'data',
        max_conversation_correction_steps: 'data',
        async_trace: 'non-data',
        write_scheduler_events: 'non-data',
        display_tui: 'non-data',
        progress_interval: 'non-data',
        otel_metrics_port: 'non-data',
        preserve_dropped_columns: 'data',
        jinja_rendering_engine: 'data',
        request_admission: 'non-data',
        rate_limit_stall_seconds: 'non-data',
        max_cost_usd: 'non-data',
        max_total_tokens: 'non-data',
    },
    remote_validator: {
        validator_type: 'data',
        endpoint_url: 'data',
        output_schema: 'data',
        timeout: 'non-data',
        max_retries: 'non-data',
        retry_backoff: 'non-data',
        max_parallel_requests: 'non-data',
    },
};
/** The fields of `value` that FINGERPRINT_FIELDS[section] marks as data; an unclassified field counts as data (safe side). */
function dataFields(section, value) {
    if (!value)
        return null;
    const roles = FINGERPRINT_FIELDS[section];
    return Object.fromEntries(Object.entries(value).filter(([k]) => roles[k] !== 'non-data'));
}
async function stageFingerprint(input) {
    const payload = {
        config: await dataConfig(input),
        num_records: input.numRecords,
        sampling_strategy: input.seededFromUpstream ? input.samplingStrategy : null,
        selection_strategy: input.seededFromUpstream ? input.selectionStrategy : null,
        output_processors: input.outputProcessors,
        // Output processors before this marker kept only the first 1000 rows of a larger stage: outputs
        // recorded then are not reused (only stages with output_processors get new fingerprints).
        ...(input.outputProcessors.length > 0 ? { output_processors_reader: 2 } : {}),
        output: input.output,
        allow_empty: input.allowEmpty,
        // A command without a version is opaque: a fresh nonce makes sure its output is never reused.
        on_success: input.onSuccess ? { version: input.onSuccess.version ?? `unversioned-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')}` } : null,
        // Only present when the stage uses functions, so that fingerprints of every other stage stay as they were.
        ...functionsPayload(input.functions),
        // Likewise only for stages whose columns call MCP tools.
        ...(0,_stage_tools_js__WEBPACK_IMPORTED_MODULE_11__/* .toolProvidersPayload */ .tN)(input.toolProviders),
        seed: input.seed ?? null,
        run_config: dataFields('run_config', input.runConfig ?? {}),
        cache_format_version: CACHE_FORMAT_VERSION,
        upstream_fingerprint: input.upstreamFingerprint,
    };
    return sha256(canonicalJson(payload));
}
/** The keys of a map, in order, with the order of the maps inside it (null for anything else). */
function keysInOrder(value) {
    if (Array.isArray(value))
        return value.some((v) => v !== null && typeof v === 'object') ? value.map(keysInOrder) : null;
    if (value === null || typeof value !== 'object')
        return null;
    return Object.entries(value).map(([k, v]) => [k, keysInOrder(v)]);
}
/**
 * The key order of the maps whose order changes the rows — which canonical JSON (sorted keys) cannot
 * see: `conditional_params` (a later matching condition wins), a schema_transform `template` (the
 * output's columns and the JSON keys in its cells) and an llm-structured `output_format` (the order of
 * the fields the model is asked for and writes). Undefined when there is none, so that the fingerprints
 * of every other stage stay as they were.
 */
function keyOrderOf(config, outputProcessors) {
    const out = {};
    for (const c of (Array.isArray(config.columns) ? config.columns : [])) {
        const name = String(c?.name);
        if (c?.conditional_params && typeof c.conditional_params === 'object' && Object.keys(c.conditional_params).length > 1)
            out[`column ${name} conditional_params`] = Object.keys(c.conditional_params);
        if (c?.output_format && typeof c.output_format === 'object')
            out[`column ${name} output_format`] = keysInOrder(c.output_format);
    }
    for (const [where, list] of [['processor', config.processors], ['output processor', outputProcessors]]) {
        for (const p of (Array.isArray(list) ? list : [])) {
            if (p?.processor_type === 'schema_transform')
                out[`${where} ${String(p.name)} template`] = keysInOrder(p.template);
        }
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
/** Bound code is opaque like an on_success command: its version stands for it, and without one, a fresh nonce. */
function functionsPayload(functions) {
    const versions = (0,_functions_js__WEBPACK_IMPORTED_MODULE_10__/* .functionVersions */ .I)(functions, () => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'));
    return versions ? { functions: versions } : {};
}
/** Combines a stage fingerprint with the content hash of a reviewed override of its output. */
function overriddenFingerprint(stageFp, overrideContentHash) {
    return sha256(canonicalJson({ stage: stageFp, override: overrideContentHash }));
}
function canonicalJson(value) {
    return JSON.stringify((0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_4__/* .sortKeysDeep */ .$E)(stripUndefined(value)));
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/** The stage config reduced to what shapes data, with seed files replaced by their content hash. */
async function dataConfig(input) {
    const { model_configs: _own, seed_config, tool_configs, ...rest } = input.config;
    const aliases = new Set((0,_config_model_aliases_js__WEBPACK_IMPORTED_MODULE_14__/* .modelAliasesOf */ .X)(rest));
    const byAlias = new Map(input.modelConfigs.map((m) => [m.alias, m]));
    const models = {};
    for (const alias of [...aliases].sort()) {
        const m = byAlias.get(alias);
        if (!m) {
            models[alias] = null;
            continue;
        }
        const provider = input.modelProviders.find((p) => p.name === m.provider);
        const model = dataFields('model_config', m);
        models[alias] = {
            ...model,
            alias: undefined,
            inference_parameters: dataFields('inference_parameters', m.inference_parameters),
            // A built-in provider the file does not redefine is identified by its name; api_key is a variable NAME.
            provider_config: dataFields('model_provider', provider),
        };
    }
    const seed = !input.seededFromUpstream && seed_config
        ? {
            source: await seedSourceIdentity(seed_config.source),
            sampling_strategy: seed_config.sampling_strategy ?? _config_schema_js__WEBPACK_IMPORTED_MODULE_13__/* .SamplingStrategy */ .l_.default,
            selection_strategy: seed_config.selection_strategy ?? null,
        }
        : null;
    // Judge options whose key types or order the plain object cannot show (`1:` vs `'1':` store 1 vs "1").
    const typedScores = (0,_config_score_options_js__WEBPACK_IMPORTED_MODULE_9__/* .typedScoreOptionsOf */ .Mc)(input.config);
    const personData = await personDataOf(input.config);
    const keyOrder = keyOrderOf(input.config, input.outputProcessors);
    return {
        ...withoutTransportSettings(rest),
        ...(keyOrder ? { key_order: keyOrder } : {}),
        // A tool call's timeout decides only whether a row is lost for now, not what a completed row holds.
        ...(tool_configs !== undefined ? { tool_configs: Array.isArray(tool_configs) ? tool_configs.map((t) => dataFields('tool_config', t)) : tool_configs } : {}),
        seed_config: seed,
        models,
        ...(typedScores ? { typed_score_options: typedScores } : {}),
        ...(personData ? { person_data: personData } : {}),
    };
}
/** The persona data behind `person` sampler columns (src/engine/samplers/person-data.ts): a new dataset commit re-runs the stage. */
async function personDataOf(config) {
    const locales = new Set();
    for (const c of config.columns ?? []) {
        const col = c;
        if (col.column_type !== 'sampler' || col.sampler_type !== 'person')
            continue;
        for (const p of [col.params, ...Object.values(col.conditional_params ?? {})])
            locales.add(p?.locale ?? 'en_US');
    }
    if (locales.size === 0)
        return undefined;
    return Promise.all([...locales].sort().map((l) => (0,_engine_samplers_person_data_location_js__WEBPACK_IMPORTED_MODULE_8__/* .personDataIdentity */ ._h)(l)));
}
/** Columns are data through and through, except a remote validator's transport settings. */
function withoutTransportSettings(config) {
    const columns = config.columns.map((c) => {
        const params = c.validator_params;
        if (!params || typeof params !== 'object' || !('endpoint_url' in params))
            return c;
        return { ...c, validator_params: dataFields('remote_validator', params) };
    });
    return { ...config, columns };
}
function stripUndefined(node) {
    if (Array.isArray(node))
        return node.map(stripUndefined);
    if (node && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, stripUndefined(v)]));
    }
    return node;
}
/** What a seed source contributes: its kind and options, and the hash of the files it reads — never its path. */
async function seedSourceIdentity(source) {
    if (source.seed_type === 'local') {
        // The reader's own enumerator (src/shared/seed-files.ts): exactly the files the stage reads.
        const files = (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__/* .localSeedFiles */ .$b)(source.path, process.cwd());
        return { seed_type: 'local', format: files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().extname(f).toLowerCase()), content: await Promise.all(files.map(fileHash)) };
    }
    // The Hub commit the revision names and the files matched there (src/data/hf-hub.ts): a new upload changes it.
    if (source.seed_type === 'hf')
        return (0,_data_hf_hub_js__WEBPACK_IMPORTED_MODULE_7__/* .hfSeedIdentity */ .wT)(source);
    // Agent traces: the content of the trace files (and Claude Code's session indexes) the reader parses.
    if (source.seed_type === 'agent_rollout')
        return agentRolloutIdentity(source);
    const { recursive, file_pattern: pattern } = (0,_config_defaults_js__WEBPACK_IMPORTED_MODULE_12__/* .withSchemaDefaults */ .A)(source.seed_type === 'directory' ? _config_schema_js__WEBPACK_IMPORTED_MODULE_13__/* .DirectorySeedSource */ .g$ : _config_schema_js__WEBPACK_IMPORTED_MODULE_13__/* .FileContentsSeedSource */ .LH, source);
    const files = (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_5__/* .directorySeedFiles */ .sz)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(source.path), pattern, recursive);
    const listing = await Promise.all(files.map(async (rel) => ({ path: rel, content: await fileHash(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(source.path, rel)) })));
    const { path: _p, ...options } = source;
    return { ...options, file_pattern: pattern, recursive, listing };
}
async function agentRolloutIdentity(source) {
    const { root, handled } = (0,_shared_agent_rollout_files_js__WEBPACK_IMPORTED_MODULE_6__/* .agentRolloutFiles */ .mt)(source, process.cwd());
    const listing = await Promise.all(handled.map(async (rel) => ({ path: rel, content: await fileHash(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, rel)) })));
    const side = await Promise.all((0,_shared_agent_rollout_files_js__WEBPACK_IMPORTED_MODULE_6__/* .agentRolloutSideFiles */ .PY)(source, root).map(async (f) => ({ path: node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, f).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/'), content: await fileHash(f) })));
    return { seed_type: 'agent_rollout', format: source.format, file_pattern: (0,_shared_agent_rollout_files_js__WEBPACK_IMPORTED_MODULE_6__/* .agentRolloutFilePattern */ .dq)(source), recursive: source.recursive ?? true, listing, ...(side.length ? { side } : {}) };
}
function fileHash(file) {
    return new Promise((resolve, reject) => {
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file)
            .on('data', (chunk) => h.update(chunk))
            // One sentence (an unreadable seed file was an "internal error" with the raw errno text).
            .on('error', (err) => reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Cannot read ${file} (${err.code ?? err.message}): ddflow hashes every file a stage reads to know whether it changed; make it readable.`, { cause: err })))
            .on('end', () => resolve(h.digest('hex')));
    });
}
/** Content hash of a set of files (an override, a selected output), in the given order. */
async function filesHash(files) {
    return sha256(canonicalJson(await Promise.all(files.map(fileHash))));
}


/***/ }),

/***/ 83444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ functionVersions),
/* harmony export */   f: () => (/* binding */ bindFunctions)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _engine_functions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67463);
/**
 * The workflow's `functions:` — code for the function names Data Designer writes into a config
 * (`generator_function` of a custom column, `validation_function` of a local_callable validator). The
 * stage config stays exactly as Data Designer wrote it; this binds each name to a JavaScript module or a
 * command, checks every used name is bound (one located sentence per unbound name), fills in each custom
 * column's `custom_column_metadata` from the binding (what Data Designer reads off its decorator), and
 * says which functions each stage uses (their `version` enters the stage's fingerprint).
 */




const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const METADATA_KEYS = ['required_columns', 'side_effect_columns', 'model_aliases'];
/** How a user binds `name`, for the sentence about an unbound name. */
function howToBind(name) {
    return `bind it in the workflow file: \`functions: {${name}: {module: ./${name}.mjs}}\` (a JavaScript module exporting ${name}) or \`functions: {${name}: {run: "python3 ${name}.py"}}\` (a command answering JSON lines)`;
}
/** Metadata a module's function carries, as Data Designer's decorator leaves it on the function. */
function exportedMetadata(fn) {
    const m = fn.custom_column_metadata;
    if (!isObj(m))
        return {};
    const out = {};
    for (const key of METADATA_KEYS) {
        const v = m[key];
        if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
            out[key] = v;
    }
    return out;
}
async function resolveBinding(name, binding, dir, report) {
    const given = {};
    for (const key of METADATA_KEYS)
        if (binding[key] !== undefined)
            given[key] = binding[key];
    let spec;
    let fromExport = {};
    if ('module' in binding) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir, binding.module);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile()) {
            report.error([name, 'module'], `the module ${binding.module} of function '${name}' does not exist (relative paths resolve against the directory of the workflow file)`, 'function_binding');
            return undefined;
        }
        const exportName = binding.export ?? name;
        try {
            // In a child process without the environment: loading a workflow (validate, plan) runs no bound
            // code with this process's secrets; the run imports the module when the stage calls it.
            fromExport = exportedMetadata({ custom_column_metadata: (await (0,_engine_functions_js__WEBPACK_IMPORTED_MODULE_3__/* .inspectBoundModule */ .XX)({ name, path: file, exportName, cwd: dir })).metadata });
        }
        catch (err) {
            if (!(err instanceof _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq))
                throw err;
            report.error([name, 'module'], err.message.replace(/\.$/, ''), 'function_binding');
            return undefined;
        }
        spec = { name, module: { path: file, exportName }, cwd: dir };
    }
    else {
        spec = { name, run: binding.run, cwd: dir };
    }
    // Fields written beside the binding win over what the module's function carries.
    const metadata = {
        required_columns: given.required_columns ?? fromExport.required_columns ?? [],
        side_effect_columns: given.side_effect_columns ?? fromExport.side_effect_columns ?? [],
        model_aliases: given.model_aliases ?? fromExport.model_aliases ?? [],
    };
    return { spec, metadata, ...(binding.version !== undefined ? { version: binding.version } : {}) };
}
/**
 * Resolves `functions:` and binds the names each stage config uses. `configs[i]` is stage i's config
 * (undefined when it failed the schema); `usable(path)` says whether a node passed the schema.
 * Returns, per stage, the functions it uses.
 */
async function bindFunctions(bindings, configs, dir, report, usable) {
    const resolved = new Map();
    const opaque = new Set();
    for (const [name, binding] of Object.entries(bindings ?? {})) {
        if (!usable(['functions', name])) {
            opaque.add(name);
            continue;
        }
        const r = await resolveBinding(name, binding, dir, report.under(['functions']));
        if (r)
            resolved.set(name, r);
        else
            opaque.add(name);
    }
    return configs.map((config, i) => {
        const used = new Map();
        if (!config || !Array.isArray(config.columns))
            return used;
        config.columns.forEach((col, j) => {
            const at = ['stages', i, 'config', 'columns', j];
            if (!isObj(col) || !usable(at))
                return;
            const ref = functionRef(col);
            if (!ref)
                return;
            const binding = resolved.get(ref.name);
            if (!binding) {
                if (!opaque.has(ref.name)) {
                    report.error([...at, ...ref.field], `function '${ref.name}' of column '${String(col.name)}' is not bound: ${howToBind(ref.name)}`, 'unbound_function');
                }
                return;
            }
            used.set(ref.name, { spec: binding.spec, ...(binding.version !== undefined ? { version: binding.version } : {}) });
            if (col.column_type === 'custom' && col.custom_column_metadata === undefined)
                col.custom_column_metadata = structuredClone(binding.metadata);
        });
        return used;
    });
}
/** The function name a column uses, and the field that names it. */
function functionRef(col) {
    if (col.column_type === 'custom' && typeof col.generator_function === 'string')
        return { name: col.generator_function, field: ['generator_function'] };
    const params = col.validator_params;
    if (col.column_type === 'validation' && col.validator_type === 'local_callable' && isObj(params) && typeof params.validation_function === 'string') {
        return { name: params.validation_function, field: ['validator_params', 'validation_function'] };
    }
    return undefined;
}
/** The versions of a stage's functions for its fingerprint (a random nonce for an unversioned one). */
function functionVersions(functions, nonce) {
    if (!functions || functions.size === 0)
        return null;
    return Object.fromEntries([...functions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, f]) => [name, f.version ?? `unversioned-${nonce()}`]));
}


/***/ }),

/***/ 26327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ CALLBACK_OUTPUTS_DIR),
/* harmony export */   G8: () => (/* binding */ readableRows),
/* harmony export */   Te: () => (/* binding */ parquetFilesAt),
/* harmony export */   yR: () => (/* binding */ runOnSuccess),
/* harmony export */   yk: () => (/* binding */ countOutputRows)
/* harmony export */ });
/* harmony import */ var _shared_stderr_tail_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(11068);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94851);
/* harmony import */ var _llm_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98890);
/* harmony import */ var _data_dataset_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99724);
/* harmony import */ var _data_database_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94715);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(27531);
/**
 * A stage's selected output is a path on disk — a directory of parquet files (row groups, a processor's
 * files, a callback's output) or one parquet file (a reviewed override) — and this is how the runner
 * lists, counts and prepares such outputs, including the trusted `on_success` command.
 */









/** A directory → its `*.parquet` files (top level, sorted; hidden temp files excluded); a file → itself. */
async function parquetFilesAt(p) {
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(p).catch(() => undefined);
    if (!st)
        return [];
    if (!st.isDirectory())
        return [p];
    return (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(p))
        .filter((n) => n.endsWith('.parquet') && !n.startsWith('.'))
        .sort()
        .map((n) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(p, n));
}
/** Rows at a selected-output path; a missing or unreadable output is an error naming the path. */
async function countOutputRows(db, p) {
    const files = await parquetFilesAt(p);
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`No parquet files found at ${p}.`);
    try {
        return await (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_5__.countRows)(db, files);
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Failed to read parquet files at ${p}: ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(err)}`, { cause: err });
    }
}
/** Like countOutputRows, but undefined instead of an error: "is this output still usable?". */
async function readableRows(db, p) {
    try {
        return await countOutputRows(db, p);
    }
    catch {
        return undefined;
    }
}
/** `<stage>/callback-outputs/<version>/` holds what an on_success command wrote. */
const CALLBACK_OUTPUTS_DIR = 'callback-outputs';
/**
 * Runs the stage's trusted command with `sh -c` (spec §3.4) and returns the path of its parquet output.
 * jsonl and csv files it writes are converted to parquet (in a hidden sub-directory, so the directory's
 * own listing stays what the command wrote).
 */
async function runOnSuccess(db, run) {
    // The output directory is emptied first: never let a version that is a path (`..`, `../../x`) turn
    // that into deleting something else. It must be exactly one directory below <stage>/callback-outputs/.
    const root = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(run.stageDir), CALLBACK_OUTPUTS_DIR);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(run.outputDir));
    if (!rel || rel === '.' || rel === '..' || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel) || rel.split(/[\\/]/).length !== 1) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Refusing to run the on_success command: its output directory ${run.outputDir} is not a directory directly inside ${root} (the version must be a safe directory name).`);
    }
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(run.outputDir, { recursive: true, force: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(run.outputDir, { recursive: true });
    const { code, stderr } = await spawnShell(run);
    if (code !== 0) {
        const tail = (0,_shared_stderr_tail_js__WEBPACK_IMPORTED_MODULE_8__/* .stderrTail */ .b)(stderr);
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`The on_success command exited with ${code}${tail ? `: ${tail}` : ' (no stderr output).'}`);
    }
    const names = (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(run.outputDir)).filter((n) => !n.startsWith('.')).sort();
    const usable = names.filter((n) => /\.(parquet|jsonl|csv)$/i.test(n));
    if (usable.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`No parquet files found at ${run.outputDir}: the on_success command must write parquet, jsonl or csv files into DDFLOW_OUTPUT_DIR.`);
    if (usable.every((n) => n.toLowerCase().endsWith('.parquet')))
        return run.outputDir;
    const converted = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.outputDir, '.parquet');
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(converted, { recursive: true });
    for (const [i, name] of usable.entries()) {
        const src = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.outputDir, name);
        const reader = /\.parquet$/i.test(name)
            ? (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_5__.parquetSource)([src])
            : /\.jsonl$/i.test(name)
                ? `read_json_auto(${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.quoteLiteral)(src)}, format = 'newline_delimited')`
                : `read_csv_auto(${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.quoteLiteral)(src)}, header = true)`;
        const out = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(converted, (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_5__.batchFileName)(i));
        try {
            await (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_7__/* .replaceAtomically */ .GA)(out, (tmp) => db.run(`COPY (SELECT * FROM ${reader}) TO ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.quoteLiteral)(tmp)} (FORMAT parquet)`));
        }
        catch (err) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Could not read ${name} written by the on_success command: ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(err)}`, { cause: err });
        }
    }
    return converted;
}
function spawnShell(run) {
    return new Promise((resolve, reject) => {
        // Its own process group, so that a cancelled run stops the whole command — `sh` and what it started
        // (a `sleep`, a pipeline): signalling `sh` alone left its children running, holding the pipe open,
        // and the run waited for them.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', run.command], {
            cwd: run.cwd,
            env: { ...(run.env ?? process.env), DDFLOW_STAGE_DIR: run.stageDir, DDFLOW_OUTPUT_DIR: run.outputDir },
            stdio: ['ignore', 'inherit', 'pipe'],
            detached: true,
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            // Keep the tail only: the message needs the last lines, not a log of megabytes.
            stderr = (0,_llm_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .fp)((stderr + d.toString('utf8')).slice(-8192), run.secrets);
            run.onStderr?.((0,_llm_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecrets */ .fp)(d.toString('utf8'), run.secrets));
        });
        const killGroup = (sig) => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, sig);
            }
            catch {
                child.kill(sig); // the group is gone already
            }
        };
        const onAbort = () => {
            killGroup('SIGTERM');
            // A command that ignores SIGTERM is not waited for past a grace period.
            setTimeout(() => killGroup('SIGKILL'), 5000).unref();
        };
        run.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (err) => {
            run.signal?.removeEventListener('abort', onAbort);
            reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Could not start the on_success command: ${err.message}`, { cause: err }));
        });
        // Cancelled: settled when `sh` exits, not when every process holding its stderr has closed it.
        child.on('exit', () => {
            if (run.signal?.aborted)
                reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq('The run was cancelled while the on_success command ran.'));
        });
        child.on('close', (code, sig) => {
            run.signal?.removeEventListener('abort', onAbort);
            if (run.signal?.aborted)
                return reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq('The run was cancelled while the on_success command ran.'));
            resolve({ code: code ?? (sig ? 128 : 1), stderr });
        });
    });
}


/***/ }),

/***/ 35151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yo: () => (/* binding */ DEFAULT_NUM_RECORDS),
  XR: () => (/* binding */ RESUME_MODES),
  NT: () => (/* binding */ checkWorkflowStructure),
  PJ: () => (/* binding */ resolveNumRecords),
  Fb: () => (/* binding */ resolveSelection),
  $1: () => (/* binding */ selectionError),
  bM: () => (/* binding */ stageDirName),
  y9: () => (/* binding */ workflowDirOf)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/data/atomic.ts
var atomic = __webpack_require__(27531);
// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/workflow/fingerprint.ts
var fingerprint = __webpack_require__(17553);
// EXTERNAL MODULE: ./src/workflow/outputs.ts
var outputs = __webpack_require__(26327);
;// CONCATENATED MODULE: ./src/workflow/override-input.ts
/**
 * A stage output override as a reviewer hands it over: parquet (a file or a directory of files), or
 * JSON lines / CSV (what a reviewer edits). JSON lines and CSV are converted once with DuckDB into
 * `<workflow dir>/overrides/<stage>-<hash>/override.parquet`, keyed by the hash of the file as given:
 * the override's content hash is that of the reviewed file itself (its format included), so the same
 * file always hands down the same fingerprint, and an edited one a new one.
 */







const OVERRIDES_DIR = 'overrides';
const TEXT_FORMATS = {
    '.jsonl': { name: 'jsonl', reader: (f) => `read_json(${(0,database.quoteLiteral)(f)}, format = 'newline_delimited')` },
    '.ndjson': { name: 'jsonl', reader: (f) => `read_json(${(0,database.quoteLiteral)(f)}, format = 'newline_delimited')` },
    '.csv': { name: 'csv', reader: (f) => `read_csv(${(0,database.quoteLiteral)(f)}, header = true)` },
};
async function overrideSource(db, file, workflowDir, stage) {
    const format = TEXT_FORMATS[external_node_path_default().extname(file).toLowerCase()];
    if (!format)
        return { path: file, contentHash: await (0,fingerprint/* filesHash */.mg)(await (0,outputs/* parquetFilesAt */.Te)(file)) };
    if (!(0,external_node_fs_.existsSync)(file))
        throw new diagnostics/* DdflowError */.Zq(`No such file: ${file}.`);
    const contentHash = (0,fingerprint/* sha256 */.sc)((0,fingerprint/* canonicalJson */.dj)({ format: format.name, files: await (0,fingerprint/* filesHash */.mg)([file]) }));
    const dir = external_node_path_default().join(workflowDir, OVERRIDES_DIR, `${stage}-${contentHash.slice(0, 16)}`);
    const out = external_node_path_default().join(dir, 'override.parquet');
    if (!(0,external_node_fs_.existsSync)(out)) {
        try {
            await (0,atomic/* replaceAtomically */.GA)(out, (tmp) => db.run(`COPY (SELECT * FROM ${format.reader(file)}) TO ${(0,database.quoteLiteral)(tmp)} (FORMAT parquet)`));
        }
        catch (err) {
            throw new diagnostics/* DdflowError */.Zq(`Cannot read ${file} as ${format.name === 'csv' ? 'CSV with a header line' : 'JSON lines'}: ${(0,database.errorMessage)(err).split('\n')[0]}`, { cause: err });
        }
    }
    return { path: dir, contentHash };
}

// EXTERNAL MODULE: ./src/shared/did-you-mean.ts
var did_you_mean = __webpack_require__(44498);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/workflow/selection.ts
/**
 * Which stages a run covers and with how many records: targets, rerun_from and overrides checked
 * against the workflow (before anything is written), and the per-stage record count rule.
 */






const RESUME_MODES = ['never', 'if_possible', 'always'];
const DEFAULT_NUM_RECORDS = 10;
/** Checks what the loader also checks, so a LoadedWorkflow built in code cannot slip past them. */
function checkWorkflowStructure(workflow) {
    if (workflow.stages.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Workflow '${workflow.name}' has no stages.`);
    const names = new Set();
    for (const stage of workflow.stages) {
        if (names.has(stage.name))
            throw new diagnostics/* DdflowError */.Zq(`Stage name '${stage.name}' is already used in workflow '${workflow.name}'.`);
        names.add(stage.name);
        const version = stage.onSuccess?.version;
        if (version !== undefined && !new RegExp(schema/* STAGE_NAME_PATTERN */.Oc).test(version)) {
            throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}': on_success version '${version}' must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..').`);
        }
        const own = new Set((stage.config.processors ?? []).map((p) => p.name));
        const out = new Set();
        for (const p of stage.outputProcessors) {
            if (out.has(p.name))
                throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}': output processor names must be distinct within output_processors: ${p.name}.`);
            if (own.has(p.name))
                throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}': output processor names must be distinct from stage processor names: ${p.name}.`);
            out.add(p.name);
        }
        if (stage.output.kind === 'processor' && !own.has(stage.output.name) && !out.has(stage.output.name)) {
            throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}': output processor '${stage.output.name}' is not configured on this stage.`);
        }
    }
}
/**
 * The first mistake in targets, rerun_from and override stage names (and rerun_from with resume never)
 * that the workflow file alone reveals — checked before anything runs. The CLI reports it as bad usage.
 */
function selectionError(workflow, options, wording = 'options') {
    const cli = wording === 'cli';
    const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
    const names = workflow.stages.map((s) => s.name);
    const known = `(stages: ${names.join(', ')})`;
    const hint = (name) => (0,did_you_mean/* didYouMean */.au)(name, names);
    const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1].name];
    const unknown = targets.filter((t) => !index.has(t));
    if (unknown.length)
        return cli ? `--targets names unknown stage${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `'${t}'${hint(t)}`).join(', ')} ${known}` : `Unknown target stage(s): ${unknown.map((t) => `${t}${hint(t)}`).join(', ')} ${known}.`;
    const targetIndex = Math.max(...targets.map((t) => index.get(t)));
    const lastTarget = workflow.stages[targetIndex].name;
    if (options.rerunFrom !== undefined) {
        if ((options.resume ?? 'if_possible') === 'never')
            return cli ? '--rerun-from needs --resume if_possible or always (never reruns every stage anyway)' : 'rerun_from requires resume to be if_possible or always.';
        const i = index.get(options.rerunFrom);
        if (i === undefined)
            return cli ? `--rerun-from names unknown stage '${options.rerunFrom}'${hint(options.rerunFrom)} ${known}` : `Unknown rerun_from stage: '${options.rerunFrom}'${hint(options.rerunFrom)} ${known}.`;
        if (i > targetIndex)
            return cli ? `--rerun-from '${options.rerunFrom}' comes after the last target stage '${lastTarget}'` : 'rerun_from must be an ancestor of at least one target stage.';
    }
    for (const name of Object.keys(options.overrides ?? {})) {
        const i = index.get(name);
        if (i === undefined)
            return cli ? `--override names unknown stage '${name}'${hint(name)} ${known}` : `Unknown stage output override: '${name}'${hint(name)} ${known}.`;
        if (i > targetIndex)
            return cli ? `--override '${name}' comes after the last target stage '${lastTarget}'` : `Stage output override '${name}' must be an ancestor of a target stage.`;
    }
    return undefined;
}
/** Validates targets, rerun_from and overrides against the workflow before anything is written. */
async function resolveSelection(workflow, options, db) {
    const problem = selectionError(workflow, options);
    if (problem)
        throw new diagnostics/* DdflowError */.Zq(problem);
    const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
    const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1].name];
    const targetIndex = Math.max(...targets.map((t) => index.get(t)));
    const rerunFromIndex = options.rerunFrom !== undefined ? index.get(options.rerunFrom) : undefined;
    const overrides = new Map();
    for (const [name, p] of Object.entries(options.overrides ?? {})) {
        const i = index.get(name);
        const abs = external_node_path_default().resolve(p);
        // A run may delete and regenerate the stage's directory (--rerun-from, a changed input): reviewed rows
        // kept in there would be lost, or replaced by what they were meant to correct.
        const ownDir = external_node_path_default().join(workflowDirOf(workflow, options.artifactPath), stageDirName(i, name));
        if (abs === ownDir || abs.startsWith(ownDir + (external_node_path_default()).sep)) {
            throw new diagnostics/* DdflowError */.Zq(`The stage output override for stage '${name}' lies inside that stage's own directory (${ownDir}), which a run may replace: copy the reviewed file elsewhere first.`);
        }
        let rows;
        let source;
        try {
            source = await overrideSource(db, abs, workflowDirOf(workflow, options.artifactPath), name);
            rows = await (0,outputs/* countOutputRows */.yk)(db, source.path);
        }
        catch (err) {
            throw new diagnostics/* DdflowError */.Zq(`Invalid stage output override for stage '${name}': ${err.message}`, { cause: err });
        }
        // Known now, not after the stage (and the ones before it) were generated for nothing.
        if (rows === 0 && !workflow.stages[i].allowEmpty) {
            throw new diagnostics/* DdflowError */.Zq(`The stage output override for stage '${name}' has no rows, and the stage does not allow an empty output (set allow_empty: true to let the later stages be skipped).`);
        }
        overrides.set(i, { path: source.path, records: rows, contentHash: source.contentHash });
    }
    return { targetIndex, rerunFromIndex, overrides };
}
function workflowDirOf(workflow, artifactPath) {
    return external_node_path_default().join(external_node_path_default().resolve(artifactPath ?? workflow.artifactPath), workflow.name);
}
function stageDirName(index, name) {
    return `stage-${index}-${name}`;
}
/**
 * The records a stage is asked for: `--num-records` (first stage), the preview count, its own
 * `num_records`, else the rows its upstream hands down (`null` when those are not known until the
 * upstream has been generated: the count is then not known either), else 10.
 */
function resolveNumRecords(stage, index, upstreamRecords, options) {
    if (index === 0 && options.numRecords !== undefined)
        return options.numRecords;
    if (options.previewRecords !== undefined && (index === 0 || stage.numRecords !== undefined))
        return options.previewRecords;
    if (stage.numRecords !== undefined)
        return stage.numRecords;
    if (upstreamRecords === null)
        return null;
    return upstreamRecords ?? DEFAULT_NUM_RECORDS;
}


/***/ }),

/***/ 65661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ shardOfKey),
/* harmony export */   G4: () => (/* binding */ shardsRoot),
/* harmony export */   JH: () => (/* binding */ shardCachePrefix),
/* harmony export */   R: () => (/* binding */ shardCountProblem),
/* harmony export */   SY: () => (/* binding */ partialShardCachePrefix),
/* harmony export */   _L: () => (/* binding */ shardCacheKey),
/* harmony export */   f5: () => (/* binding */ requireShardSeed),
/* harmony export */   hj: () => (/* binding */ SHARD_RECORD_FILENAME),
/* harmony export */   kg: () => (/* binding */ readShardRecord),
/* harmony export */   oq: () => (/* binding */ shardDir),
/* harmony export */   t: () => (/* binding */ writeShardRecord),
/* harmony export */   u9: () => (/* binding */ shardArtifactName),
/* harmony export */   uK: () => (/* binding */ parseShard),
/* harmony export */   uk: () => (/* binding */ shardRange),
/* harmony export */   xL: () => (/* binding */ checkedShardMatrix)
/* harmony export */ });
/* unused harmony exports MAX_SHARDS, shardMatrix, shardDirName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35151);





/** GitHub's limit of jobs a matrix may generate. */
const MAX_SHARDS = 256;
/** Parses `i/N`; returns a sentence describing what is wrong, or the numbers. */
function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    if (!m)
        return `must look like i/N (for example 2/8), not '${text}'`;
    const index = Number(m[1]);
    const count = Number(m[2]);
    const bad = shardCountProblem(count);
    if (bad)
        return bad;
    if (index < 1 || index > count)
        return `must name a shard from 1 to ${count}, not ${index}`;
    return { index, count };
}
/** Why `count` is not a usable number of shards, or undefined. */
function shardCountProblem(count) {
    if (!Number.isSafeInteger(count) || count < 1)
        return `needs a shard count of at least 1, not ${count}`;
    if (count > MAX_SHARDS)
        return `needs a shard count of at most ${MAX_SHARDS} (GitHub's limit of jobs per matrix), not ${count}`;
    return undefined;
}
/** The matrix `ddflow shards` prints: `{"include":[{"shard":"1/N"}, ...]}`. */
function shardMatrix(count) {
    return { include: Array.from({ length: count }, (_, i) => ({ shard: `${i + 1}/${count}` })) };
}
/**
 * The matrix for `count` shards of stage `stageName`, checked: the stage exists, and when its record
 * count is fixed (by the file, or `numRecords` for a first stage) it makes at least `count` row groups.
 * Used by `ddflow shards` and the Action's `command: shards`.
 */
function checkedShardMatrix(workflow, stageName, count, numRecords) {
    const problem = shardCountProblem(count);
    if (problem)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The shard count ${problem.replace(/^needs a shard count of /, 'must be ')}.`);
    const index = workflow.stages.findIndex((s) => s.name === stageName);
    if (index < 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Workflow '${workflow.name}' has no stage '${stageName}' (stages: ${workflow.stages.map((s) => s.name).join(', ')}).`);
    const records = index === 0 && numRecords !== undefined ? numRecords : workflow.stages[index].numRecords;
    if (records !== undefined)
        shardRange(stageName, records, workflow.runConfig.buffer_size, 1, count);
    return shardMatrix(count);
}
/** Block `index` of `count` of a stage of `numRecords` records cut into row groups of `bufferSize`. */
function shardRange(stage, numRecords, bufferSize, index, count) {
    const groups = Math.ceil(numRecords / bufferSize);
    if (count > groups) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage}' cannot be split into ${count} shards: its ${numRecords} record${numRecords === 1 ? '' : 's'} make ${groups} row group${groups === 1 ? '' : 's'} of buffer_size ${bufferSize}, and a shard is at least one row group (use at most ${groups} shards, or a smaller run_config.buffer_size).`);
    }
    const firstGroup = Math.floor(((index - 1) * groups) / count);
    const endGroup = Math.floor((index * groups) / count);
    return { index, count, firstGroup, endGroup, firstRecord: firstGroup * bufferSize, endRecord: Math.min(numRecords, endGroup * bufferSize) };
}
/** `<workflow dir>/shards/stage-<k>-<name>/shard-<i>-of-<N>`: a shard's own directory, apart from the stage's. */
function shardDir(workflowDir, stageIndex, stage, index, count) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(shardsRoot(workflowDir, stageIndex, stage), shardDirName(index, count));
}
function shardsRoot(workflowDir, stageIndex, stage) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(workflowDir, 'shards', (0,_selection_js__WEBPACK_IMPORTED_MODULE_4__/* .stageDirName */ .bM)(stageIndex, stage));
}
function shardDirName(index, count) {
    return `shard-${index}-of-${count}`;
}
/** The artifact a shard job uploads (issue 15): unique per shard within a run. */
function shardArtifactName(workflow, stage, index, count) {
    return `${workflow}-${stage}-shard-${index}-of-${count}`;
}
/**
 * Cache keys of shards. `shard-` goes before the fingerprint so that no stage key is a prefix of a shard
 * key (cache services prefix-match), and a merge finds the shards of a fingerprint by one prefix.
 */
function shardCachePrefix(prefix, workflow, stage, fingerprint) {
    return `${prefix}-${workflow}-${stage}-shard-${fingerprint}-`;
}
function shardCacheKey(prefix, workflow, stage, fingerprint, index, count) {
    return `${shardCachePrefix(prefix, workflow, stage, fingerprint)}${index}-of-${count}`;
}
/** `i` and `N` of a shard key, or undefined. */
function shardOfKey(key) {
    const m = /-(\d+)-of-(\d+)$/.exec(key);
    return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}
/** The restore prefix of an interrupted shard's row groups (saved by the Action's post step). */
function partialShardCachePrefix(prefix, workflow, stage, fingerprint, index, count) {
    return `${prefix}-${workflow}-${stage}-shard-partial-${fingerprint}-${index}-of-${count}-`;
}
/** Written into a shard's directory: what it is a part of, so a merge can check it alone. */
const SHARD_RECORD_FILENAME = 'ddflow-shard.json';
async function readShardRecord(dir) {
    try {
        const value = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, SHARD_RECORD_FILENAME), 'utf8'));
        return value && typeof value === 'object' && typeof value.fingerprint === 'string' && Number.isInteger(value.shard) && Number.isInteger(value.count) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function writeShardRecord(dir, record) {
    return (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJsonAtomic */ .ZJ)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, SHARD_RECORD_FILENAME), record);
}
/** Sharding needs every job to draw the same rows: a seed fixed by the file or `--seed`. */
function requireShardSeed(seed, workflow, what) {
    if (seed === undefined) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Workflow '${workflow}' has no seed, and ${what} needs one so that every shard draws the rows a single run would: set 'seed:' in the workflow file or pass --seed.`);
    }
    return seed;
}


/***/ }),

/***/ 60677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C4: () => (/* binding */ providerSpecs),
/* harmony export */   H_: () => (/* binding */ stageToolProviders),
/* harmony export */   fx: () => (/* binding */ usedToolConfigs),
/* harmony export */   tN: () => (/* binding */ toolProvidersPayload),
/* harmony export */   vt: () => (/* binding */ unversionedToolReason)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _llm_providers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64689);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/**
 * The MCP tools of a stage: which of the workflow's `mcp_providers` its columns can reach (through the
 * tool configs their `tool_alias` names), what of them enters the stage's fingerprint, and the providers
 * made ready to connect to (keys read from the environment, stdio servers started in the workflow
 * directory).
 *
 * A tool server is code ddflow cannot see into, like a bound function: a provider's `version` stands for
 * its tools' behaviour in the fingerprint, and a stage reaching a provider without one is never reused —
 * its model answers still come from the call store whenever the tools answer as before.
 */



/** The tool configs a stage's columns use (by tool_alias), in the order the config declares them. */
function usedToolConfigs(config) {
    const used = new Set(config.columns.flatMap((c) => (c.tool_alias ? [c.tool_alias] : [])));
    return (config.tool_configs ?? []).filter((t) => used.has(t.tool_alias));
}
/** The workflow's MCP providers the stage's used tool configs name, by name. */
function stageToolProviders(config, providers) {
    const byName = new Map(providers.map((p) => [p.name, p]));
    const out = new Map();
    for (const t of usedToolConfigs(config)) {
        for (const name of t.providers) {
            const p = byName.get(name);
            if (p)
                out.set(name, p);
        }
    }
    return out;
}
/** Why a stage's output is never reused because of its tools, or undefined. */
function unversionedToolReason(providers) {
    for (const [name, p] of providers ?? []) {
        if (p.version === undefined)
            return `MCP provider '${name}' has no version, so the stage's output is never reused (its tools' answers can change)`;
    }
    return undefined;
}
/**
 * What of the stage's providers is data: where the tools come from (transport, endpoint or command, args,
 * env) and the version that stands for their behaviour — a fresh nonce without one. The api_key and the
 * values of `pass_env` (secrets) are not; `env` values are hashed, never written out.
 */
function toolProvidersPayload(providers) {
    if (!providers || providers.size === 0)
        return {};
    const entries = [...providers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, p]) => {
        const version = p.version ?? `unversioned-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')}`;
        if (p.provider_type === 'stdio') {
            const env = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(Object.entries(p.env ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))).digest('hex');
            return [name, { provider_type: 'stdio', command: p.command, args: p.args ?? [], env_sha256: env, pass_env: [...(p.pass_env ?? [])].sort(), version }];
        }
        return [name, { provider_type: p.provider_type ?? 'sse', endpoint: p.endpoint, version }];
    });
    return { mcp_providers: Object.fromEntries(entries) };
}
/**
 * The stage's providers ready to connect to. Throws one sentence naming every missing key variable
 * (api_key of a remote provider, a `pass_env` variable of a stdio one).
 */
function providerSpecs(providers, workflowDir, env) {
    const out = new Map();
    const problems = [];
    for (const [name, p] of providers) {
        try {
            if (p.provider_type === 'stdio') {
                const passed = {};
                for (const v of p.pass_env ?? []) {
                    const value = env[v];
                    if (value === undefined)
                        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`MCP provider '${name}' passes the environment variable ${v} to its server, but it is not set.`);
                    passed[v] = value;
                }
                out.set(name, { name, provider_type: 'stdio', command: p.command, args: p.args ?? [], env: { ...(p.env ?? {}), ...passed }, cwd: workflowDir, secrets: Object.values(passed) });
            }
            else {
                const apiKey = mcpApiKey(name, p.api_key, env);
                out.set(name, { name, provider_type: p.provider_type ?? 'sse', endpoint: p.endpoint, apiKey, secrets: apiKey ? [apiKey] : [] });
            }
        }
        catch (err) {
            if (!(err instanceof _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq))
                throw err;
            problems.push(err.message);
        }
    }
    if (problems.length)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(problems.join(' '));
    return out;
}
/** A remote provider's key from the variable its api_key names (null without api_key). */
function mcpApiKey(provider, variable, env) {
    if (!variable)
        return null;
    if (!(0,_llm_providers_js__WEBPACK_IMPORTED_MODULE_1__/* .isEnvVariableName */ .ZR)(variable))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The api_key of MCP provider '${provider}' must be the name of an environment variable holding the key (use a secret), not the key itself.`);
    const value = env[variable];
    if (value === undefined || value.trim() === '')
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`MCP provider '${provider}' needs an API key: the environment variable ${variable} is not set or is empty.`);
    return value;
}


/***/ })

};
