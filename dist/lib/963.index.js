export const id = 963;
export const ids = [963];
export const modules = {

/***/ 35963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exportStageOutput: () => (/* binding */ exportStageOutput)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _data_dataset_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99724);
/* harmony import */ var _data_database_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94715);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86999);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69951);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(55800);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(26327);
/* harmony import */ var _empty_reason_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(19669);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(35151);
/**
 * `ddflow export`: the selected output of the final (or a named) stage of the last run, as one
 * jsonl/csv/parquet file. It reads workflow-metadata.json, so it works on a downloaded or moved
 * artifact directory too, and follows `output: processor:<name>`, on_success and overrides.
 */











async function exportStageOutput(workflow, outPath, 
/** `cwd`: paths in messages are shown relative to it. */
options = {}) {
    (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_3__.exportFormatOf)(outPath);
    const name = options.stage ?? workflow.stages[workflow.stages.length - 1].name;
    if (!workflow.stages.some((s) => s.name === name))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Unknown stage '${name}'.`);
    const workflowDir = (0,_selection_js__WEBPACK_IMPORTED_MODULE_9__/* .workflowDirOf */ .y9)(workflow, options.artifactPath);
    if (!(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat((0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .metadataPath */ .xT)(workflowDir)).catch(() => undefined))) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`There is no run of workflow '${workflow.name}' to export yet: ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(workflowDir, options.cwd)} has no ${_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .WORKFLOW_METADATA_FILENAME */ .m2}; run 'ddflow run ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(workflow.file, options.cwd)}' first (or pass --artifact-path where its artifacts are).`);
    }
    const refused = [];
    const log = { ..._logger_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .q, warn: (m) => void refused.push(m) };
    const metadata = await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .readPriorMetadata */ .CB)(workflowDir, workflow.name, 'always', log, { requireFile: true });
    const rec = metadata.stages.find((s) => s && s.name === name);
    if (!rec) {
        // readPriorMetadata dropped a record whose paths lead outside the artifact directory.
        const why = refused.find((m) => m.includes(`stage ${JSON.stringify(name)} `));
        if (why)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${name}' cannot be exported: ${why.replace(/; the stage runs again\.$/, '.')}`);
    }
    if (!rec || (rec.status !== 'completed' && rec.status !== 'completed_empty') || !rec.output_seed_path) {
        const why = rec ? `its status is ${rec.status}` : 'it has not run';
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${name}' has no output to export: ${why}.`);
    }
    const at = exportSource(workflowDir, rec.output_seed_path, rec.stage_output_override_path, name);
    const stale = await staleness(workflow, metadata, name, workflowDir, options.artifactPath);
    if (stale) {
        const how = `run 'ddflow run ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(workflow.file, options.cwd)}' to bring it up to date, or pass --allow-stale to export it anyway`;
        if (!options.allowStale)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The output of stage '${name}' is stale: ${stale}; ${how}.`);
        (options.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .q).warn(`Exporting stale output of stage '${name}' (--allow-stale): ${stale}.`);
    }
    const files = await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_8__/* .parquetFilesAt */ .Te)(at);
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${name}' has no output to export: no parquet files found at ${rec.output_seed_path}.`);
    const db = await (0,_data_database_js__WEBPACK_IMPORTED_MODULE_4__.openDatabase)();
    try {
        const r = await (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_3__.exportDataset)(db, files, outPath);
        const emptyWhy = r.rows === 0 ? (0,_empty_reason_js__WEBPACK_IMPORTED_MODULE_10__/* .emptyOutputWhy */ .j)({ ...rec, overridden: rec.stage_output_override_path != null }, workflow.stages.find((s) => s.name === name)) : undefined;
        return { ...r, stage: name, ...(stale ? { stale } : {}), ...(emptyWhy ? { emptyWhy } : {}) };
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
    const plan = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_6__.buildPlan)(workflow, {
        targets: [stage],
        overrides,
        seed: metadata.seed_option ?? undefined,
        numRecords: metadata.num_records_option ?? undefined,
        artifactPath,
        log: _logger_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .q,
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
    const problem = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .metadataPathProblem */ .gE)(workflowDir, recorded);
    if (!problem)
        return (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .fromMetadataPath */ .xf)(workflowDir, recorded);
    if (recorded === override && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(recorded) && !recorded.includes('\0')) {
        const lexical = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve((0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .realpathOfExisting */ .Kx)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workflowDir)), recorded);
        const kind = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(lexical, { throwIfNoEntry: false });
        if ((0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .realpathOfExisting */ .Kx)(lexical) === lexical && kind && (kind.isDirectory() || (kind.isFile() && lexical.endsWith('.parquet'))))
            return lexical;
    }
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage}' cannot be exported: its recorded output ${JSON.stringify(recorded)} is not usable (${problem}).`);
}


/***/ })

};
