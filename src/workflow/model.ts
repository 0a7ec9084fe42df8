/**
 * A workflow file after loading and validation: typed, normalised (kebab-case column types, sampler_type
 * injected into params, every default filled in), relative paths resolved. Produced by
 * `loadWorkflow()` (src/workflow/load.ts); consumed by plan/run and the CLI/Action.
 */
import type { StageFunction } from './functions.js';
import type { DataDesignerConfig, McpProvider, ModelConfig, ModelProvider, ProcessorConfig, SamplingStrategy, SelectionStrategy } from '../config/schema.js';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';

export type StageOutputSelector = { kind: 'final' } | { kind: 'processor'; name: string };

export interface LoadedStage {
  index: number;
  name: string;
  /** Normalised, defaults filled, seed paths absolute. Workflow-level model_configs are NOT merged in here. */
  config: DataDesignerConfig;
  /** Absolute path of the config file when `config:` named one. */
  configFile?: string;
  numRecords?: number;
  outputProcessors: ProcessorConfig[];
  output: StageOutputSelector;
  onSuccess?: { run: string; version?: string };
  /** Code bound to the function names the config uses (custom columns, local_callable validators). */
  functions?: ReadonlyMap<string, StageFunction>;
  /** The workflow's MCP providers whose tools the stage's columns can call (through their tool_alias), by name. */
  toolProviders?: ReadonlyMap<string, McpProvider>;
  allowEmpty: boolean;
  samplingStrategy: SamplingStrategy;
  selectionStrategy: SelectionStrategy | null;
  /** Where the stage is declared (for messages found at run time). */
  location?: SourceLocation;
}

export type { FullRunConfig } from '../config/defaults.js';
import type { FullRunConfig } from '../config/defaults.js';

export interface LoadedWorkflow {
  /** Absolute path of the workflow file. */
  file: string;
  /** Its directory: relative paths in the file resolve against it (on_success runs there). */
  dir: string;
  name: string;
  seed?: number;
  /** Absolute `<artifact_path>` (resolved against the current directory). */
  artifactPath: string;
  /** As written in the file (built-in providers are merged in by the model registry). */
  modelProviders: ModelProvider[];
  modelConfigs: ModelConfig[];
  /** MCP servers whose tools the stages' tool configs offer. */
  mcpProviders: McpProvider[];
  runConfig: FullRunConfig;
  stages: LoadedStage[];
  /** Non-fatal findings (prompt without references, glob matching no column, ...). */
  warnings: Diagnostic[];
}
