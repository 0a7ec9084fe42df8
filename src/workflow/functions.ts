/**
 * The workflow's `functions:` — code for the function names Data Designer writes into a config
 * (`generator_function` of a custom column, `validation_function` of a local_callable validator). The
 * stage config stays exactly as Data Designer wrote it; this binds each name to a JavaScript module or a
 * command, checks every used name is bound (one located sentence per unbound name), fills in each custom
 * column's `custom_column_metadata` from the binding (what Data Designer reads off its decorator), and
 * says which functions each stage uses (their `version` enters the stage's fingerprint).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Reporter } from '../config/report.js';
import type { Path } from '../config/source-map.js';
import type { CustomColumnMetadata, FunctionBinding } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import { inspectBoundModule, type FunctionSpec } from '../engine/functions.js';

/** A function a stage uses: where its code is and the version that stands for it in fingerprints. */
export interface StageFunction {
  spec: FunctionSpec;
  /** Undefined: the code is opaque, so the stage that uses it is never reused. */
  version?: string;
}

interface ResolvedBinding extends StageFunction {
  metadata: Required<CustomColumnMetadata>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const METADATA_KEYS = ['required_columns', 'side_effect_columns', 'model_aliases'] as const;

/** How a user binds `name`, for the sentence about an unbound name. */
function howToBind(name: string): string {
  return `bind it in the workflow file: \`functions: {${name}: {module: ./${name}.mjs}}\` (a JavaScript module exporting ${name}) or \`functions: {${name}: {run: "python3 ${name}.py"}}\` (a command answering JSON lines)`;
}

/** Metadata a module's function carries, as Data Designer's decorator leaves it on the function. */
function exportedMetadata(fn: unknown): Partial<CustomColumnMetadata> {
  const m = (fn as { custom_column_metadata?: unknown }).custom_column_metadata;
  if (!isObj(m)) return {};
  const out: Partial<CustomColumnMetadata> = {};
  for (const key of METADATA_KEYS) {
    const v = m[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v as string[];
  }
  return out;
}

async function resolveBinding(name: string, binding: FunctionBinding, dir: string, report: Reporter): Promise<ResolvedBinding | undefined> {
  const given: Partial<CustomColumnMetadata> = {};
  for (const key of METADATA_KEYS) if (binding[key] !== undefined) given[key] = binding[key];
  let spec: FunctionSpec;
  let fromExport: Partial<CustomColumnMetadata> = {};
  if ('module' in binding) {
    const file = path.resolve(dir, binding.module);
    if (!existsSync(file) || !statSync(file).isFile()) {
      report.error([name, 'module'], `the module ${binding.module} of function '${name}' does not exist (relative paths resolve against the directory of the workflow file)`, 'function_binding');
      return undefined;
    }
    const exportName = binding.export ?? name;
    try {
      // In a child process without the environment: loading a workflow (validate, plan) runs no bound
      // code with this process's secrets; the run imports the module when the stage calls it.
      fromExport = exportedMetadata({ custom_column_metadata: (await inspectBoundModule({ name, path: file, exportName, cwd: dir })).metadata });
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      report.error([name, 'module'], err.message.replace(/\.$/, ''), 'function_binding');
      return undefined;
    }
    spec = { name, module: { path: file, exportName }, cwd: dir };
  } else {
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
export async function bindFunctions(
  bindings: Record<string, FunctionBinding> | undefined,
  configs: (Obj | undefined)[],
  dir: string,
  report: Reporter,
  usable: (p: Path) => boolean,
): Promise<Map<string, StageFunction>[]> {
  const resolved = new Map<string, ResolvedBinding>();
  const opaque = new Set<string>();
  for (const [name, binding] of Object.entries(bindings ?? {})) {
    if (!usable(['functions', name])) {
      opaque.add(name);
      continue;
    }
    const r = await resolveBinding(name, binding, dir, report.under(['functions']));
    if (r) resolved.set(name, r);
    else opaque.add(name);
  }
  return configs.map((config, i) => {
    const used = new Map<string, StageFunction>();
    if (!config || !Array.isArray(config.columns)) return used;
    config.columns.forEach((col, j) => {
      const at: Path = ['stages', i, 'config', 'columns', j];
      if (!isObj(col) || !usable(at)) return;
      const ref = functionRef(col);
      if (!ref) return;
      const binding = resolved.get(ref.name);
      if (!binding) {
        if (!opaque.has(ref.name)) {
          report.error([...at, ...ref.field], `function '${ref.name}' of column '${String(col.name)}' is not bound: ${howToBind(ref.name)}`, 'unbound_function');
        }
        return;
      }
      used.set(ref.name, { spec: binding.spec, ...(binding.version !== undefined ? { version: binding.version } : {}) });
      if (col.column_type === 'custom' && col.custom_column_metadata === undefined) col.custom_column_metadata = structuredClone(binding.metadata);
    });
    return used;
  });
}

/** The function name a column uses, and the field that names it. */
function functionRef(col: Obj): { name: string; field: Path } | undefined {
  if (col.column_type === 'custom' && typeof col.generator_function === 'string') return { name: col.generator_function, field: ['generator_function'] };
  const params = col.validator_params;
  if (col.column_type === 'validation' && col.validator_type === 'local_callable' && isObj(params) && typeof params.validation_function === 'string') {
    return { name: params.validation_function, field: ['validator_params', 'validation_function'] };
  }
  return undefined;
}

/** The versions of a stage's functions for its fingerprint (a random nonce for an unversioned one). */
export function functionVersions(functions: ReadonlyMap<string, StageFunction> | undefined, nonce: () => string): Record<string, string> | null {
  if (!functions || functions.size === 0) return null;
  return Object.fromEntries([...functions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, f]) => [name, f.version ?? `unversioned-${nonce()}`]));
}
