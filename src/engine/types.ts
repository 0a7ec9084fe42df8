/**
 * The contract between the workflow runner (src/workflow) and the engine (src/engine): one stage is one
 * Data Designer `create()`. The runner decides WHAT to run (fingerprints, resume, handoff); the engine
 * knows HOW to produce one stage's rows and artifacts, and nothing about workflows or GitHub.
 */
import type { DataDesignerConfig, ProcessorConfig, SamplingStrategy, SelectionStrategy } from '../config/schema.js';
import type { Logger } from '../logger.js';
import type { FullRunConfig } from '../config/defaults.js';
import type { Database } from '../data/database.js';
import type { EmbedRequest, EmbedResult, GenerateImageRequest, GenerateImageResult, GenerateRequest, GenerateResult } from '../llm/facade.js';
import type { ModelUsageReport, TokenUsage } from '../shared/usage.js';
import type { FunctionSpec } from './functions.js';

/**
 * What the engine needs from src/llm (its LlmFacade satisfies it). Optional in StageRunInput so stages
 * without model columns (and their tests) need no model setup.
 */
export interface ModelRuntimeLike {
  generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>>;
  embed(req: EmbedRequest): Promise<EmbedResult>;
  /** Image columns: base64 images for one cell. */
  generateImage?(req: GenerateImageRequest): Promise<GenerateImageResult>;
  /** Total tokens used so far (for metadata and progress). */
  tokenUsage?(): TokenUsage;
  /** Calls, retries and tokens per column and model so far (written to the stage metadata). */
  usageReport?(): ModelUsageReport;
}

/**
 * Progress of a running stage, reported as rows complete (at most every few hundred milliseconds, and
 * at every row group boundary).
 */
export interface StageProgress {
  stage: string;
  /** Rows done: generated (or dropped) by this run, plus those of row groups kept from an earlier run. */
  rowsDone: number;
  rowsTotal: number;
  /** Of rowsDone, the rows of row groups kept from an earlier run (resume): a rate counts only the rest. */
  rowsResumed?: number;
  rowGroupsDone: number;
  rowGroupsTotal: number;
  tokens: TokenUsage;
  /** Cost so far in US dollars, when the models' prices are known (filled by whoever knows them). */
  costUsd?: number;
}

export interface StageRunInput {
  stageName: string;
  stageIndex: number;
  /** Resolved: relative seed paths made absolute, workflow-level model_configs merged in by alias. */
  config: DataDesignerConfig;
  numRecords: number;
  /** Absolute; the engine owns its contents (parquet-files/, metadata.json, builder_config.json, ...). */
  stageDir: string;
  /** The workflow seed: every random draw is a function of (seed, stage, column, record, attempt). */
  seed: number;
  /** With every default filled in. */
  runConfig: FullRunConfig;
  /**
   * The upstream stage's selected output (parquet files). When present it replaces the config's own
   * seed source; sampling and selection then come from the stage (ddflow's handoff).
   */
  upstream?: { files: string[]; samplingStrategy?: SamplingStrategy; selectionStrategy?: SelectionStrategy | null };
  /**
   * A shard: generate only row groups `first` (inclusive) to `end` (exclusive) of the stage's grid, and
   * leave dataset-level processors and statistics to the merge (src/workflow/shard.ts).
   */
  groupRange?: { first: number; end: number };
  /**
   * A merge (src/workflow/merge.ts): the shards' row groups are in stageDir and the stage is only finished.
   * A row group a resume would not keep is then missing, not to be generated: the stage fails (resumable)
   * before anything is written, instead of asking a model runtime that refuses every call — unless it is
   * one of `stoppedEarly`, the groups a shard never wrote because early shutdown stopped it: those are
   * left out as a single run leaves out the groups after its early shutdown (`early_shutdown: true`).
   */
  assembled?: { stoppedEarly: readonly number[] };
  /** Reuse complete row groups already in stageDir (same fingerprint: the runner checked). */
  resume: boolean;
  signal?: AbortSignal;
  /** The model runtime for LLM and embedding columns; a stage that has such columns fails without it. */
  models?: ModelRuntimeLike;
  /** The run's DuckDB database (opened once per run); without it the stage opens and closes its own. */
  db?: Database;
  /** Code for the function names the config uses (custom columns, local_callable validators), by name. */
  functions?: ReadonlyMap<string, FunctionSpec>;
  onProgress?: (progress: StageProgress) => void;
  log: Logger;
}

export interface StageRunResult {
  numRecordsRequested: number;
  /**
   * Rows generated (after rows dropped during generation, BEFORE dataset-level `sql` processors, whose
   * filtering is intentional and not a shortfall). The output files may hold fewer rows.
   */
  numRecordsActual: number;
  /** Absolute paths of parquet-files/batch_*.parquet, in order. */
  outputFiles: string[];
  /** schema_transform side outputs: processor name → its parquet files. */
  processorFiles: Record<string, string[]>;
  /** Rows dropped during generation, by reason. */
  droppedRows: Record<string, number>;
  tokens: TokenUsage;
  /** Present when the stage ran model columns. */
  modelUsage?: ModelUsageReport;
  /** Columns of the final output, in order. */
  columns: string[];
  warnings: string[];
}

/** Output processors run over a finished stage's dataset, into `<stageDir>/output-processors/`. */
export interface DatasetProcessingInput {
  stageName: string;
  processors: ProcessorConfig[];
  inputFiles: string[];
  outDir: string;
  log: Logger;
  /** The run's DuckDB database; without it one is opened for the call. */
  db?: Database;
}

export interface DatasetProcessingResult {
  outputFiles: string[];
  processorFiles: Record<string, string[]>;
  numRecords: number;
}
