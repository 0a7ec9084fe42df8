/**
 * `validation` columns (Data Designer §2.8): each row's target values are checked and the cell becomes
 * `{is_valid, ...}` (a JSON column). ddflow's validators are a documented SUBSET of Data Designer's:
 *
 * - `code` + `sql:<dialect>`: parsed by DuckDB's own parser (`extractStatements`: parse only, nothing is
 *   bound or executed, any statement kind). The grammar is therefore DuckDB's (PostgreSQL-like) whatever
 *   the dialect named — Data Designer runs sqlfluff with that dialect. Invalid when the parser fails, the
 *   text is empty, or (as Data Designer's custom check) a `DECIMAL(p)` has no scale. Extra key:
 *   `error_messages`.
 * - `code` + `python`: `ast.parse` in ONE `python3` child process per row group (Data Designer runs ruff).
 *   A syntax error is the only finding: `python_linter_score` 10 or 0, `python_linter_severity` "none" or
 *   "fatal", `python_linter_messages` `[{type, symbol, line, column, message}]`.
 * - `remote`: POST `{"data": [records]}` per `batch_size` records (target columns only), expecting
 *   `{"data": [{is_valid, ...}]}`, with `timeout`, `max_retries` (429/5xx/network), exponential
 *   `retry_backoff` and `max_parallel_requests`; a batch that still fails gets `{is_valid: null}` cells.
 * - `local_callable`: the function the workflow binds to `validation_function` (`functions:`), called
 *   with the batch's target records, answering one `{is_valid, ...}` per record.
 *
 * With several target columns a code validator checks each column separately and the cell is
 * `{column: result}`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { RemoteValidatorParams, ValidationBatchSize, type ValidationColumn } from '../../config/schema.js';
import { withSchemaDefaults } from '../../config/defaults.js';
import { openDatabase, parseSql, type Database } from '../../data/database.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { DdflowError } from '../../diagnostics.js';
import type { ColumnGenerator, GeneratorContext, RowDrops, RowGroup } from '../row-group.js';
import { skipGate } from '../skip.js';

export type ValidationOutput = { is_valid: boolean | null } & Record<string, unknown>;

/** Checks a batch of values of one column (or whole records, for remote); one output per input. */
type BatchValidator = (inputs: unknown[]) => Promise<ValidationOutput[]>;

// ---------------------------------------------------------------- SQL (DuckDB's parser)

const DECIMAL_WITHOUT_SCALE = /DECIMAL\(\d+\)/g;

/** `db`: the stage's database when there is one (a parser session costs nothing to reuse). */
export async function validateSqlBatch(values: readonly unknown[], db?: Database): Promise<ValidationOutput[]> {
  const own = db ? undefined : await openDatabase();
  const parser = db ?? own!;
  try {
    const out: ValidationOutput[] = [];
    for (const v of values) {
      if (v === null || v === undefined) {
        out.push({ is_valid: null, error_messages: '' });
        continue;
      }
      const sql = typeof v === 'string' ? v : String(v);
      let messages = '';
      if (sql.trim() === '') messages = 'Parser Error: empty query';
      else {
        const parsed = await parseSql(parser, sql);
        if ('error' in parsed) messages = parsed.error;
      }
      if (sql.match(DECIMAL_WITHOUT_SCALE)) messages += '\nCustom Check: Found DECIMAL definitions without a scale, which may be incorrect.';
      out.push(messages ? { is_valid: false, error_messages: messages } : { is_valid: true, error_messages: '' });
    }
    return out;
  } finally {
    own?.close();
  }
}

// ---------------------------------------------------------------- Python (ast.parse in python3)

const PY_CHECK = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src)
        out.append(None)
    except SyntaxError as e:
        out.append([e.lineno or 1, e.offset or 0, e.msg])
    except Exception as e:
        out.append([1, 0, str(e)])
json.dump(out, sys.stdout)
`;

let pythonChecked: string | null = null;
/** The python3 executable, or a DdflowError (at stage start, not mid-run). */
export function requirePython(): string {
  if (pythonChecked) return pythonChecked;
  const exe = process.env.DDFLOW_PYTHON ?? 'python3';
  const probe = spawnSync(exe, ['-c', 'import ast, json'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    throw new DdflowError(`Python code validation needs '${exe}' on PATH (ddflow checks Python syntax with ast.parse), and it could not be run.`);
  }
  return (pythonChecked = exe);
}

export async function validatePythonBatch(values: readonly unknown[]): Promise<ValidationOutput[]> {
  const exe = requirePython();
  const sources = values.map((v) => (v === null || v === undefined ? null : String(v)));
  const present = sources.filter((s): s is string => s !== null);
  const found: (null | [number, number, string])[] = present.length > 0 ? await runPython(exe, present) : [];
  let k = 0;
  return sources.map((s) => {
    if (s === null) return { is_valid: null };
    const err = found[k++];
    if (!err) return { is_valid: true, python_linter_score: 10, python_linter_severity: 'none', python_linter_messages: [] };
    const [line, column, message] = err;
    return {
      is_valid: false,
      python_linter_score: 0,
      python_linter_severity: 'fatal',
      python_linter_messages: [{ type: 'fatal', symbol: 'SyntaxError', line, column, message: `SyntaxError: ${message}` }],
    };
  });
}

function runPython(exe: string, sources: string[]): Promise<(null | [number, number, string])[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ['-c', PY_CHECK], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e) => reject(new DdflowError(`Python code validation could not start '${exe}': ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new DdflowError(`Python code validation failed: ${err.trim().split('\n').pop() ?? `exit ${code}`}`));
      try {
        resolve(JSON.parse(out) as (null | [number, number, string])[]);
      } catch {
        reject(new DdflowError('Python code validation returned output that is not JSON.'));
      }
    });
    child.stdin.end(JSON.stringify(sources));
  });
}

// ---------------------------------------------------------------- remote

export interface RemoteValidatorOptions {
  endpoint_url: string;
  output_schema?: Record<string, unknown> | null;
  timeout?: number;
  max_retries?: number;
  retry_backoff?: number;
  max_parallel_requests?: number;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

class RetryableError extends Error {}

/** One POST with retries: delay before retry n (1-based) is retry_backoff * 2^(n-1) seconds (httpx-retries). */
export async function postToRemoteValidator(o: RemoteValidatorOptions, records: readonly unknown[], signal?: AbortSignal): Promise<ValidationOutput[]> {
  const { max_retries: maxRetries, retry_backoff: backoff, timeout } = withSchemaDefaults(RemoteValidatorParams, o) as Required<RemoteValidatorOptions>;
  const timeoutMs = timeout * 1000;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(o.endpoint_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: records }),
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      });
      if (RETRY_STATUS.has(res.status)) throw new RetryableError(`HTTP ${res.status}`);
      if (!res.ok) throw new DdflowError(`The remote validator at ${o.endpoint_url} answered HTTP ${res.status}.`);
      const body = (await res.json()) as unknown;
      return remoteOutputs(o, body, records.length);
    } catch (err) {
      if (signal?.aborted) throw err;
      const retryable = err instanceof RetryableError || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'TypeError'));
      if (!retryable || attempt >= maxRetries) {
        throw err instanceof DdflowError ? err : new DdflowError(`The remote validator at ${o.endpoint_url} failed: ${(err as Error).message}.`);
      }
      await new Promise((r) => setTimeout(r, backoff * 2 ** attempt * 1000));
    }
  }
}

const schemaCache = new WeakMap<object, ValidateFunction>();

/** `{"data": [...]}` checked against output_schema (when given) and for one `{is_valid}` per record. */
function validatorOutputs(
  messages: { schema: string; shape: string },
  outputSchema: Record<string, unknown> | null | undefined,
  body: unknown,
  expected: number,
): ValidationOutput[] {
  if (outputSchema) {
    let check = schemaCache.get(outputSchema);
    if (!check) schemaCache.set(outputSchema, (check = new Ajv2020({ strict: false }).compile(outputSchema)));
    if (!check(body)) throw new DdflowError(`${messages.schema}: ${check.errors?.[0]?.message ?? 'invalid'}.`);
  }
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data) || data.length !== expected || !data.every((d) => d && typeof d === 'object' && 'is_valid' in d)) {
    throw new DdflowError(`${messages.shape} (${expected}).`);
  }
  return (data as Record<string, unknown>[]).map((d) => ({ ...d, is_valid: pydanticBool(d['is_valid'], messages.shape) }));
}

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/**
 * `is_valid` as Data Designer's ValidationOutput (pydantic, `bool | None`) reads it: `"false"` is False,
 * `1` is True — a validator answering text was stored as the string "false", which reads as valid.
 */
function pydanticBool(v: unknown, shape: string): boolean | null {
  if (v === null || v === undefined || typeof v === 'boolean') return v ?? null;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v === 'string') {
    const w = v.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
  }
  throw new DdflowError(`${shape}: is_valid ${JSON.stringify(v)} is not a valid boolean.`);
}

function remoteOutputs(o: RemoteValidatorOptions, body: unknown, expected: number): ValidationOutput[] {
  return validatorOutputs(
    {
      schema: "The remote validator's response does not match output_schema",
      shape: 'The remote validator must answer {"data": [{"is_valid": ...}, ...]} with one entry per record',
    },
    o.output_schema,
    body,
    expected,
  );
}

// ---------------------------------------------------------------- local_callable (a bound function)

/**
 * Data Designer calls the function with a DataFrame of the batch's target columns and reads `is_valid`
 * (and any other columns) from the DataFrame it returns; here the rows go in and come back as a list.
 */
async function callLocalValidator(ctx: GeneratorContext, name: string, outputSchema: Record<string, unknown> | null | undefined, records: readonly unknown[]): Promise<ValidationOutput[]> {
  if (!ctx.functions) throw new DdflowError(`The local_callable validator needs its function '${name}', but no functions were bound for this stage.`);
  const fn = await ctx.functions.get(name);
  const rows = await fn.call({ rows: records as Record<string, unknown>[], params: null });
  return validatorOutputs(
    {
      schema: `The results of validation function '${name}' do not match output_schema`,
      shape: `The validation function '${name}' must return one {"is_valid": ...} per record`,
    },
    outputSchema,
    { data: rows },
    records.length,
  );
}

// ---------------------------------------------------------------- the column

type ValidationColumnLike = ValidationColumn & { validator_params: Record<string, unknown> };

export class ValidationGenerator implements ColumnGenerator {
  readonly outputColumns: string[];
  readonly dtypes: Map<string, DeclaredType>;
  private readonly validate: BatchValidator;
  /** Code validators check each target column on its own. */
  private readonly separately: boolean;
  private readonly batchSize: number;
  private readonly parallel: number;

  constructor(
    readonly column: ValidationColumnLike,
    private readonly ctx: GeneratorContext,
    available: ReadonlySet<string>,
  ) {
    this.outputColumns = [column.name];
    this.dtypes = new Map([[column.name, 'json']]);
    this.batchSize = column.batch_size ?? ValidationBatchSize.default;
    const missing = column.target_columns.filter((t) => !available.has(t));
    if (missing.length > 0) {
      throw new DdflowError(`Target columns {${missing.map((m) => `'${m}'`).join(', ')}} defined in validation column '${column.name}' are missing in dataset`, { node: { of: column, field: 'target_columns' } });
    }
    const params = column.validator_params;
    switch (column.validator_type) {
      case 'code': {
        const lang = String(params.code_lang);
        if (lang === 'python') {
          requirePython();
          this.validate = validatePythonBatch;
        } else if (lang.startsWith('sql:')) this.validate = (values) => validateSqlBatch(values, ctx.db);
        else throw new DdflowError(`Validation column '${column.name}' cannot validate ${lang}: the code validator supports python and sql:* only.`);
        this.separately = true;
        // Local checks are cheap: one child process / one parser session per row group, not per batch_size.
        this.parallel = 1;
        break;
      }
      case 'remote': {
        const o = params as unknown as RemoteValidatorOptions;
        this.validate = (records) => postToRemoteValidator(o, records, ctx.signal);
        this.separately = false;
        this.parallel = Math.max(1, withSchemaDefaults(RemoteValidatorParams, o).max_parallel_requests!);
        break;
      }
      case 'local_callable': {
        const name = String(params.validation_function);
        const schema = params.output_schema as Record<string, unknown> | null | undefined;
        this.validate = (records) => callLocalValidator(ctx, name, schema, records);
        this.separately = false;
        this.parallel = 1;
        break;
      }
      default:
        throw new DdflowError(`Validation column '${(column as { name: string }).name}' uses validator_type '${String((column as { validator_type: unknown }).validator_type)}', which ddflow does not support.`);
    }
  }

  async generate(group: RowGroup): Promise<RowDrops> {
    const gate = skipGate(this.column, this.ctx.templates);
    const rows: number[] = [];
    for (let i = 0; i < group.rows.length; i++) if (!(gate.active && gate.apply(group, i))) rows.push(i);
    const name = this.column.name;
    const targets = this.column.target_columns;
    if (this.separately) {
      const perColumn = await Promise.all(targets.map((t) => this.validate(rows.map((i) => group.rows[i]![t]))));
      rows.forEach((i, k) => {
        group.rows[i]![name] = targets.length === 1 ? perColumn[0]![k] : Object.fromEntries(targets.map((t, c) => [t, perColumn[c]![k]]));
      });
      return new Map();
    }
    const batches: number[][] = [];
    for (let s = 0; s < rows.length; s += this.batchSize) batches.push(rows.slice(s, s + this.batchSize));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const records = batch.map((i) => Object.fromEntries(targets.map((t) => [t, group.rows[i]![t] ?? null])));
        let outputs: ValidationOutput[];
        try {
          outputs = await this.validate(records);
        } catch (err) {
          if (this.ctx.signal?.aborted) throw err;
          // One validator at a time (a function, a command, code, a remote endpoint with
          // max_parallel_requests 1): Data Designer raises and drops the row group. Here the stage
          // stops, resumable, with its completed row groups kept — null verdicts in a completed stage
          // would be reused by every later run, and the failure may be passing (a connection reset).
          if (this.parallel === 1) {
            throw new DdflowError(`Validation column '${name}': a batch of ${batch.length} records could not be validated (${(err as Error).message}); the stage stops with its completed row groups kept — fix the validator and run again.`);
          }
          // As Data Designer's parallel path: a batch that cannot be validated gets is_valid = null.
          this.ctx.warn(`Validation column '${name}': a batch of ${batch.length} records could not be validated (${(err as Error).message})`);
          outputs = batch.map(() => ({ is_valid: null }));
        }
        batch.forEach((i, k) => (group.rows[i]![name] = outputs[k]));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallel, batches.length) }, worker));
    return new Map();
  }
}
