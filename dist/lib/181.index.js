export const id = 181;
export const ids = [181];
export const modules = {

/***/ 75360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ builtinModelConfig)
/* harmony export */ });
/* unused harmony export BUILTIN_MODEL_CONFIGS */
const chat = (alias, provider, model, params) => ({ alias, model, provider, inference_parameters: { generation_type: 'chat-completion', max_parallel_requests: 4, ...params } });
const embedding = (alias, provider, model, extra = {}) => ({ alias, model, provider, inference_parameters: { generation_type: 'embedding', encoding_format: 'float', max_parallel_requests: 4, ...extra } });
const reasoningEffort = { extra_body: { reasoning_effort: 'medium' } };
const BUILTIN_MODEL_CONFIGS = Object.freeze([
    chat('nvidia-text', 'nvidia', 'nvidia/nemotron-3-nano-30b-a3b', { temperature: 1.0, top_p: 1.0 }),
    chat('nvidia-reasoning', 'nvidia', 'nvidia/nemotron-3-super-120b-a12b', { temperature: 1.0, top_p: 0.95, ...reasoningEffort }),
    chat('nvidia-vision', 'nvidia', 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning', { temperature: 0.6, top_p: 0.95 }),
    embedding('nvidia-embedding', 'nvidia', 'nvidia/llama-nemotron-embed-1b-v2', { extra_body: { input_type: 'query' } }),
    chat('openai-text', 'openai', 'gpt-4.1', { temperature: 0.85, top_p: 0.95 }),
    chat('openai-reasoning', 'openai', 'gpt-5', reasoningEffort),
    chat('openai-vision', 'openai', 'gpt-5', reasoningEffort),
    embedding('openai-embedding', 'openai', 'text-embedding-3-large'),
    chat('openrouter-text', 'openrouter', 'nvidia/nemotron-3-nano-30b-a3b', { temperature: 1.0, top_p: 1.0 }),
    chat('openrouter-reasoning', 'openrouter', 'openai/gpt-oss-20b', { temperature: 0.35 }),
    chat('openrouter-vision', 'openrouter', 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning:free', { temperature: 0.6, top_p: 0.95 }),
    embedding('openrouter-embedding', 'openrouter', 'openai/text-embedding-3-large'),
]);
const BY_ALIAS = new Map(BUILTIN_MODEL_CONFIGS.map((m) => [m.alias, m]));
/** The built-in model config of `alias`, if there is one (a copy: callers may not change the defaults). */
function builtinModelConfig(alias) {
    const m = BY_ALIAS.get(alias);
    return m ? structuredClone(m) : undefined;
}


/***/ }),

/***/ 31954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ withSchemaDefaults),
/* harmony export */   g: () => (/* binding */ runConfigWithDefaults)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67894);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);
/**
 * Defaults come from the schema's `default:` annotations (src/config/schema.ts) and nowhere else;
 * this turns them into values for code that builds configs without going through the loader.
 */


function runConfigWithDefaults(given = {}) {
    return _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__/* .Default */ .y(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .RunConfig */ .gX, structuredClone(given));
}
/**
 * `given` with every field its schema gives a default for filled in (nested objects too) — for code that
 * reads a part of a config built without the loader, so that no module keeps a copy of a default.
 */
function withSchemaDefaults(schema, given) {
    return _sinclair_typebox_value__WEBPACK_IMPORTED_MODULE_1__/* .Default */ .y(schema, structuredClone(given ?? {}));
}


/***/ }),

/***/ 48691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ typedScoreOptionsOf),
/* harmony export */   ZY: () => (/* binding */ applyTypedScoreOptions),
/* harmony export */   br: () => (/* binding */ scoreOptionEntriesOf)
/* harmony export */ });
/* unused harmony exports readScoreOptionNode, attachScoreOptionEntries */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/**
 * Judge score options keep the key types and the order the workflow file gives them.
 *
 * Data Designer's `Score.options` is `dict[int | str, str]`: `{1: Poor, 2: Good}` (unquoted keys) is an
 * int-keyed dict, so the judge's response enum is `[1, 2]` and the stored score is an integer; quoted keys
 * (`'1': Poor`, which is what `write_config` writes) and every key of a JSON file stay strings. Python
 * dicts also keep the written order, which reaches the model (the enum and the `* key: description`
 * lines). A JS object has only string keys and iterates integer-like keys in ascending order, so the
 * loader reads the keys from the parsed YAML/JSON node and hangs the typed, ordered entries on the
 * options object, invisibly: the object itself stays Data Designer's JSON form (string keys), which is
 * what `builder_config.json` and the config hash must hold.
 *
 * A number key must be an integer (pydantic accepts 1.0 as 1 and rejects 1.5, .inf).
 */

const TYPED = Symbol.for('ddflow.scoreOptions.typedEntries');
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The entries of an options mapping node, typed as written; undefined when it is not a plain mapping. */
function readScoreOptionNode(node, options) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    const entries = [];
    const problems = [];
    for (const pair of node.items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair) || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
            return undefined;
        const raw = pair.key.value;
        const jsKey = String(raw);
        if (!(jsKey in options) || typeof options[jsKey] !== 'string')
            return undefined;
        const description = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : options[jsKey];
        if (typeof raw === 'number') {
            if (!Number.isFinite(raw) || !Number.isInteger(raw)) {
                problems.push({
                    key: jsKey,
                    message: `score option key ${pair.key.source ?? jsKey} must be an integer or a string (Data Designer's options are dict[int | str, str]); quote it to use it as a string`,
                });
                continue;
            }
            entries.push([raw, description]);
        }
        else {
            entries.push([jsKey, description]);
        }
    }
    return { entries, problems };
}
/** Records `entries` on `options` when they differ from what the object alone says (types or order). */
function attachScoreOptionEntries(options, entries) {
    const plain = Object.entries(options);
    const same = plain.length === entries.length && entries.every(([k, d], i) => plain[i][0] === k && plain[i][1] === d);
    if (same)
        return;
    Object.defineProperty(options, TYPED, { value: entries, enumerable: false, configurable: true, writable: false });
}
/** The options as Data Designer holds them: typed, in written order (falls back to the object's entries). */
function scoreOptionEntriesOf(options) {
    if (Array.isArray(options))
        return options;
    const typed = options[TYPED];
    return typed ?? Object.entries(options);
}
/**
 * For the stage fingerprint: per judge column and score, the typed entries wherever they differ from the
 * plain object (undefined when none do, so configs with plain string keys keep their fingerprint). The
 * output differs between `1:` and `'1':` (3 vs "3"), so the fingerprint must too.
 */
function typedScoreOptionsOf(config) {
    if (!isObj(config) || !Array.isArray(config.columns))
        return undefined;
    const out = {};
    for (const col of config.columns) {
        if (!isObj(col) || col.column_type !== 'llm-judge' || !Array.isArray(col.scores))
            continue;
        col.scores.forEach((score, j) => {
            if (!isObj(score) || !isObj(score.options))
                return;
            const typed = score.options[TYPED];
            if (typed)
                out[`${String(col.name)}/${j}`] = typed;
        });
    }
    return Object.keys(out).length ? out : undefined;
}
/**
 * Reads the typed keys of every judge score of a loaded config from its parsed nodes (`nodeAt` gives the
 * node of a config-relative path) and reports keys Data Designer would reject.
 */
function applyTypedScoreOptions(config, nodeAt, report) {
    if (!isObj(config) || !Array.isArray(config.columns))
        return;
    config.columns.forEach((col, i) => {
        if (!isObj(col) || col.column_type !== 'llm-judge' || !Array.isArray(col.scores))
            return;
        col.scores.forEach((score, j) => {
            if (!isObj(score) || !isObj(score.options))
                return;
            const at = ['columns', i, 'scores', j, 'options'];
            const read = readScoreOptionNode(nodeAt(at), score.options);
            if (!read)
                return;
            for (const p of read.problems)
                report([...at, p.key], p.message);
            if (read.problems.length === 0)
                attachScoreOptionEntries(score.options, read.entries);
        });
    });
}


/***/ }),

/***/ 27531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ sortKeysDeep),
/* harmony export */   GA: () => (/* binding */ replaceAtomically),
/* harmony export */   ZJ: () => (/* binding */ writeJsonAtomic)
/* harmony export */ });
/* unused harmony exports tempPathFor, writeFileAtomic, stringifyJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Atomic file writes: every artifact ddflow writes (metadata, parquet batches, exports) must be either
 * the old content or the new content, never half a file — a run can be cancelled at any moment (CI
 * timeouts, Ctrl-C) and resume reads whatever is on disk. The write goes to a temporary name in the
 * SAME directory (rename is only atomic within one filesystem) and is renamed over the target.
 */



/** A temporary sibling of `filePath`; hidden (leading dot) so globs like `*.parquet` never match it. */
function tempPathFor(filePath) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(filePath);
    const base = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(filePath);
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `.${base}.tmp-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
}
/**
 * Runs `write(tmpPath)` and renames the result onto `filePath`. On failure the temporary file is removed
 * and the target is left untouched. The parent directory is created if needed.
 */
async function replaceAtomically(filePath, write) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(filePath), { recursive: true });
    const tmp = tempPathFor(filePath);
    try {
        await write(tmp);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, filePath);
    }
    catch (err) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
        throw err;
    }
}
async function writeFileAtomic(filePath, data) {
    await replaceAtomically(filePath, async (tmp) => {
        const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(tmp, 'w');
        try {
            await handle.writeFile(data);
            // fsync before rename: otherwise a power loss can leave the renamed file empty on some filesystems.
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    });
}
/** 2-space indented JSON with a trailing newline. */
function stringifyJson(value, options = {}) {
    const v = options.sortKeys ? sortKeysDeep(value) : value;
    return `${JSON.stringify(v, jsonReplacer, 2)}\n`;
}
async function writeJsonAtomic(filePath, value, options = {}) {
    await writeFileAtomic(filePath, stringifyJson(value, options));
}
/** bigint is not JSON-serialisable by default; counts from DuckDB may arrive as bigint. */
function jsonReplacer(_key, v) {
    if (typeof v === 'bigint')
        return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    return v;
}
function sortKeysDeep(value) {
    if (Array.isArray(value))
        return value.map(sortKeysDeep);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        const out = {};
        for (const k of Object.keys(value).sort())
            out[k] = sortKeysDeep(value[k]);
        return out;
    }
    return value;
}


/***/ }),

/***/ 94715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N0: () => (/* binding */ openSandboxDatabase),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   eg: () => (/* binding */ parseSql),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   qI: () => (/* binding */ openDatabase),
/* harmony export */   uG: () => (/* binding */ literalList),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/* unused harmony export databasesOpened */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94851);
/* harmony import */ var _duckdb_loader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21293);



let opened = 0;
/** How many databases this process has opened: lets tests hold a run to one DuckDB instance. */
function databasesOpened() {
    return opened;
}
/**
 * A DuckDB instance for SQL a workflow file supplies (the `sql` processor): it can read exactly the
 * files in `readPaths` and the files under `writeDir` (its own empty scratch directory, where results
 * are written), nothing else — no other file, no URL, no extension install or load, no ATTACH — and its
 * configuration is locked, so the SQL cannot turn any of it back on. A separate instance because these
 * settings are per instance and `lock_configuration` cannot be undone: the run's shared database keeps
 * reading seeds and stage files and writing exports wherever ddflow itself needs.
 */
async function openSandboxDatabase(options) {
    const writeDir = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.writeDir);
    const db = await openDatabase({
        ...options,
        path: ':memory:',
        settings: {
            ...options.settings,
            autoinstall_known_extensions: 'false',
            autoload_known_extensions: 'false',
            allow_community_extensions: 'false',
            allow_unsigned_extensions: 'false',
            // Spill files go to the scratch directory (the default, ./.tmp, would be allowed too).
            temp_directory: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(writeDir, 'spill'),
        },
    });
    try {
        await db.run(`SET allowed_paths = ${literalList(options.readPaths.map((p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(p)))}`);
        await db.run(`SET allowed_directories = ${literalList([writeDir + (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)])}`);
        await db.run('SET enable_external_access = false');
        await db.run('SET lock_configuration = true');
    }
    catch (err) {
        db.close();
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`Could not lock down the DuckDB database for workflow SQL: ${errorMessage(err)}`, { cause: err });
    }
    return db;
}
async function openDatabase(options = {}) {
    const duckdb = await (0,_duckdb_loader_js__WEBPACK_IMPORTED_MODULE_2__/* .loadDuckDB */ .GF)(options);
    opened++;
    const dbPath = options.path && options.path !== ':memory:' ? options.path : ':memory:';
    let instance;
    try {
        instance = await duckdb.DuckDBInstance.create(dbPath, options.settings);
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`Could not open the DuckDB database ${dbPath}: ${errorMessage(err)}`, { cause: err });
    }
    const connection = await instance.connect();
    return new DuckDBDatabase(dbPath, duckdb, instance, connection);
}
class DuckDBDatabase {
    path;
    duckdb;
    instance;
    connection;
    converter;
    constructor(path, duckdb, instance, connection) {
        this.path = path;
        this.duckdb = duckdb;
        this.instance = instance;
        this.connection = connection;
        this.converter = makeRowConverter(duckdb);
    }
    async run(sql, params) {
        await this.connection.run(sql, params);
    }
    async all(sql, params) {
        const reader = await this.connection.runAndReadAll(sql, params);
        const rows = reader.convertRowObjects(this.converter);
        parseJsonColumns(rows, jsonColumns(reader.deduplicatedColumnNames(), reader.columnTypes()));
        return rows;
    }
    async stream(sql, onChunk, params) {
        const result = await this.connection.stream(sql, params);
        const json = jsonColumns(result.deduplicatedColumnNames(), result.columnTypes());
        let total = 0;
        for await (const rows of result.yieldConvertedRowObjects(this.converter)) {
            if (rows.length === 0)
                continue;
            parseJsonColumns(rows, json);
            total += rows.length;
            await onChunk(rows);
        }
        return total;
    }
    async describe(sql) {
        const rows = await this.all(`DESCRIBE ${sql}`);
        return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
    }
    appender(table) {
        return this.connection.createAppender(table);
    }
    close() {
        this.connection.closeSync();
        this.instance.closeSync();
    }
}
/**
 * Names of the result's JSON-typed columns. The alias is only present on the result's column types
 * (the per-chunk vector types lose it), so JSON parsing happens per column after conversion.
 */
function jsonColumns(names, types) {
    return names.filter((_, i) => types[i]?.alias === 'JSON');
}
/** JSON-typed columns hold nested LLM output: hand it back as objects/arrays, not as JSON text. */
function parseJsonColumns(rows, columns) {
    if (columns.length === 0)
        return;
    for (const row of rows) {
        for (const c of columns) {
            const v = row[c];
            if (typeof v === 'string') {
                try {
                    row[c] = JSON.parse(v);
                }
                catch {
                    /* not valid JSON after all: keep the text */
                }
            }
        }
    }
}
/**
 * DuckDB values → plain JS: BIGINT becomes a number when it fits (counts, ids), timestamps/dates stay
 * Date objects, everything else as the JS converter of @duckdb/node-api makes it.
 */
function makeRowConverter(duckdb) {
    const { DuckDBTypeId, JSDuckDBValueConverter, createDuckDBValueConverter } = duckdb;
    const bigToNumber = (value) => {
        const b = value;
        const n = Number(b);
        return Number.isSafeInteger(n) ? n : b;
    };
    const byId = {};
    for (const id of Object.values(DuckDBTypeId)) {
        if (typeof id === 'number')
            byId[id] = (v, t, c) => JSDuckDBValueConverter(v, t, c);
    }
    for (const id of [DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]) {
        byId[id] = bigToNumber;
    }
    return createDuckDBValueConverter(byId);
}
/** `"name"` with embedded quotes doubled: safe for any user-supplied column or table name. */
function quoteIdent(name) {
    if (name.includes('\0'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`The name ${JSON.stringify(name)} contains a NUL character.`);
    return `"${name.replaceAll('"', '""')}"`;
}
/** `'text'` with embedded quotes doubled: for paths and other user strings placed inside SQL. */
function quoteLiteral(value) {
    if (value.includes('\0'))
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .DdflowError */ .Zq(`The value ${JSON.stringify(value)} contains a NUL character.`);
    return `'${value.replaceAll("'", "''")}'`;
}
/** `['a', 'b']`: a DuckDB list literal of strings (file lists for read_parquet). */
function literalList(values) {
    return `[${values.map(quoteLiteral).join(', ')}]`;
}
function errorMessage(err) {
    const m = err instanceof Error ? err.message : String(err);
    return m.split('\n')[0] ?? m;
}
/**
 * Parses SQL with DuckDB's own parser — nothing is bound or executed — and returns the number of
 * statements, or the first line of the parser's message (without the binding's prefix).
 */
async function parseSql(db, sql) {
    try {
        return { statements: (await db.connection.extractStatements(sql)).count };
    }
    catch (err) {
        return { error: errorMessage(err).replace(/^Failed to extract statements: /, '').split('\n')[0].trim() };
    }
}


/***/ }),

/***/ 99724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ asDatasetQuery),
/* harmony export */   BO: () => (/* binding */ countRows),
/* harmony export */   Cn: () => (/* binding */ parquetSource),
/* harmony export */   IX: () => (/* binding */ streamRows),
/* harmony export */   PL: () => (/* binding */ columnsOf),
/* harmony export */   aK: () => (/* binding */ readRows),
/* harmony export */   e: () => (/* binding */ runSqlOverDataset),
/* harmony export */   qd: () => (/* binding */ batchFileName),
/* harmony export */   r$: () => (/* binding */ exportDataset),
/* harmony export */   rP: () => (/* binding */ exportFormatOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94715);
/**
 * A stage output is a list of parquet files (one per row group). These helpers count, read, stream and
 * export such a list, and run the ddflow `sql` processor over it — all in DuckDB, so a dataset of
 * millions of rows never becomes a JavaScript array.
 */





/** `read_parquet([...])` over the files, in the given order; union_by_name tolerates column-order drift. */
function parquetSource(files) {
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('A dataset needs at least one parquet file.');
    return `read_parquet(${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .literalList */ .uG)(files)}, union_by_name = true)`;
}
async function countRows(db, files) {
    if (files.length === 0)
        return 0;
    const [row] = await db.all(`SELECT count(*) AS n FROM ${parquetSource(files)}`);
    return Number(row?.n ?? 0);
}
async function columnsOf(db, files) {
    if (files.length === 0)
        return [];
    return db.describe(`SELECT * FROM ${parquetSource(files)}`);
}
/** A window of rows in file order (for samples, summaries, seed serving). */
async function readRows(db, files, window = {}) {
    if (files.length === 0)
        return [];
    const limit = window.limit === undefined ? '' : ` LIMIT ${nonNegativeInt(window.limit, 'limit')}`;
    const offset = window.offset ? ` OFFSET ${nonNegativeInt(window.offset, 'offset')}` : '';
    return db.all(`SELECT * FROM ${parquetSource(files)}${limit}${offset}`);
}
/** Calls `onBatch` with consecutive batches of exactly `batchSize` rows (the last may be shorter). */
async function streamRows(db, files, batchSize, onBatch) {
    if (files.length === 0)
        return 0;
    const size = nonNegativeInt(batchSize, 'batchSize');
    if (size === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('batchSize must be at least 1.');
    let pending = [];
    const total = await db.stream(`SELECT * FROM ${parquetSource(files)}`, async (rows) => {
        for (const r of rows) {
            pending.push(r);
            if (pending.length === size) {
                const batch = pending;
                pending = [];
                await onBatch(batch);
            }
        }
    });
    if (pending.length > 0)
        await onBatch(pending);
    return total;
}
function exportFormatOf(outPath) {
    const ext = node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(outPath).toLowerCase();
    if (ext === '.jsonl')
        return 'jsonl';
    if (ext === '.csv')
        return 'csv';
    if (ext === '.parquet')
        return 'parquet';
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: the file must end in .jsonl, .csv or .parquet.`);
}
/**
 * Writes the whole dataset to one file, format chosen by extension, atomically. jsonl = one JSON
 * record per line with JSON columns kept nested and timestamps in ISO 8601 (as Data Designer's
 * `to_json(orient="records", lines=True, date_format="iso")`).
 */
async function exportDataset(db, files, outPath) {
    const format = exportFormatOf(outPath);
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: the dataset has no files.`);
    const columns = await columnsOf(db, files);
    const select = `SELECT ${columns.map((c) => exportExpression(c, format)).join(', ')} FROM ${parquetSource(files)}`;
    const options = format === 'jsonl' ? 'FORMAT json' : format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    const existing = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(outPath).catch(() => undefined);
    if (existing?.isDirectory())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: it is a directory; name a file ending in .${format}.`);
    try {
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .replaceAtomically */ .GA)(outPath, async (tmp) => {
            await db.run(`COPY (${select}) TO ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteLiteral */ .ce)(tmp)} (${options})`);
        });
    }
    catch (err) {
        const code = err.code;
        if (typeof code !== 'string')
            throw err;
        const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its directory path is a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err);
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot export to ${outPath}: ${reason}.`, { cause: err });
    }
    return { rows: await countRows(db, files), path: outPath };
}
function exportExpression(c, format) {
    const id = (0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(c.name);
    if (format !== 'parquet' && /^TIMESTAMP( WITH TIME ZONE)?$/.test(c.type)) {
        // DuckDB's default text form is `2024-01-02 03:04:05`; pandas' ISO form has a `T` and milliseconds.
        const fmt = c.type === 'TIMESTAMP' ? '%Y-%m-%dT%H:%M:%S.%g' : '%Y-%m-%dT%H:%M:%S.%g%z';
        return `strftime(${id}, ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteLiteral */ .ce)(fmt)}) AS ${id}`;
    }
    return id;
}
/**
 * The ddflow `sql` processor: `query` sees the dataset as table `dataset`; its result is written to
 * `outDir/batch_00000.parquet ...` (rowGroupSize rows each; an empty result still gets one file so the
 * columns survive). Returns the written files in order.
 *
 * The query comes from the workflow file, which may be untrusted (a pull request): it runs in its own
 * locked-down DuckDB instance (openSandboxDatabase) that can read only the dataset's files and write only
 * a fresh scratch directory inside `outDir`; the results are renamed into place from there. `db` (the
 * run's shared database) lends its memory and thread limits.
 */
async function runSqlOverDataset(db, files, query, outDir, options = {}) {
    const size = options.rowGroupSize ?? 1000;
    if (!Number.isInteger(size) || size < 1)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq('rowGroupSize must be a positive integer.');
    const who = options.processorName ? `The sql processor '${options.processorName}'` : 'The sql query';
    const inputs = files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(f));
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(outDir, { recursive: true });
    const scratch = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, '.ddflow-sql-'));
    try {
        const limits = await db
            .all("SELECT current_setting('threads')::VARCHAR AS threads, current_setting('memory_limit')::VARCHAR AS memory_limit")
            .then(([r]) => (r ? { threads: r.threads, memory_limit: r.memory_limit } : {}))
            .catch(() => ({}));
        const sandbox = await (0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .openSandboxDatabase */ .N0)({ readPaths: inputs, writeDir: scratch, settings: limits });
        try {
            const result = 'ddflow_sql_result';
            await sandbox.run(`CREATE TEMP VIEW dataset AS SELECT * FROM ${parquetSource(inputs)}`);
            try {
                await sandbox.run(`CREATE TEMP TABLE ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(result)} AS ${asDatasetQuery(query)}`);
            }
            catch (err) {
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`${who} failed: ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`, { cause: err });
            }
            const [row] = await sandbox.all(`SELECT count(*) AS n FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(result)}`);
            const total = Number(row?.n ?? 0);
            const batches = Math.max(1, Math.ceil(total / size));
            const staged = [];
            for (let b = 0; b < batches; b++) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(scratch, batchFileName(b));
                // rowid of a temp table created by CTAS follows insertion order, so ranges keep the query's order.
                const slice = `SELECT * FROM ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(result)} WHERE rowid >= ${b * size} AND rowid < ${(b + 1) * size} ORDER BY rowid`;
                await sandbox.run(`COPY (${slice}) TO ${(0,_database_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteLiteral */ .ce)(file)} (FORMAT parquet)`);
                staged.push(file);
            }
            await removeBatchFiles(outDir);
            const written = [];
            for (const [b, from] of staged.entries()) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, batchFileName(b));
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(from, file);
                written.push(file);
            }
            return written;
        }
        finally {
            sandbox.close();
        }
    }
    finally {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(scratch, { recursive: true, force: true });
    }
}
/** `batch_00000.parquet`, as Data Designer names row-group files. */
function batchFileName(index) {
    return `batch_${String(index).padStart(5, '0')}.parquet`;
}
async function removeBatchFiles(dir) {
    for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir)) {
        if (/^batch_\d{5,}\.parquet$/.test(name))
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), { force: true });
    }
}
/**
 * How a `sql` processor's query is run: as a subquery whose result replaces the dataset. The newline
 * keeps a query that ends in a `-- comment` from commenting out the closing parenthesis.
 */
function asDatasetQuery(query) {
    return `SELECT * FROM (${query.trim().replace(/;+\s*$/, '')}\n)`;
}
function nonNegativeInt(n, what) {
    if (!Number.isInteger(n) || n < 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`${what} must be a non-negative integer, got ${n}.`);
    return n;
}


/***/ }),

/***/ 21293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ DUCKDB_DIR_ENV),
/* harmony export */   GF: () => (/* binding */ loadDuckDB),
/* harmony export */   QB: () => (/* binding */ duckdbBindings),
/* harmony export */   pc: () => (/* binding */ DUCKDB_VERSION)
/* harmony export */ });
/* unused harmony exports DUCKDB_PACKAGE, forgetLoadedDuckDB, installMarkerPath */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(94851);
/**
 * How ddflow gets DuckDB.
 *
 * WHY not bundle it: `@duckdb/node-api` ships a native addon plus a ~70 MB `libduckdb.so` per
 * platform. ncc would copy the binary of the machine it ran on (linux-x64) into `dist/`, so the Action
 * would break on arm64 runners, and a 70 MB file in git is a real cost (GitHub warns above 50 MB).
 *
 * WHY install at run time from npm: the npm registry has a prebuilt binding for every platform we run
 * on (`@duckdb/node-bindings-linux-x64`, `-linux-arm64`, ...) and npm picks the right one by itself.
 * Installing the pinned version takes ~3-10 s and the directory can be kept in the runner's tool cache
 * (or the Actions cache, keyed on version + OS + arch), so it is paid once per runner image.
 *
 * Order: (1) a plain `import('@duckdb/node-api')`, resolved from the nearest node_modules — the CLI,
 * tests, and an Action running in a workspace that already has the package; (2) when that fails and an
 * `installDir` is given, `npm install --no-save --prefix <installDir> @duckdb/node-api@<version>` once
 * (a marker file records success; a lock directory keeps concurrent processes from installing twice),
 * then load it through `createRequire(<installDir>/package.json).resolve(...)`.
 *
 * The specifiers are variables and the imports carry `webpackIgnore`, so ncc neither bundles DuckDB
 * nor replaces the import with a stub that always throws; `ncc -e @duckdb/node-api` is belt and braces.
 */






/** The one place the DuckDB version is pinned (must equal package.json's dependency). */
const DUCKDB_VERSION = '1.5.6-r.1';
const DUCKDB_PACKAGE = '@duckdb/node-api';
const loaded = new Map();
/** Names the install directory when no caller passes one (the Action sets it to a tool-cache path). */
const DUCKDB_DIR_ENV = 'DDFLOW_DUCKDB_DIR';
function loadDuckDB(options = {}) {
    if (options.installDir === undefined && process.env[DUCKDB_DIR_ENV])
        options = { ...options, installDir: process.env[DUCKDB_DIR_ENV] };
    const key = `${options.skipLocal ? 'install' : 'auto'}:${options.installDir ?? ''}`;
    let p = loaded.get(key);
    if (!p) {
        p = loadUncached(options);
        loaded.set(key, p);
        p.catch(() => loaded.delete(key));
    }
    return p;
}
/** Tests only: forget loaded modules so the next call goes through resolution/installation again. */
function forgetLoadedDuckDB() {
    loaded.clear();
}
async function loadUncached(options) {
    let localError;
    if (!options.skipLocal) {
        try {
            return normalise(await importLocal());
        }
        catch (err) {
            localError = err;
        }
    }
    if (!options.installDir) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`DuckDB (${DUCKDB_PACKAGE}@${DUCKDB_VERSION}) could not be loaded from node_modules and no install directory was given.`, { cause: localError });
    }
    const installDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(options.installDir);
    await ensureInstalled(installDir, options);
    return normalise(await importFrom(installDir));
}
async function importLocal() {
    const specifier = DUCKDB_PACKAGE;
    return import(/* webpackIgnore: true */ specifier);
}
async function importFrom(installDir) {
    const req = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, 'package.json'));
    const specifier = DUCKDB_PACKAGE;
    const resolved = req.resolve(specifier);
    const url = (0,node_url__WEBPACK_IMPORTED_MODULE_4__.pathToFileURL)(resolved).href;
    return import(/* webpackIgnore: true */ url);
}
/** The package is CommonJS: depending on how Node's CJS lexer fares, names sit on the namespace or on `default`. */
function normalise(ns) {
    const m = ns;
    if (typeof m.DuckDBInstance === 'function')
        return m;
    const d = m.default;
    if (d && typeof d.DuckDBInstance === 'function')
        return d;
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`The module loaded as ${DUCKDB_PACKAGE} does not look like DuckDB's Node API.`);
}
let bindings;
/**
 * The native bindings node-api loaded, wherever it was loaded from (node_modules or the install
 * directory): node-api is CommonJS, so its `require('@duckdb/node-bindings')` sits in the shared
 * require cache. Null when it is not there (then callers use node-api's public API only).
 */
function duckdbBindings() {
    if (bindings !== undefined)
        return bindings;
    bindings = null;
    try {
        const cache = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(import.meta.url).cache;
        for (const [key, mod] of Object.entries(cache)) {
            if (!/[\\/]@duckdb[\\/]node-bindings[\\/]duckdb\.js$/.test(key))
                continue;
            const b = mod?.exports;
            if (typeof b?.copy_data_to_vector === 'function' && typeof b.data_chunk_get_vector === 'function')
                bindings = b;
            break;
        }
    }
    catch {
        bindings = null;
    }
    return bindings;
}
function installMarkerPath(installDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, `.ddflow-duckdb-${DUCKDB_VERSION}.installed`);
}
async function ensureInstalled(installDir, options) {
    const marker = installMarkerPath(installDir);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
        return;
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(installDir, { recursive: true });
    const lockDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(installDir, '.ddflow-duckdb-install.lock');
    const deadline = Date.now() + (options.lockTimeoutMs ?? 300_000);
    // mkdir is atomic: whoever creates the lock installs, the others wait for the marker.
    for (;;) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(lockDir);
            break;
        }
        catch (err) {
            if (err.code !== 'EEXIST')
                throw err;
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
                return;
            const age = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
            // A lock older than the timeout belongs to a process that died mid-install: take it over.
            if (age > (options.lockTimeoutMs ?? 300_000)) {
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lockDir, { recursive: true, force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Timed out waiting for another process to install DuckDB into ${installDir}.`);
            }
            await new Promise((r) => setTimeout(r, 250));
        }
    }
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(marker))
            return;
        options.log?.(`Installing ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} into ${installDir}`);
        await runNpmInstall(installDir);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(marker, `${DUCKDB_PACKAGE}@${DUCKDB_VERSION} ${process.platform}-${process.arch}\n`);
    }
    finally {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lockDir, { recursive: true, force: true });
    }
}
function runNpmInstall(installDir) {
    const args = [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefix',
        installDir,
        `${DUCKDB_PACKAGE}@${DUCKDB_VERSION}`,
    ];
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
            stdio: ['ignore', 'ignore', 'pipe'],
            env: process.env,
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr = (stderr + d.toString()).slice(-4000);
        });
        const timer = setTimeout(() => child.kill('SIGTERM'), 600_000);
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Could not run npm to install DuckDB: ${err.message}.`, { cause: err }));
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (code === 0)
                resolve();
            else {
                const tail = stderr.trim().split('\n').slice(-3).join(' | ');
                reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .DdflowError */ .Zq(`Installing ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} with npm failed (exit ${code}): ${tail}`));
            }
        });
    });
}


/***/ }),

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
const batchPath = (dir, sub, index) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, sub, (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_4__/* .batchFileName */ .qd)(index));
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
/* harmony export */   k4: () => (/* binding */ keptRowCount)
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
        return await (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_2__/* .countRows */ .BO)(db, [file]);
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
    for (const b of previous.ddflow_batches ?? []) {
        if ((await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, b.file))) !== b.num_records)
            continue;
        const sideFiles = [...(b.dropped_columns_file ? [b.dropped_columns_file] : []), ...Object.values(b.processor_files ?? {})];
        let intact = true;
        for (const f of sideFiles) {
            if ((await rowsIn(db, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageDir, f))) === undefined) {
                intact = false;
                break;
            }
        }
        if (intact)
            kept.set(b.index, b);
    }
    return kept;
}
/** Rows a resume of the stage in `stageDir` would keep (for the plan), read from its metadata.json. */
async function keptRowCount(db, stageDir, bufferSize, seed) {
    if (seed === undefined)
        return 0;
    const kept = await keptRowGroups(db, stageDir, await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .readMetadata */ ._6)(stageDir), bufferSize, seed);
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

/***/ 80013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FY: () => (/* reexport */ CallCache),
  w: () => (/* reexport */ LlmFacade),
  dv: () => (/* reexport */ SKIP_HEALTH_CHECKS_ENV),
  ZJ: () => (/* reexport */ buildModelRegistry),
  T4: () => (/* reexport */ builtin_models/* builtinModelConfig */.T),
  aj: () => (/* reexport */ checkModelHealth),
  _z: () => (/* reexport */ healthChecksDisabled),
  ed: () => (/* reexport */ retryPolicyFromEnv)
});

// UNUSED EXPORTS: AdmissionController, BUILTIN_MODEL_CONFIGS, BUILTIN_PROVIDERS, DEFAULT_RETRY_POLICY, EarlyShutdownMonitor, HEALTH_CHECK_TIMEOUT_MS, LlmError, ModelRegistry, ParserError, UsageMeter, admissionSettings, callKey, chatRequestBody, classifyError, codeRecipe, codeSyntax, composeUserPrompt, displayEndpoint, drawParameter, embeddingInputs, imageBlocks, imageItems, imageUrl, initialMessages, isEnvVariableName, isRetryableKind, isTransientLoss, judgeRecipe, mergeProviders, modelKind, resolveApiKey, retryAfterMs, structuredRecipe, textRecipe, transientLossMessage, withRetries

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
 *   cut (counted, not consecutive: one 429 among many successes does not reset the count).
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
            const onAbort = () => {
                const i = this.waiters.indexOf(waiter);
                if (i >= 0)
                    this.waiters.splice(i, 1);
                reject(new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.'));
            };
            const waiter = { grant: resolve, fail: reject, cleanup: () => signal?.removeEventListener('abort', onAbort) };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.waiters.push(waiter);
            this.pump();
        });
    }
    pump() {
        const now = Date.now();
        if (now < this.blockedUntil)
            return this.wakeAt(this.blockedUntil - now);
        const limit = this.effectiveLimit(now);
        while (this.waiters.length > 0 && this.inFlight < limit) {
            const w = this.waiters.shift();
            w.cleanup();
            w.grant(this.permit());
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
            if (this.successes >= this.settings.successesUntilIncrease) {
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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/llm/call-cache.ts
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
    return (0,external_node_crypto_.createHash)('sha256').update(canonical({ v: 1, ...parts })).digest('hex');
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
        if (!enabled || !external_node_fs_default().existsSync(dir))
            return cache;
        for (const name of external_node_fs_default().readdirSync(dir).sort()) {
            if (!/^calls-.*\.jsonl$/.test(name))
                continue;
            const text = external_node_fs_default().readFileSync(external_node_path_default().join(dir, name), 'utf8');
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
        if (!external_node_fs_default().existsSync(dir))
            return out;
        for (const name of external_node_fs_default().readdirSync(dir)) {
            if (!/^calls-.*\.jsonl$/.test(name))
                continue;
            for (const line of external_node_fs_default().readFileSync(external_node_path_default().join(dir, name), 'utf8').split('\n')) {
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
            external_node_fs_default().mkdirSync(this.dir, { recursive: true });
            const name = `calls-${Date.now()}-${process.pid}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}.jsonl`;
            this.fd = external_node_fs_default().openSync(external_node_path_default().join(this.dir, name), 'a');
        }
        external_node_fs_default().writeSync(this.fd, `${JSON.stringify(record)}\n`);
    }
    close() {
        if (this.fd !== null) {
            external_node_fs_default().closeSync(this.fd);
            this.fd = null;
        }
    }
}

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/shared/random.ts
var random = __webpack_require__(13014);
// EXTERNAL MODULE: ./src/llm/recipes.ts + 3 modules
var recipes = __webpack_require__(87277);
;// CONCATENATED MODULE: ./src/llm/redact.ts
/**
 * Removing an API key from text that came from a provider: error messages (some servers echo the
 * credential back) and model answers (a model can repeat what it was given). Not only the whole key:
 * any fragment of it of {@link MIN_FRAGMENT} characters or more, and the same in the encodings a key is
 * usually seen in (base64 at any byte alignment, standard and URL-safe, as in Basic auth headers; hex;
 * URL-encoding). The runner of a GitHub job masks only the whole key, so a fragment must never get out.
 */
/** What a removed key (or fragment) is replaced by. */
const REDACTED = '[REDACTED]';
/** The shortest fragment of a key, in characters of the key, that is removed. */
const MIN_FRAGMENT = 12;
/** A key shorter than this is a placeholder (`EMPTY`, `none`), not a secret: it is not removed from answers. */
const MIN_ANSWER_SECRET_LENGTH = 8;
/** The longest provider error text kept in a message (after redaction). */
const MAX_SERVER_TEXT = 200;
/** The characters of base64(prefix + key) that depend on the key's bytes only, for a prefix of `offset` bytes. */
function base64Core(key, offset) {
    const enc = Buffer.concat([Buffer.alloc(offset), key]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + key.length)) / 6);
    return enc.slice(first, end);
}
function formsOf(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const forms = [{ text: secret, min: MIN_FRAGMENT }];
    const url = encodeURIComponent(secret);
    if (url !== secret)
        forms.push({ text: url, min: MIN_FRAGMENT });
    const hex = bytes.toString('hex');
    forms.push({ text: hex, min: 2 * MIN_FRAGMENT }, { text: hex.toUpperCase(), min: 2 * MIN_FRAGMENT });
    for (let offset = 0; offset < 3; offset++) {
        const core = base64Core(bytes, offset);
        // 12 characters of the key are 16 of base64.
        forms.push({ text: core, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
        const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
        if (urlSafe !== core)
            forms.push({ text: urlSafe, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
    }
    return forms;
}
/** Finds keys (and fragments) in text; built once per key. */
class SecretRedactor {
    /** Window length → every substring of that length of some form. */
    grams = new Map();
    /** Whole forms too short for a fragment window (a short key is still removed whole). */
    wholes = [];
    constructor(secret) {
        // A key read with a stray newline or space is echoed without it.
        secret = secret.trim();
        for (const form of formsOf(secret)) {
            if (form.text.length === 0)
                continue;
            if (form.text.length < form.min) {
                // Only the raw key is removed whole when short; encodings of a short key are too short to matter.
                if (form.text === secret)
                    this.wholes.push(secret);
                continue;
            }
            let set = this.grams.get(form.min);
            if (!set)
                this.grams.set(form.min, (set = new Set()));
            for (let i = 0; i + form.min <= form.text.length; i++)
                set.add(form.text.slice(i, i + form.min));
        }
        // The key base64-encoded on its own, padding included, goes as one piece (no stray `A==` left).
        const b64 = Buffer.from(secret, 'utf8').toString('base64');
        if (secret.length >= MIN_FRAGMENT)
            this.wholes.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    /** The text with every occurrence replaced by {@link REDACTED}, and how many runs were replaced. */
    redact(text) {
        if (text.length === 0)
            return { text, count: 0 };
        const hit = new Uint8Array(text.length);
        let any = false;
        for (const [len, set] of this.grams) {
            for (let i = 0; i + len <= text.length; i++) {
                if (set.has(text.slice(i, i + len))) {
                    hit.fill(1, i, i + len);
                    any = true;
                }
            }
        }
        for (const whole of this.wholes) {
            for (let i = text.indexOf(whole); i >= 0; i = text.indexOf(whole, i + 1)) {
                hit.fill(1, i, i + whole.length);
                any = true;
            }
        }
        if (!any)
            return { text, count: 0 };
        let out = '';
        let count = 0;
        for (let i = 0; i < text.length;) {
            if (hit[i]) {
                while (i < text.length && hit[i])
                    i++;
                out += REDACTED;
                count++;
            }
            else {
                let j = i;
                while (j < text.length && !hit[j])
                    j++;
                out += text.slice(i, j);
                i = j;
            }
        }
        return { text: out, count };
    }
}
const redactors = new Map();
/** The redactor of `secret` (cached: a run has a handful of keys). */
function redactorFor(secret) {
    let r = redactors.get(secret);
    if (!r) {
        if (redactors.size > 64)
            redactors.clear();
        redactors.set(secret, (r = new SecretRedactor(secret)));
    }
    return r;
}
/** `text` without the key (nor any fragment or encoding of it). */
function redactSecret(text, secret) {
    return secret && secret.trim() !== '' ? redactorFor(secret).redact(text).text : text;
}
/**
 * Provider-supplied text as put in a message: the key removed first, then cut to
 * {@link MAX_SERVER_TEXT} characters (cutting first could split the key and leave a fragment the
 * redaction no longer recognises).
 */
function redact_serverText(text, secret) {
    const clean = redactSecret(text, secret);
    return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT)}…` : clean;
}
/**
 * A model answer with the key removed. Placeholder keys shorter than {@link MIN_ANSWER_SECRET_LENGTH}
 * are left alone (removing `EMPTY` from answers would damage data and protect nothing).
 */
function redactAnswer(text, secret) {
    if (!secret || secret.trim().length < MIN_ANSWER_SECRET_LENGTH)
        return { text, count: 0 };
    return redactorFor(secret).redact(text);
}

// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(98193);
;// CONCATENATED MODULE: ./src/llm/retry.ts
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
    if (err instanceof errors/* LlmError */.Cf)
        return err;
    const where = `provider '${ctx.provider}' (model '${ctx.model}')`;
    if (err instanceof openai/* APIUserAbortError */.cH)
        return new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.');
    if (err instanceof openai/* APIConnectionTimeoutError */.qA)
        return new errors/* LlmError */.Cf('timeout', `The request to ${where} timed out.`);
    if (err instanceof openai/* APIConnectionError */.xX)
        return new errors/* LlmError */.Cf('connection', `Could not connect to ${where}.`);
    if (err instanceof openai/* APIError */.LG && typeof err.status === 'number') {
        const status = err.status;
        const serverText = redact_serverText(String(err.error?.message ?? err.message ?? ''), ctx.secret);
        const opts = { status };
        if (status === 401) {
            const hint = ctx.keyVariable ? ` (check the variable ${ctx.keyVariable})` : '';
            return new errors/* LlmError */.Cf('authentication', `Authentication failed for provider '${ctx.provider}'${hint}.`, opts);
        }
        if (status === 403)
            return new errors/* LlmError */.Cf('permission', `Permission denied by ${where}.`, opts);
        if (status === 404)
            return new errors/* LlmError */.Cf('not_found', `Model '${ctx.model}' was not found at provider '${ctx.provider}' (404).`, opts);
        if (status === 408)
            return new errors/* LlmError */.Cf('timeout', `The request to ${where} timed out (408).`, opts);
        if (status === 413 || (status === 400 && /context|too long|maximum.*tokens/i.test(serverText))) {
            return new errors/* LlmError */.Cf('context_window', `The prompt is too long for the context window of ${where}: ${serverText}`, opts);
        }
        if (status === 429) {
            if (/insufficient_quota|quota/i.test(serverText))
                return new errors/* LlmError */.Cf('quota', `The quota of ${where} is exhausted: ${serverText}`, opts);
            return new errors/* LlmError */.Cf('rate_limit', `Rate limited by ${where}.`, { status, retryAfterMs: retryAfterMs(err.headers) });
        }
        if (status === 422)
            return new errors/* LlmError */.Cf('unprocessable', `${where} could not process the request (422): ${serverText}`, opts);
        if (status >= 500)
            return new errors/* LlmError */.Cf('server_error', `${where} returned a server error (${status}).`, opts);
        return new errors/* LlmError */.Cf('bad_request', `${where} rejected the request (${status}): ${serverText}`, opts);
    }
    if (err instanceof SyntaxError)
        return new errors/* LlmError */.Cf('malformed_response', `The response from ${where} was not valid JSON.`);
    const message = err instanceof Error ? err.message : String(err);
    return new errors/* LlmError */.Cf('other', `The call to ${where} failed: ${redact_serverText(message, ctx.secret)}`);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.'));
        const onAbort = () => {
            clearTimeout(t);
            reject(new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.'));
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
            throw new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.');
        const permit = await admission.acquire(signal);
        let error;
        try {
            const result = await call();
            permit.release('success');
            return result;
        }
        catch (err) {
            error = signal?.aborted ? new errors/* LlmError */.Cf('cancelled', 'The model call was cancelled.') : classifyError(err, context);
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
                throw giveUp(new errors/* LlmError */.Cf('rate_limit_stall', `The endpoint ${endpoint} (model '${context.model}') answered nothing but 429 (rate limited) for ${seconds} s (run_config.rate_limit_stall_seconds: ${stall / 1000}).`, {
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
const empty = () => ({ calls: 0, cachedCalls: 0, retries: 0, promptTokens: 0, completionTokens: 0 });
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
            }
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
;// CONCATENATED MODULE: ./src/llm/facade.ts
/**
 * One model-backed cell: `generate` (chat completion + recipe, with Data Designer's correction steps and
 * conversation restarts) and `embed`. Every HTTP call goes through the call cache, admission control and
 * the retry policy, and is counted in the UsageMeter.
 */









const block = (text) => [{ type: 'text', text }];
function stripOrNull(text) {
    if (typeof text !== 'string')
        return null;
    const t = text.trim();
    return t === '' ? null : t;
}
function initialMessages(userPrompt, systemPrompt, images = []) {
    const out = [];
    // A system message only when a system prompt is given (Data Designer sends none otherwise).
    if (systemPrompt !== null && systemPrompt !== undefined)
        out.push({ role: 'system', content: block(systemPrompt) });
    out.push({ role: 'user', content: [...block(userPrompt), ...images] });
    return out;
}
/** The request body as Data Designer sends it: drawn parameters, no `n`, extra_body at top level. */
function chatRequestBody(endpoint, messages, rng) {
    const body = {
        model: endpoint.model,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
    };
    const temperature = drawParameter(endpoint.params.temperature, rng);
    const topP = drawParameter(endpoint.params.top_p, rng);
    if (temperature !== undefined)
        body.temperature = temperature;
    if (topP !== undefined)
        body.top_p = topP;
    if (endpoint.params.max_tokens != null)
        body.max_tokens = endpoint.params.max_tokens;
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
    /** run_config.rate_limit_stall_seconds (default 600) in ms. */
    rateLimitStallMs;
    constructor(registry, options = {}) {
        this.registry = registry;
        this.callCache = options.callCache ?? CallCache.disabled();
        this.usage = options.usage ?? new UsageMeter();
        this.runConfig = options.runConfig ?? {};
        this.conversationLimits = (0,defaults/* runConfigWithDefaults */.g)(this.runConfig);
        this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
        this.deadline = options.deadline;
        this.rateLimitStallMs = (this.runConfig.rate_limit_stall_seconds ?? DEFAULT_RATE_LIMIT_STALL_SECONDS) * 1000;
    }
    /** One HTTP call (or cache hit) for `body`; counts retries and usage. */
    async complete(endpoint, body, req, tally) {
        const key = callKey({ identity: endpoint.identity, body, recordKey: req.recordKey, attempt: req.attempt });
        const cached = this.callCache.get(key);
        if (cached && 'content' in cached) {
            tally.hits++;
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
            return cached;
        }
        // Converting inside the retried call: a 200 without a message is retried like any transport glitch.
        const completion = await withRetries(async () => toCompletion(await endpoint.client.chat.completions.create(body, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint), {
            admission: endpoint.admission,
            policy: this.retryPolicy,
            context: endpoint.errorContext,
            signal: req.signal,
            deadline: this.deadline,
            rateLimitStallMs: this.rateLimitStallMs,
            onNotice: req.onNotice,
            onRetry: () => {
                tally.retries++;
                this.usage.recordRetry(endpoint.alias, req.column);
            },
        });
        const clean = withoutSecret(completion, endpoint.errorContext.secret);
        if (clean !== completion)
            tally.redacted = (tally.redacted ?? 0) + 1;
        this.callCache.put(key, clean);
        this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: false, ...clean.usage });
        return clean;
    }
    async generate(req) {
        const endpoint = this.registry.get(req.alias);
        if (endpoint.kind !== 'chat')
            throw new errors/* LlmError */.Cf('bad_request', `Model alias '${req.alias}' is not a chat-completion model.`);
        const { max_conversation_correction_steps: maxCorrections, max_conversation_restarts: maxRestarts } = this.conversationLimits;
        const start = initialMessages((0,recipes/* composeUserPrompt */.k0)(req.prompt, req.recipe), req.systemPrompt, req.images);
        let messages = start.map((m) => ({ ...m }));
        const tally = { retries: 0, hits: 0, redacted: 0 };
        const usage = { prompt: 0, completion: 0 };
        let attempt = 0;
        let parseAttempts = 0;
        let corrections = 0;
        let restarts = 0;
        for (;;) {
            const body = chatRequestBody(endpoint, messages, req.rng);
            const completion = await this.complete(endpoint, body, { recordKey: req.recordKey, attempt, column: req.column, signal: req.signal, onNotice: req.onNotice }, tally);
            attempt++;
            usage.prompt += completion.usage.prompt;
            usage.completion += completion.usage.completion;
            const raw = (completion.content ?? '').trim();
            const reasoning = stripOrNull(completion.reasoning);
            messages.push({ role: 'assistant', content: block(raw), ...(reasoning ? { reasoning_content: reasoning } : {}) });
            parseAttempts++;
            try {
                const value = req.recipe.parse(raw);
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
                    messages = start.map((m) => ({ ...m }));
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
        const key = callKey({ identity: endpoint.identity, body, recordKey: req.recordKey ?? '', attempt: 0 });
        let answer = this.callCache.get(key);
        if (answer && 'embeddings' in answer) {
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
        }
        else {
            answer = await withRetries(async () => toEmbedding(await endpoint.client.embeddings.create(body, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint), {
                admission: endpoint.admission,
                policy: this.retryPolicy,
                context: endpoint.errorContext,
                signal: req.signal,
                deadline: this.deadline,
                rateLimitStallMs: this.rateLimitStallMs,
                onNotice: req.onNotice,
                onRetry: () => this.usage.recordRetry(endpoint.alias, req.column),
            });
            this.callCache.put(key, answer);
            this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: false, ...answer.usage });
        }
        return { embeddings: answer.embeddings, num_embeddings: answer.embeddings.length, dimension: answer.embeddings[0]?.length ?? 0 };
    }
}
/**
 * The answer with the provider's API key (or a fragment or encoding of it) replaced by [REDACTED]:
 * a model that repeats the key must not get it into a dataset, a trace or the call store. The same
 * object when there was nothing to remove.
 */
function withoutSecret(completion, secret) {
    const content = completion.content === null ? null : redactAnswer(completion.content, secret);
    const reasoning = completion.reasoning === null ? null : redactAnswer(completion.reasoning, secret);
    if (!content?.count && !reasoning?.count)
        return completion;
    return { ...completion, content: content ? content.text : null, reasoning: reasoning ? reasoning.text : null };
}
function secretInAnswerWarning(endpoint) {
    const key = endpoint.keyVariable ? `the API key of provider '${endpoint.provider.name}' (variable ${endpoint.keyVariable})` : `the API key of provider '${endpoint.provider.name}'`;
    return `A model answer of alias '${endpoint.alias}' contained ${key}, or a part of it; it was replaced by ${REDACTED} before being stored.`;
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
    return { embeddings: data.map((d) => decodeEmbedding(d.embedding)), usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: 0 } };
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
    const reasoning = typeof message.reasoning === 'string' && message.reasoning.trim() !== '' ? message.reasoning : typeof message.reasoning_content === 'string' ? message.reasoning_content : null;
    return {
        content: typeof message.content === 'string' ? message.content : null,
        reasoning,
        usage: { prompt: r.usage?.prompt_tokens ?? 0, completion: r.usage?.completion_tokens ?? 0 },
    };
}

// EXTERNAL MODULE: ./src/llm/providers.ts
var llm_providers = __webpack_require__(64689);
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
        const answer = await withRetries(async () => toEmbedding(await endpoint.client.embeddings.create(body, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
        if (answer.embeddings.length === 0 || answer.embeddings[0].length === 0)
            throw failure(endpoint, 'the reply held no embedding');
        return answer.usage;
    }
    // The same body a generation would send (inference parameters, extra_body), so a provider that
    // rejects a parameter fails here too. Fixed stream: the check is the same on every run.
    const messages = initialMessages(HEALTH_CHECK_PROMPT, HEALTH_CHECK_SYSTEM_PROMPT);
    const body = chatRequestBody(endpoint, messages, (0,random/* cellRng */.Kl)(0, 'health-check', endpoint.alias, 0));
    const answer = await withRetries(async () => toCompletion(await endpoint.client.chat.completions.create(body, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
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
    const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
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
        if ((provider.provider_type ?? 'openai').toLowerCase() !== 'openai') {
            throw new diagnostics/* DdflowError */.Zq(`Provider '${provider.name}' has provider_type '${provider.provider_type}'; ddflow supports only OpenAI-compatible providers ('openai').`);
        }
        let entry = clients.get(provider.name);
        if (!entry) {
            const key = (0,llm_providers/* resolveApiKey */.kv)(provider, options.env ?? process.env);
            const client = new openai/* default */.Ay({
                // Without a key the client would fall back to OPENAI_API_KEY from the environment: give it a
                // placeholder and remove the Authorization header instead (Data Designer sends none).
                apiKey: key ?? 'no-key',
                baseURL: provider.endpoint.replace(/\/+$/, ''),
                maxRetries: 0,
                defaultHeaders: { ...(provider.extra_headers ?? {}), ...(key === null ? { Authorization: null } : {}) },
            });
            entry = { client, key };
            clients.set(provider.name, entry);
        }
        const params = config.inference_parameters ?? {};
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
            keyVariable: provider.api_key ?? null,
            timeoutMs: params.timeout != null ? params.timeout * 1000 : (options.defaultTimeoutMs ?? 60_000),
            extraBody: { ...(params.extra_body ?? {}), ...(provider.extra_body ?? {}) },
            admission,
            errorContext: { provider: provider.name, model: config.model, endpoint: (0,llm_providers/* displayEndpoint */.OI)(provider.endpoint), keyVariable: provider.api_key ?? null, secret: entry.key },
            skipHealthCheck: config.skip_health_check === true,
        });
    }
    return new ModelRegistry(endpoints);
}

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
/* harmony export */   Ix: () => (/* binding */ imageBlocks)
/* harmony export */ });
/* unused harmony exports imageItems, imageUrl */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/* harmony import */ var _list_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67546);
/**
 * `multi_modal_context` of LLM columns (Data Designer §2.3): images from other columns of the row, sent
 * as `image_url` blocks after the prompt's text block in the user message. A URL (http(s):// or an
 * existing data: URI) is sent as it is; base64 data becomes a data URI. Only images: audio and video
 * contexts are rejected when the config is validated.
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
/** The image blocks of one row, in the order of the contexts and of each cell's items. */
function imageBlocks(contexts, row) {
    const out = [];
    for (const context of contexts ?? []) {
        const modality = context.modality ?? 'image';
        // Validation rejects these; a config built in code must not silently lose its context.
        if (modality !== 'image')
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`multi_modal_context modality '${modality}' is not supported by ddflow (only image).`);
        for (const item of imageItems(row[context.column_name]))
            out.push({ type: 'image_url', image_url: { url: imageUrl(item, context) } });
    }
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49968);
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
/** Failures that say nothing about the row: the provider was unreachable, overloaded or rate limiting. */
const TRANSIENT = new Set(['rate_limit', 'rate_limit_stall', 'timeout', 'server_error', 'connection', 'malformed_response']);
/**
 * True when `err` lost its row only for now (connection refused/reset, timeout, 5xx, 429 — after the
 * retry budget): the row must be generated again by a rerun, not dropped. Validation and parse failures
 * after corrections and 4xx other than 408/429 are permanent: Data Designer's drops.
 */
function isTransientLoss(err) {
    return err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf && TRANSIENT.has(err.kind);
}
/**
 * The stage's one sentence when rows were lost to a transient cause: how many, why (the first such
 * error), and that a plain rerun generates the rest.
 */
function transientLossMessage(stage, missing, total, err) {
    const o = err.origin;
    const where = o ? `the provider at ${o.endpoint} (model '${o.model}')` : 'the provider';
    const why = err.kind === 'rate_limit_stall' && o ? `${where} ${o.detail}` : `${where} failed (${o ? `${o.detail} after ${o.retries} ${o.retries === 1 ? 'retry' : 'retries'}` : err.kind})`;
    return `Stage '${stage}': ${missing} of ${total} rows could not be generated because ${why}; completed row groups are kept — run again to generate the rest.`;
}


/***/ }),

/***/ 64689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ BUILTIN_PROVIDERS),
/* harmony export */   OI: () => (/* binding */ displayEndpoint),
/* harmony export */   kv: () => (/* binding */ resolveApiKey),
/* harmony export */   zM: () => (/* binding */ mergeProviders)
/* harmony export */ });
/* unused harmony export isEnvVariableName */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/**
 * Model providers: Data Designer's built-ins plus the workflow's `model_providers`, and API-key lookup.
 *
 * ddflow rule (stricter than Data Designer, which also accepts a literal key): `api_key` is the NAME of an
 * environment variable. Keys are read from the environment only when the registry is built, only for the
 * providers of aliases a run actually uses, and are never put in a message — only the variable's name is.
 */

const BUILTIN_PROVIDERS = Object.freeze([
    { name: 'nvidia', endpoint: 'https://integrate.api.nvidia.com/v1', provider_type: 'openai', api_key: 'NVIDIA_API_KEY' },
    { name: 'openai', endpoint: 'https://api.openai.com/v1', provider_type: 'openai', api_key: 'OPENAI_API_KEY' },
    { name: 'openrouter', endpoint: 'https://openrouter.ai/api/v1', provider_type: 'openai', api_key: 'OPENROUTER_API_KEY' },
]);
/** Workflow providers merged over the built-ins by name (fields given replace the built-in's). */
function mergeProviders(custom = [], builtins = BUILTIN_PROVIDERS) {
    const out = new Map();
    for (const p of builtins)
        out.set(p.name, { ...p });
    for (const p of custom) {
        const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
        out.set(p.name, { ...(out.get(p.name) ?? {}), ...defined });
    }
    return out;
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isEnvVariableName(text) {
    return ENV_NAME.test(text) && !/^(sk-|nvapi-)/i.test(text);
}
/**
 * The key for `provider`, or null when it declares none (a local server without auth).
 * Throws a DdflowError naming the variable and the provider when the variable is missing or empty.
 */
function resolveApiKey(provider, env = process.env) {
    const name = provider.api_key;
    if (name === undefined || name === null || name === '')
        return null;
    if (!isEnvVariableName(name)) {
        // The value may be a pasted key: say what is wrong without repeating it.
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`The api_key of provider '${provider.name}' must be the name of an environment variable holding the key (use a secret), not the key itself.`);
    }
    const value = env[name];
    if (value === undefined || value.trim() === '') {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq(`Provider '${provider.name}' needs an API key: the environment variable ${name} is not set or is empty.`);
    }
    return value;
}
/** The endpoint as shown in a message: no credentials, query or fragment (they may hold a token). */
function displayEndpoint(endpoint) {
    try {
        const url = new URL(endpoint);
        url.username = '';
        url.password = '';
        url.search = '';
        url.hash = '';
        return url.toString().replace(/\/+$/, '');
    }
    catch {
        return endpoint.replace(/[?#].*$/, '').replace(/\/+$/, '');
    }
}


/***/ }),

/***/ 87277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _t: () => (/* binding */ codeRecipe),
  k0: () => (/* binding */ composeUserPrompt),
  MG: () => (/* binding */ judgeRecipe),
  Sq: () => (/* binding */ structuredRecipe),
  g9: () => (/* binding */ textRecipe)
});

// UNUSED EXPORTS: codeSuffix, codeSyntax, jsonSuffix, lastJsonBlock, pythonJsonDumps

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

/***/ 86999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export memoryLogger */
const silentLogger = { info() { }, warn() { }, debug() { } };
/** Collects messages: handy in tests that assert a warning was given. */
function memoryLogger() {
    const lines = [];
    return {
        lines,
        info: (message) => lines.push({ level: 'info', message }),
        warn: (message) => lines.push({ level: 'warn', message }),
        debug: (message) => lines.push({ level: 'debug', message }),
    };
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

/***/ 23846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ localSeedFiles),
/* harmony export */   P4: () => (/* binding */ localWildcardExtension),
/* harmony export */   sz: () => (/* binding */ directorySeedFiles)
/* harmony export */ });
/* unused harmony export SEED_FILE_EXTENSIONS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/**
 * The files a seed source reads: ONE enumerator, used by the seed reader (what rows exist), the stage
 * fingerprint (what content the stage depends on) and validation (what columns a seed has). When these
 * disagreed, a file the reader read but the fingerprint skipped (a dot-file) could change without the
 * stage noticing, and a stale stage was reused.
 *
 * Matching follows what the reader always did: DuckDB's glob and Data Designer's directory reader
 * (fnmatch) both match names starting with a dot, so dot-files and dot-directories are included.
 * Only regular files are listed (symbolic links are followed): a FIFO or a device never is, so reading
 * or hashing a seed cannot block.
 */




const SEED_FILE_EXTENSIONS = ['.parquet', '.csv', '.json', '.jsonl'];
function statSafe(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p);
    }
    catch {
        return undefined;
    }
}
function listSafe(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
/** The wildcard extension of a `local` path written as `<dir>/*<ext>` (the only glob Data Designer reads), else undefined. */
function localWildcardExtension(userPath) {
    return SEED_FILE_EXTENSIONS.find((ext) => userPath.endsWith(`*${ext}`));
}
/**
 * The files of a `local` seed path, absolute and sorted: the file itself, or every regular file of
 * `<dir>` whose name ends with `<ext>` for `<dir>/*<ext>`. Throws Data Designer's messages when the path
 * reads nothing.
 */
function localSeedFiles(userPath, baseDir) {
    const ext = localWildcardExtension(userPath);
    if (ext) {
        const dirPart = userPath.slice(0, userPath.indexOf('*.'));
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, dirPart || '.');
        const match = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(`*${ext}`, { dot: true });
        const matched = statSafe(dir)?.isDirectory() ? listSafe(dir).filter((name) => match(name)).sort() : [];
        // DuckDB's glob would have opened a FIFO among the matches and waited for a writer forever: say so.
        const special = matched.find((name) => {
            const st = statSafe(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
            return st !== undefined && !st.isFile() && !st.isDirectory();
        });
        if (special !== undefined)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path '${dirPart}${special}' is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
        const files = matched.filter((name) => statSafe(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name))?.isFile()).map((name) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
        if (files.length === 0)
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path '${dirPart}' does not contain files of type '${ext.slice(1)}'.`);
        return files;
    }
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, userPath);
    const st = statSafe(resolved);
    if (!st)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Path ${userPath} is not a file.`);
    if (!st.isFile())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(st.isDirectory() ? `Path ${userPath} is not a file.` : `Path ${userPath} is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
    if (!SEED_FILE_EXTENSIONS.includes(node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(resolved).toLowerCase())) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq("Dataset files must be in parquet, csv, or jsonl/json (orient='records', lines=True) format.");
    }
    return [resolved];
}
/**
 * The files below a `directory` / `file_contents` seed root whose NAME matches `pattern` (fnmatch:
 * case-sensitive, `*` matches a leading dot), as relative POSIX paths sorted by code unit. A directory
 * reached twice through symbolic links is walked once.
 */
function directorySeedFiles(root, pattern, recursive) {
    if (!statSafe(root)?.isDirectory())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Seed source directory '${root}' does not exist.`);
    const matches = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: true, nocase: false });
    const out = [];
    const seen = new Set();
    const walk = (dir, rel) => {
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
        }
        catch {
            return;
        }
        if (seen.has(real))
            return;
        seen.add(real);
        for (const name of listSafe(dir)) {
            const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
            const relPath = rel ? `${rel}/${name}` : name;
            const st = statSafe(abs);
            if (!st)
                continue;
            if (st.isDirectory()) {
                if (recursive)
                    walk(abs, relPath);
            }
            else if (st.isFile() && matches(name))
                out.push(relPath);
        }
    };
    walk(root, '');
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}


/***/ }),

/***/ 13710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Qp: () => (/* binding */ templateVariables),
/* harmony export */   ZF: () => (/* binding */ toSyntaxError),
/* harmony export */   wh: () => (/* binding */ analyseTemplate),
/* harmony export */   yS: () => (/* binding */ PY_CONSTANTS)
/* harmony export */ });
/* unused harmony exports PARSE_OPTS, assertValidTemplateSyntax */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72283);
/* harmony import */ var _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84472);
/**
 * Parsing and static analysis of a template: the names it reads from the row (Jinja's
 * `find_undeclared_variables`), the filters it uses, the constructs the secure engine forbids, its size,
 * and the access chains (`person.address.street`) used to explain an empty render.
 */


const PARSE_OPTS = { trimBlocks: true, lstripBlocks: true, autoescape: false };
/** Jinja's constant names, which nunjucks parses as variables. */
const PY_CONSTANTS = { True: true, False: false, None: null };
function parseTemplate(src) {
    let ast;
    try {
        ast = _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__.nj.parser.parse(src, [], PARSE_OPTS);
    }
    catch (e) {
        throw toSyntaxError(e);
    }
    const regex = regexLiteral(ast);
    if (regex) {
        // 1-based, as nunjucks' own syntax errors.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateSyntaxError */ .Cb(`regular expression literals (r/${regex.value.source}/) are not Jinja and are not allowed (a name 'r' directly followed by '/' reads as one; write 'r / x' to divide)`, regex.lineno + 1, regex.colno + 1);
    }
    return ast;
}
/**
 * nunjucks' `r/.../` literal (a JavaScript RegExp, not Jinja): the first one in the tree. Refused for
 * every engine mode, at validation and at render, so no template can hand a regular expression of its
 * own (catastrophic backtracking included) to anything.
 */
function regexLiteral(node) {
    if (node.typename === 'Literal' && node.value instanceof RegExp)
        return node;
    for (const c of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(node)) {
        const found = regexLiteral(c);
        if (found)
            return found;
    }
    return undefined;
}
function toSyntaxError(e) {
    const err = e;
    // nunjucks prefixes messages with "(unknown path) [Line x, Column y]" once rendered; keep the bare text.
    const detail = String(err.message ?? e).replace(/^\(unknown path\)(?: \[Line \d+, Column \d+\])?\n\s*/, '').replace(/^Error: /, '');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateSyntaxError */ .Cb(detail, err.lineno || undefined, err.colno || undefined);
}
const FORBIDDEN_TYPES = new Set(['Set', 'Macro', 'Import', 'FromImport', 'Include', 'Extends', 'Block', 'Super']);
const LOOP_TYPES = new Set(['For', 'AsyncEach', 'AsyncAll']);
const NOT_PERMITTED = 'Non-permitted operations in Jinja template.';
/** Walks the tree once, tracking which names are bound by for/set/macro/import at each point. */
function analyseTemplate(ast) {
    const variables = new Set();
    const filters = new Set();
    const chains = [];
    let forbidden;
    let nodeCount = 0;
    let depth = 0;
    // Size as Jinja counts it: NodeList wrappers are plain lists there, and filter/test names are strings.
    const measure = (node, d, loopDepth) => {
        // Parentheses leave no node in Jinja's tree.
        const isList = node.typename === 'NodeList' || (node.typename === 'Group' && node.children?.length === 1);
        const here = isList ? d - 1 : d;
        if (!isList) {
            nodeCount++;
            if (here > depth)
                depth = here;
        }
        if (forbidden === undefined) {
            if (FORBIDDEN_TYPES.has(node.typename))
                forbidden = NOT_PERMITTED;
            else if (LOOP_TYPES.has(node.typename) && loopDepth > 0)
                forbidden = 'Non-permitted operations in Jinja template (nested-for).';
        }
        const inner = LOOP_TYPES.has(node.typename) ? loopDepth + 1 : loopDepth;
        for (const c of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(node)) {
            if ((node.typename === 'Filter' || node.typename === 'FilterAsync') && c === node.name)
                continue;
            if (node.typename === 'Is' && c === node.right && c.typename === 'Symbol')
                continue;
            measure(c, here + 1, inner);
        }
    };
    measure(ast, 1, 0);
    const bindTargets = (target, scope) => {
        const t = target;
        if (!t)
            return;
        if (t.typename === 'Symbol')
            scope.add(String(t.value));
        else
            for (const c of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(t))
                bindTargets(c, scope);
    };
    const isBound = (name, scopes) => scopes.some((s) => s.has(name));
    const use = (name, scopes) => {
        if (isBound(name, scopes) || Object.hasOwn(PY_CONSTANTS, name))
            return false;
        variables.add(name);
        return true;
    };
    const chainOf = (node) => {
        const accessors = [];
        let cur = node;
        while (cur.typename === 'LookupVal') {
            const val = cur.val;
            if (val.typename !== 'Literal' || (typeof val.value !== 'string' && typeof val.value !== 'number'))
                return undefined;
            accessors.push(val.value);
            cur = cur.target;
        }
        if (cur.typename !== 'Symbol')
            return undefined;
        return { name: String(cur.value), accessors: accessors.reverse() };
    };
    const visit = (node, scopes, inChain = false) => {
        if (!node)
            return;
        const top = scopes[scopes.length - 1];
        switch (node.typename) {
            case 'Symbol': {
                const name = String(node.value);
                if (use(name, scopes) && !inChain)
                    chains.push({ name, accessors: [] });
                return;
            }
            case 'LookupVal': {
                if (!inChain) {
                    const chain = chainOf(node);
                    if (chain && !isBound(chain.name, scopes) && !Object.hasOwn(PY_CONSTANTS, chain.name))
                        chains.push(chain);
                }
                visit(node.target, scopes, true);
                const val = node.val;
                if (val.typename !== 'Literal')
                    visit(val, scopes);
                return;
            }
            case 'For':
            case 'AsyncEach':
            case 'AsyncAll': {
                visit(node.arr, scopes);
                const inner = new Set(['loop']);
                bindTargets(node.name, inner);
                visit(node.body, [...scopes, inner]);
                visit(node.else_, scopes);
                return;
            }
            case 'Set': {
                visit(node.value, scopes);
                visit(node.body, scopes);
                for (const t of node.targets ?? [])
                    bindTargets(t, top);
                return;
            }
            case 'Macro':
            case 'Caller': {
                if (node.typename === 'Macro')
                    bindTargets(node.name, top);
                const inner = new Set(['caller', 'varargs', 'kwargs']);
                for (const a of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(node.args)) {
                    if (a.typename === 'KeywordArgs') {
                        for (const pair of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(a)) {
                            bindTargets(pair.key, inner);
                            visit(pair.value, scopes);
                        }
                    }
                    else
                        bindTargets(a, inner);
                }
                visit(node.body, [...scopes, inner]);
                return;
            }
            case 'Import':
                visit(node.template, scopes);
                bindTargets(node.target, top);
                return;
            case 'FromImport':
                visit(node.template, scopes);
                for (const n of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(node.names))
                    bindTargets(n.typename === 'Pair' ? n.value : n, top);
                return;
            case 'Filter':
            case 'FilterAsync':
                filters.add(String(node.name.value));
                visit(node.args, scopes);
                return;
            case 'Is': {
                visit(node.left, scopes);
                const right = node.right;
                if (right.typename === 'FunCall')
                    visit(right.args, scopes);
                else if (right.typename !== 'Symbol')
                    visit(right, scopes);
                return;
            }
            case 'Pair':
                // nunjucks reads a bare name as a dict key string (`{a: 1}`), and keyword-argument names are not reads.
                if (node.key.typename !== 'Symbol')
                    visit(node.key, scopes);
                visit(node.value, scopes);
                return;
            default:
                for (const c of (0,_nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_1__/* .childNodes */ .E)(node))
                    visit(c, scopes);
        }
    };
    visit(ast, [new Set()]);
    if (forbidden === undefined && chains.some((c) => c.name === 'self'))
        forbidden = NOT_PERMITTED;
    // Jinja only tracks reads of names never bound anywhere before; chains rooted at bound names were skipped.
    return { variables, filters, chains: chains.filter((c) => variables.has(c.name)), forbidden, nodeCount, depth };
}
/** The undeclared top-level names a template references (`{{ a.b }}` → `a`), for the dependency graph. */
function templateVariables(src) {
    return analyseTemplate(parseTemplate(src)).variables;
}
/** Throws Data Designer's syntax-error message when the template does not parse; returns nothing otherwise. */
function assertValidTemplateSyntax(src) {
    parseTemplate(src);
}


/***/ }),

/***/ 72283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ TemplateError),
/* harmony export */   Cb: () => (/* binding */ TemplateSyntaxError),
/* harmony export */   Nz: () => (/* binding */ TemplateRenderError),
/* harmony export */   Rv: () => (/* binding */ UnknownFilterError),
/* harmony export */   Wt: () => (/* binding */ EmptyTemplateRenderError),
/* harmony export */   nd: () => (/* binding */ UnknownVariableError),
/* harmony export */   zR: () => (/* binding */ TemplateSecurityError)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94851);
/**
 * User-facing template errors. Each says in one sentence what is wrong with a template (or with one row
 * rendered through it); `scope` tells callers whether the whole template is unusable ('template': fatal
 * for a column, reported at validate time) or only this row failed ('row': Data Designer drops the row).
 */

class TemplateError extends _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .DdflowError */ .Zq {
    scope;
    constructor(message, scope, cause) {
        super(message, cause === undefined ? {} : { cause });
        this.name = 'TemplateError';
        this.scope = scope;
    }
}
/** The template text does not parse. `line`/`col` are 1-based positions inside the template text. */
class TemplateSyntaxError extends TemplateError {
    line;
    col;
    detail;
    constructor(detail, line, col) {
        const where = line !== undefined ? ` (line ${line}${col !== undefined ? `, column ${col}` : ''})` : '';
        super(`Encountered a syntax error in the provided Jinja2 template:\n${detail}${where}\n` +
            'For more information on writing Jinja2 templates, refer to https://jinja.palletsprojects.com/en/stable/templates', 'template');
        this.name = 'TemplateSyntaxError';
        this.detail = detail;
        this.line = line;
        this.col = col;
    }
}
/** A template uses something the secure engine forbids, or tried to escape the sandbox. */
class TemplateSecurityError extends TemplateError {
    constructor(message, scope = 'template') {
        super(message, scope);
        this.name = 'TemplateSecurityError';
    }
}
/** A filter that is not available in the current rendering mode (Data Designer's exact wording). */
class UnknownFilterError extends TemplateError {
    filter;
    constructor(filter, available) {
        super(`The Jinja2 filter \`{{ ... | ${filter} }}\` is not a permitted operation. Available filters: ${available.join(', ')}`, 'template');
        this.name = 'UnknownFilterError';
        this.filter = filter;
    }
}
/** The template references names that are not columns (Data Designer prints a Python set). */
class UnknownVariableError extends TemplateError {
    variables;
    constructor(variables) {
        super(`Unknown variable references in Jinja template: {${variables.map((v) => `'${v}'`).join(', ')}}`, 'template');
        this.name = 'UnknownVariableError';
        this.variables = variables;
    }
}
/** Rendering one row failed (bad operand types, undefined intermediate, output checks). */
class TemplateRenderError extends TemplateError {
    constructor(message, cause) {
        super(message, 'row', cause);
        this.name = 'TemplateRenderError';
    }
}
/** The row rendered to empty text (or hit a missing field); the message names the culprit fields. */
class EmptyTemplateRenderError extends TemplateRenderError {
    constructor(message, cause) {
        super(message, cause);
        this.name = 'EmptyTemplateRenderError';
    }
}


/***/ }),

/***/ 21329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ PY_TESTS),
/* harmony export */   U9: () => (/* binding */ pyIter),
/* harmony export */   Y: () => (/* binding */ PY_FILTERS),
/* harmony export */   dx: () => (/* binding */ ALLOWED_FILTERS),
/* harmony export */   x_: () => (/* binding */ pyTypeName)
/* harmony export */ });
/* unused harmony exports pyRound, floatOf */
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96229);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72283);
/* harmony import */ var _python_repr_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83732);
/* harmony import */ var _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84472);
/**
 * Filters and tests with Jinja2's (Python's) behaviour where nunjucks' own differ or are missing, the
 * secure-mode allow-list, and the `jsonpath` filter Data Designer adds.
 */




/** Data Designer's secure-mode allow-list, in its order (the order appears in error messages). */
const ALLOWED_FILTERS = [
    'abs', 'capitalize', 'escape', 'first', 'float', 'forceescape', 'int', 'items', 'last', 'length', 'list',
    'lower', 'max', 'min', 'random', 'replace', 'reverse', 'round', 'sort', 'string', 'title', 'trim',
    'truncate', 'unique', 'upper', 'urlencode', 'jsonpath',
];
/** Splits nunjucks' trailing keyword-argument object off positional arguments. */
function params(args, names, defaults) {
    let kw;
    const last = args[args.length - 1];
    if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(last) && last.__keywords === true) {
        kw = last;
        args = args.slice(0, -1);
    }
    return names.map((n, i) => (kw && Object.hasOwn(kw, n) ? kw[n] : i < args.length ? args[i] : defaults[i]));
}
/** Python iteration: a dict yields its keys, a string its characters. */
function pyIter(v) {
    if (Array.isArray(v))
        return v;
    if (typeof v === 'string')
        return [...v];
    if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v))
        return Object.keys(v);
    if (v === undefined)
        return [];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`'${pyTypeName(v)}' object is not iterable`);
}
function pyTypeName(v) {
    if (v === null)
        return 'NoneType';
    if (typeof v === 'boolean')
        return 'bool';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'int' : 'float';
    if (v instanceof _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$)
        return 'float';
    if (typeof v === 'string')
        return 'str';
    if (v instanceof _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyTuple */ .Wc)
        return 'tuple';
    if (Array.isArray(v))
        return 'list';
    if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v))
        return 'dict';
    if (v === undefined)
        return 'Undefined';
    return typeof v;
}
const markSafe = (s) => new _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime.SafeString(s);
const isSafe = (v) => v instanceof _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime.SafeString;
/** markupsafe's escaping (`&#34;`/`&#39;` for quotes). */
function htmlEscape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
function sortKey(v, caseSensitive, attribute) {
    let x = v;
    if (attribute !== undefined && attribute !== null) {
        for (const part of String(attribute).split('.'))
            x = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(x) ? x[part] : Array.isArray(x) ? x[Number(part)] : undefined;
    }
    if (!caseSensitive && typeof x === 'string')
        return x.toLowerCase();
    return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(x) ?? x;
}
function compare(a, b) {
    const x = a;
    const y = b;
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Python's round(): half to even, returning a float. */
function pyRound(value, precision) {
    const f = 10 ** precision;
    const scaled = value * f;
    const floor = Math.floor(scaled);
    const diff = scaled - floor;
    let r;
    if (Math.abs(diff - 0.5) < 1e-9 * Math.max(1, Math.abs(scaled)))
        r = floor % 2 === 0 ? floor : floor + 1;
    else
        r = Math.round(scaled);
    return r / f;
}
const floatOf = (x) => (Number.isInteger(x) ? new _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$(x) : x);
function urlQuote(s, forQuery) {
    let out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (!forQuery)
        out = out.replace(/%2F/g, '/');
    else
        out = out.replace(/%20/g, '+');
    return out;
}
const PY_FILTERS = {
    abs(v) {
        const n = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(v);
        if (n === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`bad operand type for abs(): '${pyTypeName(v)}'`);
        return v instanceof _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$ ? new _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$(Math.abs(n)) : Math.abs(n);
    },
    capitalize(v) {
        const s = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v);
        return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    },
    escape(v) {
        return isSafe(v) ? v : markSafe(htmlEscape((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v)));
    },
    forceescape(v) {
        return markSafe(htmlEscape(isSafe(v) ? String(v) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v)));
    },
    first(v) {
        return pyIter(v)[0];
    },
    last(v) {
        const items = pyIter(v);
        return items[items.length - 1];
    },
    float(v, ...rest) {
        const [dflt] = params(rest, ['default'], [0.0]);
        const n = typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? Number(v.trim() || NaN) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(v);
        if (n === undefined || Number.isNaN(n))
            return typeof dflt === 'number' ? floatOf(dflt) : dflt;
        return floatOf(n);
    },
    int(v, ...rest) {
        const [dflt, base] = params(rest, ['default', 'base'], [0, 10]);
        if (typeof v === 'string') {
            const t = v.trim();
            const asInt = Number(base) === 10 ? (/^[-+]?\d+$/.test(t) ? parseInt(t, 10) : NaN) : parseInt(t, Number(base));
            if (!Number.isNaN(asInt))
                return asInt;
            const f = Number(t);
            return t !== '' && Number.isFinite(f) ? Math.trunc(f) : dflt;
        }
        const n = typeof v === 'boolean' ? Number(v) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(v);
        return n === undefined || !Number.isFinite(n) ? dflt : Math.trunc(n);
    },
    items(v) {
        if (v === undefined)
            return [];
        if (!(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`Can only get item pairs from a mapping, not '${pyTypeName(v)}'.`);
        return Object.keys(v).map((k) => _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyTuple */ .Wc.of2(k, v[k]));
    },
    length(v) {
        if (typeof v === 'string')
            return [...v].length;
        if (Array.isArray(v))
            return v.length;
        if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v))
            return Object.keys(v).length;
        if (v === undefined)
            return 0;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`object of type '${pyTypeName(v)}' has no len()`);
    },
    list(v) {
        return [...pyIter(v)];
    },
    lower(v) {
        return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v).toLowerCase();
    },
    upper(v) {
        return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v).toUpperCase();
    },
    max(v, ...rest) {
        return pickExtreme(v, rest, 1);
    },
    min(v, ...rest) {
        return pickExtreme(v, rest, -1);
    },
    replace(v, ...rest) {
        const [oldS, newS, count] = params(rest, ['old', 'new', 'count'], [undefined, undefined, null]);
        const s = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v);
        const o = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(oldS);
        const n = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(newS);
        let limit = count === null || count === undefined ? Infinity : Number(count);
        if (limit < 0)
            limit = Infinity;
        if (o === '') {
            const chars = [...s];
            let out = '';
            let used = 0;
            for (let i = 0; i <= chars.length; i++) {
                if (used < limit) {
                    out += n;
                    used++;
                }
                if (i < chars.length)
                    out += chars[i];
            }
            return out;
        }
        let out = '';
        let from = 0;
        let used = 0;
        for (;;) {
            const at = used < limit ? s.indexOf(o, from) : -1;
            if (at < 0)
                return out + s.slice(from);
            out += s.slice(from, at) + n;
            from = at + o.length;
            used++;
        }
    },
    reverse(v) {
        if (typeof v === 'string')
            return [...v].reverse().join('');
        return [...pyIter(v)].reverse();
    },
    round(v, ...rest) {
        const [precision, method] = params(rest, ['precision', 'method'], [0, 'common']);
        const n = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(v) ?? (typeof v === 'boolean' ? Number(v) : undefined);
        if (n === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`type ${pyTypeName(v)} doesn't define __round__ method`);
        const p = Number(precision);
        const f = 10 ** p;
        const r = method === 'ceil' ? Math.ceil(n * f) / f : method === 'floor' ? Math.floor(n * f) / f : pyRound(n, p);
        return floatOf(r);
    },
    sort(v, ...rest) {
        const [reverse, caseSensitive, attribute] = params(rest, ['reverse', 'case_sensitive', 'attribute'], [false, false, null]);
        const items = [...pyIter(v)];
        const keyed = items.map((x) => ({ x, k: sortKey(x, (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(caseSensitive), attribute) }));
        keyed.sort((a, b) => compare(a.k, b.k) * ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(reverse) ? -1 : 1));
        return keyed.map((e) => e.x);
    },
    string(v) {
        return isSafe(v) ? v : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v);
    },
    title(v) {
        // Jinja: capitalise the first letter of each word, words split at whitespace and opening brackets/dashes.
        return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v)
            .split(/([-\s({[<]+)/)
            .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w))
            .join('');
    },
    trim(v, ...rest) {
        const [chars] = params(rest, ['chars'], [null]);
        const s = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v);
        if (chars === null || chars === undefined)
            return s.trim();
        const set = new Set([...(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(chars)]);
        const arr = [...s];
        let a = 0;
        let b = arr.length;
        while (a < b && set.has(arr[a]))
            a++;
        while (b > a && set.has(arr[b - 1]))
            b--;
        return arr.slice(a, b).join('');
    },
    truncate(v, ...rest) {
        const [length, killwords, end, leeway] = params(rest, ['length', 'killwords', 'end', 'leeway'], [255, false, '...', 5]);
        const s = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v);
        const len = Number(length);
        const e = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(end);
        if ([...s].length <= len + Number(leeway))
            return s;
        const head = [...s].slice(0, Math.max(0, len - [...e].length)).join('');
        if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(killwords))
            return head + e;
        const cut = head.lastIndexOf(' ');
        return (cut >= 0 ? head.slice(0, cut) : head) + e;
    },
    unique(v, ...rest) {
        const [caseSensitive, attribute] = params(rest, ['case_sensitive', 'attribute'], [false, null]);
        const seen = [];
        const out = [];
        for (const x of pyIter(v)) {
            const k = sortKey(x, (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(caseSensitive), attribute);
            const key = typeof k === 'object' && k !== null ? (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyRepr */ .n3)(k) : k;
            if (!seen.includes(key)) {
                seen.push(key);
                out.push(x);
            }
        }
        return out;
    },
    urlencode(v) {
        if (typeof v === 'string')
            return urlQuote(v, false);
        const pairs = (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v) ? Object.entries(v) : Array.isArray(v) ? v.map((p) => [p[0], p[1]]) : null;
        if (pairs === null)
            return urlQuote((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v), false);
        return pairs.map(([k, x]) => `${urlQuote((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(k), true)}=${urlQuote((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(x), true)}`).join('&');
    },
    jsonpath(data, expression) {
        if (!(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(data))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz('Cannot perform JSONPath filter on non-structured data.');
        return (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E)({ path: String(expression), json: data, wrap: true, eval: NoCallScript });
    },
};
/** jsonpath-plus' own safe evaluator (no `eval`, no Function), which this wraps. */
const SafeScript = jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.prototype.safeVm.Script;
/**
 * Filter expressions (`$[?(@.type == 'bar')]`) are evaluated by jsonpath-plus' safe evaluator, which
 * still lets an expression call any JavaScript method of a value (`@.name.match("(a+)+$")`: a
 * regular expression of the template's choosing run on data). Comparisons, arithmetic and member
 * access stay; calls and regular expression literals are refused.
 */
class NoCallScript {
    script;
    constructor(code) {
        const script = new SafeScript(code);
        const refused = (node) => {
            if (!node || typeof node !== 'object')
                return undefined;
            const n = node;
            if (n.type === 'CallExpression')
                return 'method or function calls';
            if (n.type === 'Literal' && n.value instanceof RegExp)
                return 'regular expressions';
            for (const v of Object.values(n)) {
                const found = Array.isArray(v) ? v.map(refused).find(Boolean) : refused(v);
                if (found)
                    return found;
            }
            return undefined;
        };
        const what = refused(script.ast);
        if (what)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateRenderError */ .Nz(`JSONPath filter expressions cannot use ${what} (in '${code.replace(/_\$_v\b/g, '@').replace(/_\$_/g, '@')}').`);
        this.script = script;
    }
    runInNewContext(context) {
        return this.script.runInNewContext(context);
    }
}
function pickExtreme(v, rest, sign) {
    const [caseSensitive, attribute] = params(rest, ['case_sensitive', 'attribute'], [false, null]);
    let best;
    let bestKey;
    let first = true;
    for (const x of pyIter(v)) {
        const k = sortKey(x, (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(caseSensitive), attribute);
        if (first || compare(k, bestKey) * sign > 0) {
            best = x;
            bestKey = k;
            first = false;
        }
    }
    return best; // Jinja returns Undefined for an empty sequence
}
/** Jinja tests nunjucks lacks or gets wrong for Python values (`is none`, `is number` on floats, ...). */
const PY_TESTS = {
    none: (v) => v === null,
    boolean: (v) => typeof v === 'boolean',
    true: (v) => v === true,
    false: (v) => v === false,
    integer: (v) => typeof v === 'number' && Number.isInteger(v),
    float: (v) => v instanceof _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$ || (typeof v === 'number' && !Number.isInteger(v)),
    number: (v) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(v) !== undefined || typeof v === 'boolean',
    sequence: (v) => typeof v === 'string' || Array.isArray(v) || (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v),
    mapping: (v) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(v),
    in: (v, seq) => (typeof seq === 'string' ? seq.includes((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v)) : pyIter(seq).some((x) => x === v || (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(x) === (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v) && typeof x === typeof v)),
    truthy: (v) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(v),
    falsy: (v) => !(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(v),
    defined: (v) => v !== undefined,
    undefined: (v) => v === undefined,
};


/***/ }),

/***/ 84472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ childNodes),
/* harmony export */   G: () => (/* binding */ transformer),
/* harmony export */   nj: () => (/* binding */ nj)
/* harmony export */ });
/* harmony import */ var nunjucks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18115);
/* harmony import */ var nunjucks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(nunjucks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var nunjucks_src_transformer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76297);
/* harmony import */ var nunjucks_src_transformer_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(nunjucks_src_transformer_js__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Typed access to the parts of nunjucks that @types/nunjucks does not describe (parser, nodes,
 * compiler, runtime, transformer). Everything nunjucks-internal goes through this one module.
 */

// The transformer is not re-exported by nunjucks' index; it lifts filters/super calls before compiling.
// @ts-expect-error -- CommonJS module without type declarations

const nj = (nunjucks__WEBPACK_IMPORTED_MODULE_0___default());
const transformer = (nunjucks_src_transformer_js__WEBPACK_IMPORTED_MODULE_1___default());
/** Child nodes of a node, in source order. */
function childNodes(node) {
    const out = [];
    const add = (c) => {
        if (Array.isArray(c))
            for (const x of c)
                add(x);
        else if (c && typeof c === 'object' && typeof c.typename === 'string')
            out.push(c);
    };
    for (const f of node.fields)
        add(node[f]); // NodeList-based nodes list `children` among their fields
    // `{% set x %}...{% endset %}` keeps its body outside the declared fields.
    if (node.typename === 'Set')
        add(node.body);
    return out;
}


/***/ }),

/***/ 83732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ pyPercentFormat),
/* harmony export */   Kn: () => (/* binding */ pyTruthy),
/* harmony export */   PU: () => (/* binding */ pyEquals),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Wc: () => (/* binding */ PyTuple),
/* harmony export */   XO: () => (/* binding */ pyFloatRepr),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   g$: () => (/* binding */ PyFloat),
/* harmony export */   n3: () => (/* binding */ pyRepr),
/* harmony export */   oo: () => (/* binding */ isFloatLike),
/* harmony export */   ow: () => (/* binding */ pyStrRepr),
/* harmony export */   rD: () => (/* binding */ pyStr)
/* harmony export */ });
/**
 * Python's view of JavaScript values, so templates print what Data Designer prints: `True`, `None`,
 * `{'a': 1}`, `[1, 'x']`, `2.0`. JavaScript has one number type, so a float whose value is integral is
 * carried as a PyFloat only where the template itself makes it a float (`/`, float literals, `| float`,
 * `| round`); numbers coming from records print as ints when integral.
 */
/** A float with an integral value (`4 / 2` → `2.0`). Arithmetic sees the number through valueOf. */
class PyFloat {
    value;
    constructor(value) {
        this.value = value;
    }
    valueOf() {
        return this.value;
    }
    toString() {
        return pyFloatRepr(this.value);
    }
    toJSON() {
        return this.value;
    }
}
/** A Python tuple (from `items()`); prints `('a', 1)`. */
class PyTuple extends Array {
    static of2(a, b) {
        const t = new PyTuple();
        t.push(a, b);
        return t;
    }
}
function isPlainObject(v) {
    if (v === null || typeof v !== 'object')
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
function num(v) {
    if (typeof v === 'number')
        return v;
    if (v instanceof PyFloat)
        return v.value;
    return undefined;
}
function isFloatLike(v) {
    return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}
/** Python `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
function pyFloatRepr(x) {
    if (Number.isNaN(x))
        return 'nan';
    if (x === Infinity)
        return 'inf';
    if (x === -Infinity)
        return '-inf';
    if (x === 0)
        return Object.is(x, -0) ? '-0.0' : '0.0';
    const [mant, expStr] = x.toExponential().split('e');
    const exp = Number(expStr);
    const neg = mant.startsWith('-');
    const digits = mant.replace('-', '').replace('.', '');
    let out;
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
            const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
            out = `${intPart}.${frac}`;
        }
        else {
            out = `0.${'0'.repeat(-exp - 1)}${digits}`;
        }
    }
    else {
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    return neg ? `-${out}` : out;
}
function pyNumber(x) {
    if (Number.isInteger(x))
        return Math.abs(x) < 1e16 ? String(x) : BigInt(x).toString();
    return pyFloatRepr(x);
}
/** Python `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
function pyStrRepr(s) {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        if (ch === quote || ch === '\\')
            out += `\\${ch}`;
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (c < 0x20 || c === 0x7f)
            out += `\\x${c.toString(16).padStart(2, '0')}`;
        else
            out += ch;
    }
    return out + quote;
}
function pyRepr(v) {
    switch (typeof v) {
        case 'string':
            return pyStrRepr(v);
        case 'number':
            return pyNumber(v);
        case 'boolean':
            return v ? 'True' : 'False';
        case 'bigint':
            return v.toString();
        case 'undefined':
            return '';
        case 'function':
            return `<function ${v.name || 'anonymous'} at 0x0>`;
        case 'symbol':
            return v.toString();
    }
    if (v === null)
        return 'None';
    if (v instanceof PyFloat)
        return pyFloatRepr(v.value);
    if (v instanceof PyTuple)
        return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
    if (Array.isArray(v))
        return `[${v.map(pyRepr).join(', ')}]`;
    if (v instanceof Date)
        return pyStrRepr(v.toISOString());
    if (isPlainObject(v)) {
        const parts = [];
        for (const k of Object.keys(v))
            parts.push(`${pyStrRepr(k)}: ${pyRepr(v[k])}`);
        return `{${parts.join(', ')}}`;
    }
    return pyStrRepr(String(v));
}
/** Python `str()`: what `{{ value }}` prints. Undefined prints as nothing (Jinja's default Undefined). */
function pyStr(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return pyNumber(v);
    if (v === undefined)
        return '';
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isPlainObject(v) && !(v instanceof PyFloat)) {
        return String(v); // SafeString, Date-less class instances: their own text
    }
    return pyRepr(v);
}
/** Python truthiness: empty containers and empty strings are false, NaN is true. */
function pyTruthy(v) {
    if (v === null || v === undefined || v === false || v === '' || v === 0)
        return false;
    if (v === true || typeof v === 'string' || typeof v === 'function')
        return true;
    if (typeof v === 'number')
        return true; // NaN included, as in Python
    if (v instanceof PyFloat)
        return v.value !== 0;
    if (Array.isArray(v))
        return v.length > 0;
    if (isPlainObject(v)) {
        for (const _ in v)
            return true;
        return false;
    }
    return Boolean(v);
}
/** Python `==`: no type coercion between strings and numbers, structural for lists and dicts. */
function pyEquals(a, b) {
    if (a === b)
        return true;
    const na = typeof a === 'boolean' ? Number(a) : num(a);
    const nb = typeof b === 'boolean' ? Number(b) : num(b);
    if (na !== undefined && nb !== undefined)
        return na === nb;
    if (a == null || b == null)
        return a == null && b == null && a === b;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length || (a instanceof PyTuple) !== (b instanceof PyTuple))
            return false;
        return a.every((x, i) => pyEquals(x, b[i]));
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const ka = Object.keys(a);
        if (ka.length !== Object.keys(b).length)
            return false;
        return ka.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]));
    }
    return false;
}
/** Python's `fmt % args` for strings (printf style): %s %r %d %i %f %F %e %E %g %x %X %o %c %%, `%(key)s`. */
function pyPercentFormat(fmt, args) {
    // Python treats only a tuple as several arguments; a list is one argument (`'%s' % [1]` → `[1]`).
    const tuple = args instanceof PyTuple ? [...args] : null;
    const positional = tuple ?? [args];
    let index = 0;
    const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
    const out = fmt.replace(re, (_m, key, flags, width, prec, conv) => {
        if (conv === '%')
            return '%';
        let value;
        if (key !== undefined) {
            if (!isPlainObject(args))
                throw new TypeError('format requires a mapping');
            value = args[key];
            if (value === undefined)
                throw new TypeError(`format key '${key}' not found`);
        }
        else {
            if (width === '*')
                width = String(positional[index++]);
            if (prec === '*')
                prec = String(positional[index++]);
            if (index >= positional.length)
                throw new TypeError('not enough arguments for format string');
            value = positional[index++];
        }
        const p = prec === undefined ? undefined : Number(prec);
        let body;
        let numeric = true;
        const n = typeof value === 'boolean' ? Number(value) : num(value);
        const needNum = () => {
            if (n === undefined)
                throw new TypeError(`%${conv} format: a real number is required, not ${typeof value}`);
            return n;
        };
        switch (conv) {
            case 'd':
            case 'i':
            case 'u':
                body = Math.trunc(needNum()).toString();
                break;
            case 'x':
            case 'X':
            case 'o': {
                const v = Math.trunc(needNum());
                body = Math.abs(v).toString(conv === 'o' ? 8 : 16);
                if (flags.includes('#'))
                    body = (conv === 'o' ? '0o' : '0x') + body;
                if (conv === 'X')
                    body = body.toUpperCase();
                if (v < 0)
                    body = `-${body}`;
                break;
            }
            case 'f':
            case 'F':
                body = needNum().toFixed(p ?? 6);
                break;
            case 'e':
            case 'E': {
                body = needNum().toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
                if (conv === 'E')
                    body = body.toUpperCase();
                break;
            }
            case 'g':
            case 'G': {
                const v = needNum();
                const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
                const P = p === 0 ? 1 : (p ?? 6);
                body = exp < -4 || exp >= P ? v.toExponential(P - 1).replace(/e([+-])(\d)$/, 'e$10$2') : v.toPrecision(P);
                if (!flags.includes('#'))
                    body = body.replace(/\.?0+(?=e|$)/, '');
                if (conv === 'G')
                    body = body.toUpperCase();
                break;
            }
            case 'c':
                numeric = false;
                body = typeof value === 'number' ? String.fromCodePoint(value) : pyStr(value);
                break;
            case 'r':
            case 'a':
                numeric = false;
                body = pyRepr(value);
                if (p !== undefined)
                    body = body.slice(0, p);
                break;
            default:
                numeric = false;
                body = pyStr(value);
                if (p !== undefined)
                    body = body.slice(0, p);
        }
        if (numeric) {
            if (flags.includes('+') && !body.startsWith('-'))
                body = `+${body}`;
            else if (flags.includes(' ') && !body.startsWith('-'))
                body = ` ${body}`;
        }
        const w = width === undefined ? 0 : Number(width);
        if (body.length < w) {
            if (flags.includes('-'))
                body = body.padEnd(w);
            else if (numeric && flags.includes('0')) {
                const sign = /^[-+ ]/.test(body) ? body[0] : '';
                body = sign + body.slice(sign.length).padStart(w - sign.length, '0');
            }
            else
                body = body.padStart(w);
        }
        return body;
    });
    if (!/%\(/.test(fmt) && index < positional.length && (tuple !== null || !isPlainObject(args))) {
        throw new TypeError('not all arguments converted during string formatting');
    }
    return out;
}


/***/ }),

/***/ 241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ UndefinedAccessError),
/* harmony export */   YF: () => (/* binding */ BLOCKED_NAMES),
/* harmony export */   i: () => (/* binding */ pyFinalize),
/* harmony export */   le: () => (/* binding */ makeRuntime)
/* harmony export */ });
/* unused harmony exports safeMemberLookup, CLASS_METHODS, safeContextOrFrameLookup, safeCallWrap, pyOps */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72283);
/* harmony import */ var _filters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21329);
/* harmony import */ var _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84472);
/* harmony import */ var _python_repr_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83732);
/**
 * The runtime compiled templates run against. nunjucks is not a sandbox — `{{ range.constructor("...")() }}`
 * reaches Function — so every member lookup, variable lookup and call goes through the guards below, and
 * Python operator semantics (`/`, `%`, `==`, truthiness) are supplied here. This runtime object is passed to
 * each render; nunjucks' shared runtime module is never modified.
 */




/** Names that lead from any value to Function or to prototypes. */
const BLOCKED_NAMES = new Set([
    'constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);
// Function and its async/generator siblings: calling any of them compiles code.
const CODE_CONSTRUCTORS = new Set([
    Function,
    Object.getPrototypeOf(async function () { }).constructor,
    Object.getPrototypeOf(function* () { }).constructor,
    Object.getPrototypeOf(async function* () { }).constructor,
    eval,
]);
function refuse(name) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateSecurityError */ .zR(`Access to '${name}' is not permitted in a template.`, 'row');
}
/** `{{ a.b.c }}` with `a.b` missing: Jinja raises UndefinedError here; the engine explains it per row. */
class UndefinedAccessError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz {
    constructor(key) {
        super(`'${String(key)}' is undefined (attribute of an undefined value).`);
        this.name = 'UndefinedAccessError';
    }
}
function dictMethod(d, name) {
    switch (name) {
        case 'items':
            return () => Object.keys(d).map((k) => _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyTuple */ .Wc.of2(k, d[k]));
        case 'keys':
            return () => Object.keys(d);
        case 'values':
            return () => Object.keys(d).map((k) => d[k]);
        case 'get':
            return (k, dflt = null) => (Object.hasOwn(d, String(k)) ? d[String(k)] : dflt);
    }
    return undefined;
}
/**
 * Python's str.strip/lstrip/rstrip, by scanning (a regular expression such as `\s+$` takes quadratic
 * time on a long run of spaces followed by other text: data could stall a render).
 */
function pyStrip(s, chars, left, right) {
    const strips = chars === undefined || chars === null ? (c) => /\s/.test(c) : ((set) => (c) => set.has(c))(new Set(String(chars)));
    let start = 0;
    let end = s.length;
    if (left)
        while (start < end && strips(s[start]))
            start++;
    if (right)
        while (end > start && strips(s[end - 1]))
            end--;
    return s.slice(start, end);
}
function strMethod(s, name) {
    switch (name) {
        case 'upper':
            return () => s.toUpperCase();
        case 'lower':
            return () => s.toLowerCase();
        case 'strip':
            return (chars) => pyStrip(s, chars, true, true);
        case 'lstrip':
            return (chars) => pyStrip(s, chars, true, false);
        case 'rstrip':
            return (chars) => pyStrip(s, chars, false, true);
        case 'split':
            return (sep, maxsplit = -1) => {
                if (sep === undefined || sep === null) {
                    const parts = s.trim().split(/\s+/).filter(Boolean);
                    const m = Number(maxsplit);
                    return m >= 0 && parts.length > m + 1 ? [...parts.slice(0, m), s.trim().split(/\s+/).slice(m).join(' ')] : parts;
                }
                const parts = s.split(String(sep));
                const m = Number(maxsplit);
                return m >= 0 && parts.length > m + 1 ? [...parts.slice(0, m), parts.slice(m).join(String(sep))] : parts;
            };
        case 'startswith':
            return (p) => (Array.isArray(p) ? p.some((x) => s.startsWith(String(x))) : s.startsWith(String(p)));
        case 'endswith':
            return (p) => (Array.isArray(p) ? p.some((x) => s.endsWith(String(x))) : s.endsWith(String(p)));
        case 'replace':
            return (a, b) => s.split(String(a)).join(String(b));
        case 'title':
            return () => s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
        case 'capitalize':
            return () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
        case 'join':
            return (items) => (0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyIter */ .U9)(items).map((x) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(x)).join(s);
        case 'count':
            return (sub) => (String(sub) === '' ? s.length + 1 : s.split(String(sub)).length - 1);
        case 'find':
            return (sub) => s.indexOf(String(sub));
        case 'isdigit':
            return () => /^\d+$/.test(s);
        case 'isalpha':
            return () => /^\p{L}+$/u.test(s);
        case 'format':
            return (...args) => {
                let i = 0;
                return s.replace(/\{(\w*)\}/g, (_m, k) => {
                    if (k === '')
                        return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(args[i++]);
                    if (/^\d+$/.test(k))
                        return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(args[Number(k)]);
                    const kw = args[args.length - 1];
                    return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(kw) ? (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(kw[k]) : '';
                });
            };
    }
    return undefined;
}
function listMethod(a, name) {
    switch (name) {
        case 'index':
            return (x) => {
                const i = a.findIndex((y) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyEquals */ .PU)(x, y));
                if (i < 0)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(`${(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(x)} is not in list`);
                return i;
            };
        case 'count':
            return (x) => a.filter((y) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyEquals */ .PU)(x, y)).length;
    }
    return undefined;
}
function pyIndex(length, key) {
    const n = typeof key === 'number' ? key : typeof key === 'string' && /^-?\d+$/.test(key) ? Number(key) : undefined;
    if (n === undefined || !Number.isInteger(n))
        return undefined;
    const i = n < 0 ? length + n : n;
    return i >= 0 && i < length ? i : -1;
}
/** `obj.key` / `obj[key]`: own data only, Python methods for dict/str/list, and never a blocked name. */
function safeMemberLookup(obj, key) {
    const name = typeof key === 'string' ? key : String(key);
    if (BLOCKED_NAMES.has(name))
        refuse(name);
    if (obj === undefined)
        throw new UndefinedAccessError(key);
    if (obj === null)
        return undefined; // None.attr is Undefined in Jinja, not an error
    if (typeof obj === 'string') {
        const i = pyIndex(obj.length, key);
        if (i !== undefined)
            return i >= 0 ? obj[i] : undefined;
        return strMethod(obj, name);
    }
    if (Array.isArray(obj)) {
        const i = pyIndex(obj.length, key);
        if (i !== undefined)
            return i >= 0 ? obj[i] : undefined;
        return listMethod(obj, name);
    }
    if ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(obj)) {
        if (Object.hasOwn(obj, name))
            return obj[name];
        return dictMethod(obj, name);
    }
    if (typeof obj === 'function')
        return undefined; // nothing to read on a callable (no .call/.bind/.apply)
    // `(x | escape)` is a str to Jinja (Markup): the Python str methods, never String.prototype's own
    // (`match`, `replace`, `search`, `split` take regular expressions: a catastrophic one stalls the run).
    if (obj instanceof _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime.SafeString)
        return safeMemberLookup(String(obj), key);
    // Any other object (a float `2.0`, what a filter hands out): only the methods listed for its class.
    if (typeof obj === 'object')
        return classMethod(obj, name);
    return undefined;
}
/**
 * Methods templates may call on values that are not a str, list or dict, by class. None today: no
 * JavaScript method of any value is reachable from a template. Python methods for such values go here
 * (a function of the value returning the bound method), never a lookup on the object itself.
 */
const CLASS_METHODS = new Map();
function classMethod(obj, name) {
    for (const [cls, methods] of CLASS_METHODS) {
        if (obj instanceof cls && Object.hasOwn(methods, name))
            return methods[name](obj);
    }
    return undefined;
}
/** A name read in the template: loop/set variables, then the row, then globals (`range`, `cycler`, `joiner`). */
function safeContextOrFrameLookup(context, frame, name) {
    if (BLOCKED_NAMES.has(name))
        refuse(name);
    const v = frame.lookup(name);
    if (v !== undefined)
        return v;
    if (Object.hasOwn(context.ctx, name))
        return context.ctx[name];
    const g = context.env.globals;
    return Object.hasOwn(g, name) ? g[name] : undefined;
}
function safeCallWrap(fn, name, context, args) {
    if (typeof fn !== 'function') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(fn === undefined || fn === null ? `'${name}' is undefined and cannot be called.` : `'${(0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(fn)}' object '${name}' is not callable.`);
    }
    if (CODE_CONSTRUCTORS.has(fn))
        refuse(name);
    return fn.apply(context, args);
}
// ---- Python operators ----
const floatOf = (x) => (Number.isInteger(x) ? new _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$(x) : x);
function operands(op, a, b) {
    const x = typeof a === 'boolean' ? Number(a) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(a);
    const y = typeof b === 'boolean' ? Number(b) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(b);
    if (x === undefined || y === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(`unsupported operand type(s) for ${op}: '${(0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(a)}' and '${(0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(b)}'`);
    }
    return [x, y, (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isFloatLike */ .oo)(a) || (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .isFloatLike */ .oo)(b)];
}
function arith(op, a, b, f) {
    const [x, y, isFloat] = operands(op, a, b);
    const r = f(x, y);
    return isFloat ? floatOf(r) : r;
}
function zeroCheck(y, what) {
    if (y === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(what);
}
const pyOps = {
    ddAdd(a, b) {
        if (typeof a === 'string' && typeof b === 'string')
            return a + b;
        if (Array.isArray(a) && Array.isArray(b))
            return [...a, ...b];
        return arith('+', a, b, (x, y) => x + y);
    },
    ddSub: (a, b) => arith('-', a, b, (x, y) => x - y),
    ddMul(a, b) {
        if (typeof a === 'string' && Number.isInteger(b))
            return a.repeat(Math.max(0, b));
        if (Array.isArray(a) && Number.isInteger(b))
            return Array.from({ length: Math.max(0, b) }, () => a).flat();
        return arith('*', a, b, (x, y) => x * y);
    },
    ddDiv(a, b) {
        const [x, y] = operands('/', a, b);
        zeroCheck(y, 'division by zero');
        return floatOf(x / y);
    },
    ddFloorDiv(a, b) {
        const [x, y, isFloat] = operands('//', a, b);
        zeroCheck(y, 'integer division or modulo by zero');
        const r = Math.floor(x / y);
        return isFloat ? floatOf(r) : r;
    },
    ddMod(a, b) {
        if (typeof a === 'string') {
            try {
                return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyPercentFormat */ .CS)(a, b);
            }
            catch (e) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(String(e.message ?? e));
            }
        }
        const [x, y, isFloat] = operands('%', a, b);
        zeroCheck(y, 'integer division or modulo by zero');
        let r = x % y;
        if (r !== 0 && r < 0 !== y < 0)
            r += y;
        return isFloat ? floatOf(r) : r;
    },
    ddPow(a, b) {
        const [x, y, isFloat] = operands('**', a, b);
        const r = x ** y;
        return isFloat || y < 0 ? floatOf(r) : r;
    },
    ddConcat: (a, b) => (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(a) + (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(b),
    ddTruthy: _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn,
    ddAnd: (a, b) => ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(a) ? b() : a),
    ddOr: (a, b) => ((0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyTruthy */ .Kn)(a) ? a : b()),
    ddFloat: (x) => new _python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$(x),
    ddCompare(values, ops) {
        for (let i = 0; i < ops.length; i++) {
            if (!compareOne(values[i], ops[i], values[i + 1]))
                return false;
        }
        return true;
    },
};
function compareOne(a, op, b) {
    switch (op) {
        case '==':
        case '===':
            return (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyEquals */ .PU)(a, b);
        case '!=':
        case '!==':
            return !(0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyEquals */ .PU)(a, b);
    }
    const x = (typeof a === 'boolean' ? Number(a) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(a)) ?? a;
    const y = (typeof b === 'boolean' ? Number(b) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(b)) ?? b;
    if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateRenderError */ .Nz(`'${op}' not supported between instances of '${(0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(a)}' and '${(0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(b)}'`);
    }
    switch (op) {
        case '<':
            return x < y;
        case '>':
            return x > y;
        case '<=':
            return x <= y;
        default:
            return x >= y;
    }
}
const pyFinalize = (v) => (v instanceof _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime.SafeString ? String(v) : (0,_python_repr_js__WEBPACK_IMPORTED_MODULE_3__/* .pyStr */ .rD)(v));
/** A runtime for one finalize hook: nunjucks' helpers, with the guarded lookups and Python operators. */
function makeRuntime(finalize) {
    return {
        ..._nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime,
        ...pyOps,
        memberLookup: safeMemberLookup,
        contextOrFrameLookup: safeContextOrFrameLookup,
        callWrap: safeCallWrap,
        suppressValue: (val) => finalize(val),
        // Keep our own errors as they are; nunjucks would wrap them in a "Template render error" text.
        handleError: (error, lineno, colno) => error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TemplateError */ .$w ? error : _nunjucks_internals_js__WEBPACK_IMPORTED_MODULE_2__.nj.runtime.handleError(error, lineno, colno),
    };
}


/***/ }),

/***/ 17553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LE: () => (/* binding */ stageFingerprint),
/* harmony export */   W9: () => (/* binding */ CACHE_FORMAT_VERSION),
/* harmony export */   Xw: () => (/* binding */ overriddenFingerprint),
/* harmony export */   mg: () => (/* binding */ filesHash)
/* harmony export */ });
/* unused harmony exports FINGERPRINT_FIELDS, canonicalJson, sha256, seedSourceIdentity, fileHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _shared_seed_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23846);
/* harmony import */ var _config_score_options_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48691);
/* harmony import */ var _config_defaults_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31954);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(90131);
/**
 * A stage's fingerprint: the identity of the data it produces. Two runs with the same fingerprint must
 * produce the same dataset, so a matching stage can be reused (locally or from the cache store) and a
 * changed one — or anything downstream of it — reruns.
 *
 * What goes in is everything that can change the rows, and nothing that cannot: seed files are hashed
 * by CONTENT (a moved checkout or a renamed artifact directory still matches), model configs by what
 * reaches the model (id, endpoint, sampling parameters) and not by concurrency or timeouts.
 */








/**
 * Bumped only when ddflow's generated data would change for the same inputs (a sampler draws
 * differently, a processor writes different rows) — NOT on every release, so upgrading ddflow does not
 * throw away a cache that is still valid.
 */
const CACHE_FORMAT_VERSION = 1;
const FINGERPRINT_FIELDS = {
    workflow: { $schema: 'non-data', name: 'non-data', seed: 'data', artifact_path: 'non-data', model_providers: 'data', model_configs: 'data', run_config: 'data', stages: 'data' },
    stage: {
        name: 'non-data',
        config: 'data',
        num_records: 'data',
        output_processors: 'data',
        output: 'data',
        on_success: 'data',
        allow_empty: 'data',
        sampling_strategy: 'data',
        selection_strategy: 'data',
    },
    on_success: { run: 'non-data', version: 'data' },
    model_provider: { name: 'data', endpoint: 'data', provider_type: 'data', api_key: 'non-data', extra_headers: 'data', extra_body: 'data' },
    model_config: { alias: 'data', model: 'data', provider: 'data', inference_parameters: 'data', skip_health_check: 'non-data' },
    inference_parameters: {
        generation_type: 'data',
        temperature: 'data',
        top_p: 'data',
        max_tokens: 'data',
        extra_body: 'data',
        encoding_format: 'data',
        dimensions: 'data',
        max_parallel_requests: 'non-data',
        timeout: 'non-data',
    },
    run_config: {
        disable_early_shutdown: 'non-data',
        shutdown_error_rate: 'non-data',
        shutdown_error_window: 'non-data',
        // Rows are a pure function of their record index, whatever the row-group size (a resumed stage
        // whose row groups were cut with another size is regenerated, never mixed: see the engine).
        buffer_size: 'non-data',
        max_concurrent_row_groups: 'non-data',
        max_in_flight_tasks: 'non-data',
        non_inference_max_parallel_workers: 'non-data',
        max_conversation_restarts: 'data',
        max_conversation_correction_steps: 'data',
        async_trace: 'non-data',
        write_scheduler_events: 'non-data',
        display_tui: 'non-data',
        progress_interval: 'non-data',
        otel_metrics_port: 'non-data',
        preserve_dropped_columns: 'data',
        jinja_rendering_engine: 'data',
        request_admission: 'non-data',
        rate_limit_stall_seconds: 'non-data',
    },
    remote_validator: {
        validator_type: 'data',
        endpoint_url: 'data',
        output_schema: 'data',
        timeout: 'non-data',
        max_retries: 'non-data',
        retry_backoff: 'non-data',
        max_parallel_requests: 'non-data',
    },
};
/** The fields of `value` that FINGERPRINT_FIELDS[section] marks as data; an unclassified field counts as data (safe side). */
function dataFields(section, value) {
    if (!value)
        return null;
    const roles = FINGERPRINT_FIELDS[section];
    return Object.fromEntries(Object.entries(value).filter(([k]) => roles[k] !== 'non-data'));
}
async function stageFingerprint(input) {
    const payload = {
        config: await dataConfig(input),
        num_records: input.numRecords,
        sampling_strategy: input.seededFromUpstream ? input.samplingStrategy : null,
        selection_strategy: input.seededFromUpstream ? input.selectionStrategy : null,
        output_processors: input.outputProcessors,
        output: input.output,
        allow_empty: input.allowEmpty,
        // A command without a version is opaque: a fresh nonce makes sure its output is never reused.
        on_success: input.onSuccess ? { version: input.onSuccess.version ?? `unversioned-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')}` } : null,
        seed: input.seed ?? null,
        run_config: dataFields('run_config', input.runConfig ?? {}),
        cache_format_version: CACHE_FORMAT_VERSION,
        upstream_fingerprint: input.upstreamFingerprint,
    };
    return sha256(canonicalJson(payload));
}
/** Combines a stage fingerprint with the content hash of a reviewed override of its output. */
function overriddenFingerprint(stageFp, overrideContentHash) {
    return sha256(canonicalJson({ stage: stageFp, override: overrideContentHash }));
}
function canonicalJson(value) {
    return JSON.stringify((0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .sortKeysDeep */ .$E)(stripUndefined(value)));
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/** The stage config reduced to what shapes data, with seed files replaced by their content hash. */
async function dataConfig(input) {
    const { model_configs: _own, seed_config, ...rest } = input.config;
    const aliases = new Set();
    collectModelAliases(rest, aliases);
    const byAlias = new Map(input.modelConfigs.map((m) => [m.alias, m]));
    const models = {};
    for (const alias of [...aliases].sort()) {
        const m = byAlias.get(alias);
        if (!m) {
            models[alias] = null;
            continue;
        }
        const provider = input.modelProviders.find((p) => p.name === m.provider);
        const model = dataFields('model_config', m);
        models[alias] = {
            ...model,
            alias: undefined,
            inference_parameters: dataFields('inference_parameters', m.inference_parameters),
            // A built-in provider the file does not redefine is identified by its name; api_key is a variable NAME.
            provider_config: dataFields('model_provider', provider),
        };
    }
    const seed = !input.seededFromUpstream && seed_config
        ? {
            source: await seedSourceIdentity(seed_config.source),
            sampling_strategy: seed_config.sampling_strategy ?? _config_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .SamplingStrategy */ .l_.default,
            selection_strategy: seed_config.selection_strategy ?? null,
        }
        : null;
    // Judge options whose key types or order the plain object cannot show (`1:` vs `'1':` store 1 vs "1").
    const typedScores = (0,_config_score_options_js__WEBPACK_IMPORTED_MODULE_5__/* .typedScoreOptionsOf */ .Mc)(input.config);
    return { ...withoutTransportSettings(rest), seed_config: seed, models, ...(typedScores ? { typed_score_options: typedScores } : {}) };
}
function collectModelAliases(node, out) {
    if (Array.isArray(node))
        for (const n of node)
            collectModelAliases(n, out);
    else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
            if (k === 'model_alias' && typeof v === 'string')
                out.add(v);
            else
                collectModelAliases(v, out);
        }
    }
}
/** Columns are data through and through, except a remote validator's transport settings. */
function withoutTransportSettings(config) {
    const columns = config.columns.map((c) => {
        const params = c.validator_params;
        if (!params || typeof params !== 'object' || !('endpoint_url' in params))
            return c;
        return { ...c, validator_params: dataFields('remote_validator', params) };
    });
    return { ...config, columns };
}
function stripUndefined(node) {
    if (Array.isArray(node))
        return node.map(stripUndefined);
    if (node && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, stripUndefined(v)]));
    }
    return node;
}
/** What a seed source contributes: its kind and options, and the hash of the files it reads — never its path. */
async function seedSourceIdentity(source) {
    if (source.seed_type === 'local') {
        // The reader's own enumerator (src/shared/seed-files.ts): exactly the files the stage reads.
        const files = (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_4__/* .localSeedFiles */ .$b)(source.path, process.cwd());
        return { seed_type: 'local', format: files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().extname(f).toLowerCase()), content: await Promise.all(files.map(fileHash)) };
    }
    const { recursive, file_pattern: pattern } = (0,_config_defaults_js__WEBPACK_IMPORTED_MODULE_6__/* .withSchemaDefaults */ .A)(source.seed_type === 'directory' ? _config_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .DirectorySeedSource */ .g$ : _config_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .FileContentsSeedSource */ .LH, source);
    const files = (0,_shared_seed_files_js__WEBPACK_IMPORTED_MODULE_4__/* .directorySeedFiles */ .sz)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(source.path), pattern, recursive);
    const listing = await Promise.all(files.map(async (rel) => ({ path: rel, content: await fileHash(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(source.path, rel)) })));
    const { path: _p, ...options } = source;
    return { ...options, file_pattern: pattern, recursive, listing };
}
function fileHash(file) {
    return new Promise((resolve, reject) => {
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file)
            .on('data', (chunk) => h.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(h.digest('hex')));
    });
}
/** Content hash of a set of files (an override, a selected output), in the given order. */
async function filesHash(files) {
    return sha256(canonicalJson(await Promise.all(files.map(fileHash))));
}


/***/ }),

/***/ 55168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ artifactDirectoryProblem),
  G: () => (/* binding */ loadWorkflow)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/config/schema.ts
var config_schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/config/normalize.ts
/**
 * Normalisation of a Data Designer config, in two halves around schema validation.
 *
 * Before: the spellings and omissions Data Designer accepts are brought to one form, so that the schema
 * sees (and later code handles) one shape: `llm_text` → `llm-text`; `sampler_type` injected into
 * `params` and each `conditional_params` value; `validator_type` into `validator_params`;
 * `constraint_type` inferred from `rhs`; inference `generation_type` inferred; a distribution without
 * `distribution_type` is uniform. Features ddflow does not run are reported here, once, in a clear
 * sentence, and their subtree is hidden from the schema's complaints.
 *
 * After (on a valid config): category weights are normalised as Data Designer writes them.
 */

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const KEBAB_COLUMN_TYPES = new Map(config_schema/* COLUMN_TYPES */.RO.map((t) => [t.replace(/-/g, '_'), t]));
/** Data Designer's numeric-looking rhs rule: a string that parses as a finite float is a scalar. */
function isScalarRhs(rhs) {
    if (typeof rhs === 'number')
        return true;
    if (typeof rhs !== 'string' || rhs.trim() === '')
        return false;
    return Number.isFinite(Number(rhs));
}
function preNormalizeConfig(config, at) {
    const problems = [];
    const suppressed = [];
    if (!isObj(config))
        return { problems, suppressed };
    const unsupported = (path, message) => {
        problems.push({ path, message, code: 'unsupported' });
        suppressed.push(path.slice(0, -1));
    };
    const columns = Array.isArray(config.columns) ? config.columns : [];
    columns.forEach((col, i) => {
        if (!isObj(col))
            return;
        const cpath = [...at, 'columns', i];
        const name = typeof col.name === 'string' ? ` '${col.name}'` : '';
        if (typeof col.column_type === 'string') {
            const kebab = KEBAB_COLUMN_TYPES.get(col.column_type);
            if (kebab)
                col.column_type = kebab;
            const t = String(col.column_type).replace(/_/g, '-');
            if (config_schema/* UNSUPPORTED_COLUMN_TYPES */.v1.includes(t)) {
                unsupported([...cpath, 'column_type'], `column_type '${col.column_type}' of column${name} is not supported by ddflow`);
                return;
            }
            if (isPluginType(String(col.column_type), [...config_schema/* COLUMN_TYPES */.RO, ...config_schema/* UNSUPPORTED_COLUMN_TYPES */.v1])) {
                unsupported([...cpath, 'column_type'], `column_type '${col.column_type}' of column${name} is not a Data Designer column type: Data Designer would load it from a column-generator plugin, which ddflow does not run; use one of ddflow's column types instead (${config_schema/* COLUMN_TYPES */.RO.join(', ')}), e.g. an expression or llm-structured column`);
                return;
            }
        }
        if (col.tool_alias !== undefined && col.tool_alias !== null) {
            unsupported([...cpath, 'tool_alias', '_'], `tool_alias of column${name}: MCP tool calling is not supported by ddflow`);
        }
        if (Array.isArray(col.multi_modal_context)) {
            col.multi_modal_context.forEach((m, j) => {
                // Data Designer also sends audio and video; ddflow sends images only.
                if (isObj(m) && (m.modality === 'audio' || m.modality === 'video')) {
                    unsupported([...cpath, 'multi_modal_context', j, 'modality', '_'], `multi_modal_context of column${name}: modality '${m.modality}' is not supported by ddflow (only image)`);
                }
            });
        }
        if (col.column_type === 'sampler' && typeof col.sampler_type === 'string') {
            if (isObj(col.params) && col.params.sampler_type === undefined)
                col.params.sampler_type = col.sampler_type;
            if (isObj(col.conditional_params)) {
                for (const p of Object.values(col.conditional_params)) {
                    if (isObj(p) && p.sampler_type === undefined)
                        p.sampler_type = col.sampler_type;
                }
            }
            if (col.sampler_type === 'person') {
                unsupported([...cpath, 'sampler_type', '_'], `sampler_type 'person' of column${name} is not supported by ddflow: it needs persona datasets; use person_from_faker`);
            }
        }
        if (col.column_type === 'validation' && typeof col.validator_type === 'string' && isObj(col.validator_params)) {
            if (col.validator_params.validator_type === undefined && col.validator_type !== 'local_callable') {
                col.validator_params.validator_type = col.validator_type;
            }
        }
        if (col.column_type === 'validation' && col.validator_type === 'local_callable') {
            unsupported([...cpath, 'validator_type', '_'], `validator_type 'local_callable' of column${name} is not supported by ddflow (it needs a Python function)`);
        }
    });
    if (Array.isArray(config.constraints)) {
        for (const c of config.constraints) {
            if (isObj(c) && c.constraint_type === undefined && c.rhs !== undefined) {
                c.constraint_type = isScalarRhs(c.rhs) ? 'scalar_inequality' : 'column_inequality';
            }
        }
    }
    if (isObj(config.seed_config) && isObj(config.seed_config.source)) {
        const t = config.seed_config.source.seed_type;
        if (typeof t === 'string' && config_schema/* UNSUPPORTED_SEED_TYPES */.uz.includes(t)) {
            unsupported([...at, 'seed_config', 'source', 'seed_type', '_'], `seed_type '${t}' is not supported by ddflow (use local, directory or file_contents)`);
        }
        else if (typeof t === 'string' && isPluginType(t, [...DD_SEED_TYPES, ...config_schema/* UNSUPPORTED_SEED_TYPES */.uz])) {
            unsupported([...at, 'seed_config', 'source', 'seed_type'], `seed_type '${t}' is not a Data Designer seed type: Data Designer would load it from a seed-reader plugin, which ddflow does not run; write the data to a parquet, CSV or JSON(L) file and use seed_type local (or directory / file_contents for a folder of files)`);
        }
    }
    if (Array.isArray(config.processors))
        problems.push(...pluginProcessors(config.processors, [...at, 'processors'], suppressed));
    if (Array.isArray(config.profilers) && config.profilers.length > 0) {
        // Data Designer: JudgeScoreProfilerConfig (config/analysis/column_profilers.py), run by
        // engine/analysis/column_profilers/judge_score_profiler.py — an LLM-written summary of each judge score.
        problems.push({
            path: [...at, 'profilers', 0],
            message: "profilers are not supported by ddflow: Data Designer's judge_score profiler (an LLM-written summary of each llm-judge score's distribution, in its analysis results) is not run; remove `profilers:` (the scores themselves are in the dataset; a sql processor such as SELECT score, count(*) ... GROUP BY score gives their distribution)",
            code: 'unsupported',
        });
    }
    if (Array.isArray(config.model_configs))
        config.model_configs.forEach((m) => preNormalizeModelConfig(m));
    if (Array.isArray(config.tool_configs) && config.tool_configs.length > 0) {
        unsupported([...at, 'tool_configs', 0, '_'], 'tool_configs: MCP tool calling is not supported by ddflow');
    }
    return { problems, suppressed };
}
/** Data Designer's own seed types (config/seed_source.py); any other is a seed-reader plugin's. */
const DD_SEED_TYPES = ['local', 'hf', 'df', 'directory', 'file_contents', 'agent_rollout'];
/** Processor types ddflow runs: Data Designer's two (config/processors.py) and its own sql. */
const PROCESSOR_TYPES = ['drop_columns', 'schema_transform', 'sql'];
/**
 * A type name that is no built-in one and not a likely typo of one (an edit distance of at most 2, and
 * at most a third of the built-in's length, from one of them; `-` and `_` alike): Data Designer would look it up among its installed plugins (plugins/plugin.py:
 * a column-generator, seed-reader or processor plugin adds a `column_type`, `seed_type` or
 * `processor_type`). A near miss is left to the schema, whose message lists the expected names.
 */
function isPluginType(name, builtins) {
    const norm = (s) => s.toLowerCase().replace(/-/g, '_');
    const n = norm(name);
    return builtins.every((b) => editDistance(n, norm(b)) > Math.min(2, Math.max(1, Math.floor(b.length / 3))));
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/**
 * Processors of a plugin's type (config `processors` or a stage's `output_processors`, at `at`): one
 * sentence each, and their subtree hidden from the schema (`suppressed`).
 */
function pluginProcessors(processors, at, suppressed) {
    const problems = [];
    processors.forEach((p, j) => {
        if (!isObj(p) || typeof p.processor_type !== 'string' || !isPluginType(p.processor_type, PROCESSOR_TYPES))
            return;
        const name = typeof p.name === 'string' ? ` '${p.name}'` : '';
        problems.push({
            path: [...at, j, 'processor_type'],
            message: `processor_type '${p.processor_type}' of processor${name} is not a Data Designer processor type: Data Designer would load it from a processor plugin, which ddflow does not run; use drop_columns, schema_transform or ddflow's sql processor (any SELECT over the table dataset) instead`,
            code: 'unsupported',
        });
        suppressed.push([...at, j]);
    });
    return problems;
}
function preNormalizeModelConfig(m) {
    if (!isObj(m) || !isObj(m.inference_parameters))
        return;
    const ip = m.inference_parameters;
    if (ip.generation_type === undefined) {
        ip.generation_type = 'encoding_format' in ip || 'dimensions' in ip ? 'embedding' : 'chat-completion';
    }
    for (const key of ['temperature', 'top_p']) {
        const d = ip[key];
        if (isObj(d) && d.distribution_type === undefined)
            d.distribution_type = 'uniform';
    }
}
/** After validation: the forms Data Designer stores (normalised weights). */
function postNormalizeConfig(config) {
    const columns = Array.isArray(config.columns) ? config.columns : [];
    for (const col of columns) {
        if (col.column_type !== 'sampler' || col.sampler_type !== 'category')
            continue;
        normalizeWeights(col.params);
        for (const p of Object.values((col.conditional_params ?? {})))
            normalizeWeights(p);
    }
}
function normalizeWeights(params) {
    const w = params?.weights;
    if (!Array.isArray(w) || w.length === 0)
        return;
    const sum = w.reduce((a, b) => a + b, 0);
    if (sum > 0)
        params.weights = w.map((x) => x / sum);
}

;// CONCATENATED MODULE: ./src/config/report.ts
class DiagnosticCollector {
    locator;
    diagnostics = [];
    constructor(locator) {
        this.locator = locator;
    }
    add(severity, path, message, code, anchor = 'value') {
        this.diagnostics.push({ severity, message, code, location: this.locator.locate(path, anchor) });
    }
    error(path, message, code, anchor) {
        this.add('error', path, message, code, anchor);
    }
    warn(path, message, code, anchor) {
        this.add('warning', path, message, code, anchor);
    }
    under(prefix) {
        return prefixed(this, prefix);
    }
    get errorCount() {
        return this.diagnostics.filter((d) => d.severity === 'error').length;
    }
}
function prefixed(base, prefix) {
    return {
        error: (p, m, c, a) => base.error([...prefix, ...p], m, c, a),
        warn: (p, m, c, a) => base.warn([...prefix, ...p], m, c, a),
        under: (p) => prefixed(base, [...prefix, ...p]),
    };
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./src/config/describe.ts
const LIST_ENTITIES = {
    stages: (s, i) => (typeof s?.name === 'string' ? `stage '${s.name}'` : `stage #${i + 1}`),
    columns: (c, i) => (typeof c?.name === 'string' ? `column '${c.name}'` : `column #${i + 1}`),
    processors: (p, i) => (typeof p?.name === 'string' ? `processor '${p.name}'` : `processor #${i + 1}`),
    output_processors: (p, i) => (typeof p?.name === 'string' ? `output processor '${p.name}'` : `output processor #${i + 1}`),
    model_configs: (m, i) => (typeof m?.alias === 'string' ? `model config '${m.alias}'` : `model config #${i + 1}`),
    model_providers: (p, i) => (typeof p?.name === 'string' ? `model provider '${p.name}'` : `model provider #${i + 1}`),
    constraints: (_c, i) => `constraint #${i + 1}`,
};
function valueAt(data, path) {
    let node = data;
    for (const seg of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[seg];
    }
    return node;
}
/** The deepest named thing (stage, column, processor, model config, ...) that contains `path`. */
function entityOf(data, path) {
    let found;
    for (let i = 0; i + 1 < path.length; i++) {
        const key = String(path[i]);
        const namer = LIST_ENTITIES[key];
        const index = Number(path[i + 1]);
        if (namer && Number.isInteger(index) && Array.isArray(valueAt(data, path.slice(0, i + 1)))) {
            const item = valueAt(data, path.slice(0, i + 2));
            found = { depth: i + 2, label: namer(item ?? {}, index) };
        }
    }
    return found;
}
/** `params.values[0]` */
function formatRelPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number' || /^\d+$/.test(String(seg)))
            out += `[${seg}]`;
        else
            out += out ? `.${seg}` : String(seg);
    }
    return out;
}
/** A container (for "unknown key 'x' in ..." and "missing required key 'x' in ..."). */
function describeContainer(data, path) {
    const entity = entityOf(data, path);
    if (!entity)
        return path.length ? `'${formatRelPath(path)}'` : 'the workflow';
    const rel = path.slice(entity.depth);
    return rel.length ? `'${formatRelPath(rel)}' of ${entity.label}` : entity.label;
}
/** A field (for "'x' of column 'c' must be ..."). */
function describeField(data, path) {
    const entity = entityOf(data, path);
    if (!entity)
        return `'${formatRelPath(path)}'`;
    const rel = path.slice(entity.depth);
    return rel.length ? `'${formatRelPath(rel)}' of ${entity.label}` : entity.label;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/config/json-syntax.ts
/**
 * Strict JSON syntax checking with positions. A `.json` workflow or config must be JSON, not the YAML
 * superset the YAML parser would accept (trailing commas, comments, single quotes, bare words), and a
 * broken one deserves a JSON message at the offending character — JSON.parse's own messages carry a
 * position only sometimes, and differently between Node versions, so the first error is found here.
 */
const MAX_DEPTH = 1000;
class Fail extends Error {
    offset;
    constructor(offset, message) {
        super(message);
        this.offset = offset;
    }
}
/** The first syntax error of `text` as JSON, or undefined when JSON.parse would accept it. */
function findJsonSyntaxError(text) {
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const describe = (at) => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
    const ws = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    };
    const string = () => {
        const open = i++;
        for (;;) {
            if (i >= text.length)
                throw new Fail(open, 'string is never closed (missing ")');
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return;
            }
            if (c < 0x20)
                throw new Fail(c === 0x0a || c === 0x0d ? open : i, c === 0x0a || c === 0x0d ? 'string is never closed on its line (missing ")' : 'control character in a string (escape it)');
            if (c === 0x5c) {
                const e = text[i + 1];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        throw new Fail(i, 'invalid \\u escape in a string (needs 4 hex digits)');
                    i += 6;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i += 2;
                else
                    throw new Fail(i, `invalid escape '\\${e ?? ''}' in a string`);
            }
            else
                i++;
        }
    };
    const number = () => {
        const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '-' || m[0] === '')
            throw new Fail(i, `unexpected ${describe(i)} (expected a value)`);
        const after = text[i + m[0].length];
        if (after !== undefined && /[0-9.eE+\-xXbBoO_]/.test(after))
            throw new Fail(i, `invalid number '${text.slice(i, i + m[0].length + 1)}'`);
        i += m[0].length;
    };
    const value = (depth) => {
        ws();
        const c = text[i];
        if (c === '{')
            return container(depth, '{', '}');
        if (c === '[')
            return container(depth, '[', ']');
        if (c === '"')
            return string();
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) {
                i += word.length;
                return;
            }
        }
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return number();
        if (c === "'")
            throw new Fail(i, "strings must use double quotes (\") in JSON");
        if (c !== undefined && /[A-Za-z_]/.test(c)) {
            const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 60))[0];
            throw new Fail(i, `unexpected word '${word}' (strings must be quoted; literals are true, false and null)`);
        }
        throw new Fail(i, `unexpected ${describe(i)} (expected a value)`);
    };
    const container = (depth, open, close) => {
        if (depth >= MAX_DEPTH)
            throw new Fail(i, `nesting deeper than ${MAX_DEPTH} levels`);
        const start = i++;
        const what = open === '{' ? 'object' : 'array';
        ws();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            ws();
            if (i >= text.length)
                throw new Fail(start, `'${open}' is never closed (missing '${close}')`);
            if (open === '{') {
                if (text[i] !== '"')
                    throw new Fail(i, `unexpected ${describe(i)} in an object (expected a property name in double quotes)`);
                string();
                ws();
                if (text[i] !== ':')
                    throw new Fail(i, `unexpected ${describe(i)} after a property name (expected ':')`);
                i++;
            }
            value(depth + 1);
            ws();
            if (i >= text.length)
                throw new Fail(start, `'${open}' is never closed (missing '${close}')`);
            if (text[i] === close) {
                i++;
                return;
            }
            if (text[i] !== ',')
                throw new Fail(i, `unexpected ${describe(i)} in an ${what} (expected ',' or '${close}')`);
            const comma = i++;
            ws();
            if (text[i] === close)
                throw new Fail(comma, `trailing comma before '${close}' (JSON does not allow one)`);
        }
    };
    try {
        ws();
        if (i >= text.length)
            throw new Fail(i, 'the file is empty (expected a JSON value)');
        value(0);
        ws();
        if (i < text.length)
            throw new Fail(i, `unexpected ${describe(i)} after the end of the JSON value`);
        return undefined;
    }
    catch (err) {
        if (err instanceof Fail)
            return { offset: err.offset, message: err.message };
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/config/source-map.ts
/**
 * Where each node of a parsed YAML/JSON document came from, so that every diagnostic points at the
 * offending node (`path:line:col`).
 *
 * Validation works on one "virtual" document — the workflow with each stage's `config` replaced by the
 * Data Designer config it names (inline, `data_designer:`-wrapped, or read from another file). A
 * `Locator` maps a path in that virtual document back to the file and node it came from by mounting
 * each config's source map at `stages/<i>/config`.
 */


/**
 * Parses YAML, or JSON for a `.json` file, keeping a line counter for node positions. A `.json` file is
 * held to JSON's own syntax (no trailing commas, comments or single quotes; errors as `invalid JSON`)
 * and its data comes from JSON.parse; the YAML parser, which reads JSON as YAML, only supplies the
 * positions of the nodes (and the duplicate-key check).
 */
function parseSource(file, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    // uniqueKeys: a repeated key is a parse error (Data Designer silently keeps the last one).
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const map = new SourceMap(file, doc, lineCounter);
    if (file.toLowerCase().endsWith('.json')) {
        const bad = findJsonSyntaxError(text);
        if (bad)
            return { file, data: undefined, map, errors: [{ severity: 'error', message: `invalid JSON: ${bad.message}`, location: map.at(bad.offset), code: 'json_syntax' }] };
        const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
        const errors = duplicates.map((e) => yamlDiagnostic(e, map, doc, 'invalid JSON'));
        return { file, data: errors.length ? undefined : JSON.parse(text.replace(/^\uFEFF/, '')), map, errors };
    }
    const errors = doc.errors.map((e) => yamlDiagnostic(e, map, doc, 'invalid YAML'));
    if (errors.length)
        return { file, data: undefined, map, errors };
    try {
        return { file, data: doc.toJS({ maxAliasCount: 1000 }), map, errors };
    }
    catch (err) {
        // yaml refuses aliases that expand to too much data ("billion laughs"): one sentence at the first alias.
        const message = /alias/i.test(err.message)
            ? 'invalid YAML: its aliases (*name) expand to too much data (more than 1000 alias expansions); write the values out instead'
            : yamlErrorSentence(err.message, 'invalid YAML');
        return { file, data: undefined, map, errors: [{ severity: 'error', message, location: map.at(firstAlias(doc) ?? 0), code: 'yaml_syntax' }] };
    }
}
function firstAlias(doc) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, node) {
            if (node.range && (found === undefined || node.range[0] < found))
                found = node.range[0];
        },
    });
    return found;
}
function yamlDiagnostic(e, map, doc, what) {
    // An unclosed quote is found only at the end of the file; point at the quote that opens it.
    const opening = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuoteStart(doc, e.pos[0]) : undefined;
    const message = opening !== undefined
        ? `${what}: this ${opening.quote === "'" ? 'single' : 'double'}-quoted value is never closed (missing closing ${opening.quote})`
        : yamlErrorSentence(e.message, what);
    return { severity: 'error', message, location: map.at(opening?.offset ?? e.pos[0]), code: 'yaml_syntax' };
}
/** The quoted scalar that runs up to `end` (where the parser noticed the missing quote). */
function unclosedQuoteStart(doc, end) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Scalar(_key, node) {
            const range = node.range;
            if (!range || (node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE'))
                return;
            if (range[0] < end && range[1] >= end && (!found || range[0] > found.offset)) {
                found = { offset: range[0], quote: node.type === 'QUOTE_SINGLE' ? "'" : '"' };
            }
        },
    });
    return found;
}
/** yaml's messages carry a code excerpt after the first line; keep the sentence. */
function yamlErrorSentence(message, what) {
    const first = message.split('\n')[0].trim().replace(/ at line \d+, column \d+:?$/, '');
    return `${what}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}
class SourceMap {
    file;
    doc;
    lines;
    constructor(file, doc, lines) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
    }
    /** Location of a character offset. */
    at(offset) {
        const { line, col } = this.lines.linePos(Math.max(0, offset));
        return { file: this.file, line, col };
    }
    /**
     * Location of the node at `path` (its key when `anchor` is 'key' and the node is a mapping entry).
     * A path that does not exist (a missing key) resolves to its nearest existing ancestor, which is the
     * mapping the key is missing from.
     */
    /** The parsed node at `path` (keys keep their scalar types there: `1:` is a number), if it exists. */
    node(path) {
        let node = this.doc.contents;
        for (const seg of path) {
            if ((0,dist/* isMap */.jh)(node))
                node = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg))?.value;
            else if ((0,dist/* isSeq */.oP)(node))
                node = node.items[typeof seg === 'number' ? seg : Number(seg)];
            else
                return undefined;
            if (node === null || node === undefined)
                return undefined;
        }
        return (node ?? undefined);
    }
    locate(path, anchor = 'value') {
        let node = this.doc.contents;
        let lastKey;
        let best = this.nodeLocation(node) ?? { file: this.file, line: 1, col: 1 };
        for (let i = 0; i < path.length; i++) {
            const seg = path[i];
            let next;
            lastKey = undefined;
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
                if (pair) {
                    next = pair.value;
                    lastKey = pair.key;
                    // `key:` with no value has a null value node; point at the key then.
                    if (next === null || next === undefined) {
                        return this.nodeLocation(lastKey) ?? best;
                    }
                }
            }
            else if ((0,dist/* isSeq */.oP)(node)) {
                const idx = typeof seg === 'number' ? seg : Number(seg);
                if (Number.isInteger(idx))
                    next = node.items[idx];
            }
            if (next === undefined)
                return best;
            node = next;
            const loc = anchor === 'key' && i === path.length - 1 && lastKey ? this.nodeLocation(lastKey) : this.nodeLocation(node);
            if (loc)
                best = loc;
        }
        return best;
    }
    nodeLocation(node) {
        const range = node?.range;
        return range ? this.at(range[0]) : undefined;
    }
}
/** Maps paths of the virtual (validated) document to source locations across files. */
class Locator {
    root;
    mounts = [];
    constructor(root) {
        this.root = root;
    }
    mount(prefix, map, base = []) {
        this.mounts.push({ prefix, map, base });
    }
    locate(path, anchor = 'value') {
        const chosen = this.mountFor(path);
        if (!chosen)
            return this.root.locate(path, anchor);
        return chosen.map.locate([...chosen.base, ...path.slice(chosen.prefix.length)], anchor);
    }
    /** The parsed node at `path` of the virtual document, in whichever file it lives. */
    node(path) {
        const chosen = this.mountFor(path);
        if (!chosen)
            return this.root.node(path);
        return chosen.map.node([...chosen.base, ...path.slice(chosen.prefix.length)]);
    }
    mountFor(path) {
        let chosen;
        for (const m of this.mounts) {
            if (isPrefix(m.prefix, path) && (!chosen || m.prefix.length > chosen.prefix.length))
                chosen = m;
        }
        return chosen;
    }
    /** The file a path lives in (configs named by path live in their own file). */
    fileOf(path) {
        return this.locate(path).file;
    }
}
function isPrefix(prefix, path) {
    return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}
/** `/a/0/b~1c` → ['a', '0', 'b/c'] (ajv's instancePath). */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

;// CONCATENATED MODULE: ./src/config/schema-validator.ts
/**
 * Validates a workflow document against the published JSON Schema (schema/ddflow.schema.json, built from
 * src/config/schema.ts) with ajv, fills in every default the schema declares, and turns ajv's errors into
 * one clear sentence per real problem.
 *
 * Why the schema is rewritten before compiling: plain `anyOf` unions (nullable fields, constraint kinds,
 * selection strategies, number-or-distribution) make ajv report every branch's failure, so one typo
 * becomes five messages. Each `anyOf` is turned into an `if/then/else` chain that picks the branch by
 * shape (JSON type, a tag property, or a key only that branch has) and validates only that branch. The
 * accepted documents are the same; only the error reporting changes. A side benefit: ajv's `useDefaults`
 * is ignored inside `anyOf` but honoured inside `then`/`else`, so defaults (declared only in schema.ts)
 * are filled in everywhere by validation itself.
 */




let compiled;
/** $defs of the validation schema, to resolve discriminator branches when listing expected tags. */
let tagDefs = {};
/** The validation schema: the published one, with stage `config` narrowed to the inline-config branch. */
function validationSchema() {
    const schema = (0,config_schema/* publishedSchema */.sk)();
    const defs = schema.$defs;
    const stage = defs.Stage;
    const config = stage.properties.config;
    // The loader unwraps `data_designer:` and reads config files before validation, so what reaches the
    // validator is always the inline (shorthand) form.
    const inline = config.anyOf.find((b) => b.properties?.columns);
    if (!inline)
        throw new Error('schema: Stage.config has no inline-config branch');
    stage.properties.config = inline;
    tagDefs = defs;
    return rewriteUnions(schema, defs);
}
function validator() {
    if (!compiled) {
        // inlineRefs/optimize off: compiling drops from ~1.2 s to ~0.15 s (the CLI compiles once per process).
        const ajv = new _2020.Ajv2020({
            discriminator: true,
            allErrors: true,
            strict: false,
            verbose: true,
            useDefaults: true,
            inlineRefs: false,
            code: { optimize: false },
        });
        compiled = ajv.compile(validationSchema());
    }
    return compiled;
}
/**
 * Validates `doc` in place: on success every default has been filled in. Returns the problems found
 * (empty when valid). Problems at or below a `suppressed` path are dropped (already reported better).
 */
function validateAgainstSchema(doc, suppressed = []) {
    const validate = validator();
    if (validate(doc))
        return [];
    const out = [];
    const seen = new Set();
    for (const err of validate.errors ?? []) {
        const problem = translate(err, doc);
        if (!problem)
            continue;
        if (suppressed.some((p) => isPrefix(p, problem.path)))
            continue;
        const key = `${problem.path.join('/')}|${problem.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(problem);
    }
    return out;
}
// ---------------------------------------------------------------------------------------------------
// anyOf → if/then/else
function resolve(node, defs) {
    let cur = node;
    for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
        const name = cur.$ref.replace('#/$defs/', '');
        cur = defs[name] ?? cur;
    }
    return cur;
}
/** JSON types a branch accepts ('integer' counted as 'number': the guard must not reject 1.5 for an int field). */
function typesOf(node, defs) {
    const n = resolve(node, defs);
    const out = new Set();
    const add = (t) => out.add(t === 'integer' ? 'number' : String(t));
    if (Array.isArray(n.type))
        n.type.forEach(add);
    else if (n.type !== undefined)
        add(n.type);
    else if (Array.isArray(n.anyOf))
        for (const b of n.anyOf)
            typesOf(b, defs).forEach((t) => out.add(t));
    else if (n.oneOf || n.properties || n.discriminator)
        out.add('object');
    else if (n.const !== undefined)
        add(typeof n.const);
    if (Array.isArray(n.enum) && out.size === 0)
        for (const v of n.enum)
            add(typeof v);
    return out;
}
/** A schema that holds exactly when a value belongs to `branch` rather than its siblings, or undefined. */
function guardFor(branch, siblings, defs) {
    const mine = typesOf(branch, defs);
    const others = new Set(siblings.flatMap((s) => [...typesOf(s, defs)]));
    if (mine.size && [...mine].every((t) => !others.has(t)))
        return { type: [...mine] };
    const b = resolve(branch, defs);
    const props = (b.properties ?? {});
    // A tag property (the loader injects constraint_type, generation_type and distribution_type).
    for (const [key, prop] of Object.entries(props)) {
        if (prop.const !== undefined) {
            return { type: 'object', required: [key], properties: { [key]: { const: prop.const } } };
        }
    }
    // Keys only this branch has.
    const otherKeys = new Set(siblings.flatMap((s) => Object.keys((resolve(s, defs).properties ?? {}))));
    const own = Object.keys(props).filter((k) => !otherKeys.has(k));
    if (own.length)
        return { type: 'object', anyOf: own.map((k) => ({ required: [k] })) };
    return undefined;
}
function rewriteUnions(node, defs) {
    if (Array.isArray(node))
        return node.map((n) => rewriteUnions(n, defs));
    if (!node || typeof node !== 'object')
        return node;
    const src = node;
    const out = {};
    for (const [k, v] of Object.entries(src))
        out[k] = k === 'anyOf' ? v : rewriteUnions(v, defs);
    if (!Array.isArray(src.anyOf))
        return out;
    const raw = src.anyOf;
    // A union of literals ('none' | 'last_message' | ...) is an enum: one "must be one of" message.
    if (raw.every((b) => b.const !== undefined && Object.keys(b).every((k) => k === 'const' || k === 'type'))) {
        delete out.anyOf;
        return { ...out, enum: raw.map((b) => b.const) };
    }
    const branches = raw.map((b) => rewriteUnions(b, defs));
    const guards = raw.map((b, i) => guardFor(b, raw.filter((_, j) => j !== i), defs));
    if (guards.slice(0, -1).some((g) => g === undefined)) {
        // Not separable by shape: keep ajv's behaviour.
        out.anyOf = branches;
        return out;
    }
    const allTypes = [...new Set(raw.flatMap((b) => [...typesOf(b, defs)]))];
    const last = branches.length - 1;
    // The last branch is the fallback, unless it can be told apart by type: then a value of no listed type
    // gets one "must be a number or an object" message instead of the last branch's complaints.
    const lastGuard = guards[last];
    let chain = lastGuard && lastGuard.type && !lastGuard.required && !lastGuard.anyOf
        ? { if: lastGuard, then: branches[last], else: { type: allTypes } }
        : branches[last];
    for (let i = last - 1; i >= 0; i--)
        chain = { if: guards[i], then: branches[i], else: chain };
    delete out.anyOf;
    return { ...out, allOf: [chain] };
}
// ---------------------------------------------------------------------------------------------------
// ajv error → sentence
const ARTICLE = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'a boolean (true or false)',
    object: 'a mapping',
    array: 'a list',
    null: 'null',
};
function typeList(t) {
    const list = (Array.isArray(t) ? t : [t]).map((x) => ARTICLE[String(x)] ?? String(x));
    return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}
/** Control and bidirectional-text characters, shown escaped so a message reads as what it is. */
const INVISIBLE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const visible = (s) => s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Long values are cut for display (a 10,000-character stage name is not worth repeating). */
const quote = (v) => typeof v === 'string' ? `'${visible(v.length > 60 ? `${v.slice(0, 57)}...` : v)}'` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
/** Tags the discriminator accepts, in Data Designer's (first) spelling. */
function expectedTags(parentSchema, tag) {
    const branches = (parentSchema?.oneOf ?? []);
    const tags = new Set();
    for (const branch of branches) {
        const b = resolve(branch, tagDefs);
        const prop = (b.properties ?? {})[tag];
        if (!prop)
            continue;
        if (prop.const !== undefined)
            tags.add(String(prop.const));
        else if (Array.isArray(prop.enum))
            tags.add(String(prop.enum[0]));
    }
    return [...tags].sort();
}
/** Fields whose values must never be repeated in a message (they may hold a pasted secret). */
const SECRET_FIELDS = new Set(['api_key', 'extra_headers']);
function translate(err, doc) {
    const path = pointerToPath(err.instancePath);
    const last = path[path.length - 1];
    const field = () => describeField(doc, path);
    const params = err.params;
    const secret = path.some((p) => SECRET_FIELDS.has(String(p)));
    switch (err.keyword) {
        case 'if':
        case 'anyOf':
        case 'oneOf':
            if (err.keyword === 'if')
                return undefined;
            return { path, anchor: 'value', code: 'schema', message: `${field()} does not match any allowed form` };
        case 'additionalProperties':
            return {
                path: [...path, String(params.additionalProperty)],
                anchor: 'key',
                code: 'unknown_key',
                message: `unknown key '${params.additionalProperty}' in ${describeContainer(doc, path)}`,
            };
        case 'required':
            return {
                path,
                anchor: 'value',
                code: 'missing_key',
                message: `missing required key '${params.missingProperty}' in ${describeContainer(doc, path)}`,
            };
        case 'discriminator': {
            const tag = String(params.tag);
            if (params.error === 'mapping') {
                const tags = expectedTags(err.parentSchema, tag).map((t) => `'${t}'`).join(', ');
                return {
                    path: [...path, tag],
                    anchor: 'value',
                    code: 'bad_tag',
                    message: `${tag} ${quote(params.tagValue)} in ${describeContainer(doc, path)} does not match any of the expected tags: ${tags}`,
                };
            }
            const value = err.data?.[tag];
            if (value === undefined) {
                return { path, anchor: 'value', code: 'missing_key', message: `missing required key '${tag}' in ${describeContainer(doc, path)}` };
            }
            return { path: [...path, tag], anchor: 'value', code: 'schema', message: `${describeField(doc, [...path, tag])} must be a string` };
        }
        case 'type':
            return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${typeList(params.type)}` };
        case 'const':
            return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${quote(params.allowedValue)}` };
        case 'enum': {
            const allowed = params.allowedValues.map(quote).join(', ');
            const got = secret ? '' : ` (got ${quote(err.data)})`;
            return { path, anchor: 'value', code: 'schema', message: `${field()} must be one of: ${allowed}${got}` };
        }
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            if (err.keyword === 'maximum' && last === 'num_records') {
                return { path, anchor: 'value', code: 'schema', message: `${field()} must be at most ${Number(params.limit).toLocaleString('en-US')} (ddflow's bound for one stage)` };
            }
            return { path, anchor: 'value', code: 'schema', message: `${field()} must be ${params.comparison} ${params.limit}` };
        case 'minItems':
            return {
                path,
                anchor: 'value',
                code: 'schema',
                message: `${field()} must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`,
            };
        case 'minProperties':
            return { path, anchor: 'value', code: 'schema', message: `${field()} must have at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}` };
        case 'minLength':
            return { path, anchor: 'value', code: 'schema', message: `${field()} must not be empty` };
        case 'maxLength': {
            const what = path[0] === 'stages' && path.length === 3 && last === 'name' ? `stage name ${quote(err.data)}` : field();
            return { path, anchor: 'value', code: 'schema', message: `${what} must be at most ${params.limit} characters long (it has ${String(err.data).length})` };
        }
        case 'pattern':
            return { path, anchor: 'value', code: 'schema', message: patternMessage(doc, path, String(last), err.data) };
        default:
            return { path, anchor: 'value', code: 'schema', message: `${field()} ${err.message ?? 'is invalid'}` };
    }
}
function patternMessage(doc, path, key, value) {
    if (path.length === 1 && key === 'name') {
        return `workflow name ${quote(value)} must start with a letter or digit and contain only letters, digits, '.', '_' and '-'`;
    }
    if (path[0] === 'stages' && path.length === 3 && key === 'name') {
        return `stage name ${quote(value)} must be a safe directory name (no / \\ : * ? " < > |, no control or bidirectional-text characters, not '.' or '..')`;
    }
    if (path[0] === 'stages' && path[2] === 'on_success' && key === 'version') {
        return `on_success version ${quote(value)} must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..')`;
    }
    if (key === 'output')
        return `${describeField(doc, path)} must be 'final' or 'processor:<name>'`;
    return `${describeField(doc, path)} has an invalid format`;
}

// EXTERNAL MODULE: ./src/llm/providers.ts
var llm_providers = __webpack_require__(64689);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/config/column-set.ts
/**
 * The columns of a dataset as far as validation can know them. `open` means there may be columns not
 * listed (they come from a parquet seed, an `on_success` command or a `sql` processor): references to
 * unlisted names are then not errors at validate time (ddflow-spec §6) — they are checked when the stage
 * starts.
 */

const closedSet = (names) => ({ names: [...new Set(names)], open: false });
const column_set_openSet = (names = []) => ({ names: [...new Set(names)], open: true });
/** `set` restricted to `names` (types kept for the names that remain). */
function withNames(set, names) {
    if (!set.types)
        return { names: [...names], open: set.open };
    const types = {};
    for (const n of names)
        if (Object.hasOwn(set.types, n))
            types[n] = set.types[n];
    return { names: [...names], open: set.open, types };
}
/** The known DuckDB type of a column, if any. */
function typeOf(set, name) {
    return set.types && Object.hasOwn(set.types, name) ? set.types[name] : undefined;
}
function hasColumn(set, name) {
    return set.names.includes(name);
}
/** Whether `name` is certainly absent (false when the set is open). */
function certainlyMissing(set, name) {
    return !set.open && !set.names.includes(name);
}
/** Data Designer treats a drop entry containing `*` as an fnmatch glob. */
function isGlob(entry) {
    return /[*?[]/.test(entry);
}
function matchColumns(entry, names) {
    if (!isGlob(entry))
        return names.filter((n) => n === entry);
    const test = picomatch_default()(entry, { dot: true });
    return names.filter((n) => test(n));
}

// EXTERNAL MODULE: ./src/config/builtin-models.ts
var builtin_models = __webpack_require__(75360);
;// CONCATENATED MODULE: ./src/config/rules/models.ts

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The model config a column's alias names: the workflow's/stage's own, else a Data Designer default alias. */
function resolveModelAlias(models, alias) {
    return models.get(alias) ?? (0,builtin_models/* builtinModelConfig */.T)(alias);
}
/**
 * `usable(i)`: whether model config i passed the schema. A config that did not is only counted for
 * duplicate aliases; its other fields may have any shape, so nothing else reads them.
 */
function checkModelConfigs(models, providers, report, usable = () => true) {
    const seen = new Set();
    models.forEach((m, i) => {
        const alias = isObject(m) ? m.alias : undefined;
        if (typeof alias === 'string') {
            if (seen.has(alias))
                report.error([i, 'alias'], `duplicate model alias '${alias}'`, 'duplicate_model_alias');
            seen.add(alias);
        }
        if (!usable(i) || !isObject(m))
            return;
        if (!providers.has(m.provider)) {
            report.error([i, 'provider'], `unknown provider '${m.provider}' in model config '${m.alias}': no provider named '${m.provider}' registered (known: ${[...providers].sort().join(', ')})`, 'unknown_provider');
        }
        const ip = (m.inference_parameters ?? {});
        checkBounded(ip.temperature, 'temperature', 2, [i, 'inference_parameters', 'temperature'], report);
        checkBounded(ip.top_p, 'top_p', 1, [i, 'inference_parameters', 'top_p'], report);
    });
}
function checkBounded(value, name, max, at, report) {
    if (!value || typeof value !== 'object')
        return;
    const d = value;
    const outOfRange = `${name} defined in model config must be between 0.0 and ${max.toFixed(1)}`;
    if (d.distribution_type === 'manual') {
        const values = d.params.values ?? [];
        if (values.some((v) => v < 0 || v > max))
            report.error([...at, 'params', 'values'], outOfRange, 'invalid_inference_params');
        if (d.params.weights && d.params.weights.length !== values.length) {
            report.error([...at, 'params', 'weights'], "'values' and 'weights' must have the same length", 'invalid_inference_params');
        }
        return;
    }
    const { low = 0, high = 0 } = d.params;
    if (!(low < high))
        report.error([...at, 'params', 'low'], "'low' must be less than 'high'", 'invalid_inference_params');
    if (low < 0 || high > max)
        report.error([...at, 'params'], outOfRange, 'invalid_inference_params');
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** True when `api_key` is not an environment variable name (ddflow-spec §5). Never print the value. */
function looksLikeLiteralKey(apiKey) {
    return !ENV_NAME.test(apiKey) || /^(sk-|nvapi-)/i.test(apiKey);
}
function checkProviders(providers, report, usable = () => true) {
    const seen = new Set();
    providers.forEach((p, i) => {
        if (!usable(i) || !isObject(p))
            return;
        if (seen.has(p.name))
            report.error([i, 'name'], `duplicate model provider name '${p.name}'`, 'duplicate_provider');
        seen.add(p.name);
        if (typeof p.api_key === 'string' && looksLikeLiteralKey(p.api_key)) {
            report.error([i, 'api_key'], `api_key of model provider '${p.name}' looks like a literal key: store the key in a secret and set api_key to the NAME of the environment variable that holds it (e.g. ${p.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY)`, 'literal_api_key');
        }
    });
}

// EXTERNAL MODULE: ./src/shared/seed-files.ts
var seed_files = __webpack_require__(23846);
;// CONCATENATED MODULE: ./src/config/rules/seeds.ts
/**
 * Seed sources: paths that must exist with a dataset extension (Data Designer's messages), selection
 * strategy bounds, and — where it is cheap to know — the seed's column names, so that references to
 * seed columns are checked too.
 */





function checkSeedSource(seed, baseDir, report) {
    const source = seed.source;
    if (source.seed_type === 'local') {
        try {
            (0,seed_files/* localSeedFiles */.$b)(source.path, baseDir);
        }
        catch (err) {
            if (!(err instanceof diagnostics/* DdflowError */.Zq))
                throw err;
            report.error(['source', 'path'], err.message, 'seed_path');
        }
    }
    else {
        const dir = external_node_path_default().resolve(baseDir, source.path);
        if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
            report.error(['source', 'path'], `Path ${source.path} is not a directory.`, 'seed_path');
        const pattern = source.file_pattern ?? '*';
        if (pattern.includes('/') || pattern.includes('\\')) {
            report.error(['source', 'file_pattern'], 'file_pattern must match file names, not relative paths.', 'seed_path');
        }
    }
    const sel = seed.selection_strategy;
    if (sel && sel.start !== undefined && sel.end !== undefined && sel.start > sel.end) {
        report.error(['selection_strategy', 'start'], "'start' index must be less than or equal to 'end' index", 'selection_strategy');
    }
    if (sel && sel.num_partitions !== undefined && (sel.index ?? 0) >= sel.num_partitions) {
        report.error(['selection_strategy', 'index'], "'index' must be less than 'num_partitions'", 'selection_strategy');
    }
}
const MANIFEST_COLUMNS = ['source_kind', 'source_path', 'relative_path', 'file_name'];
/** Reading more than this to learn a JSON seed's keys is not worth it at validate time. */
const MAX_SCAN_BYTES = 4 * 1024 * 1024;
/**
 * The columns a seed source provides, as far as they can be known cheaply: CSV headers and JSON keys are
 * read; parquet (and anything unreadable) gives an open set, so that references are not wrongly refused.
 */
async function seedColumns(source, baseDir) {
    if (source.seed_type === 'directory')
        return closedSet(MANIFEST_COLUMNS);
    if (source.seed_type === 'file_contents')
        return closedSet([...MANIFEST_COLUMNS, 'content']);
    try {
        const files = (0,seed_files/* localSeedFiles */.$b)(source.path, baseDir);
        if (!files.length)
            return column_set_openSet();
        const names = new Set();
        for (const file of files) {
            const ext = external_node_path_default().extname(file).toLowerCase();
            const stat = (0,external_node_fs_.statSync)(file);
            // Never open a FIFO, socket or device: reading one can block forever (checkSeedSource reports it).
            if (!stat.isFile())
                return column_set_openSet(names);
            const size = stat.size;
            if (ext === '.csv') {
                const handle = await external_node_fs_.promises.open(file, 'r');
                try {
                    const buf = Buffer.alloc(Math.min(size, 64 * 1024));
                    await handle.read(buf, 0, buf.length, 0);
                    const header = buf.toString('utf8').split(/\r?\n/)[0] ?? '';
                    if (!header)
                        return column_set_openSet(names);
                    parseCsvLine(header).forEach((n) => names.add(n));
                }
                finally {
                    await handle.close();
                }
            }
            else if ((ext === '.json' || ext === '.jsonl') && size <= MAX_SCAN_BYTES) {
                const text = await external_node_fs_.promises.readFile(file, 'utf8');
                const records = jsonRecords(text);
                if (!records)
                    return column_set_openSet(names);
                for (const r of records)
                    Object.keys(r).forEach((k) => names.add(k));
            }
            else {
                return column_set_openSet(names);
            }
        }
        return closedSet(names);
    }
    catch {
        return column_set_openSet();
    }
}
function jsonRecords(text) {
    const trimmed = text.trim();
    if (!trimmed)
        return [];
    try {
        const whole = JSON.parse(trimmed);
        if (Array.isArray(whole))
            return whole.filter((r) => r && typeof r === 'object');
        if (whole && typeof whole === 'object')
            return [whole];
    }
    catch {
        // JSON lines
    }
    try {
        return trimmed
            .split(/\r?\n/)
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l));
    }
    catch {
        return undefined;
    }
}
function parseCsvLine(line) {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                cur += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ',') {
            out.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    out.push(cur);
    return out.map((s) => s.trim());
}

// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
;// CONCATENATED MODULE: ./src/workflow/sql-checks.ts
/**
 * `sql` processor queries are parsed with DuckDB's own parser, so a syntax error is reported by
 * `validate` at the query instead of failing the run after generation; and a query over a dataset whose
 * columns are known is bound (DuckDB `DESCRIBE`) against an empty table with those columns, so its own
 * references are checked and its output columns are known to everything after it (never executed on
 * data: the table is empty and the query is not run, only described).
 *
 * DuckDB is a native addon that `ddflow validate` otherwise never needs: it is loaded lazily, only when
 * a workflow has sql processors, and when it cannot be loaded (e.g. the bundled CLI without
 * node_modules) the check is skipped without a word — the run reports the same problem anyway.
 */



/**
 * A checker that opens DuckDB on its first query (`open`: how; tests pass one that fails, as a CLI
 * without DuckDB would). If DuckDB cannot be had, every query is left unchecked and its output open.
 */
function lazySqlChecker(open = () => (0,database/* openDatabase */.qI)()) {
    let db;
    const get = () => (db ??= open().then(async (d) => {
        try {
            // Nothing in a workflow file may make validate touch a file, a URL or an extension.
            await d.run('SET enable_external_access = false');
            await d.run('SET lock_configuration = true');
            return d;
        }
        catch {
            d.close();
            return undefined;
        }
    }, () => undefined));
    return {
        async check(q, input, report) {
            const d = await get();
            if (!d)
                return column_set_openSet();
            if (!(await checkQueryText(d, q, report)))
                return column_set_openSet();
            return describeQuery(d, q, input, report);
        },
        close() {
            void db?.then((d) => d?.close());
        },
    };
}
/** Checks queries whose input columns are not known (each as over an open dataset). */
async function checkSqlQueries(queries, report, open = () => openDatabase()) {
    if (queries.length === 0)
        return;
    const checker = lazySqlChecker(open);
    try {
        for (const q of queries)
            await checker.check(q, openSet(), report);
    }
    finally {
        checker.close();
    }
}
/** The parse-level checks: one query, no statement but a query, no file access. False when reported. */
async function checkQueryText(db, q, report) {
    const parsed = await (0,database/* parseSql */.eg)(db, q.query);
    if ('error' in parsed) {
        report.error(q.at, `The query of sql processor '${q.processor}' is invalid: ${parsed.error}`, 'sql_syntax');
        return false;
    }
    const count = parsed.statements;
    // The engine runs it as a subquery (asDatasetQuery): one query, no DML/DDL.
    const wrapped = count === 1 && 'statements' in (await (0,database/* parseSql */.eg)(db, (0,dataset/* asDatasetQuery */.$P)(q.query)));
    if (!wrapped) {
        const keyword = count === 1 ? leadingKeyword(q.query) : undefined;
        const kind = keyword && !QUERY_KEYWORDS.has(keyword) ? `, not ${/^[AEIOU]/.test(keyword) ? 'an' : 'a'} ${keyword} statement` : '';
        report.error(q.at, `The query of sql processor '${q.processor}' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset)${count === 1 ? kind : `, not ${count} statements`}.`, 'sql_not_a_query');
        return false;
    }
    const access = await fileAccessIn(db, q.query);
    if (access) {
        report.error(q.at, `The query of sql processor '${q.processor}' ${access.what}${access.where ? ` at ${access.where} of the query` : ''}: a sql processor query may read only the table 'dataset', never files, URLs or other databases.`, 'sql_file_access');
        return false;
    }
    return true;
}
/** Binder errors that name a column the query's tables do not have: they do not depend on column types. */
const MISSING_COLUMN = /^Binder Error: (?:Referenced column "(.+)" not found in FROM clause!|Table "(?:.+)" does not have a column named "(.+)")/;
/** How many of the dataset's columns a message lists. */
const LISTED = 12;
/**
 * The query's output columns over an empty `dataset` with the input's columns (types as known, VARCHAR
 * otherwise), from DuckDB's DESCRIBE of the query as the engine wraps it — the names the run will give
 * them (DuckDB's own deduplication included). A column the query names that the dataset does not have
 * is reported; any other binding failure (a VARCHAR guess where the run has numbers, say) leaves the
 * output open without a word, as before.
 */
async function describeQuery(db, q, input, report) {
    if (input.open || input.names.length === 0)
        return column_set_openSet();
    try {
        const columns = input.names.map((n) => `${(0,database/* quoteIdent */.v4)(n)} ${sqlType(typeOf(input, n))}`);
        await db.run(`CREATE OR REPLACE TEMP TABLE dataset (${columns.join(', ')})`);
    }
    catch {
        // Names DuckDB cannot hold side by side (`a` and `A`), or a NUL: the run will tell.
        return column_set_openSet();
    }
    try {
        const described = await db.describe((0,dataset/* asDatasetQuery */.$P)(q.query));
        return { names: described.map((c) => c.name), open: false, types: Object.fromEntries(described.map((c) => [c.name, c.type])) };
    }
    catch (err) {
        const message = (0,database/* errorMessage */.gJ)(err);
        const m = MISSING_COLUMN.exec(message);
        if (m) {
            const shown = input.names.slice(0, LISTED).map((n) => `'${n}'`).join(', ') + (input.names.length > LISTED ? `, ... (${input.names.length} in all)` : '');
            report.error(q.at, `The query of sql processor '${q.processor}' references column '${m[1] ?? m[2]}', which the dataset does not have at that point (its columns: ${shown}): ${message}`, 'sql_missing_column');
        }
        return column_set_openSet();
    }
    finally {
        await db.run('DROP TABLE IF EXISTS temp.dataset').catch(() => undefined);
    }
}
/** A type DuckDB knows, or VARCHAR: the type is only a hint that lets more queries bind. */
function sqlType(type) {
    if (!type)
        return 'VARCHAR';
    // Nested types are spelled out with their field names (which a query chose): as JSON they still bind `s.field`.
    if (/^(STRUCT|MAP|UNION)\b/.test(type))
        return 'JSON';
    return /^[A-Z][A-Z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\d*\])*$/.test(type) ? type : 'VARCHAR';
}
/** First words of statements that are queries (anything else — ATTACH, COPY, SET, PRAGMA, INSTALL, LOAD, ... — is named in the message). */
const QUERY_KEYWORDS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'SUMMARIZE', 'DESCRIBE', 'PIVOT', 'UNPIVOT']);
function leadingKeyword(sql) {
    const m = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql);
    return m?.[1]?.toUpperCase();
}
/**
 * Table functions that read files, URLs or other databases, or run SQL given as text (`query`). The
 * run refuses them anyway (the query runs in a DuckDB instance that cannot reach the file system, see
 * openSandboxDatabase); validate names them so the author learns it before a run.
 */
const FILE_FUNCTION = /^(?:read_\w+|\w+_scan|scan_\w+|glob|sniff_csv|parquet_\w+|query|query_table|st_read\w*|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|http_\w+|load_\w+)$/i;
/**
 * The first place the query reads outside the dataset: a file-reading table function, or a string used
 * as a table (`FROM '/etc/passwd'` is a DuckDB replacement scan of that file). Found in DuckDB's own
 * parse tree (`json_serialize_sql`, parse only); undefined when the tree cannot be had.
 */
async function fileAccessIn(db, query) {
    let tree;
    try {
        // A JSON column: the wrapper hands it back parsed.
        const [row] = await db.all(`SELECT json_serialize_sql(${(0,database/* quoteLiteral */.ce)(query.trim().replace(/;+\s*$/, ''))}) AS j`);
        tree = typeof row?.j === 'string' ? JSON.parse(row.j) : row?.j;
    }
    catch {
        tree = undefined;
    }
    const text = query.trim().replace(/;+\s*$/, '');
    // Some queries have no JSON form (PIVOT: "Only SELECT statements can be serialized"): scan the tokens.
    if (!tree || typeof tree !== 'object' || tree.error === true)
        return fileAccessInTokens(text);
    let found;
    const visit = (node) => {
        if (found || node === null || typeof node !== 'object')
            return;
        if (Array.isArray(node)) {
            for (const n of node)
                visit(n);
            return;
        }
        const n = node;
        if (n.type === 'FUNCTION' && typeof n.function_name === 'string' && FILE_FUNCTION.test(n.function_name)) {
            found = { what: `calls ${n.function_name}()`, where: positionIn(text, n.query_location) };
            return;
        }
        if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string' && /[./\\:]/.test(n.table_name)) {
            found = { what: `uses ${JSON.stringify(n.table_name)} as a table, which DuckDB reads as a file,`, where: positionIn(text, n.query_location) };
            return;
        }
        for (const v of Object.values(n))
            visit(v);
    };
    visit(tree);
    return found;
}
/** `line L, column C` of a DuckDB query_location (a byte offset into the UTF-8 text). */
function positionIn(text, location) {
    if (typeof location !== 'number' || !Number.isSafeInteger(location) || location < 0)
        return undefined;
    const bytes = Buffer.from(text, 'utf8');
    if (location > bytes.length)
        return undefined;
    const before = bytes.subarray(0, location).toString('utf8');
    const lines = before.split('\n');
    return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}
/**
 * The token-level fallback of fileAccessIn: a file-reading function name followed by `(`, or a string
 * right after FROM, JOIN, PIVOT or UNPIVOT. Comments are skipped; string and quoted-name contents are
 * not searched.
 */
function fileAccessInTokens(text) {
    const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|[A-Za-z_][A-Za-z0-9_$]*|\S/g;
    let previous = '';
    for (let m = token.exec(text); m; m = token.exec(text)) {
        const t = m[0];
        if (t.startsWith('--') || t.startsWith('/*'))
            continue;
        const where = positionIn(text, Buffer.byteLength(text.slice(0, m.index), 'utf8'));
        if (/^[A-Za-z_]/.test(t) && FILE_FUNCTION.test(t) && /^\s*\(/.test(text.slice(token.lastIndex)))
            return { what: `calls ${t}()`, where };
        if ((t.startsWith("'") || t.startsWith('"')) && /^(?:FROM|JOIN|PIVOT|UNPIVOT)$/i.test(previous)) {
            const name = t.slice(1, -1).replaceAll(t[0].repeat(2), t[0]);
            if (t.startsWith("'") || /[./\\:]/.test(name))
                return { what: `uses ${JSON.stringify(name)} as a table, which DuckDB reads as a file,`, where };
        }
        previous = t;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/template/ast.ts
var template_ast = __webpack_require__(13710);
// EXTERNAL MODULE: ./src/template/errors.ts
var errors = __webpack_require__(72283);
// EXTERNAL MODULE: ./src/template/filters.ts
var filters = __webpack_require__(21329);
// EXTERNAL MODULE: ./src/template/nunjucks-internals.ts
var nunjucks_internals = __webpack_require__(84472);
// EXTERNAL MODULE: ./src/template/sandbox.ts
var sandbox = __webpack_require__(241);
;// CONCATENATED MODULE: ./src/config/templates.ts
/**
 * What validation needs from the template layer: the columns a template reads, and whether it parses
 * (and is allowed by the secure engine). The parsing itself belongs to src/template.
 */





/**
 * Jinja's literal constants, which nunjucks may read as names. Jinja's globals (`range`, `cycler`,
 * `joiner`, `namespace`, `lipsum`, `dict`, and `loop` outside a for) are NOT excluded: Data Designer
 * takes a template's columns from `find_undeclared_variables`, which lists them, so its `validate()`
 * rejects them as missing columns, and so does the expression generator at run time ("The following
 * columns ['range'] are missing!"). A seed or upstream column of that name is a column like any other.
 */
const LITERAL_NAMES = new Set(['true', 'false', 'none']);
/**
 * The first name the sandbox refuses at run time (`x.constructor`, `x["__proto__"]`, a variable named
 * `prototype`), read from the tree: a template that uses one can never render, so validate says so.
 * Names computed at run time (`x[k]`) are only caught by the sandbox itself.
 */
function blockedName(node) {
    if (node.typename === 'Symbol' && sandbox/* BLOCKED_NAMES */.YF.has(String(node.value)))
        return String(node.value);
    if (node.typename === 'LookupVal') {
        const val = node.val;
        if (val?.typename === 'Literal' && sandbox/* BLOCKED_NAMES */.YF.has(String(val.value)))
            return String(val.value);
    }
    for (const c of (0,nunjucks_internals/* childNodes */.E)(node)) {
        const found = blockedName(c);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
function inspectTemplate(src) {
    try {
        const ast = (0,template_ast/* parseTemplate */.QC)(src);
        const analysis = (0,template_ast/* analyseTemplate */.wh)(ast);
        const variables = new Set([...analysis.variables].filter((v) => !LITERAL_NAMES.has(v)));
        const blocked = blockedName(ast);
        if (blocked !== undefined)
            return { variables, filters: analysis.filters, error: `access to '${blocked}' is not permitted in a template.` };
        return analysis.forbidden ? { variables, filters: analysis.filters, error: analysis.forbidden } : { variables, filters: analysis.filters };
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // One sentence on one line: the template layer's message may span lines.
        return { variables: new Set(), filters: new Set(), error: message.split('\n').filter((l) => l.trim() && !l.startsWith('For more information')).join(' ') };
    }
}
/** Side-effect columns resolve to the column that produces them (`x__trace` → `x`). */
function producerOf(name) {
    return name.replace(/__(trace|reasoning_content)$/, '');
}
/** The secure engine's refusal of a filter outside its allow-list (Data Designer's wording), if any. */
function disallowedFilter(info) {
    const bad = [...info.filters].find((f) => !filters/* ALLOWED_FILTERS */.dx.includes(f));
    return bad === undefined ? undefined : new errors/* UnknownFilterError */.Rv(bad, filters/* ALLOWED_FILTERS */.dx).message;
}

;// CONCATENATED MODULE: ./src/config/rules/graph.ts

/** Columns a (non-sampler) column needs before it can be generated. */
function columnDependencies(c) {
    const deps = new Set();
    const add = (src) => {
        if (typeof src === 'string')
            for (const v of inspectTemplate(src).variables)
                deps.add(producerOf(v));
    };
    const any = c;
    add(any.prompt);
    add(any.system_prompt);
    add(any.expr);
    if (c.skip)
        add(c.skip.when);
    for (const m of (any.multi_modal_context ?? []))
        deps.add(m.column_name);
    for (const t of (any.target_columns ?? []))
        deps.add(t);
    if (typeof any.target_column === 'string')
        deps.add(any.target_column);
    deps.delete(c.name);
    return deps;
}
/** Strongly connected components with more than one node, each as a cycle path starting at its earliest node. */
function findCycles(graph, order) {
    let index = 0;
    const idx = new Map();
    const low = new Map();
    const stack = [];
    const onStack = new Set();
    const sccs = [];
    const strong = (v) => {
        idx.set(v, index);
        low.set(v, index++);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!graph.has(w))
                continue;
            if (!idx.has(w)) {
                strong(w);
                low.set(v, Math.min(low.get(v), low.get(w)));
            }
            else if (onStack.has(w))
                low.set(v, Math.min(low.get(v), idx.get(w)));
        }
        if (low.get(v) === idx.get(v)) {
            const scc = [];
            let w;
            do {
                w = stack.pop();
                onStack.delete(w);
                scc.push(w);
            } while (w !== v);
            if (scc.length > 1)
                sccs.push(scc);
        }
    };
    for (const v of order)
        if (!idx.has(v))
            strong(v);
    return sccs.map((scc) => {
        const members = new Set(scc);
        const start = order.find((n) => members.has(n));
        // Walk inside the component back to the start to print one concrete cycle.
        const path = [start];
        const seen = new Set([start]);
        const walk = (v) => {
            for (const w of graph.get(v) ?? []) {
                if (!members.has(w))
                    continue;
                if (w === start)
                    return true;
                if (seen.has(w))
                    continue;
                seen.add(w);
                path.push(w);
                if (walk(w))
                    return true;
                path.pop();
            }
            return false;
        };
        walk(start);
        return [...path, start];
    });
}
function checkColumnCycles(columns, report, indexOf = (n) => columns.findIndex((c) => c.name === n)) {
    const nodes = columns.filter((c) => c.column_type !== 'sampler' && c.column_type !== 'seed-dataset');
    const graph = new Map(nodes.map((c) => [c.name, columnDependencies(c)]));
    const order = nodes.map((c) => c.name);
    for (const cycle of findCycles(graph, order)) {
        const i = indexOf(cycle[0]);
        report.error(['columns', i, 'name'], `The Data Designer column configurations contain cyclic dependencies (${cycle.join(' -> ')}). Please inspect the column configurations and ensure they can be sorted without circular references.`, 'cyclic_dependencies');
    }
}
/** condition variables → column, subcategory parent → child, timedelta reference → column, column-inequality rhs → target. */
function checkSamplerGraph(columns, constraints, report, indexOf = (n) => columns.findIndex((c) => c.name === n)) {
    const samplers = columns.filter((c) => c.column_type === 'sampler');
    const graph = new Map(samplers.map((c) => [c.name, new Set()]));
    for (const c of samplers) {
        const deps = graph.get(c.name);
        for (const cond of Object.keys(c.conditional_params ?? {}))
            for (const v of inspectTemplate(`{{ ${cond} }}`).variables)
                deps.add(v);
        const p = c.params;
        if (c.sampler_type === 'subcategory')
            deps.add(String(p.category));
        if (c.sampler_type === 'timedelta')
            deps.add(String(p.reference_column_name));
        deps.delete(c.name);
    }
    for (const k of constraints) {
        if (k.constraint_type === 'column_inequality' && graph.has(k.target_column))
            graph.get(k.target_column).add(String(k.rhs));
    }
    for (const cycle of findCycles(graph, samplers.map((c) => c.name))) {
        const i = indexOf(cycle[0]);
        report.error(['columns', i, 'name'], `There are circular dependencies in the definitions of your sampler columns (${cycle.join(' -> ')}).`, 'sampler_cycle');
    }
}

;// CONCATENATED MODULE: ./src/config/rules/samplers.ts

const NUMERIC_SAMPLERS = new Set(['category', 'subcategory', 'uniform', 'gaussian', 'poisson', 'binomial', 'bernoulli', 'bernoulli_mixture', 'scipy']);
/** Python's strftime directives (C89 + the ones glibc and Python document). */
const STRFTIME = /%([aAwdbBmyYHIpMSfzZjUWcxXGuVeTDFRrntCgklsPhL%])/g;
const pySet = (values) => `{${[...values].map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}}`;
function isValidStrftime(format) {
    const directives = format.match(/%./g) ?? [];
    if (directives.length === 0)
        return false;
    const valid = format.match(STRFTIME) ?? [];
    return valid.length === directives.length && !/%$/.test(format.replace(/%%/g, ''));
}
/**
 * `columns`: the stage's columns that passed the schema; `opaque`: names of columns that did not (they
 * exist, but their fields cannot be trusted, so checks that would read them are skipped).
 */
function checkSamplerColumn(c, columns, report, opaque = new Set()) {
    const type = c.sampler_type;
    if (c.convert_to !== null && c.convert_to !== undefined) {
        if (NUMERIC_SAMPLERS.has(type)) {
            if (!['float', 'int', 'str'].includes(c.convert_to)) {
                report.error(['convert_to'], `Invalid \`convert_to\` value: ${c.convert_to}. Must be one of: [float, int, str]`, 'invalid_convert_to');
            }
            else if (c.convert_to === 'str' && hasDecimalPlaces(c.params)) {
                report.error(['convert_to'], `convert_to: str cannot be combined with decimal_places in column '${c.name}' (Data Designer fails with "Expected numeric dtype").`, 'invalid_convert_to');
            }
        }
        else if (type === 'datetime' || type === 'timedelta') {
            if (!isValidStrftime(c.convert_to)) {
                report.error(['convert_to'], `Invalid \`convert_to\` value for ${type} column '${c.name}': '${c.convert_to}' is not a strftime format such as '%Y-%m-%d'.`, 'invalid_convert_to');
            }
        }
    }
    checkParams(c, c.params, ['params'], columns, report, opaque);
    for (const [cond, params] of Object.entries((c.conditional_params ?? {}))) {
        checkParams(c, params, ['conditional_params', cond], columns, report, opaque);
        const info = inspectTemplate(`{{ ${cond} }}`);
        if (info.error) {
            report.error(['conditional_params', cond], `The condition '${cond}' of column '${c.name}' is invalid: ${info.error}`, 'template_syntax', 'key');
            continue;
        }
        for (const v of info.variables) {
            if (opaque.has(v))
                continue;
            const target = columns.find((x) => x.name === v);
            if (!target || target.column_type !== 'sampler') {
                report.error(['conditional_params', cond], `The condition '${cond}' of column '${c.name}' references '${v}', which is not a sampler column (conditions may reference sampler columns only).`, 'invalid_condition', 'key');
            }
        }
    }
    if (type === 'subcategory')
        checkSubcategory(c, columns, report, opaque);
}
function hasDecimalPlaces(p) {
    return p.decimal_places !== null && p.decimal_places !== undefined;
}
function checkParams(c, p, at, columns, report, opaque) {
    switch (c.sampler_type) {
        case 'category': {
            const values = p.values;
            const weights = p.weights;
            if (weights) {
                if (weights.length !== values.length)
                    report.error([...at, 'weights'], "'categories' and 'weights' must have the same length", 'invalid_params');
                else if (weights.reduce((a, b) => a + b, 0) <= 0)
                    report.error([...at, 'weights'], "'weights' must sum to a non-zero value", 'invalid_params');
            }
            break;
        }
        case 'uniform':
            if (!(p.low < p.high))
                report.error([...at, 'low'], "'low' must be less than 'high'", 'invalid_params');
            break;
        case 'timedelta': {
            if (!(p.dt_min < p.dt_max))
                report.error([...at, 'dt_min'], "'dt_min' must be less than 'dt_max'", 'invalid_params');
            const ref = p.reference_column_name;
            if (opaque.has(ref))
                break;
            const target = columns.find((x) => x.name === ref);
            if (!target || target.column_type !== 'sampler' || target.sampler_type !== 'datetime') {
                report.error([...at, 'reference_column_name'], `Timedelta column '${c.name}' references '${ref}', which is not a datetime sampler column.`, 'invalid_params');
            }
            break;
        }
        case 'datetime': {
            const start = Date.parse(String(p.start));
            const end = Date.parse(String(p.end));
            if (Number.isNaN(start))
                report.error([...at, 'start'], `Invalid datetime format: ${p.start}`, 'invalid_params');
            if (Number.isNaN(end))
                report.error([...at, 'end'], `Invalid datetime format: ${p.end}`, 'invalid_params');
            if (!Number.isNaN(start) && !Number.isNaN(end) && !(start < end))
                report.error([...at, 'start'], "'start' must be earlier than 'end'", 'invalid_params');
            break;
        }
        case 'person':
        case 'person_from_faker': {
            const range = p.age_range;
            if (range !== undefined) {
                const ok = range.length === 2 && range.every((x) => Number.isInteger(x)) && range[0] >= 0 && range[0] < range[1] && range[1] <= 114;
                if (!ok) {
                    report.error([...at, 'age_range'], "'age_range' must be a list of two integers, representing the min and max age. The first integer (min age) must be greater than or equal to 0, the second (max age) less than or equal to 114, and min less than max.", 'invalid_params');
                }
            }
            if (typeof p.locale === 'string' && !/^[a-z]{2,3}(_[A-Za-z]{2,4})*$/.test(p.locale)) {
                report.error([...at, 'locale'], `Locale '${p.locale}' is not a valid locale name (e.g. en_US).`, 'invalid_params');
            }
            break;
        }
        default:
            break;
    }
}
function checkSubcategory(c, columns, report, opaque) {
    const params = c.params;
    if (opaque.has(params.category))
        return;
    const parent = columns.find((x) => x.name === params.category);
    if (!parent) {
        report.error(['params', 'category'], `Subcategory column '${c.name}' has parent '${params.category}', which is not a defined column.`, 'invalid_subcategory');
        return;
    }
    if (parent.column_type !== 'sampler' || parent.sampler_type !== 'category') {
        const kind = parent.column_type === 'sampler' ? `a sampler column with sampler_type='${parent.sampler_type}'` : `a ${parent.column_type} column`;
        report.error(['params', 'category'], `Subcategory column '${c.name}' has parent '${params.category}', which is ${kind}. Subcategory parents must be sampler columns with sampler_type='category'.`, 'invalid_subcategory');
        return;
    }
    const parentSampler = parent;
    const parentValues = new Map();
    for (const v of parentSampler.params.values)
        parentValues.set(String(v), v);
    for (const p of Object.values((parentSampler.conditional_params ?? {}))) {
        for (const v of p.values ?? [])
            parentValues.set(String(v), v);
    }
    const keys = new Set(Object.keys(params.values));
    const attention = [...[...parentValues.keys()].filter((k) => !keys.has(k)).map((k) => parentValues.get(k)), ...[...keys].filter((k) => !parentValues.has(k))];
    if (attention.length) {
        report.error(['params', 'values'], `Subcategory column '${c.name}' must have values for each value of its parent category '${params.category}'. The following values need attention: ${pySet(attention)}`, 'subcategory_coverage');
    }
}

;// CONCATENATED MODULE: ./src/config/validate.ts





/** Names a row object cannot hold as data: `row['__proto__'] = v` sets the prototype instead of a key. */
const RESERVED_COLUMN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const LLM_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge']);
const isLLMColumn = (c) => LLM_TYPES.has(c.column_type);
function sideEffectsOf(c) {
    if (!isLLMColumn(c))
        return [];
    const out = [];
    if (c.with_trace && c.with_trace !== 'none')
        out.push(`${c.name}__trace`);
    if (c.extract_reasoning_content)
        out.push(`${c.name}__reasoning_content`);
    return out;
}
const list = (names) => [...names].map((n) => `'${n}'`).join(', ');
/** Python's set repr, as Data Designer prints sets in messages. */
const validate_pySet = (values) => `{${[...values].map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}}`;
const validate_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
async function validateStageConfig(config, ctx, report) {
    const seed = ctx.seed;
    const usableAt = (p) => !ctx.broken?.(p);
    // Columns that failed the schema stay out of the checks below (their fields may have any shape); their
    // names still count as declared, so references to them are not reported as missing.
    const rawColumns = Array.isArray(config.columns) ? config.columns : [];
    const named = rawColumns.flatMap((c, i) => (validate_isObj(c) && typeof c.name === 'string' ? [{ c: c, i }] : []));
    const entries = named.filter((e) => usableAt(['columns', e.i]));
    const columns = entries.map((e) => e.c);
    const broken = named.filter((e) => !usableAt(['columns', e.i]));
    const opaque = new Set(broken.map((e) => e.c.name));
    // A broken column without a name, or a `columns` that is not a list: the stage has columns no one can name.
    const unnamed = (config.columns !== undefined && config.columns !== null && !Array.isArray(config.columns)) || named.length < rawColumns.length;
    const indexOf = (name) => entries.find((e) => e.c.name === name)?.i ?? -1;
    if (config.seed_config && ctx.ownSeedInForce && usableAt(['seed_config']))
        checkSeedSource(config.seed_config, ctx.baseDir, report.under(['seed_config']));
    if (Array.isArray(config.model_configs)) {
        checkModelConfigs(config.model_configs, ctx.providers, report.under(['model_configs']), (i) => usableAt(['model_configs', i]));
    }
    // Names: duplicates (Data Designer silently keeps the last one) and collisions with seed columns.
    const firstIndex = new Map();
    named.forEach(({ c, i }) => {
        if (RESERVED_COLUMN_NAMES.has(c.name)) {
            report.error(['columns', i, 'name'], `column name '${c.name}' is reserved (ddflow holds rows as JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column`, 'reserved_column_name');
        }
        if (firstIndex.has(c.name)) {
            report.error(['columns', i, 'name'], `duplicate column name '${c.name}' (Data Designer would silently keep only the last definition)`, 'duplicate_column');
        }
        else
            firstIndex.set(c.name, i);
    });
    const reservedSeedColumn = seed?.names.find((n) => RESERVED_COLUMN_NAMES.has(n));
    if (reservedSeedColumn && config.seed_config && usableAt(['seed_config'])) {
        report.error(['seed_config', 'source', 'path'], `the seed dataset has a column named '${reservedSeedColumn}', which is reserved (ddflow holds rows as JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column`, 'reserved_column_name');
    }
    if (seed) {
        named.forEach(({ c, i }) => {
            if (c.column_type !== 'seed-dataset' && hasColumn(seed, c.name)) {
                report.error(['columns', i, 'name'], `Seed dataset column(s) ${validate_pySet([c.name])} collide with existing column(s).`, 'seed_collision');
            }
        });
    }
    const declared = new Set(named.map((e) => e.c.name));
    // A broken LLM column may still write its side-effect columns.
    const sideEffects = new Set([
        ...columns.flatMap(sideEffectsOf),
        ...broken.filter((e) => typeof e.c.column_type === 'string' && LLM_TYPES.has(e.c.column_type)).flatMap((e) => [`${e.c.name}__trace`, `${e.c.name}__reasoning_content`]),
    ]);
    const known = {
        names: [...new Set([...(seed?.names ?? []), ...declared, ...sideEffects])],
        open: (seed?.open ?? false) || unnamed,
        types: columnTypes(seed, columns),
    };
    const samplerNames = new Set(columns.filter((c) => c.column_type === 'sampler').map((c) => c.name));
    entries.forEach(({ c, i }) => checkColumn(c, columns, opaque, known, ctx, report.under(['columns', i])));
    const rawConstraints = Array.isArray(config.constraints) ? config.constraints : [];
    const constraints = rawConstraints.flatMap((k, i) => (validate_isObj(k) && usableAt(['constraints', i]) ? [{ k: k, i }] : []));
    checkSamplerGraph(columns, constraints.map((e) => e.k), report, indexOf);
    checkColumnCycles(columns, report, indexOf);
    constraints.forEach(({ k, i }) => {
        const missing = [k.target_column, ...(k.constraint_type === 'column_inequality' ? [String(k.rhs)] : [])].filter((n) => !samplerNames.has(n) && !opaque.has(n));
        if (missing.length) {
            report.error(['constraints', i], `These constrained columns are missing in the definitions of your sampler columns: ${validate_pySet(missing)}`, 'invalid_constraint');
        }
    });
    // Processors: a drop processor also marks the declared columns it matches `drop: true` (builder side effect).
    const processors = Array.isArray(config.processors) ? config.processors : [];
    const processorUsable = (j) => validate_isObj(processors[j]) && usableAt(['processors', j]);
    const dropped = new Set(named.filter((e) => e.c.drop === true).map((e) => e.c.name));
    processors.forEach((p, j) => {
        if (processorUsable(j) && p.processor_type === 'drop_columns') {
            for (const entry of p.column_names)
                for (const n of matchColumns(entry, [...declared]))
                    dropped.add(n);
        }
    });
    // Columns with drop: true are removed last (Data Designer's implicit drop processor), so processors see them;
    // their side-effect columns stay.
    const { final, outputs } = await applyProcessors(known, processors, report.under(['processors']), processorUsable, ctx.sql);
    const finalSet = withNames(final, final.names.filter((n) => !dropped.has(n)));
    const generated = columns.filter((c) => c.column_type !== 'seed-dataset');
    if (opaque.size === 0 && !unnamed && generated.length > 0 && generated.every((c) => dropped.has(c.name))) {
        const seedSurvives = !!seed && seed.names.length > 0 && processors.length > 0;
        if (!seedSurvives) {
            report.error(['columns'], 'All generated columns are configured to be dropped. Please mark at least one column with `drop=False`.', 'all_columns_dropped', 'key');
        }
    }
    return { final: finalSet, processorOutputs: outputs };
}
function checkColumn(c, columns, opaque, known, ctx, report) {
    const missingOf = (names) => [...names].filter((n) => certainlyMissing(known, n));
    if (c.skip)
        checkSkip(c, known, report);
    if (c.column_type === 'sampler') {
        checkSamplerColumn(c, columns, report, opaque);
        return;
    }
    if (isLLMColumn(c)) {
        for (const key of ['prompt', 'system_prompt']) {
            const src = c[key];
            if (typeof src !== 'string')
                continue;
            const info = inspectTemplate(src);
            const what = key === 'prompt' ? 'prompt' : 'system prompt';
            if (info.error) {
                report.error([key], `The ${what} template for '${c.name}' is invalid: ${info.error}`, 'template_syntax');
                continue;
            }
            checkFilters(info, [key], ctx, report);
            const missing = missingOf(info.variables);
            if (missing.length === 1) {
                report.error([key], `The ${what} template for '${c.name}' references a column that does not exist: '${missing[0]}'.`, 'invalid_reference');
            }
            else if (missing.length > 1) {
                report.error([key], `The ${what} template for '${c.name}' references ${missing.length} columns that do not exist: ${list(missing)}.`, 'invalid_reference');
            }
            if (key === 'prompt' && info.variables.size === 0 && !c.multi_modal_context?.length) {
                report.warn([key], `The prompt template for '${c.name}' does not reference any columns. This means the same prompt will be used for every row in the dataset. To generate diverse rows, reference columns with {{ column_name }}.`, 'prompt_without_references');
            }
            const fstring = fStringReferences(src, known);
            if (fstring.length) {
                report.warn([key], `The ${what} template for '${c.name}' references the following columns using f-string syntax: ${list(fstring)}. Please use jinja2 syntax to reference columns: {reference} -> {{ reference }}.`, 'f_string_syntax');
            }
        }
        (c.multi_modal_context ?? []).forEach((m, j) => {
            if (certainlyMissing(known, m.column_name)) {
                report.error(['multi_modal_context', j, 'column_name'], `The multi_modal_context of '${c.name}' references a column that does not exist: '${m.column_name}'.`, 'invalid_reference');
            }
        });
        checkModelAlias(c.name, c.model_alias, 'chat', ctx, report);
        if (c.column_type === 'llm-structured' && typeof c.output_format === 'string') {
            try {
                JSON.parse(c.output_format);
            }
            catch {
                report.error(['output_format'], `output_format of column '${c.name}' must be a JSON Schema (a mapping, or a string holding JSON).`, 'invalid_output_format');
            }
        }
        return;
    }
    if (c.column_type === 'expression') {
        checkExpression(c, known, ctx, report);
        return;
    }
    if (c.column_type === 'validation') {
        checkValidation(c, columns, known, report);
        return;
    }
    if (c.column_type === 'embedding') {
        if (certainlyMissing(known, c.target_column)) {
            report.error(['target_column'], `Embedding column '${c.name}' references missing column '${c.target_column}'.`, 'invalid_reference');
        }
        checkModelAlias(c.name, c.model_alias, 'embedding', ctx, report);
    }
}
function checkFilters(info, at, ctx, report) {
    if (ctx.secureTemplates === false)
        return;
    const problem = disallowedFilter(info);
    if (problem)
        report.error(at, problem, 'unsupported_filter');
}
function checkModelAlias(column, alias, kind, ctx, report) {
    const model = resolveModelAlias(ctx.models, alias);
    if (ctx.opaqueModels?.has(alias))
        return;
    if (!model) {
        report.error(['model_alias'], `unknown model alias '${alias}' in column '${column}': no model config with alias '${alias}' found`, 'unknown_model_alias');
        return;
    }
    const generation = model.inference_parameters?.generation_type ?? 'chat-completion';
    if (kind === 'embedding' && generation !== 'embedding') {
        report.error(['model_alias'], `Embedding column '${column}' uses model alias '${alias}', which is not an embedding model (its inference_parameters need generation_type: embedding).`, 'model_kind');
    }
    if (kind === 'chat' && generation === 'image') {
        report.error(['model_alias'], `Column '${column}' uses model alias '${alias}', which is an image-generation model (generation_type: image); LLM columns need a chat-completion model.`, 'model_kind');
    }
    if (kind === 'chat' && generation === 'embedding') {
        report.error(['model_alias'], `Column '${column}' uses model alias '${alias}', which is an embedding model; LLM columns need a chat-completion model.`, 'model_kind');
    }
}
/** `{name}` in a template (not `{{ name }}`) where `name` is a known column. */
function fStringReferences(src, known) {
    const out = new Set();
    for (const m of src.matchAll(/(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})/g)) {
        if (hasColumn(known, m[1]))
            out.add(m[1]);
    }
    return [...out];
}
function checkSkip(c, known, report) {
    const skip = c.skip;
    if (c.column_type === 'sampler' || c.column_type === 'seed-dataset') {
        report.error(['skip'], 'skip is not supported on sampler columns. Sampler/seed columns are collapsed into shared multi-column generators and cannot be skipped individually.', 'skip_on_sampler_seed');
        return;
    }
    const info = inspectTemplate(skip.when);
    if (info.error) {
        report.error(['skip', 'when'], `skip.when expression for column '${c.name}' is invalid: ${info.error}`, 'template_syntax');
        return;
    }
    if (info.variables.size === 0 || !skip.when.includes('{{')) {
        report.error(['skip', 'when'], `skip.when expression '${skip.when}' does not reference any columns. Expressions must use Jinja2 delimiters, e.g. '{{ in_stock == 0 }}' not 'in_stock == 0'.`, 'skip_without_references');
        return;
    }
    const own = new Set([c.name, ...sideEffectsOf(c)]);
    const self = [...info.variables].filter((v) => own.has(v));
    if (self.length) {
        report.error(['skip', 'when'], `skip.when expression for column '${c.name}' references itself (via ${validate_pySet(self)}). A column cannot gate its own generation.`, 'skip_self_reference');
    }
    for (const v of info.variables) {
        if (!own.has(v) && certainlyMissing(known, v)) {
            report.error(['skip', 'when'], `skip.when expression for column '${c.name}' references '${v}' which is not a known column.`, 'skip_reference_missing');
        }
    }
}
function checkExpression(c, known, ctx, report) {
    if (!c.expr.trim()) {
        report.error(['expr'], `Expression column '${c.name}' has an empty or whitespace-only expression.`, 'empty_expression');
        return;
    }
    const info = inspectTemplate(c.expr);
    if (info.error) {
        report.error(['expr'], `The expression for '${c.name}' is invalid: ${info.error}`, 'template_syntax');
        return;
    }
    checkFilters(info, ['expr'], ctx, report);
    for (const v of info.variables) {
        if (certainlyMissing(known, v))
            report.error(['expr'], `Expression column '${c.name}' references missing column '${v}'.`, 'expression_reference_missing');
    }
}
function checkValidation(c, columns, known, report) {
    if (c.validator_type === 'code') {
        const lang = c.validator_params.code_lang;
        if (lang !== 'python' && !lang.startsWith('sql:')) {
            report.error(['validator_params', 'code_lang'], `Code validation column '${c.name}' cannot validate ${lang}: the code validator supports python and sql:* only.`, 'unsupported_code_lang');
        }
        c.target_columns.forEach((t, j) => {
            const target = columns.find((x) => x.name === t);
            if (!target) {
                if (certainlyMissing(known, t))
                    report.error(['target_columns', j], `Target code column '${t}' not found in column list.`, 'code_column_missing');
                return;
            }
            if (target.column_type !== 'llm-code') {
                report.warn(['target_columns', j], `Code validation column '${c.name}' is set to validate code, but the target column was generated as ${target.column_type}.`, 'code_column_not_code');
            }
            else if (target.code_lang !== lang) {
                report.error(['target_columns', j], `Code validation column '${c.name}' is set to validate ${lang}, but the target column was generated as ${target.code_lang}.`, 'code_lang_mismatch');
            }
        });
        return;
    }
    c.target_columns.forEach((t, j) => {
        if (certainlyMissing(known, t))
            report.error(['target_columns', j], `Validation column '${c.name}' references missing column '${t}'.`, 'invalid_reference');
    });
}
/** Sampler types whose values are numbers, and the DuckDB type the run's parquet gives them. */
const validate_NUMERIC_SAMPLERS = {
    uniform: 'DOUBLE',
    gaussian: 'DOUBLE',
    scipy: 'DOUBLE',
    poisson: 'BIGINT',
    binomial: 'BIGINT',
    bernoulli: 'BIGINT',
    bernoulli_mixture: 'DOUBLE',
};
const CONVERTED = { int: 'BIGINT', float: 'DOUBLE', str: 'VARCHAR' };
const EXPRESSION_TYPES = { int: 'BIGINT', float: 'DOUBLE', str: 'VARCHAR', bool: 'BOOLEAN' };
/**
 * The DuckDB types of the stage's columns where cheaply known (as the run's parquet writer types their
 * values: text VARCHAR, integers BIGINT, other numbers DOUBLE, nested values JSON), for a `sql`
 * processor's query to bind at validate time. Unknown types are left out (a guess, VARCHAR, is made
 * when the query is described).
 */
function columnTypes(seed, columns) {
    const types = {};
    const set = (name, type) => {
        if (type && !RESERVED_COLUMN_NAMES.has(name))
            types[name] = type;
    };
    for (const n of seed?.names ?? [])
        set(n, typeOf(seed, n));
    for (const c of columns) {
        const t = c.column_type;
        if (t === 'llm-text' || t === 'llm-code')
            set(c.name, 'VARCHAR');
        else if (t === 'llm-structured' || t === 'llm-judge' || t === 'embedding' || t === 'validation')
            set(c.name, 'JSON');
        else if (t === 'expression')
            set(c.name, EXPRESSION_TYPES[c.dtype ?? 'str']);
        else if (t === 'sampler')
            set(c.name, samplerType(c));
        for (const side of sideEffectsOf(c))
            set(side, side.endsWith('__trace') ? 'JSON' : 'VARCHAR');
    }
    return types;
}
function samplerType(c) {
    if (typeof c.convert_to === 'string' && c.convert_to in CONVERTED)
        return CONVERTED[c.convert_to];
    const kind = String(c.sampler_type);
    if (Object.hasOwn(validate_NUMERIC_SAMPLERS, kind))
        return validate_NUMERIC_SAMPLERS[kind];
    if (kind === 'uuid')
        return 'VARCHAR';
    if (kind === 'person_from_faker')
        return 'JSON';
    if (kind === 'category' && validate_isObj(c.params) && Array.isArray(c.params.values) && c.params.values.length) {
        const values = c.params.values;
        if (values.every((v) => typeof v === 'string'))
            return 'VARCHAR';
        if (values.every((v) => Number.isInteger(v)))
            return 'BIGINT';
        if (values.every((v) => typeof v === 'number'))
            return 'DOUBLE';
    }
    return undefined;
}
/**
 * Runs processors over a column set (config processors, then a stage's output_processors), validating
 * their references on the way, and returns the resulting columns and each processor's own output. A
 * `sql` processor's output comes from `sql` (its query described over the columns before it); without
 * it, or when those columns are not all known, it is unknown (open).
 */
async function applyProcessors(input, processors, report, usable = () => true, sql) {
    let current = withNames(input, input.names);
    const outputs = new Map();
    for (const [i, p] of processors.entries()) {
        if (!usable(i) || !validate_isObj(p)) {
            // A processor that failed the schema: what it outputs is unknown.
            current = column_set_openSet();
            if (validate_isObj(p) && typeof p.name === 'string')
                outputs.set(p.name, current);
            continue;
        }
        if (p.processor_type === 'drop_columns') {
            const removed = new Set();
            p.column_names.forEach((entry, j) => {
                const matched = matchColumns(entry, current.names);
                matched.forEach((n) => removed.add(n));
                if (matched.length)
                    return;
                if (isGlob(entry)) {
                    if (!current.open)
                        report.warn([i, 'column_names', j], `Drop columns processor pattern '${entry}' does not match any columns.`, 'invalid_column');
                }
                else if (!current.open) {
                    report.error([i, 'column_names', j], `Drop columns processor is configured to drop column '${entry}', but the column is not defined.`, 'invalid_column');
                }
            });
            current = withNames(current, current.names.filter((n) => !removed.has(n)));
            outputs.set(p.name, current);
        }
        else if (p.processor_type === 'schema_transform') {
            const info = inspectTemplate(JSON.stringify(p.template));
            if (info.error) {
                report.error([i, 'template'], `The template of processor '${p.name}' is invalid: ${info.error}`, 'template_syntax', 'key');
            }
            else {
                const missing = [...info.variables].filter((v) => certainlyMissing(current, v) || /__(trace|reasoning_content)$/.test(v));
                if (missing.length) {
                    report.error([i, 'template'], `Ancillary dataset processor attempts to reference columns ${list(missing)} in the template for '${p.name}', but the columns are not defined in the dataset.`, 'invalid_reference', 'key');
                }
            }
            const keys = Object.keys(p.template);
            outputs.set(p.name, keys.some((k) => k.includes('{')) ? column_set_openSet(keys.filter((k) => !k.includes('{'))) : closedSet(keys));
        }
        else if (p.processor_type === 'sql') {
            // Its result replaces the dataset.
            current = sql && typeof p.query === 'string' ? await sql({ at: [i, 'query'], processor: String(p.name), query: p.query }, current, report) : column_set_openSet();
            outputs.set(p.name, current);
        }
        else {
            current = column_set_openSet();
            outputs.set(p.name, current);
        }
    }
    return { final: current, outputs };
}

;// CONCATENATED MODULE: ./src/workflow/rules.ts
/**
 * Workflow-level validation: stage names, the chain of seeds between stages (a stage seeded by the
 * previous one knows the upstream output columns), `output: processor:<name>`, processor names,
 * processor-only stages, providers and API keys — and, per stage, the Data Designer config rules.
 */






const PROCESSOR_PREFIX = 'processor:';
const rules_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v) => (Array.isArray(v) ? v : []);
/**
 * Runs every workflow and stage rule on the parts of the document that passed the schema, so that a
 * schema error in one place does not hide problems elsewhere; parts that failed (`broken`) are skipped,
 * and what they would contribute (a model alias, a column name, a stage's output) is treated as unknown
 * rather than as missing.
 */
async function checkWorkflow(doc, stages, report, broken = () => false) {
    const ok = (p) => !broken(p);
    const docProviders = listOf(doc.model_providers);
    const docModels = listOf(doc.model_configs);
    const providers = new Set([
        ...llm_providers/* BUILTIN_PROVIDERS */.Dd.map((p) => p.name),
        ...docProviders.flatMap((p) => (rules_isObj(p) && typeof p.name === 'string' ? [p.name] : [])),
    ]);
    checkProviders(docProviders, report.under(['model_providers']), (i) => ok(['model_providers', i]));
    checkModelConfigs(docModels, providers, report.under(['model_configs']), (i) => ok(['model_configs', i]));
    if (!Array.isArray(doc.stages))
        return;
    const names = new Map();
    doc.stages.forEach((s, i) => {
        if (!rules_isObj(s) || typeof s.name !== 'string')
            return;
        if (names.has(s.name))
            report.error(['stages', i, 'name'], `duplicate stage name '${s.name}' (stage names must be unique)`, 'duplicate_stage');
        else
            names.set(s.name, i);
    });
    const secureTemplates = !(rules_isObj(doc.run_config) && doc.run_config.jinja_rendering_engine === 'native');
    // DuckDB is opened on the first sql processor, if there is one.
    const sqlChecker = lazySqlChecker();
    const sql = (q, input, r) => sqlChecker.check(q, input, r);
    try {
        await checkStages(doc, stages, report, ok, providers, docModels, secureTemplates, sql);
    }
    finally {
        sqlChecker.close();
    }
}
async function checkStages(doc, stages, report, ok, providers, docModels, secureTemplates, sql) {
    let upstream = null;
    for (let i = 0; i < doc.stages.length; i++) {
        const stage = doc.stages[i];
        const info = stages[i];
        const at = report.under(['stages', i]);
        const config = rules_isObj(stage) ? stage.config : undefined;
        if (!info || info.schemaInvalid || !rules_isObj(config)) {
            upstream = column_set_openSet();
            continue;
        }
        const stageName = typeof stage.name === 'string' ? stage.name : `#${i}`;
        const cfg = (p) => ok(['stages', i, 'config', ...p]);
        const previous = i > 0 ? doc.stages[i - 1]?.name : undefined;
        if (i > 0 && config.seed_config) {
            at.warn(['config', 'seed_config'], `stage '${stageName}' is seeded from the output of stage '${typeof previous === 'string' ? previous : `#${i - 1}`}': its own seed_config is replaced`, 'seed_replaced');
        }
        const seed = i > 0 ? upstream : config.seed_config ? (cfg(['seed_config']) ? await seedColumns(config.seed_config.source, info.baseDir) : column_set_openSet()) : null;
        const sel = stage.selection_strategy;
        if (rules_isObj(sel) && ok(['stages', i, 'selection_strategy'])) {
            if (sel.start !== undefined && sel.end !== undefined && sel.start > sel.end) {
                at.error(['selection_strategy', 'start'], "'start' index must be less than or equal to 'end' index", 'selection_strategy');
            }
            if (sel.num_partitions !== undefined && (sel.index ?? 0) >= sel.num_partitions) {
                at.error(['selection_strategy', 'index'], "'index' must be less than 'num_partitions'", 'selection_strategy');
            }
        }
        const processors = listOf(config.processors);
        const outputProcessors = listOf(stage.output_processors);
        const columnsUnknown = config.columns !== undefined && config.columns !== null && !Array.isArray(config.columns);
        const hasColumns = listOf(config.columns).length > 0;
        if (!hasColumns && !seed && !columnsUnknown) {
            at.error(['config'], processors.length || outputProcessors.length
                ? `stage '${stageName}' has no columns: a processor-only stage must be seeded (by a previous stage or a seed_config)`
                : `No column configs provided for stage '${stageName}' (it has no columns and no seed).`, 'no_columns', 'key');
        }
        // Model configs that failed the schema still declare their alias: columns naming it are not "unknown alias".
        const models = new Map();
        const opaqueModels = new Set();
        const addModels = (list, usable) => list.forEach((m, j) => {
            if (!rules_isObj(m) || typeof m.alias !== 'string')
                return;
            if (usable(j)) {
                models.set(m.alias, m);
                opaqueModels.delete(m.alias);
            }
            else {
                models.delete(m.alias);
                opaqueModels.add(m.alias);
            }
        });
        addModels(docModels, (j) => ok(['model_configs', j]));
        addModels(listOf(config.model_configs), (j) => cfg(['model_configs', j]));
        const result = await validateStageConfig(config, {
            seed,
            ownSeedInForce: i === 0,
            baseDir: info.baseDir,
            models,
            providers,
            stageName,
            secureTemplates,
            broken: (p) => !cfg(p),
            opaqueModels,
            sql,
        }, at.under(['config']));
        checkProcessorNames(processors, outputProcessors, at);
        const after = await applyProcessors(result.final, outputProcessors, at.under(['output_processors']), (j) => ok(['stages', i, 'output_processors', j]), sql);
        let output = after.final;
        const outputUsable = stage.output === undefined || stage.output === null || (typeof stage.output === 'string' && ok(['stages', i, 'output']));
        const selector = typeof stage.output === 'string' ? stage.output : 'final';
        if (!outputUsable)
            output = column_set_openSet();
        else if (selector.startsWith(PROCESSOR_PREFIX)) {
            const name = selector.slice(PROCESSOR_PREFIX.length);
            const selected = after.outputs.get(name) ?? result.processorOutputs.get(name);
            if (!selected) {
                const known = [...processors, ...outputProcessors].flatMap((p) => (rules_isObj(p) && typeof p.name === 'string' ? [`'${p.name}'`] : []));
                const anyUnnamed = [...processors, ...outputProcessors].some((p) => !rules_isObj(p) || typeof p.name !== 'string');
                if (!anyUnnamed) {
                    at.error(['output'], `output '${selector}' of stage '${stageName}' names no processor of that stage (${known.length ? `its processors: ${known.join(', ')}` : 'it has no processors'})`, 'unknown_output_processor');
                }
                output = column_set_openSet();
            }
            else
                output = selected;
        }
        // An on_success command writes the stage output itself: its columns are known only at run time.
        upstream = stage.on_success ? column_set_openSet() : withNames(output, output.names);
    }
}
function checkProcessorNames(processors, outputProcessors, at) {
    const seen = new Set();
    const visit = (list, key) => list.forEach((p, j) => {
        if (!rules_isObj(p) || typeof p.name !== 'string')
            return;
        if (seen.has(p.name)) {
            const path = key === 'processors' ? ['config', 'processors', j, 'name'] : ['output_processors', j, 'name'];
            at.error(path, `duplicate processor name '${p.name}' (processor names must be distinct across a stage's processors and output_processors)`, 'duplicate_processor');
        }
        seen.add(p.name);
    });
    visit(processors, 'processors');
    visit(outputProcessors, 'output_processors');
}

// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(31954);
// EXTERNAL MODULE: ./src/config/score-options.ts
var score_options = __webpack_require__(48691);
;// CONCATENATED MODULE: ./src/workflow/load.ts
/**
 * Loading a workflow file: parse (YAML or JSON, every node's position kept), read the Data Designer
 * configs it names, normalise the spellings Data Designer accepts, validate against the schema (which
 * also fills in every default), run the semantic rules, and resolve relative paths. Either every problem
 * is reported at once (a ValidationError carrying all diagnostics, each at its file:line:col) or a typed
 * LoadedWorkflow comes back.
 */










const load_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];
const WRAPPER_KEYS = new Set(['data_designer', 'library_version']);
/** `shown`: the path as the user gave it, for the message. */
function readText(file, what, shown) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
        throw new diagnostics/* DdflowError */.Zq(`Cannot read ${what} ${shown}: ${reason}.`);
    }
}
async function loadWorkflow(file, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const abs = external_node_path_default().resolve(cwd, file);
    const dir = external_node_path_default().dirname(abs);
    const parsed = parseSource(abs, readText(abs, 'workflow file', file));
    if (parsed.errors.length)
        throw new diagnostics/* ValidationError */.yI(parsed.errors);
    const locator = new Locator(parsed.map);
    const report = new DiagnosticCollector(locator);
    const doc = parsed.data;
    if (!load_isObj(doc)) {
        report.error([], 'the workflow file must be a mapping with `name` and `stages`');
        throw new diagnostics/* ValidationError */.yI(report.diagnostics);
    }
    // Bring every stage's config into the one document validated below, remembering where it came from.
    const stageSources = [];
    const suppressed = [];
    const preProblems = [];
    const stages = Array.isArray(doc.stages) ? doc.stages : [];
    stages.forEach((stage, i) => {
        const source = { baseDir: dir, schemaInvalid: false };
        stageSources.push(source);
        if (!load_isObj(stage))
            return;
        const at = ['stages', i, 'config'];
        let config = stage.config;
        if (typeof config === 'string') {
            const loaded = loadConfigFile(config, dir, at, locator, report);
            if (!loaded) {
                source.schemaInvalid = true;
                suppressed.push(at);
                stage.config = {};
                return;
            }
            config = loaded.config;
            source.configFile = loaded.file;
            source.baseDir = external_node_path_default().dirname(loaded.file);
        }
        else if (load_isObj(config) && 'data_designer' in config) {
            config = unwrap(config, parsed.map, at, [...at], locator, report);
        }
        stage.config = config;
        const pre = preNormalizeConfig(config, at);
        for (const p of pre.problems) {
            report.error(p.path, p.message, p.code);
            preProblems.push(p.path);
        }
        suppressed.push(...pre.suppressed);
        if (Array.isArray(stage.output_processors)) {
            for (const p of pluginProcessors(stage.output_processors, ['stages', i, 'output_processors'], suppressed)) {
                report.error(p.path, p.message, p.code);
                preProblems.push(p.path);
            }
        }
    });
    if (Array.isArray(doc.model_configs))
        doc.model_configs.forEach(preNormalizeModelConfig);
    // The schema fills `api_key: null` and the like into every provider; a provider that overrides a
    // built-in by name must replace only the fields it gives, so the filled-in defaults are removed again.
    const givenProviderKeys = Array.isArray(doc.model_providers) ? doc.model_providers.map((p) => new Set(load_isObj(p) ? Object.keys(p) : [])) : [];
    // An absent run_config still gets every default (the validator fills defaults into what exists).
    if (doc.run_config === undefined)
        doc.run_config = {};
    const problems = validateAgainstSchema(doc, suppressed);
    for (const p of problems)
        report.error(p.path, p.message, p.code, p.anchor);
    // Every node at or above a reported problem failed the schema; the semantic rules skip exactly those
    // nodes and check everything else, so one schema error does not hide the problems elsewhere.
    const brokenPaths = [...problems.map((p) => p.path), ...suppressed, ...preProblems];
    const broken = (at) => brokenPaths.some((p) => isPrefix(at, p));
    await checkWorkflow(doc, stageSources, report, broken);
    // Judge score options keep the key types and order the file gives them (`1:` is an int, `'1':` a string).
    stages.forEach((stage, i) => {
        const at = ['stages', i, 'config'];
        if (!load_isObj(stage) || broken(at))
            return;
        (0,score_options/* applyTypedScoreOptions */.ZY)(stage.config, (p) => locator.node([...at, ...p]), (p, message) => report.error([...at, ...p], message, 'schema', 'key'));
    });
    if (report.errorCount > 0)
        throw new diagnostics/* ValidationError */.yI(report.diagnostics);
    if (Array.isArray(doc.model_providers)) {
        doc.model_providers.forEach((p, i) => {
            if (load_isObj(p))
                for (const key of Object.keys(p))
                    if (!givenProviderKeys[i].has(key))
                        delete p[key];
        });
    }
    return buildLoaded(doc, abs, cwd, stageSources, locator, report.diagnostics);
}
/** `{data_designer: {...}, library_version}` → the inner config, its keys checked (located in `map`, at `base`). */
function unwrap(wrapper, map, at, base, locator, report) {
    locator.mount(at, map, [...base, 'data_designer']);
    for (const key of Object.keys(wrapper)) {
        if (!WRAPPER_KEYS.has(key)) {
            report.diagnostics.push({
                severity: 'error',
                code: 'unknown_key',
                message: `unknown key '${key}' in a data_designer-wrapped config (allowed: data_designer, library_version)`,
                location: map.locate([...base, key], 'key'),
            });
        }
    }
    if (wrapper.library_version !== undefined && wrapper.library_version !== null && typeof wrapper.library_version !== 'string') {
        report.diagnostics.push({ severity: 'error', code: 'schema', message: "'library_version' must be a string", location: map.locate([...base, 'library_version']) });
    }
    return wrapper.data_designer;
}
function loadConfigFile(ref, baseDir, at, locator, report) {
    const file = external_node_path_default().resolve(baseDir, ref);
    const ext = external_node_path_default().extname(file).toLowerCase();
    if (!CONFIG_EXTENSIONS.includes(ext)) {
        report.error(at, `config file ${ref} must be a .yaml, .yml or .json Data Designer config`, 'config_file');
        return undefined;
    }
    if (!(0,external_node_fs_.existsSync)(file) || !(0,external_node_fs_.statSync)(file).isFile()) {
        report.error(at, `config file ${ref} does not exist (relative paths resolve against the directory of the workflow file)`, 'config_file');
        return undefined;
    }
    let text;
    try {
        text = readText(file, 'config file', ref);
    }
    catch (err) {
        if (!(err instanceof diagnostics/* DdflowError */.Zq))
            throw err;
        report.error(at, err.message, 'config_file');
        return undefined;
    }
    const parsed = parseSource(file, text);
    if (parsed.errors.length) {
        report.diagnostics.push(...parsed.errors);
        return undefined;
    }
    if (!load_isObj(parsed.data)) {
        report.diagnostics.push({ severity: 'error', message: `config file ${ref} must hold a mapping (a Data Designer config)`, location: parsed.map.locate([]) });
        return undefined;
    }
    if ('data_designer' in parsed.data)
        return { config: unwrap(parsed.data, parsed.map, at, [], locator, report), file };
    locator.mount(at, parsed.map, []);
    return { config: parsed.data, file };
}
function resolveSeedPaths(config, baseDir) {
    const source = config.seed_config?.source;
    if (source && typeof source.path === 'string')
        source.path = external_node_path_default().resolve(baseDir, source.path);
}
function parseOutput(output) {
    if (output && output.startsWith('processor:'))
        return { kind: 'processor', name: output.slice('processor:'.length) };
    return { kind: 'final' };
}
/**
 * Registers where each column and processor object of a stage was written (registerNodeLocation), so
 * that an error the engine meets at run time in one of them points at its node.
 */
function registerConfigNodes(config, outputProcessors, i, locator) {
    const register = (node, at) => {
        if (!load_isObj(node))
            return;
        (0,diagnostics/* registerNodeLocation */.FZ)(node, (field) => (field !== undefined && field in node ? locator.locate([...at, field]) : locator.locate(at, 'key')));
    };
    (config.columns ?? []).forEach((c, j) => register(c, ['stages', i, 'config', 'columns', j]));
    (config.processors ?? []).forEach((p, j) => register(p, ['stages', i, 'config', 'processors', j]));
    outputProcessors.forEach((p, j) => register(p, ['stages', i, 'output_processors', j]));
}
function buildLoaded(doc, file, cwd, sources, locator, diagnostics) {
    const stages = doc.stages.map((s, i) => {
        const config = s.config;
        if (!config.columns)
            config.columns = [];
        postNormalizeConfig(config);
        resolveSeedPaths(config, sources[i].baseDir);
        const loaded = {
            index: i,
            name: s.name,
            config,
            numRecords: s.num_records,
            outputProcessors: (s.output_processors ?? []),
            output: parseOutput(s.output),
            allowEmpty: s.allow_empty === true,
            samplingStrategy: s.sampling_strategy ?? 'ordered',
            selectionStrategy: s.selection_strategy ?? null,
            location: locator.locate(['stages', i]),
        };
        if (sources[i].configFile)
            loaded.configFile = sources[i].configFile;
        registerConfigNodes(config, loaded.outputProcessors, i, locator);
        if (s.on_success)
            loaded.onSuccess = { ...s.on_success };
        return loaded;
    });
    return {
        file,
        dir: external_node_path_default().dirname(file),
        name: doc.name,
        ...(doc.seed !== undefined ? { seed: doc.seed } : {}),
        artifactPath: external_node_path_default().resolve(cwd, doc.artifact_path ?? 'artifacts'),
        modelProviders: (doc.model_providers ?? []),
        modelConfigs: (doc.model_configs ?? []),
        // The validator filled the defaults already; this also covers a run_config it could not use.
        runConfig: (0,defaults/* runConfigWithDefaults */.g)(doc.run_config),
        stages,
        warnings: diagnostics.filter((d) => d.severity === 'warning'),
    };
}
/**
 * Why artifacts cannot go under `artifactPath` (the directory itself, or `<artifactPath>/<workflow>`, or
 * an ancestor is something other than a directory), as a sentence; undefined when they can. Checked
 * before a run or plan so that it ends with this sentence instead of ENOTDIR/EEXIST half-way.
 */
function artifactDirectoryProblem(artifactPath, workflowName) {
    const root = external_node_path_default().resolve(artifactPath);
    for (let p = external_node_path_default().join(root, workflowName);; p = external_node_path_default().dirname(p)) {
        let st;
        try {
            st = (0,external_node_fs_.statSync)(p, { throwIfNoEntry: false });
        }
        catch {
            st = undefined; // ENOTDIR: an ancestor is a file, found on the way up
        }
        if (st && !st.isDirectory()) {
            return p === root
                ? `The artifact path ${root} is not a directory (it is a file); pass --artifact-path (or set artifact_path) to a directory.`
                : `Cannot keep artifacts under ${root}: ${p} is not a directory (it is a file).`;
        }
        if (st || external_node_path_default().dirname(p) === p)
            return undefined;
    }
}


/***/ }),

/***/ 55800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ readPriorMetadata),
/* harmony export */   GH: () => (/* binding */ priorStageRecord),
/* harmony export */   GL: () => (/* binding */ toMetadataPath),
/* harmony export */   Kx: () => (/* binding */ realpathOfExisting),
/* harmony export */   Ky: () => (/* binding */ writeWorkflowMetadata),
/* harmony export */   gE: () => (/* binding */ metadataPathProblem),
/* harmony export */   m2: () => (/* binding */ WORKFLOW_METADATA_FILENAME),
/* harmony export */   te: () => (/* binding */ STAGE_RECORD_FILENAME),
/* harmony export */   xT: () => (/* binding */ metadataPath),
/* harmony export */   xf: () => (/* binding */ fromMetadataPath),
/* harmony export */   yK: () => (/* binding */ checkArtifactOwner)
/* harmony export */ });
/* unused harmony exports UnsafeMetadataPathError, stageRecordProblem */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27531);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17553);
/**
 * `<artifact_path>/<workflow>/workflow-metadata.json`: what each stage is, what produced it and where its
 * selected output lives. It is rewritten atomically at every status change, so whatever a crash leaves
 * behind is a consistent picture the next run resumes from. Paths are stored RELATIVE to the workflow
 * directory, so a moved (or restored, or downloaded) artifact directory still resumes.
 */





const WORKFLOW_METADATA_FILENAME = 'workflow-metadata.json';
/** Written into a finished stage directory so that a copy restored from the cache store is self-describing. */
const STAGE_RECORD_FILENAME = 'ddflow-stage.json';
function metadataPath(workflowDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workflowDir, WORKFLOW_METADATA_FILENAME);
}
async function writeWorkflowMetadata(workflowDir, metadata) {
    metadata.updated_at = new Date().toISOString();
    await (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJsonAtomic */ .ZJ)(metadataPath(workflowDir), metadata);
}
/**
 * The previous run's metadata, or undefined when there is none to trust. `if_possible` starts fresh
 * (with a warning) on a corrupt, wrongly-shaped or foreign file; `always` refuses.
 */
async function readPriorMetadata(workflowDir, workflowName, mode, log, options) {
    if (mode === 'never')
        return undefined;
    const file = metadataPath(workflowDir);
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            if (mode === 'always' && options.requireFile)
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot resume workflow '${workflowName}': no workflow metadata found.`);
            return undefined;
        }
        return refuseOrWarn(mode, log, workflowName, 'could not be read');
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return refuseOrWarn(mode, log, workflowName, 'is corrupt');
    }
    if (!isMetadataShape(value))
        return refuseOrWarn(mode, log, workflowName, 'has invalid shape');
    if (value.name !== workflowName)
        return refuseOrWarn(mode, log, workflowName, 'belongs to a different workflow');
    // A record whose paths lead out of the workflow directory is never read: it is dropped, and its stage reruns.
    value.stages = value.stages.map((s, i) => {
        if (!s || typeof s !== 'object' || Array.isArray(s))
            return s;
        const problem = stageRecordProblem(workflowDir, s);
        if (!problem)
            return s;
        log.warn(`Workflow metadata for '${workflowName}': the record of stage ${typeof s.name === 'string' ? JSON.stringify(s.name) : i} is not used (${problem}); the stage runs again.`);
        return null;
    });
    return value;
}
function refuseOrWarn(mode, log, name, problem) {
    if (mode === 'always')
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Cannot resume workflow '${name}': workflow metadata ${problem}.`);
    log.warn(`Workflow metadata for '${name}' ${problem}; starting fresh.`);
    return undefined;
}
function isMetadataShape(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return false;
    const m = v;
    if (typeof m.name !== 'string' || !Array.isArray(m.stages))
        return false;
    if (m.cache_format_version !== undefined && m.cache_format_version !== _fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_FORMAT_VERSION */ .W9)
        return false;
    return true;
}
/** The prior entry for this stage, if it describes the same stage in the same directory. */
function priorStageRecord(prior, index, name, stageDir) {
    const s = prior?.stages[index];
    if (!s || typeof s !== 'object' || Array.isArray(s))
        return undefined;
    if (s.name !== name || s.stage_dir !== stageDir || typeof s.fingerprint !== 'string')
        return undefined;
    return s;
}
/**
 * Stored form of a path: ALWAYS relative to the workflow directory (spec §3.1), with `/` separators. A
 * path outside it — a reviewed override beside the artifact directory — gets `..` segments, so it still
 * resolves when the artifact directory moves together with what it points at. Only a path that has no
 * relative form (another drive on Windows) stays absolute.
 */
function toMetadataPath(workflowDir, p) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workflowDir, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(p));
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel))
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(p);
    return rel === '' ? '.' : rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/**
 * A stored path, resolved against the workflow directory — only when it stays inside it. The metadata
 * (and a stage's ddflow-stage.json) is data from disk, possibly from a cache entry or a downloaded
 * artifact someone else made: an absolute path, a `..` that climbs out, or a symlink (at any existing
 * part of the path) that leads out would make ddflow read — and hand downstream, export or upload —
 * files it never wrote. Such a path throws UnsafeMetadataPathError; readPriorMetadata drops records
 * holding one (the stage reruns), and a restored cache entry holding one is a miss.
 */
function fromMetadataPath(workflowDir, p) {
    const problem = metadataPathProblem(workflowDir, p);
    if (problem)
        throw new UnsafeMetadataPathError(problem);
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workflowDir, p);
}
class UnsafeMetadataPathError extends _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq {
}
/** Why a stored path may not be used (a sentence fragment), or undefined when it is inside the workflow directory. */
function metadataPathProblem(workflowDir, p) {
    if (typeof p !== 'string' || p === '' || p.includes('\0'))
        return `the path ${JSON.stringify(p)} is not a usable path`;
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(p) || node_path__WEBPACK_IMPORTED_MODULE_1___default().win32.isAbsolute(p))
        return `the path ${JSON.stringify(p)} is absolute (paths are stored relative to the workflow directory)`;
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workflowDir);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, p);
    if (!isWithin(root, resolved))
        return `the path ${JSON.stringify(p)} leads outside the workflow's artifact directory`;
    if (!isWithin(realpathOfExisting(root), realpathOfExisting(resolved)))
        return `the path ${JSON.stringify(p)} leads outside the workflow's artifact directory through a symbolic link`;
    return undefined;
}
function isWithin(root, p) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, p);
    return rel === '' || (!node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`));
}
/** realpath of the longest existing prefix of `p`, with the rest of `p` appended. */
function realpathOfExisting(p) {
    const rest = [];
    for (let cur = p;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(cur), ...rest);
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(cur);
            if (parent === cur)
                return p;
            rest.unshift(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(cur));
            cur = parent;
        }
    }
}
/** Path fields of a stage record that ddflow reads back (the override's own fields name files outside by design). */
const READ_BACK_PATHS = ['stage_output_path', 'callback_output_path', 'output_processor_output_path'];
/**
 * Why a stage record (from workflow-metadata.json or a restored ddflow-stage.json) cannot be trusted,
 * or undefined: a path field ddflow reads that leads outside the workflow directory, a recorded file
 * name that is not a plain name, or a handed-down path outside that is not the recorded override.
 */
function stageRecordProblem(workflowDir, rec) {
    for (const key of READ_BACK_PATHS) {
        const v = rec[key];
        if (v === undefined || v === null)
            continue;
        const problem = metadataPathProblem(workflowDir, v);
        if (problem)
            return `${key}: ${problem}`;
    }
    if (rec.output_seed_path !== undefined && rec.output_seed_path !== rec.stage_output_override_path) {
        const problem = metadataPathProblem(workflowDir, rec.output_seed_path);
        if (problem)
            return `output_seed_path: ${problem}`;
    }
    if (rec.stage_output_files !== undefined) {
        const files = rec.stage_output_files;
        if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f === '' || f === '.' || f === '..' || /[\\/\0]/.test(f))) {
            return 'stage_output_files: a recorded file name is not a plain file name';
        }
    }
    return undefined;
}
/**
 * Two workflow files with the same `name:` would write one artifact directory and take each other's
 * stages. The directory records the file that wrote it; another file that still exists and still
 * declares this name is refused (a renamed or moved file is not: the old path no longer holds it).
 */
async function checkArtifactOwner(workflowDir, prior, workflowFile, name) {
    if (!prior?.workflow_file)
        return;
    // The workflow file lies outside the artifact directory by design; it is only read to compare its name.
    if (typeof prior.workflow_file !== 'string' || prior.workflow_file.includes('\0'))
        return;
    const owner = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workflowDir, prior.workflow_file);
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(owner) === node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workflowFile))
        return;
    const text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(owner, 'utf8').catch(() => undefined);
    if (text === undefined)
        return;
    const declared = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? /"name"\s*:\s*"([^"]+)"/.exec(text)?.[1];
    if (declared !== name)
        return;
    throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Workflow files ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(workflowFile)} and ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(owner)} both have name '${name}', so they would write the same artifact directory ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(workflowDir)}: rename one of them (the name is the artifact directory and the cache key), or give one another --artifact-path.`);
}


/***/ }),

/***/ 26327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ CALLBACK_OUTPUTS_DIR),
/* harmony export */   G8: () => (/* binding */ readableRows),
/* harmony export */   Te: () => (/* binding */ parquetFilesAt),
/* harmony export */   yR: () => (/* binding */ runOnSuccess),
/* harmony export */   yk: () => (/* binding */ countOutputRows)
/* harmony export */ });
/* unused harmony export stderrTail */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94851);
/* harmony import */ var _data_dataset_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99724);
/* harmony import */ var _data_database_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(94715);
/* harmony import */ var _data_atomic_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27531);
/**
 * A stage's selected output is a path on disk — a directory of parquet files (row groups, a processor's
 * files, a callback's output) or one parquet file (a reviewed override) — and this is how the runner
 * lists, counts and prepares such outputs, including the trusted `on_success` command.
 */







/** A directory → its `*.parquet` files (top level, sorted; hidden temp files excluded); a file → itself. */
async function parquetFilesAt(p) {
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(p).catch(() => undefined);
    if (!st)
        return [];
    if (!st.isDirectory())
        return [p];
    return (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(p))
        .filter((n) => n.endsWith('.parquet') && !n.startsWith('.'))
        .sort()
        .map((n) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(p, n));
}
/** Rows at a selected-output path; a missing or unreadable output is an error naming the path. */
async function countOutputRows(db, p) {
    const files = await parquetFilesAt(p);
    if (files.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`No parquet files found at ${p}.`);
    try {
        return await (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_4__/* .countRows */ .BO)(db, files);
    }
    catch (err) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Failed to read parquet files at ${p}: ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`, { cause: err });
    }
}
/** Like countOutputRows, but undefined instead of an error: "is this output still usable?". */
async function readableRows(db, p) {
    try {
        return await countOutputRows(db, p);
    }
    catch {
        return undefined;
    }
}
/** `<stage>/callback-outputs/<version>/` holds what an on_success command wrote. */
const CALLBACK_OUTPUTS_DIR = 'callback-outputs';
/**
 * Runs the stage's trusted command with `sh -c` (spec §3.4) and returns the path of its parquet output.
 * jsonl and csv files it writes are converted to parquet (in a hidden sub-directory, so the directory's
 * own listing stays what the command wrote).
 */
async function runOnSuccess(db, run) {
    // The output directory is emptied first: never let a version that is a path (`..`, `../../x`) turn
    // that into deleting something else. It must be exactly one directory below <stage>/callback-outputs/.
    const root = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(run.stageDir), CALLBACK_OUTPUTS_DIR);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(run.outputDir));
    if (!rel || rel === '.' || rel === '..' || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel) || rel.split(/[\\/]/).length !== 1) {
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Refusing to run the on_success command: its output directory ${run.outputDir} is not a directory directly inside ${root} (the version must be a safe directory name).`);
    }
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(run.outputDir, { recursive: true, force: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(run.outputDir, { recursive: true });
    const { code, stderr } = await spawnShell(run);
    if (code !== 0) {
        const tail = stderrTail(stderr);
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`The on_success command exited with ${code}${tail ? `: ${tail}` : ' (no stderr output).'}`);
    }
    const names = (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(run.outputDir)).filter((n) => !n.startsWith('.')).sort();
    const usable = names.filter((n) => /\.(parquet|jsonl|csv)$/i.test(n));
    if (usable.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`No parquet files found at ${run.outputDir}: the on_success command must write parquet, jsonl or csv files into DDFLOW_OUTPUT_DIR.`);
    if (usable.every((n) => n.toLowerCase().endsWith('.parquet')))
        return run.outputDir;
    const converted = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.outputDir, '.parquet');
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(converted, { recursive: true });
    for (const [i, name] of usable.entries()) {
        const src = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.outputDir, name);
        const reader = /\.parquet$/i.test(name)
            ? (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_4__/* .parquetSource */ .Cn)([src])
            : /\.jsonl$/i.test(name)
                ? `read_json_auto(${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteLiteral */ .ce)(src)}, format = 'newline_delimited')`
                : `read_csv_auto(${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteLiteral */ .ce)(src)}, header = true)`;
        const out = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(converted, (0,_data_dataset_js__WEBPACK_IMPORTED_MODULE_4__/* .batchFileName */ .qd)(i));
        try {
            await (0,_data_atomic_js__WEBPACK_IMPORTED_MODULE_6__/* .replaceAtomically */ .GA)(out, (tmp) => db.run(`COPY (SELECT * FROM ${reader}) TO ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteLiteral */ .ce)(tmp)} (FORMAT parquet)`));
        }
        catch (err) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Could not read ${name} written by the on_success command: ${(0,_data_database_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`, { cause: err });
        }
    }
    return converted;
}
/**
 * The last lines of a command's stderr as ONE line (joined with " | "), for an error message that must
 * stay one line in the CLI, the metadata `error` and the Action log: up to 5 non-empty lines, and at most
 * 1000 characters, keeping the end (where the cause usually is).
 */
function stderrTail(stderr, maxLines = 5, maxChars = 1000) {
    const lines = stderr
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-maxLines);
    const text = lines.join(' | ');
    return text.length > maxChars ? `…${text.slice(-(maxChars - 1))}` : text;
}
function spawnShell(run) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', run.command], {
            cwd: run.cwd,
            env: { ...(run.env ?? process.env), DDFLOW_STAGE_DIR: run.stageDir, DDFLOW_OUTPUT_DIR: run.outputDir },
            stdio: ['ignore', 'inherit', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            // Keep the tail only: the message needs the last lines, not a log of megabytes.
            stderr = (stderr + d.toString('utf8')).slice(-8192);
            run.onStderr?.(d.toString('utf8'));
        });
        const onAbort = () => child.kill('SIGTERM');
        run.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (err) => {
            run.signal?.removeEventListener('abort', onAbort);
            reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`Could not start the on_success command: ${err.message}`, { cause: err }));
        });
        child.on('close', (code, sig) => {
            run.signal?.removeEventListener('abort', onAbort);
            if (run.signal?.aborted)
                return reject(new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq('The run was cancelled while the on_success command ran.'));
            resolve({ code: code ?? (sig ? 128 : 1), stderr });
        });
    });
}


/***/ }),

/***/ 74510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   Nw: () => (/* binding */ decideStage),
/* harmony export */   OL: () => (/* binding */ PLAN_COLUMNS),
/* harmony export */   nV: () => (/* binding */ planContext),
/* harmony export */   pp: () => (/* binding */ formatPlanTable),
/* harmony export */   sF: () => (/* binding */ planEntryJson),
/* harmony export */   v_: () => (/* binding */ planCells)
/* harmony export */ });
/* unused harmony exports fingerprintOf, predictedHandoff, buildPlanIn */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _data_database_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94715);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94851);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55168);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86999);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17553);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(55800);
/* harmony import */ var _engine_artifacts_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8833);
/* harmony import */ var _engine_resume_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(90099);
/* harmony import */ var _reuse_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(77877);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(26211);
/* harmony import */ var _stage_models_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(54026);
/* harmony import */ var _stage_record_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(22597);
/* harmony import */ var _cache_keys_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(64480);
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
    return (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_6__/* .stageFingerprint */ .LE)({
        config: stage.config,
        modelConfigs: (0,_stage_models_js__WEBPACK_IMPORTED_MODULE_12__/* .stageModelConfigs */ .Tx)(workflow, stage),
        modelProviders: workflow.modelProviders,
        seededFromUpstream: at.seededFromUpstream,
        numRecords: at.numRecords,
        samplingStrategy: stage.samplingStrategy,
        selectionStrategy: stage.selectionStrategy,
        outputProcessors: stage.outputProcessors,
        output: stage.output.kind === 'final' ? 'final' : `processor:${stage.output.name}`,
        allowEmpty: stage.allowEmpty,
        onSuccess: stage.onSuccess,
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
    const numRecords = (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .resolveNumRecords */ .PJ)(stage, index, upstream ? upstream.records : undefined, options);
    const upstreamKnown = !upstream || upstream.fingerprint !== null;
    const fingerprint = numRecords !== null && upstreamKnown
        ? await fingerprintOf(workflow, stage, { numRecords, seededFromUpstream: upstream !== undefined, seed: options.seed, upstreamFingerprint: upstream?.fingerprint ?? null })
        : null;
    const pending = fingerprint === null ? { fingerprint_pending: `depends on the rows stage '${upstream.name}' hands down, known once it has them` } : {};
    const expected = numRecords ?? (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .resolveNumRecords */ .PJ)(stage, index, upstream?.expectedRecords, options);
    const models = (0,_stage_models_js__WEBPACK_IMPORTED_MODULE_12__/* .modelColumnCount */ .Bh)(stage);
    const base = { index, stage: stage.name, fingerprint, ...pending, num_records: numRecords };
    // The seed the rows will be drawn with: a model answer is reusable only for the same requests.
    const seed = options.seed ?? ctx.prior?.seed;
    const answered = models > 0 && fingerprint !== null && seed !== undefined && ctx.answered.has((0,_stage_models_js__WEBPACK_IMPORTED_MODULE_12__/* .answeredKey */ .x0)(fingerprint, seed));
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
    const stageDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(ctx.workflowDir, (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .stageDirName */ .bM)(index, stage.name));
    const rec = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .priorStageRecord */ .GH)(ctx.prior, index, stage.name, (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .stageDirName */ .bM)(index, stage.name));
    let damaged = false;
    let why = rec ? 'its inputs changed (another fingerprint than the output on disk)' : 'no output with this fingerprint on disk';
    if (rec?.fingerprint === fingerprint) {
        const check = await (0,_reuse_js__WEBPACK_IMPORTED_MODULE_10__/* .reuseCheck */ .xC)(ctx.db, stage, rec, ctx.workflowDir);
        if (check === 'ok') {
            const outcome = (0,_stage_record_js__WEBPACK_IMPORTED_MODULE_13__/* .fromRecord */ .iA)(rec, ctx.workflowDir, 'reused');
            return { ...base, decision: 'cached', rows: rec.output_records ?? null, calls: 0, reason: `unchanged; its output (${rec.output_records ?? '?'} rows) is on disk`, outcome };
        }
        const continuable = (_reuse_js__WEBPACK_IMPORTED_MODULE_10__/* .RESUMABLE */ .ND.has(rec.status) || (check === 'damaged' && (0,_reuse_js__WEBPACK_IMPORTED_MODULE_10__/* .resumableAfterDamage */ .wM)(stage))) && (await (0,_engine_artifacts_js__WEBPACK_IMPORTED_MODULE_8__/* .exists */ .t2)(stageDir));
        if (continuable) {
            const kept = await (0,_engine_resume_js__WEBPACK_IMPORTED_MODULE_9__/* .keptRowCount */ .k4)(ctx.db, stageDir, workflow.runConfig.buffer_size, seed);
            const what = check === 'damaged' ? 'its output was altered on disk' : 'an interrupted attempt';
            return generate(`${what}; ${kept} row${kept === 1 ? '' : 's'} on disk are kept`, kept, { decision: 'resume', damaged: check === 'damaged' });
        }
        if (check === 'damaged') {
            why = 'its output was altered on disk and a sql processor rewrote its row groups';
            damaged = true;
        }
    }
    if (stage.onSuccess && !stage.onSuccess.version)
        return generate('on_success has no version, so its output is never reused');
    if (ctx.store && ctx.store.kind !== 'off') {
        const key = (0,_cache_keys_js__WEBPACK_IMPORTED_MODULE_14__/* .stageCacheKey */ .KK)(ctx.cachePrefix, workflow.name, stage.name, fingerprint);
        const restored = await (0,_reuse_js__WEBPACK_IMPORTED_MODULE_10__/* .restoreFromStore */ .Eu)(ctx.db, ctx.store, key, stageDir, { fingerprint, stage_dir: (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .stageDirName */ .bM)(index, stage.name) }, ctx.workflowDir, stage, ctx.log);
        if (restored) {
            return { ...base, decision: 'restore', rows: restored.outputRecords, calls: 0, reason: 'the cache store holds it', outcome: restored };
        }
        const partial = await (0,_reuse_js__WEBPACK_IMPORTED_MODULE_10__/* .restorePartialFromStore */ .n_)(ctx.store, (0,_cache_keys_js__WEBPACK_IMPORTED_MODULE_14__/* .partialStageCachePrefix */ .CN)(ctx.cachePrefix, workflow.name, stage.name, fingerprint), stageDir, stage, ctx.log);
        if (partial) {
            // Without a configured seed, the interrupted attempt drew its rows from its own random seed: the
            // stage keeps it so the continued rows follow the same sequence.
            const resumeSeed = options.seed === undefined ? partial.seed : undefined;
            const kept = await (0,_engine_resume_js__WEBPACK_IMPORTED_MODULE_9__/* .keptRowCount */ .k4)(ctx.db, stageDir, workflow.runConfig.buffer_size, resumeSeed ?? seed);
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
        fingerprint = fingerprint === null ? null : (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_6__/* .overriddenFingerprint */ .Xw)(fingerprint, override.contentHash);
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
    (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .checkWorkflowStructure */ .NT)(workflow);
    const mode = options.resume ?? 'if_possible';
    const selection = await (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .resolveSelection */ .Fb)(workflow, options, db);
    const workflowDir = (0,_selection_js__WEBPACK_IMPORTED_MODULE_11__/* .workflowDirOf */ .y9)(workflow, options.artifactPath);
    // A file where the artifact directory should be is one sentence for every caller (CLI, Action, library).
    const blocked = (0,_load_js__WEBPACK_IMPORTED_MODULE_4__/* .artifactDirectoryProblem */ .v)(options.artifactPath ?? workflow.artifactPath, workflow.name);
    if (blocked)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(blocked);
    const metadataFile = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .metadataPath */ .xT)(workflowDir);
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(metadataFile).catch(() => undefined);
    if (st && !st.isFile())
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_3__/* .DdflowError */ .Zq(`${metadataFile} is not a file: move it away so that ddflow can record the run there.`);
    const store = options.cacheStore && options.cacheStore.kind !== 'off' ? options.cacheStore : undefined;
    // A run with resume 'always' and no cache store needs the metadata file; plan only reports.
    // Read once. Mode 'never' reuses nothing but still overwrites the directory, so the owner check needs
    // the metadata then too (read quietly: nothing of it is used).
    const never = mode === 'never';
    const onDisk = await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .readPriorMetadata */ .CB)(workflowDir, workflow.name, forRun && !never ? mode : 'if_possible', never ? _logger_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .q : options.log, { requireFile: forRun && !store && !never });
    await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_7__/* .checkArtifactOwner */ .yK)(workflowDir, onDisk, workflow.file, workflow.name);
    const prior = never ? undefined : onDisk;
    return { workflow, options: { ...options, seed: options.seed ?? workflow.seed }, selection, db, workflowDir, prior, store, cachePrefix: options.cacheKeyPrefix ?? 'ddflow', answered: (0,_stage_models_js__WEBPACK_IMPORTED_MODULE_12__/* .answeredStages */ .$L)(workflowDir), log: options.log };
}
/** The whole plan: every stage decided in order, each from what the plan expects of the one before. */
async function buildPlanIn(ctx) {
    const stages = [];
    let upstream;
    for (let index = 0; index < ctx.workflow.stages.length; index++) {
        // Beyond the targets the chain continues (a stage there still shows the fingerprint it would have
        // when that is knowable), but rows not generated are never taken as known.
        const step = await decideStage(ctx, index, upstream);
        stages.push(step);
        upstream = await predictedHandoff(ctx, step);
        if (step.decision === 'skipped' && index > ctx.selection.targetIndex)
            upstream = { ...upstream, empty: false, records: null, expectedRecords: step.num_records };
    }
    return { workflow: ctx.workflow.name, workflowDir: ctx.workflowDir, stages };
}
/** `ddflow plan`: reads the artifact directory (and, in the Action, the cache store); calls no model. */
async function buildPlan(workflow, options) {
    const db = await (0,_data_database_js__WEBPACK_IMPORTED_MODULE_2__/* .openDatabase */ .qI)();
    try {
        return await buildPlanIn(await planContext(workflow, options, db, false));
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
    };
}
const PLAN_COLUMNS = ['stage', 'decision', 'fingerprint', 'rows', 'calls', 'reason'];
/** A plan row's cells as text: the fingerprint's first 12 characters, `?` where a value is not known yet. */
function planCells(e) {
    const known = (n) => (n === null ? '?' : String(n));
    return [e.stage, e.decision, e.fingerprint ? e.fingerprint.slice(0, 12) : '?', known(e.rows), e.calls === null ? '?' : `~${e.calls}`, e.fingerprint_pending ? `${e.reason}; fingerprint ${e.fingerprint_pending}` : e.reason];
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
/* harmony export */   eJ: () => (/* binding */ COMPLETED),
/* harmony export */   n_: () => (/* binding */ restorePartialFromStore),
/* harmony export */   wM: () => (/* binding */ resumableAfterDamage),
/* harmony export */   xC: () => (/* binding */ reuseCheck)
/* harmony export */ });
/* unused harmony export canReuse */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55800);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26327);
/* harmony import */ var _stage_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22597);
/**
 * Reusing a stage's earlier output: whether the local stage directory still holds what the last run
 * recorded, whether a damaged one can continue from its row groups, and bringing an entry back from a
 * cache store (checked against the fingerprint it is restored for before it is trusted).
 */





const COMPLETED = new Set(['completed', 'completed_empty']);
const RESUMABLE = new Set(['running', 'failed']);
async function reuseCheck(db, stage, rec, workflowDir) {
    if (!COMPLETED.has(rec.status))
        return 'not-completed';
    if (stage.onSuccess && !stage.onSuccess.version)
        return 'unversioned';
    const own = rec.stage_output_path ?? rec.output_seed_path;
    if (typeof own !== 'string' || !own)
        return 'damaged';
    const at = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .fromMetadataPath */ .xf)(workflowDir, own);
    if (Array.isArray(rec.stage_output_files)) {
        const names = (await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parquetFilesAt */ .Te)(at)).map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f));
        if (names.length !== rec.stage_output_files.length || names.some((n, i) => n !== rec.stage_output_files[i]))
            return 'damaged';
    }
    const rows = await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readableRows */ .G8)(db, at);
    if (rows === undefined)
        return 'damaged';
    if (typeof rec.output_records === 'number' && rows !== rec.output_records)
        return 'damaged';
    return 'ok';
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
 */
async function restoreFromStore(db, store, key, stageDir, expected, workflowDir, stage, log) {
    if (stage.onSuccess && !stage.onSuccess.version)
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
        if (saved.fingerprint === expected.fingerprint && saved.stage_dir === expected.stage_dir && COMPLETED.has(saved.status) && (await canReuse(db, stage, saved, workflowDir))) {
            log.info(`Stage '${stage.name}' restored from the cache.`);
            return (0,_stage_record_js__WEBPACK_IMPORTED_MODULE_4__/* .fromRecord */ .iA)(saved, workflowDir, 'restored');
        }
    }
    catch {
        /* fall through: an unusable entry is a miss */
    }
    log.warn(`The cache entry for stage '${stage.name}' is not usable; the stage runs.`);
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(stageDir, { recursive: true, force: true });
    return undefined;
}
/** Brings back the newest partial entry of this stage; returns the seed its rows were drawn with. */
async function restorePartialFromStore(store, partialPrefix, stageDir, stage, log) {
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

/***/ 77181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XR: () => (/* reexport */ selection/* RESUME_MODES */.XR),
  HN: () => (/* reexport */ WorkflowRunError),
  FZ: () => (/* binding */ runWorkflow),
  $1: () => (/* reexport */ selection/* selectionError */.$1),
  Li: () => (/* reexport */ stage_models/* usedModelAliases */.Li),
  y9: () => (/* reexport */ selection/* workflowDirOf */.y9)
});

// UNUSED EXPORTS: CALL_CACHE_DIR, DEFAULT_NUM_RECORDS, canReuse, checkWorkflowStructure, defaultEngine, fingerprintOf, prepareModelRegistries, resolveNumRecords, resolveSelection, resumableAfterDamage, reuseCheck, stageDirName, stageModelConfigs

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
// EXTERNAL MODULE: ./src/llm/index.ts + 9 modules
var llm = __webpack_require__(80013);
// EXTERNAL MODULE: ./src/workflow/outputs.ts
var outputs = __webpack_require__(26327);
;// CONCATENATED MODULE: ./src/workflow/execute-stage.ts
/**
 * Generating one stage: the engine's create() (fresh or resuming its row groups), then its output
 * processors, the selection of its output (`final` or `processor:<name>`) and its `on_success` command.
 */




async function defaultEngine() {
    // Loaded lazily: plan/validate/export never pay for the engine's imports. A literal specifier, so
    // the bundler still follows it.
    const { runStage, runDatasetProcessors } = await Promise.all(/* import() */[__webpack_require__.e(432), __webpack_require__.e(2)]).then(__webpack_require__.bind(__webpack_require__, 22002));
    return { runStage, runDatasetProcessors };
}
async function executeStage(x) {
    const { stage, stageDir } = x;
    const upstreamFiles = x.upstream ? await (0,outputs/* parquetFilesAt */.Te)(x.upstream.outputPath) : undefined;
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
        signal: x.signal,
        db: x.db,
        onProgress: x.onProgress,
        log: x.log,
    });
    x.signal?.throwIfAborted();
    const mainDir = dirOf(result.outputFiles, external_node_path_default().join(stageDir, 'parquet-files'));
    let processed;
    const opDir = external_node_path_default().join(stageDir, 'output-processors');
    if (stage.outputProcessors.length > 0) {
        await external_node_fs_.promises.rm(opDir, { recursive: true, force: true });
        processed = await x.engine.runDatasetProcessors({ stageName: stage.name, processors: stage.outputProcessors, inputFiles: result.outputFiles, outDir: opDir, log: x.log, db: x.db });
        x.signal?.throwIfAborted();
    }
    let selected;
    if (stage.output.kind === 'final') {
        selected = processed ? dirOf(processed.outputFiles, external_node_path_default().join(opDir, 'parquet-files')) : mainDir;
    }
    else {
        const name = stage.output.name;
        const inOutput = stage.outputProcessors.some((p) => p.name === name);
        const side = inOutput ? processed?.processorFiles[name] : result.processorFiles[name];
        const sideDir = inOutput ? external_node_path_default().join(opDir, 'processors-files', name) : external_node_path_default().join(stageDir, 'processors-files', name);
        if (side && side.length > 0)
            selected = dirOf(side, sideDir);
        else if ((await (0,outputs/* parquetFilesAt */.Te)(sideDir)).length > 0)
            selected = sideDir;
        else {
            // drop_columns and sql processors transform the dataset itself rather than writing a side output.
            const config = (inOutput ? stage.outputProcessors : (stage.config.processors ?? [])).find((p) => p.name === name);
            if (!config || config.processor_type.replace('-', '_') === 'schema_transform') {
                throw new diagnostics/* DdflowError */.Zq(`Stage output processor '${name}' did not produce artifacts.`);
            }
            selected = inOutput && processed ? dirOf(processed.outputFiles, external_node_path_default().join(opDir, 'parquet-files')) : mainDir;
        }
    }
    let callbackOutputPath;
    if (stage.onSuccess) {
        const outDir = external_node_path_default().join(stageDir, outputs/* CALLBACK_OUTPUTS_DIR */.$, stage.onSuccess.version ?? 'unversioned');
        selected = await (0,outputs/* runOnSuccess */.yR)(x.db, {
            command: stage.onSuccess.run,
            cwd: x.workflow.dir,
            stageDir,
            outputDir: outDir,
            signal: x.signal,
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
        ownOutputFiles: (await (0,outputs/* parquetFilesAt */.Te)(selected)).map((f) => external_node_path_default().basename(f)),
        outputRecords: await (0,outputs/* countOutputRows */.yk)(x.db, selected),
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
    return files.length > 0 ? external_node_path_default().dirname(files[0]) : fallback;
}

// EXTERNAL MODULE: ./src/workflow/metadata.ts
var metadata = __webpack_require__(55800);
// EXTERNAL MODULE: ./src/workflow/plan.ts
var plan = __webpack_require__(74510);
// EXTERNAL MODULE: ./src/workflow/fingerprint.ts
var fingerprint = __webpack_require__(17553);
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

// EXTERNAL MODULE: ./src/workflow/stage-models.ts
var stage_models = __webpack_require__(54026);
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
        return (0,metadata/* writeWorkflowMetadata */.Ky)(this.ctx.workflowDir, { ...this.metadata, stages: [...this.metadata.stages, ...this.priorStages.slice(this.metadata.stages.length)] });
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
        if (step.damaged)
            log.warn(`Stage '${stage.name}': its output no longer matches what the last run recorded (files missing, changed or unreadable); it is generated again.`);
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
        throw new WorkflowRunError('The run was cancelled.', this.report('failed'));
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
    /** Generation failed (or was cancelled): the stage stays resumable; the run ends with this error. */
    async failed(record, err, cancelled, durationSec) {
        const message = cancelled ? 'The run was cancelled.' : errorText(err);
        Object.assign(record, { status: 'failed', error: message, resumable: true, duration_sec: durationSec });
        this.metadata.status = 'failed';
        await this.save();
        this.pushReport(record, []);
        const full = cancelled || message.startsWith(`Stage '${record.name}'`) ? message : `Stage '${record.name}' failed: ${message}`;
        throw new WorkflowRunError(full, this.report('failed'), err);
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
        this.pushReport(record, await (0,outputs/* parquetFilesAt */.Te)(handedPath), handedRecords);
        this.handed = { name: stage.name, outputPath: handedPath, records: handedRecords };
        const generated = step.decision === 'run' || step.decision === 'resume';
        return { name: stage.name, records: handedRecords, expectedRecords: handedRecords, fingerprint: handedFingerprint, generated, empty: handedRecords === 0 };
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
            const exported = await (0,dataset/* exportDataset */.r$)(this.ctx.db, result.final_output_files, external_node_path_default().resolve(exportPath));
            result.export_path = exported.path;
        }
        return result;
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
        };
    }
    pushReport(record, files, outputRecords) {
        const r = (0,stage_record/* stageReportOf */.k0)(record, this.ctx.workflowDir, files, outputRecords);
        this.reports.push(r);
        this.onEvent?.({ type: 'stage-end', report: r });
    }
}
function seconds(start) {
    return Math.round(performance.now() - start) / 1000;
}
function errorText(err) {
    if (err instanceof Error)
        return err.message.split('\n')[0] ?? err.message;
    return String(err);
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

// EXTERNAL MODULE: ./src/workflow/selection.ts
var selection = __webpack_require__(26211);
// EXTERNAL MODULE: ./src/workflow/cache-keys.ts
var cache_keys = __webpack_require__(64480);
// EXTERNAL MODULE: ./src/data/atomic.ts
var atomic = __webpack_require__(27531);
;// CONCATENATED MODULE: ./src/workflow/run.ts
/**
 * The stage loop: Data Designer's CompositeWorkflow driven by a workflow file. Stages are taken in
 * order; each is decided by the plan's one rule (src/workflow/plan.ts: decideStage) with what the stages
 * before it actually handed down, then carried out: its output reused or restored, or generated
 * (src/workflow/execute-stage.ts), then handed to the next stage as its seed. workflow-metadata.json is
 * rewritten atomically at every status change (src/workflow/run-book.ts).
 */

















async function runWorkflow(workflow, options) {
    // A wrong export extension is known now: say so before any stage runs, not after all of them.
    if (options.exportPath)
        (0,dataset/* exportFormatOf */.rP)(options.exportPath);
    const db = await (0,database/* openDatabase */.qI)();
    let models;
    let releaseLock = () => { };
    try {
        // One run at a time writes a workflow's artifact directory (plan, validate and export only read).
        releaseLock = (await lockWorkflowDir((0,selection/* workflowDirOf */.y9)(workflow, options.artifactPath), options.log)).release;
        const ctx = await (0,plan/* planContext */.nV)(workflow, options, db, true);
        const engine = options.engine ?? (await defaultEngine());
        await external_node_fs_.promises.mkdir(ctx.workflowDir, { recursive: true });
        const seed = ctx.options.seed ?? ctx.prior?.seed ?? (0,random/* randomSeed */.vo)();
        const env = options.env ?? process.env;
        models = new stage_models/* ModelSession */.Wh({ workflow, targetIndex: ctx.selection.targetIndex, env, retryPolicy: options.retryPolicy ?? (0,llm/* retryPolicyFromEnv */.ed)(env), callCache: options.callCache !== false, workflowDir: ctx.workflowDir, signal: options.signal, log: options.log });
        const book = new RunBook(workflow, ctx, seed, options.seed, options.onEvent);
        let upstream;
        for (let index = 0; index <= ctx.selection.targetIndex; index++) {
            if (options.signal?.aborted)
                await book.cancelled(index, upstream);
            const decidedFrom = performance.now(); // a restore happens while deciding: it is part of the stage's time
            const step = await (0,plan/* decideStage */.Nw)(ctx, index, upstream);
            const record = book.open(step, upstream, options.log, decidedFrom);
            if (step.decision === 'skipped') {
                upstream = await book.skip(record, upstream);
                continue;
            }
            const outcome = step.outcome ?? (await generateStage({ ctx, step, record, book, engine, models, seed, options }));
            upstream = await book.complete(record, step, outcome);
        }
        return await book.finish(options.exportPath);
    }
    finally {
        models?.close();
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
    await x.models.readyFrom(step.index).catch((err) => book.abandon(record, err));
    const stageDir = external_node_path_default().join(ctx.workflowDir, record.stage_dir);
    const resume = step.decision === 'resume';
    const store = options.cacheStore;
    const start = performance.now();
    try {
        if (!resume)
            await external_node_fs_.promises.rm(stageDir, { recursive: true, force: true });
        await book.started(record, stageDir, step, store !== undefined && store.kind !== 'off');
        const outcome = await executeStage({
            db: ctx.db,
            engine: x.engine,
            workflow: ctx.workflow,
            stage,
            index: step.index,
            stageDir,
            workflowDir: ctx.workflowDir,
            numRecords: step.num_records,
            seed: step.resumeSeed ?? x.seed,
            config: record.config,
            upstream: book.upstreamOutput(),
            resume,
            models: x.models.runtimeFor(step.index),
            signal: options.signal,
            onProgress: options.onEvent ? (progress) => options.onEvent({ type: 'stage-progress', progress }) : undefined,
            log: options.log,
        });
        if (outcome.outputRecords === 0 && !stage.allowEmpty) {
            throw new diagnostics/* DdflowError */.Zq(`Stage '${stage.name}' produced an empty output (set allow_empty: true to skip the later stages instead).`);
        }
        Object.assign(record, (0,stage_record/* outcomeFields */.eh)(outcome, ctx.workflowDir), { duration_sec: run_seconds(start) });
        delete record.resumable;
        // The stage directory describes itself, so a copy restored from the cache store is usable alone.
        const ownStatus = outcome.outputRecords === 0 ? 'completed_empty' : 'completed';
        await (0,atomic/* writeJsonAtomic */.ZJ)(external_node_path_default().join(stageDir, metadata/* STAGE_RECORD_FILENAME */.te), { ...record, status: ownStatus, cache: undefined, saved: undefined });
        await book.save();
        if (!outcome.droppedRows || Object.keys(outcome.droppedRows).length === 0)
            x.models.markAnswered(step.fingerprint, step.resumeSeed ?? x.seed);
        if (store && store.kind !== 'off')
            record.saved = await saveToStore(store, ctx, stage.name, step.fingerprint, stageDir, options.log);
        return outcome;
    }
    catch (err) {
        return book.failed(record, err, options.signal?.aborted === true, run_seconds(start));
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








/***/ }),

/***/ 26211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ selectionError),
/* harmony export */   Fb: () => (/* binding */ resolveSelection),
/* harmony export */   NT: () => (/* binding */ checkWorkflowStructure),
/* harmony export */   PJ: () => (/* binding */ resolveNumRecords),
/* harmony export */   XR: () => (/* binding */ RESUME_MODES),
/* harmony export */   bM: () => (/* binding */ stageDirName),
/* harmony export */   y9: () => (/* binding */ workflowDirOf)
/* harmony export */ });
/* unused harmony export DEFAULT_NUM_RECORDS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90131);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26327);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17553);
/**
 * Which stages a run covers and with how many records: targets, rerun_from and overrides checked
 * against the workflow (before anything is written), and the per-stage record count rule.
 */





const RESUME_MODES = ['never', 'if_possible', 'always'];
const DEFAULT_NUM_RECORDS = 10;
/** Checks what the loader also checks, so a LoadedWorkflow built in code cannot slip past them. */
function checkWorkflowStructure(workflow) {
    if (workflow.stages.length === 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Workflow '${workflow.name}' has no stages.`);
    const names = new Set();
    for (const stage of workflow.stages) {
        if (names.has(stage.name))
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage name '${stage.name}' is already used in workflow '${workflow.name}'.`);
        names.add(stage.name);
        const version = stage.onSuccess?.version;
        if (version !== undefined && !new RegExp(_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .STAGE_NAME_PATTERN */ .Oc).test(version)) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage.name}': on_success version '${version}' must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..').`);
        }
        const own = new Set((stage.config.processors ?? []).map((p) => p.name));
        const out = new Set();
        for (const p of stage.outputProcessors) {
            if (out.has(p.name))
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage.name}': output processor names must be distinct within output_processors: ${p.name}.`);
            if (own.has(p.name))
                throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage.name}': output processor names must be distinct from stage processor names: ${p.name}.`);
            out.add(p.name);
        }
        if (stage.output.kind === 'processor' && !own.has(stage.output.name) && !out.has(stage.output.name)) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Stage '${stage.name}': output processor '${stage.output.name}' is not configured on this stage.`);
        }
    }
}
/**
 * The first mistake in targets, rerun_from and override stage names (and rerun_from with resume never)
 * that the workflow file alone reveals — checked before anything runs. The CLI reports it as bad usage.
 */
function selectionError(workflow, options, wording = 'options') {
    const cli = wording === 'cli';
    const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
    const known = `(stages: ${workflow.stages.map((s) => s.name).join(', ')})`;
    const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1].name];
    const unknown = targets.filter((t) => !index.has(t));
    if (unknown.length)
        return cli ? `--targets names unknown stage${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `'${t}'`).join(', ')} ${known}` : `Unknown target stage(s): ${unknown.join(', ')} ${known}.`;
    const targetIndex = Math.max(...targets.map((t) => index.get(t)));
    const lastTarget = workflow.stages[targetIndex].name;
    if (options.rerunFrom !== undefined) {
        if ((options.resume ?? 'if_possible') === 'never')
            return cli ? '--rerun-from needs --resume if_possible or always (never reruns every stage anyway)' : 'rerun_from requires resume to be if_possible or always.';
        const i = index.get(options.rerunFrom);
        if (i === undefined)
            return cli ? `--rerun-from names unknown stage '${options.rerunFrom}' ${known}` : `Unknown rerun_from stage: '${options.rerunFrom}' ${known}.`;
        if (i > targetIndex)
            return cli ? `--rerun-from '${options.rerunFrom}' comes after the last target stage '${lastTarget}'` : 'rerun_from must be an ancestor of at least one target stage.';
    }
    for (const name of Object.keys(options.overrides ?? {})) {
        const i = index.get(name);
        if (i === undefined)
            return cli ? `--override names unknown stage '${name}' ${known}` : `Unknown stage output override: '${name}' ${known}.`;
        if (i > targetIndex)
            return cli ? `--override '${name}' comes after the last target stage '${lastTarget}'` : `Stage output override '${name}' must be an ancestor of a target stage.`;
    }
    return undefined;
}
/** Validates targets, rerun_from and overrides against the workflow before anything is written. */
async function resolveSelection(workflow, options, db) {
    const problem = selectionError(workflow, options);
    if (problem)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(problem);
    const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
    const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1].name];
    const targetIndex = Math.max(...targets.map((t) => index.get(t)));
    const rerunFromIndex = options.rerunFrom !== undefined ? index.get(options.rerunFrom) : undefined;
    const overrides = new Map();
    for (const [name, p] of Object.entries(options.overrides ?? {})) {
        const i = index.get(name);
        const abs = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(p);
        // A run may delete and regenerate the stage's directory (--rerun-from, a changed input): reviewed rows
        // kept in there would be lost, or replaced by what they were meant to correct.
        const ownDir = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(workflowDirOf(workflow, options.artifactPath), stageDirName(i, name));
        if (abs === ownDir || abs.startsWith(ownDir + (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep))) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The stage output override for stage '${name}' lies inside that stage's own directory (${ownDir}), which a run may replace: copy the reviewed file elsewhere first.`);
        }
        let rows;
        try {
            rows = await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .countOutputRows */ .yk)(db, abs);
        }
        catch (err) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`Invalid stage output override for stage '${name}': ${err.message}`, { cause: err });
        }
        // Known now, not after the stage (and the ones before it) were generated for nothing.
        if (rows === 0 && !workflow.stages[i].allowEmpty) {
            throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(`The stage output override for stage '${name}' has no rows, and the stage does not allow an empty output (set allow_empty: true to let the later stages be skipped).`);
        }
        overrides.set(i, { path: abs, records: rows, contentHash: await (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .filesHash */ .mg)(await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parquetFilesAt */ .Te)(abs)) });
    }
    return { targetIndex, rerunFromIndex, overrides };
}
function workflowDirOf(workflow, artifactPath) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(artifactPath ?? workflow.artifactPath), workflow.name);
}
function stageDirName(index, name) {
    return `stage-${index}-${name}`;
}
/**
 * The records a stage is asked for: `--num-records` (first stage), the preview count, its own
 * `num_records`, else the rows its upstream hands down (`null` when those are not known until the
 * upstream has been generated: the count is then not known either), else 10.
 */
function resolveNumRecords(stage, index, upstreamRecords, options) {
    if (index === 0 && options.numRecords !== undefined)
        return options.numRecords;
    if (options.previewRecords !== undefined && (index === 0 || stage.numRecords !== undefined))
        return options.previewRecords;
    if (stage.numRecords !== undefined)
        return stage.numRecords;
    if (upstreamRecords === null)
        return null;
    return upstreamRecords ?? DEFAULT_NUM_RECORDS;
}


/***/ }),

/***/ 54026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ answeredStages),
/* harmony export */   Bh: () => (/* binding */ modelColumnCount),
/* harmony export */   Li: () => (/* binding */ usedModelAliases),
/* harmony export */   Tx: () => (/* binding */ stageModelConfigs),
/* harmony export */   Wh: () => (/* binding */ ModelSession),
/* harmony export */   x0: () => (/* binding */ answeredKey)
/* harmony export */ });
/* unused harmony exports CALL_CACHE_DIR, prepareModelRegistries */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94851);
/* harmony import */ var _llm_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80013);
/**
 * The models of a run: which model configs each stage sees, the registries built from them (key
 * variables checked once, when the first stage that must generate is reached), the health check, the
 * call store, and the per-stage model runtime handed to the engine. Stages reused or restored need none
 * of this, so a fully cached run needs no key.
 */




/** Where model answers are kept, inside the workflow's artifact directory (the Action caches it too). */
const CALL_CACHE_DIR = 'call-cache';
/** Columns that call a model once per row. */
const MODEL_COLUMN_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'embedding']);
/** Model-backed columns of a stage: each costs one call per row. */
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
        const builtin = byAlias.has(alias) ? undefined : (0,_llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .builtinModelConfig */ .T4)(alias);
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
            out.set(index, (0,_llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .buildModelRegistry */ .ZJ)({ models: stageModelConfigs(workflow, stage), providers: workflow.modelProviders, usedAliases: aliases, runConfig: workflow.runConfig, env }));
        }
        catch (err) {
            if (!(err instanceof _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq))
                throw err;
            if (!problems.includes(err.message))
                problems.push(err.message);
        }
    }
    if (problems.length > 0)
        throw new _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .DdflowError */ .Zq(problems.join(' '));
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
    if ((0,_llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .healthChecksDisabled */ ._z)(x.env)) {
        x.log.debug(`Model health checks skipped (${_llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SKIP_HEALTH_CHECKS_ENV */ .dv} is set).`);
        return;
    }
    const result = await (0,_llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .checkModelHealth */ .aj)([...registries.values()].flatMap((r) => r.list()), { retryPolicy: x.retryPolicy, signal: x.signal });
    if (result.checked.length > 0) {
        const tokens = result.tokens.prompt + result.tokens.completion;
        x.log.info(`Model health check passed for ${result.checked.map((a) => `'${a}'`).join(', ')} (${result.calls} call${result.calls === 1 ? '' : 's'}, ${tokens} tokens, not counted in stage usage).`);
    }
    if (result.skipped.length > 0)
        x.log.debug(`Model health check skipped for ${result.skipped.map((a) => `'${a}'`).join(', ')}.`);
}
function usageOf(e) {
    return { calls: e.calls, cached_calls: e.cachedCalls, retries: e.retries, prompt_tokens: e.promptTokens, completion_tokens: e.completionTokens };
}
function usageReport(facade) {
    const map = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, usageOf(v)]));
    return { total: usageOf(facade.usage.totals()), columns: map(facade.usage.byColumn()), models: map(facade.usage.byAlias()) };
}
/** Aliases named by a stage's columns (`model_alias` anywhere in a column). */
function usedModelAliases(config) {
    const out = new Set();
    const visit = (node) => {
        if (Array.isArray(node))
            node.forEach(visit);
        else if (node && typeof node === 'object') {
            for (const [k, v] of Object.entries(node)) {
                if (k === 'model_alias' && typeof v === 'string')
                    out.add(v);
                else
                    visit(v);
            }
        }
    };
    visit(config.columns);
    return [...out];
}
/** How a stage is named among the call store's answered stages: the same fingerprint AND seed draw the same requests. */
function answeredKey(fingerprint, seed) {
    return `${fingerprint}:${seed}`;
}
/** The stages whose every model call the call store of `workflowDir` can answer. */
function answeredStages(workflowDir) {
    return _llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .CallCache */ .FY.answeredStages(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workflowDir, CALL_CACHE_DIR));
}
/** The models of one run, prepared lazily: nothing is checked or opened until a stage must generate. */
class ModelSession {
    o;
    registries;
    healthChecked;
    callCache;
    constructor(o) {
        this.o = o;
    }
    /** Checks every key the stages from `index` on need, and that their models answer (once per run). */
    readyFrom(index) {
        const registries = (this.registries ??= prepareModelRegistries(this.o.workflow, this.o.targetIndex, this.o.env, index));
        return (this.healthChecked ??= checkModels(registries, { env: this.o.env, retryPolicy: this.o.retryPolicy, signal: this.o.signal, log: this.o.log }));
    }
    /** A stage's model runtime, or undefined for a stage without model columns. Call readyFrom first. */
    runtimeFor(index) {
        const registry = this.registries?.get(index);
        if (!registry)
            return undefined;
        this.callCache ??= this.o.callCache ? _llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .CallCache */ .FY.open(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.o.workflowDir, CALL_CACHE_DIR)) : _llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .CallCache */ .FY.disabled();
        // Every in-flight model call listens on the run's signal (admission wait, HTTP request, backoff):
        // many more than Node's default of 10, which would print a leak warning.
        if (this.o.signal)
            (0,node_events__WEBPACK_IMPORTED_MODULE_0__.setMaxListeners)(0, this.o.signal);
        const facade = new _llm_index_js__WEBPACK_IMPORTED_MODULE_3__/* .LlmFacade */ .w(registry, { callCache: this.callCache, runConfig: this.o.workflow.runConfig, retryPolicy: this.o.retryPolicy });
        return {
            generate: (req) => facade.generate(req),
            embed: (req) => facade.embed(req),
            tokenUsage: () => {
                const t = facade.usage.totals();
                return { prompt: t.promptTokens, completion: t.completionTokens };
            },
            usageReport: () => usageReport(facade),
        };
    }
    /** After a stage generated every row with its model calls answered: `plan` can then count 0 calls for it. */
    markAnswered(fingerprint, seed) {
        this.callCache?.markStageAnswered(answeredKey(fingerprint, seed));
    }
    close() {
        this.callCache?.close();
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
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26211);
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
