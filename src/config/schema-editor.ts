/**
 * The JSON Schema as editors get it (schema/ddflow.schema.json, served from the repository at a tag):
 * the validation schema of src/config/schema.ts, plus
 * - a `description` on every field, so hover help is complete. Fields that src/config/schema.ts does
 *   not describe itself get one here, by field name (`<Definition>.<field>` where a name means different
 *   things in different places). A test walks the published file and fails on any field without one.
 * - one spelling per enum in completion: a tag written in Data Designer's kebab-case and in snake_case
 *   (`llm-text`, `llm_text`) becomes an `anyOf` of the canonical value (offered) and the alias (still
 *   accepted, marked `deprecated` and `doNotSuggest`, which editors leave out of completion).
 *   The validator keeps its plain `enum` (ajv's discriminator needs one); both accept the same documents.
 * - `$id`: where the file is served, the repository the Action is published from (a placeholder owner
 *   until it is published, like every `uses:` in the examples).
 */
import { publishedSchema, SCHEMA_ID } from './schema.js';

/** Raw file of the repository at a tag: a stable URL editors can fetch (`# yaml-language-server: $schema=...`). */
export const EDITOR_SCHEMA_ID = SCHEMA_ID;

type Json = Record<string, unknown>;

/** Descriptions by field name, for fields src/config/schema.ts leaves undescribed. */
const BY_NAME: Record<string, string> = {
  $schema: 'URL or path of this JSON Schema, for editors (ignored by ddflow).',
  artifact_path: 'Directory the workflow writes into: `<artifact_path>/<name>/` holds one directory per stage. Relative to the workflow file. Default `artifacts`.',
  model_providers: 'OpenAI-compatible endpoints the models are served from (added to the built-in nvidia, openai and openrouter providers).',
  model_configs: 'Models the columns refer to by `alias`: model id, provider and inference parameters.',
  run_config: 'How the engine runs every stage: row-group size, concurrency, early shutdown, admission control.',
  stages: 'The stages, in order: each one is a Data Designer config whose output is the seed dataset of the next.',
  disable_early_shutdown: 'Keep generating even when most requests fail (no early shutdown). Default false.',
  shutdown_error_rate: 'Stop the stage early when this fraction of the last `shutdown_error_window` tasks failed (0..1). Default 0.5.',
  shutdown_error_window: 'Number of most recent tasks `shutdown_error_rate` looks at. Default 10.',
  max_concurrent_row_groups: 'Row groups generated at the same time. Default 3.',
  max_in_flight_tasks: 'Upper bound on cell tasks in flight at once, across columns. Default 1024.',
  non_inference_max_parallel_workers: 'Parallel workers for columns that call no model (samplers, expressions, validators). Default 4.',
  max_conversation_restarts: 'How often a structured or code generation restarts the conversation after an unparsable answer. Default 5.',
  max_conversation_correction_steps: 'Follow-up messages asking the model to correct an unparsable answer before a restart. Default 0.',
  async_trace: 'Data Designer setting, accepted for compatibility; no effect in ddflow.',
  write_scheduler_events: 'Data Designer setting, accepted for compatibility; no effect in ddflow.',
  display_tui: 'Data Designer setting, accepted for compatibility; ddflow shows its own progress.',
  progress_interval: 'Seconds between progress updates. Default 5.',
  otel_metrics_port: 'Data Designer setting (OpenTelemetry metrics port), accepted for compatibility; no effect in ddflow.',
  preserve_dropped_columns: 'Keep columns marked `drop: true` in a side file of the stage directory. Default true.',
  jinja_rendering_engine: 'Template engine: `secure` (sandboxed, default) or `native`.',
  request_admission: 'Adaptive concurrency (AIMD) per model: how fast requests in flight shrink on 429s and grow back.',
  tool_configs: 'MCP tool configurations, as Data Designer writes them; columns refer to one by `tool_alias`.',
  seed_config: 'A seed dataset the stage samples rows from (a file, a directory or file contents).',
  constraints: 'Inequality constraints between sampler columns (rows that break them are resampled).',
  profilers: 'Data Designer profilers, accepted for compatibility; ddflow computes its own column statistics.',
  processors: 'Processors applied to the generated dataset, in order (drop columns, schema transform, SQL).',
  library_version: 'Data Designer version that wrote this config (informational).',
  config: 'The stage\'s Data Designer config: inline (columns, processors, ...), in `builder.write_config` form, or the path of a .yaml/.yml/.json file.',
  output_processors: 'Processors applied to the stage\'s output after generation, before the next stage reads it.',
  output: 'What the next stage reads: `final` (the dataset) or `processor:<name>` (a schema_transform side output). Default `final`.',
  on_success: 'A command run when the stage completes (e.g. an upload or a check); its failure fails the stage.',
  allow_empty: 'Let the workflow continue when this stage outputs no rows (the stages after it are skipped). Default false.',
  sampling_strategy: 'How seed rows are drawn: `ordered` (in file order, wrapping around) or `shuffle`. Default `ordered`.',
  selection_strategy: 'Which seed rows are used: an index range `{start, end}` or a partition `{index, num_partitions}`. Default all rows.',
  column_type: 'The kind of column; selects which other fields apply.',
  skip: 'Skip generating this cell when a condition holds; the cell gets a fixed value.',
  propagate_skip: 'When a column this one depends on was skipped, skip this one too. Default true.',
  sampler_type: 'The sampler that draws the values; `params` holds its parameters.',
  conditional_params: 'Other `params` used when a condition on earlier columns holds: condition → params.',
  convert_to: 'Convert the sampled value to this type (`int`, `float`, `str`).',
  model_alias: 'Alias of the model (from `model_configs`) that generates this column.',
  system_prompt: 'Jinja2 template of the system prompt. Default none.',
  multi_modal_context: 'Images, audio or video from earlier columns sent along with the prompt.',
  tool_alias: 'Alias of a tool configuration (MCP) the model may call. Default none.',
  with_trace: 'Also keep the conversation in a `<name>__trace` column: `none`, `last_message` or `all_messages`. Default `none`.',
  extract_reasoning_content: 'Keep the model\'s reasoning in a `<name>__reasoning_content` column. Default false.',
  code_lang: 'Programming language (or SQL dialect, e.g. `sql:postgres`) of the code.',
  scores: 'The rubrics the judge scores each row on.',
  description: 'What the rubric measures, as the judge is told.',
  dtype: 'Type the rendered expression is converted to: `int`, `float`, `str` or `bool`. Default `str`.',
  target_columns: 'Columns whose values are validated.',
  batch_size: 'Rows validated per call. Default 10.',
  validator_type: 'How values are validated: `code` (lint/parse), `remote` (an HTTP endpoint) or `local_callable`.',
  validator_params: 'Parameters of the validator.',
  endpoint_url: 'URL the values are POSTed to for validation.',
  output_schema: 'JSON Schema the endpoint\'s answer must match. Default none.',
  timeout: 'Seconds to wait for an answer.',
  max_retries: 'Retries of a failed request. Default 3.',
  retry_backoff: 'Factor the wait between retries grows by. Default 2.',
  max_parallel_requests: 'Requests in flight at once. Default 4.',
  target_column: 'The column this applies to.',
  value: 'Value of a skipped cell. Default null.',
  modality: 'Kind of media: `image`, `audio` or `video`. Default `image`.',
  column_name: 'Column holding the media (a URL, a path or base64 data).',
  data_type: 'How the column holds the media: `url` or `base64`. Default: detected.',
  image_format: 'Image format (e.g. `png`, `jpeg`) when the data does not say. Default none.',
  audio_format: 'Audio format (e.g. `wav`, `mp3`) when the data does not say. Default none.',
  video_format: 'Video format (e.g. `mp4`) when the data does not say. Default none.',
  processor_type: 'The kind of processor; selects which other fields apply.',
  template: 'JSON template of each output record; string values are Jinja2 templates over the row.',
  constraint_type: '`scalar_inequality` (compare with a number) or `column_inequality` (compare with another column). Default: from `rhs`.',
  rhs: 'Right-hand side of the comparison: a number, or the name of another column.',
  operator: 'Comparison: `lt`, `le`, `gt` or `ge`.',
  seed_type: 'Where seed rows come from: `local` (a file or glob), `directory` (one row per file), `file_contents`, `hf` or `agent_rollout` (one row per agent trace file).',
  path: 'File, glob or directory, relative to the workflow file.',
  file_pattern: 'Glob of the file names to read. Default `*`.',
  recursive: 'Also read subdirectories. Default true.',
  encoding: 'Text encoding of the files. Default `utf-8`.',
  start: 'First index (inclusive).',
  end: 'Last index (inclusive).',
  index: 'Which partition to use (0-based). Default 0.',
  num_partitions: 'Number of equal partitions the seed rows are split into.',
  distribution_type: 'How the value is drawn per request: `uniform` or `manual`.',
  params: 'Parameters of the sampler or distribution.',
  low: 'Lower bound.',
  high: 'Upper bound.',
  values: 'The values to draw from.',
  weights: 'Relative weight of each value, in the same order. Default: equal weights.',
  generation_type: 'What the model does: `chat-completion`, `embedding` or `image`. Default: inferred from the other fields.',
  extra_body: 'Extra JSON fields sent with every request.',
  temperature: 'Sampling temperature (0..2), or a distribution to draw it from per request. Default: the model\'s.',
  top_p: 'Nucleus sampling probability (0..1), or a distribution to draw it from. Default: the model\'s.',
  max_tokens: 'Upper bound on generated tokens per request. Default: the model\'s.',
  encoding_format: 'Embedding encoding: `float` or `base64`. Default `float`.',
  dimensions: 'Number of embedding dimensions, for models that support it. Default: the model\'s.',
  alias: 'Name columns use (`model_alias`) to refer to this model.',
  inference_parameters: 'How requests to this model are made: sampling parameters, parallelism, timeout.',
  skip_health_check: 'Do not check that the model answers before the stage starts. Default false.',
  provider_type: 'API flavour of the provider. Default `openai` (OpenAI-compatible).',
  api_key: 'The NAME of an environment variable holding the key — never the key itself.',
  extra_headers: 'Extra HTTP headers sent with every request.',
  multiplicative_decrease_factor: 'Factor requests in flight are multiplied by after a 429 (0..1). Default 0.75.',
  additive_increase_step: 'Requests in flight added after `successes_until_increase` successes. Default 1.',
  successes_until_increase: 'Successful requests before concurrency grows by one step. Default 25.',
  cooldown_seconds: 'Seconds after a decrease before another decrease. Default 2.',
  startup_ramp_seconds: 'Seconds over which concurrency ramps up to its limit at the start. Default 0.',
  mean: 'Mean of the distribution.',
  stddev: 'Standard deviation of the distribution.',
  n: 'Number of trials.',
  p: 'Probability of success (0..1).',
  dist_name: 'Name of a scipy.stats distribution (e.g. `norm`, `expon`).',
  dist_params: 'Parameters of that distribution, by name.',
  unit: 'Unit of the sampled values: years `Y`, months `M`, days `D`, hours `h`, minutes `m`, seconds `s`. Default `D`.',
  dt_min: 'Smallest offset (inclusive), in `unit`.',
  dt_max: 'Largest offset (exclusive), in `unit`.',
  reference_column_name: 'Datetime column the offset is added to.',
  prefix: 'Text put before every UUID. Default none.',
  short_form: 'Use the first 8 hex characters only. Default false.',
  uppercase: 'Upper-case hex digits. Default false.',
  locale: 'Locale of the generated people (e.g. `en_US`). Default `en_US`.',
  sex: 'Only people of this sex: `Male` or `Female`. Default both.',
  city: 'Only people from this city (or these cities). Default any.',
  age_range: '[min, max] age.',
  select_field_values: 'Only people whose fields have these values: field → allowed values.',
  with_synthetic_personas: 'Add synthetic persona fields (traits, interests) to each person. Default false.',
  source: 'Where the seed rows come from.',
  data_designer: 'The Data Designer config.',
};

/** Where one name means different things: `<definition>.<field>`. */
const BY_DEFINITION: Record<string, string> = {
  'JudgeScore.name': 'Name of the rubric: the score column is `<column>__<name>` in the output.',
  'DropColumnsProcessor.name': 'Name of the processor (unique within the stage).',
  'SchemaTransformProcessor.name': 'Name of the processor; its output is selectable as `output: processor:<name>`.',
  'SqlProcessor.name': 'Name of the processor (unique within the stage).',
  'ModelProvider.name': 'Name model configs use (`provider`) to refer to this endpoint.',
  'datetime_params.start': 'Earliest datetime (ISO 8601, e.g. `2024-01-01`).',
  'datetime_params.end': 'Latest datetime (ISO 8601).',
  'SelectionStrategy.start': 'First seed row index (inclusive).',
  'SelectionStrategy.end': 'Last seed row index (inclusive).',
  'poisson_params.mean': 'Mean (and variance) of the Poisson distribution.',
  'subcategory_params.values': 'For each value of the parent category, the values to draw from.',
  'bernoulli_mixture_params.p': 'Probability that the value is drawn from the distribution (otherwise 0).',
  'timedelta_params.unit': 'Unit of `dt_min` and `dt_max`: days `D`, hours `h`, minutes `m`, seconds `s`. Default `D`.',
  'ValidationColumn.timeout': 'Seconds to wait for the endpoint\'s answer. Default 30.',
  'InferenceParameters.max_parallel_requests': 'Requests to this model in flight at once (the ceiling adaptive concurrency works under). Default 4.',
  'ModelConfig.max_parallel_requests': 'Requests to this model in flight at once (the ceiling adaptive concurrency works under). Default 4.',
};

function describedField(definition: string | undefined, field: string): string | undefined {
  return (definition && BY_DEFINITION[`${definition}.${field}`]) ?? BY_NAME[field];
}

/** Adds a description to every field that has none; returns the fields no description was found for. */
function describeFields(node: unknown, definition: string | undefined, missing: string[], at: string): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => describeFields(n, definition, missing, `${at}/${i}`));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, schema] of Object.entries(value as Json)) {
        const s = schema as Json;
        if (typeof s.description !== 'string' || s.description === '') {
          const text = describedField(definition, field);
          if (text) s.description = text;
          else missing.push(`${at}/properties/${field}`);
        }
        describeFields(s, definition, missing, `${at}/properties/${field}`);
      }
    } else if (key === '$defs' && value && typeof value === 'object') {
      for (const [name, def] of Object.entries(value as Json)) describeFields(def, name, missing, `#/$defs/${name}`);
    } else {
      describeFields(value, definition, missing, `${at}/${key}`);
    }
  }
}

/** `{enum: [kebab, snake]}` → canonical value offered, alias accepted but not suggested. */
function oneSpellingPerEnum(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oneSpellingPerEnum);
  if (!node || typeof node !== 'object') return node;
  const obj = Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, oneSpellingPerEnum(v)]));
  const values = obj.enum;
  if (Array.isArray(values) && values.length === 2 && typeof values[0] === 'string' && values[1] === values[0].replace(/-/g, '_') && values[0] !== values[1]) {
    const [canonical, alias] = values as [string, string];
    delete obj.enum;
    obj.anyOf = [
      { const: canonical, description: obj.description ?? `\`${canonical}\`` },
      {
        const: alias,
        deprecated: true,
        doNotSuggest: true,
        deprecationMessage: `Write \`${canonical}\`; \`${alias}\` is accepted as the same value.`,
        description: `Alias of \`${canonical}\` (accepted, not offered).`,
      },
    ];
  }
  return obj;
}

/** The published editor schema; throws when a field has no description (the build fails, not the hover). */
export function editorSchema(): Json {
  const schema = publishedSchema() as Json;
  const missing: string[] = [];
  describeFields(schema, undefined, missing, '#');
  if (missing.length) throw new Error(`schema fields without a description: ${missing.join(', ')}`);
  const out = oneSpellingPerEnum(schema) as Json;
  out.$id = EDITOR_SCHEMA_ID;
  return out;
}
