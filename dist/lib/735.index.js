export const id = 735;
export const ids = [735];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _cache_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28132);
/* harmony import */ var _shard_job_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7812);
/* harmony import */ var _call_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(13276);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82231);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(33175);
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
    const inflight = stateOf(_state_js__WEBPACK_IMPORTED_MODULE_6__/* .IN_FLIGHT_STATE */ .t);
    const calls = stateOf(_call_store_js__WEBPACK_IMPORTED_MODULE_4__/* .CALL_STORE_STATE */ .VY);
    if (!inflight && !calls)
        return; // the main step finished its work (or nothing ran)
    // The post step gets the same inputs as main: `cache: false` and `read-only` save nothing here either,
    // nor does an unset `cache` on a pull-request event (read-only there, as in main).
    const input = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getInput('cache');
    let saves;
    try {
        saves = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readCacheInput */ .bO)(input, process.env['GITHUB_EVENT_NAME']).cacheSave;
    }
    catch {
        saves = false; // main reported the bad input already
    }
    if (!saves) {
        const mode = input.trim() || `read-only (the default on ${process.env['GITHUB_EVENT_NAME']})`;
        if (inflight)
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`cache: ${mode}, so the interrupted stage '${inflight.stage}' is not saved to the Actions cache.`);
        if (calls)
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`cache: ${mode}, so the model answers of this run are not saved to the Actions cache.`);
        return;
    }
    const store = new _cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubCacheStore */ .hs();
    if (inflight && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(inflight.stageDir)) {
        const key = inflight.shard
            ? (0,_shard_job_js__WEBPACK_IMPORTED_MODULE_3__/* .partialShardCacheKey */ .Z1)(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint, inflight.shard)
            : (0,_cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .partialStageCacheKey */ .PX)(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint);
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
            if (await (0,_call_store_js__WEBPACK_IMPORTED_MODULE_4__/* .saveCallStore */ .jR)(store, calls))
                _actions_core__WEBPACK_IMPORTED_MODULE_1__.info(`Saved the model answers of this run under ${calls.key}.`);
        }
        catch (err) {
            _actions_core__WEBPACK_IMPORTED_MODULE_1__.warning(`Could not save the model answers: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
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


/***/ })

};
