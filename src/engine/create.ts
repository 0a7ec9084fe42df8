/**
 * One stage = one Data Designer `create()`: compile the config, then for each row group (buffer_size
 * records) draw seeds and samplers, run the column generators in dependency order, apply per-batch
 * processors and write `parquet-files/batch_NNNNN.parquet` at once — so a crash keeps every finished
 * group, and a resumed run regenerates only the missing ones (records are a pure function of their
 * index, so the result is the same). A group that lost a row to a transient cause (the provider down or
 * rate limiting) is not recorded: the stage fails, resumable, and a rerun regenerates that group.
 * Dataset-level `sql` processors run last, then statistics.
 */
import { keptRowGroups, processedOutputIntact, removeStrayRowGroupFiles } from './resume.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ColumnConfig, ProcessorConfig } from '../config/schema.js';
import { openDatabase } from '../data/database.js';
import { columnsOf, countRows, datasetSchema, streamRows } from '../data/dataset.js';
import { declaredTypeOf, RowGroupStager, stageRowGroup, type DeclaredType, type StagedRowGroup } from '../data/parquet-writer.js';
import { openSeedDataset, type SeedConfigLike, type SeedDataset } from '../data/seed-reader.js';
import { DdflowError } from '../diagnostics.js';
import type { LlmError } from '../llm/errors.js';
import { EarlyShutdownMonitor, transientLossMessage } from '../llm/outcomes.js';
import { templateReads } from '../template/ast.js';
import type { TokenUsage } from '../shared/usage.js';
import {
  configHash,
  exists,
  PARQUET_DIR,
  PROCESSORS_DIR,
  readMetadata,
  writeBuilderConfig,
  writeMetadata,
  type BatchRecord,
  type StageMetadata,
} from './artifacts.js';
import { prepareBatch, relative, writeBatch } from './batch-writer.js';
import { BatchJournal } from './batch-journal.js';
import { columnKind, sideEffectColumns } from './columns.js';
import { compileStage, rowGroups } from './compile.js';
import { StageFunctions } from './functions.js';
import { mediaRoots } from './media.js';
import { CellPipeline, EarlyShutdownError, pipelineCells, type LlmGeneratorDeps } from './generators/llm.js';
import { StageProgressTracker } from './progress-tracker.js';
import { createGenerator } from './generators/registry.js';
import { buildProcessors, processorKind } from './processors/registry.js';
import type { DatasetProcessor } from './processors/types.js';
import { removeRows, rowGroupGauge, type ColumnGenerator, type GeneratorContext, type Row, type RowGroup } from './row-group.js';
import { loadSamplerResources, SamplerGenerator } from './samplers/sampler-generator.js';
import { stageColumnStatistics } from './statistics.js';
import { conditionEvaluator, engineTemplates } from './templating.js';
import type { DatasetProcessingInput, DatasetProcessingResult, StageRunInput, StageRunResult } from './types.js';

/** The seed a stage reads: the upstream stage's output files when chained (read in place), else its own seed_config. */
function stageSeedConfig(input: StageRunInput): SeedConfigLike | null {
  const up = input.upstream;
  if (!up) return input.config.seed_config ?? null;
  if (up.files.length === 0) throw new DdflowError(`Stage '${input.stageName}' has no upstream rows to read.`);
  return {
    source: { seed_type: 'upstream', files: up.files },
    sampling_strategy: up.samplingStrategy ?? 'ordered',
    selection_strategy: up.selectionStrategy ?? null,
  };
}

/**
 * A merge generates nothing: every row group must be one the resume keeps. A missing one (or one cut or
 * drawn otherwise) fails the stage before anything is written; the stage stays resumable and nothing of
 * it is recorded complete (no model runtime's refusal turned into dropped rows).
 */
function refuseMissingGroups(stage: string, total: number, kept: ReadonlyMap<number, BatchRecord>, stoppedEarly: ReadonlySet<number>): void {
  const missing: number[] = [];
  for (let g = 0; g < total; g++) if (!kept.has(g) && !stoppedEarly.has(g)) missing.push(g);
  if (missing.length === 0) return;
  const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, ... (${missing.length} in all)` : '');
  throw new DdflowError(`Stage '${stage}' cannot be merged: row group${missing.length === 1 ? '' : 's'} ${shown} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing from the assembled shards or not usable as they are (a merge generates nothing); rerun the shards that hold them and merge again.`);
}

function emptyTokens(): TokenUsage {
  return { prompt: 0, completion: 0 };
}

/**
 * Rows of a group whose model cells may be in flight at once (also capped by max_in_flight_tasks).
 * Admission control bounds the HTTP concurrency per endpoint; this only has to exceed the largest
 * max_parallel_requests users set (a local vLLM at 128), so rows are never what holds requests back.
 */
const MAX_ROWS_IN_FLIGHT = 256;

/** Rows drawn between two yields to the event loop while a previous group is being written. */
const YIELD_EVERY = 256;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runStage(input: StageRunInput): Promise<StageRunResult> {
  const { stageDir, runConfig, log } = input;
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    log.warn(m);
  };
  await fs.mkdir(stageDir, { recursive: true });
  // The run's database when the runner passes it (DuckDB is opened once per run); a stage run alone opens its own.
  const ownDb = input.db ? undefined : await openDatabase();
  const db = input.db ?? ownDb!;
  let seedData: SeedDataset | null = null;
  let functions: StageFunctions | undefined;
  try {
    const seedConfig = stageSeedConfig(input);
    if (input.upstream && input.config.seed_config) warn(`Stage '${input.stageName}' is seeded from the previous stage; its own seed_config is ignored.`);
    if (seedConfig) seedData = await openSeedDataset(db, seedConfig, { seed: input.seed, warn });
    const compiled = compileStage(input.config, seedData?.columns ?? null);
    for (const w of compiled.warnings) warn(w);

    const templates = engineTemplates(runConfig.jinja_rendering_engine);
    const samplers = new SamplerGenerator(compiled.samplerColumns, input.config.constraints ?? [], {
      resources: await loadSamplerResources(db, compiled.samplerColumns, input.seed),
      seed: input.seed,
      stage: input.stageName,
      evalCondition: conditionEvaluator(templates),
      // Globals included: a sampler column named `range` shadows the global (the DAG ignores other names).
      conditionVariables: (c) => templateReads(`{{ ${c} }}`),
    });
    if (input.functions?.size) functions = new StageFunctions(input.functions, log, input.signal);
    const ctx: GeneratorContext = {
      stageName: input.stageName,
      seed: input.seed,
      templates,
      log,
      warn,
      signal: input.signal,
      db,
      stageDir: input.stageDir,
      mediaRoots: mediaRoots(input.stageDir, input.upstream?.files),
      ...(functions ? { functions } : {}),
    };
    const monitor = new EarlyShutdownMonitor(runConfig);
    let firstFailure: string | undefined;
    // Rows lost to a transient cause (provider down, 5xx, timeouts, 429s after the retry budget): a group
    // holding one is not recorded, so the stage stays resumable and a rerun regenerates it (its finished
    // cells come from the call store). The stage then fails with the first such error (a stall wins).
    let lostInGroup = 0;
    let firstLoss: LlmError | undefined;
    let progress: StageProgressTracker | undefined;
    const llm: LlmGeneratorDeps | null = input.models
      ? {
          models: input.models,
          concurrency: Math.max(1, Math.min(runConfig.max_in_flight_tasks, MAX_ROWS_IN_FLIGHT)),
          recordOutcome: (o) => monitor.record(o),
          stopped: () => monitor.shouldStop,
          onFailure: (m) => void (firstFailure ??= m),
          onTransientLoss: (err) => {
            lostInGroup++;
            if (!firstLoss || (err.kind === 'rate_limit_stall' && firstLoss.kind !== 'rate_limit_stall')) firstLoss = err;
          },
          onNotice: (m) => log.warn(m),
          onRowSettled: (recordIndex, dropped) => progress?.rowSettled(recordIndex, dropped),
        }
      : null;

    const dtypes = new Map<string, DeclaredType>(samplers.dtypes);
    // Seed columns keep the seed file's types: a batch of nulls must not turn an INTEGER column into VARCHAR.
    for (const [name, type] of seedData?.columnTypes ?? []) {
      const d = declaredTypeOf(type);
      if (d) dtypes.set(name, d);
    }
    const available = new Set<string>([...compiled.seedColumns, ...compiled.samplerColumns.map((c) => c.name)]);
    const generators: ColumnGenerator[] = [];
    for (const column of compiled.generatedColumns) {
      const g = createGenerator(column, ctx, new Set([...available, ...compiled.generatedColumns.flatMap((c) => [c.name, ...sideEffectColumns(c)])]), llm);
      generators.push(g);
      for (const [k, v] of g.dtypes) dtypes.set(k, v);
      for (const o of g.outputColumns) available.add(o);
    }
    // Consecutive LLM/embedding columns run row by row (a row's next cell starts when its previous is done).
    generators.splice(0, generators.length, ...pipelineCells(generators, ctx, llm));
    const declaredSamplers = compiled.samplerColumns.map((c) => c.name);
    const outputColumns = [...compiled.seedColumns, ...declaredSamplers, ...generators.flatMap((g) => g.outputColumns)];

    const processorsConfig: ProcessorConfig[] = input.config.processors ?? [];
    const processors = buildProcessors(processorsConfig, { db, outDir: stageDir, templates, log, warn });
    const groups = rowGroups(input.numRecords, runConfig.buffer_size);
    // A shard generates only the row groups of its block (src/workflow/shard.ts); the others are not its own.
    const shard = input.groupRange;
    // A merge: the groups a shard never wrote because early shutdown stopped it are left out, not generated.
    const stoppedEarly = new Set(input.assembled?.stoppedEarly ?? []);
    const ownGroup = (index: number) => (!shard || (index >= shard.first && index < shard.end)) && !stoppedEarly.has(index);
    const wantedGroups = shard ? Math.max(0, Math.min(shard.end, groups.length) - shard.first) : groups.length;
    const wantedRecords = shard ? Math.max(0, Math.min(input.numRecords, shard.end * runConfig.buffer_size) - shard.first * runConfig.buffer_size) : input.numRecords;
    const hash = configHash(compiled.config);

    // Resume: the recorded row groups that are intact and cut alike are kept as they are (src/engine/
    // resume.ts); every other file under the row-group directories is removed before anything is written.
    let done = new Map<number, BatchRecord>();
    let previous: StageMetadata | null = null;
    if (input.resume) {
      previous = await readMetadata(stageDir);
      // A stage whose sql processors rewrote its files is reused whole when they all finished, else
      // generated again (keptRowGroups keeps none of its files: they are the query's output).
      if (!shard && previous?.target_num_records === input.numRecords && (await processedOutputIntact(db, stageDir, previous, runConfig.buffer_size, input.seed))) {
        log.info(`Stage '${input.stageName}': every row group and processor already completed; reusing them.`);
        return resultFromMetadata(stageDir, previous!, outputColumns, warnings);
      }
      done = await keptRowGroups(db, stageDir, previous, runConfig.buffer_size, input.seed);
      if (input.assembled) refuseMissingGroups(input.stageName, groups.length, done, stoppedEarly);
      await removeStrayRowGroupFiles(stageDir, done);
    } else {
      for (const sub of [PARQUET_DIR, 'dropped-columns-parquet-files', PROCESSORS_DIR]) await fs.rm(path.join(stageDir, sub), { recursive: true, force: true });
    }
    if (!shard && previous?.post_generation_state?.processed && done.size === groups.length && previous.target_num_records === input.numRecords) {
      log.info(`Stage '${input.stageName}': every row group and processor already completed; reusing them.`);
      return resultFromMetadata(stageDir, previous, outputColumns, warnings);
    }
    await writeBuilderConfig(stageDir, compiled.config);

    const batches: BatchRecord[] = [];
    const droppedRows: Record<string, number> = {};
    let earlyShutdown = stoppedEarly.size > 0;
    const tokens = () => input.models?.tokenUsage?.() ?? emptyTokens();
    const pipelines = generators.filter((g) => g instanceof CellPipeline).length;
    progress = new StageProgressTracker(input.stageName, wantedRecords, wantedGroups, pipelines, tokens, input.onProgress);
    const metadata = (extra: Partial<StageMetadata> = {}): StageMetadata => {
      const processorFiles: Record<string, string[]> = {};
      for (const b of batches) for (const [n, f] of Object.entries(b.processor_files ?? {})) (processorFiles[n] ??= []).push(f);
      return {
        actual_num_records: batches.reduce((a, b) => a + b.num_records, 0),
        target_num_records: input.numRecords,
        original_target_num_records: input.numRecords,
        total_num_batches: groups.length,
        num_completed_batches: batches.length,
        buffer_size: runConfig.buffer_size,
        dataset_name: input.stageName,
        file_paths: { 'parquet-files': batches.map((b) => b.file), 'processor-files': processorFiles },
        config_hash: hash,
        config_hash_algo: 'sha256',
        config_hash_version: 2,
        preserve_dropped_columns: runConfig.preserve_dropped_columns,
        column_statistics: [],
        seed: input.seed,
        dropped_rows: droppedRows,
        token_usage: tokens(),
        ...(input.models?.usageReport ? { model_usage: input.models.usageReport() } : {}),
        ddflow_batches: batches,
        ...extra,
      };
    };
    const addDrops = (d: Record<string, number>) => {
      for (const [k, v] of Object.entries(d)) droppedRows[k] = (droppedRows[k] ?? 0) + v;
    };

    // Writing a group (appender + COPY to parquet) runs in DuckDB's threads while the next group is
    // generated: at most two groups are alive, and batches are still recorded strictly in order. The
    // record (metadata.json) and the file's rename into place follow through the journal, batched over
    // the groups finished meanwhile (batch-journal.ts: a file never appears before its record).
    const journal = new BatchJournal({ writeMetadata: () => writeMetadata(stageDir, metadata()) });
    let pendingWrite: Promise<void> | null = null;
    const settle = async () => {
      if (pendingWrite) {
        const p = pendingWrite;
        pendingWrite = null;
        await p;
      }
      journal.throwIfFailed();
    };
    // A stage whose columns are all drawn or computed in-process (samplers, seed, expressions) makes
    // its groups quickly: their main files are staged several at a time (parquet-writer RowGroupStager).
    // A stage with model, custom or validation columns writes each group as soon as it is done.
    const stager = compiled.generatedColumns.every((c) => columnKind(c) === 'expression') ? new RowGroupStager(db) : null;
    /** Records of the groups whose main file is buffered in the stager, in order. */
    const unstaged: BatchRecord[] = [];
    /** The column types of every main file this run wrote (one entry when they all share one schema). */
    const writtenSchemas = new Set<string>();
    let reusedAny = false;
    const staged = (files: StagedRowGroup[]) => {
      for (const f of files) {
        writtenSchemas.add(JSON.stringify(f.result.columns));
        batches.push(unstaged.shift()!);
        journal.add(f);
      }
    };
    const record = async (group: RowGroup, index: number, groupDrops: Record<string, number>) => {
      const options = {
        db,
        outDir: stageDir,
        columns: outputColumns,
        declaredDrops: compiled.droppedColumns,
        dtypes,
        processors: processors.batch,
        preserveDroppedColumns: runConfig.preserve_dropped_columns,
      };
      const prepared = await prepareBatch(group, index, options);
      const written = prepared.result;
      unstaged.push({
        index,
        file: relative(stageDir, written.file),
        num_records: written.rows,
        dropped_rows: groupDrops,
        ...(written.droppedFile ? { dropped_columns_file: relative(stageDir, written.droppedFile) } : {}),
        processor_files: Object.fromEntries(Object.entries(written.processorFiles).map(([k, f]) => [k, relative(stageDir, f)])),
      });
      staged(stager ? await stager.add(group.rows, prepared.main, written.file) : [await stageRowGroup(db, group.rows, prepared.main, written.file)]);
      rowGroupGauge.close();
      openGroups--;
      progress!.groupRecorded();
    };

    let openGroups = 0;
    let announced = false;
    let generating = true;
    /** Records of the groups recorded (reused or written): the rest is what a rerun still has to generate. */
    let recordedRecords = 0;
    try {
      for (const g of groups) {
        if (!ownGroup(g.index)) continue;
        if (input.signal?.aborted) throw new DdflowError(`Stage '${input.stageName}' was cancelled; completed row groups are kept for resume.`);
        const reused = done.get(g.index);
        if (reused) {
          await settle();
          batches.push(reused);
          reusedAny = true;
          addDrops(reused.dropped_rows);
          recordedRecords += g.size;
          progress.reused(g.size);
          continue;
        }
        // The first group this run generates: where it starts from (rows kept by a resume) shows at once.
        if (!announced) {
          announced = true;
          progress.report(true);
        }
        progress.groupStarted();
        const group: RowGroup = { index: g.index, start: g.start, rows: [], recordIndex: [], skipped: new Array(g.size) };
        rowGroupGauge.open();
        openGroups++;
        let seedRows: Row[] = [];
        if (seedData) {
          await settle(); // one statement at a time on the connection
          seedRows = await seedData.rowsFor(g.start, g.size);
        }
        for (let i = 0; i < g.size; i++) {
          group.rows.push(seedData ? { ...seedRows[i]! } : {});
          group.recordIndex.push(g.start + i);
        }
        for (let from = 0; from < g.size; from += YIELD_EVERY) {
          // The previous group's write is a chain of I/O steps (metadata, CREATE, COPY, rename, DROP)
          // whose continuations only run when this loop yields: let them through now and then, so the
          // write overlaps this group's generation instead of waiting for it.
          if (pendingWrite && from > 0) await yieldToEventLoop();
          samplers.drawRows(group.rows, g.start, from, Math.min(g.size, from + YIELD_EVERY), g.size);
        }
        const groupDrops: Record<string, number> = {};
        let stoppedHere = false;
        lostInGroup = 0;
        for (const gen of generators) {
          try {
            removeRows(group, await gen.generate(group), groupDrops);
          } catch (err) {
            if (!(err instanceof EarlyShutdownError)) throw err;
            // Early shutdown: the group's complete rows are salvaged; the remaining columns still run
            // for them (model columns make no more calls: they drop the rows they would have to fill).
            // When rows were lost to the provider, the stage's error says why instead.
            if (!earlyShutdown && !firstLoss) warn(err.message);
            earlyShutdown = stoppedHere = true;
            removeRows(group, err.drops, groupDrops);
          }
        }
        // Cells abandoned by a cancellation are not failures: the group is incomplete and must not be
        // recorded (resume would keep it short); it is regenerated by the next run.
        if (input.signal?.aborted) throw new DdflowError(`Stage '${input.stageName}' was cancelled; completed row groups are kept for resume.`);
        // Rows lost to a transient cause (or left undone by a stop that such losses caused): the group is
        // not recorded either, so resume regenerates it; its finished cells are answered by the call store.
        if (firstLoss && (lostInGroup > 0 || stoppedHere)) {
          rowGroupGauge.close();
          openGroups--;
          if (stoppedHere) break;
          continue;
        }
        addDrops(groupDrops);
        progress.groupGenerated(g.size);
        await settle();
        if (stoppedHere && group.rows.length === 0) break;
        recordedRecords += g.size;
        pendingWrite = record(group, g.index, groupDrops);
        // A rejected write must not go unobserved while the next group is generated.
        pendingWrite.catch(() => undefined);
        if (stoppedHere) break;
      }
      await settle();
      if (stager) staged(await stager.flush());
      await journal.flush();
      generating = false;
    } finally {
      await settle().catch(() => undefined);
      // Groups abandoned by an error, a cancellation or an early stop are released here.
      rowGroupGauge.close(openGroups);
      openGroups = 0;
      // Stopped by an error or a cancellation: the metadata says what was kept and what was spent so far
      // (the recorded groups, the tokens of every call made), for the report and the next run.
      // Groups already complete on disk are recorded and published first (the journal writes metadata).
      if (generating) {
        // Complete groups still buffered are staged and recorded too, when the database still works.
        if (stager) await stager.flush().then(staged).catch(() => undefined);
        await stager?.discard();
        await journal.flush(true).catch(() => journal.abandon());
        await writeMetadata(stageDir, metadata()).catch(() => undefined);
      }
    }

    if (firstLoss) {
      // Committed groups are already recorded; the metadata gets the usage so far, and no "processed"
      // state: the runner marks the stage failed and resumable, and a plain rerun generates the rest.
      await writeMetadata(stageDir, metadata());
      throw new DdflowError(transientLossMessage(input.stageName, wantedRecords - recordedRecords, wantedRecords, firstLoss));
    }
    let files = batches.map((b) => path.join(stageDir, b.file));
    // Each recorded batch's rows: written by this run, or counted in its file when resume kept it.
    const generated = batches.reduce((n, b) => n + b.num_records, 0);
    if (shard) {
      // A shard holds one block of the stage's rows: dataset-level processors and statistics need the
      // whole stage, so they run when the shards are merged, never here.
      if (generated < wantedRecords) warn(`⚠️ Shard generated ${generated} of its ${wantedRecords} records.`);
      const partial = metadata({ generated_num_records: generated, ...(earlyShutdown ? { early_shutdown: true } : {}) });
      await writeMetadata(stageDir, partial);
      return {
        numRecordsRequested: wantedRecords,
        numRecordsActual: generated,
        outputFiles: files,
        processorFiles: Object.fromEntries(Object.entries(partial.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => path.join(stageDir, f))])),
        droppedRows,
        tokens: tokens(),
        ...(partial.model_usage ? { modelUsage: partial.model_usage } : {}),
        columns: outputColumns,
        warnings,
      };
    }
    if (generated === 0) {
      // As Data Designer, the error carries the first non-retryable failure (the likely cause).
      const cause = firstFailure ? ` First failure: ${firstFailure}` : '';
      throw new DdflowError(
        earlyShutdown
          ? `🛑 Stage '${input.stageName}' stopped early: too many generation failures, and no records were produced.${cause}`
          : `🛑 Dataset is empty — all records were dropped due to generation or processing failures.${cause}`,
      );
    }
    if (processors.dataset.length > 0) {
      // Recorded before the files are replaced: from here on they are not the batch records' row groups.
      await writeMetadata(stageDir, metadata({ post_generation_state: { processed: false, rewritten: true } }));
      files = await applyDatasetProcessors(processors.dataset, files, path.join(stageDir, PARQUET_DIR), runConfig.buffer_size);
    }
    const actual = processors.dataset.length > 0 ? await countRows(db, files) : generated;
    // A shortfall is rows lost DURING generation (drops, early shutdown); rows a sql processor filters
    // out on purpose are not one, so the warning and numRecordsActual count what was generated.
    if (generated < input.numRecords) {
      warn(`⚠️ Generated ${generated} of ${input.numRecords} requested records (${((100 * generated) / input.numRecords).toFixed(1)}%).`);
    }
    // Files all written by this run with one set of column types (and not rewritten by a processor):
    // their schema is shared and their rows counted, without reading 1000s of footers again.
    const ownFiles = !reusedAny && processors.dataset.length === 0 && writtenSchemas.size === 1;
    const schema = await datasetSchema(db, files, ownFiles ? { shared: true, rows: generated } : {});
    const statistics = await stageColumnStatistics(db, files, compiled.config.columns as ColumnConfig[], templates, schema);
    const final = metadata({
      actual_num_records: actual,
      generated_num_records: generated,
      file_paths: { ...metadata().file_paths, 'parquet-files': files.map((f) => relative(stageDir, f)) },
      column_statistics: statistics,
      ...(processors.dataset.length > 0 ? { post_generation_state: { processed: true, rewritten: true } } : batches.length === groups.length ? { post_generation_state: { processed: true } } : {}),
      ...(earlyShutdown ? { early_shutdown: true } : {}),
    });
    await writeMetadata(stageDir, final);
    return {
      numRecordsRequested: input.numRecords,
      numRecordsActual: generated,
      outputFiles: files,
      processorFiles: Object.fromEntries(Object.entries(final.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => path.join(stageDir, f))])),
      droppedRows,
      tokens: tokens(),
      ...(final.model_usage ? { modelUsage: final.model_usage } : {}),
      columns: schema.columns.map((c) => c.name),
      warnings,
    };
  } finally {
    await functions?.close();
    await seedData?.close().catch(() => undefined);
    ownDb?.close();
  }
}

function resultFromMetadata(stageDir: string, m: StageMetadata, columns: string[], warnings: string[]): StageRunResult {
  return {
    numRecordsRequested: m.target_num_records,
    numRecordsActual: m.generated_num_records ?? m.actual_num_records,
    outputFiles: m.file_paths['parquet-files'].map((f) => path.join(stageDir, f)),
    processorFiles: Object.fromEntries(Object.entries(m.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => path.join(stageDir, f))])),
    droppedRows: m.dropped_rows ?? {},
    tokens: m.token_usage ?? emptyTokens(),
    columns,
    warnings,
  };
}

/**
 * Runs `sql` processors in order; each writes into a fresh directory, and the final result replaces
 * `targetDir` by rename, so an interrupted run never leaves a half-replaced dataset.
 */
async function applyDatasetProcessors(processors: readonly DatasetProcessor[], files: string[], targetDir: string, rowGroupSize: number): Promise<string[]> {
  const parent = path.dirname(targetDir);
  let current = files;
  const scratch: string[] = [];
  for (const p of processors) {
    const out = path.join(parent, `.sql-${p.name.replace(/[^A-Za-z0-9_-]/g, '_')}-${scratch.length}`);
    await fs.rm(out, { recursive: true, force: true });
    current = await p.processDataset(current, out, rowGroupSize);
    scratch.push(out);
  }
  const last = scratch[scratch.length - 1]!;
  const old = `${targetDir}.old`;
  await fs.rm(old, { recursive: true, force: true });
  if (await exists(targetDir)) await fs.rename(targetDir, old);
  await fs.rename(last, targetDir);
  await fs.rm(old, { recursive: true, force: true });
  for (const s of scratch.slice(0, -1)) await fs.rm(s, { recursive: true, force: true });
  return current.map((f) => path.join(targetDir, path.basename(f)));
}

/**
 * A stage's `output_processors`: the finished dataset streamed batch by batch through the batch
 * processors into `outDir` (same layout as a stage), then the `sql` processors over the result.
 */
export async function runDatasetProcessors(input: DatasetProcessingInput): Promise<DatasetProcessingResult> {
  const ownDb = input.db ? undefined : await openDatabase();
  const db = input.db ?? ownDb!;
  try {
    const warn = (m: string) => input.log.warn(m);
    await fs.rm(input.outDir, { recursive: true, force: true });
    await fs.mkdir(input.outDir, { recursive: true });
    const templates = engineTemplates('secure');
    const processors = buildProcessors(input.processors, { db, outDir: input.outDir, templates, log: input.log, warn });
    const types = await columnsOf(db, input.inputFiles);
    const columns = types.map((c) => c.name);
    const dtypes = new Map<string, DeclaredType>();
    for (const t of types) {
      const d = declaredTypeOf(t.type);
      if (d) dtypes.set(t.name, d);
    }
    const files: string[] = [];
    const processorFiles: Record<string, string[]> = {};
    let index = 0;
    let start = 0;
    await streamRows(db, input.inputFiles, 1000, async (rows) => {
      const group: RowGroup = { index, start, rows, recordIndex: rows.map((_, i) => start + i), skipped: new Array(rows.length) };
      const written = await writeBatch(group, index, { db, outDir: input.outDir, columns, declaredDrops: [], dtypes, processors: processors.batch, preserveDroppedColumns: true });
      files.push(written.file);
      for (const [k, f] of Object.entries(written.processorFiles)) (processorFiles[k] ??= []).push(f);
      index++;
      start += rows.length;
    });
    // Every input row went through the batch processors, or the stage fails: a short read is never an output.
    const expected = input.inputFiles.length > 0 ? await countRows(db, input.inputFiles) : 0;
    if (start !== expected) throw new DdflowError(`The output processors read ${start} of the stage's ${expected} rows; the stage is not recorded (run again).`);
    let out = files;
    if (processors.dataset.length > 0 && files.length > 0) out = await applyDatasetProcessors(processors.dataset, files, path.join(input.outDir, PARQUET_DIR), 1000);
    return { outputFiles: out, processorFiles, numRecords: out.length > 0 ? await countRows(db, out) : 0 };
  } finally {
    ownDb?.close();
  }
}

export { processorKind, columnKind };
