export const id = 718;
export const ids = [718];
export const modules = {

/***/ 85192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PX: () => (/* binding */ partialStageCacheKey),
/* harmony export */   hs: () => (/* binding */ GitHubCacheStore)
/* harmony export */ });
/* unused harmony exports MAX_CACHE_KEY_LENGTH, cacheKey, cacheKeyPrefix */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18091);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33838);
/* harmony import */ var _workflow_cache_keys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(64480);
/**
 * The stage cache in GitHub Actions: a `CacheStore` over `@actions/cache`.
 *
 * Two properties of that service shape this file:
 * - An entry's `version` is a hash of the exact `paths` list given to save/restore, and the archive
 *   stores paths relative to GITHUB_WORKSPACE. A stage directory's absolute path differs between runs
 *   (fresh workspace, other artifact-path), so we never hand the client the stage directory itself:
 *   every entry is staged at ONE fixed relative path (`.ddflow-cache/entry`, below the current
 *   directory, which the runner sets to the workspace) and moved to or from the real directory here.
 *   Staging is done with hard links, so saving a large stage copies no data.
 * - Entries are immutable and caching is optional: an existing key is a quiet `false`; a missing,
 *   refusing or failing service is a warning and a miss, never an exception.
 */







const MAX_CACHE_KEY_LENGTH = 512;
/** The service accepts at most 10 keys per lookup: the primary key and 9 restore keys. */
const MAX_RESTORE_KEYS = 9;
const HASH_SUFFIX_LENGTH = 17; // '~' + 16 hex characters
/** Percent-encodes the two characters that matter (`,` is forbidden in keys; `%` keeps the mapping reversible). */
function encodeKeyChars(raw) {
    return raw.replace(/[%,]/g, (c) => (c === '%' ? '%25' : '%2C'));
}
function decodeKeyChars(key) {
    return key.replace(/%(25|2C)/g, (_, code) => (code === '25' ? '%' : ','));
}
/**
 * A valid cache key for `raw`: commas encoded, and when too long, cut and ended by a hash of the whole
 * raw key (so two long keys that share a beginning stay distinct). Deterministic across runs.
 */
function cacheKey(raw) {
    const encoded = encodeKeyChars(raw);
    if (encoded.length <= MAX_CACHE_KEY_LENGTH)
        return encoded;
    const hash = node_crypto__WEBPACK_IMPORTED_MODULE_3___default().createHash('sha256').update(raw).digest('hex').slice(0, HASH_SUFFIX_LENGTH - 1);
    return `${encoded.slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH)}~${hash}`;
}
/** A restore prefix that still prefixes `cacheKey(k)` for every raw `k` starting with `raw`. */
function cacheKeyPrefix(raw) {
    return encodeKeyChars(raw).slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH);
}
// Key naming belongs to the runner (src/workflow/cache-keys.ts); re-exported for the Action's callers.

/** A run-specific partial key for this workflow run (GITHUB_RUN_ID / GITHUB_RUN_ATTEMPT). */
function partialStageCacheKey(prefix, workflow, stage, fingerprint, run = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] }) {
    return (0,_workflow_cache_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .partialStageCacheKey */ .PX)(prefix, workflow, stage, fingerprint, run);
}
class GitHubCacheStore {
    kind = 'github-actions';
    stagingDir;
    maxFailures;
    failures = 0;
    disabled = false;
    availabilityChecked = false;
    /** One operation at a time: they share the staging path. */
    queue = Promise.resolve();
    constructor(options = {}) {
        const staging = (options.stagingDir ?? '.ddflow-cache').replaceAll('\\', '/').replace(/\/+$/, '');
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(staging) || staging.split('/').includes('..')) {
            throw new Error('The cache staging directory must be a path below the current directory.');
        }
        this.stagingDir = staging;
        this.maxFailures = options.maxFailures ?? 2;
    }
    /** Whether the store still talks to the service (false once unavailable or after repeated failures). */
    get enabled() {
        return !this.disabled;
    }
    /** The one `paths` list every save and restore uses, so every entry has the same version. */
    get clientPaths() {
        return [`${this.stagingDir}/entry`];
    }
    stagingRoot() {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(process.cwd(), this.stagingDir);
    }
    exclusive(op) {
        const run = this.queue.then(op, op);
        this.queue = run.catch(() => undefined);
        return run;
    }
    usable() {
        if (this.disabled)
            return false;
        if (!this.availabilityChecked) {
            this.availabilityChecked = true;
            // isFeatureAvailable() only checks the service URL; without a token saveCache throws.
            if (!_actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .isFeatureAvailable */ .w3() || !process.env['ACTIONS_RUNTIME_TOKEN']) {
                this.disabled = true;
                _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning('The GitHub Actions cache service is not available to this step, so stages are neither restored from nor saved to it.');
                return false;
            }
        }
        return true;
    }
    restore(key, dir, restorePrefixes = []) {
        return this.exclusive(async () => {
            if (!this.usable())
                return undefined;
            const staging = this.stagingRoot();
            try {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(staging, { recursive: true, force: true });
                const primary = cacheKey(key);
                const requested = [...new Set(restorePrefixes.map(cacheKeyPrefix))];
                // A prefix equal to the primary key need not be sent twice, but it still counts as asked for.
                const prefixes = requested.filter((p) => p !== primary).slice(0, MAX_RESTORE_KEYS);
                // restoreCache downgrades service trouble to its own warning and returns undefined.
                let matched = await _actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .restoreCache */ .P3(this.clientPaths, primary, prefixes);
                // The service also prefix-matches the primary key; only an exact hit or a requested prefix
                // counts. A longer key that merely starts with ours must not shadow the restore prefixes.
                const counts = (m) => m === primary || requested.some((p) => m.startsWith(p));
                if (matched && !counts(matched)) {
                    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(staging, { recursive: true, force: true });
                    matched = prefixes.length > 0 ? await _actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .restoreCache */ .P3(this.clientPaths, prefixes[0], prefixes.slice(1)) : undefined;
                }
                if (!matched || !counts(matched))
                    return undefined;
                const entry = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(staging, 'entry');
                if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(entry)) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning(`The cache entry ${matched} was restored outside ${this.stagingDir}; ddflow must run with the workspace as its current directory, so the stage will be recomputed.`);
                    return undefined;
                }
                await replaceDir(entry, dir);
                // Report keys as the caller spelled them (a hashed long key only maps back when it is the primary one).
                return matched === primary ? key : decodeKeyChars(matched);
            }
            catch (err) {
                _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning(`Could not restore the cache entry for ${key}: ${errorText(err)}; the stage will be recomputed.`);
                return undefined;
            }
            finally {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(staging, { recursive: true, force: true }).catch(() => undefined);
            }
        });
    }
    /** Whether the service holds exactly `key` (nothing is downloaded). */
    has(key) {
        return this.exclusive(async () => {
            if (!this.usable())
                return false;
            const k = cacheKey(key);
            try {
                return (await _actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .restoreCache */ .P3(this.clientPaths, k, [], { lookupOnly: true })) === k;
            }
            catch (err) {
                _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning(`Could not look up ${key} in the Actions cache: ${errorText(err)}`);
                return false;
            }
        });
    }
    save(key, dir) {
        return this.exclusive(async () => {
            if (!this.usable())
                return false;
            const staging = this.stagingRoot();
            const k = cacheKey(key);
            try {
                if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir)) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning(`Nothing to cache for ${key}: ${dir} does not exist.`);
                    return false;
                }
                // Keys are immutable: checking first skips compressing an entry the service would refuse.
                const existing = await _actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .restoreCache */ .P3(this.clientPaths, k, [], { lookupOnly: true });
                if (existing === k) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_5__.info(`The cache already holds ${k}; keeping that entry.`);
                    return false;
                }
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(staging, { recursive: true, force: true });
                await linkTree(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(staging, 'entry'));
                const id = await _actions_cache__WEBPACK_IMPORTED_MODULE_4__/* .saveCache */ .Io(this.clientPaths, k);
                if (id !== -1) {
                    this.failures = 0;
                    _actions_core__WEBPACK_IMPORTED_MODULE_5__.info(`Saved ${key} to the Actions cache.`);
                    return true;
                }
                this.noteFailure(`The Actions cache did not accept ${k}`);
                return false;
            }
            catch (err) {
                this.noteFailure(`Could not save ${k} to the Actions cache: ${errorText(err)}`);
                return false;
            }
            finally {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(staging, { recursive: true, force: true }).catch(() => undefined);
            }
        });
    }
    noteFailure(message) {
        this.failures += 1;
        _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning(`${message}; a later run will recompute this stage.`);
        if (this.failures >= this.maxFailures && !this.disabled) {
            this.disabled = true;
            _actions_core__WEBPACK_IMPORTED_MODULE_5__.warning('The Actions cache failed repeatedly, so ddflow stops using it for the rest of this run.');
        }
    }
}
function errorText(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.split('\n')[0].replace(/[.\s]+$/, '');
}
/** Mirrors `src` at `dest` with hard links (copies where linking is impossible, e.g. across devices). */
async function linkTree(src, dest) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().mkdir(dest, { recursive: true });
    for (const entry of await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().readdir(src, { withFileTypes: true })) {
        const from = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(src, entry.name);
        const to = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dest, entry.name);
        if (entry.isDirectory())
            await linkTree(from, to);
        else if (entry.isSymbolicLink())
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().symlink(await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().readlink(from), to);
        else if (entry.isFile())
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().link(from, to).catch(() => node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().copyFile(from, to));
    }
}
/** Makes `dir` exactly the restored entry: stale files from an earlier attempt must not mix in. */
async function replaceDir(entry, dir) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(dir, { recursive: true, force: true });
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir), { recursive: true });
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rename(entry, dir);
    }
    catch (err) {
        if (err.code !== 'EXDEV')
            throw err;
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().cp(entry, dir, { recursive: true });
    }
}


/***/ }),

/***/ 13276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VY: () => (/* binding */ CALL_STORE_STATE),
/* harmony export */   Ye: () => (/* binding */ restoreCallStore),
/* harmony export */   hU: () => (/* binding */ callStoreKey),
/* harmony export */   jR: () => (/* binding */ saveCallStore)
/* harmony export */ });
/* unused harmony exports callStorePrefix, segmentsIn */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The per-call response store (`<workflow dir>/call-cache/calls-*.jsonl`, see src/llm/call-cache.ts)
 * travels through the Actions cache, so a fresh runner does not pay again for answers an earlier run
 * already got — e.g. after the stage cache was evicted, or when a changed stage asks some of the same
 * prompts again.
 *
 * Entries are immutable, so every run that learned something saves the WHOLE store under its own key
 * `<prefix>-<workflow>:calls-<run id>-<attempt>`, and the next run restores the newest one by the prefix
 * `<prefix>-<workflow>:calls-`. The store only grows (restored segments plus this run's), so the newest
 * entry holds everything. Restored segments are merged into the local directory file by file, never
 * replacing it: segments written locally by an earlier attempt in the same workspace stay.
 */



/** What main leaves for the post step: where the store is, its key, and what was already there. */
const CALL_STORE_STATE = 'ddflow-call-store';
const SEGMENT = /^calls-.*\.jsonl$/;
function callStorePrefix(prefix, workflow) {
    // ':' cannot occur in a stage name, so no stage key `<prefix>-<workflow>-<stage>-...` starts with this.
    return `${prefix}-${workflow}:calls-`;
}
function callStoreKey(prefix, workflow, run = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] }) {
    return `${callStorePrefix(prefix, workflow)}${run.id || 'local'}-${run.attempt || '1'}`;
}
function segmentsIn(dir) {
    if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir))
        return [];
    return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir)
        .filter((n) => SEGMENT.test(n))
        .sort();
}
/**
 * Brings the newest saved store back and merges its segments into `dir`. Returns the matched key (or
 * undefined) and the segments now in `dir`. Only `calls-*.jsonl` files are taken.
 */
async function restoreCallStore(store, prefix, workflow, dir) {
    const lookup = callStorePrefix(prefix, workflow);
    const scratch = `${dir}.restoring`;
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(scratch, { recursive: true, force: true });
    let added = 0;
    let hit;
    try {
        hit = await store.restore(lookup, scratch, [lookup]);
        if (hit) {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().mkdir(dir, { recursive: true });
            for (const name of segmentsIn(scratch)) {
                const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
                if (node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(target))
                    continue;
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rename(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(scratch, name), target).catch(() => node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().copyFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(scratch, name), target));
                added++;
            }
        }
    }
    finally {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().rm(scratch, { recursive: true, force: true });
    }
    return { hit, added, baseline: segmentsIn(dir) };
}
/** Saves `dir` under `key` when it holds a segment the restore did not bring (a run that asked nothing new saves nothing). */
async function saveCallStore(store, state) {
    const now = segmentsIn(state.dir);
    const known = new Set(state.baseline);
    if (!now.some((s) => !known.has(s)))
        return false;
    return store.save(state.key, state.dir);
}


/***/ }),

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _cache_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85192);
/* harmony import */ var _call_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(13276);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33175);
/**
 * The Action's post step (runs even when the job is cancelled, fails or times out): if a stage was
 * still running, save its completed row groups under a run-specific key, so that the next run restores
 * them by prefix and resumes that stage instead of paying for its rows again; and if the main step did
 * not get to save this run's model answers, save them too (answers to rows of unfinished row groups
 * are in there, so the resumed run does not ask for them again).
 */





function stateOf(name) {
    const raw = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getState(name);
    if (!raw)
        return undefined;
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
}
async function runPost() {
    const inflight = stateOf(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .IN_FLIGHT_STATE */ .t);
    const calls = stateOf(_call_store_js__WEBPACK_IMPORTED_MODULE_3__/* .CALL_STORE_STATE */ .VY);
    if (!inflight && !calls)
        return; // the main step finished its work (or nothing ran)
    const store = new _cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubCacheStore */ .hs();
    if (inflight && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(inflight.stageDir)) {
        const key = (0,_cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .partialStageCacheKey */ .PX)(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint);
        try {
            const saved = await store.save(key, inflight.stageDir);
            if (saved)
                _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`Saved the completed row groups of stage '${inflight.stage}' under ${key}; the next run resumes from them.`);
        }
        catch (err) {
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.warning(`Could not save the interrupted stage '${inflight.stage}': ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    if (calls) {
        try {
            if (await (0,_call_store_js__WEBPACK_IMPORTED_MODULE_3__/* .saveCallStore */ .jR)(store, calls))
                _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`Saved the model answers of this run under ${calls.key}.`);
        }
        catch (err) {
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.warning(`Could not save the model answers: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}


/***/ }),

/***/ 33175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ IN_FLIGHT_STATE)
/* harmony export */ });
/** What the main step leaves for the post step (through GITHUB_STATE). */
const IN_FLIGHT_STATE = 'ddflow-in-flight-stage';


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


/***/ })

};
