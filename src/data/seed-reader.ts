/**
 * Seed datasets (Data Designer §7): read a `local` file/glob, or list a `directory` (optionally with
 * each file's text, `file_contents`), apply the selection strategy, and serve rows to row groups.
 *
 * The selected rows are materialised ONCE into a DuckDB temp table; `rowsFor(start, count)` then serves
 * any window by SQL, so a row group (or a resumed one) can ask for its records without reading the seed
 * from the top. Record i gets selected row `i mod size` (ordered, cycling as Data Designer does); with
 * `shuffle` each pass over the data uses a new permutation ordered by hash(seed, pass, rowid) —
 * deterministic for a given seed number, unlike Data Designer's `ORDER BY RANDOM()`, so a resumed or
 * re-run stage pairs the same seed rows with the same records.
 *
 * `file_contents` reads a file's text only when its row is served (as Data Designer hydrates only the
 * selected manifest rows), so a large directory is not read into memory up front.
 */
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { directorySeedFiles, localSeedFiles, localWildcardExtension, SEED_FILE_EXTENSIONS } from '../shared/seed-files.js';
import { DdflowError } from '../diagnostics.js';
import { errorMessage, quoteIdent, quoteLiteral, rowidSafeName, type Database, type Row } from './database.js';
import { DirectorySeedSource, FileContentsSeedSource, type IndexRange, type PartitionBlock, type SeedConfig, type SeedSource } from '../config/schema.js';
import { withSchemaDefaults } from '../config/defaults.js';
import { parquetSource } from './dataset.js';
import { downloadHfFiles, resolveHfSource } from './hf-hub.js';
import { AGENT_ROLLOUT_COLUMNS, agentRolloutManifest, parseAgentRolloutFiles, type AgentRolloutRecord } from './agent-rollout/index.js';

// Narrow local shapes until src/config/schema.ts provides the types.
/**
 * The previous stage's output handed to the next stage as its seed (ddflow's chaining). Not a seed type
 * users write: the runner builds it, so the parquet files are read where they are, never copied first.
 */
export interface UpstreamSeedSource {
  seed_type: 'upstream';
  files: string[];
}
export type SeedSourceLike = SeedSource | UpstreamSeedSource;
export type IndexRangeLike = IndexRange;
export type SeedConfigLike = Omit<SeedConfig, 'source'> & { source: SeedSourceLike };

export { SEED_FILE_EXTENSIONS };

export interface SeedDataset {
  /** Seed column names, in order. */
  readonly columns: string[];
  /** DuckDB type of each seed column (from the seed file's schema, not from any one batch). */
  readonly columnTypes: ReadonlyMap<string, string>;
  /** Rows after selection. */
  readonly size: number;
  /** Rows in the source before selection. */
  readonly sourceSize: number;
  /** The selection as an inclusive index range over the source. */
  readonly range: IndexRangeLike;
  /** Seed rows for records `startRecord .. startRecord + count - 1`. */
  rowsFor(startRecord: number, count: number): Promise<Row[]>;
  /** Drops the materialised table. */
  close(): Promise<void>;
}

export interface OpenSeedOptions {
  /** Directory relative seed paths resolve against (default: the current directory). */
  baseDir?: string;
  /** Workflow seed: makes `shuffle` reproducible (default 0). */
  seed?: number;
  /** Tuning (tests): above this many pass×row pairs, shuffle passes are ranked into cached tables. */
  inlinePermutationRows?: number;
  /** Where a reader's warnings go (agent-rollout files skipped as Data Designer skips them). */
  warn?: (message: string) => void;
}

let seedCounter = 0;

/** Above this many (pass × row) pairs a shuffle pass is ranked once into a cached table. */
export const INLINE_PERMUTATION_ROWS = 20_000;

/** What a seed kind's loader puts in place: the selected rows in `table`, and how to describe them. */
interface LoadedSeed {
  columns: string[];
  columnTypes: Map<string, string>;
  sourceSize: number;
  range: IndexRangeLike;
  /** Fills columns read only when a row is served (file contents). */
  hydrate?: (rows: Row[]) => Promise<void>;
}

type SeedLoader = (db: Database, table: string, config: SeedConfigLike, baseDir: string, warn: (message: string) => void) => Promise<LoadedSeed>;

/** A tabular source read through DuckDB: the selection materialised into `table`, its types kept. */
async function loadRelation(db: Database, table: string, config: SeedConfigLike, from: string, what: string): Promise<LoadedSeed> {
  const sourceSize = await countOf(db, from, what);
  const range = resolveSelection(config.selection_strategy ?? null, sourceSize);
  await materialise(db, table, `SELECT * FROM ${from} LIMIT ${range.end - range.start + 1} OFFSET ${range.start}`, what);
  const described = await db.describe(`SELECT * FROM ${quoteIdent(table)}`);
  const columns = described.map((c) => c.name);
  const reserved = columns.find((c) => c === '__proto__' || c === 'constructor' || c === 'prototype');
  if (reserved) {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    throw new DdflowError(`The seed dataset ${what} has a column named '${reserved}', which ddflow cannot hold (rows are JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column.`);
  }
  // A seed column called rowid would hide DuckDB's row id, by which rows are served in order: renamed in
  // the table, read back under its own name (rowidSafeName).
  for (const c of columns) if (rowidSafeName(c) !== c) await db.run(`ALTER TABLE ${quoteIdent(table)} RENAME COLUMN ${quoteIdent(c)} TO ${quoteIdent(rowidSafeName(c))}`);
  return { columns, columnTypes: new Map(described.map((c) => [c.name, c.type])), sourceSize, range };
}

/** A directory listing (one manifest row per file), optionally with each file's text read when served. */
async function loadDirectory(db: Database, table: string, config: SeedConfigLike, baseDir: string): Promise<LoadedSeed> {
  const source = config.source as Extract<SeedSource, { seed_type: 'directory' | 'file_contents' }>;
  const manifest = await listSeedDirectory(source, baseDir);
  const range = resolveSelection(config.selection_strategy ?? null, manifest.length);
  // The manifest is one small row per file: load it through the appender via a parquet-free temp table.
  await loadManifest(db, table, manifest.slice(range.start, range.end + 1));
  const columns = ['source_kind', 'source_path', 'relative_path', 'file_name'];
  if (source.seed_type !== 'file_contents') return { columns, columnTypes: new Map(), sourceSize: manifest.length, range };
  const encoding = withSchemaDefaults(FileContentsSeedSource, source).encoding!;
  const decoder = textDecoderFor(encoding);
  return {
    columns: [...columns, 'content'],
    columnTypes: new Map(),
    sourceSize: manifest.length,
    range,
    hydrate: async (rows) => {
      for (const row of rows) row.content = await readText(String(row.source_path), decoder, encoding);
    },
  };
}

/**
 * Agent traces (src/data/agent-rollout/): as Data Designer, the selection indexes the trace FILES (its
 * manifest rows) and only the selected files are parsed; each gives its normalized rows (none when it is
 * skipped as malformed). Nested fields (messages, source_meta) are DuckDB JSON, so they reach templates
 * as lists and objects and parquet as JSON, as ddflow keeps other nested values.
 */
async function loadAgentRollout(db: Database, table: string, config: SeedConfigLike, baseDir: string, warn: (message: string) => void): Promise<LoadedSeed> {
  const source = config.source as Extract<SeedSource, { seed_type: 'agent_rollout' }>;
  const manifest = agentRolloutManifest(source, baseDir, warn);
  const range = resolveSelection(config.selection_strategy ?? null, manifest.files.length);
  const records = parseAgentRolloutFiles(source, manifest, manifest.files.slice(range.start, range.end + 1), warn);
  if (records.length === 0) throw new DdflowError(`Seed source at ${manifest.root} did not produce any rows`);
  await loadRecords(db, table, records);
  return { columns: AGENT_ROLLOUT_COLUMNS.map(([c]) => c), columnTypes: new Map(AGENT_ROLLOUT_COLUMNS), sourceSize: records.length, range: { start: 0, end: records.length - 1 } };
}

async function loadRecords(db: Database, table: string, records: AgentRolloutRecord[]): Promise<void> {
  await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} (${AGENT_ROLLOUT_COLUMNS.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ')})`);
  const appender = await db.appender(table);
  try {
    for (const r of records) {
      for (const [c, t] of AGENT_ROLLOUT_COLUMNS) {
        const v = (r as unknown as Record<string, unknown>)[c];
        if (v === null || v === undefined) appender.appendNull();
        else if (t === 'BOOLEAN') appender.appendBoolean(v as boolean);
        else if (t === 'BIGINT') appender.appendBigInt(BigInt(v as number));
        else if (t === 'JSON') appender.appendVarchar(JSON.stringify(v));
        else appender.appendVarchar(v as string);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** One loader per seed kind (Data Designer's seed readers, plus ddflow's upstream handoff). */
export const SEED_LOADERS: Record<SeedSourceLike['seed_type'], SeedLoader> = {
  local: (db, table, config, baseDir) => {
    const source = config.source as Extract<SeedSource, { seed_type: 'local' }>;
    return loadRelation(db, table, config, localSeedRelation(source.path, baseDir), source.path);
  },
  upstream: (db, table, config) => loadRelation(db, table, config, parquetSource((config.source as UpstreamSeedSource).files), 'the upstream output'),
  directory: loadDirectory,
  file_contents: loadDirectory,
  agent_rollout: loadAgentRollout,
  hf: async (db, table, config) => {
    const source = config.source as Extract<SeedSource, { seed_type: 'hf' }>;
    const resolved = await resolveHfSource(source);
    const files = await downloadHfFiles(resolved, source);
    return loadRelation(db, table, config, seedFilesRelation(files, path.extname(files[0]!).toLowerCase()), source.path);
  },
};

/**
 * A seed problem found when the data is read (a corrupt file, a selection beyond its rows) pointed at the
 * config's seed node — its selection_strategy or its source path — as validate's errors are.
 */
function located(err: unknown, config: SeedConfigLike): unknown {
  if (!(err instanceof DdflowError) || err.diagnostics.some((d) => d.location)) return err;
  const selection = /selection strategy|'start' index|'index' must/i.test(err.message);
  const node = selection && config.selection_strategy ? { of: config as object, field: 'selection_strategy' } : { of: config.source as object, field: 'path' };
  return new DdflowError(err.message, { node, cause: err });
}

export async function openSeedDataset(db: Database, config: SeedConfigLike, options: OpenSeedOptions = {}): Promise<SeedDataset> {
  const baseDir = options.baseDir ?? process.cwd();
  const table = `ddflow_seed_${process.pid}_${++seedCounter}`;
  const loader = SEED_LOADERS[config.source.seed_type];
  if (!loader) {
    const kind = (config.source as { seed_type?: unknown }).seed_type;
    throw new DdflowError(`Seed sources of type '${String(kind)}' are not supported; use local, directory, file_contents, hf or agent_rollout.`);
  }
  const { columns, columnTypes, sourceSize, range, hydrate } = await loader(db, table, config, baseDir, options.warn ?? (() => {})).catch((err: unknown) => {
    throw located(err, config);
  });

  // Manifest columns (and file contents) are text.
  for (const c of columns) if (!columnTypes.has(c)) columnTypes.set(c, 'VARCHAR');
  const size = range.end - range.start + 1;
  const shuffle = config.sampling_strategy === 'shuffle';
  const seed = Math.trunc(options.seed ?? 0);
  const t = quoteIdent(table);
  const cols = columns
    .filter((c) => c !== 'content' || !hydrate)
    .map((c) => (rowidSafeName(c) === c ? `s.${quoteIdent(c)}` : `s.${quoteIdent(rowidSafeName(c))} AS ${quoteIdent(c)}`))
    .join(', ');

  const inlineLimit = options.inlinePermutationRows ?? INLINE_PERMUTATION_ROWS;
  const permTables = new Map<number, string>();
  const permutationTable = async (pass: number): Promise<string> => {
    let name = permTables.get(pass);
    if (!name) {
      name = quoteIdent(`${table}_perm_${pass}`);
      await db.run(
        `CREATE TEMP TABLE ${name} AS SELECT rowid AS rid,
           row_number() OVER (ORDER BY hash(${seed}::BIGINT, ${pass}::BIGINT, rowid), rowid) - 1 AS pos FROM ${t}`,
      );
      permTables.set(pass, name);
    }
    return name;
  };
  /** Row groups move forward through the passes: drop ranked passes before the one just behind. */
  const evictPermutationsBefore = async (pass: number): Promise<void> => {
    for (const [old, oldName] of permTables) {
      if (old < pass) {
        await db.run(`DROP TABLE IF EXISTS ${oldName}`);
        permTables.delete(old);
      }
    }
  };

  return {
    columns,
    columnTypes,
    size,
    sourceSize,
    range,
    async rowsFor(startRecord: number, count: number): Promise<Row[]> {
      if (!Number.isInteger(startRecord) || startRecord < 0) throw new DdflowError(`startRecord must be a non-negative integer, got ${startRecord}.`);
      if (!Number.isInteger(count) || count < 0) throw new DdflowError(`count must be a non-negative integer, got ${count}.`);
      if (count === 0) return [];
      const end = startRecord + count;
      let sql: string;
      if (!shuffle) {
        sql = `SELECT ${cols} FROM range(${startRecord}, ${end}) r(i) JOIN ${t} s ON s.rowid = r.i % ${size} ORDER BY r.i`;
      } else {
        const firstPass = Math.floor(startRecord / size);
        const lastPass = Math.floor((end - 1) / size);
        const passes = lastPass - firstPass + 1;
        if (passes * size <= inlineLimit) {
          // Small seeds (possibly many passes per row group): rank the needed passes inline.
          sql = `WITH perm AS (
              SELECT p.pass, s.rowid AS rid,
                     row_number() OVER (PARTITION BY p.pass ORDER BY hash(${seed}::BIGINT, p.pass, s.rowid), s.rowid) - 1 AS pos
              FROM range(${firstPass}, ${lastPass + 1}) p(pass) CROSS JOIN ${t} s)
            SELECT ${cols} FROM range(${startRecord}, ${end}) r(i)
            JOIN perm ON perm.pass = r.i // ${size} AND perm.pos = r.i % ${size}
            JOIN ${t} s ON s.rowid = perm.rid
            ORDER BY r.i`;
        } else {
          // Large seeds: rank each pass once into a cached table instead of once per row group.
          await evictPermutationsBefore(firstPass - 1);
          const parts: string[] = [];
          for (let pass = firstPass; pass <= lastPass; pass++) {
            const perm = await permutationTable(pass);
            const lo = Math.max(startRecord, pass * size);
            const hi = Math.min(end, (pass + 1) * size);
            parts.push(
              `SELECT ${cols}, r.i AS __ddflow_i FROM range(${lo}, ${hi}) r(i)
               JOIN ${perm} perm ON perm.pos = r.i - ${pass * size}
               JOIN ${t} s ON s.rowid = perm.rid`,
            );
          }
          sql = `SELECT * EXCLUDE (__ddflow_i) FROM (${parts.join(' UNION ALL ')}) ORDER BY __ddflow_i`;
        }
      }
      const rows = await db.all(sql);
      if (hydrate) await hydrate(rows);
      return rows;
    },
    async close(): Promise<void> {
      for (const name of permTables.values()) await db.run(`DROP TABLE IF EXISTS ${name}`);
      permTables.clear();
      await db.run(`DROP TABLE IF EXISTS ${t}`);
    },
  };
}

/**
 * IndexRange / PartitionBlock → inclusive range over a source of `size` rows, with Data Designer's
 * messages. No selection = everything.
 */
/** `{}` is a PartitionBlock with its defaults (index 0 of 1), as in Data Designer. */
export function resolveSelection(selection: IndexRange | Partial<PartitionBlock> | null, size: number): IndexRangeLike {
  if (size <= 0) throw new DdflowError('The seed dataset has no rows.');
  if (!selection) return { start: 0, end: size - 1 };
  if ('start' in selection || 'end' in selection) {
    const { start, end } = selection as IndexRangeLike;
    if (start < 0 || end < 0) throw new DdflowError('Selection strategy indices should be greater than or equal to 0.');
    if (start > end) throw new DdflowError("'start' index must be less than or equal to 'end' index");
    if (end >= size) throw new DdflowError(`Selection strategy 'end' index ${end} is out of bounds for dataset size ${size}`);
    return { start, end };
  }
  const index = selection.index ?? 0;
  const n = selection.num_partitions ?? 1;
  if (index < 0) throw new DdflowError("Selection strategy 'index' should be greater than or equal to 0.");
  if (n < 1) throw new DdflowError("Selection strategy 'num_partitions' should be greater than or equal to 1.");
  if (index >= n) throw new DdflowError("'index' must be less than 'num_partitions'");
  if (n > size) throw new DdflowError(`Selection strategy 'num_partitions' ${n} is out of bounds for dataset size ${size}`);
  return partitionToRange(index, n, size);
}

/** Data Designer's PartitionBlock.to_index_range: equal blocks, the last one takes the remainder. */
export function partitionToRange(index: number, numPartitions: number, size: number): IndexRangeLike {
  const block = Math.floor(size / numPartitions);
  const start = index * block;
  const end = index === numPartitions - 1 ? size - 1 : (index + 1) * block - 1;
  return { start, end };
}

/**
 * Checks a `local` seed path as Data Designer does and returns the DuckDB relation that reads it: the
 * files of src/shared/seed-files.ts, named one by one (never a glob DuckDB expands on its own, so the
 * reader reads exactly the files the fingerprint hashed).
 */
export function localSeedRelation(userPath: string, baseDir: string): string {
  const files = localSeedFiles(userPath, baseDir);
  return seedFilesRelation(files, localWildcardExtension(userPath) ?? path.extname(files[0]!).toLowerCase());
}

/** The DuckDB relation reading these files (all of the format `ext`), named one by one. */
function seedFilesRelation(files: string[], ext: string): string {
  const list = `[${files.map(quoteLiteral).join(', ')}]`;
  switch (ext) {
    case '.parquet':
      return `read_parquet(${list}, union_by_name = true)`;
    case '.csv':
      return `read_csv(${list}, header = true, union_by_name = true)`;
    default:
      // format 'auto' accepts both a JSON array of records and JSON lines.
      return `read_json(${list}, format = 'auto', union_by_name = true)`;
  }
}

async function countOf(db: Database, from: string, userPath: string): Promise<number> {
  try {
    const [row] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${from}`);
    return Number(row?.n ?? 0);
  } catch (err) {
    throw new DdflowError(`Could not read the seed dataset ${userPath}: ${errorMessage(err)}`, { cause: err });
  }
}

async function materialise(db: Database, table: string, select: string, userPath: string): Promise<void> {
  try {
    // CTAS keeps the scan order, so the temp table's rowid is the selected row's position.
    await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS ${select}`);
  } catch (err) {
    throw new DdflowError(`Could not read the seed dataset ${userPath}: ${errorMessage(err)}`, { cause: err });
  }
}

export interface ManifestRow {
  source_kind: 'directory_file' | 'file_contents';
  source_path: string;
  relative_path: string;
  file_name: string;
}

/** One row per matching file under the directory, sorted by relative path (POSIX separators). */
export async function listSeedDirectory(
  source: Extract<SeedSource, { seed_type: 'directory' | 'file_contents' }>,
  baseDir: string,
): Promise<ManifestRow[]> {
  const filled = withSchemaDefaults(source.seed_type === 'directory' ? DirectorySeedSource : FileContentsSeedSource, source) as Required<typeof source>;
  const pattern = filled.file_pattern;
  if (!pattern.trim()) throw new DdflowError('file_pattern must be a non-empty string.');
  if (pattern.includes('/') || pattern.includes('\\')) {
    throw new DdflowError('file_pattern must match file names, not relative paths.');
  }
  if (!source.path || !source.path.trim()) throw new DdflowError('The seed source path must be a non-empty string.');
  const root = path.resolve(baseDir, source.path);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new DdflowError(`Seed source directory '${root}' does not exist.`);
  }
  const recursive = filled.recursive;
  const relPaths = directorySeedFiles(root, pattern, recursive);
  if (relPaths.length === 0) {
    throw new DdflowError(`No files matched file_pattern '${pattern}' ${recursive ? 'under' : 'directly under'} ${root}`);
  }
  const kind = source.seed_type === 'file_contents' ? 'file_contents' : 'directory_file';
  return relPaths.map((rel) => ({
    source_kind: kind,
    source_path: path.join(root, ...rel.split('/')),
    relative_path: rel,
    file_name: rel.slice(rel.lastIndexOf('/') + 1),
  }));
}

async function loadManifest(db: Database, table: string, rows: ManifestRow[]): Promise<void> {
  const cols = ['source_kind', 'source_path', 'relative_path', 'file_name'];
  await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} (${cols.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ')})`);
  const appender = await db.appender(table);
  try {
    for (const r of rows) {
      appender.appendVarchar(r.source_kind);
      appender.appendVarchar(r.source_path);
      appender.appendVarchar(r.relative_path);
      appender.appendVarchar(r.file_name);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Python codec names (`utf-8`, `latin-1`, `cp1252`, ...) → a WHATWG TextDecoder. */
export function textDecoderFor(encoding: string): TextDecoder {
  const e = encoding.trim().toLowerCase().replaceAll('_', '-');
  const aliases: Record<string, string> = { 'latin-1': 'latin1', utf8: 'utf-8', 'utf-8-sig': 'utf-8', cp1252: 'windows-1252', ascii: 'windows-1252' };
  for (const label of [aliases[e] ?? e, e.replaceAll('-', '')]) {
    try {
      return new TextDecoder(label, { fatal: true });
    } catch {
      /* try the next spelling */
    }
  }
  throw new DdflowError(`Unknown encoding: '${encoding}'. Use a valid Python codec name.`);
}

async function readText(file: string, decoder: TextDecoder, encoding: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    throw new DdflowError(`Failed to read file ${file}: ${errorMessage(err)}`, { cause: err });
  }
  try {
    return decoder.decode(bytes);
  } catch (err) {
    throw new DdflowError(`Failed to decode file ${file} using encoding '${encoding}': ${errorMessage(err)}`, { cause: err });
  }
}
