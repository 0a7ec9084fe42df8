/**
 * Workflow-level validation: stage names, the chain of seeds between stages (a stage seeded by the
 * previous one knows the upstream output columns), `output: processor:<name>`, processor names,
 * processor-only stages, providers and API keys — and, per stage, the Data Designer config rules.
 */
import { BUILTIN_PROVIDERS } from '../llm/providers.js';
import { openSet, type ColumnSet } from '../config/column-set.js';
import type { Reporter } from '../config/report.js';
import { checkModelConfigs, checkProviders } from '../config/rules/models.js';
import { seedColumns } from '../config/rules/seeds.js';
import type { DataDesignerConfig, ModelConfig, ModelProvider, ProcessorConfig, Stage } from '../config/schema.js';
import { applyProcessors, validateStageConfig } from '../config/validate.js';

export interface WorkflowDoc {
  name: string;
  model_providers?: ModelProvider[];
  model_configs?: ModelConfig[];
  stages: (Omit<Stage, 'config'> & { config: DataDesignerConfig })[];
  run_config?: { jinja_rendering_engine?: string };
}

export interface StageInfo {
  /** Directory relative paths of the stage config resolve against. */
  baseDir: string;
  /** The stage (or its config file) failed the schema: skip its semantic rules. */
  schemaInvalid: boolean;
}

const PROCESSOR_PREFIX = 'processor:';

export async function checkWorkflow(doc: WorkflowDoc, stages: StageInfo[], report: Reporter): Promise<void> {
  const providers = new Set([...BUILTIN_PROVIDERS.map((p) => p.name), ...(doc.model_providers ?? []).map((p) => p.name)]);
  if (doc.model_providers) checkProviders(doc.model_providers, report.under(['model_providers']));
  if (doc.model_configs) checkModelConfigs(doc.model_configs, providers, report.under(['model_configs']));

  const names = new Map<string, number>();
  doc.stages.forEach((s, i) => {
    if (names.has(s.name)) report.error(['stages', i, 'name'], `duplicate stage name '${s.name}' (stage names must be unique)`, 'duplicate_stage');
    else names.set(s.name, i);
  });

  let upstream: ColumnSet | null = null;
  for (let i = 0; i < doc.stages.length; i++) {
    const stage = doc.stages[i]!;
    const info = stages[i]!;
    const at = report.under(['stages', i]);
    const config = stage.config;
    if (info.schemaInvalid || !config || typeof config !== 'object') {
      upstream = openSet();
      continue;
    }
    const previous = i > 0 ? doc.stages[i - 1]!.name : undefined;
    if (previous !== undefined && config.seed_config) {
      at.warn(
        ['config', 'seed_config'],
        `stage '${stage.name}' is seeded from the output of stage '${previous}': its own seed_config is replaced`,
        'seed_replaced',
      );
    }
    const seed: ColumnSet | null =
      i > 0 ? upstream : config.seed_config ? await seedColumns(config.seed_config.source, info.baseDir) : null;

    const sel = stage.selection_strategy as { start?: number; end?: number; index?: number; num_partitions?: number } | null | undefined;
    if (sel && sel.start !== undefined && sel.end !== undefined && sel.start > sel.end) {
      at.error(['selection_strategy', 'start'], "'start' index must be less than or equal to 'end' index", 'selection_strategy');
    }
    if (sel && sel.num_partitions !== undefined && (sel.index ?? 0) >= sel.num_partitions) {
      at.error(['selection_strategy', 'index'], "'index' must be less than 'num_partitions'", 'selection_strategy');
    }

    const processors = config.processors ?? [];
    const outputProcessors = stage.output_processors ?? [];
    const hasColumns = (config.columns ?? []).length > 0;
    if (!hasColumns && !seed) {
      at.error(
        ['config'],
        processors.length || outputProcessors.length
          ? `stage '${stage.name}' has no columns: a processor-only stage must be seeded (by a previous stage or a seed_config)`
          : `No column configs provided for stage '${stage.name}' (it has no columns and no seed).`,
        'no_columns',
        'key',
      );
    }

    const models = new Map<string, ModelConfig>();
    for (const m of doc.model_configs ?? []) models.set(m.alias, m);
    for (const m of config.model_configs ?? []) models.set(m.alias, m);

    const result = validateStageConfig(
      config,
      {
        seed,
        ownSeedInForce: i === 0,
        baseDir: info.baseDir,
        models,
        providers,
        stageName: stage.name,
        secureTemplates: doc.run_config?.jinja_rendering_engine !== 'native',
      },
      at.under(['config']),
    );

    checkProcessorNames(processors, outputProcessors, at);
    const after = applyProcessors(result.final, outputProcessors, at.under(['output_processors']));

    let output: ColumnSet = after.final;
    const selector = stage.output ?? 'final';
    if (selector.startsWith(PROCESSOR_PREFIX)) {
      const name = selector.slice(PROCESSOR_PREFIX.length);
      const selected = after.outputs.get(name) ?? result.processorOutputs.get(name);
      if (!selected) {
        const known = [...processors, ...outputProcessors].map((p) => `'${p.name}'`);
        at.error(
          ['output'],
          `output '${selector}' of stage '${stage.name}' names no processor of that stage (${known.length ? `its processors: ${known.join(', ')}` : 'it has no processors'})`,
          'unknown_output_processor',
        );
        output = openSet();
      } else output = selected;
    }
    // An on_success command writes the stage output itself: its columns are known only at run time.
    upstream = stage.on_success ? openSet() : { names: [...output.names], open: output.open };
  }
}

function checkProcessorNames(processors: readonly ProcessorConfig[], outputProcessors: readonly ProcessorConfig[], at: Reporter): void {
  const seen = new Set<string>();
  const visit = (list: readonly ProcessorConfig[], key: string) =>
    list.forEach((p, j) => {
      if (seen.has(p.name)) {
        const path = key === 'processors' ? ['config', 'processors', j, 'name'] : ['output_processors', j, 'name'];
        at.error(path, `duplicate processor name '${p.name}' (processor names must be distinct across a stage's processors and output_processors)`, 'duplicate_processor');
      }
      seen.add(p.name);
    });
  visit(processors, 'processors');
  visit(outputProcessors, 'output_processors');
}


