/**
 * Normalisation of a Data Designer config, in two halves around schema validation.
 *
 * Before: the spellings and omissions Data Designer accepts are brought to one form, so that the schema
 * sees (and later code handles) one shape: `llm_text` → `llm-text`; `sampler_type` injected into
 * `params` and each `conditional_params` value; `validator_type` into `validator_params`;
 * `constraint_type` inferred from `rhs`; inference `generation_type` inferred; a distribution without
 * `distribution_type` is uniform. Features ddflow does not run are reported here, once, in a clear
 * sentence, and their subtree is hidden from the schema's complaints.
 *
 * After (on a valid config): category weights are normalised as Data Designer writes them.
 */
import { editDistance } from '../shared/did-you-mean.js';
import { COLUMN_TYPES, UNSUPPORTED_COLUMN_TYPES, UNSUPPORTED_SEED_TYPES } from './schema.js';
import type { Path } from './source-map.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface NormalizeProblem {
  path: Path;
  message: string;
  code: string;
}

export interface PreNormalizeResult {
  problems: NormalizeProblem[];
  /** Subtrees already reported (the schema's own complaints about them would be noise). */
  suppressed: Path[];
}

const KEBAB_COLUMN_TYPES = new Map<string, string>(COLUMN_TYPES.map((t) => [t.replace(/-/g, '_'), t]));

/** Data Designer's numeric-looking rhs rule: a string that parses as a finite float is a scalar. */
function isScalarRhs(rhs: unknown): boolean {
  if (typeof rhs === 'number') return true;
  if (typeof rhs !== 'string' || rhs.trim() === '') return false;
  return Number.isFinite(Number(rhs));
}

export function preNormalizeConfig(config: unknown, at: Path): PreNormalizeResult {
  const problems: NormalizeProblem[] = [];
  const suppressed: Path[] = [];
  if (!isObj(config)) return { problems, suppressed };
  const unsupported = (path: Path, message: string) => {
    problems.push({ path, message, code: 'unsupported' });
    suppressed.push(path.slice(0, -1));
  };

  const columns = Array.isArray(config.columns) ? config.columns : [];
  columns.forEach((col, i) => {
    if (!isObj(col)) return;
    const cpath = [...at, 'columns', i];
    const name = typeof col.name === 'string' ? ` '${col.name}'` : '';
    if (typeof col.column_type === 'string') {
      const kebab = KEBAB_COLUMN_TYPES.get(col.column_type);
      if (kebab) col.column_type = kebab;
      const t = String(col.column_type).replace(/_/g, '-');
      if ((UNSUPPORTED_COLUMN_TYPES as readonly string[]).includes(t)) {
        unsupported([...cpath, 'column_type'], `column_type '${col.column_type}' of column${name} is not supported by ddflow`);
        return;
      }
      if (isPluginType(String(col.column_type), [...COLUMN_TYPES, ...UNSUPPORTED_COLUMN_TYPES])) {
        unsupported(
          [...cpath, 'column_type'],
          `column_type '${col.column_type}' of column${name} is not a Data Designer column type: Data Designer would load it from a column-generator plugin, which ddflow does not run; use one of ddflow's column types instead (${COLUMN_TYPES.join(', ')}), e.g. an expression or llm-structured column`,
        );
        return;
      }
    }
    if (col.column_type === 'sampler' && typeof col.sampler_type === 'string') {
      if (isObj(col.params) && col.params.sampler_type === undefined) col.params.sampler_type = col.sampler_type;
      if (isObj(col.conditional_params)) {
        for (const p of Object.values(col.conditional_params)) {
          if (isObj(p) && p.sampler_type === undefined) p.sampler_type = col.sampler_type;
        }
      }
    }
    if (col.column_type === 'validation' && typeof col.validator_type === 'string' && isObj(col.validator_params)) {
      if (col.validator_params.validator_type === undefined) col.validator_params.validator_type = col.validator_type;
    }
  });

  if (Array.isArray(config.constraints)) {
    for (const c of config.constraints) {
      if (isObj(c) && c.constraint_type === undefined && c.rhs !== undefined) {
        c.constraint_type = isScalarRhs(c.rhs) ? 'scalar_inequality' : 'column_inequality';
      }
    }
  }
  if (isObj(config.seed_config) && isObj(config.seed_config.source)) {
    const t = config.seed_config.source.seed_type;
    if (typeof t === 'string' && (UNSUPPORTED_SEED_TYPES as readonly string[]).includes(t)) {
      unsupported([...at, 'seed_config', 'source', 'seed_type', '_'], `seed_type '${t}' is not supported by ddflow (use local, directory, file_contents, hf or agent_rollout)`);
    } else if (typeof t === 'string' && isPluginType(t, [...DD_SEED_TYPES, ...UNSUPPORTED_SEED_TYPES])) {
      unsupported(
        [...at, 'seed_config', 'source', 'seed_type'],
        `seed_type '${t}' is not a Data Designer seed type: Data Designer would load it from a seed-reader plugin, which ddflow does not run; write the data to a parquet, CSV or JSON(L) file and use seed_type local (or directory / file_contents for a folder of files)`,
      );
    }
  }
  if (Array.isArray(config.processors)) problems.push(...pluginProcessors(config.processors, [...at, 'processors'], suppressed));
  if (Array.isArray(config.profilers) && config.profilers.length > 0) {
    // Data Designer: JudgeScoreProfilerConfig (config/analysis/column_profilers.py), run by
    // engine/analysis/column_profilers/judge_score_profiler.py — an LLM-written summary of each judge score.
    problems.push({
      path: [...at, 'profilers', 0],
      message:
        "profilers are not supported by ddflow: Data Designer's judge_score profiler (an LLM-written summary of each llm-judge score's distribution, in its analysis results) is not run; remove `profilers:` (the scores themselves are in the dataset; a sql processor such as SELECT score, count(*) ... GROUP BY score gives their distribution)",
      code: 'unsupported',
    });
  }
  if (Array.isArray(config.model_configs)) config.model_configs.forEach((m) => preNormalizeModelConfig(m));
  return { problems, suppressed };
}

/** Data Designer's own seed types (config/seed_source.py); any other is a seed-reader plugin's. */
const DD_SEED_TYPES = ['local', 'hf', 'df', 'directory', 'file_contents', 'agent_rollout'];
/** Processor types ddflow runs: Data Designer's two (config/processors.py) and its own sql. */
const PROCESSOR_TYPES = ['drop_columns', 'schema_transform', 'sql'];

/**
 * A type name that is no built-in one and not a likely typo of one (an edit distance of at most 2, and
 * at most a third of the built-in's length, from one of them; `-` and `_` alike): Data Designer would look it up among its installed plugins (plugins/plugin.py:
 * a column-generator, seed-reader or processor plugin adds a `column_type`, `seed_type` or
 * `processor_type`). A near miss is left to the schema, whose message lists the expected names.
 */
export function isPluginType(name: string, builtins: readonly string[]): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const n = norm(name);
  return builtins.every((b) => editDistance(n, norm(b)) > Math.min(2, Math.max(1, Math.floor(b.length / 3))));
}


/**
 * Processors of a plugin's type (config `processors` or a stage's `output_processors`, at `at`): one
 * sentence each, and their subtree hidden from the schema (`suppressed`).
 */
export function pluginProcessors(processors: readonly unknown[], at: Path, suppressed: Path[]): NormalizeProblem[] {
  const problems: NormalizeProblem[] = [];
  processors.forEach((p, j) => {
    if (!isObj(p) || typeof p.processor_type !== 'string' || !isPluginType(p.processor_type, PROCESSOR_TYPES)) return;
    const name = typeof p.name === 'string' ? ` '${p.name}'` : '';
    problems.push({
      path: [...at, j, 'processor_type'],
      message: `processor_type '${p.processor_type}' of processor${name} is not a Data Designer processor type: Data Designer would load it from a processor plugin, which ddflow does not run; use drop_columns, schema_transform or ddflow's sql processor (any SELECT over the table dataset) instead`,
      code: 'unsupported',
    });
    suppressed.push([...at, j]);
  });
  return problems;
}

export function preNormalizeModelConfig(m: unknown): void {
  if (!isObj(m) || !isObj(m.inference_parameters)) return;
  const ip = m.inference_parameters;
  if (ip.generation_type === undefined) {
    ip.generation_type = 'encoding_format' in ip || 'dimensions' in ip ? 'embedding' : 'chat-completion';
  }
  for (const key of ['temperature', 'top_p']) {
    const d = ip[key];
    if (isObj(d) && d.distribution_type === undefined) d.distribution_type = 'uniform';
  }
}

/** After validation: the forms Data Designer stores (normalised weights). */
export function postNormalizeConfig(config: Obj): void {
  const columns = Array.isArray(config.columns) ? (config.columns as Obj[]) : [];
  for (const col of columns) {
    if (col.column_type !== 'sampler' || col.sampler_type !== 'category') continue;
    normalizeWeights(col.params as Obj);
    for (const p of Object.values((col.conditional_params ?? {}) as Obj)) normalizeWeights(p as Obj);
  }
}

function normalizeWeights(params: Obj | undefined): void {
  const w = params?.weights;
  if (!Array.isArray(w) || w.length === 0) return;
  const sum = (w as number[]).reduce((a, b) => a + b, 0);
  if (sum > 0) params!.weights = (w as number[]).map((x) => x / sum);
}
