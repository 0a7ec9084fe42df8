/**
 * Generating one stage: the engine's create() (fresh or resuming its row groups), then its output
 * processors, the selection of its output (`final` or `processor:<name>`) and its `on_success` command.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import type { Database } from '../data/database.js';
import type { DatasetProcessingInput, DatasetProcessingResult, ModelRuntimeLike, StageProgress, StageRunInput, StageRunResult } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import { CALLBACK_OUTPUTS_DIR, countOutputRows, parquetFilesAt, runOnSuccess } from './outputs.js';
import type { StageOutcome } from './stage-record.js';
import { secretValues } from './secrets.js';
import type { FunctionSpec } from '../engine/functions.js';

/** What the runner needs from the engine (src/engine/create.ts provides the real one). */
export interface WorkflowEngine {
  runStage(input: StageRunInput): Promise<StageRunResult>;
  runDatasetProcessors(input: DatasetProcessingInput): Promise<DatasetProcessingResult>;
}

export async function defaultEngine(): Promise<WorkflowEngine> {
  // Loaded lazily: plan/validate/export never pay for the engine's imports. A literal specifier, so
  // the bundler still follows it.
  const { runStage, runDatasetProcessors } = await import('../engine/create.js');
  return { runStage, runDatasetProcessors };
}

/**
 * The engine, imported when a stage first needs it: a fully cached rerun never loads it. Issue 13,
 * profiled with --cpu-prof on the bundled CLI's all-cached rerun of a 4-stage workflow (1.17 s of CPU
 * under load): compiling bundle chunks was a third of it, and the engine's imports brought Faker alone
 * as a 2.4 MB chunk (plus the samplers, generators and templates) that no cached stage runs.
 */
export function lazyEngine(): WorkflowEngine {
  let loaded: Promise<WorkflowEngine> | undefined;
  const engine = () => (loaded ??= defaultEngine());
  return {
    runStage: async (input) => (await engine()).runStage(input),
    runDatasetProcessors: async (input) => (await engine()).runDatasetProcessors(input),
  };
}

export interface ExecuteStage {
  db: Database;
  engine: WorkflowEngine;
  workflow: LoadedWorkflow;
  stage: LoadedStage;
  index: number;
  stageDir: string;
  workflowDir: string;
  numRecords: number;
  seed: number;
  config: DataDesignerConfig;
  upstream?: { name: string; outputPath: string; records: number };
  resume: boolean;
  models?: ModelRuntimeLike;
  /** A merge: the stage's row groups are in stageDir already (StageRunInput.assembled). */
  assembled?: StageRunInput['assembled'];
  signal?: AbortSignal;
  onProgress?: (progress: StageProgress) => void;
  log: Logger;
}

/** The stage's bound functions, each with the run's secrets to keep out of what a command prints. */
function functionSpecs(stage: LoadedStage, secrets: readonly string[]): Map<string, FunctionSpec> {
  return new Map([...(stage.functions ?? [])].map(([name, f]) => [name, { ...f.spec, secrets }]));
}

export async function executeStage(x: ExecuteStage): Promise<StageOutcome> {
  const { stage, stageDir } = x;
  // The run's keys, kept out of what bound commands and on_success print.
  const secrets = secretValues(x.workflow);
  const upstreamFiles = x.upstream ? await parquetFilesAt(x.upstream.outputPath) : undefined;
  const result = await x.engine.runStage({
    stageName: stage.name,
    stageIndex: x.index,
    config: x.config,
    numRecords: x.numRecords,
    stageDir,
    seed: x.seed,
    runConfig: x.workflow.runConfig,
    upstream: upstreamFiles ? { files: upstreamFiles, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
    resume: x.resume,
    models: x.models,
    ...(x.assembled ? { assembled: x.assembled } : {}),
    signal: x.signal,
    db: x.db,
    ...(stage.functions ? { functions: functionSpecs(stage, secrets) } : {}),
    onProgress: x.onProgress,
    log: x.log,
  });
  x.signal?.throwIfAborted();
  const mainDir = dirOf(result.outputFiles, path.join(stageDir, 'parquet-files'));

  let processed: DatasetProcessingResult | undefined;
  const opDir = path.join(stageDir, 'output-processors');
  if (stage.outputProcessors.length > 0) {
    await fs.rm(opDir, { recursive: true, force: true });
    processed = await x.engine.runDatasetProcessors({ stageName: stage.name, processors: stage.outputProcessors, inputFiles: result.outputFiles, outDir: opDir, log: x.log, db: x.db });
    x.signal?.throwIfAborted();
  }

  let selected: string;
  if (stage.output.kind === 'final') {
    selected = processed ? dirOf(processed.outputFiles, path.join(opDir, 'parquet-files')) : mainDir;
  } else {
    const name = stage.output.name;
    const inOutput = stage.outputProcessors.some((p) => p.name === name);
    const side = inOutput ? processed?.processorFiles[name] : result.processorFiles[name];
    const sideDir = inOutput ? path.join(opDir, 'processors-files', name) : path.join(stageDir, 'processors-files', name);
    if (side && side.length > 0) selected = dirOf(side, sideDir);
    else if ((await parquetFilesAt(sideDir)).length > 0) selected = sideDir;
    else {
      // drop_columns and sql processors transform the dataset itself rather than writing a side output.
      const config = (inOutput ? stage.outputProcessors : (stage.config.processors ?? [])).find((p) => p.name === name);
      if (!config || config.processor_type.replace('-', '_') === 'schema_transform') {
        throw new DdflowError(`Stage output processor '${name}' did not produce artifacts.`);
      }
      selected = inOutput && processed ? dirOf(processed.outputFiles, path.join(opDir, 'parquet-files')) : mainDir;
    }
  }

  let callbackOutputPath: string | undefined;
  if (stage.onSuccess) {
    const outDir = path.join(stageDir, CALLBACK_OUTPUTS_DIR, stage.onSuccess.version ?? 'unversioned');
    selected = await runOnSuccess(x.db, {
      command: stage.onSuccess.run,
      cwd: x.workflow.dir,
      stageDir,
      outputDir: outDir,
      signal: x.signal,
      secrets,
      onStderr: (text) => {
        for (const line of text.split('\n')) if (line.trim()) x.log.info(`[on_success] ${line}`);
      },
    });
    callbackOutputPath = selected;
  }

  return {
    cache: 'miss',
    ownOutputPath: selected,
    ownOutputFiles: (await parquetFilesAt(selected)).map((f) => path.basename(f)),
    outputRecords: await countOutputRows(x.db, selected),
    numRecordsActual: result.numRecordsActual,
    callbackOutputPath,
    outputProcessorPath: processed ? opDir : undefined,
    tokens: result.tokens,
    modelUsage: result.modelUsage,
    droppedRows: result.droppedRows,
    warnings: result.warnings,
  };
}

function dirOf(files: readonly string[], fallback: string): string {
  return files.length > 0 ? path.dirname(files[0]!) : fallback;
}

