export const id = 944;
export const ids = [944];
export const modules = {

/***/ 70944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: runCli

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * A small command-line parser over node:util parseArgs: global flags (--help, --version, --debug), a
 * command name, and per-command options. Every mistake is a UsageError: one line plus the usage, exit 2.
 */

class UsageError extends Error {
    usage;
    constructor(message, usage) {
        super(message);
        this.usage = usage;
        this.name = 'UsageError';
    }
}
const GLOBAL_OPTIONS = {
    help: { type: 'boolean', short: 'h', description: 'Show help (for a command: `ddflow <command> --help`).' },
    version: { type: 'boolean', short: 'V', description: 'Print the ddflow version.' },
    debug: { type: 'boolean', description: 'Print stack traces of errors.' },
};
/** Splits global flags (anywhere before the command) from the command and its arguments. */
function splitGlobal(argv) {
    const out = { rest: [], help: false, version: false, debug: false };
    let i = 0;
    for (; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--help' || a === '-h')
            out.help = true;
        else if (a === '--version' || a === '-V')
            out.version = true;
        else if (a === '--debug')
            out.debug = true;
        else
            break;
    }
    if (i < argv.length) {
        out.command = argv[i];
        out.rest = argv.slice(i + 1);
    }
    return out;
}
/** Parses a command's arguments; throws UsageError on unknown options, missing values or wrong arity. */
function parseCommandArgs(command, argv) {
    const options = { ...command.options, help: GLOBAL_OPTIONS.help, debug: GLOBAL_OPTIONS.debug };
    const config = {};
    for (const [name, spec] of Object.entries(options)) {
        config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], options: config, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new UsageError(cleanParseError(err), command.usage);
    }
    const help = parsed.values.help === true;
    const debug = parsed.values.debug === true;
    const { help: _h, debug: _d, ...values } = parsed.values;
    if (!help && command.positionals) {
        const { min, max } = command.positionals;
        const n = parsed.positionals.length;
        if (n < min)
            throw new UsageError(`missing argument${min - n > 1 ? 's' : ''} for '${command.name}'`, command.usage);
        if (n > max)
            throw new UsageError(`unexpected argument '${parsed.positionals[max]}' for '${command.name}'`, command.usage);
    }
    return { positionals: parsed.positionals, options: values, debug, help };
}
/** node's messages are long ("Unknown option '--x'. To specify a positional argument starting with a '-', ..."). */
function cleanParseError(err) {
    const message = err instanceof Error ? err.message : String(err);
    const first = message.split('. ')[0].replace(/\.$/, '');
    return first.charAt(0).toLowerCase() + first.slice(1);
}
function formatOptions(options) {
    const rows = Object.entries(options).map(([name, spec]) => {
        const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
        return [flag, spec.description + (spec.multiple ? ' (repeatable)' : '')];
    });
    const width = Math.max(0, ...rows.map(([f]) => f.length));
    return rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
}
function commandHelp(command) {
    const lines = [`usage: ${command.usage}`, '', command.summary];
    const opts = formatOptions({ ...command.options, help: GLOBAL_OPTIONS.help, debug: GLOBAL_OPTIONS.debug });
    lines.push('', 'options:', ...opts);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/workflow/load.ts + 15 modules
var load = __webpack_require__(55168);
;// CONCATENATED MODULE: ./src/cli/commands/validate.ts
/** `ddflow validate <workflow-file>`: load + schema + semantic checks; every problem as path:line:col. */


function byLocation(a, b) {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb)
        return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0);
}
const validateCommand = {
    name: 'validate',
    summary: 'Check a workflow file (schema and semantic rules) without running anything.',
    usage: 'ddflow validate <workflow-file>',
    options: {},
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const file = args.positionals[0];
        try {
            const workflow = await (0,load/* loadWorkflow */.G)(file, { cwd: io.cwd });
            for (const w of [...workflow.warnings].sort(byLocation))
                io.stderr((0,diagnostics/* formatDiagnostic */.xy)(w, io.cwd) + '\n');
            io.stdout(`ok: ${workflow.name} (${workflow.stages.length} stage${workflow.stages.length === 1 ? '' : 's'})\n`);
            return 0;
        }
        catch (err) {
            if (!(err instanceof diagnostics/* ValidationError */.yI))
                throw err;
            for (const d of [...err.diagnostics].sort(byLocation))
                io.stderr((0,diagnostics/* formatDiagnostic */.xy)(d, io.cwd) + '\n');
            io.stderr(`${err.message}\n`);
            return 1;
        }
    },
};

// EXTERNAL MODULE: ./src/workflow/plan.ts
var workflow_plan = __webpack_require__(74510);
;// CONCATENATED MODULE: ./src/cli/progress.ts
function cliLogger(io, debug, beforeWrite = () => { }) {
    return {
        info: (m) => {
            beforeWrite();
            io.stderr(`${m}\n`);
        },
        warn: (m) => {
            beforeWrite();
            io.stderr(`warning: ${m}\n`);
        },
        debug: (m) => {
            if (!debug)
                return;
            beforeWrite();
            io.stderr(`debug: ${m}\n`);
        },
    };
}
/** `1 row`, `2 rows`, `0 records`. */
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/**
 * Why the final stage has no output, or undefined when it has one: skipped behind an empty upstream
 * (named), or empty itself (allowed by allow_empty).
 */
function noOutputReason(report) {
    const final = report.stages[report.stages.length - 1];
    if (!final || (report.final_output_files?.length ?? 0) > 0)
        return undefined;
    if (final.status === 'skipped_empty_upstream') {
        const empty = report.stages.find((s) => s.status === 'completed_empty');
        const cause = empty ? `upstream stage '${empty.name}' produced no records` : 'an upstream stage produced no records';
        return `skipped, so there is no output: ${cause} (allow_empty: true skips the later stages)`;
    }
    if (final.status === 'completed_empty')
        return 'no records: its output is empty (allowed by allow_empty: true)';
    return `no output (${final.status})`;
}
function formatDuration(sec) {
    if (!Number.isFinite(sec))
        return '?';
    if (sec < 60)
        return `${sec < 10 ? sec.toFixed(1) : Math.round(sec)}s`;
    const m = Math.floor(sec / 60);
    const s = Math.round(sec % 60);
    if (m < 60)
        return `${m}m${String(s).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
function progressText(p, elapsedSec) {
    const rate = elapsedSec > 0 ? p.rowsDone / elapsedSec : 0;
    const eta = rate > 0 ? (p.rowsTotal - p.rowsDone) / rate : Infinity;
    const tokens = p.tokens.prompt + p.tokens.completion > 0 ? `  tokens ${p.tokens.prompt}+${p.tokens.completion}` : '';
    const text = `${p.rowsDone}/${p.rowsTotal} rows  ${rate.toFixed(1)} rows/s  ETA ${p.rowsDone >= p.rowsTotal ? '0s' : formatDuration(eta)}${tokens}`;
    return { rate, eta, text };
}
function progressReporter(io, options) {
    const now = options.now ?? (() => Date.now());
    const interval = options.intervalMs ?? 5000;
    let stageStart = now();
    let lastLine = 0;
    let barShown = false;
    const clear = () => {
        if (barShown) {
            io.stderr('\r\x1b[2K');
            barShown = false;
        }
    };
    return {
        clear,
        onEvent(event) {
            if (event.type === 'stage-start') {
                clear();
                stageStart = now();
                lastLine = stageStart;
                io.stderr(`> ${event.stage}: ${event.resume ? 'resuming' : 'running'} (${count(event.numRecords, 'record')})\n`);
            }
            else if (event.type === 'stage-progress') {
                const p = event.progress;
                const { text } = progressText(p, (now() - stageStart) / 1000);
                if (options.tty) {
                    const width = 24;
                    const filled = p.rowsTotal > 0 ? Math.min(width, Math.round((p.rowsDone / p.rowsTotal) * width)) : 0;
                    io.stderr(`\r\x1b[2K${p.stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
                    barShown = true;
                }
                else if (now() - lastLine >= interval) {
                    lastLine = now();
                    io.stderr(`  ${p.stage}: ${text}\n`);
                }
            }
            else {
                clear();
                const r = event.report;
                const extra = r.error ? `: ${r.error}` : '';
                io.stderr(`${r.status === 'failed' ? 'x' : '*'} ${r.name}: ${r.status} (${count(r.output_records, 'row')}, ${formatDuration(r.duration_sec)}, cache ${r.cache})${extra}\n`);
            }
        },
    };
}
/** Model calls of a stage: `calls` (answers), with cached answers and retried attempts when any. */
function callsText(s) {
    const u = s.model_usage?.total;
    if (!u)
        return '-';
    const extra = [u.cached_calls > 0 ? `${u.cached_calls} cached` : '', u.retries > 0 ? `${u.retries} retries` : ''].filter(Boolean).join(', ');
    return extra ? `${u.calls} (${extra})` : String(u.calls);
}
/** The end-of-run table: stage, status, cache, rows, time, model calls, tokens (prompt+completion). */
function summaryTable(stages) {
    const header = ['stage', 'status', 'cache', 'rows', 'time', 'calls', 'tokens (prompt+completion)'];
    const rows = stages.map((s) => [
        s.name,
        s.status,
        s.cache,
        String(s.output_records),
        formatDuration(s.duration_sec),
        callsText(s),
        s.tokens.prompt + s.tokens.completion > 0 ? `${s.tokens.prompt}+${s.tokens.completion}` : '0',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/workflow/run.ts + 4 modules
var run = __webpack_require__(77181);
;// CONCATENATED MODULE: ./src/cli/commands/run-options.ts
/** Options shared by `ddflow run` and `ddflow plan` (selection of stages, resume, counts, overrides). */







const SELECTION_OPTIONS = {
    resume: { type: 'string', value: 'MODE', description: 'never | if_possible (default) | always.' },
    targets: { type: 'string', value: 'a,b', description: 'Run up to these stages only.' },
    'rerun-from': { type: 'string', value: 'STAGE', description: 'Force this stage and its descendants to rerun.' },
    override: { type: 'string', multiple: true, value: 'STAGE=PATH', description: "Replace a stage's output with a reviewed parquet file or directory." },
    'num-records': { type: 'string', value: 'N', description: 'Records of the first stage.' },
    seed: { type: 'string', value: 'N', description: 'Workflow seed (overrides the file).' },
    'artifact-path': { type: 'string', value: 'DIR', description: 'Where stage directories go (overrides the file).' },
};
/** `flag`: the option's name (`seed` → `--seed`), or its spelling(s) as shown when it has a short form (`-n/--num-records`). */
function positiveInt(value, flag, usage, min = 1, max = Number.MAX_SAFE_INTEGER) {
    if (value === undefined)
        return undefined;
    const name = flag.startsWith('-') ? flag : `--${flag}`;
    if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`${name} must be an integer >= ${min}, got '${value}'`, usage);
    }
    if (Number(value) > max)
        throw new UsageError(`${name} must be at most ${max.toLocaleString('en-US')}, got '${value}'`, usage);
    return Number(value);
}
function selectionOptions(args, cwd, usage) {
    const o = args.options;
    const resume = o.resume;
    if (resume !== undefined && !run/* RESUME_MODES */.XR.includes(resume)) {
        throw new UsageError(`--resume must be one of ${run/* RESUME_MODES */.XR.join(', ')}, got '${resume}'`, usage);
    }
    const overrides = {};
    for (const spec of o.override ?? []) {
        const eq = spec.indexOf('=');
        if (eq <= 0 || eq === spec.length - 1)
            throw new UsageError(`--override must look like stage=path, got '${spec}'`, usage);
        overrides[spec.slice(0, eq)] = external_node_path_default().resolve(cwd, spec.slice(eq + 1));
    }
    const targets = o.targets
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    const artifactPath = o['artifact-path'];
    if (o['rerun-from'] !== undefined && resume === 'never') {
        throw new UsageError('--rerun-from needs --resume if_possible or always (never reruns every stage anyway)', usage);
    }
    return {
        resume: resume,
        targets: targets && targets.length ? targets : undefined,
        rerunFrom: o['rerun-from'],
        overrides,
        numRecords: positiveInt(o['num-records'], 'num-records', usage, 1, schema/* MAX_NUM_RECORDS */.RR),
        seed: positiveInt(o.seed, 'seed', usage, 0),
        artifactPath: artifactPath ? external_node_path_default().resolve(cwd, artifactPath) : undefined,
    };
}
/**
 * Bad usage that the workflow file reveals (exit 2, before any stage runs): stage names in --targets,
 * --rerun-from and --override that the file does not have, or that come after the last target.
 */
function checkSelectionAgainst(workflow, selection, usage) {
    const problem = (0,run/* selectionError */.$1)(workflow, selection, 'cli');
    if (problem)
        throw new UsageError(problem, usage);
    const artifacts = (0,load/* artifactDirectoryProblem */.v)(selection.artifactPath ?? workflow.artifactPath, workflow.name);
    if (artifacts)
        throw new diagnostics/* DdflowError */.Zq(artifacts);
}
/** An output file's extension picks the format: a wrong one is bad usage (exit 2), found before anything runs. */
function checkExportPath(file, flag, usage) {
    try {
        (0,dataset/* exportFormatOf */.rP)(file);
    }
    catch {
        throw new UsageError(`${flag} must end in .jsonl, .csv or .parquet, got '${file}'`, usage);
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/plan.ts
/** `ddflow plan <workflow-file>`: per stage its decision (cached | restore | resume | run | skipped), fingerprint, rows, model calls and why. */




const USAGE = 'ddflow plan <workflow-file> [options]';
const planCommand = {
    name: 'plan',
    summary: 'Show what a run would do per stage (cached, resume, run or skipped) and why; calls no model.',
    usage: USAGE,
    options: { ...SELECTION_OPTIONS, json: { type: 'boolean', description: 'Print the plan as a JSON array (the same fields as the table).' } },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const selection = selectionOptions(args, io.cwd, USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        checkSelectionAgainst(workflow, selection, USAGE);
        const plan = await (0,workflow_plan/* buildPlan */.Gg)(workflow, { ...selection, log: cliLogger(io, args.debug) });
        if (args.options.json === true)
            io.stdout(`${JSON.stringify(plan.stages.map(workflow_plan/* planEntryJson */.sF), null, 2)}\n`);
        else
            io.stdout((0,workflow_plan/* formatPlanTable */.pp)(plan));
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/cli/commands/run.ts
/** `ddflow run <workflow-file> [options]`: runs the workflow, resuming what still matches. */






const run_USAGE = 'ddflow run <workflow-file> [options]';
const runCommand = {
    name: 'run',
    summary: 'Run the workflow (stages that still match are reused).',
    usage: run_USAGE,
    options: {
        ...SELECTION_OPTIONS,
        export: { type: 'string', value: 'FILE', description: "Export the final stage's output (.jsonl, .csv or .parquet)." },
        'no-call-cache': { type: 'boolean', description: 'Do not reuse or keep model answers.' },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        // Mistakes in the arguments are found before anything runs: first those the arguments alone show,
        // then stage names the file does not have.
        const selection = selectionOptions(args, io.cwd, run_USAGE);
        const exportArg = args.options.export;
        if (exportArg !== undefined)
            checkExportPath(exportArg, '--export', run_USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        checkSelectionAgainst(workflow, selection, run_USAGE);
        const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI });
        const log = cliLogger(io, args.debug, () => progress.clear());
        for (const w of workflow.warnings)
            log.warn(w.message);
        // Ctrl-C / SIGTERM: abandon in-flight work, leave the stage resumable, exit non-zero.
        const controller = new AbortController();
        let signalName;
        const onSignal = (sig) => {
            if (signalName)
                return;
            signalName = sig;
            progress.clear();
            io.stderr(`\nReceived ${sig}: stopping; completed row groups are kept for the next run.\n`);
            controller.abort();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
            const report = await (0,run/* runWorkflow */.FZ)(workflow, {
                ...selection,
                exportPath: exportArg ? external_node_path_default().resolve(io.cwd, exportArg) : undefined,
                callCache: args.options['no-call-cache'] !== true,
                env: io.env,
                signal: controller.signal,
                onEvent: (e) => progress.onEvent(e),
                log,
            });
            progress.clear();
            io.stderr(`\n${summaryTable(report.stages)}`);
            const files = report.final_output_files ?? [];
            const none = noOutputReason(report);
            if (none || files.length === 0)
                io.stdout(`${report.final_stage}: ${none ?? 'no output'}\n`);
            else
                io.stdout(`${report.final_stage}: ${count(report.final_records, 'record')} in ${(0,diagnostics/* displayPath */.Gt)(external_node_path_default().dirname(files[0]), io.cwd)}\n`);
            if (report.export_path)
                io.stdout(`exported ${count(report.final_records, 'record')} to ${(0,diagnostics/* displayPath */.Gt)(report.export_path, io.cwd)}\n`);
            return 0;
        }
        catch (err) {
            progress.clear();
            if (err instanceof run/* WorkflowRunError */.HN) {
                io.stderr(`\n${summaryTable(err.report.stages)}`);
                // A failure that belongs to a config node (a column a template names, a sql query) is printed at it.
                const located = err.diagnostics.length === 1 && err.diagnostics[0].location ? (0,diagnostics/* formatDiagnostic */.xy)(err.diagnostics[0], io.cwd) : err.message;
                io.stderr(`${located}\n`);
                return signalName === 'SIGINT' ? 130 : signalName === 'SIGTERM' ? 143 : 1;
            }
            throw err;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    },
};

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
;// CONCATENATED MODULE: ./src/cli/commands/preview.ts
/** `ddflow preview <workflow-file> [-n N]`: every stage with N records in a temporary directory; prints sample rows. */










const preview_USAGE = 'ddflow preview <workflow-file> [-n N]';
const previewCommand = {
    name: 'preview',
    summary: 'Run every stage with a few records in a temporary directory and print sample rows.',
    usage: preview_USAGE,
    options: {
        'num-records': { type: 'string', short: 'n', value: 'N', description: 'Records per stage (default 10).' },
        seed: { type: 'string', value: 'N', description: 'Workflow seed (overrides the file).' },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        const n = positiveInt(args.options['num-records'], '-n/--num-records', preview_USAGE, 1, schema/* MAX_NUM_RECORDS */.RR) ?? 10;
        const seed = positiveInt(args.options.seed, 'seed', preview_USAGE, 0);
        const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) });
        const log = cliLogger(io, args.debug, () => progress.clear());
        const tmp = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'ddflow-preview-'));
        try {
            const report = await (0,run/* runWorkflow */.FZ)(workflow, { resume: 'never', previewRecords: n, seed, artifactPath: tmp, callCache: false, onEvent: (e) => progress.onEvent(e), log });
            progress.clear();
            io.stderr(`\n${summaryTable(report.stages)}`);
            const files = report.final_output_files ?? [];
            if (files.length === 0) {
                io.stdout(`${report.final_stage}: ${noOutputReason(report) ?? 'no output'}\n`);
                return 0;
            }
            const db = await (0,database/* openDatabase */.qI)();
            try {
                const rows = await (0,dataset/* readRows */.aK)(db, files, { limit: n });
                io.stdout(`${report.final_stage}: ${count(report.final_records, 'record')} (showing ${rows.length})\n`);
                for (const row of rows)
                    io.stdout(`${JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
            }
            finally {
                db.close();
            }
            return 0;
        }
        catch (err) {
            if (err instanceof run/* WorkflowRunError */.HN) {
                progress.clear();
                io.stderr(`\n${summaryTable(err.report.stages)}${err.message}\n`);
                return 1;
            }
            throw err;
        }
        finally {
            await external_node_fs_.promises.rm(tmp, { recursive: true, force: true });
        }
    },
};

// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(86999);
// EXTERNAL MODULE: ./src/workflow/metadata.ts
var workflow_metadata = __webpack_require__(55800);
// EXTERNAL MODULE: ./src/workflow/outputs.ts
var outputs = __webpack_require__(26327);
// EXTERNAL MODULE: ./src/workflow/selection.ts
var selection = __webpack_require__(26211);
;// CONCATENATED MODULE: ./src/workflow/export.ts
/**
 * `ddflow export`: the selected output of the final (or a named) stage of the last run, as one
 * jsonl/csv/parquet file. It reads workflow-metadata.json, so it works on a downloaded or moved
 * artifact directory too, and follows `output: processor:<name>`, on_success and overrides.
 */










async function exportStageOutput(workflow, outPath, 
/** `cwd`: paths in messages are shown relative to it. */
options = {}) {
    (0,dataset/* exportFormatOf */.rP)(outPath);
    const name = options.stage ?? workflow.stages[workflow.stages.length - 1].name;
    if (!workflow.stages.some((s) => s.name === name))
        throw new diagnostics/* DdflowError */.Zq(`Unknown stage '${name}'.`);
    const workflowDir = (0,selection/* workflowDirOf */.y9)(workflow, options.artifactPath);
    if (!(await external_node_fs_.promises.stat((0,workflow_metadata/* metadataPath */.xT)(workflowDir)).catch(() => undefined))) {
        throw new diagnostics/* DdflowError */.Zq(`There is no run of workflow '${workflow.name}' to export yet: ${(0,diagnostics/* displayPath */.Gt)(workflowDir, options.cwd)} has no ${workflow_metadata/* WORKFLOW_METADATA_FILENAME */.m2}; run 'ddflow run ${(0,diagnostics/* displayPath */.Gt)(workflow.file, options.cwd)}' first (or pass --artifact-path where its artifacts are).`);
    }
    const refused = [];
    const log = { ...logger/* silentLogger */.q, warn: (m) => void refused.push(m) };
    const metadata = await (0,workflow_metadata/* readPriorMetadata */.CB)(workflowDir, workflow.name, 'always', log, { requireFile: true });
    const rec = metadata.stages.find((s) => s && s.name === name);
    if (!rec) {
        // readPriorMetadata dropped a record whose paths lead outside the artifact directory.
        const why = refused.find((m) => m.includes(`stage ${JSON.stringify(name)} `));
        if (why)
            throw new diagnostics/* DdflowError */.Zq(`Stage '${name}' cannot be exported: ${why.replace(/; the stage runs again\.$/, '.')}`);
    }
    if (!rec || (rec.status !== 'completed' && rec.status !== 'completed_empty') || !rec.output_seed_path) {
        const why = rec ? `its status is ${rec.status}` : 'it has not run';
        throw new diagnostics/* DdflowError */.Zq(`Stage '${name}' has no output to export: ${why}.`);
    }
    const at = exportSource(workflowDir, rec.output_seed_path, rec.stage_output_override_path, name);
    const stale = await staleness(workflow, metadata, name, workflowDir, options.artifactPath);
    if (stale) {
        const how = `run 'ddflow run ${(0,diagnostics/* displayPath */.Gt)(workflow.file, options.cwd)}' to bring it up to date, or pass --allow-stale to export it anyway`;
        if (!options.allowStale)
            throw new diagnostics/* DdflowError */.Zq(`The output of stage '${name}' is stale: ${stale}; ${how}.`);
        (options.log ?? logger/* silentLogger */.q).warn(`Exporting stale output of stage '${name}' (--allow-stale): ${stale}.`);
    }
    const files = await (0,outputs/* parquetFilesAt */.Te)(at);
    if (files.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Stage '${name}' has no output to export: no parquet files found at ${rec.output_seed_path}.`);
    const db = await (0,database/* openDatabase */.qI)();
    try {
        const r = await (0,dataset/* exportDataset */.r$)(db, files, outPath);
        return { ...r, stage: name, ...(stale ? { stale } : {}) };
    }
    finally {
        db.close();
    }
}
/**
 * Why the exported stage's output is not what a run of the workflow as it is now would hand down (the
 * first stage up to it that the plan would not reuse), or undefined when it is current. The plan is
 * taken with what the last run was asked for: its seed and count options and its overrides.
 */
async function staleness(workflow, metadata, stage, workflowDir, artifactPath) {
    const overrides = {};
    for (const r of metadata.stages) {
        if (r && typeof r.stage_output_override_path === 'string')
            overrides[r.name] = exportSource(workflowDir, r.stage_output_override_path, r.stage_output_override_path, r.name);
    }
    const plan = await (0,workflow_plan/* buildPlan */.Gg)(workflow, {
        targets: [stage],
        overrides,
        seed: metadata.seed_option ?? undefined,
        numRecords: metadata.num_records_option ?? undefined,
        artifactPath,
        log: logger/* silentLogger */.q,
    }).catch((err) => ({ error: err instanceof Error ? err.message : String(err) }));
    if ('error' in plan)
        return `its inputs cannot be checked (${plan.error})`;
    const target = workflow.stages.findIndex((s) => s.name === stage);
    const changed = plan.stages.slice(0, target + 1).find((s) => s.decision !== 'cached' && !(s.decision === 'skipped' && s.reason.startsWith('upstream')));
    return changed ? `stage '${changed.stage}' no longer matches the workflow file (${changed.reason})` : undefined;
}
/**
 * Where the stage's handed-down output is. Inside the workflow directory as a rule (fromMetadataPath).
 * The one exception is a reviewed override (`--override stage=file`), which may lie beside the artifact
 * directory and is recorded relative to it: it is followed only when it is recorded as the override
 * too, is relative, is a .parquet file or a directory, and no symlink lies on its way.
 */
function exportSource(workflowDir, recorded, override, stage) {
    const problem = (0,workflow_metadata/* metadataPathProblem */.gE)(workflowDir, recorded);
    if (!problem)
        return (0,workflow_metadata/* fromMetadataPath */.xf)(workflowDir, recorded);
    if (recorded === override && !external_node_path_default().isAbsolute(recorded) && !recorded.includes('\0')) {
        const lexical = external_node_path_default().resolve((0,workflow_metadata/* realpathOfExisting */.Kx)(external_node_path_default().resolve(workflowDir)), recorded);
        const kind = (0,external_node_fs_.statSync)(lexical, { throwIfNoEntry: false });
        if ((0,workflow_metadata/* realpathOfExisting */.Kx)(lexical) === lexical && kind && (kind.isDirectory() || (kind.isFile() && lexical.endsWith('.parquet'))))
            return lexical;
    }
    throw new diagnostics/* DdflowError */.Zq(`Stage '${stage}' cannot be exported: its recorded output ${JSON.stringify(recorded)} is not usable (${problem}).`);
}

;// CONCATENATED MODULE: ./src/cli/commands/export.ts
/** `ddflow export <workflow-file> <out.{jsonl,csv,parquet}> [--stage name]`: the selected output of the final (or named) stage. */







const export_USAGE = 'ddflow export <workflow-file> <out.{jsonl,csv,parquet}> [--stage name] [--allow-stale]';
const exportCommand = {
    name: 'export',
    summary: "Export the selected output of the final (or a named) stage of the last run.",
    usage: export_USAGE,
    options: {
        stage: { type: 'string', value: 'NAME', description: 'Export this stage instead of the final one.' },
        'artifact-path': { type: 'string', value: 'DIR', description: 'Where the stage directories are (overrides the file).' },
        'allow-stale': { type: 'boolean', description: 'Export even when the workflow file no longer matches the last run (with a warning).' },
    },
    positionals: { min: 2, max: 2 },
    async run(args, io) {
        checkExportPath(args.positionals[1], 'the output file', export_USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        const stage = args.options.stage;
        if (stage !== undefined && !workflow.stages.some((s) => s.name === stage)) {
            throw new UsageError(`--stage names unknown stage '${stage}' (stages: ${workflow.stages.map((s) => s.name).join(', ')})`, export_USAGE);
        }
        const out = external_node_path_default().resolve(io.cwd, args.positionals[1]);
        const artifactPath = args.options['artifact-path'];
        const r = await exportStageOutput(workflow, out, {
            stage: args.options.stage,
            artifactPath: artifactPath ? external_node_path_default().resolve(io.cwd, artifactPath) : undefined,
            cwd: io.cwd,
            allowStale: args.options['allow-stale'] === true,
            log: cliLogger(io, args.debug),
        });
        io.stdout(`exported ${count(r.rows, 'record')} of stage '${r.stage}' to ${(0,diagnostics/* displayPath */.Gt)(r.path, io.cwd)}\n`);
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/cli/commands/index.ts





const COMMANDS = [validateCommand];
COMMANDS.push(planCommand, runCommand, previewCommand, exportCommand);
function findCommand(name) {
    return COMMANDS.find((c) => c.name === name);
}

;// CONCATENATED MODULE: ./src/cli/version.ts
/**
 * ddflow's version, read from its package.json. The file is found by walking up from this module: that
 * works from src/cli (tsx), from build output, and from the ncc bundle (dist/cli/index.js → the package
 * root), whichever directory depth the code ends up at. A build may also inject DDFLOW_VERSION.
 */



function ddflowVersion() {
    if (typeof __DDFLOW_VERSION__ === 'string')
        return __DDFLOW_VERSION__;
    let dir = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = [dir, 'package.json'].join((external_node_path_default()).sep);
        try {
            const pkg = JSON.parse((0,external_node_fs_.readFileSync)(candidate, 'utf8'));
            // ncc writes a dist/package.json holding only {"type": "module"}: keep walking up past it.
            if (pkg.name === 'ddflow' && pkg.version)
                return pkg.version;
        }
        catch {
            // not here
        }
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    return 'unknown';
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The `ddflow` command line: `ddflow <command> <workflow-file> [options]`.
 * Exit codes: 0 success, 1 failure (invalid workflow, failed run), 2 bad usage (also option values the
 * workflow file contradicts, e.g. an unknown stage in --targets: found before anything runs). Errors are one sentence;
 * stack traces only with --debug. Bundled by ncc as dist/cli/index.js.
 */






const GLOBAL_USAGE = 'ddflow <command> <workflow-file> [options]';
function globalHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        `usage: ${GLOBAL_USAGE}`,
        '',
        'Runs chained NVIDIA NeMo Data Designer workflows.',
        '',
        'commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'options:',
        ...formatOptions(GLOBAL_OPTIONS),
        '',
        "Run 'ddflow <command> --help' for a command's options.",
    ].join('\n') + '\n';
}
function defaultIO() {
    return {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        cwd: process.cwd(),
        env: process.env,
    };
}
async function main(argv, ioOverrides = {}) {
    const io = { ...defaultIO(), ...ioOverrides };
    const global = splitGlobal(argv);
    let debug = global.debug || argv.includes('--debug');
    try {
        if (global.version && !global.command) {
            io.stdout(`${ddflowVersion()}\n`);
            return 0;
        }
        if (!global.command) {
            if (global.help) {
                io.stdout(globalHelp());
                return 0;
            }
            throw new UsageError('missing command', GLOBAL_USAGE);
        }
        if (global.command === 'help') {
            const target = global.rest[0] ? findCommand(global.rest[0]) : undefined;
            io.stdout(target ? commandHelp(target) : globalHelp());
            return 0;
        }
        const command = findCommand(global.command);
        if (!command) {
            throw new UsageError(`unknown command '${global.command}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, GLOBAL_USAGE);
        }
        if (global.help) {
            io.stdout(commandHelp(command));
            return 0;
        }
        const args = parseCommandArgs(command, global.rest);
        debug = debug || args.debug;
        if (args.help) {
            io.stdout(commandHelp(command));
            return 0;
        }
        return await command.run({ positionals: args.positionals, options: args.options, debug }, io);
    }
    catch (err) {
        return reportError(err, io, debug);
    }
}
function reportError(err, io, debug) {
    if (err instanceof UsageError) {
        io.stderr(`ddflow: ${err.message}\nusage: ${err.usage}\n`);
        return 2;
    }
    if (err instanceof diagnostics/* DdflowError */.Zq) {
        const lines = err.diagnostics.length > 1 || err.diagnostics[0]?.location ? err.diagnostics.map((d) => (0,diagnostics/* formatDiagnostic */.xy)(d, io.cwd)) : [err.message];
        io.stderr(lines.map((l) => `${l}\n`).join(''));
        if (debug && err.stack)
            io.stderr(`${err.stack}\n`);
        return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`ddflow: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (debug && err instanceof Error && err.stack)
        io.stderr(`${err.stack}\n`);
    return 1;
}
/** True when this module is the program being run (also as the ncc bundle, and through an npm bin link). */
function isEntryPoint() {
    const script = process.argv[1];
    if (!script)
        return false;
    try {
        return (0,external_node_fs_.realpathSync)(script) === (0,external_node_fs_.realpathSync)((0,external_node_url_.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
if (isEntryPoint()) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, (err) => {
        process.stderr.write(`ddflow: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
    });
}
/** The bundle's entry (dist/cli/index.js) calls this; same as main() with the process's own I/O. */
function runCli(argv) {
    return main(argv);
}


/***/ })

};
