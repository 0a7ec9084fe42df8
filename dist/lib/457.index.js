export const id = 457;
export const ids = [457];
export const modules = {

/***/ 94457:
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
// EXTERNAL MODULE: ./src/shared/did-you-mean.ts
var did_you_mean = __webpack_require__(44498);
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
        throw new UsageError(cleanParseError(err) + optionHint(err, Object.keys(options)), command.usage);
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
/** ` (did you mean '--x'?)` for an unknown option close to a known one. */
function optionHint(err, known) {
    const m = /^Unknown option '(--?)([^']+)'/.exec(err instanceof Error ? err.message : '');
    if (!m)
        return '';
    return (0,did_you_mean/* didYouMean */.au)(m[2], known, (s) => `'--${s}'`);
}
/** node's messages are long ("Unknown option '--x'. To specify a positional argument starting with a '-', ..."). */
function cleanParseError(err) {
    const message = err instanceof Error ? err.message : String(err);
    // Node's three lines for `-n -5` ("argument is ambiguous … use '--num-records=-XYZ' or '-n-XYZ'"): one sentence.
    const ambiguous = /^Option '([^']+)' argument is ambiguous\.[\s\S]*?use '([^=']+)=-XYZ'/.exec(message);
    if (ambiguous)
        return `option '${ambiguous[1]}' takes a value, and a value starting with '-' is written '${ambiguous[2]}=-…'`;
    const first = message.split(/\.\s/)[0].replace(/\.$/, '');
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

// EXTERNAL MODULE: ./src/workflow/load.ts + 19 modules
var load = __webpack_require__(46411);
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

// EXTERNAL MODULE: ./src/llm/pricing.ts
var pricing = __webpack_require__(50401);
// EXTERNAL MODULE: ./src/workflow/empty-reason.ts
var empty_reason = __webpack_require__(19669);
// EXTERNAL MODULE: ./src/workflow/progress-lines.ts
var progress_lines = __webpack_require__(33556);
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
/** With --debug: the stack of what made a stage fail (the engine's error), else of the run's error. */
function failureStack(err) {
    const cause = err.cause;
    const stack = cause instanceof Error && cause.stack ? cause.stack : err.stack;
    return stack ? `${stack}\n` : '';
}
/** `1 row`, `2 rows`, `0 records`. */
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/**
 * Why the final stage has no output, or undefined when it has one: skipped behind an empty upstream
 * (named), or empty itself (allowed by allow_empty).
 */
function noOutputReason(report, workflow) {
    const final = report.stages[report.stages.length - 1];
    if (final?.status === 'completed_empty') {
        // Files with no rows in them (a processor kept none, an empty override): say so, and why.
        return `0 records: ${(0,empty_reason/* emptyOutputWhy */.j)(final, workflow?.stages.find((s) => s.name === final.name))} (allowed by allow_empty: true)`;
    }
    if (!final || (report.final_output_files?.length ?? 0) > 0)
        return undefined;
    if (final.status === 'skipped_empty_upstream') {
        const empty = report.stages.find((s) => s.status === 'completed_empty');
        const cause = empty ? `upstream stage '${empty.name}' produced no records: ${(0,empty_reason/* emptyOutputWhy */.j)(empty, workflow?.stages.find((s) => s.name === empty.name))}` : 'an upstream stage produced no records';
        return `skipped, so there is no output: ${cause} (allow_empty: true skips the later stages)`;
    }
    return `no output (${final.status})`;
}

/** Redraws of the live bar while nothing completes (the rate and ETA still move). */
const BAR_REFRESH_MS = 1000;
const BAR_WIDTH = 24;
function progressReporter(io, options) {
    let barShown = false;
    const clear = () => {
        if (barShown) {
            io.stderr('\r\x1b[2K');
            barShown = false;
        }
    };
    const bar = (p, elapsedSec) => {
        const { text } = (0,progress_lines/* progressFigures */.ji)(p, elapsedSec);
        const filled = p.rowsTotal > 0 ? Math.min(BAR_WIDTH, Math.floor((p.rowsDone / p.rowsTotal) * BAR_WIDTH)) : 0;
        let line = `${p.stage} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}`;
        if (options.columns && line.length >= options.columns)
            line = line.slice(0, Math.max(10, options.columns - 1));
        io.stderr(`\r\x1b[2K${line}`);
        barShown = true;
    };
    const line = (p, elapsedSec) => io.stderr(`  ${p.stage}: ${(0,progress_lines/* progressFigures */.ji)(p, elapsedSec).text}\n`);
    const ticker = options.tty
        ? new progress_lines/* ProgressTicker */.Yv(BAR_REFRESH_MS, bar, bar, options.now)
        : new progress_lines/* ProgressTicker */.Yv(options.intervalMs ?? (0,progress_lines/* progressIntervalMs */.ri)(io.env), line, undefined, options.now);
    return {
        clear,
        onEvent(event) {
            ticker.onEvent(event);
            if (event.type === 'stage-start') {
                clear();
                io.stderr(`> ${event.stage}: ${event.resume ? 'resuming' : 'running'} (${count(event.numRecords, 'record')})\n`);
                if (options.tty)
                    bar({ stage: event.stage, rowsDone: 0, rowsTotal: event.numRecords, rowGroupsDone: 0, rowGroupsTotal: 0, tokens: { prompt: 0, completion: 0 } }, 0);
            }
            else if (event.type === 'stage-end') {
                clear();
                const r = event.report;
                const extra = r.error ? `: ${r.error}` : '';
                const cache = r.overridden ? 'overridden by the reviewed file' : `cache ${r.cache}`;
                io.stderr(`${r.status === 'failed' ? 'x' : '*'} ${r.name}: ${r.status} (${count(r.output_records, 'row')}, ${(0,progress_lines/* formatDuration */.a3)(r.duration_sec)}, ${cache})${extra}\n`);
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
/** The end-of-run table: stage, status, cache, rows, time, model calls, tokens (prompt+completion), cost. */
function summaryTable(stages) {
    const header = ['stage', 'status', 'cache', 'rows', 'time', 'calls', 'tokens (prompt+completion)', 'cost'];
    const rows = stages.map((s) => [
        s.name,
        s.status,
        s.overridden ? 'overridden' : s.cache,
        String(s.output_records),
        (0,progress_lines/* formatDuration */.a3)(s.duration_sec),
        callsText(s),
        s.tokens.prompt + s.tokens.completion > 0 ? `${s.tokens.prompt}+${s.tokens.completion}` : '0',
        stageCostText(s.model_usage?.total),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
/** A stage's cost cell: dollars, `+?` when some calls have no price, `-` without model calls. */
function stageCostText(u) {
    if (!u)
        return '-';
    const unpriced = u.unpriced_calls ?? 0;
    if (unpriced > 0 && !u.cost_usd)
        return '?';
    return `${(0,pricing/* formatUsd */.UK)(u.cost_usd ?? 0)}${unpriced > 0 ? '+?' : ''}`;
}
/**
 * The line under the end-of-run table: what the run's model calls cost, calls answered by the call store
 * (free) counted apart, and calls without a price.
 */
function costLine(cost) {
    if (!cost || cost.calls === 0)
        return '';
    const paid = cost.calls - cost.cached_calls;
    const parts = [`cost ${(0,pricing/* formatUsd */.UK)(cost.usd)}${cost.unpriced_calls > 0 ? ` + ${count(cost.unpriced_calls, 'call')} without a price` : ''} for ${count(paid, 'model call')}`];
    if (cost.cached_calls > 0)
        parts.push(`${count(cost.cached_calls, 'call')} answered by the call store at no cost`);
    if (cost.budget) {
        const limits = [cost.budget.max_cost_usd != null ? `${(0,pricing/* formatUsd */.UK)(cost.budget.max_cost_usd)}` : '', cost.budget.max_total_tokens != null ? `${cost.budget.max_total_tokens} tokens` : ''].filter(Boolean).join(' and ');
        parts.push(`budget ${limits}${cost.budget.exhausted ? ' (reached)' : ''}`);
    }
    return `${parts.join('; ')}\n`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/workflow/selection.ts + 1 modules
var workflow_selection = __webpack_require__(35151);
;// CONCATENATED MODULE: ./src/cli/commands/run-options.ts
/** Options shared by `ddflow run` and `ddflow plan` (selection of stages, resume, counts, overrides). */







const SELECTION_OPTIONS = {
    resume: { type: 'string', value: 'MODE', description: 'never | if_possible (default) | always.' },
    targets: { type: 'string', value: 'a,b', description: 'Run up to these stages only.' },
    'rerun-from': { type: 'string', value: 'STAGE', description: 'Force this stage and its descendants to rerun.' },
    override: { type: 'string', multiple: true, value: 'STAGE=PATH', description: "Replace a stage's output with a reviewed file: .jsonl, .csv or .parquet (or a directory of parquet files)." },
    'num-records': { type: 'string', short: 'n', value: 'N', description: 'Records of the first stage.' },
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
    if (resume !== undefined && !workflow_selection/* RESUME_MODES */.XR.includes(resume)) {
        throw new UsageError(`--resume must be one of ${workflow_selection/* RESUME_MODES */.XR.join(', ')}, got '${resume}'`, usage);
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
        numRecords: positiveInt(o['num-records'], '-n/--num-records', usage, 1, schema/* MAX_NUM_RECORDS */.RR),
        seed: positiveInt(o.seed, 'seed', usage, 0),
        artifactPath: artifactPath ? external_node_path_default().resolve(cwd, artifactPath) : undefined,
    };
}
/**
 * Bad usage that the workflow file reveals (exit 2, before any stage runs): stage names in --targets,
 * --rerun-from and --override that the file does not have, or that come after the last target.
 */
function checkSelectionAgainst(workflow, selection, usage) {
    const problem = (0,workflow_selection/* selectionError */.$1)(workflow, selection, 'cli');
    if (problem)
        throw new UsageError(problem, usage);
    const artifacts = (0,load/* artifactDirectoryProblem */.v)(selection.artifactPath ?? workflow.artifactPath, workflow.name);
    if (artifacts)
        throw new diagnostics/* DdflowError */.Zq(artifacts);
}
/** An output file's extension picks the format: a wrong one is bad usage (exit 2), found before anything runs. */
function checkExportPath(file, flag, usage) {
    try {
        (0,dataset.exportFormatOf)(file);
    }
    catch {
        throw new UsageError(`${flag} must end in .jsonl, .csv or .parquet, got '${file}'`, usage);
    }
}
/** `--max-cost USD` (a positive number) and `--max-tokens N`: the run's budget, over the file's run_config. */
function budgetOptions(o, usage) {
    const cost = o['max-cost'];
    let maxCostUsd;
    if (cost !== undefined) {
        const n = Number(cost.replace(/^\$/, ''));
        if (!/^\$?\d*\.?\d+$/.test(cost.trim()) || !(n > 0))
            throw new UsageError(`--max-cost must be a positive amount of US dollars such as 2.50, got '${cost}'`, usage);
        maxCostUsd = n;
    }
    return { maxCostUsd, maxTotalTokens: positiveInt(o['max-tokens'], 'max-tokens', usage) };
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
        // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
        const { buildPlan, formatPlanTable, planEntryJson } = await Promise.all(/* import() */[__webpack_require__.e(853), __webpack_require__.e(951)]).then(__webpack_require__.bind(__webpack_require__, 69951));
        const plan = await buildPlan(workflow, { ...selection, log: cliLogger(io, args.debug) });
        if (args.options.json === true)
            io.stdout(`${JSON.stringify(plan.stages.map(planEntryJson), null, 2)}\n`);
        else
            io.stdout(formatPlanTable(plan));
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/cli/stop-signals.ts
function onStopSignals(onFirst) {
    const controller = new AbortController();
    let received;
    const handler = (sig) => {
        if (received)
            return;
        received = sig;
        onFirst(sig);
        controller.abort();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        exitCode: (otherwise) => (received === 'SIGINT' ? 130 : received === 'SIGTERM' ? 143 : otherwise),
        release: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

// EXTERNAL MODULE: ./src/workflow/shard.ts
var shard = __webpack_require__(65661);
;// CONCATENATED MODULE: ./src/cli/commands/shards.ts
/**
 * Sharding a stage over a job matrix (issue 15): `ddflow shards` prints the matrix, `ddflow run --stage s
 * --shard i/N` generates one block of the stage, `ddflow merge` assembles the blocks into the stage.
 */







const SHARD_OPTIONS = {
    stage: { type: 'string', value: 'STAGE', description: 'With --shard: the stage to generate one shard of.' },
    shard: { type: 'string', value: 'i/N', description: 'Generate only block i of N of --stage (the stages before it run or are reused).' },
};
function stageOf(workflow, name, usage) {
    if (name === undefined)
        throw new UsageError('--stage is required', usage);
    if (!workflow.stages.some((s) => s.name === name))
        throw new UsageError(`--stage names unknown stage '${name}' (stages: ${workflow.stages.map((s) => s.name).join(', ')})`, usage);
    return name;
}
/** `--stage` and `--shard` of `ddflow run`: both or neither, and not with --targets. */
function shardOption(args, workflow, selection, usage) {
    const raw = args.options.shard;
    const stage = args.options.stage;
    if (raw === undefined) {
        if (stage !== undefined)
            throw new UsageError('--stage needs --shard i/N (a plain run takes --targets)', usage);
        return undefined;
    }
    if (selection.targets)
        throw new UsageError('--shard runs up to --stage: leave out --targets', usage);
    if (args.options.export !== undefined)
        throw new UsageError('a shard is one block of a stage, with nothing to export: export after ddflow merge', usage);
    const parsed = (0,shard/* parseShard */.uK)(raw);
    if (typeof parsed === 'string')
        throw new UsageError(`--shard ${parsed}`, usage);
    return { stage: stageOf(workflow, stage, usage), ...parsed };
}
const SHARDS_USAGE = 'ddflow shards <workflow-file> --stage STAGE --count N';
const shardsCommand = {
    name: 'shards',
    summary: 'Print the GitHub job matrix that splits a stage into N shards ({"include":[{"shard":"1/N"},...]}).',
    usage: SHARDS_USAGE,
    options: {
        stage: { type: 'string', value: 'STAGE', description: 'The stage to shard.' },
        count: { type: 'string', value: 'N', description: 'Number of shards (1 to 256, GitHub’s limit of jobs per matrix).' },
        'num-records': SELECTION_OPTIONS['num-records'],
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const rawCount = args.options.count;
        if (rawCount === undefined)
            throw new UsageError('--count is required', SHARDS_USAGE);
        if (!/^\d+$/.test(rawCount))
            throw new UsageError(`--count must be a whole number, got '${rawCount}'`, SHARDS_USAGE);
        const n = Number(rawCount);
        const problem = (0,shard/* shardCountProblem */.R)(n);
        if (problem)
            throw new UsageError(`--count ${problem.replace(/^needs a shard count of /, 'must be ')}`, SHARDS_USAGE);
        const selection = selectionOptions(args, io.cwd, SHARDS_USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        const name = stageOf(workflow, args.options.stage, SHARDS_USAGE);
        // When the stage's record count is fixed by the file (or --num-records), a count it cannot be split into is known now.
        io.stdout(`${JSON.stringify((0,shard/* checkedShardMatrix */.xL)(workflow, name, n, selection.numRecords))}\n`);
        return 0;
    },
};
const MERGE_USAGE = 'ddflow merge <workflow-file> --stage STAGE [--from DIR] [options]';
const mergeCommand = {
    name: 'merge',
    summary: 'Assemble a sharded stage from its shards, then finish it (output processors, on_success).',
    usage: MERGE_USAGE,
    options: {
        ...SELECTION_OPTIONS,
        stage: { type: 'string', value: 'STAGE', description: 'The sharded stage.' },
        from: { type: 'string', value: 'DIR', description: 'A directory holding the shards (e.g. downloaded artifacts); default the workflow directory.' },
        export: { type: 'string', value: 'FILE', description: "Export the merged stage's output (.jsonl, .csv or .parquet)." },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const selection = selectionOptions(args, io.cwd, MERGE_USAGE);
        if (selection.targets)
            throw new UsageError('merge stops at --stage: leave out --targets', MERGE_USAGE);
        const exportArg = args.options.export;
        if (exportArg !== undefined)
            checkExportPath(exportArg, '--export', MERGE_USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        checkSelectionAgainst(workflow, selection, MERGE_USAGE);
        const stage = stageOf(workflow, args.options.stage, MERGE_USAGE);
        const from = args.options.from;
        const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI });
        const log = cliLogger(io, args.debug, () => progress.clear());
        // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
        const { runWorkflow, WorkflowRunError } = await Promise.all(/* import() */[__webpack_require__.e(853), __webpack_require__.e(951), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 45560));
        try {
            const report = await runWorkflow(workflow, {
                ...selection,
                merge: { stage, ...(from !== undefined ? { from: external_node_path_default().resolve(io.cwd, from) } : {}) },
                exportPath: exportArg ? external_node_path_default().resolve(io.cwd, exportArg) : undefined,
                env: io.env,
                onEvent: (e) => progress.onEvent(e),
                log,
            });
            progress.clear();
            io.stderr(`\n${summaryTable(report.stages)}`);
            const files = report.final_output_files ?? [];
            io.stdout(`${stage}: ${count(report.final_records, 'record')}${files.length ? ` in ${(0,diagnostics/* displayPath */.Gt)(external_node_path_default().dirname(files[0]), io.cwd)}` : ''}\n`);
            if (report.export_path)
                io.stdout(`exported ${count(report.final_records, 'record')} to ${(0,diagnostics/* displayPath */.Gt)(report.export_path, io.cwd)}\n`);
            return 0;
        }
        catch (err) {
            progress.clear();
            if (err instanceof WorkflowRunError) {
                io.stderr(`\n${summaryTable(err.report.stages)}${err.message}\n`);
                return 1;
            }
            throw err;
        }
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
        ...SHARD_OPTIONS,
        'max-cost': { type: 'string', value: 'USD', description: 'Stop sending model requests before the run spends more than this many US dollars (overrides run_config.max_cost_usd).' },
        'max-tokens': { type: 'string', value: 'N', description: 'Stop sending model requests before the run spends more than N tokens (overrides run_config.max_total_tokens).' },
        batch: { type: 'boolean', description: "Send model calls as provider batches; the run may end 'pending' (exit 0): run again later to collect." },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        // Mistakes in the arguments are found before anything runs: first those the arguments alone show,
        // then stage names the file does not have.
        const selection = selectionOptions(args, io.cwd, run_USAGE);
        const budget = budgetOptions(args.options, run_USAGE);
        const exportArg = args.options.export;
        if (exportArg !== undefined)
            checkExportPath(exportArg, '--export', run_USAGE);
        if (args.options.batch === true && args.options['no-call-cache'] === true) {
            throw new UsageError('--batch keeps the answers of provider batches in the call store: it cannot be combined with --no-call-cache', run_USAGE);
        }
        if (args.options.batch === true && args.options.shard !== undefined) {
            throw new UsageError('--batch cannot be combined with --shard yet: a shard job must finish its block in one run, and a batch round ends pending', run_USAGE);
        }
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        checkSelectionAgainst(workflow, selection, run_USAGE);
        const shard = shardOption(args, workflow, selection, run_USAGE);
        // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
        const { runWorkflow, WorkflowRunError } = await Promise.all(/* import() */[__webpack_require__.e(853), __webpack_require__.e(951), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 45560));
        const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI });
        const log = cliLogger(io, args.debug, () => progress.clear());
        for (const w of workflow.warnings)
            log.warn(w.message);
        // Ctrl-C / SIGTERM: abandon in-flight work, leave the stage resumable, exit non-zero.
        const stop = onStopSignals((sig) => {
            progress.clear();
            io.stderr(`\nReceived ${sig}: stopping; completed row groups are kept for the next run.\n`);
        });
        try {
            const report = await runWorkflow(workflow, {
                ...selection,
                ...budget,
                exportPath: exportArg ? external_node_path_default().resolve(io.cwd, exportArg) : undefined,
                callCache: args.options['no-call-cache'] !== true,
                ...(shard ? { shard } : {}),
                batch: args.options.batch === true,
                env: io.env,
                signal: stop.signal,
                onEvent: (e) => progress.onEvent(e),
                log,
            });
            progress.clear();
            io.stderr(`\n${summaryTable(report.stages)}${costLine(report.cost)}`);
            if (report.pending) {
                // Waiting on provider batches is not a failure: exit 0, and say when to look again.
                io.stdout(`pending: ${report.pending.message}\n`);
                return 0;
            }
            const files = report.final_output_files ?? [];
            const none = noOutputReason(report, workflow);
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
            if (err instanceof WorkflowRunError) {
                io.stderr(`\n${summaryTable(err.report.stages)}${costLine(err.report.cost)}`);
                // A failure that belongs to a config node (a column a template names, a sql query) is printed at it.
                const located = err.diagnostics.length === 1 && err.diagnostics[0].location ? (0,diagnostics/* formatDiagnostic */.xy)(err.diagnostics[0], io.cwd) : err.message;
                io.stderr(`${located}\n`);
                if (args.debug)
                    io.stderr(failureStack(err));
                return stop.exitCode(1);
            }
            // Stopped before the first stage (the models' health check): still the signal's exit code.
            if (stop.received !== undefined && err instanceof Error) {
                io.stderr(`${err.message}\n`);
                return stop.exitCode(1);
            }
            throw err;
        }
        finally {
            stop.release();
        }
    },
};

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/cli/commands/preview.ts
/** `ddflow preview <workflow-file> [-n N]`: every stage with N records in a temporary directory; prints sample rows. */









const preview_USAGE = 'ddflow preview <workflow-file> [-n N]';
/** Sample rows printed per stage before the last (the last shows up to -n). */
const SAMPLE_ROWS = 5;
const previewCommand = {
    name: 'preview',
    summary: 'Run every stage with a few records in a temporary directory and print sample rows of each.',
    usage: preview_USAGE,
    options: {
        'num-records': { type: 'string', short: 'n', value: 'N', description: 'Records per stage (default 10).' },
        seed: { type: 'string', value: 'N', description: 'Workflow seed (overrides the file).' },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
        const [{ runWorkflow, WorkflowRunError }, { openDatabase }, { readRows }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(853), __webpack_require__.e(951), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 45560)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 94715)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 99724))]);
        const n = positiveInt(args.options['num-records'], '-n/--num-records', preview_USAGE, 1, schema/* MAX_NUM_RECORDS */.RR) ?? 10;
        const seed = positiveInt(args.options.seed, 'seed', preview_USAGE, 0);
        const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI, columns: process.stderr.columns });
        const log = cliLogger(io, args.debug, () => progress.clear());
        // Ctrl-C / SIGTERM: stop the stages, and still remove the temporary directory (finally below).
        // Listening before the directory exists: a signal between the two once killed the process with it left.
        const stop = onStopSignals(() => progress.clear());
        const tmp = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'ddflow-preview-')).catch((err) => {
            stop.release();
            throw new diagnostics/* DdflowError */.Zq(`preview keeps its rows in a temporary directory, and none can be made in ${external_node_os_default().tmpdir()} (${err.code ?? err.message}); set TMPDIR to a writable directory.`);
        });
        try {
            const report = await runWorkflow(workflow, { resume: 'never', previewRecords: n, seed, artifactPath: tmp, callCache: false, signal: stop.signal, onEvent: (e) => progress.onEvent(e), log });
            progress.clear();
            io.stderr(`\n${summaryTable(report.stages)}`);
            // Sample rows of every stage (each stage's handed-down output), the final one last.
            const db = await openDatabase();
            try {
                for (const stage of report.stages) {
                    const files = stage.output_files ?? [];
                    if (files.length === 0 || stage.output_records === 0) {
                        const why = stage === report.stages.at(-1) ? noOutputReason(report, workflow) : stage.status === 'completed_empty' ? '0 records' : undefined;
                        io.stdout(`== ${stage.name}: ${why ?? `no output (${stage.status})`}\n`);
                        continue;
                    }
                    const last = stage === report.stages.at(-1);
                    const rows = await readRows(db, files, { limit: last ? n : Math.min(n, SAMPLE_ROWS) });
                    io.stdout(`== ${stage.name}: ${count(stage.output_records, 'record')} (showing ${rows.length})\n`);
                    for (const row of rows)
                        io.stdout(`${JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
                }
            }
            finally {
                db.close();
            }
            return 0;
        }
        catch (err) {
            if (err instanceof WorkflowRunError) {
                progress.clear();
                io.stderr(`\n${summaryTable(err.report.stages)}${err.message}\n`);
                if (args.debug)
                    io.stderr(failureStack(err));
                return stop.exitCode(1);
            }
            if (stop.received !== undefined && err instanceof Error) {
                io.stderr(`${err.message}\n`);
                return stop.exitCode(1);
            }
            throw err;
        }
        finally {
            stop.release();
            await external_node_fs_.promises.rm(tmp, { recursive: true, force: true });
        }
    },
};

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
        // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
        const { exportStageOutput } = await Promise.all(/* import() */[__webpack_require__.e(853), __webpack_require__.e(951), __webpack_require__.e(963)]).then(__webpack_require__.bind(__webpack_require__, 35963));
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
        io.stdout(`exported ${count(r.rows, 'record')} of stage '${r.stage}' to ${(0,diagnostics/* displayPath */.Gt)(r.path, io.cwd)}${r.emptyWhy ? ` (no rows: ${r.emptyWhy})` : ''}\n`);
        return 0;
    },
};

// EXTERNAL MODULE: ./src/workflow/diff.ts
var workflow_diff = __webpack_require__(45546);
// EXTERNAL MODULE: ./src/workflow/diff-report.ts
var diff_report = __webpack_require__(38609);
;// CONCATENATED MODULE: ./src/cli/commands/diff.ts
/** `ddflow diff <workflow-file> --base <artifact-dir> [--json]`: what the current run changes in the data, stage by stage, against a base run. */






const diff_USAGE = 'ddflow diff <workflow-file> --base <artifact-dir> [--current <artifact-dir>] [--json]';
const diffCommand = {
    name: 'diff',
    summary: 'Compare the last run with a base run stage by stage (rows, schema, drift, changed rows) as Markdown or JSON.',
    usage: diff_USAGE,
    options: {
        base: { type: 'string', value: 'DIR', description: "The base run's artifact directory (the artifact path, or the workflow's directory in it)." },
        current: { type: 'string', value: 'DIR', description: "The run to compare (default: the workflow's own artifact directory)." },
        'artifact-path': { type: 'string', value: 'DIR', description: 'Where the current stage directories are (overrides the file).' },
        json: { type: 'boolean', description: 'Print the comparison as JSON.' },
    },
    positionals: { min: 1, max: 1 },
    async run(args, io) {
        const base = args.options.base;
        if (!base)
            throw new UsageError('--base is required: the artifact directory of the run to compare against', diff_USAGE);
        const workflow = await (0,load/* loadWorkflow */.G)(args.positionals[0], { cwd: io.cwd });
        const current = args.options.current;
        const artifactPath = args.options['artifact-path'];
        const diff = await (0,workflow_diff/* diffWorkflowRuns */.Dx)(workflow, external_node_path_default().resolve(io.cwd, base), {
            ...(current ? { current: external_node_path_default().resolve(io.cwd, current) } : {}),
            ...(artifactPath ? { artifactPath: external_node_path_default().resolve(io.cwd, artifactPath) } : {}),
            cwd: io.cwd,
            log: cliLogger(io, args.debug),
        });
        io.stdout(args.options.json === true ? `${(0,diff_report/* diffJson */.gH)(diff)}\n` : (0,diff_report/* formatDiffMarkdown */.oh)(diff));
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/cli/commands/index.ts







const COMMANDS = [validateCommand];
COMMANDS.push(planCommand, runCommand, previewCommand, exportCommand, diffCommand, shardsCommand, mergeCommand);
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
            if (pkg.name === 'ddflow-cli' && pkg.version)
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
/** Set when stdout's reader went away (`ddflow preview … | head -1`): later output is dropped, not an error. */
let stdoutClosed = false;
let stdoutWatched = false;
function defaultIO(cwd) {
    if (!stdoutWatched) {
        stdoutWatched = true;
        // Without a listener, EPIPE is an unhandled 'error' event: a stack trace, and the command's own
        // clean-up (preview's temporary directory) never ran.
        process.stdout.on('error', (err) => {
            if (err.code === 'EPIPE')
                stdoutClosed = true;
            else
                process.stderr.write(`ddflow: cannot write to stdout: ${err.message}\n`);
        });
    }
    return {
        stdout: (t) => {
            if (!stdoutClosed)
                process.stdout.write(t);
        },
        stderr: (t) => process.stderr.write(t),
        cwd: cwd ?? currentDirectory(),
        env: process.env,
    };
}
/** The working directory; one sentence when it was deleted under the shell (uv_cwd fails with ENOENT). */
function currentDirectory() {
    try {
        return process.cwd();
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`The current directory no longer exists (${err.code ?? 'ENOENT'}); cd to a directory that does and run ddflow again.`);
    }
}
async function main(argv, ioOverrides = {}) {
    let io;
    try {
        io = { ...defaultIO(ioOverrides.cwd), ...ioOverrides };
    }
    catch (err) {
        (ioOverrides.stderr ?? ((t) => process.stderr.write(t)))(`ddflow: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
    }
    const global = splitGlobal(argv);
    let debug = global.debug || argv.includes('--debug');
    try {
        if (global.version && !global.command) {
            io.stdout(`${ddflowVersion()}\n`);
            return 0;
        }
        if (!global.command) {
            // `ddflow` alone (or with --help) prints the help: the first thing a new user types.
            io.stdout(globalHelp());
            return 0;
        }
        if (global.command === 'help') {
            const name = global.rest[0];
            const target = name ? findCommand(name) : undefined;
            if (name && !target)
                throw new UsageError(`unknown command '${name}'${(0,did_you_mean/* didYouMean */.au)(name, COMMANDS.map((c) => c.name))} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, GLOBAL_USAGE);
            io.stdout(target ? commandHelp(target) : globalHelp());
            return 0;
        }
        const command = findCommand(global.command);
        if (!command) {
            const hint = global.command.startsWith('-') ? (0,did_you_mean/* didYouMean */.au)(global.command.replace(/^-+/, ''), Object.keys(GLOBAL_OPTIONS), (s) => `'--${s}'`) : (0,did_you_mean/* didYouMean */.au)(global.command, COMMANDS.map((c) => c.name));
            const what = global.command.startsWith('-') ? 'option' : 'command';
            throw new UsageError(`unknown ${what} '${global.command}'${hint} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, GLOBAL_USAGE);
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


/***/ }),

/***/ 19669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ emptyOutputWhy)
/* harmony export */ });
function emptyOutputWhy(facts, stage) {
    if (facts.overridden)
        return 'the reviewed file that overrides its output has no rows';
    const generated = facts.num_records_actual ?? 0;
    const drops = Object.entries(facts.dropped_rows ?? {}).filter(([, n]) => n > 0);
    if (generated === 0 && drops.length > 0)
        return `every row was dropped during generation (${drops.map(([k, n]) => `${k}: ${n}`).join(', ')})`;
    const processors = [...(stage?.config.processors ?? []), ...(stage?.outputProcessors ?? [])].filter((p) => p.processor_type.replace('-', '_') === 'sql').map((p) => `'${p.name}'`);
    if (generated > 0 && processors.length > 0) {
        return `its sql processor${processors.length > 1 ? 's' : ''} ${processors.join(', ')} kept none of the ${generated} generated row${generated === 1 ? '' : 's'}`;
    }
    if (generated > 0 && stage?.onSuccess)
        return `its on_success command kept none of the ${generated} generated row${generated === 1 ? '' : 's'}`;
    if ((facts.num_records_requested ?? 0) === 0)
        return 'it was asked for no rows (its upstream handed down none)';
    return 'its output is empty';
}


/***/ })

};
