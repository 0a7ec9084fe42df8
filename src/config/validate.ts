/**
 * Semantic validation of one Data Designer config (one stage), after it passed the schema: everything
 * Data Designer's `validate()` checks (§9 of the reference, same wording), plus what Data Designer only
 * finds at run time (cycles, unknown model aliases, subcategory coverage, bad convert_to, sampler
 * parameter rules, seed paths). Every problem is reported, each at its node.
 *
 * It also works out the stage's output columns (as far as they can be known), which the workflow rules
 * hand to the next stage as its seed columns.
 */
import { didYouMean } from '../shared/did-you-mean.js';
import type {
  ColumnConfig,
  Constraint,
  DataDesignerConfig,
  ExpressionColumn,
  LLMColumn,
  ModelConfig,
  ProcessorConfig,
  ValidationColumn,
} from './schema.js';
import { MAX_FILE_NAME_BYTES } from './schema.js';
import { certainlyMissing, closedSet, hasColumn, isGlob, matchColumns, openSet, typeOf, withNames, type ColumnSet } from './column-set.js';
import type { Reporter } from './report.js';
import type { Path } from './source-map.js';
import { disallowedFilter, inspectTemplate, type TemplateInfo } from './templates.js';
import { checkColumnCycles, checkSamplerGraph } from './rules/graph.js';
import { checkSamplerColumn } from './rules/samplers.js';
import { checkSeedSource } from './rules/seeds.js';

/** Names a row object cannot hold as data: `row['__proto__'] = v` sets the prototype instead of a key. */
export const RESERVED_COLUMN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
import { checkModelConfigs, resolveModelAlias } from './rules/models.js';
import { checkToolAlias, checkToolConfigs } from './rules/tools.js';
import { mediaContextProblems } from './rules/media-context.js';

export interface StageValidationContext {
  /** Columns the stage's seed provides; null when the stage is not seeded. */
  seed: ColumnSet | null;
  /** Whether `seed_config` is in force (false when the upstream output replaces it). */
  ownSeedInForce: boolean;
  /** Directory that relative paths in this config resolve against. */
  baseDir: string;
  /** Every model config visible to the stage: the workflow's, overridden by the stage's own (by alias). */
  models: Map<string, ModelConfig>;
  /** Provider names (built-in and workflow). */
  providers: Set<string>;
  stageName: string;
  /** run_config.jinja_rendering_engine is 'secure' (the default): filters outside its allow-list are errors. */
  secureTemplates?: boolean;
  /**
   * Whether the node at a path (relative to the config) or anything below it failed the schema. Such
   * nodes are skipped by the semantic checks; everything else is still checked.
   */
  broken?: (path: Path) => boolean;
  /** Model aliases whose config failed the schema: they exist, but their settings are not checked against. */
  opaqueModels?: ReadonlySet<string>;
  /** Checks a `sql` processor's query and works out its output columns (without it: unknown, an open set). */
  sql?: SqlHook;
  /** Names of the workflow's MCP providers (undefined: unknown, names are not checked). */
  mcpProviders?: ReadonlySet<string>;
  /** Set by validateStageConfig: the tool aliases the stage's tool_configs declare (undefined: not known). */
  toolAliases?: ReadonlySet<string>;
}

/**
 * Checks the query of a sql processor over `input` (reporting at `at`, relative to `report`) and returns
 * the columns of its result. The workflow layer supplies it (it needs DuckDB, which config never loads).
 */
export type SqlHook = (query: { at: Path; processor: string; query: string }, input: ColumnSet, report: Reporter) => Promise<ColumnSet>;

export interface StageValidationResult {
  /** Columns of the stage's final dataset (after its config processors). */
  final: ColumnSet;
  /** Output columns of each config processor, by name. */
  processorOutputs: Map<string, ColumnSet>;
}

const LLM_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge']);
export const isLLMColumn = (c: ColumnConfig): c is LLMColumn => LLM_TYPES.has(c.column_type as string);

export function sideEffectsOf(c: ColumnConfig): string[] {
  if (c.column_type === 'custom') return [...(c.custom_column_metadata?.side_effect_columns ?? [])];
  if (!isLLMColumn(c)) return [];
  const out: string[] = [];
  if (c.with_trace && c.with_trace !== 'none') out.push(`${c.name}__trace`);
  if (c.extract_reasoning_content) out.push(`${c.name}__reasoning_content`);
  return out;
}

const list = (names: Iterable<string>) => [...names].map((n) => `'${n}'`).join(', ');
/** Python's set repr, as Data Designer prints sets in messages. */
export const pySet = (values: Iterable<unknown>) => `{${[...values].map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}}`;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function validateStageConfig(config: DataDesignerConfig, ctx: StageValidationContext, report: Reporter): Promise<StageValidationResult> {
  const seed = ctx.seed;
  const usableAt = (p: Path) => !ctx.broken?.(p);

  // Columns that failed the schema stay out of the checks below (their fields may have any shape); their
  // names still count as declared, so references to them are not reported as missing.
  const rawColumns: unknown[] = Array.isArray(config.columns) ? config.columns : [];
  const named = rawColumns.flatMap((c, i) => (isObj(c) && typeof c.name === 'string' ? [{ c: c as unknown as ColumnConfig, i }] : []));
  const entries = named.filter((e) => usableAt(['columns', e.i]));
  const columns = entries.map((e) => e.c);
  const broken = named.filter((e) => !usableAt(['columns', e.i]));
  const opaque = new Set(broken.map((e) => e.c.name));
  // A broken column without a name, or a `columns` that is not a list: the stage has columns no one can name.
  const unnamed = (config.columns !== undefined && config.columns !== null && !Array.isArray(config.columns)) || named.length < rawColumns.length;
  const indexOf = (name: string) => entries.find((e) => e.c.name === name)?.i ?? -1;

  if (config.seed_config && ctx.ownSeedInForce && usableAt(['seed_config'])) checkSeedSource(config.seed_config, ctx.baseDir, report.under(['seed_config']));
  if (Array.isArray(config.model_configs)) {
    checkModelConfigs(config.model_configs, ctx.providers, report.under(['model_configs']), (i) => usableAt(['model_configs', i]));
  }
  // Tool aliases: a tool config that failed the schema hides which aliases exist, so none are checked.
  const toolConfigs: unknown = config.tool_configs;
  const toolAliases = Array.isArray(toolConfigs)
    ? checkToolConfigs(toolConfigs, ctx.mcpProviders, report.under(['tool_configs']), (i) => usableAt(['tool_configs', i]))
    : toolConfigs === undefined || toolConfigs === null ? new Set<string>() : undefined;
  ctx = { ...ctx, toolAliases: toolConfigs === undefined || toolConfigs === null || (Array.isArray(toolConfigs) && toolConfigs.every((_, i) => usableAt(['tool_configs', i]))) ? toolAliases : undefined };

  // Names: duplicates (Data Designer silently keeps the last one) and collisions with seed columns.
  const firstIndex = new Map<string, number>();
  const byFolded = new Map<string, string>();
  named.forEach(({ c, i }) => {
    if (RESERVED_COLUMN_NAMES.has(c.name)) {
      report.error(['columns', i, 'name'], `column name '${c.name}' is reserved (ddflow holds rows as JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column`, 'reserved_column_name');
    }
    if (firstIndex.has(c.name)) {
      report.error(['columns', i, 'name'], `duplicate column name '${c.name}' (Data Designer would silently keep only the last definition)`, 'duplicate_column');
    } else {
      firstIndex.set(c.name, i);
      // DuckDB, which writes the parquet files, compares column names without case.
      const other = byFolded.get(c.name.toLowerCase());
      if (other !== undefined) {
        report.error(['columns', i, 'name'], `column names '${other}' and '${c.name}' differ only in case, which the parquet writer (DuckDB) cannot tell apart; rename one of them`, 'duplicate_column');
      } else byFolded.set(c.name.toLowerCase(), c.name);
    }
  });
  const reservedSeedColumn = seed?.names.find((n) => RESERVED_COLUMN_NAMES.has(n));
  if (reservedSeedColumn && config.seed_config && usableAt(['seed_config'])) {
    report.error(['seed_config', 'source', 'path'], `the seed dataset has a column named '${reservedSeedColumn}', which is reserved (ddflow holds rows as JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column`, 'reserved_column_name');
  }
  if (seed) {
    named.forEach(({ c, i }) => {
      if (c.column_type !== 'seed-dataset' && hasColumn(seed, c.name)) {
        report.error(['columns', i, 'name'], `Seed dataset column(s) ${pySet([c.name])} collide with existing column(s).`, 'seed_collision');
      }
    });
  }

  const declared = new Set(named.map((e) => e.c.name));
  // A broken LLM column may still write its side-effect columns.
  const sideEffects = new Set([
    ...columns.flatMap(sideEffectsOf),
    ...broken.filter((e) => typeof e.c.column_type === 'string' && LLM_TYPES.has(e.c.column_type)).flatMap((e) => [`${e.c.name}__trace`, `${e.c.name}__reasoning_content`]),
  ]);
  const known: ColumnSet = {
    names: [...new Set([...(seed?.names ?? []), ...declared, ...sideEffects])],
    open: (seed?.open ?? false) || unnamed,
    types: columnTypes(seed, columns),
  };
  const samplerNames = new Set(columns.filter((c) => c.column_type === 'sampler').map((c) => c.name));

  entries.forEach(({ c, i }) => checkColumn(c, columns, opaque, known, ctx, report.under(['columns', i])));
  const rawConstraints: unknown[] = Array.isArray(config.constraints) ? config.constraints : [];
  const constraints = rawConstraints.flatMap((k, i) => (isObj(k) && usableAt(['constraints', i]) ? [{ k: k as unknown as Constraint, i }] : []));
  checkSamplerGraph(columns, constraints.map((e) => e.k), report, indexOf);
  checkColumnCycles(columns, report, indexOf);
  constraints.forEach(({ k, i }) => {
    const missing = [k.target_column, ...(k.constraint_type === 'column_inequality' ? [String(k.rhs)] : [])].filter((n) => !samplerNames.has(n) && !opaque.has(n));
    if (missing.length) {
      report.error(['constraints', i], `These constrained columns are missing in the definitions of your sampler columns: ${pySet(missing)}`, 'invalid_constraint');
    }
  });

  // Processors: a drop processor also marks the declared columns it matches `drop: true` (builder side effect).
  const processors: ProcessorConfig[] = Array.isArray(config.processors) ? config.processors : [];
  const processorUsable = (j: number) => isObj(processors[j]) && usableAt(['processors', j]);
  const dropped = new Set(named.filter((e) => e.c.drop === true).map((e) => e.c.name));
  processors.forEach((p, j) => {
    if (processorUsable(j) && p.processor_type === 'drop_columns') {
      for (const entry of p.column_names) for (const n of matchColumns(entry, [...declared])) dropped.add(n);
    }
  });
  // Columns with drop: true are removed last (Data Designer's implicit drop processor), so processors see them;
  // their side-effect columns stay.
  const { final, outputs } = await applyProcessors(known, processors, report.under(['processors']), processorUsable, ctx.sql);
  const finalSet = withNames(final, final.names.filter((n) => !dropped.has(n)));

  const generated = columns.filter((c) => c.column_type !== 'seed-dataset');
  if (opaque.size === 0 && !unnamed && generated.length > 0 && generated.every((c) => dropped.has(c.name))) {
    const seedSurvives = !!seed && seed.names.length > 0 && processors.length > 0;
    if (!seedSurvives) {
      report.error(['columns'], 'All generated columns are configured to be dropped. Please mark at least one column with `drop=False`.', 'all_columns_dropped', 'key');
    }
  }
  return { final: finalSet, processorOutputs: outputs };
}

function checkColumn(c: ColumnConfig, columns: ColumnConfig[], opaque: ReadonlySet<string>, known: ColumnSet, ctx: StageValidationContext, report: Reporter): void {
  const missingOf = (names: Iterable<string>) => [...names].filter((n) => certainlyMissing(known, n));

  if (c.skip) checkSkip(c, known, report);

  if (c.column_type === 'sampler') {
    checkSamplerColumn(c, columns, report, opaque);
    return;
  }
  if (isLLMColumn(c) || c.column_type === 'image') {
    for (const key of ['prompt', 'system_prompt'] as const) {
      const src = (c as LLMColumn)[key];
      if (typeof src !== 'string') continue;
      const info = inspectTemplate(src, (n) => !certainlyMissing(known, n));
      const what = key === 'prompt' ? 'prompt' : 'system prompt';
      if (info.error) {
        report.error([key], `The ${what} template for '${c.name}' is invalid: ${info.error}`, 'template_syntax');
        continue;
      }
      checkFilters(info, [key], ctx, report);
      const missing = missingOf(info.variables);
      if (missing.length === 1) {
        report.error([key], `The ${what} template for '${c.name}' references a column that does not exist: '${missing[0]}'${didYouMean(missing[0]!, known.names)}.`, 'invalid_reference');
      } else if (missing.length > 1) {
        report.error([key], `The ${what} template for '${c.name}' references ${missing.length} columns that do not exist: ${list(missing)}.`, 'invalid_reference');
      }
      if (key === 'prompt' && info.variables.size === 0 && !c.multi_modal_context?.length) {
        report.warn(
          [key],
          `The prompt template for '${c.name}' does not reference any columns. This means the same prompt will be used for every row in the dataset. To generate diverse rows, reference columns with {{ column_name }}.`,
          'prompt_without_references',
        );
      }
      const fstring = fStringReferences(src, known);
      if (fstring.length) {
        report.warn(
          [key],
          `The ${what} template for '${c.name}' references the following columns using f-string syntax: ${list(fstring)}. Please use jinja2 syntax to reference columns: {reference} -> {{ reference }}.`,
          'f_string_syntax',
        );
      }
    }
    (c.multi_modal_context ?? []).forEach((m, j) => {
      if (certainlyMissing(known, m.column_name)) {
        report.error(['multi_modal_context', j, 'column_name'], `The multi_modal_context of '${c.name}' references a column that does not exist: '${m.column_name}'${didYouMean(m.column_name, known.names)}.`, 'invalid_reference');
      }
      for (const problem of mediaContextProblems(m)) report.error(['multi_modal_context', j, problem.field], `multi_modal_context of column '${c.name}': ${problem.message}.`, 'invalid_media_context');
    });
    checkModelAlias(c.name, c.model_alias, c.column_type === 'image' ? 'image' : 'chat', ctx, report);
    if (isLLMColumn(c)) checkToolAlias(c.name, c.tool_alias, ctx.toolAliases, report);
    if (c.column_type === 'llm-structured' && typeof c.output_format === 'string') {
      try {
        JSON.parse(c.output_format);
      } catch {
        report.error(['output_format'], `output_format of column '${c.name}' must be a JSON Schema (a mapping, or a string holding JSON).`, 'invalid_output_format');
      }
    }
    return;
  }
  if (c.column_type === 'expression') {
    checkExpression(c, known, ctx, report);
    return;
  }
  if (c.column_type === 'validation') {
    checkValidation(c, columns, known, report);
    return;
  }
  if (c.column_type === 'custom') {
    for (const r of c.custom_column_metadata?.required_columns ?? []) {
      if (certainlyMissing(known, r)) report.error(['generator_function'], `Custom column '${c.name}' requires column '${r}' (its function's required_columns), which the stage does not have.`, 'invalid_reference');
    }
    for (const alias of c.custom_column_metadata?.model_aliases ?? []) checkModelAlias(c.name, alias, 'chat', ctx, report, ['generator_function']);
    return;
  }
  if (c.column_type === 'embedding') {
    if (certainlyMissing(known, c.target_column)) {
      report.error(['target_column'], `Embedding column '${c.name}' references missing column '${c.target_column}'${didYouMean(c.target_column, known.names)}.`, 'invalid_reference');
    }
    checkModelAlias(c.name, c.model_alias, 'embedding', ctx, report);
  }
}

function checkFilters(info: TemplateInfo, at: Path, ctx: StageValidationContext, report: Reporter): void {
  if (ctx.secureTemplates === false) return;
  const problem = disallowedFilter(info);
  if (problem) report.error(at, problem, 'unsupported_filter');
}

function checkModelAlias(column: string, alias: string, kind: 'chat' | 'embedding' | 'image', ctx: StageValidationContext, report: Reporter, at: Path = ['model_alias']): void {
  const model = resolveModelAlias(ctx.models, alias);
  if (ctx.opaqueModels?.has(alias)) return;
  if (!model) {
    report.error(at, `unknown model alias '${alias}' in column '${column}': no model config with alias '${alias}' found`, 'unknown_model_alias');
    return;
  }
  const generation = (model.inference_parameters as { generation_type?: string } | undefined)?.generation_type ?? 'chat-completion';
  if (kind === 'image' && generation !== 'image') {
    report.error(at, `Image column '${column}' uses model alias '${alias}', which is not an image-generation model (its inference_parameters need generation_type: image).`, 'model_kind');
  }
  if (kind === 'embedding' && generation !== 'embedding') {
    report.error(at, `Embedding column '${column}' uses model alias '${alias}', which is not an embedding model (its inference_parameters need generation_type: embedding).`, 'model_kind');
  }
  if (kind === 'chat' && generation === 'image') {
    report.error(at, `Column '${column}' uses model alias '${alias}', which is an image-generation model (generation_type: image); LLM columns need a chat-completion model.`, 'model_kind');
  }
  if (kind === 'chat' && generation === 'embedding') {
    report.error(at, `Column '${column}' uses model alias '${alias}', which is an embedding model; LLM columns need a chat-completion model.`, 'model_kind');
  }
}

/** `{name}` in a template (not `{{ name }}`) where `name` is a known column. */
function fStringReferences(src: string, known: ColumnSet): string[] {
  const out = new Set<string>();
  for (const m of src.matchAll(/(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})/g)) {
    if (hasColumn(known, m[1]!)) out.add(m[1]!);
  }
  return [...out];
}

function checkSkip(c: ColumnConfig, known: ColumnSet, report: Reporter): void {
  const skip = c.skip!;
  if (c.column_type === 'sampler' || c.column_type === 'seed-dataset') {
    report.error(
      ['skip'],
      'skip is not supported on sampler columns. Sampler/seed columns are collapsed into shared multi-column generators and cannot be skipped individually.',
      'skip_on_sampler_seed',
    );
    return;
  }
  const info = inspectTemplate(skip.when, (n) => !certainlyMissing(known, n));
  if (info.error) {
    report.error(['skip', 'when'], `skip.when expression for column '${c.name}' is invalid: ${info.error}`, 'template_syntax');
    return;
  }
  if (info.variables.size === 0 || !skip.when.includes('{{')) {
    report.error(
      ['skip', 'when'],
      `skip.when expression '${skip.when}' does not reference any columns. Expressions must use Jinja2 delimiters, e.g. '{{ in_stock == 0 }}' not 'in_stock == 0'.`,
      'skip_without_references',
    );
    return;
  }
  const own = new Set([c.name, ...sideEffectsOf(c)]);
  const self = [...info.variables].filter((v) => own.has(v));
  if (self.length) {
    report.error(['skip', 'when'], `skip.when expression for column '${c.name}' references itself (via ${pySet(self)}). A column cannot gate its own generation.`, 'skip_self_reference');
  }
  for (const v of info.variables) {
    if (!own.has(v) && certainlyMissing(known, v)) {
      report.error(['skip', 'when'], `skip.when expression for column '${c.name}' references '${v}' which is not a known column${didYouMean(v, known.names)}.`, 'skip_reference_missing');
    }
  }
}

function checkExpression(c: ExpressionColumn, known: ColumnSet, ctx: StageValidationContext, report: Reporter): void {
  if (!c.expr.trim()) {
    report.error(['expr'], `Expression column '${c.name}' has an empty or whitespace-only expression.`, 'empty_expression');
    return;
  }
  const info = inspectTemplate(c.expr, (n) => !certainlyMissing(known, n));
  if (info.error) {
    report.error(['expr'], `The expression for '${c.name}' is invalid: ${info.error}`, 'template_syntax');
    return;
  }
  checkFilters(info, ['expr'], ctx, report);
  for (const v of info.variables) {
    if (certainlyMissing(known, v)) report.error(['expr'], `Expression column '${c.name}' references missing column '${v}'${didYouMean(v, known.names)}.`, 'expression_reference_missing');
  }
}

function checkValidation(c: ValidationColumn, columns: ColumnConfig[], known: ColumnSet, report: Reporter): void {
  if (c.validator_type === 'code') {
    const lang = (c.validator_params as { code_lang: string }).code_lang;
    if (lang !== 'python' && !lang.startsWith('sql:')) {
      report.error(['validator_params', 'code_lang'], `Code validation column '${c.name}' cannot validate ${lang}: the code validator supports python and sql:* only.`, 'unsupported_code_lang');
    }
    c.target_columns.forEach((t, j) => {
      const target = columns.find((x) => x.name === t);
      if (!target) {
        if (certainlyMissing(known, t)) report.error(['target_columns', j], `Target code column '${t}' not found in column list.`, 'code_column_missing');
        return;
      }
      if (target.column_type !== 'llm-code') {
        report.warn(['target_columns', j], `Code validation column '${c.name}' is set to validate code, but the target column was generated as ${target.column_type}.`, 'code_column_not_code');
      } else if (target.code_lang !== lang) {
        report.error(['target_columns', j], `Code validation column '${c.name}' is set to validate ${lang}, but the target column was generated as ${target.code_lang}.`, 'code_lang_mismatch');
      }
    });
    return;
  }
  c.target_columns.forEach((t, j) => {
    if (certainlyMissing(known, t)) report.error(['target_columns', j], `Validation column '${c.name}' references missing column '${t}'${didYouMean(t, known.names)}.`, 'invalid_reference');
  });
}

/** Sampler types whose values are numbers, and the DuckDB type the run's parquet gives them. */
const NUMERIC_SAMPLERS: Record<string, string> = {
  uniform: 'DOUBLE',
  gaussian: 'DOUBLE',
  scipy: 'DOUBLE',
  poisson: 'BIGINT',
  binomial: 'BIGINT',
  bernoulli: 'BIGINT',
  bernoulli_mixture: 'DOUBLE',
};
const CONVERTED: Record<string, string> = { int: 'BIGINT', float: 'DOUBLE', str: 'VARCHAR' };
const EXPRESSION_TYPES: Record<string, string> = { int: 'BIGINT', float: 'DOUBLE', str: 'VARCHAR', bool: 'BOOLEAN' };

/**
 * The DuckDB types of the stage's columns where cheaply known (as the run's parquet writer types their
 * values: text VARCHAR, integers BIGINT, other numbers DOUBLE, nested values JSON), for a `sql`
 * processor's query to bind at validate time. Unknown types are left out (a guess, VARCHAR, is made
 * when the query is described).
 */
function columnTypes(seed: ColumnSet | null, columns: readonly ColumnConfig[]): Record<string, string> {
  const types: Record<string, string> = {};
  const set = (name: string, type: string | undefined) => {
    if (type && !RESERVED_COLUMN_NAMES.has(name)) types[name] = type;
  };
  for (const n of seed?.names ?? []) set(n, typeOf(seed!, n));
  for (const c of columns) {
    const t = c.column_type as string;
    if (t === 'llm-text' || t === 'llm-code') set(c.name, 'VARCHAR');
    else if (t === 'llm-structured' || t === 'llm-judge' || t === 'embedding' || t === 'validation' || t === 'image') set(c.name, 'JSON');
    else if (t === 'expression') set(c.name, EXPRESSION_TYPES[(c as ExpressionColumn).dtype ?? 'str']);
    else if (t === 'sampler') set(c.name, samplerType(c as ColumnConfig & { sampler_type?: string; params?: unknown; convert_to?: unknown }));
    for (const side of sideEffectsOf(c)) set(side, side.endsWith('__trace') ? 'JSON' : 'VARCHAR');
  }
  return types;
}

function samplerType(c: { sampler_type?: string; params?: unknown; convert_to?: unknown }): string | undefined {
  if (typeof c.convert_to === 'string' && c.convert_to in CONVERTED) return CONVERTED[c.convert_to];
  const kind = String(c.sampler_type);
  if (Object.hasOwn(NUMERIC_SAMPLERS, kind)) return NUMERIC_SAMPLERS[kind];
  if (kind === 'uuid') return 'VARCHAR';
  if (kind === 'person_from_faker' || kind === 'person') return 'JSON';
  if (kind === 'category' && isObj(c.params) && Array.isArray(c.params.values) && c.params.values.length) {
    const values = c.params.values as unknown[];
    if (values.every((v) => typeof v === 'string')) return 'VARCHAR';
    if (values.every((v) => Number.isInteger(v))) return 'BIGINT';
    if (values.every((v) => typeof v === 'number')) return 'DOUBLE';
  }
  return undefined;
}

/**
 * Runs processors over a column set (config processors, then a stage's output_processors), validating
 * their references on the way, and returns the resulting columns and each processor's own output. A
 * `sql` processor's output comes from `sql` (its query described over the columns before it); without
 * it, or when those columns are not all known, it is unknown (open).
 */
export async function applyProcessors(
  input: ColumnSet,
  processors: readonly ProcessorConfig[],
  report: Reporter,
  usable: (i: number) => boolean = () => true,
  sql?: SqlHook,
): Promise<{ final: ColumnSet; outputs: Map<string, ColumnSet> }> {
  let current: ColumnSet = withNames(input, input.names);
  const outputs = new Map<string, ColumnSet>();
  for (const [i, p] of processors.entries()) {
    if (!usable(i) || !isObj(p)) {
      // A processor that failed the schema: what it outputs is unknown.
      current = openSet();
      if (isObj(p) && typeof p.name === 'string') outputs.set(p.name, current);
      continue;
    }
    if (Buffer.byteLength(p.name) > MAX_FILE_NAME_BYTES) {
      report.error([i, 'name'], `processor name '${p.name.slice(0, 24)}…' is too long for a directory name: it takes ${Buffer.byteLength(p.name)} bytes in UTF-8, and file systems allow ${MAX_FILE_NAME_BYTES}`, 'name_too_long');
    }
    if (p.processor_type === 'drop_columns') {
      const removed = new Set<string>();
      p.column_names.forEach((entry, j) => {
        const matched = matchColumns(entry, current.names);
        matched.forEach((n) => removed.add(n));
        if (matched.length) return;
        if (isGlob(entry)) {
          if (!current.open) report.warn([i, 'column_names', j], `Drop columns processor pattern '${entry}' does not match any columns.`, 'invalid_column');
        } else if (!current.open) {
          report.error([i, 'column_names', j], `Drop columns processor is configured to drop column '${entry}', but the column is not defined.`, 'invalid_column');
        }
      });
      current = withNames(current, current.names.filter((n) => !removed.has(n)));
      outputs.set(p.name, current);
    } else if (p.processor_type === 'schema_transform') {
      const info = inspectTemplate(JSON.stringify(p.template), (n) => !certainlyMissing(current, n));
      if (info.error) {
        report.error([i, 'template'], `The template of processor '${p.name}' is invalid: ${info.error}`, 'template_syntax', 'key');
      } else {
        const missing = [...info.variables].filter((v) => certainlyMissing(current, v) || /__(trace|reasoning_content)$/.test(v));
        if (missing.length) {
          report.error(
            [i, 'template'],
            `Ancillary dataset processor attempts to reference columns ${list(missing)} in the template for '${p.name}', but the columns are not defined in the dataset.`,
            'invalid_reference',
            'key',
          );
        }
      }
      const keys = Object.keys(p.template);
      for (const k of keys.filter((k) => RESERVED_COLUMN_NAMES.has(k))) {
        report.error([i, 'template', k], `the template of processor '${p.name}' makes a column named '${k}', which is reserved (ddflow holds rows as JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename it`, 'reserved_column_name', 'key');
      }
      outputs.set(p.name, keys.some((k) => k.includes('{')) ? openSet(keys.filter((k) => !k.includes('{'))) : closedSet(keys));
    } else if (p.processor_type === 'sql') {
      // Its result replaces the dataset.
      current = sql && typeof p.query === 'string' ? await sql({ at: [i, 'query'], processor: String(p.name), query: p.query }, current, report) : openSet();
      outputs.set(p.name, current);
    } else {
      current = openSet();
      outputs.set((p as { name: string }).name, current);
    }
  }
  return { final: current, outputs };
}

export type { Path };
