/**
 * Workflow-level validation: stage names, the chain of seeds between stages (a stage seeded by the
 * previous one knows the upstream output columns), `output: processor:<name>`, processor names,
 * processor-only stages, providers and API keys — and, per stage, the Data Designer config rules.
 */
import { BUILTIN_PROVIDERS } from '../llm/providers.js';
import { openSet, withNames, type ColumnSet } from '../config/column-set.js';
import type { Reporter } from '../config/report.js';
import type { Path } from '../config/source-map.js';
import { checkModelConfigs, checkProviders } from '../config/rules/models.js';
import { checkMcpProviders } from '../config/rules/tools.js';
import { seedColumns } from '../config/rules/seeds.js';
import { lazySqlChecker } from './sql-checks.js';
import { stageDirName } from './selection.js';
import { MAX_FILE_NAME_BYTES, type DataDesignerConfig, type McpProvider, type ModelConfig, type ModelProvider, type ProcessorConfig, type Stage } from '../config/schema.js';
import { applyProcessors, validateStageConfig, type SqlHook } from '../config/validate.js';

export interface WorkflowDoc {
  name: string;
  model_providers?: ModelProvider[];
  model_configs?: ModelConfig[];
  mcp_providers?: McpProvider[];
  stages: (Omit<Stage, 'config'> & { config: DataDesignerConfig })[];
  run_config?: { jinja_rendering_engine?: string };
}

export interface StageInfo {
  /** Directory relative paths of the stage config resolve against. */
  baseDir: string;
  /** The stage's config could not be read at all (a config file that is missing or does not parse): skip its rules. */
  schemaInvalid: boolean;
}

/** Whether the node at an absolute document path, or anything below it, failed the schema. */
export type BrokenPredicate = (path: Path) => boolean;

const PROCESSOR_PREFIX = 'processor:';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/**
 * Runs every workflow and stage rule on the parts of the document that passed the schema, so that a
 * schema error in one place does not hide problems elsewhere; parts that failed (`broken`) are skipped,
 * and what they would contribute (a model alias, a column name, a stage's output) is treated as unknown
 * rather than as missing.
 */
export async function checkWorkflow(doc: WorkflowDoc, stages: StageInfo[], report: Reporter, broken: BrokenPredicate = () => false): Promise<void> {
  const ok = (p: Path) => !broken(p);
  const docProviders = listOf<ModelProvider>(doc.model_providers);
  const docModels = listOf<ModelConfig>(doc.model_configs);
  const providers = new Set([
    ...BUILTIN_PROVIDERS.map((p) => p.name),
    ...docProviders.flatMap((p) => (isObj(p) && typeof p.name === 'string' ? [p.name] : [])),
  ]);
  checkProviders(docProviders, report.under(['model_providers']), (i) => ok(['model_providers', i]));
  checkModelConfigs(docModels, providers, report.under(['model_configs']), (i) => ok(['model_configs', i]));
  const mcp = listOf<McpProvider>(doc.mcp_providers);
  checkMcpProviders(mcp, report.under(['mcp_providers']), (i) => ok(['mcp_providers', i]));
  // A provider that failed the schema may still be what a tool config names: then no name is checked.
  const mcpProviders = doc.mcp_providers === undefined || (Array.isArray(doc.mcp_providers) && mcp.every((_, i) => ok(['mcp_providers', i])))
    ? new Set(mcp.map((p) => p.name))
    : undefined;
  if (!Array.isArray(doc.stages)) return;

  const names = new Map<string, number>();
  doc.stages.forEach((s, i) => {
    if (!isObj(s) || typeof s.name !== 'string') return;
    if (names.has(s.name)) report.error(['stages', i, 'name'], `duplicate stage name '${s.name}' (stage names must be unique)`, 'duplicate_stage');
    else names.set(s.name, i);
    const dir = stageDirName(i, s.name);
    if (Buffer.byteLength(dir) > MAX_FILE_NAME_BYTES) report.error(['stages', i, 'name'], `stage name '${s.name}' is too long for a directory name: '${dir.slice(0, 24)}…' takes ${Buffer.byteLength(dir)} bytes in UTF-8, and file systems allow ${MAX_FILE_NAME_BYTES}`, 'name_too_long');
    const version = isObj(s.on_success) ? s.on_success.version : undefined;
    if (typeof version === 'string' && Buffer.byteLength(version) > MAX_FILE_NAME_BYTES) report.error(['stages', i, 'on_success', 'version'], `on_success version '${version.slice(0, 24)}…' is too long for a directory name: it takes ${Buffer.byteLength(version)} bytes in UTF-8, and file systems allow ${MAX_FILE_NAME_BYTES}`, 'name_too_long');
  });
  const secureTemplates = !(isObj(doc.run_config) && doc.run_config.jinja_rendering_engine === 'native');

  // DuckDB is opened on the first sql processor, if there is one.
  const sqlChecker = lazySqlChecker();
  const sql: SqlHook = (q, input, r) => sqlChecker.check(q, input, r);
  try {
    await checkStages(doc, stages, report, ok, providers, docModels, secureTemplates, sql, mcpProviders);
  } finally {
    sqlChecker.close();
  }
}

async function checkStages(
  doc: WorkflowDoc,
  stages: StageInfo[],
  report: Reporter,
  ok: (p: Path) => boolean,
  providers: Set<string>,
  docModels: ModelConfig[],
  secureTemplates: boolean,
  sql: SqlHook,
  mcpProviders: ReadonlySet<string> | undefined,
): Promise<void> {
  let upstream: ColumnSet | null = null;
  for (let i = 0; i < doc.stages.length; i++) {
    const stage = doc.stages[i]!;
    const info = stages[i]!;
    const at = report.under(['stages', i]);
    const config = isObj(stage) ? stage.config : undefined;
    if (!info || info.schemaInvalid || !isObj(config)) {
      upstream = openSet();
      continue;
    }
    const stageName = typeof stage.name === 'string' ? stage.name : `#${i}`;
    const cfg = (p: Path) => ok(['stages', i, 'config', ...p]);
    const previous = i > 0 ? (doc.stages[i - 1] as { name?: unknown } | undefined)?.name : undefined;
    if (i > 0 && config.seed_config) {
      at.warn(
        ['config', 'seed_config'],
        `stage '${stageName}' is seeded from the output of stage '${typeof previous === 'string' ? previous : `#${i - 1}`}': its own seed_config is replaced`,
        'seed_replaced',
      );
    }
    const seed: ColumnSet | null =
      i > 0 ? upstream : config.seed_config ? (cfg(['seed_config']) ? await seedColumns(config.seed_config.source, info.baseDir) : openSet()) : null;

    const sel = stage.selection_strategy as { start?: number; end?: number; index?: number; num_partitions?: number } | null | undefined;
    if (isObj(sel) && ok(['stages', i, 'selection_strategy'])) {
      if (sel.start !== undefined && sel.end !== undefined && sel.start > sel.end) {
        at.error(['selection_strategy', 'start'], "'start' index must be less than or equal to 'end' index", 'selection_strategy');
      }
      if (sel.num_partitions !== undefined && (sel.index ?? 0) >= sel.num_partitions) {
        at.error(['selection_strategy', 'index'], "'index' must be less than 'num_partitions'", 'selection_strategy');
      }
    }

    const processors = listOf<ProcessorConfig>(config.processors);
    const outputProcessors = listOf<ProcessorConfig>(stage.output_processors);
    const columnsUnknown = config.columns !== undefined && config.columns !== null && !Array.isArray(config.columns);
    const hasColumns = listOf(config.columns).length > 0;
    if (!hasColumns && !seed && !columnsUnknown) {
      at.error(
        ['config'],
        processors.length || outputProcessors.length
          ? `stage '${stageName}' has no columns: a processor-only stage must be seeded (by a previous stage or a seed_config)`
          : `No column configs provided for stage '${stageName}' (it has no columns and no seed).`,
        'no_columns',
        'key',
      );
    }

    // Model configs that failed the schema still declare their alias: columns naming it are not "unknown alias".
    const models = new Map<string, ModelConfig>();
    const opaqueModels = new Set<string>();
    const addModels = (list: ModelConfig[], usable: (j: number) => boolean) =>
      list.forEach((m, j) => {
        if (!isObj(m) || typeof m.alias !== 'string') return;
        if (usable(j)) {
          models.set(m.alias, m);
          opaqueModels.delete(m.alias);
        } else {
          models.delete(m.alias);
          opaqueModels.add(m.alias);
        }
      });
    addModels(docModels, (j) => ok(['model_configs', j]));
    addModels(listOf<ModelConfig>(config.model_configs), (j) => cfg(['model_configs', j]));

    const result = await validateStageConfig(
      config,
      {
        seed,
        ownSeedInForce: i === 0,
        baseDir: info.baseDir,
        models,
        providers,
        stageName,
        secureTemplates,
        broken: (p) => !cfg(p),
        opaqueModels,
        sql,
        mcpProviders,
      },
      at.under(['config']),
    );

    checkProcessorNames(processors, outputProcessors, at);
    const after = await applyProcessors(result.final, outputProcessors, at.under(['output_processors']), (j) => ok(['stages', i, 'output_processors', j]), sql);

    let output: ColumnSet = after.final;
    const outputUsable = stage.output === undefined || stage.output === null || (typeof stage.output === 'string' && ok(['stages', i, 'output']));
    const selector = typeof stage.output === 'string' ? stage.output : 'final';
    if (!outputUsable) output = openSet();
    else if (selector.startsWith(PROCESSOR_PREFIX)) {
      const name = selector.slice(PROCESSOR_PREFIX.length);
      const selected = after.outputs.get(name) ?? result.processorOutputs.get(name);
      if (!selected) {
        const known = [...processors, ...outputProcessors].flatMap((p) => (isObj(p) && typeof p.name === 'string' ? [`'${p.name}'`] : []));
        const anyUnnamed = [...processors, ...outputProcessors].some((p) => !isObj(p) || typeof p.name !== 'string');
        if (!anyUnnamed) {
          at.error(
            ['output'],
            `output '${selector}' of stage '${stageName}' names no processor of that stage (${known.length ? `its processors: ${known.join(', ')}` : 'it has no processors'})`,
            'unknown_output_processor',
          );
        }
        output = openSet();
      } else output = selected;
    }
    // An on_success command writes the stage output itself: its columns are known only at run time.
    upstream = stage.on_success ? openSet() : withNames(output, output.names);
  }
}

function checkProcessorNames(processors: readonly ProcessorConfig[], outputProcessors: readonly ProcessorConfig[], at: Reporter): void {
  const seen = new Set<string>();
  const visit = (list: readonly ProcessorConfig[], key: string) =>
    list.forEach((p, j) => {
      if (!isObj(p) || typeof p.name !== 'string') return;
      if (seen.has(p.name)) {
        const path = key === 'processors' ? ['config', 'processors', j, 'name'] : ['output_processors', j, 'name'];
        at.error(path, `duplicate processor name '${p.name}' (processor names must be distinct across a stage's processors and output_processors)`, 'duplicate_processor');
      }
      seen.add(p.name);
    });
  visit(processors, 'processors');
  visit(outputProcessors, 'output_processors');
}


