export const id = 560;
export const ids = [560];
export const modules = {

/***/ 45560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CALL_CACHE_DIR: () => (/* reexport */ stage_models/* CALL_CACHE_DIR */.WU),
  DEFAULT_NUM_RECORDS: () => (/* reexport */ selection/* DEFAULT_NUM_RECORDS */.yo),
  RESUME_MODES: () => (/* reexport */ selection/* RESUME_MODES */.XR),
  WorkflowRunError: () => (/* reexport */ WorkflowRunError),
  canReuse: () => (/* reexport */ reuse/* canReuse */.fE),
  checkWorkflowStructure: () => (/* reexport */ selection/* checkWorkflowStructure */.NT),
  defaultEngine: () => (/* reexport */ execute_stage/* defaultEngine */.eq),
  fingerprintOf: () => (/* reexport */ plan/* fingerprintOf */.ax),
  prepareModelRegistries: () => (/* reexport */ stage_models/* prepareModelRegistries */.G1),
  resolveNumRecords: () => (/* reexport */ selection/* resolveNumRecords */.PJ),
  resolveSelection: () => (/* reexport */ selection/* resolveSelection */.Fb),
  resumableAfterDamage: () => (/* reexport */ reuse/* resumableAfterDamage */.wM),
  reuseCheck: () => (/* reexport */ reuse/* reuseCheck */.xC),
  runWorkflow: () => (/* binding */ runWorkflow),
  selectionError: () => (/* reexport */ selection/* selectionError */.$1),
  stageDirName: () => (/* reexport */ selection/* stageDirName */.bM),
  stageModelConfigs: () => (/* reexport */ stage_models/* stageModelConfigs */.Tx),
  usedModelAliases: () => (/* reexport */ stage_models/* usedModelAliases */.Li),
  workflowDirOf: () => (/* reexport */ selection/* workflowDirOf */.y9)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/shared/random.ts
var random = __webpack_require__(13014);
// EXTERNAL MODULE: ./src/llm/index.ts + 5 modules
var llm = __webpack_require__(32002);
// EXTERNAL MODULE: ./src/workflow/execute-stage.ts
var execute_stage = __webpack_require__(45125);
// EXTERNAL MODULE: ./src/workflow/metadata.ts
var metadata = __webpack_require__(55800);
// EXTERNAL MODULE: ./src/workflow/plan.ts + 2 modules
var plan = __webpack_require__(69951);
// EXTERNAL MODULE: ./src/engine/artifacts.ts
var artifacts = __webpack_require__(8833);
// EXTERNAL MODULE: ./src/workflow/fingerprint.ts
var fingerprint = __webpack_require__(17553);
// EXTERNAL MODULE: ./src/workflow/outputs.ts
var outputs = __webpack_require__(26327);
// EXTERNAL MODULE: ./src/workflow/reuse.ts
var reuse = __webpack_require__(77877);
;// CONCATENATED MODULE: ./src/workflow/run-events.ts
/** What a run tells its caller as it goes (events) and when it fails (an error carrying the report). */

function locatedCause(cause) {
    if (!(cause instanceof diagnostics/* DdflowError */.Zq) || cause.diagnostics.length !== 1)
        return undefined;
    return cause.diagnostics[0].location;
}
/** A stage failed (or the run was cancelled): carries the report so callers can still print the summary. */
class WorkflowRunError extends diagnostics/* DdflowError */.Zq {
    report;
    constructor(message, report, cause) {
        // A stage failure that belongs to a config node (the engine's error carries its location) points there too.
        super(message, { cause, location: locatedCause(cause) });
        this.report = report;
        this.name = 'WorkflowRunError';
    }
}

// EXTERNAL MODULE: ./src/workflow/stage-models.ts + 3 modules
var stage_models = __webpack_require__(18678);
// EXTERNAL MODULE: ./src/workflow/stage-record.ts
var stage_record = __webpack_require__(22597);
;// CONCATENATED MODULE: ./src/workflow/run-book.ts
/**
 * The book a run keeps: workflow-metadata.json (rewritten atomically at every status change, so a crash
 * leaves a consistent picture the next run continues from), the stage reports handed to the CLI and the
 * Action, and the output each stage hands to the next. The loop in run.ts says what happens; this file
 * says how it is written down.
 */











class RunBook {
    workflow;
    ctx;
    seed;
    onEvent;
    metadata;
    reports = [];
    warnings;
    /**
     * The last run's records of the stages this run has not reached (yet, or at all: beyond the targets, or
     * after a failure) stay, so a later run can still reuse or continue them. Their fingerprints chain to
     * their upstream, so a record that no longer fits can never match.
     */
    priorStages;
    /** The output the last completed stage hands to the next one. */
    handed;
    /** The stage whose empty output makes the later ones skipped. */
    emptyStage;
    opened = 0;
    /** What the run's model calls cost so far (set by the runner once its model session exists). */
    cost;
    constructor(workflow, ctx, seed, 
    /** The run's `--seed` option, not the file's (recorded for export's staleness check). */
    seedOption, onEvent) {
        this.workflow = workflow;
        this.ctx = ctx;
        this.seed = seed;
        this.onEvent = onEvent;
        this.metadata = { name: workflow.name, workflow_file: (0,metadata/* toMetadataPath */.GL)(ctx.workflowDir, workflow.file), status: 'running', cache_format_version: fingerprint/* CACHE_FORMAT_VERSION */.W9, seed, seed_option: seedOption ?? null, num_records_option: ctx.options.numRecords ?? null, updated_at: '', stages: [] };
        this.priorStages = ctx.prior?.stages ?? [];
        this.warnings = workflow.warnings.map((w) => w.message);
    }
    save() {
        return (0,metadata/* writeWorkflowMetadata */.Ky)(this.ctx.workflowDir, { ...this.metadata, ...(this.cost ? { cost: this.cost() } : {}), stages: [...this.metadata.stages, ...this.priorStages.slice(this.metadata.stages.length)] });
    }
    /** The record of a decided stage, with what it is asked to do. */
    open(step, upstream, log, decidedFrom = performance.now()) {
        const stage = this.workflow.stages[step.index];
        const record = (0,stage_record/* baseRecord */.$l)(stage, step.index);
        if (step.index > 0)
            record.depends_on = [upstream?.name ?? this.workflow.stages[step.index - 1].name];
        this.metadata.stages.push(record);
        this.opened = decidedFrom;
        if (step.decision === 'skipped')
            return record;
        if (step.damaged) {
            const what = step.decision === 'resume' ? 'its intact row groups are kept and the rest is generated again' : 'it is generated again';
            log.warn(`Stage '${stage.name}': its output no longer matches what the last run recorded (files missing, changed or unreadable); ${what}.`);
        }
        if (this.handed && stage.config.seed_config)
            log.warn(`Stage '${stage.name}' has its own seed_config; it is seeded from stage '${this.handed.name}' instead.`);
        const config = { ...stage.config, model_configs: (0,stage_models/* stageModelConfigs */.Tx)(this.workflow, stage), ...(this.handed ? { seed_config: null } : {}) };
        Object.assign(record, {
            fingerprint: step.fingerprint ?? undefined,
            num_records_requested: step.num_records ?? undefined,
            seeded_from_stage: this.handed?.name ?? null,
            seed_path: this.handed ? (0,metadata/* toMetadataPath */.GL)(this.ctx.workflowDir, this.handed.outputPath) : null,
            config,
            decision: step.decision,
            reason: step.reason,
        });
        return record;
    }
    /** The upstream output the stage being generated reads as its seed. */
    upstreamOutput() {
        return this.handed;
    }
    /** A stage behind an empty upstream. */
    async skip(record, upstream) {
        this.emptyStage ??= upstream.name;
        Object.assign(record, { status: 'skipped_empty_upstream', upstream_stage: this.emptyStage, cache: 'off', tokens: (0,stage_record/* zeroTokens */.bN)(), duration_sec: 0, decision: 'skipped' });
        await this.save();
        this.pushReport(record, []);
        return { ...upstream, name: record.name };
    }
    /** The run was cancelled before stage `index` was reached: its record (and the later ones) stay as the last run left them. */
    async cancelled(index, upstream) {
        const stage = this.workflow.stages[index];
        const record = (0,stage_record/* baseRecord */.$l)(stage, index);
        if (index > 0)
            record.depends_on = [upstream?.name ?? this.workflow.stages[index - 1].name];
        Object.assign(record, { status: 'failed', error: 'The run was cancelled.', resumable: true });
        this.pushReport(record, []);
        this.metadata.status = 'failed';
        await this.save();
        throw new WorkflowRunError('The run was cancelled.', { ...this.report('failed'), cancelled: true });
    }
    /**
     * The stage just opened stops before anything of it changed on disk (resume mode `always` refuses it, a
     * key is missing, a model fails its health check): its record goes back to what the last run left.
     */
    async abandon(record, err) {
        if (this.metadata.stages.at(-1) === record)
            this.metadata.stages.pop();
        this.metadata.status = 'failed';
        await this.save();
        throw err;
    }
    async started(record, stageDir, step, storeOn) {
        Object.assign(record, { status: 'running', cache: (this.ctx.options.resume ?? 'if_possible') === 'never' && !storeOn ? 'off' : 'miss', resumable: true });
        delete record.error;
        await this.save();
        this.onEvent?.({ type: 'stage-start', index: step.index, stage: record.name, numRecords: step.num_records, resume: step.decision === 'resume', fingerprint: step.fingerprint, stageDir });
    }
    /**
     * Generation failed (or was cancelled): the stage stays resumable; the run ends with this error. The
     * report counts what the stage kept (its recorded row groups) and the tokens it spent.
     */
    async failed(record, err, cancelled, durationSec, stageDir, usage) {
        const message = cancelled ? 'The run was cancelled.' : errorText(err);
        Object.assign(record, { status: 'failed', error: message, resumable: true, duration_sec: durationSec }, stageDir ? await keptSoFar(stageDir) : {});
        // What the stage's models counted is this run's spend; the engine's metadata.json (read just above)
        // can predate its last calls (an early shutdown's table said 53 calls of the 60 made).
        if (usage)
            Object.assign(record, { model_usage: usage, tokens: { prompt: usage.total.prompt_tokens, completion: usage.total.completion_tokens } });
        this.metadata.status = 'failed';
        await this.save();
        this.pushReport(record, [], undefined, cancelled ? undefined : locationOf(err));
        const full = cancelled || message.startsWith(`Stage '${record.name}'`) ? message : `Stage '${record.name}' failed: ${message}`;
        throw new WorkflowRunError(full, { ...this.report('failed'), ...(cancelled ? { cancelled: true } : {}) }, err);
    }
    /** Records a stage's outcome (reused, restored or generated) and hands its output — or its override — down. */
    async complete(record, step, outcome) {
        const stage = this.workflow.stages[step.index];
        if (outcome.cache !== 'miss') {
            Object.assign(record, (0,stage_record/* outcomeFields */.eh)(outcome, this.ctx.workflowDir), { duration_sec: seconds(this.opened), tokens: (0,stage_record/* zeroTokens */.bN)(), cache: outcome.cache });
        }
        let handedPath = outcome.ownOutputPath;
        let handedRecords = outcome.outputRecords;
        let handedFingerprint = step.fingerprint;
        const override = this.ctx.selection.overrides.get(step.index);
        if (override) {
            handedPath = override.path;
            handedRecords = override.records;
            handedFingerprint = (0,fingerprint/* overriddenFingerprint */.Xw)(handedFingerprint, override.contentHash);
            // The override's own facts live beside the stage's: output_records (and stage_output_path) keep
            // describing what the stage generated, so a later run without the override reuses the stage as
            // it is and hands all of its rows down again.
            record.stage_output_override_path = (0,metadata/* toMetadataPath */.GL)(this.ctx.workflowDir, override.path);
            record.stage_output_override_records = handedRecords;
        }
        record.output_seed_path = (0,metadata/* toMetadataPath */.GL)(this.ctx.workflowDir, handedPath);
        if (handedRecords === 0) {
            if (!stage.allowEmpty) {
                Object.assign(record, { status: 'failed', error: `Stage '${stage.name}' produced an empty output.` });
                this.metadata.status = 'failed';
                await this.save();
                this.pushReport(record, [], handedRecords);
                throw new WorkflowRunError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to let the workflow continue).`, this.report('failed'));
            }
            record.status = 'completed_empty';
        }
        else {
            record.status = 'completed';
        }
        await this.save();
        this.pushReport(record, await (0,outputs/* parquetFilesAt */.Te)(handedPath), handedRecords, undefined, override !== undefined);
        this.handed = { name: stage.name, outputPath: handedPath, records: handedRecords };
        const generated = step.decision === 'run' || step.decision === 'resume';
        return { name: stage.name, records: handedRecords, expectedRecords: handedRecords, fingerprint: handedFingerprint, generated, empty: handedRecords === 0 };
    }
    /**
     * Batch mode: the stage waits on provider batches. It is recorded `pending` with them, the run ends
     * `pending` (not a failure) and the later stages stay as the last run left them.
     */
    async pending(record, p) {
        Object.assign(record, { status: 'pending', cache: 'miss', tokens: (0,stage_record/* zeroTokens */.bN)(), duration_sec: seconds(this.opened), batches: p.batches, pending_reason: p.message() });
        delete record.resumable;
        delete record.error;
        this.metadata.status = 'pending';
        await this.save();
        this.pushReport(record, []);
        return { ...this.report('pending'), pending: { stage: record.name, batches: p.batches, message: p.message() } };
    }
    /** The run completed: exports the final stage's output when asked, and closes the book. */
    async finish(exportPath) {
        const result = this.report('completed');
        // The data is complete whatever happens to the export below.
        this.metadata.status = 'completed';
        await this.save();
        if (exportPath) {
            const final = this.reports[this.reports.length - 1];
            if (!reuse/* COMPLETED */.eJ.has(final.status) || !result.final_output_files?.length) {
                throw new diagnostics/* DdflowError */.Zq(`Cannot export: the final stage '${final.name}' was skipped (${final.status}).`);
            }
            const exported = await (0,dataset.exportDataset)(this.ctx.db, result.final_output_files, external_node_path_default().resolve(exportPath));
            result.export_path = exported.path;
        }
        return result;
    }
    /** `run --shard`: the shard of the last stage ended (src/workflow/shard-run.ts); its report closes the run. */
    async closeShard(shard, failure) {
        this.reports.push(shard);
        this.onEvent?.({ type: 'stage-end', report: shard });
        this.metadata.status = failure ? 'failed' : 'completed';
        await this.save();
        if (failure)
            throw new WorkflowRunError(failure.message, this.report('failed'), failure.cause);
        return this.report('completed');
    }
    report(status) {
        const final = this.reports[this.reports.length - 1];
        const finalOk = final && reuse/* COMPLETED */.eJ.has(final.status);
        return {
            workflow: this.workflow.name,
            workflow_dir: this.ctx.workflowDir,
            status,
            stages: this.reports,
            final_stage: this.workflow.stages[this.ctx.selection.targetIndex].name,
            final_output_files: finalOk ? final.output_files : undefined,
            final_records: finalOk ? final.output_records : 0,
            seed: this.seed,
            warnings: this.warnings,
            ...(this.cost ? { cost: this.cost() } : {}),
        };
    }
    pushReport(record, files, outputRecords, errorLocation, overridden = false) {
        const r = (0,stage_record/* stageReportOf */.k0)(record, this.ctx.workflowDir, files, outputRecords);
        if (errorLocation)
            r.error_location = errorLocation;
        if (overridden)
            r.overridden = true;
        this.reports.push(r);
        this.onEvent?.({ type: 'stage-end', report: r });
    }
}
function seconds(start) {
    return Math.round(performance.now() - start) / 1000;
}
/** What a failed or cancelled stage kept: rows of its recorded row groups, tokens and calls spent. */
async function keptSoFar(stageDir) {
    const m = await (0,artifacts/* readMetadata */._6)(stageDir);
    if (!m)
        return {};
    const rows = (m.ddflow_batches ?? []).reduce((n, b) => n + b.num_records, 0);
    return {
        num_records_actual: rows,
        output_records: rows,
        ...(m.token_usage ? { tokens: m.token_usage } : {}),
        ...(m.model_usage ? { model_usage: m.model_usage } : {}),
        ...(m.dropped_rows && Object.keys(m.dropped_rows).length ? { dropped_rows: m.dropped_rows } : {}),
    };
}
/** The workflow file location an error belongs to (a sql query, a template), when it names one. */
function locationOf(err) {
    return err instanceof diagnostics/* DdflowError */.Zq && err.diagnostics.length === 1 ? err.diagnostics[0].location : undefined;
}
function errorText(err) {
    if (err instanceof Error)
        return err.message.split('\n')[0] ?? err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./src/workflow/cost.ts
function budgetLimits(workflow, options) {
    const rc = workflow.runConfig;
    return { maxCostUsd: options.maxCostUsd ?? rc.max_cost_usd ?? null, maxTotalTokens: options.maxTotalTokens ?? rc.max_total_tokens ?? null };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/workflow/lock.ts
/**
 * One run at a time per workflow artifact directory. Two runs writing the same stage directories
 * trip over each other's renames (ENOTEMPTY/ENOENT) and pay twice for the same rows, so `runWorkflow`
 * takes `<artifact_path>/<workflow>/.ddflow.lock` first: created exclusively (`wx`), it names the
 * holder (pid, host, start time). A second run stops at once with a sentence naming the holder.
 * Commands that only read (plan, validate, export) take no lock.
 *
 * A lock left by a process that died without releasing it (SIGKILL, power loss) is broken by the next
 * run when its pid is no longer alive on this host, with a warning. A lock from another host cannot be
 * checked, so it is reported, not broken.
 */





const LOCK_FILENAME = '.ddflow.lock';
function describeHolder(h) {
    return `pid ${h.pid} on ${h.hostname}, started ${h.started_at}`;
}
function parseHolder(text) {
    try {
        const v = JSON.parse(text);
        if (typeof v.pid === 'number' && Number.isSafeInteger(v.pid) && v.pid > 0 && typeof v.hostname === 'string' && typeof v.started_at === 'string') {
            return { pid: v.pid, hostname: v.hostname, started_at: v.started_at };
        }
    }
    catch {
        /* not JSON */
    }
    return undefined;
}
/** Whether `pid` is a live process on this host (EPERM: alive, owned by someone else). */
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
function fsError(err, what, dir) {
    const e = err;
    const reason = e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file is in the way' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.message ?? String(err));
    return new diagnostics/* DdflowError */.Zq(`Cannot ${what} ${dir}: ${reason}.`, { cause: err });
}
/**
 * Creates `workflowDir` if needed and takes its lock, or throws a DdflowError naming the run that
 * holds it. The lock is also removed when the process exits without releasing it (an uncaught error);
 * a kill leaves it behind as a stale lock for the next run to break.
 */
async function lockWorkflowDir(workflowDir, log) {
    try {
        await promises_default().mkdir(workflowDir, { recursive: true });
    }
    catch (err) {
        throw fsError(err, 'create the artifact directory', workflowDir);
    }
    const lockPath = external_node_path_default().join(workflowDir, LOCK_FILENAME);
    const me = { pid: process.pid, hostname: external_node_os_default().hostname(), started_at: new Date().toISOString() };
    const content = `${JSON.stringify(me)}\n`;
    let unreadable = false;
    // Bounded: each round either takes the lock, reports a live holder, removes one stale lock, or
    // waits 0.1 s for a lock file being written.
    for (let attempt = 0; attempt < 30; attempt++) {
        try {
            await promises_default().writeFile(lockPath, content, { flag: 'wx' });
            return holding(lockPath, content);
        }
        catch (err) {
            if (err.code !== 'EEXIST')
                throw fsError(err, 'create the lock file in', workflowDir);
        }
        let text;
        let mtimeMs;
        try {
            text = await promises_default().readFile(lockPath, 'utf8');
            mtimeMs = (await promises_default().stat(lockPath)).mtimeMs;
        }
        catch (err) {
            if (err.code === 'ENOENT')
                continue; // released meanwhile: try again
            throw fsError(err, 'read the lock file in', workflowDir);
        }
        const holder = parseHolder(text);
        if (!holder) {
            // Being written right now (created, not yet filled), or left empty by a crash at that moment.
            if (Date.now() - mtimeMs < 10_000) {
                unreadable = true;
                await new Promise((r) => setTimeout(r, 100));
                continue;
            }
            log.warn(`Removing an unreadable lock file ${lockPath} left by an earlier run.`);
        }
        else if (holder.hostname !== external_node_os_default().hostname() || alive(holder.pid) || holder.pid === process.pid) {
            throw new diagnostics/* DdflowError */.Zq(`Another ddflow run (${describeHolder(holder)}) holds the lock ${lockPath}: one run at a time may write a workflow's artifact directory. ` +
                `Wait for it to finish, or use another artifact path${holder.hostname !== external_node_os_default().hostname() ? '; if that run is gone, delete the lock file' : ''}.`);
        }
        else {
            log.warn(`Breaking a stale lock on ${workflowDir}: the run that held it (${describeHolder(holder)}) is no longer running.`);
        }
        await breakLock(lockPath, text);
    }
    throw new diagnostics/* DdflowError */.Zq(unreadable
        ? `Cannot take the lock ${lockPath}: another run holds it but its file is unreadable; if no other ddflow run is going, delete it.`
        : `Cannot take the lock ${lockPath}: other runs keep taking it.`);
}
/**
 * Removes the lock file whose content was `seen`, and only that one: moved aside first (atomic), so
 * that if another run replaced it meanwhile, that fresh lock is put back instead of being deleted.
 */
async function breakLock(lockPath, seen) {
    const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
    try {
        await promises_default().rename(lockPath, aside);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return; // someone else broke it
        throw err;
    }
    const moved = await promises_default().readFile(aside, 'utf8').catch(() => seen);
    if (moved !== seen)
        await promises_default().link(aside, lockPath).catch(() => undefined); // not ours to break
    await promises_default().rm(aside, { force: true });
}
function holding(lockPath, content) {
    let released = false;
    const release = () => {
        if (released)
            return;
        released = true;
        process.off('exit', release);
        try {
            // Only our own lock: never one a later run took after ours was broken as stale.
            if (external_node_fs_default().readFileSync(lockPath, 'utf8') === content)
                external_node_fs_default().unlinkSync(lockPath);
        }
        catch {
            /* already gone */
        }
    };
    process.on('exit', release);
    return { path: lockPath, release };
}

// EXTERNAL MODULE: ./src/workflow/selection.ts + 1 modules
var selection = __webpack_require__(35151);
// EXTERNAL MODULE: ./src/workflow/cache-keys.ts
var cache_keys = __webpack_require__(64480);
// EXTERNAL MODULE: ./src/data/atomic.ts
var atomic = __webpack_require__(27531);
// EXTERNAL MODULE: ./src/workflow/shard.ts
var shard = __webpack_require__(65661);
;// CONCATENATED MODULE: ./src/workflow/shard-run.ts
/**
 * Carrying out a shard's decision (`run --stage s --shard i/N`): the engine generates only the row
 * groups of the shard's block into the shard's own directory, which then describes itself
 * (ddflow-shard.json: fingerprint, i, N, the record range) and is saved to the cache store under the
 * shard's key. Output processors, dataset-level processors, statistics and on_success wait for the merge
 * (src/workflow/merge.ts); the stage's record in workflow-metadata.json is not touched.
 */







/** The shard's report (status completed), or throws with the report of the failed attempt in `failedReport`. */
async function generateShard(x) {
    const { ctx, step } = x;
    const { range, dir } = step.shard;
    const stage = ctx.workflow.stages[step.index];
    const fingerprint = step.fingerprint;
    const start = performance.now();
    const report = (record, status, cache, files, extra = {}) => ({
        index: step.index,
        name: stage.name,
        status,
        cache,
        decision: step.decision,
        reason: step.reason,
        fingerprint,
        stage_dir: dir,
        num_records_requested: range.endRecord - range.firstRecord,
        num_records_actual: record.output_records ?? 0,
        output_records: record.output_records ?? 0,
        duration_sec: Math.round(performance.now() - start) / 1000,
        tokens: record.tokens ?? (0,stage_record/* zeroTokens */.bN)(),
        ...(record.dropped_rows && Object.keys(record.dropped_rows).length ? { dropped_rows: record.dropped_rows } : {}),
        ...(files.length ? { output_files: files } : {}),
        shard: { index: range.index, count: range.count, first_record: range.firstRecord, end_record: range.endRecord },
        ...extra,
    });
    if (step.decision === 'cached' || step.decision === 'restore') {
        const record = (await (0,shard/* readShardRecord */.kg)(dir));
        return report(record, 'completed', step.decision === 'cached' ? 'reused' : 'restored', await (0,outputs/* parquetFilesAt */.Te)(external_node_path_default().join(dir, 'parquet-files')));
    }
    try {
        if (step.refused)
            throw new diagnostics/* DdflowError */.Zq(`Cannot resume workflow '${ctx.workflow.name}': shard ${range.index}/${range.count} of stage '${stage.name}' is not reusable (${step.reason.replace(/; mode 'always' stops here$/, '')}).`);
        await x.models.readyFrom(step.index);
    }
    catch (err) {
        // Nothing of the shard changed on disk: the run ends with this error and the report so far.
        const record = { output_records: 0 };
        throw Object.assign(err instanceof Error ? err : new diagnostics/* DdflowError */.Zq(String(err)), { failedReport: report(record, 'failed', 'miss', [], { error: err instanceof Error ? err.message : String(err) }) });
    }
    const callDir = external_node_path_default().join(ctx.workflowDir, stage_models/* CALL_CACHE_DIR */.WU);
    const segmentsBefore = new Set(await segments(callDir));
    const resume = step.decision === 'resume';
    if (!resume)
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    await external_node_fs_.promises.mkdir(dir, { recursive: true });
    const record = {
        workflow: ctx.workflow.name,
        stage: stage.name,
        stage_index: step.index,
        fingerprint,
        seed: x.seed,
        shard: range.index,
        count: range.count,
        num_records: step.num_records,
        buffer_size: ctx.workflow.runConfig.buffer_size,
        first_record: range.firstRecord,
        end_record: range.endRecord,
        first_group: range.firstGroup,
        end_group: range.endGroup,
        status: 'running',
    };
    await (0,shard/* writeShardRecord */.t)(dir, record);
    x.onEvent?.({ type: 'stage-start', index: step.index, stage: stage.name, numRecords: range.endRecord - range.firstRecord, resume, fingerprint, stageDir: dir, shard: { index: range.index, count: range.count } });
    const config = { ...stage.config, model_configs: (0,stage_models/* stageModelConfigs */.Tx)(ctx.workflow, stage), ...(x.upstream ? { seed_config: null } : {}) };
    try {
        const result = await (async () => {
            const upstreamFiles = x.upstream ? await (0,outputs/* parquetFilesAt */.Te)(x.upstream.outputPath) : undefined;
            return x.engine.runStage({
                stageName: stage.name,
                stageIndex: step.index,
                config,
                numRecords: step.num_records,
                stageDir: dir,
                seed: x.seed,
                runConfig: ctx.workflow.runConfig,
                upstream: upstreamFiles ? { files: upstreamFiles, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
                resume,
                models: x.models.runtimeFor(step.index),
                signal: x.signal,
                db: ctx.db,
                onProgress: x.onEvent ? (progress) => x.onEvent({ type: 'stage-progress', progress }) : undefined,
                log: x.log,
                groupRange: { first: range.firstGroup, end: range.endGroup },
            });
        })();
        x.signal?.throwIfAborted();
        Object.assign(record, { status: 'completed', output_records: result.numRecordsActual, tokens: result.tokens, dropped_rows: result.droppedRows, duration_sec: Math.round(performance.now() - start) / 1000 });
        await (0,shard/* writeShardRecord */.t)(dir, record);
        // The model answers this shard paid for travel with it, so the merge can hand them on (the call store).
        const own = (await segments(callDir)).filter((s) => !segmentsBefore.has(s));
        if (own.length > 0) {
            await external_node_fs_.promises.mkdir(external_node_path_default().join(dir, stage_models/* CALL_CACHE_DIR */.WU), { recursive: true });
            for (const s of own)
                await external_node_fs_.promises.copyFile(external_node_path_default().join(callDir, s), external_node_path_default().join(dir, stage_models/* CALL_CACHE_DIR */.WU, s));
        }
    }
    catch (err) {
        const message = x.signal?.aborted ? 'The run was cancelled.' : err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
        const failed = report(record, 'failed', 'miss', [], { error: message });
        throw Object.assign(new diagnostics/* DdflowError */.Zq(message.startsWith(`Stage '${stage.name}'`) || x.signal?.aborted ? message : `Stage '${stage.name}' (shard ${range.index}/${range.count}) failed: ${message}`, { cause: err }), { failedReport: failed });
    }
    let saved;
    const store = x.cacheStore;
    if (store && store.kind !== 'off') {
        const key = (0,shard/* shardCacheKey */._L)(ctx.cachePrefix, ctx.workflow.name, stage.name, fingerprint, range.index, range.count);
        saved = await store.save(key, dir).catch((err) => {
            x.log.warn(`Could not save shard ${range.index}/${range.count} of stage '${stage.name}' to the cache: ${err.message}`);
            return false;
        });
    }
    return report(record, 'completed', 'miss', await (0,outputs/* parquetFilesAt */.Te)(external_node_path_default().join(dir, 'parquet-files')), saved === undefined ? {} : { saved });
}
async function segments(dir) {
    return (await external_node_fs_.promises.readdir(dir).catch(() => [])).filter((n) => /^calls-.*\.jsonl$/.test(n));
}

// EXTERNAL MODULE: ./src/workflow/merge.ts
var merge = __webpack_require__(39545);
// EXTERNAL MODULE: ./src/llm/call-cache.ts
var call_cache = __webpack_require__(18620);
// EXTERNAL MODULE: ./src/llm/batch/deferred.ts
var deferred = __webpack_require__(36353);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(98193);
// EXTERNAL MODULE: ./src/llm/facade.ts + 2 modules
var facade = __webpack_require__(12697);
// EXTERNAL MODULE: ./src/llm/redact.ts
var redact = __webpack_require__(98890);
// EXTERNAL MODULE: ./src/llm/retry.ts
var retry = __webpack_require__(35709);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
;// CONCATENATED MODULE: ./src/llm/batch/provider-batch.ts






/** Statuses after which a batch changes no more. */
const TERMINAL = new Set(['completed', 'expired', 'failed', 'cancelled']);
function retried(endpoint, o, call) {
    return (0,retry/* withRetries */.LH)(call, { admission: endpoint.admission, policy: o.retryPolicy, context: endpoint.errorContext, signal: o.signal });
}
/** The JSONL a batch is made of: one request line per call, its call-store key as `custom_id`. */
function batchInputJsonl(calls) {
    return calls.map((c) => JSON.stringify({ custom_id: c.key, method: 'POST', url: c.url, body: c.body })).join('\n') + '\n';
}
/** The endpoint's openai client: provider batches are the OpenAI-compatible files and batches APIs. */
function openaiClient(endpoint) {
    const client = endpoint.client;
    if (!client.files || !client.batches) {
        throw new diagnostics/* DdflowError */.Zq(`Model alias '${endpoint.alias}' cannot use provider batches: provider '${endpoint.provider.name}' is not OpenAI-compatible (Anthropic message batches are not supported yet).`);
    }
    return client;
}
/** Uploads the calls and creates one batch over them; returns the batch and input file ids. */
async function submitBatch(endpoint, url, calls, o) {
    const content = Buffer.from(batchInputJsonl(calls), 'utf8');
    const file = await retried(endpoint, o, async () => openaiClient(endpoint).files.create({ file: await (0,openai/* toFile */.eZ)(content, 'ddflow-batch.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }, { timeout: endpoint.timeoutMs, signal: o.signal }));
    const batch = await retried(endpoint, o, () => openaiClient(endpoint).batches.create({ input_file_id: file.id, endpoint: url, completion_window: '24h', ...(o.description ? { metadata: { description: o.description.slice(0, 512) } } : {}) }, { timeout: endpoint.timeoutMs, signal: o.signal }));
    return { id: batch.id, inputFileId: file.id };
}
/**
 * The batch's state. A 404 for the id means the provider does not know this batch (purged, another
 * project or key, a call store restored from elsewhere): it is `unknown` and done, with no answers to
 * collect — not an unknown model, which is what a 404 means on the online endpoints.
 */
async function pollBatch(endpoint, id, o) {
    let b;
    try {
        b = await retried(endpoint, o, () => openaiClient(endpoint).batches.retrieve(id, { timeout: endpoint.timeoutMs, signal: o.signal }));
    }
    catch (err) {
        if (err instanceof errors/* LlmError */.Cf && err.status === 404)
            return { status: 'unknown', done: true };
        throw err;
    }
    return {
        status: b.status,
        done: TERMINAL.has(b.status),
        outputFileId: b.output_file_id ?? null,
        errorFileId: b.error_file_id ?? null,
        counts: b.request_counts ? { total: b.request_counts.total, completed: b.request_counts.completed, failed: b.request_counts.failed } : undefined,
    };
}
/** Reads a finished batch's output file into the call store; every request without a usable answer counts as failed. */
async function collectBatch(endpoint, state, requests, url, store, o) {
    const result = { answered: 0, failed: 0, tokens: { prompt: 0, completion: 0 } };
    const lines = [];
    for (const fileId of [state.outputFileId, state.errorFileId]) {
        if (!fileId)
            continue;
        const text = await retried(endpoint, o, async () => (await openaiClient(endpoint).files.content(fileId, { timeout: endpoint.timeoutMs, signal: o.signal })).text());
        for (const line of text.split('\n')) {
            if (!line.trim())
                continue;
            try {
                lines.push(JSON.parse(line));
            }
            catch {
                // An unreadable line is a request without an answer: resubmitted.
            }
        }
    }
    for (const line of lines) {
        if (typeof line.custom_id !== 'string')
            continue;
        const status = line.response?.status_code;
        if (status !== 200 || !line.response?.body) {
            // A provider's error text may echo the credential: it is logged only with the key removed.
            const why = line.error?.message ?? (status !== undefined ? `HTTP ${status}` : 'no answer');
            result.firstError ??= (0,redact/* redactAnswer */.s2)(why.slice(0, 200), endpoint.errorContext.secret).text;
            continue;
        }
        let answer;
        try {
            answer = url.endsWith('/embeddings') ? (0,facade/* toEmbedding */.$f)(line.response.body, endpoint) : (0,facade/* withoutSecret */.Nt)((0,facade/* toCompletion */.sY)(line.response.body, endpoint), endpoint.errorContext.secret);
        }
        catch (err) {
            result.firstError ??= err.message;
            continue;
        }
        store.put(line.custom_id, answer);
        result.answered++;
        result.tokens.prompt += answer.usage.prompt;
        result.tokens.completion += answer.usage.completion;
    }
    result.failed = Math.max(0, requests - result.answered);
    return result;
}

;// CONCATENATED MODULE: ./src/workflow/batch-stage.ts
/**
 * A stage in batch mode (issue 17 item 4: `--batch`, or `inference_parameters.batch: true`), one round
 * per run:
 *  1. its provider batches noted in the call store are polled (one request each): while one is still
 *     running, the stage stays `pending` and nothing else is sent; finished ones are read into the call
 *     store (failed, expired or missing requests are simply not there: the round below asks them again);
 *  2. the stage is generated as usual, every call answered by the store; a call the store cannot answer
 *     (a batched model's) is not sent but collected (src/llm/batch/deferred.ts), its row left out;
 *  3. when calls were collected, they are submitted as one batch per model, noted in the call store (so
 *     they travel with it through the Actions cache) and in workflow-metadata.json, and the run ends
 *     `pending`. When none were, the generated stage IS the result: the same rows as an online run,
 *     since every cell got the answer the online API would have given for the same request.
 * Columns that depend on a batched column are met only once its answers are in the store: the next round.
 */







/** What a stage left waiting on provider batches. */
class BatchPending {
    stage;
    batches;
    why;
    constructor(stage, batches, 
    /** `submitted` in this run, or still `running` from an earlier one. */
    why) {
        this.stage = stage;
        this.batches = batches;
        this.why = why;
    }
    /** The one line saying what is pending and when to look again. */
    message() {
        const requests = this.batches.reduce((a, b) => a + b.requests, 0);
        const ids = this.batches.map((b) => b.id).join(', ');
        const what = this.why === 'submitted' ? `submitted ${requests} model call${requests === 1 ? '' : 's'} as provider batch${this.batches.length === 1 ? '' : 'es'} ${ids}` : `provider batch${this.batches.length === 1 ? '' : 'es'} ${ids} (${requests} call${requests === 1 ? '' : 's'}) not finished yet (${[...new Set(this.batches.map((b) => b.status))].join(', ')})`;
        return `Stage '${this.stage}': ${what}; run the workflow again to collect the answers and go on — providers finish batches within their 24-hour window, often within an hour.`;
    }
}
/** Raised by the batch round's engine when the round ended with calls left to a batch. */
class RoundLeftCalls extends Error {
}
/** Whether any model call of the workflow may go through a provider batch (`--batch`, or a model's `batch: true`). */
function batchWanted(workflow, option) {
    if (option)
        return true;
    const models = [...workflow.modelConfigs, ...workflow.stages.flatMap((s) => s.config.model_configs ?? [])];
    return models.some((m) => m.inference_parameters?.batch === true);
}
/**
 * The models the sharded stage of a shard run would send through provider batches: every model it uses
 * with `--batch`, else those with `batch: true`. Empty when the stage can be sharded. Only the sharded
 * stage: one before it is usually reused, and when the shard job must generate it, it is an ordinary
 * stage whose batch round may leave the job pending (a stage batched cheaply, then sharded online, was
 * refused outright).
 */
function batchedModelsOfShardRun(workflow, stageName, option) {
    const out = new Set();
    for (const stage of workflow.stages.filter((s) => s.name === stageName)) {
        const used = new Set((0,stage_models/* usedModelAliases */.Li)(stage.config));
        for (const m of (0,stage_models/* stageModelConfigs */.Tx)(workflow, stage)) {
            if (used.has(m.alias) && (option || m.inference_parameters?.batch === true))
                out.add(m.alias);
        }
    }
    return [...out];
}
/** The seed of the newest open batch in the call store of `workflowDir` (a fresh machine draws the same rows). */
function openBatchSeed(workflowDir) {
    return call_cache/* CallCache */.F.openBatches(external_node_path_default().join(workflowDir, stage_models/* CALL_CACHE_DIR */.WU)).at(-1)?.seed;
}
/** One stage's batch round (after `models.readyFrom`); undefined when no model of the stage is batched. */
function batchRound(o) {
    const aliases = o.models.batchedAliases(o.index);
    return aliases.size === 0 ? undefined : new BatchRound(o, aliases);
}
class BatchRound {
    o;
    deferred;
    /** Answers collected from finished batches in this run (for the log and the stage record). */
    collected = { batches: 0, answered: 0, failed: 0 };
    constructor(o, aliases) {
        this.o = o;
        this.deferred = new deferred/* DeferredCalls */.Nv(aliases);
    }
    get store() {
        return this.o.models.store();
    }
    /**
     * The stage's open batches, whatever fingerprint they were submitted at: answers are keyed by request
     * (the call key), so an edit elsewhere in the stage (a later column's prompt) leaves an open batch's
     * requests the ones this round asks. Waiting for it and collecting it — instead of passing it by —
     * keeps those requests from being submitted (and paid for) twice, and closes the ticket.
     */
    tickets() {
        return call_cache/* CallCache */.F.openBatches(external_node_path_default().join(this.o.workflowDir, stage_models/* CALL_CACHE_DIR */.WU)).filter((t) => t.stage === this.o.stage && t.seed === this.o.seed);
    }
    /** Polls the stage's open batches and collects the finished ones; a BatchPending while any still runs. */
    async collect() {
        if (!this.store.enabled)
            throw new diagnostics/* DdflowError */.Zq('Batch mode keeps the answers of provider batches in the call store: it cannot run with --no-call-cache.');
        const registry = this.o.models.registryFor(this.o.index);
        const running = [];
        for (const t of this.tickets()) {
            const endpoint = registry.aliases().includes(t.alias) ? registry.get(t.alias) : undefined;
            if (!endpoint) {
                this.store.closeBatch(t.id);
                continue;
            }
            const state = await pollBatch(endpoint, t.id, { retryPolicy: this.o.retryPolicy, signal: this.o.signal });
            if (state.status === 'unknown') {
                // Closed without answers, as a failed or expired batch is: its requests go into the next batch.
                this.store.closeBatch(t.id);
                this.o.log.warn(`Stage '${this.o.stage}': provider batch ${t.id} (${t.alias}) is unknown to the provider (404): its ${t.requests} request${t.requests === 1 ? ' is' : 's are'} submitted again.`);
                continue;
            }
            if (!state.done) {
                running.push({ id: t.id, alias: t.alias, requests: t.requests, status: state.status, submitted_at: t.submitted_at });
                continue;
            }
            const got = await collectBatch(endpoint, state, t.requests, t.endpoint, this.store, { retryPolicy: this.o.retryPolicy, signal: this.o.signal });
            const edited = t.fingerprint !== this.o.fingerprint;
            this.store.closeBatch(t.id, { answered: got.answered, failed: got.failed, prompt_tokens: got.tokens.prompt, completion_tokens: got.tokens.completion, ...(edited ? { fingerprint: this.o.fingerprint } : {}) });
            if (edited)
                this.o.log.info(`Stage '${this.o.stage}': provider batch ${t.id} was submitted before the stage changed; its answers serve the requests that are still the same.`);
            this.collected.batches++;
            this.collected.answered += got.answered;
            this.collected.failed += got.failed;
            const failed = got.failed > 0 ? `; ${got.failed} failed or expired (${got.firstError ?? 'no answer'}) and are submitted again` : '';
            this.o.log.info(`Stage '${this.o.stage}': provider batch ${t.id} (${t.alias}) ${state.status}: ${got.answered} of ${t.requests} answers collected${failed}.`);
        }
        return running.length > 0 ? new BatchPending(this.o.stage, running, 'running') : undefined;
    }
    /**
     * What the stage's batches (this run's and earlier runs') brought: the stage's `model_usage` counts
     * their answers as call-store answers, so the tokens the provider billed for them are reported here.
     */
    usage() {
        const out = { batches: 0, answered: 0, failed: 0, prompt_tokens: 0, completion_tokens: 0 };
        for (const { ticket, collected } of call_cache/* CallCache */.F.batches(external_node_path_default().join(this.o.workflowDir, stage_models/* CALL_CACHE_DIR */.WU)).closed) {
            if (ticket.stage !== this.o.stage || (collected?.fingerprint ?? ticket.fingerprint) !== this.o.fingerprint || ticket.seed !== this.o.seed || !collected)
                continue;
            out.batches++;
            out.answered += collected.answered;
            out.failed += collected.failed;
            out.prompt_tokens += collected.prompt_tokens;
            out.completion_tokens += collected.completion_tokens;
        }
        return out;
    }
    /** The stage's model runtime for this round: batched aliases' missing answers are collected, not sent. */
    runtime() {
        return this.o.models.runtimeFor(this.o.index, this.deferred);
    }
    /** The engine for this round: a round that left calls to a batch ends there (no output processors, no on_success). */
    engine(inner) {
        return {
            runStage: async (input) => {
                let result;
                try {
                    result = await inner.runStage(input);
                }
                catch (err) {
                    // Rows left out because their calls wait in a batch may leave a group short or the stage empty.
                    if (this.deferred.size > 0)
                        throw new RoundLeftCalls();
                    throw err;
                }
                if (this.deferred.size > 0)
                    throw new RoundLeftCalls();
                return result;
            },
            runDatasetProcessors: (input) => inner.runDatasetProcessors(input),
        };
    }
    /** True for the error the round's engine ends a round with when calls were left to a batch. */
    isLeftCalls(err) {
        return err instanceof RoundLeftCalls;
    }
    /** Submits the calls collected in this round (one batch per model), notes them, and clears the stage's partial output. */
    async submit(stageDir) {
        await external_node_fs_.promises.rm(stageDir, { recursive: true, force: true });
        const registry = this.o.models.registryFor(this.o.index);
        const out = [];
        for (const [alias, calls] of this.deferred.byAlias()) {
            const endpoint = registry.get(alias);
            // One endpoint per batch: a model's chat and embedding calls never mix (a model has one kind).
            const url = calls[0].url;
            const { id, inputFileId } = await submitBatch(endpoint, url, calls, { retryPolicy: this.o.retryPolicy, signal: this.o.signal, description: `ddflow stage ${this.o.stage}` });
            const ticket = { id, stage: this.o.stage, fingerprint: this.o.fingerprint, seed: this.o.seed, alias, endpoint: url, input_file_id: inputFileId, requests: calls.length, submitted_at: new Date().toISOString() };
            this.store.noteBatch(ticket);
            out.push({ id, alias, requests: calls.length, status: 'submitted', submitted_at: ticket.submitted_at });
        }
        return new BatchPending(this.o.stage, out, 'submitted');
    }
}

;// CONCATENATED MODULE: ./src/workflow/run.ts
/**
 * The stage loop: Data Designer's CompositeWorkflow driven by a workflow file. Stages are taken in
 * order; each is decided by the plan's one rule (src/workflow/plan.ts: decideStage) with what the stages
 * before it actually handed down, then carried out: its output reused or restored, or generated
 * (src/workflow/execute-stage.ts), then handed to the next stage as its seed. workflow-metadata.json is
 * rewritten atomically at every status change (src/workflow/run-book.ts).
 */























/**
 * A budget must hold back every dollar a run spends, and what a provider bills for a batch is known only
 * when its answers come back (they are then call-store answers): rather than a budget that batches slip
 * past, the combination is refused with one sentence.
 */
function refuseBudgetWithBatches(workflow, options) {
    const budget = budgetLimits(workflow, options);
    if ((budget.maxCostUsd == null && budget.maxTotalTokens == null) || !batchWanted(workflow, options.batch))
        return;
    throw new diagnostics/* DdflowError */.Zq('A budget (run_config.max_cost_usd / max_total_tokens, --max-cost / --max-tokens) cannot be combined with provider batches (--batch or a model\'s batch: true) yet: what a batch costs is known only once it is collected, so the budget could not hold it back. Run the batches without a budget, or the budget without batches.');
}
/**
 * A shard job must end with its block generated, and the shard run has no batch round (it would send
 * every call online at full price, without the health check batched models skip): refused, one sentence.
 */
function refuseBatchesInShard(workflow, options) {
    if (!options.shard)
        return;
    const batched = batchedModelsOfShardRun(workflow, options.shard.stage, options.batch);
    if (batched.length === 0)
        return;
    throw new diagnostics/* DdflowError */.Zq(`A sharded run (--shard) cannot use provider batches yet (${options.batch ? '--batch' : `batch: true on model${batched.length === 1 ? '' : 's'} ${batched.map((a) => `'${a}'`).join(', ')}`}): a shard job must finish its block in one run, so run the sharded stage online (leave out --batch, or batch: true for these models), or in batch mode without --shard.`);
}
async function runWorkflow(workflow, options) {
    // A wrong export extension is known now: say so before any stage runs, not after all of them.
    if (options.exportPath)
        (0,dataset.exportFormatOf)(options.exportPath);
    refuseBudgetWithBatches(workflow, options);
    refuseBatchesInShard(workflow, options);
    const db = await (0,database.openDatabase)();
    let models;
    let releaseLock = () => { };
    try {
        // One run at a time writes a workflow's artifact directory (plan, validate and export only read).
        releaseLock = (await lockWorkflowDir((0,selection/* workflowDirOf */.y9)(workflow, options.artifactPath), options.log)).release;
        const only = options.shard?.stage ?? options.merge?.stage;
        const ctx = await (0,plan/* planContext */.nV)(workflow, only ? { ...options, targets: [only] } : options, db, true);
        const engine = options.engine ?? (0,execute_stage/* lazyEngine */.t)();
        await external_node_fs_.promises.mkdir(ctx.workflowDir, { recursive: true });
        // A fresh machine collecting provider batches draws the rows with the seed they were asked with.
        const seed = options.shard || options.merge
            ? (0,shard/* requireShardSeed */.f5)(ctx.options.seed, workflow.name, options.shard ? 'a sharded run' : 'a merge of shards')
            : (ctx.options.seed ?? ctx.prior?.seed ?? (batchWanted(workflow, options.batch) ? openBatchSeed(ctx.workflowDir) : undefined) ?? (0,random/* randomSeed */.vo)());
        const env = options.env ?? process.env;
        models = new stage_models/* ModelSession */.Wh({
            workflow,
            targetIndex: ctx.selection.targetIndex,
            env,
            retryPolicy: options.retryPolicy ?? (0,llm/* retryPolicyFromEnv */.ed)(env),
            callCache: options.callCache !== false,
            workflowDir: ctx.workflowDir,
            signal: options.signal,
            log: options.log,
            budget: budgetLimits(workflow, options),
            batch: options.batch,
        });
        const book = new RunBook(workflow, ctx, seed, options.seed, options.onEvent);
        const session = models;
        book.cost = () => session.runCost();
        let upstream;
        for (let index = 0; index <= ctx.selection.targetIndex; index++) {
            if (options.signal?.aborted)
                await book.cancelled(index, upstream);
            const decidedFrom = performance.now(); // a restore happens while deciding: it is part of the stage's time
            const step = await (0,plan/* decideStage */.Nw)(ctx, index, upstream);
            if (step.shard) {
                const shardRun = { ctx, step, engine, models, seed, upstream: book.upstreamOutput(), cacheStore: options.cacheStore, signal: options.signal, onEvent: options.onEvent, log: options.log };
                const shard = await generateShard(shardRun).catch((err) => {
                    const failedReport = err.failedReport;
                    if (!failedReport)
                        throw err;
                    return book.closeShard(failedReport, { message: err.message, cause: err });
                });
                return await book.closeShard(shard);
            }
            const record = book.open(step, upstream, options.log, decidedFrom);
            if (step.decision === 'skipped') {
                upstream = await book.skip(record, upstream);
                continue;
            }
            const outcome = step.outcome ?? (await generateStage({ ctx, step, record, book, engine, models, seed, options }));
            if (outcome instanceof BatchPending)
                return await book.pending(record, outcome);
            upstream = await book.complete(record, step, outcome);
        }
        return await book.finish(options.exportPath);
    }
    finally {
        await models?.close();
        db.close();
        releaseLock();
    }
}
/** `run` or `resume`: generates the stage, records it as completed and saves it to the cache store. */
async function generateStage(x) {
    const { ctx, step, record, book, options } = x;
    const stage = ctx.workflow.stages[step.index];
    if (step.refused)
        await book.abandon(record, new diagnostics/* DdflowError */.Zq(`Cannot resume workflow '${ctx.workflow.name}': stage '${stage.name}' is not reusable (${step.reason.replace(/; mode 'always' stops here$/, '')}).`));
    // The first stage that must generate checks every key it and the later stages need, and that their
    // models answer, before anything about it changes on disk.
    // A merge has every row already: it needs no key and makes no model call.
    if (!step.merge)
        await x.models.readyFrom(step.index).catch((err) => book.abandon(record, err));
    const stageDir = external_node_path_default().join(ctx.workflowDir, record.stage_dir);
    const resume = step.decision === 'resume';
    const store = options.cacheStore;
    const start = performance.now();
    const seed = step.resumeSeed ?? x.seed;
    const retryPolicy = options.retryPolicy ?? (0,llm/* retryPolicyFromEnv */.ed)(options.env ?? process.env);
    const batch = batchRound({ models: x.models, index: step.index, stage: stage.name, fingerprint: step.fingerprint, seed, workflowDir: ctx.workflowDir, retryPolicy, signal: options.signal, log: options.log });
    try {
        // Batch mode: while a provider batch of the stage still runs, nothing else is sent or changed.
        const running = await batch?.collect();
        if (running)
            return running;
        if (!resume)
            await external_node_fs_.promises.rm(stageDir, { recursive: true, force: true });
        await book.started(record, stageDir, step, store !== undefined && store.kind !== 'off');
        // An unfinished stage directory names its stage and fingerprint too: a partial cache entry saved from
        // it (the Action's post step) is checked against them before a run resumes from its row groups.
        await external_node_fs_.promises.mkdir(stageDir, { recursive: true });
        await (0,atomic/* writeJsonAtomic */.ZJ)(external_node_path_default().join(stageDir, metadata/* STAGE_RECORD_FILENAME */.te), { ...record, cache: undefined, saved: undefined });
        const outcome = await (0,execute_stage/* executeStage */._v)({
            db: ctx.db,
            engine: batch ? batch.engine(x.engine) : x.engine,
            workflow: ctx.workflow,
            stage,
            index: step.index,
            stageDir,
            workflowDir: ctx.workflowDir,
            numRecords: step.num_records,
            seed,
            config: record.config,
            upstream: book.upstreamOutput(),
            resume,
            models: step.merge ? (0,merge/* mergeRuntime */.Ng)(stage.name, step.merge.tokens) : batch ? batch.runtime() : x.models.runtimeFor(step.index),
            ...(step.merge ? { assembled: { stoppedEarly: step.merge.stoppedEarly } } : {}),
            signal: options.signal,
            onProgress: options.onEvent ? (progress) => options.onEvent({ type: 'stage-progress', progress }) : undefined,
            log: options.log,
        });
        if (outcome.outputRecords === 0 && !stage.allowEmpty) {
            throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}' produced an empty output (set allow_empty: true to skip the later stages instead).`);
        }
        Object.assign(record, (0,stage_record/* outcomeFields */.eh)(outcome, ctx.workflowDir), { duration_sec: run_seconds(start) }, batch ? { batch_usage: batch.usage() } : {});
        delete record.resumable;
        // The stage directory describes itself, so a copy restored from the cache store is usable alone.
        const ownStatus = outcome.outputRecords === 0 ? 'completed_empty' : 'completed';
        await (0,atomic/* writeJsonAtomic */.ZJ)(external_node_path_default().join(stageDir, metadata/* STAGE_RECORD_FILENAME */.te), { ...record, status: ownStatus, cache: undefined, saved: undefined });
        await book.save();
        if (!outcome.droppedRows || Object.keys(outcome.droppedRows).length === 0)
            x.models.markAnswered(step.fingerprint, step.resumeSeed ?? x.seed);
        // A stage that shut down early is not saved under its permanent key: an entry cannot be replaced, and
        // the run that completes it must be the one saved there (the next run continues it from its directory).
        const stoppedEarly = (await (0,artifacts/* readMetadata */._6)(stageDir))?.early_shutdown === true;
        if (store && store.kind !== 'off' && !stoppedEarly)
            record.saved = await saveToStore(store, ctx, stage.name, step.fingerprint, stageDir, options.log);
        else if (store && store.kind !== 'off')
            options.log.info(`Stage '${stage.name}' stopped early, so it is not saved to the cache store; a later run continues it here, or generates it again elsewhere (with the answers the call store kept).`);
        return outcome;
    }
    catch (err) {
        // What the stage spent before it failed (or its budget stopped it) stays on record.
        const usage = x.models.stageUsage(step.index);
        if (batch?.isLeftCalls(err) && !options.signal?.aborted) {
            try {
                return await batch.submit(stageDir);
            }
            catch (submitErr) {
                return book.failed(record, submitErr, false, run_seconds(start), undefined, usage);
            }
        }
        return book.failed(record, err, options.signal?.aborted === true, run_seconds(start), stageDir, usage);
    }
}
async function saveToStore(store, ctx, stage, fingerprint, stageDir, log) {
    const key = (0,cache_keys/* stageCacheKey */.KK)(ctx.cachePrefix, ctx.workflow.name, stage, fingerprint);
    return store.save(key, stageDir).catch((err) => {
        log.warn(`Could not save stage '${stage}' to the cache: ${err.message}`);
        return false;
    });
}
function run_seconds(start) {
    return Math.round(performance.now() - start) / 1000;
}
// The runner's parts, re-exported where callers have always found them.








/***/ })

};
