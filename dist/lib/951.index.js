export const id = 951;
export const ids = [951];
export const modules = {

/***/ 8833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ PROCESSORS_DIR),
/* harmony export */   Go: () => (/* binding */ batchPath),
/* harmony export */   Pj: () => (/* binding */ DROPPED_DIR),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   bV: () => (/* binding */ writeBuilderConfig),
/* harmony export */   dr: () => (/* binding */ PARQUET_DIR),
/* harmony export */   f5: () => (/* binding */ writeMetadata),
/* harmony export */   r_: () => (/* binding */ configHash),
/* harmony export */   t2: () => (/* binding */ exists)
/* harmony export */ });
/* unused harmony export LIBRARY_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _data_dataset_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99724);
/**
 * The stage directory's layout and its two JSON files, written atomically. metadata.json follows Data
 * Designer's keys; ddflow adds `seed`, `dropped_rows`, `token_usage` and `ddflow_batches` (per completed
 * row group: file, rows, dropped rows), which is what resume reads.
 */





const PARQUET_DIR = 'parquet-files';
const DROPPED_DIR = 'dropped-columns-parquet-files';
const PROCESSORS_DIR = 'processors-files';
const LIBRARY_VERSION = 'ddflow-0.1.0';
const batchPath = (dir, sub, index) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, sub, (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_4__.batchFileName)(index));
const NON_DATA_KEYS = new Set(['max_parallel_requests', 'timeout', 'skip_health_check', 'profilers']);
/** Data Designer's config_hash: a canonical JSON of the config minus fields that do not change data. */
function configHash(config) {
    const strip = (v) => {
        if (Array.isArray(v))
            return v.map(strip);
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).filter(([k]) => !NON_DATA_KEYS.has(k)).map(([k, x]) => [k, strip(x)]));
        return v;
    };
    const models = [...(config.model_configs ?? [])].sort((a, b) => a.alias.localeCompare(b.alias));
    const canonical = JSON.stringify((0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .sortKeysDeep */ .$E)(strip({ ...config, model_configs: models })));
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex')}`;
}
async function readMetadata(stageDir) {
    try {
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(stageDir, 'metadata.json'), 'utf8'));
    }
    catch {
        return null;
    }
}
async function writeMetadata(stageDir, metadata) {
    await (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJsonAtomic */ .ZJ)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(stageDir, 'metadata.json'), metadata, { sortKeys: true });
}
async function writeBuilderConfig(stageDir, config) {
    await (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJsonAtomic */ .ZJ)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(stageDir, 'builder_config.json'), { data_designer: config, library_version: LIBRARY_VERSION });
}
async function exists(p) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.access(p);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 90099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ removeStrayRowGroupFiles),
/* harmony export */   R3: () => (/* binding */ keptRowGroups),
/* harmony export */   k4: () => (/* binding */ keptRowCount),
/* harmony export */   tA: () => (/* binding */ processedOutputIntact)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _data_dataset_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99724);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8833);
/**
 * What a resumed stage keeps: the rule, in one place, that the engine applies before it generates the
 * missing row groups and that `ddflow plan` uses to say how many rows a resume keeps.
 *
 * A row group is kept only when metadata.json records it as complete, it was cut with the same
 * buffer_size and drawn with the same seed (rows are a function of their record index, but a group of
 * another size covers other records), and every file it wrote — the rows, the dropped columns, each
 * processor's side output — is still there with the recorded row count. Anything else under the stage's
 * row-group directories is a stray (an earlier cut, an edited or half-written file) and is removed before
 * generation, so it can never join the stage's output.
 */




async function rowsIn(db, file) {
    try {
        return await (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_2__.countRows)(db, [file]);
    }
    catch {
        return undefined;
    }
}
/** The recorded row groups a resume keeps (see the file comment); nothing is changed on disk. */
async function keptRowGroups(db, stageDir, previous, bufferSize, seed) {
    const kept = new Map();
    if (!previous || previous.buffer_size !== bufferSize || previous.seed !== seed)
        return kept;
    // The files are a sql processor's output, not the recorded row groups (which may even match by name and
    // count): keeping them as row groups would run the query over its own result plus fresh rows.
    if (previous.post_generation_state?.rewritten)
        return kept;
    for (const b of previous.ddflow_batches ?? []) {
        if ((await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, b.file))) !== b.num_records)
            continue;
        const sideFiles = [...(b.dropped_columns_file ? [b.dropped_columns_file] : []), ...Object.values(b.processor_files ?? {})];
        let intact = true;
        // Batch-level processors and dropped columns keep the group's rows one for one: a side file with
        // another count was altered, and keeping it would leave that side output short.
        for (const f of sideFiles) {
            if ((await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, f))) !== b.num_records) {
                intact = false;
                break;
            }
        }
        if (intact)
            kept.set(b.index, b);
    }
    return kept;
}
/**
 * Whether a stage whose sql processors rewrote its files finished them all, cut and drawn alike: every
 * listed output file is there and they hold the recorded rows, and every side file is readable. Then it
 * is reused whole (create.ts), and the plan says so (keptRowCount).
 */
async function processedOutputIntact(db, stageDir, previous, bufferSize, seed) {
    if (!previous?.post_generation_state?.rewritten || !previous.post_generation_state.processed)
        return false;
    if (previous.buffer_size !== bufferSize || previous.seed !== seed)
        return false;
    let rows = 0;
    for (const f of previous.file_paths['parquet-files']) {
        const n = await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, f));
        if (n === undefined)
            return false;
        rows += n;
    }
    if (rows !== previous.actual_num_records)
        return false;
    for (const files of Object.values(previous.file_paths['processor-files'])) {
        for (const f of files)
            if ((await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, f))) === undefined)
                return false;
    }
    return true;
}
/** Rows a resume of the stage in `stageDir` would keep (for the plan), read from its metadata.json. */
async function keptRowCount(db, stageDir, bufferSize, seed) {
    if (seed === undefined)
        return 0;
    const previous = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .readMetadata */ ._6)(stageDir);
    if (await processedOutputIntact(db, stageDir, previous, bufferSize, seed))
        return previous.actual_num_records;
    const kept = await keptRowGroups(db, stageDir, previous, bufferSize, seed);
    return [...kept.values()].reduce((n, b) => n + b.num_records, 0);
}
/** Removes every file under the row-group directories that no kept row group recorded. */
async function removeStrayRowGroupFiles(stageDir, kept) {
    const keep = new Set();
    for (const b of kept.values()) {
        keep.add(node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(b.file));
        if (b.dropped_columns_file)
            keep.add(node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(b.dropped_columns_file));
        for (const f of Object.values(b.processor_files ?? {}))
            keep.add(node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(f));
    }
    const sweep = async (rel) => {
        const entries = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, rel), { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
            const child = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(rel, e.name);
            if (e.isDirectory())
                await sweep(child);
            else if (!keep.has(node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(child)))
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, child), { force: true });
        }
    };
    for (const dir of [_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .PARQUET_DIR */ .dr, _artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .DROPPED_DIR */ .Pj, _artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .PROCESSORS_DIR */ .Cs])
        await sweep(dir);
}


/***/ }),

/***/ 36353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nv: () => (/* binding */ DeferredCalls),
/* harmony export */   Oy: () => (/* binding */ DeferredCallError),
/* harmony export */   tn: () => (/* binding */ DEFERRED_REASON)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/**
 * Batch mode's one hook into the online request path: a model call the call store cannot answer is not
 * sent, it is handed to a collector (the stage's next provider batch) and the cell stops with a
 * DeferredCallError. The engine leaves such a row out without counting a failure; the round ends with
 * the collected calls submitted as one batch per model, and a later run finds their answers in the store.
 */

/** Raised instead of sending a request that is left to a provider batch: not a failure of the cell. */
class DeferredCallError extends _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq {
    call;
    constructor(call) {
        super(`The model call of alias '${call.alias}' is left to a provider batch.`);
        this.call = call;
        this.name = 'DeferredCallError';
    }
}
/** The reason a row left to a batch is counted under in a round that ends pending (never in a completed stage). */
const DEFERRED_REASON = 'DeferredToBatch';
/** Collects the calls of one stage round, one entry per key (two cells asking the same thing share it). */
class DeferredCalls {
    aliases;
    calls = new Map();
    constructor(aliases) {
        this.aliases = aliases;
    }
    defers(alias) {
        return this.aliases === 'all' || this.aliases.has(alias);
    }
    add(call) {
        if (!this.calls.has(call.key))
            this.calls.set(call.key, call);
    }
    get size() {
        return this.calls.size;
    }
    /** The collected calls grouped by alias (one provider batch each), in the order they were met. */
    byAlias() {
        const out = new Map();
        for (const c of this.calls.values()) {
            const list = out.get(c.alias) ?? [];
            list.push(c);
            out.set(c.alias, list);
        }
        return out;
    }
}


/***/ }),

/***/ 14646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ SpendBudget),
/* harmony export */   X: () => (/* binding */ BudgetExhaustedError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49968);
/* harmony import */ var _pricing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50401);
/**
 * Hard budgets for a run (ddflow extension, issue 17): `run_config.max_cost_usd` / `--max-cost` and
 * `run_config.max_total_tokens` / `--max-tokens`. Before a request is sent, what the run has spent plus
 * what is reserved by the requests in flight plus this request's own estimate must stay within the
 * limit. A request that would fit once those in flight are booked waits for them; one that does not fit
 * even then is refused (a BudgetExhaustedError, before anything is sent), and so is every later one.
 * Requests already in flight finish; their actual cost replaces their reservation.
 * So a run stops at its limit within one in-flight window, and never goes past it by more than the
 * estimates were short.
 *
 * A request's estimate: its prompt at 3 characters a token (more tokens than real text has: an
 * estimate may stop a run early, never late), and its completion at `max_tokens` when the model config
 * sets it, else the longest completion this run has seen from that model, else 256 tokens.
 */


/** A request the budget refused: ddflow stopped sending; the stage keeps its completed row groups. */
class BudgetExhaustedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf {
    budget;
    constructor(budget) {
        super('budget_exhausted', budget.sentence());
        this.budget = budget;
        this.name = 'BudgetExhaustedError';
    }
}
const DEFAULT_COMPLETION_ESTIMATE = 256;
class SpendBudget {
    limits;
    spentUsdTotal = 0;
    spentTokensTotal = 0;
    reservedUsd = 0;
    reservedTokens = 0;
    exhaustedFlag = false;
    /** Requests holding a reservation. */
    inFlight = 0;
    /** Requests waiting for one in flight to settle. */
    waiters = [];
    /** Longest completion seen per model identity (for estimates when max_tokens is not set). */
    longest = new Map();
    constructor(limits) {
        this.limits = limits;
    }
    get active() {
        return this.limits.maxCostUsd != null || this.limits.maxTotalTokens != null;
    }
    get exhausted() {
        return this.exhaustedFlag;
    }
    get spentUsd() {
        return this.spentUsdTotal;
    }
    get spentTokens() {
        return this.spentTokensTotal;
    }
    /**
     * Reserves the estimate of one request. When it fits only once requests in flight have settled, it
     * waits for them; when it does not fit even then, it throws BudgetExhaustedError, and so does every
     * later request (the run stops sending).
     */
    async reserve(x) {
        const prompt = Math.ceil(x.promptChars / 3);
        for (;;) {
            const completion = x.maxTokens ?? this.longest.get(x.identity) ?? DEFAULT_COMPLETION_ESTIMATE;
            const r = { usd: x.price ? (0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenCost */ .LU)(x.price, prompt, completion) : 0, tokens: prompt + completion, done: false };
            if (!this.active)
                return r;
            if (this.exhaustedFlag)
                throw new BudgetExhaustedError(this);
            const { maxCostUsd, maxTotalTokens } = this.limits;
            const fits = (withReserved) => (maxCostUsd == null || this.spentUsdTotal + (withReserved ? this.reservedUsd : 0) + r.usd <= maxCostUsd) &&
                (maxTotalTokens == null || this.spentTokensTotal + (withReserved ? this.reservedTokens : 0) + r.tokens <= maxTotalTokens);
            if (fits(true)) {
                this.reservedUsd += r.usd;
                this.reservedTokens += r.tokens;
                this.inFlight++;
                return r;
            }
            if (!fits(false) || this.inFlight === 0) {
                this.exhaustedFlag = true;
                this.wake();
                throw new BudgetExhaustedError(this);
            }
            // It would fit without what is in flight: wait until a request settles, then look again.
            if (x.signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf('cancelled', 'The request was cancelled.');
            await new Promise((resolve) => {
                this.waiters.push(resolve);
                x.signal?.addEventListener('abort', () => resolve(), { once: true });
            });
            if (x.signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf('cancelled', 'The request was cancelled.');
        }
    }
    wake() {
        for (const w of this.waiters.splice(0))
            w();
    }
    /** Books a finished request's actual tokens and cost (null: unpriced) in place of its reservation. */
    settle(r, actual) {
        // Booked before the reservation is released (which wakes the waiting requests to look again).
        this.spentUsdTotal += actual.usd ?? 0;
        this.spentTokensTotal += actual.prompt + actual.completion;
        if (actual.completion > (this.longest.get(actual.identity) ?? 0))
            this.longest.set(actual.identity, actual.completion);
        this.release(r);
    }
    /** A request that got no answer: its reservation is given back. */
    release(r) {
        if (r.done || !this.active)
            return;
        r.done = true;
        this.inFlight--;
        this.reservedUsd -= r.usd;
        this.reservedTokens -= r.tokens;
        this.wake();
    }
    /** The limit that stopped the run and what was spent against it, e.g. `$0.0102 of max_cost_usd $0.01`. */
    sentence() {
        const parts = [];
        if (this.limits.maxCostUsd != null)
            parts.push(`${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(this.spentUsdTotal)} spent of the cost budget ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(this.limits.maxCostUsd)} (run_config.max_cost_usd or --max-cost)`);
        if (this.limits.maxTotalTokens != null)
            parts.push(`${this.spentTokensTotal} tokens spent of the token budget ${this.limits.maxTotalTokens} (run_config.max_total_tokens or --max-tokens)`);
        return `the run reached its budget: ${parts.join('; ')}`;
    }
}


/***/ }),

/***/ 18620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ callKey),
/* harmony export */   F: () => (/* binding */ CallCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The per-call response store: every model answer keyed by a hash of what determines it (endpoint
 * identity and model — never the key —, the request body with the drawn parameters, the record index
 * and the attempt), so a re-run of a stage (an edited prompt in one column, a resume) pays only for the
 * calls whose key changed.
 *
 * Layout: `<dir>/calls-<time>-<pid>-<rand>.jsonl`, one segment per process, one `{"k":…,"v":…}` line per
 * answer, appended with a single write each (a crash tears at most the last line, which is skipped on
 * open). All segments are read into a Map on open. Compact, inspectable, and safe to cache as a directory.
 */



/** Canonical JSON (sorted keys) so that key order in a body never changes the hash. */
function canonical(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
function callKey(parts) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash)('sha256').update(canonical({ v: 1, ...parts })).digest('hex');
}
class CallCache {
    dir;
    enabled;
    map = new Map();
    fd = null;
    stats = { hits: 0, misses: 0, writes: 0, entries: 0 };
    constructor(dir, enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }
    /** Reads every segment in `dir` (created if missing). `enabled: false` is `--no-call-cache`: no reads, no writes. */
    static open(dir, options = {}) {
        const enabled = options.enabled ?? true;
        const cache = new CallCache(dir, enabled);
        if (!enabled || !node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir))
            return cache;
        for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir).sort()) {
            if (!/^calls-.*\.jsonl$/.test(name))
                continue;
            const text = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), 'utf8');
            for (const line of text.split('\n')) {
                if (!line)
                    continue;
                try {
                    const rec = JSON.parse(line);
                    if (typeof rec.k === 'string' && rec.v)
                        cache.map.set(rec.k, rec.v);
                }
                catch {
                    // A torn line (the process died mid-write): that answer is simply asked again.
                }
            }
        }
        cache.stats.entries = cache.map.size;
        return cache;
    }
    /**
     * Marks every call of a stage as answered by this store: `ddflow plan` then counts no model call for
     * the stage with that fingerprint and seed (a wiped or evicted stage whose answers were kept). Written
     * into the segment, so it travels with the store; `open` skips such lines (they have no `k`).
     */
    markStageAnswered(stage) {
        this.append({ answered: stage });
    }
    /** The stages marked answered in the segments of `dir`, read without loading the answers. */
    static answeredStages(dir) {
        const out = new Set();
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir))
            return out;
        for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir)) {
            if (!/^calls-.*\.jsonl$/.test(name))
                continue;
            for (const line of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), 'utf8').split('\n')) {
                if (!line.startsWith('{"answered"'))
                    continue;
                try {
                    const rec = JSON.parse(line);
                    if (typeof rec.answered === 'string')
                        out.add(rec.answered);
                }
                catch {
                    // a torn line
                }
            }
        }
        return out;
    }
    /**
     * Batch mode: a provider batch holding calls of a stage is noted in the segment, so it travels with
     * the store (the Action caches it) and a later run on a fresh machine polls it. `closeBatch` notes that
     * its answers were collected (or that it ended without them: its requests go into the next batch).
     */
    noteBatch(ticket) {
        this.append({ batch: ticket });
    }
    closeBatch(id, collected) {
        this.append({ batch_closed: id, ...(collected ? { collected } : {}) });
    }
    /** The batches noted in the segments of `dir` and not closed, oldest first. */
    static openBatches(dir) {
        return CallCache.batches(dir).open;
    }
    /** Every batch noted in the segments of `dir`: those still open (oldest first), and what closed ones brought. */
    static batches(dir) {
        const open = new Map();
        const closed = new Map();
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir))
            return { open: [], closed: [] };
        for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir).sort()) {
            if (!/^calls-.*\.jsonl$/.test(name))
                continue;
            for (const line of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), 'utf8').split('\n')) {
                if (!line.startsWith('{"batch'))
                    continue;
                try {
                    const rec = JSON.parse(line);
                    if (rec.batch && typeof rec.batch.id === 'string')
                        open.set(rec.batch.id, rec.batch);
                    if (typeof rec.batch_closed === 'string')
                        closed.set(rec.batch_closed, rec.collected);
                }
                catch {
                    // a torn line
                }
            }
        }
        const byTime = (a, b) => (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : 0);
        return {
            open: [...open.values()].filter((t) => !closed.has(t.id)).sort(byTime),
            closed: [...open.values()].filter((t) => closed.has(t.id)).sort(byTime).map((ticket) => ({ ticket, collected: closed.get(ticket.id) })),
        };
    }
    /** A cache that stores nothing (for callers without an artifact directory). */
    static disabled() {
        return new CallCache(null, false);
    }
    get(key) {
        if (!this.enabled)
            return undefined;
        const v = this.map.get(key);
        if (v)
            this.stats.hits++;
        else
            this.stats.misses++;
        return v;
    }
    put(key, value) {
        if (!this.enabled || !this.dir)
            return;
        this.map.set(key, value);
        this.stats.entries = this.map.size;
        this.append({ k: key, v: value });
        this.stats.writes++;
    }
    append(record) {
        if (!this.enabled || !this.dir)
            return;
        if (this.fd === null) {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(this.dir, { recursive: true });
            const name = `calls-${Date.now()}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(3).toString('hex')}.jsonl`;
            this.fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, name), 'a');
        }
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeSync(this.fd, `${JSON.stringify(record)}\n`);
    }
    close() {
        if (this.fd !== null) {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(this.fd);
            this.fd = null;
        }
    }
}


/***/ }),

/***/ 49968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ LlmError),
/* harmony export */   s7: () => (/* binding */ ParserError)
/* harmony export */ });
/* unused harmony export isRetryableKind */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/**
 * Errors of the LLM layer. Every message is one sentence a user can act on and never contains an API
 * key value (keys are only ever named by their environment variable).
 */

/** A response that a recipe could not turn into a value (Data Designer's ParserException). Its message is
 * what a correction step sends back to the model, so it must stay short and exact. */
class ParserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ParserError';
    }
}
const RETRYABLE = new Set(['rate_limit', 'timeout', 'server_error', 'connection', 'malformed_response']);
function isRetryableKind(kind) {
    return RETRYABLE.has(kind);
}
/**
 * A failed cell. `retryable` follows Data Designer: rate limits, timeouts, 5xx and connection errors are
 * retryable (they do not count toward early shutdown; when their budget is exhausted the row is dropped
 * with `reason`); everything else is a non-retryable failure that drops the row and counts.
 */
class LlmError extends _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq {
    kind;
    retryable;
    status;
    /** Milliseconds the server asked us to wait (Retry-After / retry-after-ms), when it said. */
    retryAfterMs;
    /** Set by withRetries on the error it gives up with: where the call went, what failed, how often it was retried. */
    origin;
    constructor(kind, message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'LlmError';
        this.kind = kind;
        this.retryable = isRetryableKind(kind);
        this.status = options.status;
        this.retryAfterMs = options.retryAfterMs;
    }
    /** Short reason used to count dropped rows. */
    get reason() {
        return this.kind;
    }
}


/***/ }),

/***/ 12697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ LlmFacade),
  Cg: () => (/* binding */ chatRequestBody),
  f0: () => (/* binding */ embeddingInputs),
  H4: () => (/* binding */ initialMessages),
  sY: () => (/* binding */ toCompletion),
  $f: () => (/* binding */ toEmbedding),
  Nt: () => (/* binding */ withoutSecret)
});

// UNUSED EXPORTS: MAX_REFUSED_TOOL_TURNS, messageContent, toolCallsOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/llm/images.ts
var llm_images = __webpack_require__(44153);
// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(31954);
// EXTERNAL MODULE: ./src/llm/call-cache.ts
var call_cache = __webpack_require__(18620);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
// EXTERNAL MODULE: ./src/llm/recipes.ts + 3 modules
var recipes = __webpack_require__(87277);
// EXTERNAL MODULE: ./src/llm/redact.ts
var redact = __webpack_require__(98890);
// EXTERNAL MODULE: ./src/llm/retry.ts
var retry = __webpack_require__(35709);
;// CONCATENATED MODULE: ./src/llm/sampling.ts
function drawParameter(value, rng) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'number')
        return value;
    // distribution_type may be omitted for uniform (its default).
    if (value.distribution_type !== 'manual') {
        const { low, high } = value.params;
        return low + rng.next() * (high - low);
    }
    const { values, weights } = value.params;
    if (values.length === 0)
        return undefined;
    const w = weights && weights.length === values.length ? weights : values.map(() => 1);
    const total = w.reduce((a, b) => a + b, 0);
    let r = rng.next() * total;
    for (let i = 0; i < values.length; i++) {
        r -= w[i];
        if (r < 0)
            return values[i];
    }
    return values[values.length - 1];
}

;// CONCATENATED MODULE: ./src/llm/usage.ts
/** Token and call accounting per model alias and per column (for metadata and the end-of-run table). */
const empty = () => ({ calls: 0, cachedCalls: 0, retries: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, unpricedCalls: 0, toolCalls: 0, toolCallTurns: 0 });
class UsageMeter {
    aliases = new Map();
    columns = new Map();
    total = empty();
    entries(alias, column) {
        const out = [this.total];
        let a = this.aliases.get(alias);
        if (!a)
            this.aliases.set(alias, (a = empty()));
        out.push(a);
        if (column !== undefined) {
            let c = this.columns.get(column);
            if (!c)
                this.columns.set(column, (c = empty()));
            out.push(c);
        }
        return out;
    }
    recordCall(r) {
        for (const e of this.entries(r.alias, r.column)) {
            e.calls++;
            if (r.cached)
                e.cachedCalls++;
            else {
                e.promptTokens += r.prompt;
                e.completionTokens += r.completion;
                if (r.cost == null)
                    e.unpricedCalls++;
                else
                    e.costUsd += r.cost;
            }
        }
    }
    /** One generation's tool use (counted once the cell is done, as Data Designer does). */
    recordTools(alias, column, calls, turns) {
        for (const e of this.entries(alias, column)) {
            e.toolCalls += calls;
            e.toolCallTurns += turns;
        }
    }
    recordRetry(alias, column) {
        for (const e of this.entries(alias, column))
            e.retries++;
    }
    byAlias() {
        return Object.fromEntries([...this.aliases].map(([k, v]) => [k, { ...v }]));
    }
    byColumn() {
        return Object.fromEntries([...this.columns].map(([k, v]) => [k, { ...v }]));
    }
    totals() {
        return { ...this.total };
    }
}

// EXTERNAL MODULE: ./src/llm/list-values.ts
var list_values = __webpack_require__(67546);
// EXTERNAL MODULE: ./src/llm/budget.ts
var budget = __webpack_require__(14646);
// EXTERNAL MODULE: ./src/llm/pricing.ts
var pricing = __webpack_require__(50401);
// EXTERNAL MODULE: ./src/llm/batch/deferred.ts
var deferred = __webpack_require__(36353);
;// CONCATENATED MODULE: ./src/llm/facade.ts
/**
 * One model-backed cell: `generate` (chat completion + recipe, with Data Designer's correction steps and
 * conversation restarts) and `embed`. Every HTTP call goes through the call cache, admission control and
 * the retry policy, and is counted in the UsageMeter.
 */














const block = (text) => [{ type: 'text', text }];
/** Tool turns refused (past max_tool_call_turns) before a model that keeps asking fails the cell. */
const MAX_REFUSED_TOOL_TURNS = 2;
function stripOrNull(text) {
    if (typeof text !== 'string')
        return null;
    const t = text.trim();
    return t === '' ? null : t;
}
/**
 * Data Designer's prompt_to_messages (engine/models/utils.py): a system message only for a non-empty system
 * prompt, and the multi-modal context's blocks before the prompt's text block.
 */
function initialMessages(userPrompt, systemPrompt, images = []) {
    const out = [];
    if (systemPrompt)
        out.push({ role: 'system', content: block(systemPrompt) });
    out.push({ role: 'user', content: [...images, ...block(userPrompt)] });
    return out;
}
/**
 * The request body as Data Designer sends it: messages as ChatMessage.to_dict gives them (reasoning, tool
 * calls and the tool call id only when set), drawn parameters, no `n`, `tools` when the column has a
 * tool_alias, extra_body at top level.
 */
function chatRequestBody(endpoint, messages, rng, tools) {
    const body = {
        model: endpoint.model,
        messages: messages.map((m) => ({
            role: m.role,
            content: m.content,
            ...(m.reasoning_content ? { reasoning_content: m.reasoning_content } : {}),
            ...(m.tool_calls?.length ? { tool_calls: m.tool_calls } : {}),
            ...(m.tool_call_id ? { tool_call_id: m.tool_call_id } : {}),
        })),
    };
    const temperature = drawParameter(endpoint.params.temperature, rng);
    const topP = drawParameter(endpoint.params.top_p, rng);
    if (temperature !== undefined)
        body.temperature = temperature;
    if (topP !== undefined)
        body.top_p = topP;
    if (endpoint.params.max_tokens != null)
        body.max_tokens = endpoint.params.max_tokens;
    if (tools)
        body.tools = tools;
    return { ...body, ...endpoint.extraBody };
}
class LlmFacade {
    registry;
    callCache;
    usage;
    runConfig;
    /** Correction steps and restarts, defaults from the schema (computed once, not per call). */
    conversationLimits;
    retryPolicy;
    deadline;
    budget;
    /** run_config.rate_limit_stall_seconds (default 600) in ms. */
    rateLimitStallMs;
    deferral;
    tools;
    stage;
    constructor(registry, options = {}) {
        this.registry = registry;
        this.stage = options.stage ?? '';
        this.callCache = options.callCache ?? call_cache/* CallCache */.F.disabled();
        this.usage = options.usage ?? new UsageMeter();
        this.runConfig = options.runConfig ?? {};
        this.conversationLimits = (0,defaults/* runConfigWithDefaults */.g)(this.runConfig);
        this.retryPolicy = options.retryPolicy ?? retry/* DEFAULT_RETRY_POLICY */.cO;
        this.deadline = options.deadline;
        this.budget = options.budget ?? new budget/* SpendBudget */.Q({});
        this.rateLimitStallMs = (this.runConfig.rate_limit_stall_seconds ?? retry/* DEFAULT_RATE_LIMIT_STALL_SECONDS */.mr) * 1000;
        this.deferral = options.deferral;
        this.tools = options.tools ?? new Map();
    }
    /** The tool config a column names (a name no tool config has is Data Designer's MCPConfigurationError). */
    toolSet(alias) {
        if (alias === null || alias === undefined)
            return undefined;
        const set = this.tools.get(alias);
        if (!set)
            throw new errors/* LlmError */.Cf('tool_error', `Tool alias '${alias}' is not registered.`);
        return set;
    }
    /** The call-store scope of a column's cells: the stage and the column (see CallKeyParts.cell). */
    cell(column) {
        return JSON.stringify([this.stage, column ?? '']);
    }
    /** Batch mode: a call the store cannot answer goes to the stage's next provider batch instead. */
    deferIfBatched(endpoint, key, url, body) {
        if (!this.deferral?.defers(endpoint.alias))
            return;
        const call = { key, alias: endpoint.alias, url, body };
        this.deferral.add(call);
        throw new deferred/* DeferredCallError */.Oy(call);
    }
    /** One HTTP call (or cache hit) for `body`; counts retries and usage. */
    async complete(endpoint, body, req, tally) {
        const key = (0,call_cache/* callKey */.C)({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey, attempt: req.attempt });
        const cached = this.callCache.get(key);
        if (cached && 'content' in cached) {
            tally.hits++;
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
            return cached;
        }
        this.deferIfBatched(endpoint, key, '/v1/chat/completions', body);
        // Checked before anything is sent (throws when the run's budget would be passed); retries of this
        // request share its reservation.
        // (The prompt's size is measured only for a budget that needs the estimate: JSON.stringify per call otherwise.)
        const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: this.budget.active ? JSON.stringify(body.messages ?? '').length : 0, maxTokens: endpoint.params.max_tokens, price: endpoint.price, signal: req.signal });
        // Converting inside the retried call: a 200 without a message is retried like any transport glitch.
        const completion = await (0,retry/* withRetries */.LH)(async () => toCompletion(await endpoint.client.chat.completions.create(body, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint), this.retryOptions(endpoint, req, () => tally.retries++)).catch((err) => {
            this.budget.release(reservation);
            throw err;
        });
        const clean = withoutSecret(completion, endpoint.errorContext.secret);
        if (clean !== completion)
            tally.redacted = (tally.redacted ?? 0) + 1;
        // A provider that reports no usage still spent tokens: counted as characters ÷ 4 (the estimate the
        // budget reserves with), so budgets hold and reports do not say $0 for a paid run.
        if (clean.usage.prompt === 0 && clean.usage.completion === 0 && clean.usage.cost === undefined) {
            const text = (clean.content ?? '') + (clean.reasoning ?? '') + (clean.tool_calls ?? []).map((c) => c.arguments).join('');
            clean.usage = { ...clean.usage, prompt: Math.ceil(JSON.stringify(body.messages ?? '').length / 4), completion: Math.ceil(text.length / 4) };
        }
        this.callCache.put(key, clean);
        this.book(endpoint, req.column, clean.usage, reservation);
        return clean;
    }
    /** How one request is retried: the endpoint's admission control, the run's policy, deadline and stall limit. */
    retryOptions(endpoint, req, onRetry) {
        return {
            admission: endpoint.admission,
            policy: this.retryPolicy,
            context: endpoint.errorContext,
            signal: req.signal,
            deadline: this.deadline,
            rateLimitStallMs: this.rateLimitStallMs,
            onNotice: req.onNotice,
            onRetry: () => {
                onRetry?.();
                this.usage.recordRetry(endpoint.alias, req.column);
            },
        };
    }
    /** Books an answered HTTP call: its cost (the provider's figure, else the price) in usage and budget. */
    book(endpoint, column, usage, reservation) {
        const cost = (0,pricing/* callCost */.wD)(endpoint.price, usage);
        this.budget.settle(reservation, { identity: endpoint.identity, prompt: usage.prompt, completion: usage.completion, usd: cost });
        this.usage.recordCall({ alias: endpoint.alias, column, cached: false, prompt: usage.prompt, completion: usage.completion, cost });
    }
    async generate(req) {
        const endpoint = this.registry.get(req.alias);
        if (endpoint.kind !== 'chat')
            throw new errors/* LlmError */.Cf('bad_request', `Model alias '${req.alias}' is not a chat-completion model.`);
        const { max_conversation_correction_steps: maxCorrections, max_conversation_restarts: maxRestarts } = this.conversationLimits;
        const toolSet = this.toolSet(req.toolAlias);
        const tools = toolSet ? await toolSet.schemas(req.signal) : undefined;
        const start = initialMessages((0,recipes/* composeUserPrompt */.k0)(req.prompt, req.recipe), req.systemPrompt, req.images);
        let messages = start.map((m) => ({ ...m }));
        // Data Designer's restart checkpoint: moved past each tool turn, so a restart never repeats tool calls.
        let checkpoint = start;
        let checkpointTurns = 0;
        let turns = 0;
        let toolCalls = 0;
        const tally = { retries: 0, hits: 0, redacted: 0 };
        const usage = { prompt: 0, completion: 0 };
        let attempt = 0;
        let parseAttempts = 0;
        let corrections = 0;
        let restarts = 0;
        for (;;) {
            const body = chatRequestBody(endpoint, messages, req.rng, tools);
            const completion = await this.complete(endpoint, body, { recordKey: req.recordKey, attempt, column: req.column, signal: req.signal, onNotice: req.onNotice }, tally);
            attempt++;
            usage.prompt += completion.usage.prompt;
            usage.completion += completion.usage.completion;
            if (toolSet && completion.tool_calls?.length) {
                // Tools run live on every run (a stored answer that asked for them included): their results are in
                // the next request's body, so the call store answers the rest of the conversation only when they match.
                turns++;
                toolCalls += completion.tool_calls.length;
                // Data Designer refuses every turn past the limit and asks again, without end; ddflow gives a model
                // that ignores the refusal two more chances, then fails the cell (a bounded loop).
                if (turns > toolSet.maxTurns + MAX_REFUSED_TOOL_TURNS) {
                    throw new errors/* LlmError */.Cf('tool_error', `The model kept requesting tools after max_tool_call_turns (${toolSet.maxTurns}) of tool config '${toolSet.alias}' was reached and ${MAX_REFUSED_TOOL_TURNS} turns were refused.`);
                }
                messages.push(assistantToolMessage(completion));
                const results = turns > toolSet.maxTurns ? toolSet.refuse(completion.tool_calls) : await toolSet.execute(completion.tool_calls, req.signal);
                for (const r of results) {
                    const content = typeof r.content === 'string' ? block(r.content) : r.content;
                    messages.push({ role: 'tool', content: content.map((b) => (b.type === 'text' ? { ...b, text: redactSecret(b.text, endpoint) } : b)), tool_call_id: r.tool_call_id });
                }
                checkpoint = messages.map((m) => ({ ...m }));
                checkpointTurns = turns;
                continue;
            }
            const raw = (completion.content ?? '').trim();
            const reasoning = stripOrNull(completion.reasoning);
            messages.push({ role: 'assistant', content: block(raw), ...(reasoning ? { reasoning_content: reasoning } : {}) });
            parseAttempts++;
            try {
                // Parsed JSON can spell the key with escapes (`\u002d`) the text redaction could not see: the
                // parsed strings are redacted again.
                const parsed = redactedStrings(req.recipe.parse(raw), endpoint.errorContext.secret);
                if (parsed.count > 0)
                    tally.redacted = (tally.redacted ?? 0) + parsed.count;
                const value = parsed.value;
                const result = { value, raw, usage, calls: attempt, corrections, restarts, retries: tally.retries, cacheHits: tally.hits };
                const mode = req.withTrace ?? 'none';
                if (mode === 'all_messages')
                    result.trace = messages;
                else if (mode === 'last_message')
                    result.trace = [messages[messages.length - 1]];
                if (req.extractReasoning)
                    result.reasoning = reasoning;
                if (tally.redacted > 0)
                    result.warnings = [secretInAnswerWarning(endpoint)];
                if (toolSet) {
                    result.toolCalls = toolCalls;
                    result.toolCallTurns = turns;
                    this.usage.recordTools(endpoint.alias, req.column, toolCalls, turns);
                }
                return result;
            }
            catch (err) {
                if (!(err instanceof errors/* ParserError */.s7))
                    throw err;
                if (maxCorrections === 0 && maxRestarts === 0) {
                    throw new errors/* LlmError */.Cf('generation_validation', `Unsuccessful generation attempt. No retries were attempted. ${err.message}`, { cause: err });
                }
                if (parseAttempts <= maxCorrections) {
                    // The parser's message goes back to the model as the next user turn.
                    messages.push({ role: 'user', content: block(err.message) });
                    corrections++;
                }
                else if (restarts < maxRestarts) {
                    parseAttempts = 0;
                    restarts++;
                    messages = checkpoint.map((m) => ({ ...m }));
                    turns = checkpointTurns;
                }
                else {
                    throw new errors/* LlmError */.Cf('generation_validation', `Unsuccessful generation despite ${maxCorrections} correction steps and ${maxRestarts} conversation restarts. ${err.message}`, { cause: err });
                }
            }
        }
    }
    async embed(req) {
        const endpoint = this.registry.get(req.alias);
        if (endpoint.kind !== 'embedding')
            throw new errors/* LlmError */.Cf('bad_request', `Model alias '${req.alias}' is not an embedding model.`);
        const input = embeddingInputs(req.input);
        const body = { model: endpoint.model, input, encoding_format: endpoint.params.encoding_format ?? 'float' };
        if (endpoint.params.dimensions != null)
            body.dimensions = endpoint.params.dimensions;
        Object.assign(body, endpoint.extraBody);
        const key = (0,call_cache/* callKey */.C)({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey ?? '', attempt: 0 });
        let answer = this.callCache.get(key);
        if (answer && 'embeddings' in answer) {
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
        }
        else {
            this.deferIfBatched(endpoint, key, '/v1/embeddings', body);
            const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: JSON.stringify(input).length, maxTokens: 0, price: endpoint.price, signal: req.signal });
            answer = await (0,retry/* withRetries */.LH)(async () => toEmbedding(await endpoint.client.embeddings.create(body, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint), this.retryOptions(endpoint, req)).catch((err) => {
                this.budget.release(reservation);
                throw err;
            });
            this.callCache.put(key, answer);
            this.book(endpoint, req.column, answer.usage, reservation);
        }
        return { embeddings: answer.embeddings, num_embeddings: answer.embeddings.length, dimension: answer.embeddings[0]?.length ?? 0 };
    }
    /** Images for one cell (src/llm/images.ts): retried, admitted, stored and counted like any call. */
    async generateImage(req) {
        const endpoint = this.registry.get(req.alias);
        if (endpoint.kind !== 'image')
            throw new errors/* LlmError */.Cf('bad_request', `Model alias '${req.alias}' is not an image-generation model.`);
        const { route, body } = (0,llm_images/* imageRequestBody */.zE)(endpoint, req.prompt, req.images);
        const key = (0,call_cache/* callKey */.C)({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey, attempt: 0 });
        const cached = this.callCache.get(key);
        if (cached && Array.isArray(cached.images)) {
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
            return { images: cached.images, calls: 1, cacheHits: 1 };
        }
        // The budget holds an image request back like any other (its cost comes from the usage the answer reports).
        const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: req.prompt.length, maxTokens: 0, price: endpoint.price, signal: req.signal });
        const answer = await (0,retry/* withRetries */.LH)(async () => {
            const options = { timeout: endpoint.timeoutMs, signal: req.signal };
            if (route === 'images' && !endpoint.client.images)
                throw new errors/* LlmError */.Cf('bad_request', `Provider '${endpoint.provider.name}' has no images API.`);
            const raw = route === 'images' ? await endpoint.client.images.generate(body, options) : await endpoint.client.chat.completions.create(body, options);
            const usage = raw?.usage;
            return { raw, usage: { prompt: usage?.prompt_tokens ?? usage?.input_tokens ?? 0, completion: usage?.completion_tokens ?? usage?.output_tokens ?? 0 } };
        }, this.retryOptions(endpoint, req)).catch((err) => {
            this.budget.release(reservation);
            throw err;
        });
        this.book(endpoint, req.column, answer.usage, reservation);
        // A linked image is downloaded under the endpoint's timeout and retry policy: a stalled or failing
        // download is a transient loss (the row is generated again by a rerun), never a hang.
        const images = await (0,llm_images/* imagesOfAnswer */.WK)(route, answer.raw, (url) => (0,retry/* withRetries */.LH)(() => (0,llm_images/* fetchImageAsBase64 */.ni)(url, req.signal, endpoint.timeoutMs), this.retryOptions(endpoint, req)));
        // Data Designer's ImageGenerationError: an answer without an image fails the cell (and is not stored).
        if (images.length === 0)
            throw new errors/* LlmError */.Cf('generation_validation', `No image data found in the image generation response of model '${endpoint.model}'.`);
        this.callCache.put(key, { images, usage: answer.usage });
        return { images, calls: 1, cacheHits: 0 };
    }
}
/**
 * The answer with the provider's API key (or a fragment or encoding of it) replaced by [REDACTED]:
 * a model that repeats the key must not get it into a dataset, a trace or the call store. The same
 * object when there was nothing to remove.
 */
function withoutSecret(completion, secret) {
    const content = completion.content === null ? null : (0,redact/* redactAnswer */.s2)(completion.content, secret);
    const reasoning = completion.reasoning === null ? null : (0,redact/* redactAnswer */.s2)(completion.reasoning, secret);
    // A tool call's arguments go to a tool server and into the trace: the key must not travel there either.
    const calls = completion.tool_calls?.map((c) => ({ call: c, args: (0,redact/* redactAnswer */.s2)(c.arguments, secret) }));
    const callsRedacted = calls?.some((c) => c.args.count > 0) ?? false;
    if (!content?.count && !reasoning?.count && !callsRedacted)
        return completion;
    return {
        ...completion,
        content: content ? content.text : null,
        reasoning: reasoning ? reasoning.text : null,
        ...(calls ? { tool_calls: calls.map((c) => ({ ...c.call, arguments: c.args.text })) } : {}),
    };
}
/** `value` with the key (or a fragment or encoding of it) removed from every string inside it. */
function redactedStrings(value, secret) {
    let count = 0;
    const walk = (v) => {
        if (typeof v === 'string') {
            const r = (0,redact/* redactAnswer */.s2)(v, secret);
            count += r.count;
            return r.count > 0 ? r.text : v;
        }
        if (Array.isArray(v))
            return v.map(walk);
        if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k), walk(x)]));
        }
        return v;
    };
    // A text answer is the raw text, redacted already (escapes included); only parsed JSON is walked.
    if (!secret || typeof value === 'string')
        return { value, count: 0 };
    const out = walk(value);
    return { value: count > 0 ? out : value, count };
}
/**
 * The assistant message of a tool turn (Data Designer's _build_assistant_tool_message): its text — stripped
 * only when the answer has reasoning —, the reasoning, and the calls in OpenAI's shape.
 */
function assistantToolMessage(completion) {
    const reasoning = completion.reasoning ?? '';
    const content = reasoning ? (completion.content ?? '').trim() : (completion.content ?? '');
    return {
        role: 'assistant',
        content: block(content),
        ...(reasoning.trim() ? { reasoning_content: reasoning.trim() } : {}),
        tool_calls: (completion.tool_calls ?? []).map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
    };
}
/** A tool's text with the provider's API key removed (a tool that echoes its input must not carry the key on). */
function redactSecret(text, endpoint) {
    return (0,redact/* redactAnswer */.s2)(text, endpoint.errorContext.secret).text;
}
function secretInAnswerWarning(endpoint) {
    const key = endpoint.keyVariable ? `the API key of provider '${endpoint.provider.name}' (variable ${endpoint.keyVariable})` : `the API key of provider '${endpoint.provider.name}'`;
    return `A model answer of alias '${endpoint.alias}' contained ${key}, or a part of it; it was replaced by ${redact/* REDACTED */.XF} before being stored.`;
}
/** A JSON list (or a string that parses to one) is embedded item-wise; anything else as one text. */
function embeddingInputs(value) {
    return (0,list_values/* cellItems */.x)(value).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}
function toEmbedding(raw, endpoint) {
    const response = raw;
    if (!response || typeof response !== 'object' || !Array.isArray(response.data)) {
        throw new errors/* LlmError */.Cf('malformed_response', `The embeddings response from provider '${endpoint.provider.name}' (model '${endpoint.model}') has no data.`);
    }
    const data = [...response.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const cost = (0,pricing/* reportedCost */.xh)(response.usage);
    return { embeddings: data.map((d) => decodeEmbedding(d.embedding)), usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: 0, ...(cost !== undefined ? { cost } : {}) } };
}
function decodeEmbedding(e) {
    if (Array.isArray(e))
        return e;
    const buf = Buffer.from(e, 'base64');
    return Array.from(new Float32Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 4)));
}
function toCompletion(response, endpoint) {
    const r = response;
    const message = typeof r === 'object' && r !== null ? r.choices?.[0]?.message : undefined;
    if (!message) {
        // A 200 without a message is a transport glitch, not the model's answer: retryable, never cached.
        throw new errors/* LlmError */.Cf('malformed_response', `The response from provider '${endpoint.provider.name}' (model '${endpoint.model}') has no message.`);
    }
    // OpenRouter reports what the call cost (in US dollars) as usage.cost: it wins over any price.
    const cost = (0,pricing/* reportedCost */.xh)(r.usage);
    const reasoning = typeof message.reasoning === 'string' && message.reasoning.trim() !== '' ? message.reasoning : typeof message.reasoning_content === 'string' ? message.reasoning_content : null;
    const toolCalls = toolCallsOf(message.tool_calls);
    return {
        content: messageContent(message.content),
        reasoning,
        ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        usage: { prompt: r.usage?.prompt_tokens ?? 0, completion: r.usage?.completion_tokens ?? 0, ...(cost !== undefined ? { cost } : {}) },
    };
}
/**
 * Data Designer's coerce_message_content (engine/models/clients/parsing.py): text as is, a list of
 * content blocks as the `text` of its blocks joined by newlines (some providers answer so), anything
 * else as its text; null for none.
 */
function messageContent(content) {
    if (content === null || content === undefined)
        return null;
    if (typeof content === 'string')
        return content;
    if (Array.isArray(content)) {
        const parts = content.flatMap((b) => (b !== null && typeof b === 'object' && typeof b.text === 'string' ? [b.text] : []));
        return parts.length > 0 ? parts.join('\n') : null;
    }
    return typeof content === 'object' ? JSON.stringify(content) : String(content);
}
/**
 * The tool calls of an answer (Data Designer's extract_tool_calls, engine/models/clients/parsing.py): a
 * missing id gets a random one, arguments absent → "{}", text as sent, anything else as JSON.
 */
function toolCallsOf(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.map((c) => {
        const call = (c ?? {});
        const args = call.function?.arguments;
        return {
            id: call.id ? String(call.id) : (0,external_node_crypto_.randomUUID)().replace(/-/g, ''),
            name: call.function?.name ? String(call.function.name) : '',
            arguments: args === undefined || args === null ? '{}' : typeof args === 'string' ? args : JSON.stringify(args),
        };
    });
}


/***/ }),

/***/ 44153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WK: () => (/* binding */ imagesOfAnswer),
/* harmony export */   ni: () => (/* binding */ fetchImageAsBase64),
/* harmony export */   u: () => (/* binding */ imageFormatOf),
/* harmony export */   zE: () => (/* binding */ imageRequestBody)
/* harmony export */ });
/* unused harmony export isDiffusionModel */
/* harmony import */ var _shared_display_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54923);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49968);
/**
 * Image generation as Data Designer's ModelFacade.generate_image does it (engine/models/facade.py,
 * clients/parsing.py): a diffusion model (its name contains dall-e-, dalle, stable-diffusion, sd-, sd_,
 * imagen or gpt-image-) is asked through the images API (`POST /images/generations` with model and
 * prompt); any other image model through chat completions (one user message: the prompt's text and the
 * multi-modal context's images), its images read from `message.images`, else from a string content
 * holding a data URI or base64 image. Answers are base64 images, without a data-URI prefix.
 */


const DIFFUSION_MODEL_PATTERNS = ['dall-e-', 'dalle', 'stable-diffusion', 'sd-', 'sd_', 'imagen', 'gpt-image-'];
function isDiffusionModel(model) {
    const m = model.toLowerCase();
    return DIFFUSION_MODEL_PATTERNS.some((p) => m.includes(p));
}
/** The route and body of an image request (extra_body keys merged in, as for every request). */
function imageRequestBody(endpoint, prompt, images = []) {
    if (isDiffusionModel(endpoint.model))
        return { route: 'images', body: { model: endpoint.model, prompt, ...endpoint.extraBody } };
    return {
        route: 'chat',
        body: { model: endpoint.model, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }, ...images] }], ...endpoint.extraBody },
    };
}
const DATA_URI = /^data:image\/[^;]+;base64,(.+)$/s;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;
/** A base64 image when `value` is one (or a data URI of one), an http(s) URL to fetch, or undefined. */
function imageString(value) {
    const data = DATA_URI.exec(value);
    if (data)
        return { b64: data[1] };
    if (/^https?:\/\//i.test(value))
        return { url: value };
    // Long enough to be an image, and decodes to one of the formats the media store accepts.
    if (value.length >= 16 && BASE64.test(value) && imageFormatOf(Buffer.from(value.slice(0, 64), 'base64')))
        return { b64: value };
    return undefined;
}
function candidate(raw) {
    if (typeof raw === 'string')
        return imageString(raw);
    if (raw && typeof raw === 'object') {
        const o = raw;
        if (typeof o.b64_json === 'string')
            return { b64: o.b64_json };
        if ('image_url' in o)
            return candidate(o.image_url);
        if (typeof o.url === 'string')
            return imageString(o.url);
    }
    return undefined;
}
/** The images of an answer, fetching those given as URLs. */
async function imagesOfAnswer(route, response, fetchImage) {
    const r = response;
    let raw;
    if (route === 'images')
        raw = Array.isArray(r?.data) ? r.data : [];
    else {
        const message = r?.choices?.[0]?.message;
        raw = Array.isArray(message?.images) ? message.images : [];
        if (raw.length === 0 && typeof message?.content === 'string')
            raw = [message.content];
    }
    const out = [];
    for (const item of raw) {
        const c = candidate(item);
        if (!c)
            continue;
        out.push('b64' in c ? c.b64 : await fetchImage(c.url));
    }
    return out;
}
/** PNG, JPEG, GIF or WebP by their first bytes (Data Designer's detect_image_format), else undefined. */
function imageFormatOf(bytes) {
    const b = bytes;
    if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
        return 'png';
    if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
        return 'jpg';
    if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38)
        return 'gif';
    if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
        return 'webp';
    return undefined;
}
/** An image URL's bytes as base64 (an image model may answer with a link instead of the data). */
async function fetchImageAsBase64(url, signal, timeoutMs = 60_000) {
    // The URL is shown without its query and credentials: a signed link (X-Amz-Signature, ?key=) is a secret.
    const shown = (0,_shared_display_url_js__WEBPACK_IMPORTED_MODULE_1__/* .displayEndpoint */ .O)(url);
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
        const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        if (!res.ok) {
            const kind = res.status === 429 ? 'rate_limit' : res.status >= 500 ? 'server_error' : 'malformed_response';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf(kind, `The image at ${shown} could not be downloaded (HTTP ${res.status}).`);
        }
        return Buffer.from(await res.arrayBuffer()).toString('base64');
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf || signal?.aborted)
            throw err;
        // fetch's own errors name neither the cause nor a safe URL: connection refused/reset, DNS, the timeout.
        const cause = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : String(err.cause?.code ?? err.message);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LlmError */ .Cf(timeout.aborted ? 'timeout' : 'connection', `The image at ${shown} could not be downloaded (${cause}).`);
    }
}


/***/ }),

/***/ 32002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FY: () => (/* reexport */ call_cache/* CallCache */.F),
  w: () => (/* reexport */ facade/* LlmFacade */.w),
  zN: () => (/* reexport */ ModelRegistry),
  dv: () => (/* reexport */ SKIP_HEALTH_CHECKS_ENV),
  Qq: () => (/* reexport */ budget/* SpendBudget */.Q),
  ZJ: () => (/* reexport */ buildModelRegistry),
  T4: () => (/* reexport */ builtin_models/* builtinModelConfig */.T4),
  aj: () => (/* reexport */ checkModelHealth),
  k0: () => (/* reexport */ recipes/* composeUserPrompt */.k0),
  f0: () => (/* reexport */ facade/* embeddingInputs */.f0),
  UK: () => (/* reexport */ pricing/* formatUsd */.UK),
  _z: () => (/* reexport */ healthChecksDisabled),
  zM: () => (/* reexport */ llm_providers/* mergeProviders */.zM),
  xx: () => (/* reexport */ pricing/* priceOf */.xx),
  ed: () => (/* reexport */ retry/* retryPolicyFromEnv */.ed),
  LU: () => (/* reexport */ pricing/* tokenCost */.LU)
});

// UNUSED EXPORTS: AdmissionController, BUILTIN_MODEL_CONFIGS, BUILTIN_PROVIDERS, BudgetExhaustedError, DEFAULT_RETRY_POLICY, EarlyShutdownMonitor, HEALTH_CHECK_TIMEOUT_MS, LlmError, ParserError, UsageMeter, admissionSettings, callCost, callKey, chatRequestBody, classifyError, codeRecipe, codeSyntax, contextBlocks, displayEndpoint, drawParameter, imageItems, imageUrl, initialMessages, isEnvVariableName, isRetryableKind, isTransientLoss, judgeRecipe, modelKind, resolveApiKey, retryAfterMs, structuredRecipe, textRecipe, transientLossMessage, withRetries

// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(31954);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
;// CONCATENATED MODULE: ./src/llm/admission.ts
/**
 * Request admission (AIMD) per (provider endpoint, model), after Data Designer's request_admission, with
 * a TCP-style reading of 429s (a deliberate deviation, see docs/llm.md):
 * - the limit starts at max_parallel_requests; a 429 cuts it to max(1, floor(limit × factor)) — at most
 *   once per cooldown window, and never for a request admitted before the last cut (its 429 reflects the
 *   old limit, which has already been cut);
 * - only a cut pauses the whole endpoint, for min(Retry-After, cooldown_seconds); a 429 that does not
 *   cut delays only its own request's retry (by its Retry-After, in withRetries);
 * - the limit grows by `additive_increase_step` per `successes_until_increase` successes since the last
 *   cut (counted, not consecutive: one 429 among many successes does not reset the count), and four
 *   times faster while it is below the limit the last cut came from (back to a level that held).
 * Data Designer cuts on every 429, blocks the endpoint for each, and needs consecutive successes to grow,
 * which with 10 % random 429s keeps the limit near 1 (bench/llm.ts measured 0.087 efficiency).
 *
 * Never stalls: the limit never drops below 1 and a pause always ends, so under a sustained 429 storm
 * one request at a time keeps probing after each pause, and the run finishes once the storm ends — or,
 * when the endpoint has answered nothing but 429s since `rateLimitedSince` for
 * run_config.rate_limit_stall_seconds, withRetries gives up (the stage fails, resumable).
 */



function admissionSettings(maxParallel, ra = undefined) {
    const r = (0,defaults/* withSchemaDefaults */.A)(schema/* RequestAdmission */.T0, ra ?? {});
    return {
        maxParallel: Math.max(1, Math.floor(maxParallel)),
        decreaseFactor: r.multiplicative_decrease_factor,
        increaseStep: r.additive_increase_step,
        successesUntilIncrease: r.successes_until_increase,
        cooldownMs: r.cooldown_seconds * 1000,
        startupRampMs: r.startup_ramp_seconds * 1000,
        maxRetryAfterMs: 120_000,
    };
}
/**
 * Below the limit the last cut came from, the limit grows this many times faster: that level was
 * sustained until one 429, so getting back to it is a recovery, not a probe (CUBIC's idea: return fast
 * to the last good window, probe carefully beyond it). bench/admission-sim.ts with 10 % random 429s:
 * 0.762 of the fault-free time at 1×, 0.810 at 2×, 0.821 at 4×; with (nearly) fixed permits 0.865.
 */
const RECOVERY_SPEEDUP = 4;
class AdmissionController {
    settings;
    limitValue;
    inFlight = 0;
    blockedUntil = 0;
    /** Successes since the last cut (or since the last increase). */
    successes = 0;
    /** Incremented by every cut; a permit remembers the epoch it was admitted in. */
    epoch = 0;
    lastCutAt = null;
    /** The limit the last cut came from: below it the limit grows back faster (RECOVERY_SPEEDUP). */
    cutFrom = 0;
    startedAt = Date.now();
    waiters = [];
    /** When the current run of nothing but 429s began (null once anything else came back). */
    rateLimitedSinceValue = null;
    floorNoticeGiven = false;
    timer = null;
    stats;
    constructor(settings) {
        this.settings = settings;
        this.limitValue = settings.maxParallel;
        this.stats = { admitted: 0, rateLimited: 0, cuts: 0, decreases: 0, increases: 0, minLimit: settings.maxParallel, maxInFlight: 0 };
    }
    get limit() {
        return this.limitValue;
    }
    /** Epoch ms of the first 429 since the endpoint last answered anything else; null when it did. */
    get rateLimitedSince() {
        return this.rateLimitedSinceValue;
    }
    /** True once, the first time a 429 cut has left the limit at 1 (worth one log line). */
    takeFloorNotice() {
        if (this.floorNoticeGiven || this.stats.cuts === 0 || this.limitValue > 1)
            return false;
        this.floorNoticeGiven = true;
        return true;
    }
    /** The cap may only shrink (several aliases share one endpoint+model: the smallest wins). */
    lowerCap(maxParallel) {
        const cap = Math.max(1, Math.floor(maxParallel));
        if (cap < this.settings.maxParallel) {
            this.settings.maxParallel = cap;
            this.limitValue = Math.min(this.limitValue, cap);
        }
    }
    effectiveLimit(now) {
        const ramp = this.settings.startupRampMs;
        const elapsed = now - this.startedAt;
        if (ramp <= 0 || elapsed >= ramp)
            return this.limitValue;
        return Math.min(this.limitValue, 1 + Math.floor((this.settings.maxParallel - 1) * (elapsed / ramp)));
    }
    acquire(signal) {
        if (signal?.aborted)
            return Promise.reject(new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.'));
        return new Promise((resolve, reject) => {
            if (signal)
                this.watch(signal);
            this.waiters.push({ grant: resolve, fail: reject, signal });
            this.pump();
        });
    }
    /** Signals that already have this controller's abort listener. */
    watched = new WeakSet();
    /**
     * One abort listener per signal, not one per waiter: a stage passes the same signal with every call,
     * hundreds of calls wait here at once, and each add/remove of a listener walks the signal's whole
     * listener list (it was 0.08 ms per call in the profile of a 32-parallel stage). When the signal aborts,
     * every call still waiting with it is cancelled, in the order they came.
     */
    watch(signal) {
        if (this.watched.has(signal))
            return;
        this.watched.add(signal);
        signal.addEventListener('abort', () => {
            const cancelled = this.waiters.filter((w) => w.signal === signal);
            if (cancelled.length === 0)
                return;
            this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => w.signal !== signal));
            for (const w of cancelled)
                w.fail(new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.'));
        }, { once: true });
    }
    pump() {
        const now = Date.now();
        if (now < this.blockedUntil)
            return this.wakeAt(this.blockedUntil - now);
        const limit = this.effectiveLimit(now);
        while (this.waiters.length > 0 && this.inFlight < limit) {
            this.waiters.shift().grant(this.permit());
        }
        if (this.waiters.length > 0 && limit < this.limitValue) {
            // Still ramping up: look again when the next slot opens.
            this.wakeAt(Math.max(1, Math.ceil(this.settings.startupRampMs / Math.max(1, this.settings.maxParallel))));
        }
    }
    wakeAt(ms) {
        if (this.timer)
            return;
        this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
        }, ms);
    }
    permit() {
        this.inFlight++;
        this.stats.admitted++;
        this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
        const epoch = this.epoch;
        let released = false;
        return {
            release: (outcome, retryAfterMs) => {
                if (released)
                    return;
                released = true;
                this.inFlight--;
                this.onOutcome(outcome, epoch, retryAfterMs);
                this.pump();
            },
        };
    }
    /** Whether a 429 of a request admitted in `epoch` cuts the limit now (see the file comment). */
    shouldCut(epoch, now) {
        if (epoch < this.epoch)
            return false;
        return this.lastCutAt === null || now - this.lastCutAt >= this.settings.cooldownMs;
    }
    onOutcome(outcome, epoch, retryAfterMs) {
        const now = Date.now();
        if (outcome !== 'rate_limited')
            this.rateLimitedSinceValue = null;
        if (outcome === 'rate_limited') {
            this.rateLimitedSinceValue ??= now;
            this.stats.rateLimited++;
            if (!this.shouldCut(epoch, now))
                return;
            const next = Math.max(1, Math.floor(this.limitValue * this.settings.decreaseFactor));
            if (next < this.limitValue)
                this.stats.decreases++;
            this.stats.cuts++;
            this.cutFrom = this.limitValue;
            this.limitValue = next;
            this.stats.minLimit = Math.min(this.stats.minLimit, next);
            this.epoch++;
            this.lastCutAt = now;
            this.successes = 0;
            const pause = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, this.settings.cooldownMs) : this.settings.cooldownMs;
            this.blockedUntil = Math.max(this.blockedUntil, now + pause);
            return;
        }
        if (outcome === 'success') {
            this.successes++;
            const recovering = this.limitValue < this.cutFrom;
            const needed = recovering ? Math.max(1, Math.ceil(this.settings.successesUntilIncrease / RECOVERY_SPEEDUP)) : this.settings.successesUntilIncrease;
            if (this.successes >= needed) {
                this.successes = 0;
                const next = Math.min(this.settings.maxParallel, this.limitValue + this.settings.increaseStep);
                if (next > this.limitValue)
                    this.stats.increases++;
                this.limitValue = next;
            }
        }
    }
}

// EXTERNAL MODULE: ./src/config/builtin-models.ts
var builtin_models = __webpack_require__(75360);
// EXTERNAL MODULE: ./src/llm/call-cache.ts
var call_cache = __webpack_require__(18620);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/shared/random.ts
var random = __webpack_require__(13014);
// EXTERNAL MODULE: ./src/llm/facade.ts + 2 modules
var facade = __webpack_require__(12697);
// EXTERNAL MODULE: ./src/llm/providers.ts
var llm_providers = __webpack_require__(64689);
// EXTERNAL MODULE: ./src/llm/retry.ts
var retry = __webpack_require__(35709);
;// CONCATENATED MODULE: ./src/llm/health.ts
/**
 * Data Designer's model health check (§5.3): before anything is generated, every model a run will use
 * answers one tiny request — chat: user `Hello!` with system `You are a helpful assistant.` and a
 * non-empty reply; embedding: `["Hello!"]`. A wrong model id, a bad key or an unreachable endpoint then
 * stops the run in seconds with one sentence, instead of dropping every row of the first stage.
 *
 * The calls go straight to the endpoint's client (not through the facade): they are never stored in the
 * call cache and never counted in a stage's usage. They still pass admission control and the transport
 * retry policy (5xx, timeouts, connection errors; 429s wait and retry), but a bad answer is not retried.
 */






/** Data Designer's overall limit for the health checks of one run. */

const HEALTH_CHECK_TIMEOUT_MS = 180_000;
const SKIP_HEALTH_CHECKS_ENV = 'DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS';
const HEALTH_CHECK_PROMPT = 'Hello!';
const HEALTH_CHECK_SYSTEM_PROMPT = 'You are a helpful assistant.';
/** `DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS=1` (or `true`) turns every check off. */
function healthChecksDisabled(env = process.env) {
    const v = env[SKIP_HEALTH_CHECKS_ENV]?.trim().toLowerCase();
    return v === '1' || v === 'true';
}
function reasonOf(err, endpoint) {
    switch (err.kind) {
        case 'not_found':
            return 'model not found (404)';
        case 'authentication':
            return endpoint.keyVariable ? `authentication failed (401; check the variable ${endpoint.keyVariable})` : 'authentication failed (401)';
        case 'permission':
            return 'permission denied (403)';
        default:
            return err.message.replace(/\.$/, '');
    }
}
function failure(endpoint, reason, cause) {
    const where = `model '${endpoint.model}' at ${(0,llm_providers/* displayEndpoint */.OI)(endpoint.provider.endpoint)}`;
    return new diagnostics/* DdflowError */.Zq(`Model health check failed for alias '${endpoint.alias}' (${where}): ${reason}.`, { cause });
}
async function checkOne(endpoint, policy, signal, deadline) {
    const common = { admission: endpoint.admission, policy, context: endpoint.errorContext, signal, deadline };
    if (endpoint.kind === 'embedding') {
        const body = { model: endpoint.model, input: [HEALTH_CHECK_PROMPT], encoding_format: endpoint.params.encoding_format ?? 'float' };
        if (endpoint.params.dimensions != null)
            body.dimensions = endpoint.params.dimensions;
        Object.assign(body, endpoint.extraBody);
        const answer = await (0,retry/* withRetries */.LH)(async () => (0,facade/* toEmbedding */.$f)(await endpoint.client.embeddings.create(body, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
        if (answer.embeddings.length === 0 || answer.embeddings[0].length === 0)
            throw failure(endpoint, 'the reply held no embedding');
        return answer.usage;
    }
    // The same body a generation would send (inference parameters, extra_body), so a provider that
    // rejects a parameter fails here too. Fixed stream: the check is the same on every run.
    const messages = (0,facade/* initialMessages */.H4)(HEALTH_CHECK_PROMPT, HEALTH_CHECK_SYSTEM_PROMPT);
    const body = (0,facade/* chatRequestBody */.Cg)(endpoint, messages, (0,random/* cellRng */.Kl)(0, 'health-check', endpoint.alias, 0));
    const answer = await (0,retry/* withRetries */.LH)(async () => (0,facade/* toCompletion */.sY)(await endpoint.client.chat.completions.create(body, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
    if ((answer.content ?? '').trim() === '')
        throw failure(endpoint, 'the model returned an empty reply');
    return answer.usage;
}
/**
 * Checks every chat and embedding endpoint (each alias once, concurrently) unless its config says
 * `skip_health_check`. Throws one DdflowError naming each failing alias, its model, the provider's
 * endpoint and the reason (never a key value).
 */
async function checkModelHealth(endpoints, options = {}) {
    const timeoutMs = options.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
    const policy = options.retryPolicy ?? retry/* DEFAULT_RETRY_POLICY */.cO;
    const result = { checked: [], skipped: [], calls: 0, tokens: { prompt: 0, completion: 0 } };
    // One check per alias and model: a later stage may give an alias another model.
    const todo = new Map();
    for (const e of endpoints) {
        if (e.skipHealthCheck || e.kind === 'image') {
            if (!result.skipped.includes(e.alias))
                result.skipped.push(e.alias);
            continue;
        }
        const key = `${e.alias}\u0000${e.identity}\u0000${e.kind}`;
        if (!todo.has(key))
            todo.set(key, e);
    }
    if (todo.size === 0)
        return result;
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
    const deadline = Date.now() + timeoutMs;
    try {
        const outcomes = await Promise.allSettled([...todo.values()].map((e) => checkOne(e, policy, signal, deadline)));
        if (options.signal?.aborted)
            throw new errors/* LlmError */.Cf('cancelled', 'The run was cancelled.');
        const problems = [];
        [...todo.values()].forEach((e, i) => {
            const o = outcomes[i];
            if (o.status === 'fulfilled') {
                result.calls++;
                result.tokens.prompt += o.value.prompt;
                result.tokens.completion += o.value.completion;
                if (!result.checked.includes(e.alias))
                    result.checked.push(e.alias);
                return;
            }
            const err = o.reason;
            let problem;
            if (err instanceof diagnostics/* DdflowError */.Zq && !(err instanceof errors/* LlmError */.Cf))
                problem = err;
            else if (timer.signal.aborted || (err instanceof errors/* LlmError */.Cf && err.kind === 'cancelled')) {
                problem = failure(e, `no answer within ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`, err);
            }
            else if (err instanceof errors/* LlmError */.Cf)
                problem = failure(e, reasonOf(err, e), err);
            else
                problem = failure(e, err instanceof Error ? err.message.replace(/\.$/, '') : String(err), err);
            if (!problems.includes(problem.message))
                problems.push(problem.message);
        });
        if (problems.length > 0)
            throw new diagnostics/* DdflowError */.Zq(problems.join(' '));
        return result;
    }
    finally {
        clearTimeout(timeout);
    }
}

// EXTERNAL MODULE: ./src/llm/multimodal.ts
var multimodal = __webpack_require__(29593);
// EXTERNAL MODULE: ./src/llm/outcomes.ts
var outcomes = __webpack_require__(40042);
// EXTERNAL MODULE: ./src/llm/recipes.ts + 3 modules
var recipes = __webpack_require__(87277);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(98193);
;// CONCATENATED MODULE: ./src/llm/anthropic.ts



const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;
const ANTHROPIC_VERSION = '2023-06-01';
/** Request fields Data Designer's adapter does not forward (handled explicitly or meaningless here). */
const NOT_FORWARDED = new Set(['stop', 'max_tokens', 'tools', 'n', 'response_format', 'frequency_penalty', 'presence_penalty', 'seed', 'model', 'messages']);
const DATA_URI = /^data:([^;]+);base64,(.+)$/s;
/** Data Designer's _UNSUPPORTED_MEDIA_BLOCK_MODALITIES (anthropic_translation.py): audio and video are refused. */
const UNSUPPORTED_MEDIA_BLOCKS = {
    audio: 'audio',
    audio_url: 'audio',
    input_audio: 'audio',
    video: 'video',
    video_url: 'video',
    input_video: 'video',
};
function translateBlocks(content) {
    const raw = Array.isArray(content) ? content : content === null || content === undefined ? [] : [{ type: 'text', text: String(content) }];
    const out = [];
    for (const b of raw) {
        const block = (b ?? {});
        const refused = typeof block.type === 'string' ? UNSUPPORTED_MEDIA_BLOCKS[block.type] : undefined;
        if (refused)
            throw new errors/* LlmError */.Cf('bad_request', `Anthropic adapter does not support ${refused} context blocks.`);
        if (block.type === 'image_url') {
            const url = String(block.image_url?.url ?? '');
            const m = DATA_URI.exec(url);
            out.push(m ? { type: 'image', source: { type: 'base64', media_type: m[1], data: m[2] } } : { type: 'image', source: { type: 'url', url } });
            continue;
        }
        // Anthropic rejects empty text blocks.
        if (block.type === 'text' && !block.text)
            continue;
        out.push(block);
    }
    return out;
}
/** One system message's content: its text, or its blocks when it holds more than text. */
function systemContent(content) {
    if (typeof content === 'string')
        return content || null;
    const blocks = translateBlocks(content);
    if (blocks.length === 0)
        return null;
    if (blocks.some((b) => b.type !== 'text'))
        return blocks;
    const texts = blocks.map((b) => String(b.text ?? '')).filter(Boolean);
    return texts.length ? texts.join('\n') : null;
}
function mergeSystem(parts) {
    if (parts.every((p) => typeof p === 'string'))
        return parts.join('\n\n');
    return parts.flatMap((p) => (typeof p === 'string' ? [{ type: 'text', text: p }] : p));
}
/** An OpenAI function tool as an Anthropic tool (Data Designer's translate_tool_definition). */
function anthropicTool(tool) {
    const fn = (tool.function ?? {});
    if (typeof fn.name !== 'string' || !fn.name)
        throw new Error(`Anthropic tool definition is missing a function name, got: ${JSON.stringify(tool)}`);
    return { name: fn.name, input_schema: fn.parameters ?? { type: 'object', properties: {} }, ...(typeof fn.description === 'string' && fn.description ? { description: fn.description } : {}) };
}
/** An assistant's OpenAI tool call as a `tool_use` block (its arguments parsed back into an object). */
function toolUse(call) {
    const fn = (call.function ?? {});
    let input = {};
    if (typeof fn.arguments === 'string' && fn.arguments)
        input = JSON.parse(fn.arguments);
    else if (fn.arguments && typeof fn.arguments === 'object')
        input = fn.arguments;
    if (!input || typeof input !== 'object' || Array.isArray(input))
        throw new Error(`Anthropic tool call arguments must decode to a JSON object, got: ${String(fn.arguments)}`);
    return { type: 'tool_use', id: call.id, name: fn.name, input };
}
/** A tool message as a `tool_result` block: text-only content joined by "\n", else its blocks. */
function toolResult(m) {
    let content;
    if (typeof m.content === 'string')
        content = m.content;
    else {
        const blocks = translateBlocks(m.content);
        content = blocks.every((b) => b.type === 'text') ? blocks.map((b) => String(b.text ?? '')).filter(Boolean).join('\n') : blocks;
    }
    return { type: 'tool_result', tool_use_id: m.tool_call_id, content };
}
/** The Messages API payload for an OpenAI-style chat body (Data Designer's build_anthropic_payload). */
function anthropicPayload(body) {
    const system = [];
    const messages = [];
    // Consecutive tool results travel together in one user message (Anthropic has no tool role).
    let results = [];
    const flushResults = () => {
        if (results.length)
            messages.push({ role: 'user', content: results });
        results = [];
    };
    for (const m of (body.messages ?? [])) {
        if (m.role === 'system') {
            const s = systemContent(m.content);
            if (s !== null)
                system.push(s);
            continue;
        }
        if (m.role === 'tool') {
            results.push(toolResult(m));
            continue;
        }
        flushResults();
        if (m.role !== 'user' && m.role !== 'assistant')
            throw new Error(`Anthropic adapter does not support message role '${m.role}'.`);
        if (m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length) {
            messages.push({ role: 'assistant', content: [...translateBlocks(m.content), ...m.tool_calls.map(toolUse)] });
            continue;
        }
        messages.push({ role: m.role, content: typeof m.content === 'string' ? m.content : translateBlocks(m.content) });
    }
    flushResults();
    const payload = {
        model: body.model,
        messages,
        max_tokens: typeof body.max_tokens === 'number' ? body.max_tokens : ANTHROPIC_DEFAULT_MAX_TOKENS,
    };
    if (system.length)
        payload.system = mergeSystem(system);
    if (Array.isArray(body.tools) && body.tools.length)
        payload.tools = body.tools.map(anthropicTool);
    if (body.stop !== undefined && body.stop !== null)
        payload.stop_sequences = Array.isArray(body.stop) ? body.stop : [body.stop];
    for (const [k, v] of Object.entries(body))
        if (!NOT_FORWARDED.has(k) && v !== undefined && v !== null)
            payload[k] = v;
    return payload;
}
/** A Messages API answer in the chat-completions shape the facade reads. */
function openAIShape(response) {
    const blocks = (response.content ?? []);
    const text = blocks.filter((b) => b.type === 'text' && b.text).map((b) => String(b.text));
    const thinking = blocks.filter((b) => b.type === 'thinking' && b.thinking).map((b) => String(b.thinking));
    // Data Designer keeps a tool_use block's input as json.dumps writes it.
    const toolCalls = blocks.filter((b) => b.type === 'tool_use').map((b) => ({ id: b.id ?? '', type: 'function', function: { name: b.name ?? '', arguments: (0,recipes/* pythonJsonDumps */.MT)(b.input ?? {}) } }));
    const usage = (response.usage ?? {});
    return {
        id: response.id,
        model: response.model,
        choices: [
            {
                index: 0,
                finish_reason: response.stop_reason ?? null,
                message: {
                    role: 'assistant',
                    content: text.length ? text.join('\n') : null,
                    ...(thinking.length ? { reasoning_content: thinking.join('\n') } : {}),
                    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
                },
            },
        ],
        usage: { prompt_tokens: usage.input_tokens ?? 0, completion_tokens: usage.output_tokens ?? 0 },
    };
}
/** The SDK's errors as the openai client's, so one retry policy classifies both. */
function asOpenAIError(sdk, err) {
    if (err instanceof sdk.APIUserAbortError)
        return new openai/* APIUserAbortError */.cH();
    if (err instanceof sdk.APIConnectionTimeoutError)
        return new openai/* APIConnectionTimeoutError */.qA();
    if (err instanceof sdk.APIConnectionError)
        return new openai/* APIConnectionError */.xX({ message: err.message, cause: err.cause });
    if (err instanceof sdk.APIError && typeof err.status === 'number') {
        return openai/* APIError */.LG.generate(err.status, err.error, err.message, err.headers);
    }
    return err;
}
function anthropicChatClient(options) {
    // The SDK is loaded when the first request is sent: a run without an Anthropic model never loads it.
    let ready;
    const connect = () => (ready ??= __webpack_require__.e(/* import() */ 703).then(__webpack_require__.bind(__webpack_require__, 20703)).then(({ default: sdk }) => ({
        sdk,
        client: new sdk({
            // A credential given in code: the SDK then reads no ANTHROPIC_* variable, profile or config file.
            // Data Designer sends the key as `x-api-key` (none without a key); the SDK would send it as a bearer
            // token, so its Authorization header is removed and x-api-key set here.
            apiKey: options.apiKey ?? 'no-key',
            baseURL: options.baseURL.replace(/\/+$/, '').replace(/\/v1$/, ''),
            maxRetries: 0,
            defaultHeaders: {
                'anthropic-version': ANTHROPIC_VERSION,
                ...(options.defaultHeaders ?? {}),
                authorization: null,
                ...(options.apiKey !== null ? { 'x-api-key': options.apiKey } : {}),
            },
        }),
    })));
    return {
        chat: {
            completions: {
                async create(body, opts) {
                    const { sdk, client } = await connect();
                    try {
                        const answer = await client.messages.create(anthropicPayload(body), { timeout: opts.timeout, signal: opts.signal });
                        return openAIShape(answer);
                    }
                    catch (err) {
                        throw asOpenAIError(sdk, err);
                    }
                },
            },
        },
        embeddings: {
            async create() {
                throw new Error('The Anthropic provider has no embeddings API: use an OpenAI-compatible provider for embedding models.');
            },
        },
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/llm/lean-chat.ts
/**
 * `chat.completions.create` for OpenAI-compatible providers as one node:http(s) request on a keep-alive
 * agent: the request the openai client sends (POST {endpoint}/chat/completions, the JSON body as given,
 * `Authorization: Bearer <key>` unless the provider has no key, the provider's extra_headers over it),
 * without the client's per-request work.
 *
 * Why (issue 13, profiled with `node --cpu-prof` on a 1000-cell stage against the fake server): the openai
 * client spent about 0.15–0.2 ms of CPU per call on top of fetch() itself — header merging and validation
 * (buildHeaders), request-option copies, a request controller, log-detail formatting and response wrapping —
 * and fetch() (undici: web streams, Request/Response objects) 0.20–0.23 ms, where node:http takes
 * 0.03–0.04 ms. At 32 parallel calls that work sits on the path between one answer and the next request.
 * Everything else (the embeddings, images, files and batches APIs) still goes through the openai client.
 *
 * Errors are the openai client's classes, built as it builds them, so the retry policy reads them alike:
 * an HTTP error status → APIError.generate(status, JSON body, text when not JSON, headers) (429 with its
 * Retry-After headers); the timeout → APIConnectionTimeoutError; the caller's signal → APIUserAbortError;
 * anything else on the way → APIConnectionError (its cause kept: the retry detail reads its code); a body
 * that is not JSON → SyntaxError (a malformed response, retried).
 */



/** The headers every request of the provider carries (computed once; names lower-cased, later ones win). */
function leanChatHeaders(options) {
    const headers = { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'ddflow' };
    if (options.apiKey !== null)
        headers.authorization = `Bearer ${options.apiKey}`;
    for (const [name, value] of Object.entries(options.defaultHeaders ?? {})) {
        if (value === null || value === undefined)
            delete headers[name.toLowerCase()];
        else
            headers[name.toLowerCase()] = String(value);
    }
    return headers;
}
/**
 * Idle kept-alive connections are closed after this long (or a second before the server's own
 * `Keep-Alive: timeout` hint): a server that closes idle connections without a hint (uvicorn's 5 s, as
 * vLLM runs it) must not see a request on a socket it is closing. fetch() (undici) uses the same 4 s.
 */
const IDLE_SOCKET_MS = 4000;
function headersOf(raw) {
    const h = new Headers();
    for (const [name, value] of Object.entries(raw)) {
        if (value === undefined)
            continue;
        for (const v of Array.isArray(value) ? value : [value])
            h.append(name, v);
    }
    return h;
}
function leanChatCreate(options) {
    const url = new URL(`${options.baseURL}/chat/completions`);
    const transport = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    const agent = new transport.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    const target = {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent,
    };
    const headers = leanChatHeaders(options);
    if (url.username || url.password)
        headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    return (body, { timeout = 600_000, signal }) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new openai/* APIUserAbortError */.cH());
        const payload = Buffer.from(JSON.stringify(body), 'utf8');
        let settled = false;
        let timedOut = false;
        const done = (err, value) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (err === undefined)
                resolve(value);
            else
                reject(err);
        };
        const fail = (err) => {
            if (signal?.aborted)
                return done(new openai/* APIUserAbortError */.cH());
            if (timedOut)
                return done(new openai/* APIConnectionTimeoutError */.qA());
            done(new openai/* APIConnectionError */.xX({ cause: err instanceof Error ? err : new Error(String(err)) }));
        };
        const req = transport.request({ ...target, headers: { ...headers, 'content-length': String(payload.length) } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', fail);
            // A connection closed before the whole body came: a connection error (or the timeout / the cancel).
            res.on('close', () => {
                if (!res.complete)
                    fail(Object.assign(new Error('The connection closed before the response was complete.'), { code: 'ECONNRESET' }));
            });
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                const status = res.statusCode ?? 0;
                if (status < 200 || status >= 300) {
                    let json;
                    try {
                        json = JSON.parse(text);
                    }
                    catch {
                        json = undefined;
                    }
                    return done(openai/* APIError */.LG.generate(status, json, json === undefined ? text : undefined, headersOf(res.headers)));
                }
                try {
                    done(undefined, JSON.parse(text));
                }
                catch (err) {
                    done(err); // SyntaxError: a malformed response
                }
            });
        });
        req.on('error', fail);
        // The timeout covers the whole exchange (a server that stalls mid-answer is a timeout).
        const timer = setTimeout(() => {
            timedOut = true;
            req.destroy(new Error('timeout'));
        }, timeout);
        const onAbort = () => req.destroy(new Error('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        req.end(payload);
    });
}

// EXTERNAL MODULE: ./src/llm/pricing.ts
var pricing = __webpack_require__(50401);
;// CONCATENATED MODULE: ./src/llm/registry.ts
/**
 * The models a run uses: for each alias its provider, client, inference parameters and the admission
 * controller of its (endpoint, model). Built once before any stage runs, for the aliases actually used,
 * so that a missing key variable or unknown provider is reported up front, not mid-stage.
 */









function modelKind(params) {
    const t = params?.generation_type;
    if (t === 'image')
        return 'image';
    if (t === 'embedding' || (params && (params.encoding_format != null || params.dimensions != null)))
        return 'embedding';
    return 'chat';
}
class ModelRegistry {
    endpoints;
    constructor(endpoints) {
        this.endpoints = endpoints;
    }
    get(alias) {
        const e = this.endpoints.get(alias);
        if (!e)
            throw new diagnostics/* DdflowError */.Zq(`No model config with alias '${alias}' found!`);
        return e;
    }
    aliases() {
        return [...this.endpoints.keys()];
    }
    list() {
        return [...this.endpoints.values()];
    }
    /** One admission controller per (endpoint, model). */
    admissionControllers() {
        return new Map([...this.endpoints.values()].map((e) => [e.identity, e.admission]));
    }
}
/**
 * The openai client with chat completions sent by lean-chat.ts (one node:http request: the hot path of every model
 * cell); embeddings, images, files and batches stay the client's own.
 */
function openaiCompatibleClient(client, create) {
    return { chat: { completions: { create } }, embeddings: client.embeddings, images: client.images, files: client.files, batches: client.batches };
}
function buildModelRegistry(options) {
    const providers = (0,llm_providers/* mergeProviders */.zM)(options.providers ?? []);
    const byAlias = new Map(options.models.map((m) => [m.alias, m]));
    const used = options.usedAliases ? [...new Set(options.usedAliases)] : [...byAlias.keys()];
    const clients = new Map();
    const admissions = new Map();
    const endpoints = new Map();
    for (const alias of used) {
        const config = byAlias.get(alias);
        if (!config)
            throw new diagnostics/* DdflowError */.Zq(`No model config with alias '${alias}' found!`);
        const provider = providers.get(config.provider);
        if (!provider)
            throw new diagnostics/* DdflowError */.Zq(`Model config '${alias}' names provider '${config.provider}', which is not registered.`);
        const providerType = (provider.provider_type ?? 'openai').toLowerCase();
        if (!schema/* PROVIDER_TYPES */.MA.includes(providerType)) {
            throw new diagnostics/* DdflowError */.Zq(`Provider type '${provider.provider_type}' for provider '${provider.name}' is not supported: change provider_type to one of ${schema/* PROVIDER_TYPES */.MA.map((t) => `'${t}'`).join(', ')} (most OpenAI-compatible endpoints — vLLM, TGI, NIM — work with provider_type 'openai').`);
        }
        const params = config.inference_parameters ?? {};
        if (providerType === 'anthropic' && modelKind(params) !== 'chat') {
            throw new diagnostics/* DdflowError */.Zq(`Model config '${alias}' is an ${modelKind(params)} model, but provider '${provider.name}' is an Anthropic provider, which offers chat only: use an OpenAI-compatible provider for it.`);
        }
        let entry = clients.get(provider.name);
        if (!entry) {
            const key = (0,llm_providers/* resolveApiKey */.kv)(provider, options.env ?? process.env);
            const client = providerType === 'anthropic'
                ? anthropicChatClient({ apiKey: key, baseURL: provider.endpoint, defaultHeaders: provider.extra_headers ?? {} })
                : openaiCompatibleClient(new openai/* default */.Ay({
                    // Without a key the client would fall back to OPENAI_API_KEY from the environment: give it a
                    // placeholder and remove the Authorization header instead (Data Designer sends none).
                    apiKey: key ?? 'no-key',
                    baseURL: provider.endpoint.replace(/\/+$/, ''),
                    maxRetries: 0,
                    defaultHeaders: { ...(provider.extra_headers ?? {}), ...(key === null ? { Authorization: null } : {}) },
                }), leanChatCreate({ baseURL: provider.endpoint.replace(/\/+$/, ''), apiKey: key, defaultHeaders: provider.extra_headers ?? {} }));
            entry = { client, key };
            clients.set(provider.name, entry);
        }
        const identity = `${provider.endpoint.replace(/\/+$/, '')}|${config.model}`;
        const maxParallel = (0,defaults/* withSchemaDefaults */.A)(schema/* ChatCompletionInferenceParams */.CN, params).max_parallel_requests;
        let admission = admissions.get(identity);
        if (!admission) {
            admission = new AdmissionController(admissionSettings(maxParallel, options.runConfig?.request_admission));
            admissions.set(identity, admission);
        }
        else {
            admission.lowerCap(maxParallel);
        }
        endpoints.set(alias, {
            alias,
            model: config.model,
            provider,
            kind: modelKind(params),
            params,
            client: entry.client,
            identity,
            answerIdentity: answerIdentityOf(identity, providerType, provider.extra_headers),
            keyVariable: provider.api_key ?? null,
            timeoutMs: params.timeout != null ? params.timeout * 1000 : (options.defaultTimeoutMs ?? 60_000),
            extraBody: { ...(params.extra_body ?? {}), ...(provider.extra_body ?? {}) },
            admission,
            errorContext: { provider: provider.name, model: config.model, endpoint: (0,llm_providers/* displayEndpoint */.OI)(provider.endpoint), keyVariable: provider.api_key ?? null, secret: entry.key },
            skipHealthCheck: config.skip_health_check === true,
            price: (0,pricing/* priceOf */.xx)(config, provider),
        });
    }
    return new ModelRegistry(endpoints);
}
/**
 * The call store's identity of an endpoint's answers. An OpenAI-type provider without extra_headers keeps
 * the plain identity, so the stores of such workflows (nearly all) stay valid; headers in sorted order.
 */
function answerIdentityOf(identity, providerType, headers) {
    const sorted = Object.entries(headers ?? {}).sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const parts = [identity];
    if (providerType !== 'openai')
        parts.push(`type=${providerType}`);
    if (sorted.length > 0)
        parts.push(`headers=${JSON.stringify(sorted.map(([k, v]) => [k.toLowerCase(), v]))}`);
    return parts.join('|');
}

// EXTERNAL MODULE: ./src/llm/budget.ts
var budget = __webpack_require__(14646);
;// CONCATENATED MODULE: ./src/llm/index.ts
/** The LLM layer's public surface (what the engine and the workflow runner use). */


















/***/ }),

/***/ 67546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ cellItems)
/* harmony export */ });
/**
 * A cell that may hold several items (texts to embed, images to send): a list, or a string holding a
 * JSON list, gives its items; anything else is one item. Data Designer treats such cells the same way.
 */
function cellItems(value) {
    if (typeof value === 'string') {
        const t = value.trim();
        if (t.startsWith('[')) {
            try {
                const parsed = JSON.parse(t);
                if (Array.isArray(parsed))
                    return parsed;
            }
            catch {
                // Not JSON: a single item whose text happens to start with '['.
            }
        }
    }
    return Array.isArray(value) ? value : [value];
}


/***/ }),

/***/ 29593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qH: () => (/* binding */ contextBlocks),
/* harmony export */   uL: () => (/* binding */ imageItems)
/* harmony export */ });
/* unused harmony exports imageUrl, AUDIO_FORMATS, VIDEO_FORMATS, canonicalMediaBlock, openAICompatibleBlock */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/* harmony import */ var _list_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67546);
/**
 * `multi_modal_context` of LLM columns (Data Designer §2.3): media from other columns of the row, sent
 * before the prompt's text block in the user message (Data Designer's prompt_to_messages), in config order.
 * Images: a URL (http(s):// or an existing data: URI) is sent as it is; base64 data becomes a data URI.
 * Audio and video follow Data Designer's AudioContext/VideoContext (config/models.py, media_helpers.py):
 * the row's values become canonical blocks, which become the OpenAI-compatible request blocks as
 * Data Designer's adapter translates them (openai_compatible.py: audio_url / input_audio / video_url).
 */


const URL_LIKE = /^(https?:\/\/|data:)/i;
/** Media subtypes for the names Data Designer's ImageFormat uses (`jpg` is not a MIME subtype). */
const MIME_SUBTYPE = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp' };
/** The format of base64 image data from its first bytes, when it is one of the common ones. */
function sniffFormat(base64) {
    if (base64.startsWith('iVBORw0KGgo'))
        return 'png';
    if (base64.startsWith('/9j/'))
        return 'jpeg';
    if (base64.startsWith('R0lGOD'))
        return 'gif';
    if (base64.startsWith('UklGR'))
        return 'webp';
    return undefined;
}
/**
 * The images one cell holds: a list (a JSON array, or a string holding one) gives one image per item;
 * null and empty strings give none (that row's prompt goes without an image).
 */
function imageItems(value) {
    const items = (0,_list_values_js__WEBPACK_IMPORTED_MODULE_1__/* .cellItems */ .x)(value);
    const out = [];
    for (const item of items) {
        if (item === null || item === undefined)
            continue;
        // A `{url: ...}` object (as an image_url block holds it) is taken as its url.
        const text = typeof item === 'object' && typeof item.url === 'string' ? item.url : String(item);
        if (text.trim() !== '')
            out.push(text.trim());
    }
    return out;
}
/** The URL sent for one image, by `data_type` (null: inferred from the value). */
function imageUrl(item, context) {
    const dataType = context.data_type ?? (URL_LIKE.test(item) ? 'url' : 'base64');
    if (dataType === 'url' || /^data:/i.test(item))
        return item;
    const data = item.replace(/\s+/g, '');
    const given = context.image_format?.trim().toLowerCase();
    const format = given ? (MIME_SUBTYPE[given] ?? given) : (sniffFormat(data) ?? 'png');
    return `data:image/${format};base64,${data}`;
}
/** Data Designer's AudioFormat / VideoFormat and their MIME types (media_helpers.py). */
const FORMAT_MIME = {
    audio: { mp3: 'audio/mpeg', wav: 'audio/wav' },
    video: { mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm' },
};
const MIME_FORMAT = {
    audio: { 'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/wave': 'wav', 'audio/x-wav': 'wav', 'audio/vnd.wave': 'wav' },
    video: { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' },
};
const AUDIO_FORMATS = Object.keys(FORMAT_MIME.audio);
const VIDEO_FORMATS = Object.keys(FORMAT_MIME.video);
/** media_helpers._DATA_URI_RE. */
const DATA_URI_RE = /^data:([^;]+);base64,(.+)$/;
/** media_helpers.is_media_url: an HTTP(S) URL. */
function isMediaUrl(value) {
    return value.startsWith('http://') || value.startsWith('https://');
}
/** media_helpers.is_audio_path / is_video_path: not an HTTP(S) URL and ends with a supported extension. */
function looksLikePath(value, modality) {
    const lower = value.toLowerCase();
    return !isMediaUrl(value) && Object.keys(FORMAT_MIME[modality]).some((ext) => lower.endsWith(`.${ext}`));
}
/**
 * One audio or video value as Data Designer's AudioContext/VideoContext._build_context gives it. Throws
 * Data Designer's ValueError sentence (without the column; the caller adds where it comes from).
 */
function canonicalMediaBlock(value, context, modality) {
    if (context.data_type === 'url') {
        if (!isMediaUrl(value) && !looksLikePath(value, modality))
            throw new Error(`${modality} URL context values must be HTTP(S) URLs or local ${modality} paths`);
        return { type: modality, source: { type: 'url', url: value } };
    }
    if ((context.data_type ?? null) === null && isMediaUrl(value))
        return { type: modality, source: { type: 'url', url: value } };
    const formatField = modality === 'audio' ? 'audio_format' : 'video_format';
    const format = context[formatField] ?? null;
    const parsed = DATA_URI_RE.exec(value);
    if (parsed) {
        const [, mediaType, data] = parsed;
        const detected = MIME_FORMAT[modality][mediaType.toLowerCase()];
        if (detected === undefined)
            throw new Error(`Unsupported ${modality} media type '${mediaType}'`);
        if (format !== null && format !== detected)
            throw new Error(`${formatField} '${format}' does not match data URI media type '${mediaType}'`);
        return { type: modality, source: { type: 'base64', media_type: mediaType, data } };
    }
    if (looksLikePath(value, modality)) {
        throw new Error(`${modality} context values that look like local paths must use data_type=url; otherwise provide base64 ${modality} data`);
    }
    if (format === null)
        throw new Error(`${formatField} is required for base64 ${modality} context values`);
    const mime = FORMAT_MIME[modality][format];
    if (mime === undefined)
        throw new Error(`${formatField} '${format}' is not one of ${Object.keys(FORMAT_MIME[modality]).join(', ')}`);
    return { type: modality, source: { type: 'base64', media_type: mime, data: value } };
}
/** A canonical audio/video block as Data Designer's OpenAI-compatible adapter sends it (_translate_canonical_*_block). */
function openAICompatibleBlock(block) {
    const { source } = block;
    if (block.type === 'audio') {
        if (source.type === 'url')
            return { type: 'audio_url', audio_url: { url: source.url } };
        const format = MIME_FORMAT.audio[source.media_type.toLowerCase()];
        if (format === undefined)
            throw new Error(`Unsupported canonical audio media type '${source.media_type}'`);
        return { type: 'input_audio', input_audio: { data: source.data, format } };
    }
    if (source.type === 'url')
        return { type: 'video_url', video_url: { url: source.url } };
    // No widely supported input_video block exists: the data URI goes in video_url (as Data Designer sends it).
    return { type: 'video_url', video_url: { url: `data:${source.media_type};base64,${source.data}` } };
}
/**
 * The blocks of one row's multi-modal context, in the order of the contexts and of each cell's items:
 * images as `image_url`, audio as `audio_url`/`input_audio`, video as `video_url`. A value Data Designer
 * refuses is one sentence naming the context and its column.
 */
function contextBlocks(contexts, row, owner) {
    const out = [];
    (contexts ?? []).forEach((context, j) => {
        const modality = context.modality ?? 'image';
        const items = imageItems(row[context.column_name]);
        if (modality === 'image') {
            for (const item of items)
                out.push({ type: 'image_url', image_url: { url: imageUrl(item, context) } });
            return;
        }
        if (modality !== 'audio' && modality !== 'video')
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`multi_modal_context modality '${modality}' is not one of image, audio, video.`);
        for (const item of items) {
            try {
                out.push(openAICompatibleBlock(canonicalMediaBlock(item, context, modality)));
            }
            catch (err) {
                const where = `${owner ? `Column '${owner}': ` : ''}multi_modal_context[${j}] (${modality} from column '${context.column_name}')`;
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`${where}: ${err.message}.`);
            }
        }
    });
    return out;
}


/***/ }),

/***/ 40042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ isTransientLoss),
/* harmony export */   UV: () => (/* binding */ EarlyShutdownMonitor),
/* harmony export */   xU: () => (/* binding */ transientLossMessage)
/* harmony export */ });
/* harmony import */ var _config_defaults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31954);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14646);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49968);
/**
 * Early-shutdown bookkeeping, as Data Designer's scheduler: a sliding window of the last
 * `shutdown_error_window` cell outcomes; once the window is full and failures/window ≥
 * `shutdown_error_rate`, generation should stop. A cell outcome is final: a transient error (rate limit,
 * timeout, 5xx, connection) reaches the engine only once its retry budget ran out, and then it counts as a
 * failure like any other — a provider that is down must stop the stage, not burn through it. Such
 * `retryable` outcomes also feed a "degraded provider" signal (≥ 50 % of the last 20 model outcomes).
 *
 * Which failures lose a row only for now (transient: the stage stays resumable and a rerun regenerates
 * the row) and which drop it for good (Data Designer's drops) is decided here too.
 */



class EarlyShutdownMonitor {
    window;
    rate;
    recent = [];
    recentModel = [];
    stopped = false;
    static DEGRADED_WINDOW = 20;
    constructor(runConfig = {}) {
        const full = (0,_config_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .runConfigWithDefaults */ .g)(runConfig);
        this.window = Math.max(1, full.shutdown_error_window);
        this.rate = full.disable_early_shutdown ? 1.0 : full.shutdown_error_rate;
        this.disabled = runConfig.disable_early_shutdown === true;
    }
    disabled;
    /** Records one final cell outcome; returns true once generation should stop (and stays true). */
    record(outcome) {
        this.recentModel.push(outcome === 'retryable');
        if (this.recentModel.length > EarlyShutdownMonitor.DEGRADED_WINDOW)
            this.recentModel.shift();
        if (this.disabled)
            return this.stopped;
        this.recent.push(outcome !== 'success');
        if (this.recent.length > this.window)
            this.recent.shift();
        if (this.recent.length >= this.window) {
            const failures = this.recent.filter(Boolean).length;
            if (failures / this.window >= this.rate)
                this.stopped = true;
        }
        return this.stopped;
    }
    get shouldStop() {
        return this.stopped;
    }
    /** True when at least half of the last 20 model outcomes were retryable errors. */
    get providerDegraded() {
        return this.recentModel.length >= EarlyShutdownMonitor.DEGRADED_WINDOW && this.recentModel.filter(Boolean).length / this.recentModel.length >= 0.5;
    }
}
/**
 * Failures that say nothing about the row: the provider was unreachable, overloaded or rate limiting,
 * or refused the run itself — a wrong or expired key (401), no access to the model (403), an unknown
 * model or endpoint (404), an exhausted quota. Fixing those and rerunning must generate the rows; they
 * are not the row's fault, so not Data Designer's per-row drops.
 */
const TRANSIENT = new Set([
    'rate_limit',
    'rate_limit_stall',
    'budget_exhausted',
    'timeout',
    'server_error',
    'connection',
    'malformed_response',
    'tool_unavailable',
    'authentication',
    'permission',
    'not_found',
    'quota',
]);
/** The provider refused the run itself (not one row): what the user has to fix before a rerun. */
const REFUSED_THE_RUN = new Set(['authentication', 'permission', 'not_found', 'quota']);
/**
 * True when `err` lost its row only for now (connection refused/reset, timeout, 5xx, 429 — after the
 * retry budget —, 401/403/404 and quota): the row must be generated again by a rerun, not dropped.
 * Validation and parse failures after corrections and the other 4xx (bad request, unprocessable, context
 * window) are permanent: Data Designer's drops.
 */
function isTransientLoss(err) {
    return err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LlmError */ .Cf && TRANSIENT.has(err.kind);
}
/**
 * The stage's one sentence when rows were lost to a transient cause: how many, why (the first such
 * error), and that a plain rerun generates the rest.
 */
function transientLossMessage(stage, missing, total, err) {
    if (err instanceof _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .BudgetExhaustedError */ .X) {
        // Told once every request in flight has finished: the sentence has the run's final spend.
        return `Stage '${stage}' stopped: ${err.budget.sentence()}; ${total - missing} of ${total} rows are done and kept — run again with a larger budget to generate the rest (answers already paid for come from the call store at no cost).`;
    }
    if (REFUSED_THE_RUN.has(err.kind)) {
        // A key, an access right, a model name or a quota to fix: a rerun before that fails the same way.
        return `Stage '${stage}' failed: ${err.message.replace(/\.$/, '')}; ${missing} of ${total} rows could not be generated — completed row groups are kept, and a rerun once that is fixed generates the rest.`;
    }
    if (err.kind === 'tool_unavailable') {
        return `Stage '${stage}': ${missing} of ${total} rows could not be generated because ${err.message.replace(/\.$/, '')}; completed row groups are kept — run again to generate the rest.`;
    }
    const o = err.origin;
    const where = o ? `the provider at ${o.endpoint} (model '${o.model}')` : 'the provider';
    const why = err.kind === 'rate_limit_stall' && o ? `${where} ${o.detail}` : `${where} failed (${o ? `${o.detail} after ${o.retries} ${o.retries === 1 ? 'retry' : 'retries'}` : err.kind})`;
    return `Stage '${stage}': ${missing} of ${total} rows could not be generated because ${why}; completed row groups are kept — run again to generate the rest.`;
}


/***/ }),

/***/ 87277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _t: () => (/* binding */ codeRecipe),
  k0: () => (/* binding */ composeUserPrompt),
  MG: () => (/* binding */ judgeRecipe),
  MT: () => (/* binding */ pythonJsonDumps),
  Sq: () => (/* binding */ structuredRecipe),
  g9: () => (/* binding */ textRecipe)
});

// UNUSED EXPORTS: codeSuffix, codeSyntax, jsonSuffix, lastJsonBlock

// EXTERNAL MODULE: ./node_modules/jsonrepair/lib/esm/regular/jsonrepair.js + 2 modules
var jsonrepair = __webpack_require__(48365);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
;// CONCATENATED MODULE: ./src/llm/parsers/markdown.ts
/**
 * Fenced code blocks in a model response, the way Data Designer finds them (it renders the markdown with a
 * CommonMark parser and reads every `<pre><code>`): ``` or ~~~ fences of three or more characters, the
 * language is the first word of the info string (none when empty), a closing fence must use the same
 * character and be at least as long, and an unclosed fence runs to the end of the text.
 *
 * Differences, on purpose: fences are recognised at any indentation (models put them inside list items)
 * and indented (4-space) code blocks are not code blocks — both only matter for unusual answers.
 */
const OPEN_FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
function extractCodeBlocks(text) {
    const lines = text.split(/\r\n|\r|\n/);
    const blocks = [];
    let i = 0;
    while (i < lines.length) {
        const open = OPEN_FENCE.exec(lines[i]);
        // A backtick fence whose info string holds a backtick is inline code (```x``` on one line), not a fence.
        if (!open || (open[2][0] === '`' && open[3].includes('`'))) {
            i++;
            continue;
        }
        const indent = open[1].length;
        const fenceChar = open[2][0];
        const fenceLen = open[2].length;
        const info = open[3].trim();
        const lang = info === '' ? null : info.split(/\s+/)[0];
        const body = [];
        i++;
        while (i < lines.length) {
            const line = lines[i];
            const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
            if (close && close[1][0] === fenceChar && close[1].length >= fenceLen)
                break;
            body.push(stripIndent(line, indent));
            i++;
        }
        i++; // past the closing fence (or past the end)
        blocks.push({ lang, code: body.join('\n').trim() });
    }
    return blocks;
}
/** Removes up to `n` leading spaces, as CommonMark does for the content of an indented fence. */
function stripIndent(line, n) {
    let k = 0;
    while (k < n && k < line.length && (line[k] === ' ' || line[k] === '\t'))
        k++;
    return line.slice(k);
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./src/llm/parsers/json-schema.ts
/**
 * JSON Schema validation of a model's structured answer, as Data Designer does it: Draft 2020-12, every
 * object schema that lists properties forbids additional ones, and extra properties are PRUNED rather than
 * rejected (models add chatty keys; the schema is what the user asked for). A oneOf with a
 * `discriminator.mapping` picks its variant directly, so pruning for a wrong variant cannot strip the
 * properties of the right one. Decimal-style `anyOf[number, string-with-pattern]` values become numbers.
 */

class SchemaValidationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SchemaValidationError';
    }
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * A copy of `schema` where every object schema with `properties` has `additionalProperties: false`.
 * Object schemas without properties (`{type: object}`, maybe with a description) stay open: they mean
 * "any mapping" (Data Designer closes them too unless they are bare, which empties such fields).
 */
function forbidAdditionalProperties(schema) {
    if (Array.isArray(schema))
        return schema.map(forbidAdditionalProperties);
    if (!isObject(schema))
        return schema;
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
        if ((key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') && isObject(value)) {
            out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forbidAdditionalProperties(v)]));
        }
        else if (key === 'items' || key === 'prefixItems' || key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'not' || key === 'if' || key === 'then' || key === 'else') {
            out[key] = forbidAdditionalProperties(value);
        }
        else {
            out[key] = value;
        }
    }
    if (isObject(out.properties))
        out.additionalProperties = false;
    return out;
}
/** Rewrites `oneOf` + `discriminator.mapping` into a direct dispatch on the discriminator's value. */
function dispatchDiscriminators(schema) {
    if (Array.isArray(schema))
        return schema.map(dispatchDiscriminators);
    if (!isObject(schema))
        return schema;
    const out = {};
    for (const [k, v] of Object.entries(schema))
        out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : dispatchDiscriminators(v);
    const disc = out.discriminator;
    delete out.discriminator;
    if (!Array.isArray(out.oneOf) || !isObject(disc) || typeof disc.propertyName !== 'string' || !isObject(disc.mapping) || Object.keys(disc.mapping).length === 0) {
        return out;
    }
    const prop = disc.propertyName;
    const mapping = disc.mapping;
    const oneOf = out.oneOf;
    delete out.oneOf;
    const dispatch = {
        if: { type: 'object', required: [prop] },
        then: {
            allOf: [
                { properties: { [prop]: { enum: Object.keys(mapping) } } },
                ...Object.entries(mapping).map(([value, ref]) => ({ if: { properties: { [prop]: { const: value } } }, then: { $ref: ref } })),
            ],
        },
        else: { oneOf },
    };
    return Object.keys(out).length === 0 ? dispatch : { ...out, allOf: [...(Array.isArray(out.allOf) ? out.allOf : []), dispatch] };
}
const ajv = new _2020.Ajv2020({ strict: false, allErrors: false, removeAdditional: true, validateFormats: false });
const compiled = new Map();
function validatorFor(schema, noExtraProperties) {
    const key = `${noExtraProperties ? 1 : 0}${JSON.stringify(schema)}`;
    let fn = compiled.get(key);
    if (!fn) {
        const prepared = dispatchDiscriminators(noExtraProperties ? forbidAdditionalProperties(schema) : schema);
        // $id would collide between two compilations of one schema; the cache key already identifies it.
        delete prepared.$id;
        delete prepared.$schema;
        fn = ajv.compile(prepared);
        compiled.set(key, fn);
    }
    return fn;
}
/** Validates a copy of `value`; returns it pruned and normalised, or throws SchemaValidationError. */
function validateJson(value, schema, options = {}) {
    const copy = value === undefined ? undefined : structuredClone(value);
    const fn = validatorFor(schema, options.noExtraProperties ?? true);
    if (!fn(copy)) {
        throw new SchemaValidationError(ajv.errorsText(fn.errors, { dataVar: 'response', separator: '\n' }));
    }
    return normalizeDecimalFields(copy, schema);
}
/** Pydantic's Decimal schema: anyOf [number, string with a `\d{0,N}` pattern]; N = decimal places. */
function decimalPlaces(fieldSchema) {
    if (!isObject(fieldSchema) || !Array.isArray(fieldSchema.anyOf))
        return { isDecimal: false, places: null };
    const anyOf = fieldSchema.anyOf.filter(isObject);
    if (!anyOf.some((s) => s.type === 'number'))
        return { isDecimal: false, places: null };
    for (const s of anyOf) {
        if (s.type === 'string' && typeof s.pattern === 'string') {
            const m = /\\d\{0,(\d+)\}/.exec(s.pattern);
            return { isDecimal: true, places: m ? Number(m[1]) : null };
        }
    }
    return { isDecimal: false, places: null };
}
function resolveLocalRef(root, s) {
    if (isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) {
        const defs = isObject(root.$defs) ? root.$defs : {};
        return defs[s.$ref.slice('#/$defs/'.length)] ?? {};
    }
    return s;
}
function roundHalfUp(x, places) {
    const f = 10 ** places;
    // Through the decimal string, so 189.995 rounds as written rather than as its binary approximation.
    const text = String(x);
    const shifted = text.includes('e') ? x * f : Number(`${text}e${places}`);
    return Math.sign(shifted) * Math.round(Math.abs(shifted)) / f;
}
function normalizeDecimalFields(obj, root, objSchema = resolveLocalRef(root, root)) {
    if (!isObject(obj))
        return obj;
    const props = isObject(objSchema) && isObject(objSchema.properties) ? objSchema.properties : {};
    for (const [key, value] of Object.entries(obj)) {
        const fieldSchema = resolveLocalRef(root, props[key]);
        if (isObject(value))
            obj[key] = normalizeDecimalFields(value, root, fieldSchema);
        else if (Array.isArray(value)) {
            const itemSchema = isObject(fieldSchema) ? resolveLocalRef(root, fieldSchema.items) : undefined;
            obj[key] = value.map((v) => (isObject(v) ? normalizeDecimalFields(v, root, itemSchema) : v));
        }
        else if ((typeof value === 'number' || typeof value === 'string') && value !== '') {
            const { isDecimal, places } = decimalPlaces(fieldSchema);
            if (isDecimal && Number.isFinite(Number(value)))
                obj[key] = places === null ? Number(value) : roundHalfUp(Number(value), places);
        }
    }
    return obj;
}

// EXTERNAL MODULE: ./src/config/score-options.ts
var score_options = __webpack_require__(48691);
;// CONCATENATED MODULE: ./src/llm/parsers/judge.ts
/**
 * llm-judge: the response schema built from a column's scores, and lenient score coercion.
 *
 * The schema has one required property per score, `{reasoning: string, score: enum(option keys)}`, with
 * Data Designer's description texts (the model reads them). Models drift on score types (`1` for `"1"`,
 * `" good "` for `"Good"`), so before validation a score is coerced: an exact match first, else a unique
 * case- and whitespace-insensitive match where integral floats count as ints; booleans never match numbers.
 */

/**
 * The options as Data Designer's enum holds them: an entry list as given, or a loaded config's typed
 * entries (`1:` an int, `'1':` a string, in written order; see config/score-options.ts).
 */
function scoreOptionEntries(score) {
    return (0,score_options/* scoreOptionEntriesOf */.br)(score.options);
}
/** `* {key}: {description}` lines under `Score Descriptions for {EnumName}:`. */
function stringifyScoring(options, enumName) {
    const lines = options.map(([key, desc]) => `* ${key}: ${desc}`).join('\n');
    return `Score Descriptions for ${enumName}:\n${lines}`;
}
/** Python's repr of a list of names, as it appears in Data Designer's schema description. */
function pyListRepr(names) {
    return `[${names.map((n) => `'${n.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}
function judgeResponseSchema(scores) {
    const properties = {};
    for (const score of scores) {
        const options = scoreOptionEntries(score);
        properties[score.name] = {
            title: score.name,
            ...(score.description ? { description: score.description } : {}),
            type: 'object',
            properties: {
                reasoning: { title: 'Reasoning', description: 'Reasoning for the assigned score.', type: 'string' },
                score: { enum: options.map(([k]) => k), description: stringifyScoring(options, `${score.name}Enum`) },
            },
            required: ['reasoning', 'score'],
        };
    }
    return {
        title: 'JudgeStructuredOutput',
        description: `Response schema for scores with the following names: ${pyListRepr(scores.map((s) => s.name))}.`,
        type: 'object',
        properties,
        required: scores.map((s) => s.name),
    };
}
function normalizeScoreValue(value) {
    if (typeof value === 'string')
        return value.trim().toLowerCase();
    if (typeof value === 'number' && Number.isInteger(value))
        return String(value);
    return String(value).trim().toLowerCase();
}
/** Returns the matching option key, or `value` unchanged (validation then reports it). */
function coerceScoreValue(value, keys) {
    for (const key of keys)
        if (typeof value !== 'boolean' && value === key)
            return value;
    // Only scalars are compared leniently: a list or object stays as given and fails validation.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        return value;
    const normalized = normalizeScoreValue(value);
    const matches = keys.filter((k) => normalizeScoreValue(k) === normalized);
    return matches.length === 1 ? matches[0] : value;
}
/** Coerces every `{score}` of a parsed judge response in place (before schema validation). */
function coerceJudgeScores(obj, scores) {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        return obj;
    const record = obj;
    for (const score of scores) {
        const entry = record[score.name];
        if (typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'score' in entry) {
            const e = entry;
            e.score = coerceScoreValue(e.score, scoreOptionEntries(score).map(([k]) => k));
        }
    }
    return obj;
}

;// CONCATENATED MODULE: ./src/llm/recipes.ts
/**
 * Response recipes: what each LLM column type appends to the user prompt and how it turns the model's
 * answer into a cell value (Data Designer §2.3–§2.6). Parsing failures throw ParserError with Data
 * Designer's exact texts, because those texts are sent back to the model on correction steps.
 */





/** The user message as sent: the rendered prompt, then the recipe's instructions after a blank line. */
function composeUserPrompt(prompt, recipe) {
    return recipe.suffix === null ? prompt : `${prompt}\n\n${recipe.suffix}`;
}
/** llm-text: the answer, verbatim (the facade strips it before parsing). */
function textRecipe() {
    return { kind: 'text', suffix: null, parse: (response) => response };
}
/** `sql:postgres` → `sql`: the dialect is not something a code fence can say. */
function codeSyntax(codeLang) {
    const i = codeLang.indexOf(':');
    return i < 0 ? codeLang : codeLang.slice(0, i);
}
function codeSuffix(syntax) {
    return (`* Your response must be code written in ${syntax}.\n` +
        '* You will follow accepted and common syntax and best-practices.\n' +
        '* Your response will be given in markdown code fences specifying the correct language.\n' +
        '* Only respond with a SINGLE code block.');
}
/** llm-code: the LAST fenced block; a labelled block in another language is an error even if an earlier one matched. */
function codeRecipe(codeLang) {
    const syntax = codeSyntax(codeLang);
    return {
        kind: 'code',
        suffix: codeSuffix(syntax),
        parse(response) {
            const last = extractCodeBlocks(response).at(-1);
            if (!last)
                throw new errors/* ParserError */.s7('No parsable code response.');
            if (last.lang && last.lang !== syntax)
                throw new errors/* ParserError */.s7(`Responded with code not matching the requested syntax (${syntax}).`);
            return last.code;
        },
    };
}
/**
 * Python's `json.dumps` defaults (`", "` and `": "` separators, non-ASCII escaped), so the schema in the
 * prompt reads exactly as Data Designer's does.
 */
function pythonJsonDumps(value) {
    if (value === null || typeof value !== 'object')
        return asciiOnly(JSON.stringify(value) ?? 'null');
    if (Array.isArray(value))
        return `[${value.map(pythonJsonDumps).join(', ')}]`;
    return `{${Object.entries(value).map(([k, v]) => `${asciiOnly(JSON.stringify(k))}: ${pythonJsonDumps(v)}`).join(', ')}}`;
}
function asciiOnly(json) {
    return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function jsonSuffix(schema) {
    return ('* Your response must be in JSON format.\n' +
        '* Your JSON response must be returned within a Markdown, ```json code fence.\n' +
        '* The JSON format is given as a JSON Schema description within <response_schema> markup tags.\n\n' +
        `<response_schema>\n${pythonJsonDumps(schema)}\n</response_schema>`);
}
/** The value of the last ```json block, repaired leniently (unquoted keys, trailing commas, ...). */
function lastJsonBlock(response) {
    const block = extractCodeBlocks(response).filter((b) => b.lang === 'json').at(-1);
    if (!block)
        throw new errors/* ParserError */.s7('No parsable JSON structure within ```json markdown fence.');
    try {
        return JSON.parse((0,jsonrepair/* jsonrepair */.m)(block.code));
    }
    catch {
        throw new errors/* ParserError */.s7("Response doesn't match requested <response_schema>\nThe ```json block is not valid JSON.");
    }
}
function validated(obj, schema) {
    try {
        return validateJson(obj, schema);
    }
    catch (err) {
        if (err instanceof SchemaValidationError)
            throw new errors/* ParserError */.s7(`Response doesn't match requested <response_schema>\n${err.message}`);
        throw err;
    }
}
/** llm-structured: the parsed object (not a string), validated against the schema with extras pruned. */
function structuredRecipe(schema) {
    return { kind: 'structured', suffix: jsonSuffix(schema), parse: (response) => validated(lastJsonBlock(response), schema) };
}
/** llm-judge: structured with an enum per score; scores coerced leniently before validation. */
function judgeRecipe(scores) {
    const schema = judgeResponseSchema(scores);
    return {
        kind: 'judge',
        suffix: jsonSuffix(schema),
        parse: (response) => validated(coerceJudgeScores(lastJsonBlock(response), scores), schema),
    };
}


/***/ }),

/***/ 35709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   ed: () => (/* binding */ retryPolicyFromEnv),
/* harmony export */   mr: () => (/* binding */ DEFAULT_RATE_LIMIT_STALL_SECONDS)
/* harmony export */ });
/* unused harmony exports retryAfterMs, classifyError, attemptDetail */
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98193);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49968);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98890);
/**
 * What a failed HTTP call means, and the retry policy around one logical model call.
 *
 * The openai client's own retries are off (maxRetries 0): they would hide 429s from admission control.
 * Policy: 429s are retried without a budget until the caller's signal or deadline stops them, or until
 * the endpoint has answered nothing but 429s for `rateLimitStallMs` (then `rate_limit_stall`); a 429 waits
 * its Retry-After, and a request's repeated 429s (or one without Retry-After) back off exponentially, so a
 * storm is never a hot loop. Timeouts, 5xx, connection errors and malformed bodies are retried with
 * exponential backoff up to `maxRetries`, after which the error is given up (the engine treats it as a
 * transiently lost row: the stage stays resumable); 4xx are final, with a clear message. The error given
 * up carries its `origin` (endpoint, model, what failed, retries spent) for the stage's message.
 */



// Five retries (2, 4, 8, 16, 32 s): Data Designer retries a failed cell over several salvage rounds, each with
// its own HTTP retries; one budget of five keeps a 17% fault rate from dropping rows (0.17^6 per call).
const DEFAULT_RETRY_POLICY = { maxRetries: 5, baseDelayMs: 2000, maxDelayMs: 60_000 };
/** run_config.rate_limit_stall_seconds when not set (the schema's default). */
const DEFAULT_RATE_LIMIT_STALL_SECONDS = 600;
/**
 * The retry policy, with `DDFLOW_RETRY_BASE_DELAY_MS` / `DDFLOW_RETRY_MAX_DELAY_MS` / `DDFLOW_MAX_RETRIES`
 * from the environment when set (for tests and for impatient local runs against a flaky local server).
 */
function retryPolicyFromEnv(env = process.env, base = DEFAULT_RETRY_POLICY) {
    const num = (name, fallback) => {
        const v = env[name];
        if (v === undefined || v.trim() === '' || !/^\d+$/.test(v.trim()))
            return fallback;
        return Number(v.trim());
    };
    const baseDelayMs = num('DDFLOW_RETRY_BASE_DELAY_MS', base.baseDelayMs);
    return {
        maxRetries: num('DDFLOW_MAX_RETRIES', base.maxRetries),
        baseDelayMs,
        maxDelayMs: Math.max(baseDelayMs, num('DDFLOW_RETRY_MAX_DELAY_MS', base.maxDelayMs)),
    };
}
function headerValue(headers, name) {
    if (!headers)
        return undefined;
    if (typeof headers.get === 'function')
        return headers.get(name) ?? undefined;
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
}
/** `retry-after-ms` (milliseconds) first, then `retry-after` (seconds or an HTTP date). */
function retryAfterMs(headers, now = Date.now()) {
    const ms = headerValue(headers, 'retry-after-ms');
    if (ms !== undefined && Number.isFinite(Number(ms)))
        return Math.max(0, Number(ms));
    const ra = headerValue(headers, 'retry-after');
    if (ra === undefined)
        return undefined;
    if (ra.trim() !== '' && Number.isFinite(Number(ra)))
        return Math.max(0, Number(ra) * 1000);
    const date = Date.parse(ra);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Maps anything thrown by the openai client to an LlmError with a one-sentence message. */
function classifyError(err, ctx) {
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf)
        return err;
    const where = `provider '${ctx.provider}' (model '${ctx.model}')`;
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIUserAbortError */ .cH)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('cancelled', 'The model call was cancelled.');
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionTimeoutError */ .qA)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('timeout', `The request to ${where} timed out.`);
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('connection', `Could not connect to ${where}.`);
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG && typeof err.status === 'number') {
        const status = err.status;
        const serverText = (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .serverText */ .Tn)(String(err.error?.message ?? err.message ?? ''), ctx.secret);
        const opts = { status };
        if (status === 401) {
            const hint = ctx.keyVariable ? ` (check the variable ${ctx.keyVariable})` : '';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('authentication', `Authentication failed for provider '${ctx.provider}'${hint}.`, opts);
        }
        if (status === 403)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('permission', `Permission denied by ${where}.`, opts);
        if (status === 404)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('not_found', `Model '${ctx.model}' was not found at provider '${ctx.provider}' (404).`, opts);
        if (status === 408)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('timeout', `The request to ${where} timed out (408).`, opts);
        if (status === 413 || (status === 400 && /context|too long|maximum.*tokens/i.test(serverText))) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('context_window', `The prompt is too long for the context window of ${where}: ${serverText}`, opts);
        }
        if (status === 429) {
            if (/insufficient_quota|quota/i.test(serverText))
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('quota', `The quota of ${where} is exhausted: ${serverText}`, opts);
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('rate_limit', `Rate limited by ${where}.`, { status, retryAfterMs: retryAfterMs(err.headers) });
        }
        if (status === 422)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('unprocessable', `${where} could not process the request (422): ${serverText}`, opts);
        if (status >= 500)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('server_error', `${where} returned a server error (${status}).`, opts);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('bad_request', `${where} rejected the request (${status}): ${serverText}`, opts);
    }
    if (err instanceof SyntaxError)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('malformed_response', `The response from ${where} was not valid JSON.`);
    const message = err instanceof Error ? err.message : String(err);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('other', `The call to ${where} failed: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .serverText */ .Tn)(message, ctx.secret)}`);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('cancelled', 'The model call was cancelled.'));
        const onAbort = () => {
            clearTimeout(t);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('cancelled', 'The model call was cancelled.'));
        };
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** The first `code` found on an error, its causes or an AggregateError's members. */
function errorCode(err, depth = 0) {
    if (!err || typeof err !== 'object' || depth > 6)
        return undefined;
    const e = err;
    if (typeof e.code === 'string')
        return e.code;
    for (const inner of Array.isArray(e.errors) ? e.errors : []) {
        const c = errorCode(inner, depth + 1);
        if (c)
            return c;
    }
    return errorCode(e.cause, depth + 1);
}
/** What one failed attempt got, in a few words: `HTTP 503`, `connection refused`, `timeout`, ... */
function attemptDetail(raw, error) {
    if (error.status !== undefined)
        return `HTTP ${error.status}`;
    switch (error.kind) {
        case 'timeout':
            return 'timeout';
        case 'malformed_response':
            return 'malformed response';
        case 'connection': {
            const code = errorCode(raw);
            if (code === 'ECONNREFUSED')
                return 'connection refused';
            if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')
                return 'connection reset';
            if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
                return 'host not found';
            return 'connection failed';
        }
        default:
            return error.kind;
    }
}
/** A request's consecutive 429s whose Retry-After is waited as given, before the backoff applies too. */
const RETRY_AFTER_TRUSTED = 3;
/** Exponential backoff for the `n`-th retry (0-based), with ±25 % jitter. */
function backoffMs(policy, n) {
    return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n, 30)) * (0.75 + Math.random() * 0.5);
}
/** Runs `call` under admission control until it succeeds, fails for good, or is stopped. */
async function withRetries(call, options) {
    const { admission, policy, context, signal, deadline, onRetry } = options;
    let budgetUsed = 0;
    let rateLimited = 0;
    let detail = '';
    const endpoint = context.endpoint ?? `provider '${context.provider}'`;
    const giveUp = (error) => {
        if (error.kind !== 'cancelled')
            error.origin ??= { endpoint, model: context.model, detail: detail || error.kind, retries: budgetUsed + rateLimited };
        return error;
    };
    const pause = (ms) => sleep(deadline !== undefined ? Math.min(ms, Math.max(0, deadline - Date.now())) : ms, signal);
    for (;;) {
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('cancelled', 'The model call was cancelled.');
        const permit = await admission.acquire(signal);
        let error;
        try {
            const result = await call();
            permit.release('success');
            return result;
        }
        catch (err) {
            error = signal?.aborted ? new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('cancelled', 'The model call was cancelled.') : classifyError(err, context);
            detail = attemptDetail(err, error);
            permit.release(error.kind === 'rate_limit' ? 'rate_limited' : 'failure', error.retryAfterMs);
        }
        if (!error.retryable)
            throw giveUp(error);
        if (deadline !== undefined && Date.now() >= deadline)
            throw giveUp(error);
        // 429: no budget, so a storm is outlasted rather than dropping rows — until the endpoint has answered
        // nothing but 429s for rateLimitStallMs. The request waits its own Retry-After, and backs off when the
        // server gives none or keeps refusing it; admission control pauses the whole endpoint only on a cut.
        if (error.kind === 'rate_limit') {
            const now = Date.now();
            const since = admission.rateLimitedSince;
            const stall = options.rateLimitStallMs;
            if (stall !== undefined && since !== null && now - since >= stall) {
                const seconds = Math.round((now - since) / 1000);
                detail = `answered nothing but 429 (rate limited) for ${seconds} s (run_config.rate_limit_stall_seconds: ${stall / 1000})`;
                throw giveUp(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf('rate_limit_stall', `The endpoint ${endpoint} (model '${context.model}') answered nothing but 429 (rate limited) for ${seconds} s (run_config.rate_limit_stall_seconds: ${stall / 1000}).`, {
                    status: 429,
                }));
            }
            if (admission.takeFloorNotice()) {
                options.onNotice?.(`Rate limited by ${endpoint} (model '${context.model}'): requests now go one at a time; ddflow keeps retrying${stall !== undefined ? ` and gives up after ${stall / 1000} s of nothing but 429s (run_config.rate_limit_stall_seconds)` : ''}.`);
            }
            onRetry?.(error);
            const serverWait = error.retryAfterMs !== undefined ? Math.min(error.retryAfterMs, admission.settings.maxRetryAfterMs) : undefined;
            // A Retry-After is trusted for a request's first RETRY_AFTER_TRUSTED 429s (random throttling then
            // costs what the server asks); without one, or when 429s keep coming, the backoff grows (base,
            // 2×base, ... up to maxDelayMs) and the longer of the two is taken.
            const step = serverWait === undefined ? rateLimited : rateLimited - RETRY_AFTER_TRUSTED;
            let wait = step < 0 ? serverWait : Math.max(serverWait ?? 0, backoffMs(policy, step));
            rateLimited++;
            // Look again when the stall would be reached, so a stall is reported on time.
            if (stall !== undefined && since !== null)
                wait = Math.min(wait, Math.max(1, since + stall - now));
            if (wait > 0)
                await pause(wait);
            continue;
        }
        if (budgetUsed >= policy.maxRetries)
            throw giveUp(error);
        onRetry?.(error);
        const delay = backoffMs(policy, budgetUsed);
        budgetUsed++;
        await pause(delay);
    }
}


/***/ }),

/***/ 13014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kl: () => (/* binding */ cellRng),
/* harmony export */   Ps: () => (/* binding */ reusedColumnStream),
/* harmony export */   QV: () => (/* binding */ mix32),
/* harmony export */   SS: () => (/* binding */ columnStreams),
/* harmony export */   YZ: () => (/* binding */ hashString),
/* harmony export */   kg: () => (/* binding */ combine),
/* harmony export */   vo: () => (/* binding */ randomSeed)
/* harmony export */ });
/* unused harmony export Rng */
/**
 * Deterministic randomness (the `seed:` extension).
 *
 * Every draw is a pure function of (workflow seed, stage, column, record index, attempt), so a re-run,
 * a resumed run, a run with another buffer_size and a sharded run all produce the same values. Streams
 * are cheap to create (a few 32-bit multiplies), so one is made per (column, record, attempt) rather
 * than sharing a sequential generator whose state would depend on row-group boundaries.
 */
/** 32-bit FNV-1a over a string: turns stage and column names into stream identifiers. */
function hashString(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** murmur3's finaliser: a strong 32-bit mix (a bijection of 32-bit integers). */
function mix32(x) {
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    x ^= x >>> 16;
    return x >>> 0;
}
/** Combines stream identifiers into one 32-bit state (order matters). */
function combine(...parts) {
    let h = 0x9e3779b9;
    for (const p of parts)
        h = combineStep(h, p);
    return h >>> 0;
}
/** A small, fast PRNG (mulberry32 with a split 64-bit-ish state) yielding floats in [0, 1). */
class Rng {
    a;
    b;
    constructor(state) {
        this.a = state >>> 0;
        this.b = mix32(state ^ 0x6d2b79f5);
    }
    /** Restarts this generator at `state` (same sequence as `new Rng(state)`, without an allocation). */
    reseed(state) {
        this.a = state >>> 0;
        this.b = mix32(state ^ 0x6d2b79f5);
        return this;
    }
    /** Uniform float in [0, 1) with 53 bits of randomness. */
    next() {
        const hi = this.next32() >>> 5; // 27 bits
        const lo = this.next32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) / 9007199254740992;
    }
    next32() {
        this.a = (this.a + 0x6d2b79f5) >>> 0;
        let t = this.a ^ this.b;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        this.b = (this.b + 0x9e3779b9) >>> 0;
        return (t ^ (t >>> 14)) >>> 0;
    }
    /** Integer in [lo, hi] inclusive. */
    int(lo, hi) {
        return lo + Math.floor(this.next() * (hi - lo + 1));
    }
    /** Standard normal (Box–Muller). */
    normal() {
        let u = 0;
        while (u === 0)
            u = this.next();
        const v = this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
/**
 * The stream for one cell: workflow seed, stage name, column name, record index (absolute, counted
 * from the start of the stage, not of the row group) and attempt (rejection-sampling round, retry).
 */
function cellRng(seed, stage, column, recordIndex, attempt = 0) {
    return new Rng(combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column), recordIndex >>> 0, Math.floor(recordIndex / 4294967296), attempt));
}
/** Precomputes the per-column part of the state so that a million cells cost one combine each. */
function columnStreams(seed, stage, column) {
    const base = combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column));
    return (recordIndex, attempt = 0) => new Rng(combine(base, recordIndex >>> 0, Math.floor(recordIndex / 4294967296), attempt));
}
/**
 * As columnStreams, but every call returns the SAME Rng object, reseeded: no allocation per cell. Only
 * for synchronous consumers that finish with the stream before asking for the next one (the sampler
 * generator); anything that keeps a stream across an await needs columnStreams.
 */
function reusedColumnStream(seed, stage, column) {
    const base = combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column));
    // combine(base, lo, hi, attempt) unrolled, with its first step (which only sees `base`) done once:
    // the same state, without a rest-argument array per cell.
    const afterBase = combineStep(0x9e3779b9, base);
    const rng = new Rng(0);
    return (recordIndex, attempt = 0) => rng.reseed(combineStep(combineStep(combineStep(afterBase, recordIndex >>> 0), Math.floor(recordIndex / 4294967296)), attempt) >>> 0);
}
/** One round of combine(): folds `p` into the state `h`. */
function combineStep(h, p) {
    return mix32((h ^ mix32(p >>> 0)) + 0x9e3779b9 + ((h << 6) >>> 0) + (h >>> 2));
}
/** A fresh random workflow seed, recorded in metadata so that a run can be reproduced. */
function randomSeed() {
    return Math.floor(Math.random() * 2 ** 31);
}


/***/ }),

/***/ 64480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ partialStageCachePrefix),
/* harmony export */   KK: () => (/* binding */ stageCacheKey),
/* harmony export */   PX: () => (/* binding */ partialStageCacheKey)
/* harmony export */ });
/**
 * Names of stage entries in a cache store (spec §4.2). The runner restores and saves by these names; the
 * Action's post step saves interrupted stages under the partial form, which the next run restores by prefix.
 */
/** The key of a completed stage: `<prefix>-<workflow>-<stage>-<fingerprint>`. */
function stageCacheKey(prefix, workflow, stage, fingerprint) {
    return `${prefix}-${workflow}-${stage}-${fingerprint}`;
}
/**
 * The restore prefix of partial entries (completed row groups of an interrupted stage). Cache services
 * prefix-match the primary key too, so a partial key must NOT begin with the stage's full key (or a
 * restore of the full key could bring back a partial stage): `partial` goes before the fingerprint.
 */
function partialStageCachePrefix(prefix, workflow, stage, fingerprint) {
    return `${prefix}-${workflow}-${stage}-partial-${fingerprint}-`;
}
/** A run-specific key for a partial stage; the newest one is what the next run restores by prefix. */
function partialStageCacheKey(prefix, workflow, stage, fingerprint, run) {
    return `${partialStageCachePrefix(prefix, workflow, stage, fingerprint)}${run.id || 'local'}-${run.attempt || '1'}`;
}


/***/ }),

/***/ 45125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _v: () => (/* binding */ executeStage),
/* harmony export */   eq: () => (/* binding */ defaultEngine),
/* harmony export */   t: () => (/* binding */ lazyEngine)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26327);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22312);
/**
 * Generating one stage: the engine's create() (fresh or resuming its row groups), then its output
 * processors, the selection of its output (`final` or `processor:<name>`) and its `on_success` command.
 */





async function defaultEngine() {
    // Loaded lazily: plan/validate/export never pay for the engine's imports. A literal specifier, so
    // the bundler still follows it.
    const { runStage, runDatasetProcessors } = await Promise.all(/* import() */[__webpack_require__.e(432), __webpack_require__.e(621), __webpack_require__.e(589)]).then(__webpack_require__.bind(__webpack_require__, 38589));
    return { runStage, runDatasetProcessors };
}
/**
 * The engine, imported when a stage first needs it: a fully cached rerun never loads it. Issue 13,
 * profiled with --cpu-prof on the bundled CLI's all-cached rerun of a 4-stage workflow (1.17 s of CPU
 * under load): compiling bundle chunks was a third of it, and the engine's imports brought Faker alone
 * as a 2.4 MB chunk (plus the samplers, generators and templates) that no cached stage runs.
 */
function lazyEngine() {
    let loaded;
    const engine = () => (loaded ??= defaultEngine());
    return {
        runStage: async (input) => (await engine()).runStage(input),
        runDatasetProcessors: async (input) => (await engine()).runDatasetProcessors(input),
    };
}
/** The stage's bound functions, each with the run's secrets to keep out of what a command prints. */
function functionSpecs(stage, secrets) {
    return new Map([...(stage.functions ?? [])].map(([name, f]) => [name, { ...f.spec, secrets }]));
}
async function executeStage(x) {
    const { stage, stageDir } = x;
    // The run's keys, kept out of what bound commands and on_success print.
    const secrets = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .secretValues */ .V)(x.workflow);
    const upstreamFiles = x.upstream ? await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parquetFilesAt */ .Te)(x.upstream.outputPath) : undefined;
    const result = await x.engine.runStage({
        stageName: stage.name,
        stageIndex: x.index,
        config: x.config,
        numRecords: x.numRecords,
        stageDir,
        seed: x.seed,
        runConfig: x.workflow.runConfig,
        upstream: upstreamFiles ? { files: upstreamFiles, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
        resume: x.resume,
        models: x.models,
        ...(x.assembled ? { assembled: x.assembled } : {}),
        signal: x.signal,
        db: x.db,
        ...(stage.functions ? { functions: functionSpecs(stage, secrets) } : {}),
        onProgress: x.onProgress,
        log: x.log,
    });
    x.signal?.throwIfAborted();
    const mainDir = dirOf(result.outputFiles, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, 'parquet-files'));
    let processed;
    const opDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, 'output-processors');
    if (stage.outputProcessors.length > 0) {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(opDir, { recursive: true, force: true });
        processed = await x.engine.runDatasetProcessors({ stageName: stage.name, processors: stage.outputProcessors, inputFiles: result.outputFiles, outDir: opDir, log: x.log, db: x.db });
        x.signal?.throwIfAborted();
    }
    let selected;
    if (stage.output.kind === 'final') {
        selected = processed ? dirOf(processed.outputFiles, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(opDir, 'parquet-files')) : mainDir;
    }
    else {
        const name = stage.output.name;
        const inOutput = stage.outputProcessors.some((p) => p.name === name);
        const side = inOutput ? processed?.processorFiles[name] : result.processorFiles[name];
        const sideDir = inOutput ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(opDir, 'processors-files', name) : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, 'processors-files', name);
        if (side && side.length > 0)
            selected = dirOf(side, sideDir);
        else if ((await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parquetFilesAt */ .Te)(sideDir)).length > 0)
            selected = sideDir;
        else {
            // drop_columns and sql processors transform the dataset itself rather than writing a side output.
            const config = (inOutput ? stage.outputProcessors : (stage.config.processors ?? [])).find((p) => p.name === name);
            if (!config || config.processor_type.replace('-', '_') === 'schema_transform') {
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage output processor '${name}' did not produce artifacts.`);
            }
            selected = inOutput && processed ? dirOf(processed.outputFiles, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(opDir, 'parquet-files')) : mainDir;
        }
    }
    let callbackOutputPath;
    if (stage.onSuccess) {
        const outDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, _outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .CALLBACK_OUTPUTS_DIR */ .$, stage.onSuccess.version ?? 'unversioned');
        selected = await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .runOnSuccess */ .yR)(x.db, {
            command: stage.onSuccess.run,
            cwd: x.workflow.dir,
            stageDir,
            outputDir: outDir,
            signal: x.signal,
            secrets,
            onStderr: (text) => {
                for (const line of text.split('\n'))
                    if (line.trim())
                        x.log.info(`[on_success] ${line}`);
            },
        });
        callbackOutputPath = selected;
    }
    return {
        cache: 'miss',
        ownOutputPath: selected,
        ownOutputFiles: (await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parquetFilesAt */ .Te)(selected)).map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f)),
        outputRecords: await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .countOutputRows */ .yk)(x.db, selected),
        numRecordsActual: result.numRecordsActual,
        callbackOutputPath,
        outputProcessorPath: processed ? opDir : undefined,
        tokens: result.tokens,
        modelUsage: result.modelUsage,
        droppedRows: result.droppedRows,
        warnings: result.warnings,
    };
}
function dirOf(files, fallback) {
    return files.length > 0 ? node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(files[0]) : fallback;
}


/***/ }),

/***/ 39545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ mergeRuntime),
/* harmony export */   Se: () => (/* binding */ collectShards),
/* harmony export */   gL: () => (/* binding */ assembleShards)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8833);
/* harmony import */ var _stage_models_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18678);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65661);
/* harmony import */ var _data_database_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94715);
/* harmony import */ var _engine_resume_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(90099);
/**
 * `ddflow merge <workflow> --stage s [--from dir]`: the shards of a stage become the stage.
 *
 * The shards are collected from a directory of downloaded artifacts (`--from`), else from the workflow
 * directory and the cache store; every one must be this stage at this fingerprint and seed, all with
 * the same N, and together they must cover the record indices 0..num_records-1 exactly once — otherwise
 * the merge refuses with one sentence naming the missing, duplicate or foreign shards. The row groups
 * are then placed side by side in the stage's directory, recorded as the completed row groups of an
 * interrupted attempt, and the stage is finished the way a resume finishes it (src/engine/create.ts):
 * nothing left to generate, then dataset processors, statistics, output processors and on_success —
 * which is why the merged stage is the single run's, byte for byte.
 */








/** Directories below `root` (to `depth` levels) holding a shard record. */
async function shardDirsBelow(root, depth) {
    const out = [];
    const visit = async (dir, left) => {
        const entries = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
        if (entries.some((e) => e.isFile() && e.name === _shard_js__WEBPACK_IMPORTED_MODULE_5__/* .SHARD_RECORD_FILENAME */ .hj)) {
            out.push(dir);
            return;
        }
        if (left === 0)
            return;
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name)))
            if (e.isDirectory())
                await visit(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, e.name), left - 1);
    };
    await visit(root, depth);
    return out;
}
async function recordsIn(dirs) {
    const out = [];
    for (const dir of dirs) {
        const record = await (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .readShardRecord */ .kg)(dir);
        if (record)
            out.push({ dir, record });
    }
    return out;
}
/** Collects the shards of the stage and checks that they are exactly its N blocks; throws one sentence otherwise. */
async function collectShards(src) {
    const stage = src.workflow.stages[src.stageIndex];
    const ours = (s) => s.record.workflow === src.workflow.name && s.record.stage === stage.name && s.record.fingerprint === src.fingerprint && s.record.seed === src.seed;
    const where = (s) => (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(s.dir, process.cwd());
    let found;
    const problems = [];
    if (src.from !== undefined) {
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(src.from).catch(() => undefined);
        if (!st?.isDirectory())
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot merge stage '${stage.name}': --from ${src.from} is not a directory.`);
        found = await recordsIn(await shardDirsBelow(src.from, 4));
        // Given explicitly: anything that is not a shard of this stage at this fingerprint is a mistake to report.
        for (const s of found.filter((f) => !ours(f))) {
            problems.push(`${where(s)} is foreign (shard ${s.record.shard}/${s.record.count} of stage '${s.record.stage}' with fingerprint ${String(s.record.fingerprint).slice(0, 12)} and seed ${s.record.seed}, not ${src.fingerprint.slice(0, 12)} and seed ${src.seed})`);
        }
        found = found.filter(ours);
    }
    else {
        // The workflow directory may hold shards of earlier fingerprints: only this one's count.
        found = (await recordsIn(await shardDirsBelow((0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardsRoot */ .G4)(src.workflowDir, src.stageIndex, stage.name), 1))).filter(ours);
        if (src.store && src.store.kind !== 'off')
            found = await restoreMissing(src, stage, found);
    }
    if (found.length === 0 && problems.length === 0) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot merge stage '${stage.name}': no shard of it at fingerprint ${src.fingerprint.slice(0, 12)} was found (${src.from !== undefined ? `in ${src.from}` : 'in the workflow directory or the cache'}); run 'ddflow run --stage ${stage.name} --shard i/N' for every shard first.`);
    }
    const counts = [...new Set(found.map((s) => s.record.count))].sort((a, b) => a - b);
    // Locally, an earlier split of the same stage may lie beside this one: the count whose shards are all there wins.
    const complete = counts.filter((n) => new Set(found.filter((s) => s.record.count === n).map((s) => s.record.shard)).size === n);
    if (src.from !== undefined && counts.length > 1)
        problems.push(`the shards disagree on N (${counts.map((n) => `${found.filter((s) => s.record.count === n).length} of ${n}`).join(', ')})`);
    const count = complete.length > 0 ? complete[complete.length - 1] : counts[counts.length - 1];
    const chosen = [];
    const stoppedEarly = [];
    const bufferSize = src.workflow.runConfig.buffer_size;
    // One database reads every shard's row groups (opened only when a shard gets that far).
    let db;
    const database = async () => (db ??= await (0,_data_database_js__WEBPACK_IMPORTED_MODULE_6__.openDatabase)());
    try {
        if (count !== undefined) {
            for (let i = 1; i <= count; i++) {
                const these = found.filter((s) => s.record.count === count && s.record.shard === i);
                if (these.length === 0) {
                    problems.push(`shard ${i}/${count} is missing`);
                    continue;
                }
                if (these.length > 1)
                    problems.push(`shard ${i}/${count} is there ${these.length} times (${these.map(where).join(', ')})`);
                const s = these[0];
                const expected = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardRange */ .uk)(stage.name, src.numRecords, bufferSize, i, count);
                if (s.record.status !== 'completed')
                    problems.push(`shard ${i}/${count} (${where(s)}) did not complete`);
                // buffer_size is not in the fingerprint, and blocks cut with another size can still start and end
                // on the same group numbers: their groups hold other records, which a resume would not keep.
                else if (s.record.buffer_size !== bufferSize) {
                    problems.push(`shard ${i}/${count} (${where(s)}) was cut into row groups of buffer_size ${s.record.buffer_size}, not the workflow's ${bufferSize} (rerun it with this file: ddflow run --stage ${stage.name} --shard ${i}/${count})`);
                }
                else if (s.record.first_group !== expected.firstGroup || s.record.end_group !== expected.endGroup || s.record.num_records !== src.numRecords) {
                    problems.push(`shard ${i}/${count} (${where(s)}) covers records ${s.record.first_record}..${s.record.end_record - 1} of ${s.record.num_records}, not ${expected.firstRecord}..${expected.endRecord - 1} of ${src.numRecords}`);
                }
                else {
                    const rows = await shardRowGroups(s, database, bufferSize, s.record.seed);
                    if (rows === 'incomplete')
                        problems.push(`shard ${i}/${count} (${where(s)}) lacks some of its row groups`);
                    if (rows === 'stopped-early')
                        stoppedEarly.push(s);
                }
                chosen.push(s);
            }
        }
    }
    finally {
        db?.close();
    }
    if (problems.length > 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot merge stage '${stage.name}': ${problems.join('; ')}.`);
    for (const s of stoppedEarly) {
        src.log.warn(`⚠️ Shard ${s.record.shard}/${s.record.count} of stage '${stage.name}' stopped early (early shutdown: too many generation failures) with ${s.record.output_records ?? 0} of its ${s.record.end_record - s.record.first_record} records: the merged stage is completed without the rest, as a single run that stops early is; to try them again, rerun that shard (it continues where it stopped) and merge again.`);
    }
    return chosen;
}
/** Brings the shards of this fingerprint that are not on disk back from the cache store. */
async function restoreMissing(src, stage, found) {
    const store = src.store;
    const name = src.workflow.name;
    let count = found[0]?.record.count;
    const out = [...found];
    if (count === undefined) {
        // N is whatever the newest shard entry of this fingerprint says.
        const prefix = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardCachePrefix */ .JH)(src.cachePrefix, name, stage.name, src.fingerprint);
        const scratch = node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardsRoot */ .G4)(src.workflowDir, src.stageIndex, stage.name), '.probe');
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(scratch, { recursive: true, force: true });
        const hit = await store.restore(prefix, scratch, [prefix]).catch(() => undefined);
        const which = hit ? (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardOfKey */ .Bo)(hit) : undefined;
        if (!which) {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(scratch, { recursive: true, force: true });
            return out;
        }
        count = which.count;
        const dir = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardDir */ .oq)(src.workflowDir, src.stageIndex, stage.name, which.index, which.count);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(dir, { recursive: true, force: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(scratch, dir);
        const record = await (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .readShardRecord */ .kg)(dir);
        if (record)
            out.push({ dir, record });
    }
    for (let i = 1; i <= count; i++) {
        if (out.some((s) => s.record.count === count && s.record.shard === i))
            continue;
        const dir = (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardDir */ .oq)(src.workflowDir, src.stageIndex, stage.name, i, count);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(dir, { recursive: true, force: true });
        const hit = await store.restore((0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .shardCacheKey */ ._L)(src.cachePrefix, name, stage.name, src.fingerprint, i, count), dir).catch(() => undefined);
        const record = hit ? await (0,_shard_js__WEBPACK_IMPORTED_MODULE_5__/* .readShardRecord */ .kg)(dir) : undefined;
        if (record)
            out.push({ dir, record });
        else
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(dir, { recursive: true, force: true });
    }
    if (out.length > found.length)
        src.log.info(`Restored ${out.length - found.length} shard(s) of stage '${stage.name}' from the cache.`);
    return out;
}
/**
 * Whether every row group the shard recorded is intact — readable, with its recorded rows, side files
 * included, cut and drawn as the workflow cuts and draws them: exactly the rule the merge's resume keeps
 * row groups by (keptRowGroups), so a group that passes here is never generated again there — and its
 * block has no other group, unless early shutdown stopped it. A corrupt or truncated file, or one of
 * another buffer_size, must refuse the merge, not become dropped rows of a "completed" stage.
 */
async function shardRowGroups(s, db, bufferSize, seed) {
    const meta = await (0,_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .readMetadata */ ._6)(s.dir);
    if (!meta)
        return 'incomplete';
    const intact = await (0,_engine_resume_js__WEBPACK_IMPORTED_MODULE_7__/* .keptRowGroups */ .R3)(await db(), s.dir, meta, bufferSize, seed);
    if (!(meta.ddflow_batches ?? []).every((b) => intact.has(b.index)))
        return 'incomplete';
    // A shard stopped by early shutdown (permanent failures) completed without its later groups, as an
    // unsharded stage does: the merge leaves them out and the merged stage is recorded the same way.
    return unwrittenGroups(s, meta).length === 0 ? 'complete' : meta.early_shutdown ? 'stopped-early' : 'incomplete';
}
/** The row groups of the shard's block its metadata does not record. */
function unwrittenGroups(s, meta) {
    const have = new Set((meta.ddflow_batches ?? []).map((b) => b.index));
    const out = [];
    for (let g = s.record.first_group; g < s.record.end_group; g++)
        if (!have.has(g))
            out.push(g);
    return out;
}
/** Hard-links (or copies) every file below `src` into `dest`, keeping relative paths. */
async function linkInto(src, dest) {
    const entries = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(src, { withFileTypes: true }).catch(() => []);
    if (entries.length === 0)
        return;
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dest, { recursive: true });
    for (const e of entries) {
        const from = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(src, e.name);
        const to = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dest, e.name);
        if (e.isDirectory())
            await linkInto(from, to);
        else if (e.isFile())
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.link(from, to).catch(() => node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.copyFile(from, to));
    }
}
/**
 * Places the shards' row groups in `stageDir` with a metadata.json that records them as the completed
 * row groups of one attempt, and merges the shards' model answers into the call store. Called only after
 * collectShards checked every shard; the stage is built beside its directory and moved into place whole,
 * so a merge that stops half-way never leaves a stage directory of some of the shards.
 */
async function assembleShards(shards, stageDir, workflowDir) {
    const building = `${stageDir}.merging`;
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(building, { recursive: true, force: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(building, { recursive: true });
    const batches = [];
    const tokens = { prompt: 0, completion: 0 };
    const dropped = {};
    const stoppedEarly = [];
    let first = null;
    for (const s of shards) {
        for (const sub of [_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .PARQUET_DIR */ .dr, _engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .DROPPED_DIR */ .Pj, _engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .PROCESSORS_DIR */ .Cs])
            await linkInto(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(s.dir, sub), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(building, sub));
        const meta = (await (0,_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .readMetadata */ ._6)(s.dir));
        first ??= meta;
        if (meta.early_shutdown)
            stoppedEarly.push(...unwrittenGroups(s, meta));
        batches.push(...(meta.ddflow_batches ?? []).filter((b) => b.index >= s.record.first_group && b.index < s.record.end_group));
        tokens.prompt += meta.token_usage?.prompt ?? 0;
        tokens.completion += meta.token_usage?.completion ?? 0;
        for (const [k, v] of Object.entries(meta.dropped_rows ?? {}))
            dropped[k] = (dropped[k] ?? 0) + v;
    }
    batches.sort((a, b) => a.index - b.index);
    const { post_generation_state: _p, early_shutdown: _e, model_usage: _m, ...rest } = first;
    await (0,_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .writeMetadata */ .f5)(building, {
        ...rest,
        actual_num_records: batches.reduce((n, b) => n + b.num_records, 0),
        num_completed_batches: batches.length,
        file_paths: { 'parquet-files': batches.map((b) => b.file), 'processor-files': {} },
        token_usage: tokens,
        dropped_rows: dropped,
        ddflow_batches: batches,
    });
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(building, stageDir);
    for (const s of shards)
        await linkInto(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(s.dir, _stage_models_js__WEBPACK_IMPORTED_MODULE_4__/* .CALL_CACHE_DIR */ .WU), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workflowDir, _stage_models_js__WEBPACK_IMPORTED_MODULE_4__/* .CALL_CACHE_DIR */ .WU)).catch(() => undefined);
    return { shards: shards.length, tokens, stoppedEarly };
}
/**
 * The model runtime of a merge: every row is generated already, so nothing may call a model. The engine
 * refuses a merge with a row group missing before any generator runs (StageRunInput.assembled), so this
 * refusal is a backstop that no merge should reach.
 */
function mergeRuntime(stage, tokens) {
    const refuse = () => {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage}': a merge makes no model calls, but a row group was missing from the shards.`);
    };
    return { generate: refuse, embed: refuse, tokenUsage: () => tokens };
}


/***/ }),

/***/ 69951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OL: () => (/* binding */ PLAN_COLUMNS),
  buildPlan: () => (/* binding */ buildPlan),
  Nw: () => (/* binding */ decideStage),
  ax: () => (/* binding */ fingerprintOf),
  formatPlanTable: () => (/* binding */ formatPlanTable),
  v_: () => (/* binding */ planCells),
  nV: () => (/* binding */ planContext),
  planEntryJson: () => (/* binding */ planEntryJson)
});

// UNUSED EXPORTS: buildPlanIn, predictedHandoff

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/workflow/load.ts + 19 modules
var load = __webpack_require__(46411);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(86999);
// EXTERNAL MODULE: ./src/workflow/fingerprint.ts
var workflow_fingerprint = __webpack_require__(17553);
// EXTERNAL MODULE: ./src/workflow/metadata.ts
var metadata = __webpack_require__(55800);
// EXTERNAL MODULE: ./src/engine/artifacts.ts
var artifacts = __webpack_require__(8833);
// EXTERNAL MODULE: ./src/engine/resume.ts
var resume = __webpack_require__(90099);
// EXTERNAL MODULE: ./src/workflow/reuse.ts
var reuse = __webpack_require__(77877);
// EXTERNAL MODULE: ./src/workflow/selection.ts + 1 modules
var workflow_selection = __webpack_require__(35151);
// EXTERNAL MODULE: ./src/workflow/stage-models.ts + 3 modules
var stage_models = __webpack_require__(18678);
// EXTERNAL MODULE: ./src/workflow/stage-record.ts
var stage_record = __webpack_require__(22597);
// EXTERNAL MODULE: ./src/workflow/cache-keys.ts
var cache_keys = __webpack_require__(64480);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/workflow/shard.ts
var workflow_shard = __webpack_require__(65661);
// EXTERNAL MODULE: ./src/workflow/merge.ts
var merge = __webpack_require__(39545);
;// CONCATENATED MODULE: ./src/workflow/shard-plan.ts
/**
 * The plan's decision for one shard of a stage (`run --stage s --shard i/N`), called by decideStage
 * (src/workflow/plan.ts) for the stage being sharded: the stage's own plan — its fingerprint, its
 * num_records, its reuse of a merged output — restricted to the shard's block of row groups.
 *
 * - The stage already merged (on disk, or in the cache store): the shard has nothing to generate, and
 *   the decision is the stage's own `cached` / `restore`.
 * - The shard's directory holds this shard complete, or the cache store does: `cached` / `restore`.
 * - The shard's directory (or a partial entry in the store, saved by the Action's post step) holds some
 *   of its row groups: `resume`, keeping them.
 * - Otherwise `run`.
 */













/**
 * Whether `record` is this shard of this stage at this fingerprint and seed, cut alike: buffer_size is
 * not in the fingerprint, and a block cut with another size may span the same group numbers while its
 * groups hold other records (the merge would refuse it, so a rerun must generate it again).
 */
function isThisShard(record, fingerprint, seed, range, stageIndex, bufferSize) {
    return (record !== undefined &&
        record.fingerprint === fingerprint &&
        record.seed === seed &&
        record.buffer_size === bufferSize &&
        record.stage_index === stageIndex &&
        record.shard === range.index &&
        record.count === range.count &&
        record.first_group === range.firstGroup &&
        record.end_group === range.endGroup);
}
/** Rows in the shard's parquet files, or undefined when they cannot be read. */
async function shardRows(ctx, dir) {
    const files = (await external_node_fs_.promises.readdir(external_node_path_default().join(dir, artifacts/* PARQUET_DIR */.dr)).catch(() => [])).filter((f) => f.endsWith('.parquet')).map((f) => external_node_path_default().join(dir, artifacts/* PARQUET_DIR */.dr, f));
    try {
        return files.length === 0 ? 0 : await (0,dataset.countRows)(ctx.db, files);
    }
    catch {
        return undefined;
    }
}
/**
 * A completed shard whose files still hold the rows it recorded — and that did not shut down early: as
 * an unsharded stage, a rerun continues the row groups such a shard never attempted (reuse.ts).
 */
async function completeShard(ctx, dir, fingerprint, seed, range, stageIndex) {
    const record = await (0,workflow_shard/* readShardRecord */.kg)(dir);
    return (isThisShard(record, fingerprint, seed, range, stageIndex, ctx.workflow.runConfig.buffer_size) &&
        record.status === 'completed' &&
        (await shardRows(ctx, dir)) === record.output_records &&
        (await (0,artifacts/* readMetadata */._6)(dir))?.early_shutdown !== true);
}
/** The stage itself, complete at this fingerprint on disk (`cached`) or in the cache store (`restore`). */
async function mergedAlready(ctx, x, fingerprint, consequence) {
    const stage = ctx.workflow.stages[x.index];
    const stageDir = external_node_path_default().join(ctx.workflowDir, (0,workflow_selection/* stageDirName */.bM)(x.index, stage.name));
    const rec = (0,metadata/* priorStageRecord */.GH)(ctx.prior, x.index, stage.name, (0,workflow_selection/* stageDirName */.bM)(x.index, stage.name));
    if (rec?.fingerprint === fingerprint && (await (0,reuse/* reuseCheck */.xC)(ctx.db, stage, rec, ctx.workflowDir)) === 'ok') {
        const outcome = (0,stage_record/* fromRecord */.iA)(rec, ctx.workflowDir, 'reused');
        return { ...x.base, decision: 'cached', rows: rec.output_records ?? null, calls: 0, reason: `the stage is merged already (${rec.output_records ?? '?'} rows on disk); ${consequence}`, outcome };
    }
    if (ctx.store && ctx.store.kind !== 'off') {
        const key = (0,cache_keys/* stageCacheKey */.KK)(ctx.cachePrefix, ctx.workflow.name, stage.name, fingerprint);
        const restored = await (0,reuse/* restoreFromStore */.Eu)(ctx.db, ctx.store, key, stageDir, { fingerprint, stage_dir: (0,workflow_selection/* stageDirName */.bM)(x.index, stage.name) }, ctx.workflowDir, stage, ctx.log);
        // A merged stage that stopped early is merged again from its shards (a shard's rerun continues it).
        if (restored === 'stopped-early')
            await external_node_fs_.promises.rm(stageDir, { recursive: true, force: true });
        else if (restored)
            return { ...x.base, decision: 'restore', rows: restored.outputRecords, calls: 0, reason: `the cache store holds the merged stage; ${consequence}`, outcome: restored };
    }
    return undefined;
}
/**
 * `ddflow merge`: the stage merged already (`cached` / `restore`), or its shards collected and placed in
 * its directory as the completed row groups of one attempt, which the run then finishes (`resume`, no
 * model call): dataset processors, statistics, output processors, on_success, the cache save.
 */
async function decideMerge(ctx, x) {
    const stage = ctx.workflow.stages[x.index];
    if (x.numRecords === null || x.fingerprint === null)
        throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}' cannot be merged before the rows of stage '${x.upstream.name}' are known.`);
    const merged = await mergedAlready(ctx, x, x.fingerprint, 'there is nothing to merge');
    if (merged)
        return merged;
    const shards = await (0,merge/* collectShards */.Se)({
        workflow: ctx.workflow,
        stageIndex: x.index,
        workflowDir: ctx.workflowDir,
        fingerprint: x.fingerprint,
        seed: x.seed,
        numRecords: x.numRecords,
        from: ctx.merge.from,
        store: ctx.store,
        cachePrefix: ctx.cachePrefix,
        log: ctx.log,
    });
    const assembled = await (0,merge/* assembleShards */.gL)(shards, external_node_path_default().join(ctx.workflowDir, (0,workflow_selection/* stageDirName */.bM)(x.index, stage.name)), ctx.workflowDir);
    return { ...x.base, decision: 'resume', rows: x.numRecords, calls: 0, reason: `assembled from its ${shards.length} shard${shards.length === 1 ? '' : 's'}`, merge: assembled };
}
async function decideShard(ctx, x) {
    const { workflow, options, selection } = ctx;
    const stage = workflow.stages[x.index];
    const mode = options.resume ?? 'if_possible';
    if (x.numRecords === null)
        throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}' cannot be sharded before the rows of stage '${x.upstream.name}' are known.`);
    const range = (0,workflow_shard/* shardRange */.uk)(stage.name, x.numRecords, workflow.runConfig.buffer_size, ctx.shard.index, ctx.shard.count);
    const dir = (0,workflow_shard/* shardDir */.oq)(ctx.workflowDir, x.index, stage.name, range.index, range.count);
    const rows = range.endRecord - range.firstRecord;
    const label = `shard ${range.index}/${range.count} (records ${range.firstRecord}..${range.endRecord - 1})`;
    const shard = { range, dir };
    const generate = (reason, kept = 0, extra = {}) => ({
        ...x.base,
        decision: 'run',
        rows,
        calls: x.answered ? 0 : Math.max(0, rows - kept) * x.models,
        reason: `${label}: ${reason}`,
        shard,
        ...extra,
    });
    if (mode === 'never')
        return generate("every stage is generated afresh (mode 'never')");
    if (selection.rerunFromIndex !== undefined && x.index >= selection.rerunFromIndex)
        return generate(`forced from stage '${workflow.stages[selection.rerunFromIndex].name}' on`);
    if (x.upstream?.generated)
        return generate(`upstream stage '${x.upstream.name}' is generated again`);
    if (x.fingerprint === null)
        return generate(`upstream stage '${x.upstream.name}' has no known fingerprint`);
    const fingerprint = x.fingerprint;
    // The stage merged already: no shard of it has anything left to generate.
    const merged = await mergedAlready(ctx, x, fingerprint, 'no shard of it has anything to generate');
    if (merged)
        return merged;
    if (await completeShard(ctx, dir, fingerprint, x.seed, range, x.index)) {
        return { ...x.base, decision: 'cached', rows, calls: 0, reason: `${label}: unchanged; its rows are on disk`, shard };
    }
    const onDisk = await (0,workflow_shard/* readShardRecord */.kg)(dir);
    if (isThisShard(onDisk, fingerprint, x.seed, range, x.index, workflow.runConfig.buffer_size)) {
        const kept = await (0,resume/* keptRowCount */.k4)(ctx.db, dir, workflow.runConfig.buffer_size, x.seed);
        return generate(`an interrupted attempt; ${kept} row${kept === 1 ? '' : 's'} on disk are kept`, kept, { decision: 'resume' });
    }
    if (ctx.store && ctx.store.kind !== 'off') {
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        const hit = await ctx.store.restore((0,workflow_shard/* shardCacheKey */._L)(ctx.cachePrefix, workflow.name, stage.name, fingerprint, range.index, range.count), dir).catch(() => undefined);
        if (hit && (await completeShard(ctx, dir, fingerprint, x.seed, range, x.index))) {
            ctx.log.info(`Shard ${range.index}/${range.count} of stage '${stage.name}' restored from the cache.`);
            return { ...x.base, decision: 'restore', rows, calls: 0, reason: `${label}: the cache store holds it`, shard };
        }
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        const partialPrefix = (0,workflow_shard/* partialShardCachePrefix */.SY)(ctx.cachePrefix, workflow.name, stage.name, fingerprint, range.index, range.count);
        const partial = await ctx.store.restore(partialPrefix, dir, [partialPrefix]).catch(() => undefined);
        if (partial && isThisShard(await (0,workflow_shard/* readShardRecord */.kg)(dir), fingerprint, x.seed, range, x.index, workflow.runConfig.buffer_size)) {
            ctx.log.info(`Shard ${range.index}/${range.count} of stage '${stage.name}' resumes from the row groups of an interrupted run (${partial}).`);
            const kept = await (0,resume/* keptRowCount */.k4)(ctx.db, dir, workflow.runConfig.buffer_size, x.seed);
            return generate(`the cache store holds ${kept} row${kept === 1 ? '' : 's'} of an interrupted attempt`, kept, { decision: 'resume' });
        }
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    }
    const other = onDisk; // not this shard (isThisShard narrowed it away)
    const why = !other
        ? 'no output of this shard on disk'
        : other.fingerprint === fingerprint && other.buffer_size !== workflow.runConfig.buffer_size
            ? `the shard on disk was cut with buffer_size ${other.buffer_size}, not ${workflow.runConfig.buffer_size}`
            : 'its inputs changed (another fingerprint than the shard on disk)';
    if (mode === 'always')
        return generate(`${why}; mode 'always' stops here`, 0, { refused: true });
    return generate(why);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/llm/index.ts + 5 modules
var llm = __webpack_require__(32002);
// EXTERNAL MODULE: ./src/workflow/execute-stage.ts
var execute_stage = __webpack_require__(45125);
// EXTERNAL MODULE: ./src/workflow/outputs.ts
var outputs = __webpack_require__(26327);
;// CONCATENATED MODULE: ./src/workflow/plan-cost.ts
/**
 * Dollars in the plan (issue 17): for every stage a run would generate, what its model calls are
 * expected to cost. Calls: the plan's own count (calls the call store cannot answer). Prompt tokens:
 * the prompts of a sample of rows, rendered as a run renders them (the engine itself runs the sample,
 * with a model runtime that sends nothing) and counted with a real tokenizer (gpt-tokenizer, o200k).
 * Completion tokens: what the column's answers averaged in earlier runs (workflow-metadata.json),
 * else the model's max_tokens, else 256. Where a stage's input is not generated yet (its upstream
 * runs in this pass), the sample of the upstream stage is handed down, its model answers stood in
 * for by text of the expected completion length.
 */









/** Rows rendered per stage to measure its prompts. */
const ESTIMATE_SAMPLE_ROWS = 8;
/** Completion tokens a call is assumed to take when neither history nor max_tokens says. */
const DEFAULT_COMPLETION_TOKENS = 256;
async function loadTokenCounter() {
    const { countTokens } = await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 83251));
    return (text) => {
        try {
            return countTokens(text);
        }
        catch {
            // Text holding a special token (`<|endoftext|>`) is refused by the encoder: count it roughly.
            return Math.ceil(text.length / 4);
        }
    };
}
/** Adds `estimate` to every stage of `plan` that would be generated. Never calls a model. */
async function estimatePlanCosts(ctx, plan) {
    const count = await loadTokenCounter();
    const engine = await (0,execute_stage/* defaultEngine */.eq)();
    const scratch = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'ddflow-plan-estimate-'));
    const seed = ctx.options.seed ?? ctx.prior?.seed ?? 0;
    /** The files the next stage reads: a reused stage's output, or the sample of a generated one. */
    let handed;
    try {
        for (const step of plan.stages) {
            if (step.decision === 'skipped')
                break;
            const stage = ctx.workflow.stages[step.index];
            if (step.decision === 'cached' || step.decision === 'restore') {
                handed = step.outcome ? { files: await (0,outputs/* parquetFilesAt */.Te)(step.outcome.ownOutputPath), sampled: false } : undefined;
                continue;
            }
            const completions = completionHistory(ctx, step.index);
            const models = (0,stage_models/* stageModelConfigs */.Tx)(ctx.workflow, stage);
            const maxTokens = new Map(models.map((m) => [m.alias, m.inference_parameters?.max_tokens ?? null]));
            const expectedCompletion = (column, alias) => completions.get(column)?.mean ?? maxTokens.get(alias) ?? DEFAULT_COMPLETION_TOKENS;
            const samples = new Map();
            const runtime = samplingRuntime(count, samples, expectedCompletion);
            const n = Math.max(1, Math.min(ESTIMATE_SAMPLE_ROWS, step.rows ?? ESTIMATE_SAMPLE_ROWS));
            const stageDir = external_node_path_default().join(scratch, `stage-${step.index}`);
            let sampleFiles = [];
            let problem;
            try {
                const config = { ...stage.config, model_configs: models, ...(handed ? { seed_config: null } : {}) };
                const result = await engine.runStage({
                    stageName: stage.name,
                    stageIndex: step.index,
                    config,
                    numRecords: n,
                    stageDir,
                    seed,
                    runConfig: { ...ctx.workflow.runConfig, buffer_size: n, disable_early_shutdown: true },
                    upstream: handed ? { files: handed.files, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
                    resume: false,
                    models: runtime,
                    db: ctx.db,
                    log: logger/* silentLogger */.q,
                });
                sampleFiles = result.outputFiles;
            }
            catch (err) {
                problem = err.message.split('\n')[0];
            }
            if (step.calls !== null)
                step.estimate = estimateOf(ctx.workflow, step, samples, completions, maxTokens, { sampled: n, upstreamSampled: handed?.sampled === true, problem });
            handed = sampleFiles.length > 0 ? { files: sampleFiles, sampled: true } : undefined;
            if (!handed)
                break;
        }
    }
    finally {
        await external_node_fs_.promises.rm(scratch, { recursive: true, force: true });
    }
}
/** Mean completion tokens per call of each column in the last run of stage `index` (calls over HTTP only). */
function completionHistory(ctx, index) {
    const out = new Map();
    const rec = ctx.prior?.stages?.[index];
    for (const [column, u] of Object.entries(rec?.model_usage?.columns ?? {})) {
        const paid = u.calls - u.cached_calls;
        if (paid > 0 && u.completion_tokens > 0)
            out.set(column, { mean: u.completion_tokens / paid });
    }
    return out;
}
/** A model runtime that sends nothing: it counts each request's prompt and answers with text of the expected length. */
function samplingRuntime(count, samples, expected) {
    const note = (column, alias, tokens) => {
        const key = column ?? alias;
        let s = samples.get(key);
        if (!s)
            samples.set(key, (s = { alias, prompts: [] }));
        s.prompts.push(tokens);
    };
    return {
        async generate(req) {
            const user = (0,llm/* composeUserPrompt */.k0)(req.prompt, req.recipe);
            note(req.column, req.alias, count(user) + (req.systemPrompt ? count(req.systemPrompt) : 0));
            const text = ' word'.repeat(Math.max(1, Math.round(expected(req.column ?? req.alias, req.alias)))).trim();
            return { value: text, raw: text, usage: { prompt: 0, completion: 0 }, calls: 1, corrections: 0, restarts: 0, retries: 0, cacheHits: 0 };
        },
        async embed(req) {
            const inputs = (0,llm/* embeddingInputs */.f0)(req.input);
            note(req.column, req.alias, inputs.reduce((a, t) => a + count(t), 0));
            return { embeddings: inputs.map(() => [0]), num_embeddings: inputs.length, dimension: 1 };
        },
    };
}
function estimateOf(workflow, step, samples, completions, maxTokens, how) {
    const calls = step.calls ?? 0;
    const stage = workflow.stages[step.index];
    const configs = new Map((0,stage_models/* stageModelConfigs */.Tx)(workflow, stage).map((m) => [m.alias, m]));
    const providers = (0,llm/* mergeProviders */.zM)(workflow.modelProviders);
    const columns = [...samples.entries()];
    const perColumnCalls = columns.length > 0 ? calls / columns.length : 0;
    let prompt = 0;
    let completion = 0;
    let usd = 0;
    let low = 0;
    let high = 0;
    const unpriced = new Set();
    for (const [column, s] of columns) {
        const mean = s.prompts.reduce((a, b) => a + b, 0) / s.prompts.length;
        const history = completions.get(column)?.mean;
        const max = maxTokens.get(s.alias) ?? null;
        const c = history ?? max ?? DEFAULT_COMPLETION_TOKENS;
        prompt += mean * perColumnCalls;
        completion += c * perColumnCalls;
        const config = configs.get(s.alias);
        const price = config ? (0,llm/* priceOf */.xx)(config, providers.get(config.provider)) : null;
        if (!price) {
            unpriced.add(s.alias);
            continue;
        }
        const cLow = history !== undefined ? history / 2 : 0;
        const cHigh = max ?? (history !== undefined ? 2 * history : 4 * DEFAULT_COMPLETION_TOKENS);
        usd += (0,llm/* tokenCost */.LU)(price, mean, c) * perColumnCalls;
        low += (0,llm/* tokenCost */.LU)(price, Math.min(...s.prompts), cLow) * perColumnCalls;
        high += (0,llm/* tokenCost */.LU)(price, Math.max(...s.prompts), cHigh) * perColumnCalls;
    }
    if (unpriced.size > 0)
        usd = low = high = null;
    const parts = [
        calls === 0 ? 'no model call to make' : `${calls} call${calls === 1 ? '' : 's'}; prompts of ${how.sampled} sample row${how.sampled === 1 ? '' : 's'} rendered and counted with gpt-tokenizer`,
    ];
    if (how.upstreamSampled)
        parts.push('its input is not generated yet: rendered from a sample of the upstream stage whose model answers stand in at their expected length');
    if (columns.length > 0) {
        const sources = columns.map(([column, s]) => `${column}: ${completions.has(column) ? 'the last run' : maxTokens.get(s.alias) != null ? 'max_tokens' : `${DEFAULT_COMPLETION_TOKENS} assumed`}`);
        parts.push(`completion tokens from ${sources.join(', ')}`);
    }
    if (how.problem)
        parts.push(`the sample stopped early (${how.problem})`);
    if (unpriced.size > 0)
        parts.push(`no price for ${[...unpriced].map((a) => `'${a}'`).join(', ')}`);
    return {
        calls,
        prompt_tokens: Math.round(prompt),
        completion_tokens: Math.round(completion),
        usd: usd === null ? null : (0,stage_models/* roundUsd */.tE)(usd),
        usd_low: low === null ? null : (0,stage_models/* roundUsd */.tE)(low),
        usd_high: high === null ? null : (0,stage_models/* roundUsd */.tE)(high),
        ...(unpriced.size > 0 ? { unpriced_models: [...unpriced] } : {}),
        basis: parts.join('; '),
    };
}
/** The plan table's cost cell, one word: `~$0.12($0.08-$0.30)`, `$0` with nothing to pay, `?` without a price, empty when not generated. */
function estimateCell(e) {
    if (!e)
        return '';
    if (e.calls === 0)
        return '$0';
    if (e.usd === null)
        return '?';
    return `~${(0,llm/* formatUsd */.UK)(e.usd)}(${(0,llm/* formatUsd */.UK)(e.usd_low)}-${(0,llm/* formatUsd */.UK)(e.usd_high)})`;
}

;// CONCATENATED MODULE: ./src/workflow/plan.ts
/**
 * The plan: for every stage, what a run does with it and why — `cached` (its output on disk matches),
 * `restore` (a cache store holds it), `resume` (completed row groups of an interrupted or damaged
 * attempt are kept), `run` (generated), or `skipped` (beyond the targets, or behind an empty upstream) —
 * with its fingerprint, the rows it is expected to hand down and the model calls it is expected to make.
 *
 * This file is the ONE place where those decisions are made. `ddflow plan` prints `buildPlan()`;
 * `ddflow run` and the Action call `decideStage()` for each stage as they reach it, with what the
 * stages before it actually produced, so a stage is decided with the same rule in both; the plan only
 * differs where it cannot know yet (the rows of a stage that has not been generated), and then it says
 * so instead of guessing: the fingerprint is `null` with the reason it is pending.
 */

















/** The fingerprint of one stage in its place in the workflow. */
function fingerprintOf(workflow, stage, at) {
    return (0,workflow_fingerprint/* stageFingerprint */.LE)({
        config: stage.config,
        modelConfigs: (0,stage_models/* stageModelConfigs */.Tx)(workflow, stage),
        modelProviders: workflow.modelProviders,
        seededFromUpstream: at.seededFromUpstream,
        numRecords: at.numRecords,
        samplingStrategy: stage.samplingStrategy,
        selectionStrategy: stage.selectionStrategy,
        outputProcessors: stage.outputProcessors,
        output: stage.output.kind === 'final' ? 'final' : `processor:${stage.output.name}`,
        allowEmpty: stage.allowEmpty,
        onSuccess: stage.onSuccess,
        ...(stage.functions ? { functions: stage.functions } : {}),
        ...(stage.toolProviders ? { toolProviders: stage.toolProviders } : {}),
        seed: at.seed,
        upstreamFingerprint: at.upstreamFingerprint,
        runConfig: workflow.runConfig,
    });
}
/**
 * Decides stage `index`, given what its upstream hands down. With a cache store in the context, a
 * `restore` or a `resume` from the store is carried out here (the entry is brought back and checked),
 * since only then is it known to be usable — and its rows known to the stages after it.
 */
async function decideStage(ctx, index, upstream) {
    const { workflow, options, selection } = ctx;
    const stage = workflow.stages[index];
    const mode = options.resume ?? 'if_possible';
    const numRecords = (0,workflow_selection/* resolveNumRecords */.PJ)(stage, index, upstream ? upstream.records : undefined, options);
    const upstreamKnown = !upstream || upstream.fingerprint !== null;
    const fingerprint = numRecords !== null && upstreamKnown
        ? await fingerprintOf(workflow, stage, { numRecords, seededFromUpstream: upstream !== undefined, seed: options.seed, upstreamFingerprint: upstream?.fingerprint ?? null })
        : null;
    const pending = fingerprint === null ? { fingerprint_pending: `depends on the rows stage '${upstream.name}' hands down, known once it has them` } : {};
    const expected = numRecords ?? (0,workflow_selection/* resolveNumRecords */.PJ)(stage, index, upstream?.expectedRecords, options);
    const models = (0,stage_models/* modelColumnCount */.Bh)(stage);
    const base = { index, stage: stage.name, fingerprint, ...pending, num_records: numRecords };
    // The seed the rows will be drawn with: a model answer is reusable only for the same requests.
    const seed = options.seed ?? ctx.prior?.seed;
    const answered = models > 0 && fingerprint !== null && seed !== undefined && ctx.answered.has((0,stage_models/* answeredKey */.x0)(fingerprint, seed));
    // A stage that is generated (`run`, or `resume` with `rowsKept` rows already on disk).
    const generate = (reason, rowsKept = 0, extra = {}) => ({
        ...base,
        decision: 'run',
        rows: expected,
        calls: expected === null ? null : answered ? 0 : Math.max(0, expected - rowsKept) * models,
        reason: answered ? `${reason}; the call store holds its model answers` : reason,
        ...extra,
    });
    if (index > selection.targetIndex)
        return { ...base, decision: 'skipped', rows: 0, calls: 0, reason: 'not a target' };
    if (upstream?.empty)
        return { ...base, decision: 'skipped', rows: 0, calls: 0, reason: `upstream stage '${upstream.name}' is empty` };
    if (ctx.shard?.stageIndex === index)
        return decideShard(ctx, { index, base, numRecords, fingerprint, upstream, models, answered, seed });
    if (ctx.merge?.stageIndex === index)
        return decideMerge(ctx, { index, base, numRecords, fingerprint, upstream, models, answered, seed });
    if (mode === 'never')
        return generate("every stage is generated afresh (mode 'never')");
    if (selection.rerunFromIndex !== undefined && index >= selection.rerunFromIndex) {
        return generate(`forced from stage '${workflow.stages[selection.rerunFromIndex].name}' on`);
    }
    if (upstream?.generated)
        return generate(`upstream stage '${upstream.name}' is generated again`);
    // Only a generated upstream leaves a fingerprint unknown, and that case returned above.
    if (fingerprint === null)
        return generate(`upstream stage '${upstream.name}' has no known fingerprint`);
    const stageDir = external_node_path_default().join(ctx.workflowDir, (0,workflow_selection/* stageDirName */.bM)(index, stage.name));
    const rec = (0,metadata/* priorStageRecord */.GH)(ctx.prior, index, stage.name, (0,workflow_selection/* stageDirName */.bM)(index, stage.name));
    let damaged = false;
    let why = rec ? 'its inputs changed (another fingerprint than the output on disk)' : 'no output with this fingerprint on disk';
    if (rec?.status === 'pending' && rec.fingerprint === fingerprint)
        why = 'it waits on provider batches (batch mode): a run collects their answers';
    if (rec?.fingerprint === fingerprint) {
        const check = await (0,reuse/* reuseCheck */.xC)(ctx.db, stage, rec, ctx.workflowDir);
        if (check === 'ok') {
            const outcome = (0,stage_record/* fromRecord */.iA)(rec, ctx.workflowDir, 'reused');
            return { ...base, decision: 'cached', rows: rec.output_records ?? null, calls: 0, reason: `unchanged; its output (${rec.output_records ?? '?'} rows) is on disk`, outcome };
        }
        const continuable = (reuse/* RESUMABLE */.ND.has(rec.status) || check === 'stopped-early' || (check === 'damaged' && (0,reuse/* resumableAfterDamage */.wM)(stage))) && (await (0,artifacts/* exists */.t2)(stageDir));
        if (continuable) {
            const kept = await (0,resume/* keptRowCount */.k4)(ctx.db, stageDir, workflow.runConfig.buffer_size, seed);
            const what = check === 'damaged' ? 'its output was altered on disk' : check === 'stopped-early' ? 'generation stopped early last time (too many failed cells), so row groups were never attempted' : 'an interrupted attempt';
            return generate(`${what}; ${kept} row${kept === 1 ? '' : 's'} on disk are kept`, kept, { decision: 'resume', damaged: check === 'damaged' });
        }
        if (check === 'damaged') {
            why = 'its output was altered on disk and a sql processor rewrote its row groups';
            damaged = true;
        }
    }
    const opaque = (0,reuse/* neverReusedReason */.dI)(stage);
    if (opaque)
        return generate(opaque);
    if (ctx.store && ctx.store.kind !== 'off') {
        const key = (0,cache_keys/* stageCacheKey */.KK)(ctx.cachePrefix, workflow.name, stage.name, fingerprint);
        const restored = await (0,reuse/* restoreFromStore */.Eu)(ctx.db, ctx.store, key, stageDir, { fingerprint, stage_dir: (0,workflow_selection/* stageDirName */.bM)(index, stage.name) }, ctx.workflowDir, stage, ctx.log);
        if (restored === 'stopped-early') {
            const kept = await (0,resume/* keptRowCount */.k4)(ctx.db, stageDir, workflow.runConfig.buffer_size, seed);
            return generate(`the cache store holds it, stopped early (too many failed cells); ${kept} row${kept === 1 ? '' : 's'} are kept and the rest generated`, kept, { decision: 'resume' });
        }
        if (restored) {
            return { ...base, decision: 'restore', rows: restored.outputRecords, calls: 0, reason: 'the cache store holds it', outcome: restored };
        }
        const partial = await (0,reuse/* restorePartialFromStore */.n_)(ctx.store, (0,cache_keys/* partialStageCachePrefix */.CN)(ctx.cachePrefix, workflow.name, stage.name, fingerprint), stageDir, { fingerprint, stage_dir: (0,workflow_selection/* stageDirName */.bM)(index, stage.name) }, stage, ctx.log);
        if (partial) {
            // Without a configured seed, the interrupted attempt drew its rows from its own random seed: the
            // stage keeps it so the continued rows follow the same sequence.
            const resumeSeed = options.seed === undefined ? partial.seed : undefined;
            const kept = await (0,resume/* keptRowCount */.k4)(ctx.db, stageDir, workflow.runConfig.buffer_size, resumeSeed ?? seed);
            return generate(`the cache store holds ${kept} row${kept === 1 ? '' : 's'} of an interrupted attempt`, kept, { decision: 'resume', ...(resumeSeed !== undefined ? { resumeSeed } : {}) });
        }
    }
    if (mode === 'always')
        return generate(`${why}; mode 'always' stops here`, 0, { refused: true, damaged });
    return generate(why, 0, { damaged });
}
/** What a decided stage hands to the next one, as far as the plan knows before anything is generated. */
async function predictedHandoff(ctx, step) {
    const generated = step.decision === 'run' || step.decision === 'resume';
    let records = generated ? null : step.rows;
    let fingerprint = step.fingerprint;
    const override = ctx.selection.overrides.get(step.index);
    if (override) {
        records = override.records;
        fingerprint = fingerprint === null ? null : (0,workflow_fingerprint/* overriddenFingerprint */.Xw)(fingerprint, override.contentHash);
    }
    return {
        name: step.stage,
        records,
        expectedRecords: records ?? step.rows,
        fingerprint,
        generated,
        empty: step.decision === 'skipped' || records === 0,
    };
}
/** Reads the workflow metadata of the last run (if any) and the options into a plan context. */
async function planContext(workflow, options, db, forRun) {
    (0,workflow_selection/* checkWorkflowStructure */.NT)(workflow);
    const mode = options.resume ?? 'if_possible';
    const selection = await (0,workflow_selection/* resolveSelection */.Fb)(workflow, options, db);
    const workflowDir = (0,workflow_selection/* workflowDirOf */.y9)(workflow, options.artifactPath);
    // A file where the artifact directory should be is one sentence for every caller (CLI, Action, library).
    const blocked = (0,load/* artifactDirectoryProblem */.v)(options.artifactPath ?? workflow.artifactPath, workflow.name);
    if (blocked)
        throw new diagnostics/* DdflowError */.Zq(blocked);
    const metadataFile = (0,metadata/* metadataPath */.xT)(workflowDir);
    const st = await external_node_fs_.promises.stat(metadataFile).catch(() => undefined);
    if (st && !st.isFile())
        throw new diagnostics/* DdflowError */.Zq(`${metadataFile} is not a file: move it away so that ddflow can record the run there.`);
    const store = options.cacheStore && options.cacheStore.kind !== 'off' ? options.cacheStore : undefined;
    // A run with resume 'always' and no cache store needs the metadata file; plan only reports.
    // Read once. Mode 'never' reuses nothing but still overwrites the directory, so the owner check needs
    // the metadata then too (read quietly: nothing of it is used).
    const never = mode === 'never';
    const onDisk = await (0,metadata/* readPriorMetadata */.CB)(workflowDir, workflow.name, forRun && !never ? mode : 'if_possible', never ? logger/* silentLogger */.q : options.log, { requireFile: forRun && !store && !never });
    await (0,metadata/* checkArtifactOwner */.yK)(workflowDir, onDisk, workflow.file, workflow.name);
    const prior = never ? undefined : onDisk;
    const shard = options.shard ? { ...options.shard, stageIndex: workflow.stages.findIndex((s) => s.name === options.shard.stage) } : undefined;
    const merge = options.merge ? { from: options.merge.from, stageIndex: workflow.stages.findIndex((s) => s.name === options.merge.stage) } : undefined;
    return { workflow, options: { ...options, seed: options.seed ?? workflow.seed }, selection, db, workflowDir, prior, store, cachePrefix: options.cacheKeyPrefix ?? 'ddflow', answered: (0,stage_models/* answeredStages */.$L)(workflowDir), ...(shard ? { shard } : {}), ...(merge ? { merge } : {}), log: options.log };
}
/** The whole plan: every stage decided in order, each from what the plan expects of the one before. */
async function buildPlanIn(ctx) {
    const stages = [];
    let upstream;
    for (let index = 0; index < ctx.workflow.stages.length; index++) {
        // Beyond the targets the chain continues (a stage there still shows the fingerprint it would have
        // when that is knowable), but rows not generated are never taken as known.
        const step = await decideStage(ctx, index, upstream);
        const override = ctx.selection.overrides.get(index);
        if (override)
            step.overridden = { records: override.records };
        stages.push(step);
        upstream = await predictedHandoff(ctx, step);
        if (step.decision === 'skipped' && index > ctx.selection.targetIndex)
            upstream = { ...upstream, empty: false, records: null, expectedRecords: step.num_records };
    }
    return { workflow: ctx.workflow.name, workflowDir: ctx.workflowDir, stages };
}
/** `ddflow plan`: reads the artifact directory (and, in the Action, the cache store); calls no model. */
async function buildPlan(workflow, options) {
    const db = await (0,database.openDatabase)();
    try {
        const ctx = await planContext(workflow, options, db, false);
        const plan = await buildPlanIn(ctx);
        // An estimate that cannot be made leaves the plan as it is (its stages just carry no estimate).
        await estimatePlanCosts(ctx, plan).catch((err) => options.log.warn(`No cost estimate: ${err.message.split('\n')[0]}`));
        return plan;
    }
    finally {
        db.close();
    }
}
/** The fields `plan --json` prints for a stage. */
function planEntryJson(e) {
    return {
        index: e.index,
        stage: e.stage,
        decision: e.decision,
        fingerprint: e.fingerprint,
        ...(e.fingerprint_pending ? { fingerprint_pending: e.fingerprint_pending } : {}),
        num_records: e.num_records,
        rows: e.rows,
        calls: e.calls,
        reason: e.reason,
        ...(e.estimate ? { estimate: e.estimate } : {}),
        ...(e.overridden ? { overridden: true, overridden_rows: e.overridden.records } : {}),
    };
}
const PLAN_COLUMNS = ['stage', 'decision', 'fingerprint', 'rows', 'calls', 'cost', 'reason'];
/** A plan row's cells as text: the fingerprint's first 12 characters, `?` where a value is not known yet. */
function planCells(e) {
    const known = (n) => (n === null ? '?' : String(n));
    let reason = e.fingerprint_pending ? `${e.reason}; fingerprint ${e.fingerprint_pending}` : e.reason;
    if (e.overridden)
        reason += `; overridden: hands down the reviewed file's ${e.overridden.records} row${e.overridden.records === 1 ? '' : 's'}`;
    return [e.stage, !e.overridden ? e.decision : e.decision === 'cached' ? 'overridden' : `${e.decision}+overridden`, e.fingerprint ? e.fingerprint.slice(0, 12) : '?', known(e.rows), e.calls === null ? '?' : `~${e.calls}`, estimateCell(e.estimate), reason];
}
/** The plan as an aligned text table with a header (what `ddflow plan` prints). */
function formatPlanTable(plan) {
    const rows = [PLAN_COLUMNS.map((c) => c.toUpperCase()), ...plan.stages.map(planCells)];
    const widths = PLAN_COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}


/***/ }),

/***/ 77877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ restoreFromStore),
/* harmony export */   ND: () => (/* binding */ RESUMABLE),
/* harmony export */   dI: () => (/* binding */ neverReusedReason),
/* harmony export */   eJ: () => (/* binding */ COMPLETED),
/* harmony export */   fE: () => (/* binding */ canReuse),
/* harmony export */   n_: () => (/* binding */ restorePartialFromStore),
/* harmony export */   wM: () => (/* binding */ resumableAfterDamage),
/* harmony export */   xC: () => (/* binding */ reuseCheck)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55800);
/* harmony import */ var _stage_tools_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60677);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(26327);
/* harmony import */ var _stage_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22597);
/* harmony import */ var _engine_artifacts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8833);
/**
 * Reusing a stage's earlier output: whether the local stage directory still holds what the last run
 * recorded, whether a damaged one can continue from its row groups, and bringing an entry back from a
 * cache store (checked against the fingerprint it is restored for before it is trusted).
 */







const COMPLETED = new Set(['completed', 'completed_empty']);
const RESUMABLE = new Set(['running', 'failed']);
/**
 * Why a stage's output is never reused, or undefined: it runs code ddflow cannot see into (an
 * on_success command, a bound function) without a version that stands for it.
 */
function neverReusedReason(stage) {
    if (stage.onSuccess && !stage.onSuccess.version)
        return 'on_success has no version, so its output is never reused';
    for (const [name, f] of stage.functions ?? []) {
        if (f.version === undefined)
            return `function '${name}' has no version, so the stage's output is never reused`;
    }
    return (0,_stage_tools_js__WEBPACK_IMPORTED_MODULE_3__/* .unversionedToolReason */ .vt)(stage.toolProviders);
}
async function reuseCheck(db, stage, rec, workflowDir) {
    if (!COMPLETED.has(rec.status))
        return 'not-completed';
    if (neverReusedReason(stage))
        return 'unversioned';
    const own = rec.stage_output_path ?? rec.output_seed_path;
    if (typeof own !== 'string' || !own)
        return 'damaged';
    const at = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .fromMetadataPath */ .xf)(workflowDir, own);
    if (Array.isArray(rec.stage_output_files)) {
        const names = (await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parquetFilesAt */ .Te)(at)).map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f));
        if (names.length !== rec.stage_output_files.length || names.some((n, i) => n !== rec.stage_output_files[i]))
            return 'damaged';
    }
    const rows = await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readableRows */ .G8)(db, at);
    if (rows === undefined)
        return 'damaged';
    if (typeof rec.output_records === 'number' && rows !== rec.output_records)
        return 'damaged';
    const stageDir = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .fromMetadataPath */ .xf)(workflowDir, rec.stage_dir);
    const meta = await (0,_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .readMetadata */ ._6)(stageDir);
    if (!(await sideFilesPresent(meta, stageDir, at)))
        return 'damaged';
    if (meta?.early_shutdown === true)
        return 'stopped-early';
    return 'ok';
}
/**
 * Every file the stage's metadata.json lists beside the selected output — processors' side outputs and
 * dropped columns — is still there and not empty: a deleted one would leave a side output short while
 * the stage is reused. (Presence only: their rows were counted when written, and a cached rerun must
 * stay cheap — a stat per file, no read.)
 */
async function sideFilesPresent(meta, stageDir, selected) {
    if (!meta)
        return true; // no engine metadata (an override, an older layout): the selected output was checked
    const files = [...Object.values(meta.file_paths?.['processor-files'] ?? {}).flat(), ...(meta.ddflow_batches ?? []).flatMap((b) => (b.dropped_columns_file ? [b.dropped_columns_file] : []))];
    const selectedDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(selected);
    for (const f of files) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(stageDir, f);
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file) === selectedDir)
            continue; // the selected output, checked above
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(file).catch(() => undefined);
        if (!st?.isFile() || st.size === 0)
            return false;
    }
    return true;
}
/** A completed prior stage is reusable when its output is still there, readable and as recorded (and not from an unversioned command). */
async function canReuse(db, stage, rec, workflowDir) {
    return (await reuseCheck(db, stage, rec, workflowDir)) === 'ok';
}
/**
 * A damaged completed stage can resume from its remaining row groups unless a dataset-level `sql`
 * processor rewrote parquet-files/ (its files are then the query's result, not row groups).
 */
function resumableAfterDamage(stage) {
    return !(stage.config.processors ?? []).some((p) => p.processor_type === 'sql');
}
/**
 * Brings the entry saved under `key` into `stageDir` and returns it as the stage's outcome, but only if
 * the record inside it is this stage at this fingerprint, completed, with its recorded output intact.
 * `stopped-early`: an entry of a stage that shut down early (saved before such stages stopped being
 * saved) is kept in `stageDir` for the run to continue — cache entries cannot be replaced, so refusing it
 * regenerated the whole stage on every fresh runner.
 */
async function restoreFromStore(db, store, key, stageDir, expected, workflowDir, stage, log) {
    if (neverReusedReason(stage))
        return undefined;
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
    let hit;
    try {
        hit = await store.restore(key, stageDir);
    }
    catch (err) {
        log.warn(`Could not restore stage '${stage.name}' from the cache: ${err.message}`);
    }
    if (!hit)
        return undefined;
    try {
        const saved = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, _metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_RECORD_FILENAME */ .te), 'utf8'));
        if (saved.fingerprint === expected.fingerprint && saved.stage_dir === expected.stage_dir && COMPLETED.has(saved.status)) {
            const check = await reuseCheck(db, stage, saved, workflowDir);
            if (check === 'ok') {
                log.info(`Stage '${stage.name}' restored from the cache.`);
                return (0,_stage_record_js__WEBPACK_IMPORTED_MODULE_5__/* .fromRecord */ .iA)(saved, workflowDir, 'restored');
            }
            if (check === 'stopped-early') {
                log.info(`Stage '${stage.name}' restored from the cache; it stopped early there, so this run continues it.`);
                return 'stopped-early';
            }
        }
    }
    catch {
        /* fall through: an unusable entry is a miss */
    }
    log.warn(`The cache entry for stage '${stage.name}' is not usable; the stage runs.`);
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
    return undefined;
}
/**
 * Brings back the newest partial entry of this stage; returns the seed its rows were drawn with. Only
 * an entry whose stage record (written when the stage started) names this stage at this fingerprint,
 * unfinished, is resumed from: the key alone does not prove whose rows an archive holds.
 */
async function restorePartialFromStore(store, partialPrefix, stageDir, expected, stage, log) {
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
    let hit;
    try {
        hit = await store.restore(partialPrefix, stageDir, [partialPrefix]);
    }
    catch (err) {
        log.warn(`Could not restore the interrupted stage '${stage.name}' from the cache: ${err.message}`);
    }
    if (!hit)
        return undefined;
    const saved = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises
        .readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, _metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_RECORD_FILENAME */ .te), 'utf8')
        .then((text) => JSON.parse(text))
        .catch(() => undefined);
    if (saved?.fingerprint !== expected.fingerprint || saved.stage_dir !== expected.stage_dir || !RESUMABLE.has(saved.status)) {
        log.warn(`The cache entry ${hit} does not hold an interrupted run of stage '${stage.name}' at this fingerprint; the stage runs from the start.`);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
        return undefined;
    }
    log.info(`Stage '${stage.name}' resumes from the row groups of an interrupted run (${hit}).`);
    try {
        const meta = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, 'metadata.json'), 'utf8'));
        return { seed: typeof meta.seed === 'number' ? meta.seed : undefined };
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 22312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ secretEnvNames),
/* harmony export */   V: () => (/* binding */ secretValues)
/* harmony export */ });
/* harmony import */ var _llm_providers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64689);
/**
 * The secret values of a run: the keys its model providers read (built-ins included) and its MCP tool
 * servers' `api_key` and `pass_env` variables. Text that bound code prints (a command's stderr) is
 * redacted with them before it reaches a log.
 */

/** The names of the environment variables that hold the workflow's secrets, deduplicated, in order. */
function secretEnvNames(workflow) {
    const names = new Set();
    for (const p of [..._llm_providers_js__WEBPACK_IMPORTED_MODULE_0__/* .BUILTIN_PROVIDERS */ .Dd, ...workflow.modelProviders])
        if (p.api_key)
            names.add(p.api_key);
    for (const p of workflow.mcpProviders) {
        if ('api_key' in p && p.api_key)
            names.add(p.api_key);
        for (const n of ('pass_env' in p ? p.pass_env : undefined) ?? [])
            names.add(n);
    }
    return [...names];
}
/** Their values, where set. */
function secretValues(workflow, env = process.env) {
    return secretEnvNames(workflow).flatMap((n) => (env[n] ? [env[n]] : []));
}


/***/ }),

/***/ 18678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WU: () => (/* binding */ CALL_CACHE_DIR),
  Wh: () => (/* binding */ ModelSession),
  x0: () => (/* binding */ answeredKey),
  $L: () => (/* binding */ answeredStages),
  Bh: () => (/* binding */ modelColumnCount),
  G1: () => (/* binding */ prepareModelRegistries),
  tE: () => (/* binding */ roundUsd),
  Tx: () => (/* binding */ stageModelConfigs),
  Li: () => (/* binding */ usedModelAliases)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/config/model-aliases.ts
var model_aliases = __webpack_require__(64626);
// EXTERNAL MODULE: ./src/llm/index.ts + 5 modules
var llm = __webpack_require__(32002);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
// EXTERNAL MODULE: ./src/llm/redact.ts
var redact = __webpack_require__(98890);
// EXTERNAL MODULE: ./src/shared/stderr-tail.ts
var stderr_tail = __webpack_require__(11068);
// EXTERNAL MODULE: ./src/shared/display-url.ts
var display_url = __webpack_require__(54923);
;// CONCATENATED MODULE: ./src/llm/mcp/connections.ts




/** The largest message a stdio tool server may send (a tool result of a few hundred megabytes is a bug of its own). */
const MAX_STDIO_MESSAGE_BYTES = 256 * 1024 * 1024;
/** The largest timer Node accepts: "no timeout" (Data Designer's timeout_sec: None) without the SDK's 60 s default. */
const NO_TIMEOUT_MS = 2 ** 31 - 1;
class McpConnections {
    providers;
    clientVersion;
    sessions = new Map();
    toolLists = new Map();
    closed = false;
    redactors;
    constructor(providers, clientVersion = '0') {
        this.providers = providers;
        this.clientVersion = clientVersion;
        // Short placeholders (`none`) are not secrets worth cutting out of every text.
        this.redactors = [...providers.values()].flatMap((p) => (p.secrets ?? []).filter((v) => v.trim().length >= redact/* MIN_ANSWER_SECRET_LENGTH */.Go).map((v) => (0,redact/* redactorFor */.sD)(v)));
    }
    /** `text` without any of the providers' secrets (a server that echoes its token, a stderr line quoting it). */
    redact(text) {
        let out = text;
        for (const r of this.redactors)
            out = r.redact(out).text;
        return out;
    }
    /** How a provider is named in messages: its name and where it runs (never a key). */
    describe(name) {
        const p = this.providers.get(name);
        if (!p)
            return `MCP provider '${name}'`;
        return p.provider_type === 'stdio' ? `MCP provider '${name}' (stdio: ${[p.command, ...p.args].join(' ')})` : `MCP provider '${name}' (${p.provider_type}: ${(0,display_url/* displayEndpoint */.O)(p.endpoint)})`;
    }
    /** The provider's tools (listed once; later callers share the listing). */
    listTools(name, options = {}) {
        let listing = this.toolLists.get(name);
        if (!listing) {
            listing = this.request(name, 'listing its tools', options, async (s, requestOptions) => {
                const tools = [];
                let cursor;
                // Bounded: a server that keeps returning cursors is not followed past 100 pages.
                for (let page = 0; page < 100; page++) {
                    const r = await s.client.listTools(cursor ? { cursor } : undefined, requestOptions);
                    for (const t of r.tools)
                        tools.push({ name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), ...(t.inputSchema ? { inputSchema: t.inputSchema } : {}) });
                    cursor = r.nextCursor;
                    if (!cursor)
                        break;
                }
                return tools;
            });
            this.toolLists.set(name, listing);
            // A failed listing is not kept: the next cell tries again.
            listing.catch(() => this.toolLists.delete(name));
        }
        return listing;
    }
    /** Calls one tool; the server's result as it answered it (`content`, `isError`, ...). */
    callTool(name, tool, args, options = {}) {
        return this.request(name, `calling tool '${tool}'`, options, (s, requestOptions) => s.client.callTool({ name: tool, arguments: args }, undefined, requestOptions));
    }
    async request(name, what, options, run) {
        const session = await this.session(name);
        const timeout = options.timeoutMs ?? NO_TIMEOUT_MS;
        try {
            return await run(session, { timeout, maxTotalTimeout: timeout, ...(options.signal ? { signal: options.signal } : {}) });
        }
        catch (err) {
            throw this.failure(name, what, err, session, options);
        }
    }
    failure(name, what, err, session, options) {
        const e = this.failureUnredacted(name, what, err, session, options);
        const clean = this.redact(e.message);
        return clean === e.message ? e : new errors/* LlmError */.Cf(e.kind, clean, { cause: e.cause });
    }
    failureUnredacted(name, what, err, session, options) {
        if (err instanceof errors/* LlmError */.Cf)
            return err;
        if (options.signal?.aborted)
            return new errors/* LlmError */.Cf('cancelled', `The run was cancelled while ${what} on ${this.describe(name)}.`, { cause: err });
        const message = err instanceof Error ? err.message : String(err);
        const code = err.code;
        // The SDK's McpError: -32001 is its request timeout, -32000 a closed connection.
        if (code === -32001) {
            return new errors/* LlmError */.Cf('tool_unavailable', `${this.describe(name)} did not answer within ${Math.round((options.timeoutMs ?? 0) / 100) / 10} s while ${what} (timeout_sec of the tool config).`, { cause: err });
        }
        if (typeof code === 'number' && code < 0 && code !== -32000 && !/closed/i.test(message)) {
            // The server answered with a JSON-RPC error (unknown tool, invalid params): the call itself is wrong.
            return new errors/* LlmError */.Cf('tool_error', `${this.describe(name)} refused ${what.replace(/^calling /, 'the call of ')}: ${message}`, { cause: err });
        }
        const tail = session ? (0,stderr_tail/* stderrTail */.b)(session.stderr()) : '';
        return new errors/* LlmError */.Cf('tool_unavailable', `${this.describe(name)} failed while ${what}: ${message}${httpStatus(err)}${tail ? ` (stderr: ${tail})` : ''}.`, { cause: err });
    }
    session(name) {
        if (this.closed)
            return Promise.reject(new errors/* LlmError */.Cf('cancelled', `MCP connections are closed (${this.describe(name)}).`));
        let s = this.sessions.get(name);
        if (!s) {
            s = this.open(name);
            this.sessions.set(name, s);
            // A session that failed to open is not kept: the next cell tries again.
            s.catch(() => this.sessions.delete(name));
        }
        return s;
    }
    async open(name) {
        const p = this.providers.get(name);
        if (!p)
            throw new errors/* LlmError */.Cf('tool_error', `MCP provider '${name}' is not declared in the workflow's mcp_providers.`);
        const [{ Client }, transports] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(330), __webpack_require__.e(63)]).then(__webpack_require__.bind(__webpack_require__, 30063)), loadTransports(p.provider_type)]);
        let stderr = '';
        let transport;
        if (p.provider_type === 'stdio') {
            // The SDK closes the session on a message over 10 MiB (every row in flight on it then fails, and a
            // rerun repeats it); Python's MCP client, which Data Designer uses, has no such limit.
            const stdio = new transports.Stdio({ command: p.command, args: p.args, env: { ...transports.defaultEnvironment(), ...p.env }, cwd: p.cwd, stderr: 'pipe', maxBufferSize: MAX_STDIO_MESSAGE_BYTES });
            // Kept (the last 64 KB) for the message of a server that fails; never printed as it comes.
            stdio.stderr?.on('data', (chunk) => {
                stderr = (stderr + chunk.toString('utf8')).slice(-65536);
            });
            transport = stdio;
        }
        else {
            const headers = p.apiKey ? { Authorization: `Bearer ${p.apiKey}` } : {};
            const url = new URL(p.endpoint);
            transport = p.provider_type === 'streamable_http' ? new transports.StreamableHttp(url, { requestInit: { headers } }) : new transports.Sse(url, { requestInit: { headers } });
        }
        const client = new Client({ name: 'ddflow', version: this.clientVersion });
        const session = { client, stderr: () => stderr };
        try {
            await client.connect(transport);
        }
        catch (err) {
            await client.close().catch(() => undefined);
            const message = err instanceof Error ? err.message : String(err);
            const tail = (0,stderr_tail/* stderrTail */.b)(stderr);
            throw new errors/* LlmError */.Cf('tool_unavailable', this.redact(`${this.describe(name)} could not be ${p.provider_type === 'stdio' ? 'started' : 'reached'}: ${message}${httpStatus(err)}${tail ? ` (stderr: ${tail})` : ''}.`), { cause: err });
        }
        return session;
    }
    /** Closes every session (stdio servers are stopped); later calls fail. */
    async close() {
        this.closed = true;
        const open = [...this.sessions.values()];
        this.sessions.clear();
        await Promise.all(open.map((s) => s.then((x) => x.client.close(), () => undefined).catch(() => undefined)));
    }
}
async function loadTransports(type) {
    if (type === 'stdio') {
        const m = await Promise.all(/* import() */[__webpack_require__.e(330), __webpack_require__.e(420)]).then(__webpack_require__.bind(__webpack_require__, 12420));
        return { Stdio: m.StdioClientTransport, defaultEnvironment: m.getDefaultEnvironment, StreamableHttp: undefined, Sse: undefined };
    }
    if (type === 'streamable_http') {
        const m = await Promise.all(/* import() */[__webpack_require__.e(330), __webpack_require__.e(337), __webpack_require__.e(491)]).then(__webpack_require__.bind(__webpack_require__, 83491));
        return { Stdio: undefined, defaultEnvironment: undefined, StreamableHttp: m.StreamableHTTPClientTransport, Sse: undefined };
    }
    const m = await Promise.all(/* import() */[__webpack_require__.e(330), __webpack_require__.e(337), __webpack_require__.e(53)]).then(__webpack_require__.bind(__webpack_require__, 10053));
    return { Stdio: undefined, defaultEnvironment: undefined, StreamableHttp: undefined, Sse: m.SSEClientTransport };
}
/** ` (HTTP 401)` for the SDK's HTTP transport errors, which carry the status as `code`. */
function httpStatus(err) {
    const code = err?.code;
    return typeof code === 'number' && code >= 400 && code < 600 ? ` (HTTP ${code})` : '';
}

// EXTERNAL MODULE: ./src/llm/images.ts
var llm_images = __webpack_require__(44153);
// EXTERNAL MODULE: ./src/llm/recipes.ts + 3 modules
var recipes = __webpack_require__(87277);
;// CONCATENATED MODULE: ./src/llm/mcp/tool-results.ts
/**
 * What a tool call gives back to the model, as Data Designer builds it (engine/mcp/io.py,
 * `_coerce_tool_result_content`): the text items of an MCP result joined by "\n" — or, when the result
 * holds an image, its items as ordered content blocks with each image as a base64 `image_url` data URI.
 * Also the tool schemas in OpenAI's function-calling shape (engine/mcp/registry.py `to_openai_tool_schema`).
 */



/** The tool offered to the model (OpenAI function calling): an absent schema becomes an empty object schema. */
function openAIToolSchema(tool) {
    return {
        type: 'function',
        function: { name: tool.name, description: tool.description ?? '', parameters: tool.inputSchema ?? { type: 'object', properties: {} } },
    };
}
const DATA_URI = /^data:(?<mime>[^;,]+)(?:;[^,]*)?,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function field(item, ...names) {
    for (const n of names)
        if (n in item)
            return item[n];
    return undefined;
}
const isImageMime = (mime) => mime.toLowerCase().startsWith('image/');
/** The base64 of a data URI or of bare data, checked as Python's b64decode(validate=True) checks it. */
function base64Payload(data) {
    const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
    const b64 = comma >= 0 ? data.slice(comma + 1) : data;
    if (b64 === '' || b64.length % 4 !== 0 || !BASE64.test(b64))
        throw new errors/* LlmError */.Cf('tool_error', 'MCP image content has invalid base64 data.');
    return b64;
}
function hasBase64Image(item) {
    const data = field(item, 'data', 'b64_json', 'base64');
    if (typeof data !== 'string' || !data)
        return false;
    const mime = field(item, 'mimeType', 'mime_type', 'media_type');
    if (typeof mime === 'string' && mime)
        return isImageMime(mime);
    const m = DATA_URI.exec(data);
    return m !== null && isImageMime(m.groups.mime);
}
function imageBlock(item) {
    const data = field(item, 'data', 'b64_json', 'base64');
    if (typeof data !== 'string' || !data)
        throw new errors/* LlmError */.Cf('tool_error', 'MCP image content is missing base64 data.');
    let mime = field(item, 'mimeType', 'mime_type', 'media_type');
    if (typeof mime === 'string' && mime) {
        if (!isImageMime(mime))
            throw new errors/* LlmError */.Cf('tool_error', `MCP image content must use an image MIME type, got '${mime}'.`);
    }
    else {
        const m = DATA_URI.exec(data);
        if (m) {
            mime = m.groups.mime;
            if (!isImageMime(mime))
                throw new errors/* LlmError */.Cf('tool_error', `MCP image content data URI must use an image MIME type, got '${mime}'.`);
        }
        else {
            // No MIME type given: recognised from the bytes, as Data Designer's detect_image_format does.
            let format;
            try {
                format = (0,llm_images/* imageFormatOf */.u)(Buffer.from(base64Payload(data), 'base64'));
            }
            catch {
                format = undefined;
            }
            if (!format)
                throw new errors/* LlmError */.Cf('tool_error', 'MCP image content is missing a MIME type.');
            mime = `image/${format}`;
        }
    }
    return { type: 'image_url', image_url: { url: `data:${mime};base64,${base64Payload(data)}` } };
}
function imageUrlBlock(item) {
    const raw = item.image_url;
    const spec = typeof raw === 'string' ? { url: raw } : raw && typeof raw === 'object' ? raw : undefined;
    if (!spec)
        throw new errors/* LlmError */.Cf('tool_error', 'MCP image_url block must contain an image_url dict or string.');
    const url = spec.url;
    if (typeof url !== 'string' || !url)
        throw new errors/* LlmError */.Cf('tool_error', 'MCP image_url block must contain a non-empty string URL.');
    if (/^https?:\/\//.test(url))
        return { type: 'image_url', image_url: { url } };
    if (url.startsWith('data:')) {
        base64Payload(url);
        return { type: 'image_url', image_url: { url } };
    }
    return imageBlock({ base64: url });
}
function block(item) {
    if (typeof item === 'string')
        return { type: 'text', text: item };
    // Python's str() of what is left: None, numbers, booleans.
    if (item === null || item === undefined)
        return { type: 'text', text: 'None' };
    if (typeof item === 'boolean')
        return { type: 'text', text: item ? 'True' : 'False' };
    if (typeof item !== 'object')
        return { type: 'text', text: String(item) };
    const it = item;
    if (it.type === 'image_url')
        return imageUrlBlock(it);
    if (it.type === 'image' || hasBase64Image(it))
        return imageBlock(it);
    if (it.type === 'text')
        return { type: 'text', text: String(it.text ?? '') };
    // Resources, resource links, audio: Data Designer writes the item's string form; ddflow writes its JSON.
    return { type: 'text', text: (0,recipes/* pythonJsonDumps */.MT)(it) };
}
/** The content of a tool message for an MCP `CallToolResult` (or anything a server answered). */
function toolResultContent(result) {
    const content = result && typeof result === 'object' && 'content' in result ? result.content : result;
    if (content === null || content === undefined)
        return '';
    if (typeof content === 'string')
        return content;
    if (Array.isArray(content)) {
        const blocks = content.map(block);
        if (blocks.some((b) => b.type === 'image_url'))
            return blocks;
        return blocks.map((b) => b.text).join('\n');
    }
    const one = block(content);
    return one.type === 'text' ? one.text : [one];
}

;// CONCATENATED MODULE: ./src/llm/mcp/toolset.ts
/**
 * One tool config (`tool_alias`) of a stage, as Data Designer's MCPFacade (engine/mcp/facade.py): the
 * schemas offered to the model (every provider's tools, or only `allow_tools`; a name two providers share
 * is an error), the execution of one turn's tool calls in parallel, and the refusal sent instead once
 * `max_tool_call_turns` is used up.
 */


/** Data Designer's DEFAULT_TOOL_REFUSAL_MESSAGE. */
const TOOL_REFUSAL_MESSAGE = 'Tool call refused: You have reached the maximum number of tool-calling turns. Please provide your final response without requesting additional tool calls.';
class ToolSet {
    config;
    connections;
    prepared;
    constructor(config, connections) {
        this.config = config;
        this.connections = connections;
    }
    get alias() {
        return this.config.tool_alias;
    }
    get maxTurns() {
        return this.config.max_tool_call_turns ?? 5;
    }
    get timeoutMs() {
        return this.config.timeout_sec == null ? null : this.config.timeout_sec * 1000;
    }
    /** The schemas sent as `tools` (listed once per run; a failed listing is tried again by the next cell). */
    async schemas(signal) {
        if (!this.prepared) {
            this.prepared = this.prepare(signal);
            this.prepared.catch(() => (this.prepared = undefined));
        }
        return (await this.prepared).schemas;
    }
    async prepare(signal) {
        const lists = await Promise.all(this.config.providers.map(async (p) => [p, await this.connections.listTools(p, { timeoutMs: this.timeoutMs, signal })]));
        const providersOf = new Map();
        const all = [];
        for (const [provider, tools] of lists) {
            for (const t of tools)
                providersOf.set(t.name, [...(providersOf.get(t.name) ?? []), provider]);
            all.push(...tools);
        }
        const duplicates = [...providersOf].filter(([, ps]) => ps.length > 1).sort(([a], [b]) => (a < b ? -1 : 1));
        if (duplicates.length > 0) {
            throw new errors/* LlmError */.Cf('tool_error', `Duplicate tool names found across MCP providers: ${duplicates.map(([n, ps]) => `'${n}' (in: ${ps.join(', ')})`).join('; ')}. Each tool name must be unique across all providers in a ToolConfig.`);
        }
        let offered = all;
        const allow = this.config.allow_tools;
        if (allow && allow.length > 0) {
            const missing = [...new Set(allow)].filter((n) => !providersOf.has(n)).sort();
            if (missing.length > 0) {
                throw new errors/* LlmError */.Cf('tool_error', `Tool(s) ${missing.map((m) => `'${m}'`).join(', ')} of tool config '${this.alias}' not found on any of the MCP providers: ${this.config.providers.map((p) => `'${p}'`).join(', ')}.`);
            }
            offered = all.filter((t) => allow.includes(t.name));
        }
        return { schemas: offered.map(openAIToolSchema), providerOf: new Map([...providersOf].map(([n, ps]) => [n, ps[0]])) };
    }
    /**
     * Runs one turn's tool calls in parallel and returns one tool message per call, in order. A tool the
     * config does not allow, one no provider has, or arguments that are not JSON fail the cell (Data
     * Designer's MCPToolError); a result the server marks as an error goes back to the model as it is.
     */
    async execute(calls, signal) {
        await this.schemas(signal);
        const { providerOf } = await this.prepared;
        const allow = this.config.allow_tools && this.config.allow_tools.length > 0 ? new Set(this.config.allow_tools) : null;
        const planned = calls.map((c) => {
            if (allow && !allow.has(c.name)) {
                throw new errors/* LlmError */.Cf('tool_error', `Tool '${c.name}' is not permitted for providers: ${this.config.providers.map((p) => `'${p}'`).join(', ')}.`);
            }
            let args = {};
            try {
                args = c.arguments ? JSON.parse(c.arguments) : {};
            }
            catch {
                throw new errors/* LlmError */.Cf('tool_error', `Invalid tool arguments for '${c.name}': ${c.arguments.length > 200 ? `${c.arguments.slice(0, 200)}…` : c.arguments}`);
            }
            const provider = providerOf.get(c.name);
            if (!provider)
                throw new errors/* LlmError */.Cf('tool_error', `Tool '${c.name}' not found on any configured provider.`);
            return { call: c, provider, args: args && typeof args === 'object' && !Array.isArray(args) ? args : {} };
        });
        const results = await Promise.all(planned.map((p) => this.connections.callTool(p.provider, p.call.name, p.args, { timeoutMs: this.timeoutMs, signal })));
        return results.map((r, i) => ({ role: 'tool', content: this.redacted(toolResultContent(r)), tool_call_id: planned[i].call.id }));
    }
    /** A result without the providers' secrets (the text of its text blocks). */
    redacted(content) {
        if (typeof content === 'string')
            return this.connections.redact(content);
        return content.map((b) => (b.type === 'text' ? { ...b, text: this.connections.redact(b.text) } : b));
    }
    /** The refusal for each call of a turn past the limit (nothing is executed). */
    refuse(calls) {
        return calls.map((c) => ({ role: 'tool', content: TOOL_REFUSAL_MESSAGE, tool_call_id: c.id }));
    }
}

// EXTERNAL MODULE: ./src/workflow/stage-tools.ts
var stage_tools = __webpack_require__(60677);
;// CONCATENATED MODULE: ./src/workflow/stage-models.ts
/**
 * The models of a run: which model configs each stage sees, the registries built from them (key
 * variables checked once, when the first stage that must generate is reached), the health check, the
 * call store, and the per-stage model runtime handed to the engine. Stages reused or restored need none
 * of this, so a fully cached run needs no key.
 */









/** Where model answers are kept, inside the workflow's artifact directory (the Action caches it too). */
const CALL_CACHE_DIR = 'call-cache';
/** Columns that call a model once per row. */
const MODEL_COLUMN_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'embedding', 'image']);
/** Model-backed columns of a stage: each costs one call per row (a custom column's calls are its own affair). */
function modelColumnCount(stage) {
    return stage.config.columns.filter((c) => MODEL_COLUMN_TYPES.has(c.column_type.replace(/_/g, '-'))).length;
}
/**
 * Model configs a stage sees: the workflow's, with the stage config's own winning by alias, plus the
 * built-in config of every Data Designer default alias (`nvidia-text`, ...) its columns use and neither
 * defines (only those: adding unused defaults would change every stage's fingerprint).
 */
function stageModelConfigs(workflow, stage) {
    const byAlias = new Map();
    for (const m of workflow.modelConfigs)
        byAlias.set(m.alias, m);
    for (const m of stage.config.model_configs ?? [])
        byAlias.set(m.alias, m);
    for (const alias of usedModelAliases(stage.config)) {
        const builtin = byAlias.has(alias) ? undefined : (0,llm/* builtinModelConfig */.T4)(alias);
        if (builtin)
            byAlias.set(alias, builtin);
    }
    return [...byAlias.values()];
}
/**
 * The model registry of every selected stage from `fromIndex` on that has model columns: a missing key
 * variable (or an unusable provider) is one error before any of them runs, naming every variable
 * missing. Stages without model columns need no key.
 */
function prepareModelRegistries(workflow, targetIndex, env, fromIndex = 0) {
    const out = new Map();
    const problems = [];
    for (let index = fromIndex; index <= targetIndex && index < workflow.stages.length; index++) {
        const stage = workflow.stages[index];
        const aliases = usedModelAliases(stage.config);
        if (aliases.length === 0)
            continue;
        try {
            out.set(index, (0,llm/* buildModelRegistry */.ZJ)({ models: stageModelConfigs(workflow, stage), providers: workflow.modelProviders, usedAliases: aliases, runConfig: workflow.runConfig, env }));
        }
        catch (err) {
            if (!(err instanceof diagnostics/* DdflowError */.Zq))
                throw err;
            if (!problems.includes(err.message))
                problems.push(err.message);
        }
    }
    if (problems.length > 0)
        throw new diagnostics/* DdflowError */.Zq(problems.join(' '));
    return out;
}
/**
 * The health check of every model the prepared stages use (unless turned off for a model by
 * `skip_health_check`, or for the run by DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS). Its calls are not in
 * any stage's usage: they are logged on their own.
 */
async function checkModels(registries, x) {
    if (registries.size === 0)
        return;
    if ((0,llm/* healthChecksDisabled */._z)(x.env)) {
        x.log.debug(`Model health checks skipped (${llm/* SKIP_HEALTH_CHECKS_ENV */.dv} is set).`);
        return;
    }
    const result = await (0,llm/* checkModelHealth */.aj)([...registries.values()].flatMap((r) => r.list()), { retryPolicy: x.retryPolicy, signal: x.signal });
    if (result.checked.length > 0) {
        const tokens = result.tokens.prompt + result.tokens.completion;
        x.log.info(`Model health check passed for ${result.checked.map((a) => `'${a}'`).join(', ')} (${result.calls} call${result.calls === 1 ? '' : 's'}, ${tokens} tokens, not counted in stage usage).`);
    }
    if (result.skipped.length > 0)
        x.log.debug(`Model health check skipped for ${result.skipped.map((a) => `'${a}'`).join(', ')}.`);
}
function usageOf(e) {
    return {
        calls: e.calls,
        cached_calls: e.cachedCalls,
        retries: e.retries,
        prompt_tokens: e.promptTokens,
        completion_tokens: e.completionTokens,
        cost_usd: roundUsd(e.costUsd),
        unpriced_calls: e.unpricedCalls,
        ...(e.toolCalls || e.toolCallTurns ? { tool_calls: e.toolCalls, tool_call_turns: e.toolCallTurns } : {}),
    };
}
/** Dollars kept to 1e-9 (sums of float products otherwise print as 0.30000000000000004). */
function roundUsd(usd) {
    return Math.round(usd * 1e9) / 1e9;
}
function usageReport(facade) {
    const map = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, usageOf(v)]));
    return { total: usageOf(facade.usage.totals()), columns: map(facade.usage.byColumn()), models: map(facade.usage.byAlias()) };
}
/**
 * A cost budget needs a price for every model it may call (a cost the provider reports comes only with
 * the answer, too late to hold a request back): one sentence naming each model without one.
 */
function requirePrices(registries) {
    const missing = new Set();
    for (const r of registries.values())
        for (const e of r.list())
            if (!e.price)
                missing.add(`'${e.alias}' (model '${e.model}' at provider '${e.provider.name}')`);
    if (missing.size === 0)
        return;
    throw new diagnostics/* DdflowError */.Zq(`A cost budget is set (run_config.max_cost_usd or --max-cost), but model alias${missing.size === 1 ? '' : 'es'} ${[...missing].join(', ')} ha${missing.size === 1 ? 's' : 've'} no price: add pricing: {input_per_million: ..., output_per_million: ...} to ${missing.size === 1 ? 'its model config' : 'their model configs'}.`);
}
/** Aliases named by a stage's columns (`model_alias` anywhere in a column, a custom function's `model_aliases`). */
function usedModelAliases(config) {
    return (0,model_aliases/* modelAliasesOf */.X)(config.columns);
}
/** How a stage is named among the call store's answered stages: the same fingerprint AND seed draw the same requests. */
function answeredKey(fingerprint, seed) {
    return `${fingerprint}:${seed}`;
}
/** The stages whose every model call the call store of `workflowDir` can answer. */
function answeredStages(workflowDir) {
    return llm/* CallCache */.FY.answeredStages(external_node_path_default().join(workflowDir, CALL_CACHE_DIR));
}
/** The models of one run, prepared lazily: nothing is checked or opened until a stage must generate. */
class ModelSession {
    o;
    registries;
    healthChecked;
    callCache;
    /** Shared by every stage of the run: spent + reserved is checked before each request. */
    budget;
    /** Each generated stage's facade (its usage and cost), by stage index. */
    facades = new Map();
    /** The run's MCP sessions (opened when the first stage with tools is prepared) and each stage's tool configs. */
    mcp;
    toolSets = new Map();
    constructor(o) {
        this.o = o;
        this.budget = new llm/* SpendBudget */.Qq(o.budget ?? {});
    }
    /** Checks every key the stages from `index` on need, and that their models answer (once per run). */
    readyFrom(index) {
        const registries = (this.registries ??= prepareModelRegistries(this.o.workflow, this.o.targetIndex, this.o.env, index));
        if (this.o.budget?.maxCostUsd != null)
            requirePrices(registries);
        // Models whose calls go through provider batches send no online request, health check included.
        const online = new Map([...registries].map(([i, r]) => [i, new llm/* ModelRegistry */.zN(new Map(r.list().filter((e) => !this.batched(e)).map((e) => [e.alias, e])))]));
        this.prepareTools(index);
        return (this.healthChecked ??= Promise.all([checkModels(online, { env: this.o.env, retryPolicy: this.o.retryPolicy, signal: this.o.signal, log: this.o.log }), this.checkTools()]).then(() => undefined));
    }
    /**
     * The tool configs of every stage from `index` on whose columns call MCP tools: a missing key is one
     * sentence before anything runs (with the models' keys, in readyFrom).
     */
    prepareTools(index) {
        if (this.mcp)
            return;
        const specs = new Map();
        const problems = [];
        const { workflow } = this.o;
        for (let i = index; i <= this.o.targetIndex && i < workflow.stages.length; i++) {
            const stage = workflow.stages[i];
            if (!stage.toolProviders)
                continue;
            try {
                for (const [name, spec] of (0,stage_tools/* providerSpecs */.C4)(stage.toolProviders, workflow.dir, this.o.env))
                    specs.set(name, spec);
            }
            catch (err) {
                if (!(err instanceof diagnostics/* DdflowError */.Zq))
                    throw err;
                if (!problems.includes(err.message))
                    problems.push(err.message);
            }
        }
        if (problems.length)
            throw new diagnostics/* DdflowError */.Zq(problems.join(' '));
        if (specs.size === 0)
            return;
        this.mcp = new McpConnections(specs);
        for (let i = index; i <= this.o.targetIndex && i < workflow.stages.length; i++) {
            const configs = (0,stage_tools/* usedToolConfigs */.fx)(workflow.stages[i].config);
            if (configs.length)
                this.toolSets.set(i, new Map(configs.map((t) => [t.tool_alias, new ToolSet(t, this.mcp)])));
        }
    }
    /**
     * Lists the tools of every prepared tool config (servers started, allow_tools and duplicate names
     * checked), so that a server that cannot start or a tool that does not exist is one sentence before any
     * row is generated, not a failure in every row.
     */
    async checkTools() {
        for (const [i, sets] of this.toolSets) {
            for (const set of sets.values()) {
                try {
                    const schemas = await set.schemas(this.o.signal);
                    const names = schemas.map((s) => s.function.name);
                    this.o.log.info(`Tools of '${set.alias}' (stage '${this.o.workflow.stages[i].name}'): ${names.length ? names.join(', ') : 'none'}.`);
                }
                catch (err) {
                    if (!(err instanceof errors/* LlmError */.Cf))
                        throw err;
                    throw new diagnostics/* DdflowError */.Zq(`Stage '${this.o.workflow.stages[i].name}', tool config '${set.alias}': ${err.message}`, { cause: err });
                }
            }
        }
    }
    /** Whether an endpoint's calls go through provider batches (`--batch`, or its `batch: true`). */
    batched(e) {
        return e.kind !== 'image' && (this.o.batch === true || e.params.batch === true);
    }
    /** The models of stage `index` whose calls go through provider batches (none: the stage runs online). Call readyFrom first. */
    batchedAliases(index) {
        return new Set((this.registries?.get(index)?.list() ?? []).filter((e) => this.batched(e)).map((e) => e.alias));
    }
    /** The stage's registry (after readyFrom). */
    registryFor(index) {
        return this.registries?.get(index);
    }
    /** The run's call store, opened on first use. */
    store() {
        return (this.callCache ??= this.o.callCache ? llm/* CallCache */.FY.open(external_node_path_default().join(this.o.workflowDir, CALL_CACHE_DIR)) : llm/* CallCache */.FY.disabled());
    }
    /**
     * A stage's model runtime, or undefined for a stage without model columns. Call readyFrom first.
     * With `deferral`, calls the store cannot answer for the aliases it names are collected, not sent.
     */
    runtimeFor(index, deferral) {
        const registry = this.registries?.get(index);
        if (!registry)
            return undefined;
        // Every in-flight model call listens on the run's signal (admission wait, HTTP request, backoff):
        // many more than Node's default of 10, which would print a leak warning.
        if (this.o.signal)
            (0,external_node_events_.setMaxListeners)(0, this.o.signal);
        const facade = new llm/* LlmFacade */.w(registry, { callCache: this.store(), runConfig: this.o.workflow.runConfig, retryPolicy: this.o.retryPolicy, budget: this.budget, deferral, tools: this.toolSets.get(index), stage: this.o.workflow.stages[index].name });
        this.facades.set(index, facade);
        return {
            generate: (req) => facade.generate(req),
            embed: (req) => facade.embed(req),
            generateImage: (req) => facade.generateImage(req),
            tokenUsage: () => {
                const t = facade.usage.totals();
                return { prompt: t.promptTokens, completion: t.completionTokens };
            },
            usageReport: () => usageReport(facade),
        };
    }
    /** Calls, tokens and cost of stage `index` in this run (also of a stage that failed or was stopped). */
    stageUsage(index) {
        const facade = this.facades.get(index);
        return facade ? usageReport(facade) : undefined;
    }
    /** What this run's model calls cost, over every stage it generated. */
    runCost() {
        const total = { usd: 0, calls: 0, cached_calls: 0, unpriced_calls: 0, prompt_tokens: 0, completion_tokens: 0, models: {} };
        for (const facade of this.facades.values()) {
            const t = facade.usage.totals();
            total.usd += t.costUsd;
            total.calls += t.calls;
            total.cached_calls += t.cachedCalls;
            total.unpriced_calls += t.unpricedCalls;
            total.prompt_tokens += t.promptTokens;
            total.completion_tokens += t.completionTokens;
            for (const [alias, e] of Object.entries(facade.usage.byAlias())) {
                const m = (total.models[alias] ??= { calls: 0, cached_calls: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost_usd: 0, unpriced_calls: 0 });
                const u = usageOf(e);
                m.calls += u.calls;
                m.cached_calls += u.cached_calls;
                m.retries += u.retries;
                m.prompt_tokens += u.prompt_tokens;
                m.completion_tokens += u.completion_tokens;
                m.cost_usd = roundUsd(m.cost_usd + u.cost_usd);
                m.unpriced_calls += u.unpriced_calls;
            }
        }
        total.usd = roundUsd(total.usd);
        const limits = this.o.budget;
        if (limits && (limits.maxCostUsd != null || limits.maxTotalTokens != null)) {
            total.budget = { max_cost_usd: limits.maxCostUsd ?? null, max_total_tokens: limits.maxTotalTokens ?? null, exhausted: this.budget.exhausted };
        }
        return total;
    }
    /** After a stage generated every row with its model calls answered: `plan` can then count 0 calls for it. */
    markAnswered(fingerprint, seed) {
        this.callCache?.markStageAnswered(answeredKey(fingerprint, seed));
    }
    /** Closes the call store and the MCP sessions (stdio tool servers are stopped). */
    async close() {
        this.callCache?.close();
        await this.mcp?.close();
    }
}


/***/ }),

/***/ 22597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ baseRecord),
/* harmony export */   bN: () => (/* binding */ zeroTokens),
/* harmony export */   eh: () => (/* binding */ outcomeFields),
/* harmony export */   iA: () => (/* binding */ fromRecord),
/* harmony export */   k0: () => (/* binding */ stageReportOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55800);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35151);
/**
 * A stage's outcome (what it produced, wherever it came from) and how it is written into the stage's
 * record in workflow-metadata.json and into the run report.
 */



function zeroTokens() {
    return { prompt: 0, completion: 0 };
}
function baseRecord(stage, index) {
    return {
        index,
        name: stage.name,
        stage_dir: (0,_selection_js__WEBPACK_IMPORTED_MODULE_2__/* .stageDirName */ .bM)(index, stage.name),
        depends_on: [],
        status: 'pending',
        output: stage.output.kind === 'final' ? 'final' : `processor:${stage.output.name}`,
        allow_empty: stage.allowEmpty,
        on_success_version: stage.onSuccess?.version ?? null,
        sampling_strategy: stage.samplingStrategy,
        selection_strategy: stage.selectionStrategy ?? null,
    };
}
function outcomeFields(o, workflowDir) {
    return {
        num_records_actual: o.numRecordsActual,
        stage_output_path: (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .toMetadataPath */ .GL)(workflowDir, o.ownOutputPath),
        ...(o.ownOutputFiles ? { stage_output_files: o.ownOutputFiles } : {}),
        output_records: o.outputRecords,
        callback_output_path: o.callbackOutputPath ? (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .toMetadataPath */ .GL)(workflowDir, o.callbackOutputPath) : null,
        output_processor_output_path: o.outputProcessorPath ? (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .toMetadataPath */ .GL)(workflowDir, o.outputProcessorPath) : null,
        tokens: o.tokens ?? zeroTokens(),
        ...(o.modelUsage ? { model_usage: o.modelUsage } : {}),
        ...(o.droppedRows && Object.keys(o.droppedRows).length ? { dropped_rows: o.droppedRows } : {}),
        ...(o.warnings && o.warnings.length ? { warnings: o.warnings } : {}),
    };
}
function fromRecord(rec, workflowDir, cache) {
    const own = rec.stage_output_path ?? rec.output_seed_path;
    return {
        cache,
        ownOutputPath: (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .fromMetadataPath */ .xf)(workflowDir, own),
        ownOutputFiles: rec.stage_output_files,
        outputRecords: rec.output_records ?? 0,
        numRecordsActual: rec.num_records_actual,
        callbackOutputPath: rec.callback_output_path ? (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .fromMetadataPath */ .xf)(workflowDir, rec.callback_output_path) : undefined,
        outputProcessorPath: rec.output_processor_output_path ? (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .fromMetadataPath */ .xf)(workflowDir, rec.output_processor_output_path) : undefined,
        droppedRows: rec.dropped_rows,
        warnings: rec.warnings,
    };
}
/** `outputRecords`: the rows the stage hands downstream (an override's, when one replaced its output). */
function stageReportOf(rec, workflowDir, files, outputRecords = rec.output_records ?? 0) {
    const r = {
        index: rec.index,
        name: rec.name,
        status: rec.status,
        cache: rec.cache ?? 'off',
        ...(rec.decision ? { decision: rec.decision } : {}),
        ...(rec.reason ? { reason: rec.reason } : {}),
        ...(rec.saved !== undefined ? { saved: rec.saved } : {}),
        fingerprint: rec.fingerprint ?? '',
        stage_dir: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(workflowDir, rec.stage_dir),
        num_records_requested: rec.num_records_requested ?? 0,
        num_records_actual: rec.num_records_actual ?? 0,
        output_records: outputRecords,
        duration_sec: rec.duration_sec ?? 0,
        tokens: rec.tokens ?? zeroTokens(),
        ...(rec.model_usage ? { model_usage: rec.model_usage } : {}),
        ...(rec.dropped_rows ? { dropped_rows: rec.dropped_rows } : {}),
        ...(rec.warnings ? { warnings: rec.warnings } : {}),
        ...(rec.error ? { error: rec.error } : {}),
        ...(files.length ? { output_files: files } : {}),
    };
    return r;
}


/***/ })

};
