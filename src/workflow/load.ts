/**
 * Loading a workflow file: parse (YAML or JSON, every node's position kept), read the Data Designer
 * configs it names, normalise the spellings Data Designer accepts, validate against the schema (which
 * also fills in every default), run the semantic rules, and resolve relative paths. Either every problem
 * is reported at once (a ValidationError carrying all diagnostics, each at its file:line:col) or a typed
 * LoadedWorkflow comes back.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DdflowError, registerNodeLocation, ValidationError, type Diagnostic } from '../diagnostics.js';
import { pluginProcessors, postNormalizeConfig, preNormalizeConfig, preNormalizeModelConfig } from '../config/normalize.js';
import { DiagnosticCollector } from '../config/report.js';
import { validateAgainstSchema } from '../config/schema-validator.js';
import type { DataDesignerConfig, FunctionBinding, McpProvider, ModelConfig, ModelProvider, ProcessorConfig, RunConfig, Workflow } from '../config/schema.js';
import { isPrefix, Locator, parseSource, type Path, type SourceMap } from '../config/source-map.js';
import type { LoadedStage, LoadedWorkflow, StageOutputSelector } from './model.js';
import { checkWorkflow, type StageInfo, type WorkflowDoc } from './rules.js';
import { bindFunctions, type StageFunction } from './functions.js';
import { stageToolProviders } from './stage-tools.js';
import { runConfigWithDefaults } from '../config/defaults.js';
import { applyTypedScoreOptions } from '../config/score-options.js';
import { applySkipValues } from '../config/skip-value.js';
import { expandHome } from '../shared/agent-rollout-files.js';

export interface LoadOptions {
  /** Directory the workflow path and `artifact_path` resolve against (default: process.cwd()). */
  cwd?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];
const WRAPPER_KEYS = new Set(['data_designer', 'library_version']);

interface StageSource extends StageInfo {
  configFile?: string;
}

/** `shown`: the path as the user gave it, for the message. */
function readText(file: string, what: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
    throw new DdflowError(`Cannot read ${what} ${shown}: ${reason}.`);
  }
}

export async function loadWorkflow(file: string, options: LoadOptions = {}): Promise<LoadedWorkflow> {
  const cwd = options.cwd ?? process.cwd();
  const abs = path.resolve(cwd, file);
  const dir = path.dirname(abs);
  const parsed = parseSource(abs, readText(abs, 'workflow file', file));
  if (parsed.errors.length) throw new ValidationError(parsed.errors);

  const locator = new Locator(parsed.map);
  const report = new DiagnosticCollector(locator);
  const doc = parsed.data;
  if (!isObj(doc)) {
    report.error([], 'the workflow file must be a mapping with `name` and `stages`');
    throw new ValidationError(report.diagnostics);
  }

  // Bring every stage's config into the one document validated below, remembering where it came from.
  const stageSources: StageSource[] = [];
  const suppressed: Path[] = [];
  const preProblems: Path[] = [];
  const stages = Array.isArray(doc.stages) ? doc.stages : [];
  stages.forEach((stage, i) => {
    const source: StageSource = { baseDir: dir, schemaInvalid: false };
    stageSources.push(source);
    if (!isObj(stage)) return;
    const at: Path = ['stages', i, 'config'];
    let config = stage.config;
    if (typeof config === 'string') {
      const loaded = loadConfigFile(config, dir, at, locator, report);
      if (!loaded) {
        source.schemaInvalid = true;
        suppressed.push(at);
        stage.config = {};
        return;
      }
      config = loaded.config;
      source.configFile = loaded.file;
      source.baseDir = path.dirname(loaded.file);
    } else if (isObj(config) && 'data_designer' in config) {
      config = unwrap(config, parsed.map, at, [...at], locator, report);
    }
    stage.config = config;
    const pre = preNormalizeConfig(config, at);
    for (const p of pre.problems) {
      report.error(p.path, p.message, p.code);
      preProblems.push(p.path);
    }
    suppressed.push(...pre.suppressed);
    if (Array.isArray(stage.output_processors)) {
      for (const p of pluginProcessors(stage.output_processors, ['stages', i, 'output_processors'], suppressed)) {
        report.error(p.path, p.message, p.code);
        preProblems.push(p.path);
      }
    }
  });
  if (Array.isArray(doc.model_configs)) doc.model_configs.forEach(preNormalizeModelConfig);
  // The schema fills `api_key: null` and the like into every provider; a provider that overrides a
  // built-in by name must replace only the fields it gives, so the filled-in defaults are removed again.
  const givenProviderKeys = Array.isArray(doc.model_providers) ? doc.model_providers.map((p) => new Set(isObj(p) ? Object.keys(p) : [])) : [];
  // An absent run_config still gets every default (the validator fills defaults into what exists).
  if (doc.run_config === undefined) doc.run_config = {};

  const problems = validateAgainstSchema(doc, suppressed);
  for (const p of problems) report.error(p.path, p.message, p.code, p.anchor);
  // Every node at or above a reported problem failed the schema; the semantic rules skip exactly those
  // nodes and check everything else, so one schema error does not hide the problems elsewhere.
  const brokenPaths: Path[] = [...problems.map((p) => p.path), ...suppressed, ...preProblems];
  const broken = (at: Path) => brokenPaths.some((p) => isPrefix(at, p));
  // Function bindings first: they tell the rules which columns a custom column reads and writes.
  const stageFunctions = await bindFunctions(
    (isObj(doc.functions) ? doc.functions : undefined) as Record<string, FunctionBinding> | undefined,
    stages.map((s, i) => (isObj(s) && isObj(s.config) && !stageSources[i]!.schemaInvalid ? s.config : undefined)),
    dir,
    report,
    (at) => !broken(at),
  );
  await checkWorkflow(doc as unknown as WorkflowDoc, stageSources, report, broken);
  // Judge score options keep the key types and order the file gives them (`1:` is an int, `'1':` a string).
  stages.forEach((stage, i) => {
    const at: Path = ['stages', i, 'config'];
    if (!isObj(stage) || broken(at)) return;
    applyTypedScoreOptions(stage.config, (p) => locator.node([...at, ...p]), (p, message) => report.error([...at, ...p], message, 'schema', 'key'));
    // An expression's skip.value takes its dtype now, as Data Designer's config model converts it.
    applySkipValues(stage.config, (p) => locator.node([...at, ...p]), (p, message) => report.error([...at, ...p], message, 'invalid_skip_value'));
  });
  if (report.errorCount > 0) throw new ValidationError(report.diagnostics);
  if (Array.isArray(doc.model_providers)) {
    doc.model_providers.forEach((p, i) => {
      if (isObj(p)) for (const key of Object.keys(p)) if (!givenProviderKeys[i]!.has(key)) delete p[key];
    });
  }

  return buildLoaded(doc as unknown as Workflow & { stages: { config: DataDesignerConfig }[] }, abs, cwd, stageSources, locator, report.diagnostics, stageFunctions);
}

/** `{data_designer: {...}, library_version}` → the inner config, its keys checked (located in `map`, at `base`). */
function unwrap(wrapper: Obj, map: SourceMap, at: Path, base: Path, locator: Locator, report: DiagnosticCollector): unknown {
  locator.mount(at, map, [...base, 'data_designer']);
  for (const key of Object.keys(wrapper)) {
    if (!WRAPPER_KEYS.has(key)) {
      report.diagnostics.push({
        severity: 'error',
        code: 'unknown_key',
        message: `unknown key '${key}' in a data_designer-wrapped config (allowed: data_designer, library_version)`,
        location: map.locate([...base, key], 'key'),
      });
    }
  }
  if (wrapper.library_version !== undefined && wrapper.library_version !== null && typeof wrapper.library_version !== 'string') {
    report.diagnostics.push({ severity: 'error', code: 'schema', message: "'library_version' must be a string", location: map.locate([...base, 'library_version']) });
  }
  return wrapper.data_designer;
}

function loadConfigFile(
  ref: string,
  baseDir: string,
  at: Path,
  locator: Locator,
  report: DiagnosticCollector,
): { config: unknown; file: string } | undefined {
  const file = path.resolve(baseDir, ref);
  const ext = path.extname(file).toLowerCase();
  if (!CONFIG_EXTENSIONS.includes(ext)) {
    report.error(at, `config file ${ref} must be a .yaml, .yml or .json Data Designer config`, 'config_file');
    return undefined;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    report.error(at, `config file ${ref} does not exist (relative paths resolve against the directory of the workflow file)`, 'config_file');
    return undefined;
  }
  let text: string;
  try {
    text = readText(file, 'config file', ref);
  } catch (err) {
    if (!(err instanceof DdflowError)) throw err;
    report.error(at, err.message, 'config_file');
    return undefined;
  }
  const parsed = parseSource(file, text);
  if (parsed.errors.length) {
    report.diagnostics.push(...parsed.errors);
    return undefined;
  }
  if (!isObj(parsed.data)) {
    report.diagnostics.push({ severity: 'error', message: `config file ${ref} must hold a mapping (a Data Designer config)`, location: parsed.map.locate([]) });
    return undefined;
  }
  if ('data_designer' in parsed.data) return { config: unwrap(parsed.data, parsed.map, at, [], locator, report), file };
  locator.mount(at, parsed.map, []);
  return { config: parsed.data, file };
}

function resolveSeedPaths(config: DataDesignerConfig, baseDir: string): void {
  const source = config.seed_config?.source as { path?: string; seed_type?: string } | undefined;
  // An hf path names a dataset on the Hub, not a file next to the config.
  if (source && typeof source.path === 'string' && source.seed_type !== 'hf') {
    // Data Designer expands `~` in a rollout seed's path (Path.expanduser), as its defaults are under the home directory.
    source.path = path.resolve(baseDir, source.seed_type === 'agent_rollout' ? expandHome(source.path) : source.path);
  }
}

function parseOutput(output: string | undefined): StageOutputSelector {
  if (output && output.startsWith('processor:')) return { kind: 'processor', name: output.slice('processor:'.length) };
  return { kind: 'final' };
}

/**
 * Registers where each column and processor object of a stage was written (registerNodeLocation), so
 * that an error the engine meets at run time in one of them points at its node.
 */
function registerConfigNodes(config: DataDesignerConfig, outputProcessors: ProcessorConfig[], i: number, locator: Locator): void {
  const register = (node: unknown, at: Path) => {
    if (!isObj(node)) return;
    registerNodeLocation(node, (field) => (field !== undefined && field in node ? locator.locate([...at, field]) : locator.locate(at, 'key')));
  };
  (config.columns ?? []).forEach((c, j) => register(c, ['stages', i, 'config', 'columns', j]));
  (config.processors ?? []).forEach((p, j) => register(p, ['stages', i, 'config', 'processors', j]));
  outputProcessors.forEach((p, j) => register(p, ['stages', i, 'output_processors', j]));
  // Seed problems found only when the data is read point here (seed-reader.ts).
  if (isObj(config.seed_config)) {
    register(config.seed_config, ['stages', i, 'config', 'seed_config']);
    register((config.seed_config as { source?: unknown }).source, ['stages', i, 'config', 'seed_config', 'source']);
  }
}

function buildLoaded(
  doc: Workflow & { stages: { config: DataDesignerConfig }[] },
  file: string,
  cwd: string,
  sources: StageSource[],
  locator: Locator,
  diagnostics: Diagnostic[],
  functions: Map<string, StageFunction>[],
): LoadedWorkflow {
  const stages: LoadedStage[] = doc.stages.map((s, i) => {
    const config = s.config as DataDesignerConfig;
    if (!config.columns) config.columns = [];
    postNormalizeConfig(config as unknown as Obj);
    resolveSeedPaths(config, sources[i]!.baseDir);
    const loaded: LoadedStage = {
      index: i,
      name: s.name,
      config,
      numRecords: s.num_records,
      outputProcessors: (s.output_processors ?? []) as ProcessorConfig[],
      output: parseOutput(s.output),
      allowEmpty: s.allow_empty === true,
      samplingStrategy: s.sampling_strategy ?? 'ordered',
      selectionStrategy: s.selection_strategy ?? null,
      location: locator.locate(['stages', i]),
    };
    if (sources[i]!.configFile) loaded.configFile = sources[i]!.configFile;
    registerConfigNodes(config, loaded.outputProcessors, i, locator);
    if (s.on_success) loaded.onSuccess = { ...s.on_success };
    if (functions[i]?.size) loaded.functions = functions[i];
    const tools = stageToolProviders(config, (doc.mcp_providers ?? []) as McpProvider[]);
    if (tools.size) loaded.toolProviders = tools;
    return loaded;
  });
  return {
    file,
    dir: path.dirname(file),
    name: doc.name,
    ...(doc.seed !== undefined ? { seed: doc.seed } : {}),
    artifactPath: path.resolve(cwd, doc.artifact_path ?? 'artifacts'),
    modelProviders: (doc.model_providers ?? []) as ModelProvider[],
    modelConfigs: (doc.model_configs ?? []) as ModelConfig[],
    mcpProviders: (doc.mcp_providers ?? []) as McpProvider[],
    // The validator filled the defaults already; this also covers a run_config it could not use.
    runConfig: runConfigWithDefaults(doc.run_config as RunConfig),
    stages,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/**
 * Why artifacts cannot go under `artifactPath` (the directory itself, or `<artifactPath>/<workflow>`, or
 * an ancestor is something other than a directory), as a sentence; undefined when they can. Checked
 * before a run or plan so that it ends with this sentence instead of ENOTDIR/EEXIST half-way.
 */
export function artifactDirectoryProblem(artifactPath: string, workflowName: string): string | undefined {
  const root = path.resolve(artifactPath);
  for (let p = path.join(root, workflowName); ; p = path.dirname(p)) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {
      st = undefined; // ENOTDIR: an ancestor is a file, found on the way up
    }
    if (st && !st.isDirectory()) {
      return p === root
        ? `The artifact path ${root} is not a directory (it is a file); pass --artifact-path (or set artifact_path) to a directory.`
        : `Cannot keep artifacts under ${root}: ${p} is not a directory (it is a file).`;
    }
    if (st || path.dirname(p) === p) return undefined;
  }
}
