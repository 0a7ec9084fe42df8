export const id = 589;
export const ids = [589];
export const modules = {

/***/ 38589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDatasetProcessors: () => (/* binding */ runDatasetProcessors),
  runStage: () => (/* binding */ runStage)
});

// UNUSED EXPORTS: columnKind, processorKind

// EXTERNAL MODULE: ./src/engine/resume.ts
var resume = __webpack_require__(90099);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/data/atomic.ts
var atomic = __webpack_require__(27531);
// EXTERNAL MODULE: ./src/data/duckdb-loader.ts
var duckdb_loader = __webpack_require__(21293);
;// CONCATENATED MODULE: ./src/data/parquet-writer.ts






const DECLARED_SQL = {
    str: 'VARCHAR',
    int: 'BIGINT',
    float: 'DOUBLE',
    bool: 'BOOLEAN',
    json: 'JSON',
    timestamp: 'TIMESTAMP',
};
/**
 * The declared type that keeps a column read from DuckDB (a seed file, a finished dataset) at its own
 * type when rows are written back, instead of re-inferring it per batch (an all-null batch would
 * otherwise become VARCHAR). Undefined: no declared type fits; the writer infers.
 */
function declaredTypeOf(sqlType) {
    const t = sqlType.trim().toUpperCase();
    if (t === 'VARCHAR' || t === 'UUID')
        return 'str';
    if (/^(U?(BIG|SMALL|TINY)?INT(EGER)?|HUGEINT|UHUGEINT)$/.test(t))
        return 'int';
    if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL'))
        return 'float';
    if (t === 'BOOLEAN')
        return 'bool';
    if (t === 'JSON' || t.startsWith('STRUCT') || t.startsWith('MAP') || t.endsWith(']'))
        return 'json';
    if (t === 'DATE' || t.startsWith('TIMESTAMP'))
        return 'timestamp';
    return undefined;
}
/** The SQL type for one column of a batch (declared type wins; all nulls → VARCHAR). */
function inferColumnType(values, declared) {
    if (declared)
        return DECLARED_SQL[declared];
    let sawInt = false;
    let sawFloat = false;
    let sawBool = false;
    let sawString = false;
    let sawDate = false;
    let sawNested = false;
    for (const v of values) {
        if (v === null || v === undefined)
            continue;
        switch (typeof v) {
            case 'string':
                sawString = true;
                break;
            case 'boolean':
                sawBool = true;
                break;
            case 'bigint':
                sawInt = true;
                break;
            case 'number':
                if (Number.isInteger(v) && Number.isSafeInteger(v))
                    sawInt = true;
                else
                    sawFloat = true; // NaN and Infinity are DOUBLE values too
                break;
            default:
                if (v instanceof Date)
                    sawDate = true;
                else
                    sawNested = true;
        }
    }
    const kinds = [sawString, sawBool, sawInt || sawFloat, sawDate, sawNested].filter(Boolean).length;
    if (kinds === 0)
        return 'VARCHAR';
    if (kinds > 1 || sawNested)
        return 'JSON';
    if (sawString)
        return 'VARCHAR';
    if (sawBool)
        return 'BOOLEAN';
    if (sawDate)
        return 'TIMESTAMP';
    return sawFloat ? 'DOUBLE' : 'BIGINT';
}
let tableCounter = 0;
async function writeRowGroup(db, records, columns, filePath, options = {}) {
    // Awaited only after the COPY: a rejection meanwhile is not unhandled, it surfaces there.
    options.beforeRename?.catch(() => undefined);
    const staged = await stageRowGroup(db, records, columns, filePath);
    try {
        await options.beforeRename;
        await staged.publish();
    }
    catch (err) {
        await staged.discard();
        throw err;
    }
    return staged.result;
}
/**
 * writeRowGroup's first half: the complete file under a temporary name in the target directory, for a
 * caller that renames it into place later (after metadata recording it was written, batched over several
 * row groups). The rows are no longer referenced once this resolves.
 */
async function stageRowGroup(db, records, columns, filePath) {
    checkColumns(columns, filePath);
    const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
    const ddl = columns.map((c, i) => `${(0,database.quoteIdent)(c.name)} ${types[i]}`).join(', ');
    const table = await stagingTable(db, ddl);
    await external_node_fs_.promises.mkdir(external_node_path_default().dirname(filePath), { recursive: true });
    const tmp = (0,atomic/* tempPathFor */.FD)(filePath);
    try {
        const appender = await db.appender(table.name);
        try {
            appendAll(db, appender, records, columns, types);
            appender.flushSync();
        }
        finally {
            appender.closeSync();
        }
        // One round trip for the statements (each costs the caller a turn of the event loop): the file,
        // then the table made afresh, empty, for the next row group of the same columns (a DELETE instead
        // keeps the deleted rows' storage: measured slower and growing with the stage).
        const t = (0,database.quoteIdent)(table.name);
        await db.run(`COPY ${t} TO ${(0,database.quoteLiteral)(tmp)} (FORMAT parquet); DROP TABLE ${t}; CREATE TEMP TABLE ${t} (${ddl})`);
        table.release();
    }
    catch (err) {
        await external_node_fs_.promises.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
        await table.drop();
        throw err;
    }
    return staging({ filePath, rows: records.length, columns: columns.map((c, i) => ({ name: c.name, type: types[i] })) }, tmp);
}
/** Apart from stageRowGroup so that its closures keep two paths alive, not the rows (a closure keeps its whole scope). */
function staging(result, tmp) {
    const discard = () => external_node_fs_.promises.rm(tmp, { force: true, recursive: true }).then(() => undefined, () => undefined);
    return {
        result,
        publish: async () => {
            try {
                await external_node_fs_.promises.rename(tmp, result.filePath);
            }
            catch (err) {
                await discard();
                throw err;
            }
        },
        discard,
    };
}
/**
 * Several row groups of the same columns staged by one appender flush and one round trip of COPYs
 * (one per group, each its own rows by rowid range: the same bytes as a table of that group alone).
 * Profiled on the issue-13 stage (1000 groups of 1000 rows): the appender's flush costs ~1.2 ms per call
 * whatever the rows, and each statement a turn of the event loop; per group that was a third of the
 * write path. A group waits here until `maxGroups` groups or `maxRows` rows are buffered, the oldest has
 * waited `maxWaitMs` (checked when a group is added), or the caller flushes — so only callers whose
 * groups come quickly (no model calls) should batch; its rows live in DuckDB meanwhile, not in JS.
 *
 * The COPYs of a batch run on another connection while the next batch is appended on the first: the
 * JavaScript that makes rows and DuckDB's writing of the files overlap (profiled: the stage's thread
 * waited ~1 s per million rows for the COPYs when they ran in between). Up to `copiers` batches (two)
 * are copied at once, each on its own connection: DuckDB writes a small file on one thread, and one
 * copier alone was then the stage's bottleneck (measured: 2 s of COPYs per million rows next to the
 * generating thread; two copiers, 10 % faster stages). A batch's groups come back, in order, from the
 * `add` or `flush` that had to wait for it. The batch's table is an ordinary table of the in-memory
 * database (a TEMP table is invisible to the other connections).
 */
class RowGroupStager {
    db;
    limits;
    current = null;
    /** The batches being copied, oldest first, each with the connection it uses. */
    copying = [];
    /** Idle copier connections. */
    idle = [];
    constructor(db, limits = { maxGroups: 64, maxRows: 65536, maxWaitMs: 250, copiers: 2 }) {
        this.db = db;
        this.limits = limits;
    }
    /** Buffers one row group for `filePath`; returns the groups staged since the last call (earlier ones, in order), often none. */
    async add(records, columns, filePath) {
        checkColumns(columns, filePath);
        const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
        const ddl = columns.map((c, i) => `${(0,database.quoteIdent)(c.name)} ${types[i]}`).join(', ');
        const out = [];
        try {
            if (this.current && this.current.ddl !== ddl)
                out.push(...(await this.rotate()));
            if (!this.current) {
                const table = `ddflow_batch_${process.pid}_${++tableCounter}`;
                const codes = types.map((t, i) => (t === 'VARCHAR' && repetitive(records, columns[i].name) ? new StringCodes() : undefined));
                // Columns by position (c0, c1…), named by the COPY: a user column called `rowid` would otherwise
                // hide DuckDB's row id, which the COPYs select each group's rows by.
                await this.db.run(`CREATE TABLE ${(0,database.quoteIdent)(table)} (${columns.map((_, i) => `c${i} ${codes[i] ? 'INTEGER' : types[i]}`).join(', ')})`);
                try {
                    this.current = { ddl, table, appender: await this.db.appender(table), codes, entries: [], rows: 0, since: performance.now() };
                }
                catch (err) {
                    await this.db.run(`DROP TABLE IF EXISTS ${(0,database.quoteIdent)(table)}`).catch(() => undefined);
                    throw err;
                }
            }
            const c = this.current;
            appendAll(this.db, c.appender, records, columns, types, c.codes);
            c.entries.push({ filePath, start: c.rows, result: { filePath, rows: records.length, columns: columns.map((col, i) => ({ name: col.name, type: types[i] })) } });
            c.rows += records.length;
            if (c.entries.length >= this.limits.maxGroups || c.rows >= this.limits.maxRows || performance.now() - c.since >= this.limits.maxWaitMs)
                out.push(...(await this.rotate()));
        }
        catch (err) {
            // The groups buffered or staged before it are dropped too (the stage fails; resume regenerates them).
            await this.discard();
            for (const f of out)
                await f.discard();
            throw err;
        }
        return out;
    }
    /** Stages every buffered group: their files complete under temporary names, in the order added. */
    async flush() {
        const out = await this.rotate();
        out.push(...(await this.settle()));
        await this.closeCopier();
        return out;
    }
    /** Drops the buffered groups and the staged files not yet handed out (never throws). */
    async discard() {
        const c = this.current;
        this.current = null;
        if (c) {
            try {
                c.appender.closeSync();
            }
            catch {
                // the table is dropped below either way
            }
            await this.db.run(`DROP TABLE IF EXISTS ${(0,database.quoteIdent)(c.table)}`).catch(() => undefined);
        }
        // Every batch still being copied is waited for (its connection is busy until then), even after one
        // of them failed; the files of those that succeeded are removed.
        const pending = this.copying;
        this.copying = [];
        for (const { staged, copier } of pending) {
            this.idle.push(copier);
            for (const f of await staged.catch(() => []))
                await f.discard();
        }
        await this.closeCopier();
    }
    /** Hands the current batch to a copier; returns the groups of the batches copied before it that had to finish first. */
    async rotate() {
        const done = await this.settle(Math.max(1, this.limits.copiers) - 1);
        const c = this.current;
        if (!c)
            return done;
        this.current = null;
        try {
            try {
                c.appender.flushSync();
            }
            finally {
                c.appender.closeSync();
            }
        }
        catch (err) {
            await this.db.run(`DROP TABLE IF EXISTS ${(0,database.quoteIdent)(c.table)}`).catch(() => undefined);
            for (const f of done)
                await f.discard();
            throw err;
        }
        const copier = this.idle.pop() ?? this.db.connect();
        const staged = this.copy(c, copier);
        // Observed by the next rotate or settle; a rejection must not go unhandled meanwhile.
        staged.catch(() => undefined);
        this.copying.push({ staged, copier });
        return done;
    }
    /** Waits for the oldest batches being copied until at most `keep` remain; their groups, in order. */
    async settle(keep = 0) {
        const out = [];
        while (this.copying.length > keep) {
            const { staged, copier } = this.copying.shift();
            this.idle.push(copier);
            out.push(...(await staged));
        }
        return out;
    }
    async copy(c, connection) {
        const tmps = c.entries.map((e) => (0,atomic/* tempPathFor */.FD)(e.filePath));
        const t = (0,database.quoteIdent)(c.table);
        const dictionary = `${c.table}_strings`;
        let copier = null;
        try {
            copier = await connection;
            for (const dir of new Set(c.entries.map((e) => external_node_path_default().dirname(e.filePath))))
                await external_node_fs_.promises.mkdir(dir, { recursive: true });
            const source = c.codes.some(Boolean) ? await this.decoded(copier, c, dictionary) : { select: c.entries[0].result.columns.map((col, i) => `${t}.c${i} AS ${(0,database.quoteIdent)(col.name)}`).join(', '), from: t };
            const copies = c.entries.map((e, i) => `COPY (SELECT ${source.select} FROM ${source.from} WHERE ${t}.rowid >= ${e.start} AND ${t}.rowid < ${e.start + e.result.rows}) TO ${(0,database.quoteLiteral)(tmps[i])} (FORMAT parquet)`);
            // One round trip: the files, then the batch's tables dropped.
            await copier.run(`${copies.join('; ')}; DROP TABLE ${t}; DROP TABLE IF EXISTS ${(0,database.quoteIdent)(dictionary)}`);
        }
        catch (err) {
            for (const tmp of tmps)
                await external_node_fs_.promises.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
            // On the copier's own connection, idle now: the first one may be running the next batch's statements.
            await (copier ?? this.db).run(`DROP TABLE IF EXISTS ${t}; DROP TABLE IF EXISTS ${(0,database.quoteIdent)(dictionary)}`).catch(() => undefined);
            throw err;
        }
        return c.entries.map((e, i) => staging(e.result, tmps[i]));
    }
    /**
     * The batch's coded columns back as their strings: the dictionaries go into a one-row table of lists
     * (through an appender: any string, no SQL literal), and each COPY reads `list[code + 1]` — the same
     * VARCHAR values in the same order, so the same parquet bytes.
     */
    async decoded(copier, c, dictionary) {
        const coded = c.codes.flatMap((codes, i) => (codes ? [{ i, codes }] : []));
        const d = (0,database.quoteIdent)(dictionary);
        await copier.run(`CREATE TABLE ${d} (${coded.map((_, k) => `l${k} VARCHAR[]`).join(', ')})`);
        const D = copier.duckdb;
        const appender = await copier.appender(dictionary);
        try {
            for (const { codes } of coded)
                appender.appendList(D.listValue(codes.values), D.LIST(D.VARCHAR));
            appender.endRow();
            appender.flushSync();
        }
        finally {
            appender.closeSync();
        }
        const t = (0,database.quoteIdent)(c.table);
        const names = c.entries[0].result.columns.map((col) => col.name);
        const select = names
            .map((name, i) => {
            const k = coded.findIndex((x) => x.i === i);
            return k < 0 ? `${t}.c${i} AS ${(0,database.quoteIdent)(name)}` : `${d}.l${k}[${t}.c${i} + 1] AS ${(0,database.quoteIdent)(name)}`;
        })
            .join(', ');
        return { select, from: `${t} CROSS JOIN ${d}` };
    }
    async closeCopier() {
        const idle = this.idle;
        this.idle = [];
        for (const copier of idle)
            (await copier.catch(() => null))?.close();
    }
}
function checkColumns(columns, filePath) {
    if (columns.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Cannot write ${filePath}: a row group needs at least one column.`);
    const seen = new Set();
    for (const c of columns) {
        if (seen.has(c.name))
            throw new diagnostics/* DdflowError */.Zq(`Cannot write ${filePath}: column '${c.name}' appears twice.`);
        seen.add(c.name);
    }
}
/**
 * Idle staging tables per database, by column definition. A stage writes a thousand row groups of the
 * same columns: one temporary table, filled, copied and emptied per group, instead of a CREATE and a
 * DROP per group (profiled: about a tenth of the write path). A table in use is out of the pool, so
 * concurrent writes of the same columns each get their own.
 */
const idleTables = new WeakMap();
async function stagingTable(db, ddl) {
    let pool = idleTables.get(db);
    if (!pool)
        idleTables.set(db, (pool = new Map()));
    let name = pool.get(ddl)?.pop();
    if (name === undefined) {
        name = `ddflow_rowgroup_${process.pid}_${++tableCounter}`;
        await db.run(`CREATE TEMP TABLE ${(0,database.quoteIdent)(name)} (${ddl})`);
    }
    const n = name;
    return {
        name: n,
        release: () => {
            let idle = pool.get(ddl);
            if (!idle)
                pool.set(ddl, (idle = []));
            idle.push(n);
        },
        drop: () => db.run(`DROP TABLE IF EXISTS ${(0,database.quoteIdent)(n)}`).catch(() => undefined),
    };
}
function* valuesOf(records, name) {
    for (const r of records)
        yield r[name];
}
/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
/**
 * A BIGINT or DOUBLE vector's own typed array (`items`, what flush() copies into DuckDB). Writing plain
 * numbers into it skips a BigInt per integer cell (and the range check that allocates another). It is
 * an internal of @duckdb/node-api (pinned): when it is not there as expected, null, and cells go
 * through the public setItem.
 */
function typedItems(vector, size, kind) {
    const items = vector.items;
    if (kind === 'BIGINT' && items instanceof BigInt64Array && items.length === size)
        return new Int32Array(items.buffer, items.byteOffset, size * 2);
    if (kind === 'DOUBLE' && items instanceof Float64Array && items.length === size)
        return items;
    return null;
}
const TWO_32 = 4294967296;
/**
 * Rows go in column-wise, one data chunk of 2048 rows at a time: filling a chunk's vectors and appending
 * it costs one native call per chunk instead of one per cell (about a third faster than appendVarchar /
 * appendBigInt per cell for a million rows).
 */
function appendAll(db, appender, records, columns, types, codes = []) {
    const D = db.duckdb;
    const chunkTypes = types.map((t, i) => (codes[i] ? D.INTEGER : t === 'JSON' ? D.VARCHAR : D[t]));
    const converters = types.map((t, i) => converterFor(db, t, columns[i].name));
    const names = columns.map((c) => c.name);
    const native = (0,duckdb_loader/* duckdbBindings */.QB)();
    for (let start = 0; start < records.length; start += CHUNK_ROWS) {
        const size = Math.min(CHUNK_ROWS, records.length - start);
        const chunk = D.DuckDBDataChunk.create(chunkTypes, size);
        for (let c = 0; c < names.length; c++) {
            const name = names[c];
            const convert = converters[c];
            const type = types[c];
            const vector = chunk.getColumnVector(c);
            const coder = codes[c];
            if (coder) {
                fillCodes(vector, coder, records, start, size, name, convert);
                vector.flush();
                continue;
            }
            const typed = type === 'BIGINT' || type === 'DOUBLE' ? typedItems(vector, size, type) : null;
            if (typed instanceof Int32Array) {
                for (let r = 0; r < size; r++) {
                    const v = records[start + r][name];
                    if (typeof v === 'number' && Number.isSafeInteger(v)) {
                        // Two's complement as two little-endian 32-bit halves (floor keeps negatives right).
                        const hi = Math.floor(v / TWO_32);
                        typed[2 * r] = v - hi * TWO_32;
                        typed[2 * r + 1] = hi;
                    }
                    else
                        vector.setItem(r, v === null || v === undefined ? null : convert(v));
                }
            }
            else if (typed) {
                for (let r = 0; r < size; r++) {
                    const v = records[start + r][name];
                    if (typeof v === 'number')
                        typed[r] = v;
                    else
                        vector.setItem(r, v === null || v === undefined ? null : convert(v));
                }
            }
            else if (native && (type === 'VARCHAR' || type === 'JSON')) {
                fillStrings(native, native.data_chunk_get_vector(chunk.chunk, c), vector, records, start, size, name, type === 'JSON', convert);
            }
            else {
                for (let r = 0; r < size; r++) {
                    const v = records[start + r][name];
                    vector.setItem(r, v === null || v === undefined ? null : convert(v));
                }
            }
            vector.flush();
        }
        appender.appendDataChunk(chunk);
    }
}
/**
 * A batch's dictionary of one VARCHAR column: each distinct string gets the next code, and the column
 * goes into DuckDB as INTEGER codes (written straight into the chunk's Int32Array), decoded by the COPY.
 * Profiled on the issue-13 stage: assigning strings to DuckDB vectors (one native call per string over
 * 12 bytes, the appender copying each into the table) was the largest cost of the generating thread;
 * its category, subcategory, date and label columns hold a few hundred distinct values per batch.
 */
class StringCodes {
    index = new Map();
    values = [];
    code(s) {
        let code = this.index.get(s);
        if (code === undefined) {
            code = this.values.length;
            this.index.set(s, code);
            this.values.push(s);
        }
        return code;
    }
}
/** Rows in a batch's first group from which a column's repetition is judged (fewer: not coded). */
const CODES_MIN_ROWS = 64;
/**
 * Whether a column's strings repeat enough to go in as codes: judged on the batch's first group (fewer
 * distinct values than three quarters of its non-null cells). A dictionary holds at most the batch's
 * rows, so a wrong guess costs a Map entry per value, not memory beyond the batch.
 */
function repetitive(records, name) {
    const seen = new Set();
    let cells = 0;
    for (const r of records) {
        const v = r[name];
        if (v === null || v === undefined)
            continue;
        cells++;
        seen.add(v);
    }
    return cells >= CODES_MIN_ROWS && seen.size < 0.75 * cells;
}
function fillCodes(vector, coder, records, start, size, name, convert) {
    const items = vector.items;
    const typed = items instanceof Int32Array && items.length === size ? items : null;
    for (let r = 0; r < size; r++) {
        const v = records[start + r][name];
        if (v === null || v === undefined) {
            vector.setItem(r, null);
            continue;
        }
        const code = coder.code(typeof v === 'string' ? v : convert(v));
        if (typed)
            typed[r] = code;
        else
            vector.setItem(r, code);
    }
}
/** DuckDB's string_t: 16 bytes, a uint32 length then, up to 12 bytes, the string itself (zero-padded). */
const STRING_T = 16;
const INLINE_MAX = 12;
/**
 * A VARCHAR column of one chunk. Short ASCII strings (ids, categories, labels: most cells of a sampler
 * stage) are laid out as inlined string_t's in one buffer copied into the vector by one native call;
 * longer or non-ASCII strings and nulls go through the vector's setItem, which its flush() assigns
 * (after the copy, so they overwrite their zeroed slots). One native call per string was the writer's
 * largest cost.
 */
function fillStrings(native, rawVector, vector, records, start, size, name, json, convert) {
    const bytes = new Uint8Array(size * STRING_T);
    const lengths = new Uint32Array(bytes.buffer);
    for (let r = 0; r < size; r++) {
        const v = records[start + r][name];
        if (v === null || v === undefined) {
            vector.setItem(r, null);
            continue;
        }
        // A JSON column's strings are JSON texts too (quoted); a VARCHAR column's strings are themselves.
        const s = typeof v === 'string' && !json ? v : convert(v);
        let inline = s.length <= INLINE_MAX;
        if (inline) {
            const at = r * STRING_T + 4;
            for (let k = 0; k < s.length; k++) {
                const code = s.charCodeAt(k);
                if (code >= 0x80) {
                    inline = false;
                    break;
                }
                bytes[at + k] = code;
            }
        }
        if (inline)
            lengths[r * 4] = s.length;
        else {
            bytes.fill(0, r * STRING_T, (r + 1) * STRING_T);
            vector.setItem(r, s);
        }
    }
    native.copy_data_to_vector(rawVector, 0, bytes.buffer, 0, bytes.byteLength);
}
function converterFor(db, type, column) {
    const bad = (v, what) => {
        throw new diagnostics/* DdflowError */.Zq(`Column '${column}' has a value that is not ${what}: ${preview(v)}.`);
    };
    switch (type) {
        case 'VARCHAR':
            return (v) => (typeof v === 'string' ? v : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : String(v));
        case 'JSON':
            return (v) => toJsonText(v);
        case 'BOOLEAN':
            return (v) => {
                if (typeof v === 'boolean')
                    return v;
                if (v === 0 || v === 1)
                    return v === 1;
                if (typeof v === 'string' && /^(true|false)$/i.test(v))
                    return v.toLowerCase() === 'true';
                return bad(v, 'a boolean');
            };
        case 'BIGINT':
            return (v) => {
                if (typeof v === 'bigint')
                    return v;
                const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
                if (!Number.isFinite(n))
                    bad(v, 'an integer');
                return BigInt(Math.trunc(n));
            };
        case 'DOUBLE':
            return (v) => {
                const n = typeof v === 'number' ? v : typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
                if (Number.isNaN(n) && !(typeof v === 'number'))
                    bad(v, 'a number');
                return n;
            };
        case 'TIMESTAMP':
            return (v) => {
                const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
                if (!d || Number.isNaN(d.getTime()))
                    return bad(v, 'a date/time');
                return db.duckdb.timestampValue(BigInt(d.getTime()) * 1000n);
            };
    }
}
function toJsonText(v) {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? (Number.isSafeInteger(Number(x)) ? Number(x) : x.toString()) : x));
}
function preview(v) {
    const s = typeof v === 'string' ? JSON.stringify(v) : toJsonText(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/shared/seed-files.ts
var seed_files = __webpack_require__(23846);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(31954);
// EXTERNAL MODULE: ./src/data/hf-hub.ts
var hf_hub = __webpack_require__(18490);
// EXTERNAL MODULE: ./src/shared/agent-rollout-files.ts
var agent_rollout_files = __webpack_require__(22794);
;// CONCATENATED MODULE: ./src/data/agent-rollout/types.ts
/**
 * The normalized agent-rollout row and the helpers every format shares, as Data Designer writes them:
 * engine/resources/agent_rollout/types.py (NormalizedAgentRolloutRecord, _extract_final_assistant_text),
 * utils.py (build_message, normalize_message_role, load_jsonl_rows, ..., min_max_timestamps) and
 * engine/models/utils.py (ChatMessage.to_dict: content as a list of blocks, empty optional fields left out).
 */


/** utils.py / types.py AgentRolloutSeedParseError: the file is skipped with a warning (seed_reader.py hydrate_row). */
class AgentRolloutParseError extends Error {
}
const NON_TEXT_COLUMNS = { is_sidechain: 'BOOLEAN', messages: 'JSON', source_meta: 'JSON', message_count: 'BIGINT', tool_call_count: 'BIGINT' };
/** The row's columns in Data Designer's order (NormalizedAgentRolloutRecord.get_field_names) with their DuckDB types. */
const AGENT_ROLLOUT_COLUMNS = agent_rollout_files/* AGENT_ROLLOUT_COLUMN_NAMES */.KE.map((c) => [c, NON_TEXT_COLUMNS[c] ?? 'VARCHAR']);
/** NormalizedAgentRolloutRecord.__post_init__: the derived counts and the final assistant text. */
function makeRecord(input) {
    return {
        ...input,
        message_count: input.messages.length,
        tool_call_count: input.messages.reduce((n, m) => n + (Array.isArray(m.tool_calls) ? m.tool_calls.length : 0), 0),
        final_assistant_message: finalAssistantText(input.messages),
    };
}
function finalAssistantText(messages) {
    for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i];
        if (m.role !== 'assistant')
            continue;
        const content = m.content;
        if (content === null || content === undefined)
            continue;
        if (Array.isArray(content)) {
            const parts = [];
            for (const block of content) {
                if (isObject(block)) {
                    if ('text' in block && typeof block.text === 'string' && block.text)
                        parts.push(block.text);
                }
                else if (typeof block === 'string' && block)
                    parts.push(block);
            }
            const joined = parts.join('\n\n');
            if (joined)
                return joined;
        }
        else if (typeof content === 'string' && content)
            return content;
    }
    return null;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Python's repr-ish type name for messages (`dict`, `list`, `str`, ...). */
function pyTypeName(v) {
    if (v === null || v === undefined)
        return 'NoneType';
    if (Array.isArray(v))
        return 'list';
    if (typeof v === 'string')
        return 'str';
    if (typeof v === 'boolean')
        return 'bool';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'int' : 'float';
    return 'dict';
}
/** Python truthiness of a JSON value. */
function pyTruthy(v) {
    if (v === null || v === undefined || v === false || v === 0 || v === '')
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (isObject(v))
        return Object.keys(v).length > 0;
    return true;
}
/** pathlib's Path.stem of a file path. */
function pathStem(file) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const i = name.lastIndexOf('.');
    return i > 0 ? name.slice(0, i) : name;
}
/** utils.py coerce_optional_str: None stays None, anything else is str(). */
function optStr(v) {
    if (v === null || v === undefined)
        return null;
    if (typeof v === 'string')
        return v;
    return pyStr(v);
}
/** Python's str() of a JSON value, as far as traces need it (True/False, ints, floats, json for the rest). */
function pyStr(v) {
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    if (typeof v === 'number')
        return Number.isInteger(v) ? String(v) : String(v);
    return JSON.stringify(v);
}
/** utils.py require_string. */
function requireString(v, context) {
    if (typeof v !== 'string' || v === '')
        throw new AgentRolloutParseError(`Expected non-empty string for ${context}, got ${JSON.stringify(v ?? null)}`);
    return v;
}
/** utils.py stringify_json_value: strings as they are, anything else as JSON with sorted keys (None → {}). */
function stringifyJsonValue(v) {
    if (typeof v === 'string')
        return v;
    return pyJsonDumps(v === null || v === undefined ? {} : v);
}
/** utils.py stringify_text_value. */
function stringifyTextValue(v) {
    if (v === null || v === undefined)
        return '';
    if (typeof v === 'string')
        return v;
    return pyStr(v);
}
/** utils.py normalize_message_content. */
function normalizeMessageContent(content) {
    if (content === null || content === undefined)
        return '';
    if (typeof content === 'string' || Array.isArray(content))
        return content;
    return stringifyJsonValue(content);
}
/** json.dumps(value, sort_keys=True): `, ` and `: ` separators, non-ASCII escaped as \uXXXX. */
function pyJsonDumps(v) {
    if (v === null || v === undefined)
        return 'null';
    if (typeof v === 'string')
        return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (typeof v === 'number' || typeof v === 'boolean')
        return JSON.stringify(v);
    if (Array.isArray(v))
        return `[${v.map(pyJsonDumps).join(', ')}]`;
    const o = v;
    return `{${Object.keys(o).sort().map((k) => `${pyJsonDumps(k)}: ${pyJsonDumps(o[k])}`).join(', ')}}`;
}
/** utils.py normalize_message_role: developer → system; anything else unknown is a parse error. */
function normalizeRole(raw, context) {
    const role = optStr(raw);
    if (role === 'developer')
        return 'system';
    if (role === 'user' || role === 'assistant' || role === 'system' || role === 'tool')
        return role;
    throw new AgentRolloutParseError(`Unsupported message role ${pyRepr(raw)} in ${context}`);
}
function pyRepr(v) {
    if (typeof v === 'string')
        return `'${v}'`;
    if (v === null || v === undefined)
        return 'None';
    return pyStr(v);
}
/** utils.py build_message → ChatMessage(...).to_dict() (engine/models/utils.py). */
function buildMessage(opts) {
    const role = normalizeRole(opts.role, 'agent rollout message');
    const msg = { role, content: contentBlocks(opts.content) };
    if (opts.reasoningContent)
        msg.reasoning_content = opts.reasoningContent;
    if (opts.toolCalls && opts.toolCalls.length)
        msg.tool_calls = opts.toolCalls;
    if (opts.toolCallId)
        msg.tool_call_id = opts.toolCallId;
    return msg;
}
/** engine/models/utils.py _normalize_content_blocks / _normalize_content_block / _text_block. */
function contentBlocks(content) {
    if (Array.isArray(content))
        return content.map(contentBlock);
    if (content === null || content === undefined)
        return [];
    return [textBlock(content)];
}
function contentBlock(block) {
    if (isObject(block) && 'type' in block)
        return block;
    if (isObject(block) && 'text' in block)
        return textBlock(block.text);
    return textBlock(block);
}
function textBlock(v) {
    return { type: 'text', text: v === null || v === undefined ? '' : typeof v === 'string' ? v : pyStr(v) };
}
/** utils.py load_jsonl_rows: non-blank lines, each a JSON object. */
function loadJsonlRows(file) {
    const text = readUtf8(file);
    const rows = [];
    const lines = text.split(/\r\n|\n|\r/);
    lines.forEach((raw, i) => {
        const line = raw.trim();
        if (!line)
            return;
        let parsed;
        try {
            parsed = JSON.parse(line);
        }
        catch (err) {
            throw new AgentRolloutParseError(`Invalid JSON in ${file} line ${i + 1}: ${err.message}`);
        }
        if (!isObject(parsed))
            throw new AgentRolloutParseError(`Expected JSON object in ${file} line ${i + 1}, got ${pyTypeName(parsed)}`);
        rows.push(parsed);
    });
    return rows;
}
/** utils.py load_json_object. */
function loadJsonObject(file) {
    let parsed;
    try {
        parsed = JSON.parse(readUtf8(file));
    }
    catch (err) {
        if (err instanceof AgentRolloutParseError)
            throw err;
        throw new AgentRolloutParseError(`Invalid JSON in ${file}: ${err.message}`);
    }
    if (!isObject(parsed))
        throw new AgentRolloutParseError(`Expected JSON object in ${file}, got ${pyTypeName(parsed)}`);
    return parsed;
}
/** Reads UTF-8 strictly: a file that is not UTF-8 is skipped (Data Designer catches UnicodeDecodeError). */
function readUtf8(file) {
    const bytes = (0,external_node_fs_.readFileSync)(file);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new AgentRolloutParseError(`${file} is not UTF-8 text`);
    }
}
/**
 * utils.py min_max_timestamps: earliest and latest by instant (ISO 8601, naive = UTC, unparseable
 * skipped), each returned as written; ties keep the first.
 */
function minMaxTimestamps(timestamps) {
    let min;
    let max;
    for (const t of timestamps) {
        const at = parseIso8601(t);
        if (at === undefined)
            continue;
        if (!min || at < min[0])
            min = [at, t];
        if (!max || at > max[0])
            max = [at, t];
    }
    return [min?.[1] ?? null, max?.[1] ?? null];
}
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:\.\d{1,6})?)?)?)?$/;
/** utils.py parse_iso8601 (datetime.fromisoformat after Z → +00:00): epoch microseconds, or undefined. */
function parseIso8601(value) {
    const m = ISO.exec(value);
    if (!m)
        return undefined;
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
    const date = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const check = new Date(date);
    if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
        return undefined;
    let micros = date * 1000 + Number((frac + '000000').slice(0, 6));
    if (tz && tz !== 'Z') {
        const sign = tz[0] === '-' ? -1 : 1;
        const digits = tz.slice(1).replace(/:/g, '');
        const offset = (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60 + Number(digits.slice(4, 6) || '0')) * 1e6;
        micros -= sign * offset;
    }
    return micros;
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/claude-code.ts
/**
 * Claude Code session files (`~/.claude/projects/<project>/<session>.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/claude_code.py reads them: one record per file; assistant records give
 * text, thinking (reasoning_content), tool_use (tool_calls) and nested tool_result blocks (tool
 * messages); user records give text or tool results; sessions-index.json files add project path,
 * summary and first prompt.
 */



function parseClaudeCodeFile(root, relativePath, sessionIndex, warn) {
    const file = external_node_path_default().join(root, ...relativePath.split('/'));
    const rows = loadJsonlRows(file);
    if (rows.length === 0) {
        warn(`Skipping empty Claude Code trace file ${file}`);
        return [];
    }
    const messages = [];
    const timestamps = [];
    const versions = new Set();
    const rawTypes = new Set();
    let sessionId = null;
    let agentId = null;
    let cwd = null;
    let gitBranch = null;
    let isSidechain = false;
    for (const raw of rows) {
        rawTypes.add(raw.type === undefined ? 'unknown' : raw.type === null ? 'None' : optStr(raw.type));
        const timestamp = optStr(raw.timestamp);
        if (timestamp)
            timestamps.push(timestamp);
        sessionId ||= optStr(raw.sessionId);
        agentId ||= optStr(raw.agentId);
        cwd ||= optStr(raw.cwd);
        gitBranch ||= optStr(raw.gitBranch);
        const version = optStr(raw.version);
        if (version)
            versions.add(version);
        isSidechain ||= pyTruthy(raw.isSidechain);
        if (raw.type === 'assistant')
            messages.push(...assistantMessages(raw));
        else if (raw.type === 'user')
            messages.push(...userMessages(raw));
    }
    const [startedAt, endedAt] = minMaxTimestamps(timestamps);
    const sessionKey = sessionId || pathStem(file);
    const indexEntry = sessionIndex.get(sessionKey) ?? {};
    const projectPath = optStr(indexEntry.projectPath) || cwd;
    const traceId = agentId ? `${sessionKey}:${agentId}` : sessionKey;
    const sourceMeta = { record_count: rows.length, record_types: [...rawTypes].sort() };
    if (versions.size)
        sourceMeta.claude_versions = [...versions].sort();
    const summary = optStr(indexEntry.summary);
    if (summary)
        sourceMeta.summary = summary;
    const firstPrompt = optStr(indexEntry.firstPrompt);
    if (firstPrompt)
        sourceMeta.first_prompt = firstPrompt;
    return [
        makeRecord({
            trace_id: traceId,
            source_kind: 'claude_code',
            source_path: file,
            root_session_id: sessionKey,
            agent_id: agentId,
            is_sidechain: isSidechain,
            cwd,
            project_path: projectPath,
            git_branch: gitBranch,
            started_at: startedAt,
            ended_at: endedAt,
            messages,
            source_meta: sourceMeta,
        }),
    ];
}
/** claude_code.py normalize_content_block. */
function normalizeContentBlock(block) {
    if (isObject(block)) {
        const type = optStr(block.type);
        if ((type === 'text' || type === 'input_text' || type === 'output_text') && 'text' in block)
            return { type: 'text', text: stringifyTextValue(block.text) };
        if (type !== null)
            return block;
        if ('text' in block)
            return { type: 'text', text: stringifyTextValue(block.text) };
    }
    return { type: 'text', text: stringifyTextValue(block) };
}
/** claude_code.py coerce_raw_blocks. */
function rawBlocks(content) {
    if (content === null || content === undefined)
        return [];
    if (Array.isArray(content))
        return content.map((b) => (isObject(b) ? b : { type: 'text', text: stringifyTextValue(b) }));
    if (isObject(content))
        return [content];
    return [{ type: 'text', text: stringifyTextValue(content) }];
}
function toolResultMessage(block) {
    return buildMessage({ role: 'tool', content: block.content, toolCallId: requireString(block.tool_use_id, 'Claude tool_result tool_use_id') });
}
/** claude_code.py normalize_claude_assistant_messages. */
function assistantMessages(raw) {
    const payload = raw.message;
    if (!isObject(payload))
        throw new AgentRolloutParseError(`Claude assistant record is missing a message payload: ${JSON.stringify(raw)}`);
    const content = [];
    const reasoning = [];
    const toolCalls = [];
    const toolMessages = [];
    for (const block of rawBlocks(payload.content)) {
        const type = optStr(block.type);
        if (type === 'text')
            content.push(normalizeContentBlock(block));
        else if (type === 'thinking') {
            const text = optStr(block.thinking) || optStr(block.text);
            if (text)
                reasoning.push(text);
        }
        else if (type === 'tool_use')
            toolCalls.push(toolCall(block));
        else if (type === 'tool_result')
            toolMessages.push(toolResultMessage(block));
        else
            content.push(normalizeContentBlock(block));
    }
    const out = [];
    if (content.length || reasoning.length || toolCalls.length) {
        out.push(buildMessage({ role: 'assistant', content, reasoningContent: reasoning.length ? reasoning.join('\n\n') : null, toolCalls }));
    }
    out.push(...toolMessages);
    return out;
}
/** claude_code.py normalize_claude_user_messages. */
function userMessages(raw) {
    const payload = raw.message;
    if (!isObject(payload))
        throw new AgentRolloutParseError(`Claude user record is missing a message payload: ${JSON.stringify(raw)}`);
    const content = payload.content;
    if (isObject(content) && optStr(content.type) === 'tool_result')
        return [toolResultMessage(content)];
    if (Array.isArray(content)) {
        const userContent = [];
        const toolMessages = [];
        for (const block of rawBlocks(content)) {
            if (optStr(block.type) === 'tool_result')
                toolMessages.push(toolResultMessage(block));
            else
                userContent.push(normalizeContentBlock(block));
        }
        const out = [];
        if (userContent.length)
            out.push(buildMessage({ role: 'user', content: userContent }));
        out.push(...toolMessages);
        return out;
    }
    return [buildMessage({ role: 'user', content })];
}
/** claude_code.py normalize_claude_tool_call. */
function toolCall(block) {
    return {
        id: requireString(block.id, 'Claude tool_use id'),
        type: 'function',
        function: { name: requireString(block.name, 'Claude tool_use name'), arguments: stringifyJsonValue(block.input) },
    };
}
/**
 * claude_code.py load_claude_session_index: entries of every sessions-index.json by sessionId (later
 * files win); a malformed index is skipped with a warning.
 */
function loadClaudeSessionIndex(indexFiles, warn) {
    const entries = new Map();
    for (const file of indexFiles) {
        try {
            const payload = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            const list = isObject(payload) ? (payload.entries ?? []) : undefined;
            if (!Array.isArray(list))
                throw new AgentRolloutParseError(`Claude sessions index at ${file} is missing an 'entries' list`);
            for (const entry of list) {
                const id = isObject(entry) ? optStr(entry.sessionId) : null;
                if (isObject(entry) && id)
                    entries.set(id, entry);
            }
        }
        catch (err) {
            warn(`Skipping malformed Claude sessions index ${file}: ${err.message}`);
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/codex.ts
/**
 * Codex CLI rollout files (`~/.codex/sessions/.../rollout-*.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/codex.py reads them: session_meta gives the session, response_item
 * records give messages, tool calls (function_call, custom_tool_call, apply_patch_call) and their
 * outputs; agent_reasoning events and reasoning items become the next assistant message's
 * reasoning_content (left over: source_meta.unattached_reasoning).
 */


function parseCodexFile(root, relativePath, warn) {
    const file = external_node_path_default().join(root, ...relativePath.split('/'));
    const rows = loadJsonlRows(file);
    if (rows.length === 0) {
        warn(`Skipping empty Codex rollout file ${file}`);
        return [];
    }
    const messages = [];
    const timestamps = [];
    const pendingReasoning = [];
    const rawTypes = new Set();
    const itemTypes = new Set();
    let sessionMeta = {};
    for (const raw of rows) {
        const recordType = optStr(raw.type) || 'unknown';
        rawTypes.add(recordType);
        const timestamp = optStr(raw.timestamp);
        if (timestamp)
            timestamps.push(timestamp);
        const payload = raw.payload;
        if (!isObject(payload))
            continue;
        if (recordType === 'session_meta') {
            sessionMeta = payload;
            const t = optStr(payload.timestamp);
            if (t)
                timestamps.push(t);
            continue;
        }
        if (recordType === 'event_msg') {
            const text = optStr(payload.text);
            if (optStr(payload.type) === 'agent_reasoning' && text)
                pendingReasoning.push(text);
            continue;
        }
        if (recordType !== 'response_item')
            continue;
        const itemType = optStr(payload.type) || 'unknown';
        itemTypes.add(itemType);
        if (itemType === 'message') {
            const role = requireString(payload.role, `Codex message role in ${file}`);
            const reasoning = role === 'assistant' && pendingReasoning.length ? pendingReasoning.join('\n\n') : null;
            pendingReasoning.length = 0;
            messages.push(buildMessage({ role, content: payload.content, reasoningContent: reasoning }));
        }
        else if (itemType === 'function_call' || itemType === 'custom_tool_call' || itemType === 'apply_patch_call') {
            const reasoning = pendingReasoning.length ? pendingReasoning.join('\n\n') : null;
            pendingReasoning.length = 0;
            messages.push(buildMessage({
                role: 'assistant',
                content: '',
                reasoningContent: reasoning,
                toolCalls: [
                    {
                        id: requireString(payload.call_id, `Codex tool call id in ${file}`),
                        type: 'function',
                        function: {
                            name: requireString(payload.name, `Codex tool name in ${file}`),
                            arguments: 'arguments' in payload ? stringifyJsonValue(payload.arguments) : stringifyTextValue(payload.input),
                        },
                    },
                ],
            }));
        }
        else if (itemType === 'function_call_output' || itemType === 'custom_tool_call_output' || itemType === 'apply_patch_call_output') {
            messages.push(buildMessage({ role: 'tool', content: payload.output, toolCallId: requireString(payload.call_id, `Codex tool output id in ${file}`) }));
        }
        else if (itemType === 'reasoning') {
            pendingReasoning.push(...reasoningSummaries(payload));
        }
        else {
            warn(`Skipping unrecognized Codex response_item type '${itemType}' in ${file}`);
        }
    }
    const sessionId = optStr(sessionMeta.id) || pathStem(file);
    const sourceMeta = { record_count: rows.length, record_types: [...rawTypes].sort(), response_item_types: [...itemTypes].sort() };
    for (const name of ['originator', 'cli_version', 'model_provider', 'source']) {
        const v = optStr(sessionMeta[name]);
        if (v)
            sourceMeta[name] = v;
    }
    if (pendingReasoning.length)
        sourceMeta.unattached_reasoning = [...pendingReasoning];
    const [earliest, latest] = minMaxTimestamps(timestamps);
    return [
        makeRecord({
            trace_id: sessionId,
            source_kind: 'codex',
            source_path: file,
            root_session_id: sessionId,
            agent_id: null,
            is_sidechain: false,
            cwd: optStr(sessionMeta.cwd),
            project_path: optStr(sessionMeta.cwd),
            git_branch: optStr(sessionMeta.git_branch),
            started_at: optStr(sessionMeta.timestamp) || earliest,
            ended_at: latest,
            messages,
            source_meta: sourceMeta,
        }),
    ];
}
/** codex.py extract_codex_reasoning_summaries. */
function reasoningSummaries(payload) {
    const summaries = payload.summary;
    if (!Array.isArray(summaries))
        return [];
    const out = [];
    for (const s of summaries) {
        const text = isObject(s) ? optStr(s.text) : null;
        if (text)
            out.push(text);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/atif.ts
/**
 * ATIF trajectories (one standalone `.json` file per trajectory), as Data Designer's
 * engine/resources/agent_rollout/atif.py reads them: sequential steps (system/user/agent) become
 * messages, agent tool_calls become tool_calls, observation results with content become tool
 * messages, and the agent, copied-context steps, subagent references, notes, final metrics and extra
 * go to source_meta. Anything outside that contract is a parse error (the file is skipped).
 */


function parseAtifFile(root, relativePath) {
    const file = external_node_path_default().join(root, ...relativePath.split('/'));
    const payload = loadJsonObject(file);
    const schemaVersion = requireString(payload.schema_version, `ATIF schema_version in ${file}`);
    const sessionId = requireString(payload.session_id, `ATIF session_id in ${file}`);
    const agent = payload.agent;
    if (!isObject(agent))
        throw new AgentRolloutParseError(`ATIF trajectory in ${file} is missing an agent object`);
    const steps = payload.steps;
    if (!Array.isArray(steps) || steps.length === 0)
        throw new AgentRolloutParseError(`ATIF trajectory in ${file} is missing a non-empty steps list`);
    const messages = [];
    const timestamps = [];
    const copiedContext = [];
    const subagentRefs = [];
    steps.forEach((step, i) => {
        const stepIndex = i + 1;
        if (!isObject(step))
            throw new AgentRolloutParseError(`Expected ATIF step object at ${file} steps[${i}], got ${pyTypeName(step)}`);
        const stepId = step.step_id;
        if (typeof stepId !== 'number' || !Number.isInteger(stepId))
            throw new AgentRolloutParseError(`Expected integer ATIF step_id at ${file} steps[${i}], got ${JSON.stringify(stepId ?? null)}`);
        if (stepId !== stepIndex)
            throw new AgentRolloutParseError(`Expected sequential ATIF step_id ${stepIndex} at ${file} steps[${i}], got ${stepId}`);
        const timestamp = optStr(step.timestamp);
        if (timestamp)
            timestamps.push(timestamp);
        if (step.is_copied_context === true)
            copiedContext.push(stepId);
        if (!('message' in step))
            throw new AgentRolloutParseError(`ATIF step ${stepId} in ${file} is missing message content`);
        const role = atifRole(step.source, file, stepId);
        if (role !== 'assistant') {
            const invalid = ['reasoning_content', 'tool_calls', 'observation'].filter((f) => step[f] !== undefined && step[f] !== null);
            if (invalid.length)
                throw new AgentRolloutParseError(`ATIF step ${stepId} in ${file} with role '${role}' cannot include ${invalid.join(', ')}`);
        }
        const toolCalls = atifToolCalls(step.tool_calls, file, stepId);
        messages.push(buildMessage({ role, content: step.message, reasoningContent: role === 'assistant' ? optStr(step.reasoning_content) : null, toolCalls }));
        if (step.observation !== undefined && step.observation !== null) {
            messages.push(...observationMessages(step.observation, file, stepId, new Set(toolCalls.map((c) => c.id)), subagentRefs));
        }
    });
    const sourceMeta = { schema_version: schemaVersion, step_count: steps.length, agent_name: requireString(agent.name, `ATIF agent.name in ${file}`) };
    for (const name of ['version', 'model_name']) {
        const v = optStr(agent[name]);
        if (v)
            sourceMeta[name] = v;
    }
    if (copiedContext.length)
        sourceMeta.copied_context_step_ids = copiedContext;
    if (subagentRefs.length)
        sourceMeta.subagent_trajectory_refs = subagentRefs;
    const notes = optStr(payload.notes);
    if (notes)
        sourceMeta.notes = notes;
    const continued = optStr(payload.continued_trajectory_ref);
    if (continued)
        sourceMeta.continued_trajectory_ref = continued;
    if (pyTruthy(payload.final_metrics) && isObject(payload.final_metrics))
        sourceMeta.final_metrics = payload.final_metrics;
    if (pyTruthy(payload.extra) && isObject(payload.extra))
        sourceMeta.extra = payload.extra;
    const agentExtra = isObject(agent.extra) ? agent.extra : {};
    const cwd = optStr(agentExtra.cwd);
    const [startedAt, endedAt] = minMaxTimestamps(timestamps);
    return [
        makeRecord({
            trace_id: sessionId,
            source_kind: 'atif',
            source_path: file,
            root_session_id: sessionId,
            agent_id: null,
            is_sidechain: false,
            cwd,
            project_path: optStr(agentExtra.project_path) || cwd,
            git_branch: optStr(agentExtra.git_branch),
            started_at: startedAt,
            ended_at: endedAt,
            messages,
            source_meta: sourceMeta,
        }),
    ];
}
/** atif.py normalize_atif_role: agent → assistant; system and user as they are. */
function atifRole(raw, file, stepId) {
    const source = requireString(raw, `ATIF source in ${file} step ${stepId}`);
    if (source === 'agent')
        return 'assistant';
    if (source === 'system' || source === 'user')
        return source;
    throw new AgentRolloutParseError(`Unsupported ATIF source '${source}' in ${file} step ${stepId}`);
}
/** atif.py normalize_atif_tool_calls. */
function atifToolCalls(raw, file, stepId) {
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw new AgentRolloutParseError(`ATIF tool_calls in ${file} step ${stepId} must be a list`);
    return raw.map((call, i) => {
        if (!isObject(call))
            throw new AgentRolloutParseError(`Expected ATIF tool_call object in ${file} step ${stepId}, got ${pyTypeName(call)}`);
        return {
            id: requireString(call.tool_call_id, `ATIF tool_call_id in ${file} step ${stepId} tool_calls[${i}]`),
            type: 'function',
            function: { name: requireString(call.function_name, `ATIF function_name in ${file} step ${stepId} tool_calls[${i}]`), arguments: stringifyJsonValue(call.arguments) },
        };
    });
}
/** atif.py normalize_atif_observation_messages: tool messages, and subagent references gathered for source_meta. */
function observationMessages(observation, file, stepId, callIds, subagentRefs) {
    if (!isObject(observation))
        throw new AgentRolloutParseError(`ATIF observation in ${file} step ${stepId} must be an object`);
    const results = observation.results;
    if (!Array.isArray(results))
        throw new AgentRolloutParseError(`ATIF observation.results in ${file} step ${stepId} must be a list`);
    const out = [];
    results.forEach((result, resultIndex) => {
        if (!isObject(result))
            throw new AgentRolloutParseError(`Expected ATIF observation result object in ${file} step ${stepId}, got ${pyTypeName(result)}`);
        const callId = optStr(result.source_call_id);
        if (callId !== null && !callIds.has(callId))
            throw new AgentRolloutParseError(`ATIF observation source_call_id '${callId}' in ${file} step ${stepId} does not reference a declared tool call`);
        if (result.content !== undefined && result.content !== null) {
            if (callId === null)
                throw new AgentRolloutParseError(`ATIF observation result in ${file} step ${stepId} with content is missing source_call_id`);
            out.push(buildMessage({ role: 'tool', content: result.content, toolCallId: callId }));
        }
        const rawRefs = result.subagent_trajectory_ref;
        if (rawRefs === undefined || rawRefs === null)
            return;
        if (!Array.isArray(rawRefs))
            throw new AgentRolloutParseError(`ATIF subagent_trajectory_ref in ${file} step ${stepId} result ${resultIndex} must be a list`);
        const refs = rawRefs.map((ref, refIndex) => {
            if (!isObject(ref))
                throw new AgentRolloutParseError(`Expected subagent trajectory ref object in ${file} step ${stepId}, got ${pyTypeName(ref)}`);
            const normalized = { session_id: requireString(ref.session_id, `ATIF subagent session_id in ${file} step ${stepId} result ${resultIndex} ref ${refIndex}`) };
            const trajectoryPath = optStr(ref.trajectory_path);
            if (trajectoryPath)
                normalized.trajectory_path = trajectoryPath;
            if (pyTruthy(ref.extra) && isObject(ref.extra))
                normalized.extra = ref.extra;
            return normalized;
        });
        if (refs.length)
            subagentRefs.push({ step_id: stepId, refs });
    });
    return out;
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/hermes-agent.ts
/**
 * Hermes Agent sessions, as Data Designer's engine/resources/agent_rollout/hermes_agent.py reads them:
 * CLI session logs (`session_*.json`: messages, system prompt, tools, model) and gateway transcripts
 * (`*.jsonl`: one message per line, with metadata from `sessions.json` indexes by session id).
 */


function parseHermesFile(root, relativePath, sessionIndex, warn) {
    const file = external_node_path_default().join(root, ...relativePath.split('/'));
    if (file.endsWith('.json') && external_node_path_default().basename(file) !== '.json')
        return [parseCliSessionLog(file)];
    return parseGatewayTranscript(file, sessionIndex, warn);
}
/** hermes_agent.py parse_hermes_cli_session_log. */
function parseCliSessionLog(file) {
    const payload = loadJsonObject(file);
    const raw = payload.messages;
    if (!Array.isArray(raw))
        throw new AgentRolloutParseError(`Hermes CLI session at ${file} is missing a 'messages' list`);
    const messages = normalizeHermesMessages(raw, file, optStr(payload.system_prompt));
    const sessionId = optStr(payload.session_id) || removePrefix(pathStem(file), 'session_');
    const toolNames = declaredToolNames(payload.tools);
    const sourceMeta = {
        record_count: raw.length,
        session_format: 'cli_session_log',
        available_tool_count: toolNames.length,
        available_tool_names: toolNames,
        finish_reasons: finishReasons(raw),
    };
    for (const name of ['model', 'base_url', 'platform']) {
        const v = optStr(payload[name]);
        if (v)
            sourceMeta[name] = v;
    }
    if (typeof payload.system_prompt === 'string' && payload.system_prompt) {
        sourceMeta.has_system_prompt = true;
        sourceMeta.system_prompt_chars = [...payload.system_prompt].length;
    }
    if (Array.isArray(payload.tools) && payload.tools.length)
        sourceMeta.tools = stringifyJsonValue(payload.tools);
    return hermesRecord(file, sessionId, optStr(payload.session_start), optStr(payload.last_updated), messages, sourceMeta);
}
/** hermes_agent.py parse_hermes_gateway_transcript. */
function parseGatewayTranscript(file, sessionIndex, warn) {
    const rows = loadJsonlRows(file);
    if (rows.length === 0) {
        warn(`Skipping empty Hermes Agent transcript file ${file}`);
        return [];
    }
    const messages = normalizeHermesMessages(rows, file, null);
    const sessionId = pathStem(file);
    const meta = sessionIndex.get(sessionId) ?? {};
    const sourceMeta = { record_count: rows.length, session_format: 'gateway_transcript', finish_reasons: finishReasons(rows), tool_names_used: usedToolNames(rows) };
    for (const name of [
        'session_key',
        'display_name',
        'platform',
        'chat_type',
        'input_tokens',
        'output_tokens',
        'cache_read_tokens',
        'cache_write_tokens',
        'total_tokens',
        'last_prompt_tokens',
        'estimated_cost_usd',
        'cost_status',
        'memory_flushed',
    ]) {
        if (name in meta)
            sourceMeta[name] = meta[name];
    }
    if (isObject(meta.origin) && Object.keys(meta.origin).length)
        sourceMeta.origin = meta.origin;
    return [hermesRecord(file, sessionId, optStr(meta.created_at), optStr(meta.updated_at), messages, sourceMeta)];
}
/** A Hermes session's row: Hermes records no agent id, sidechain, cwd, project or branch. */
function hermesRecord(file, sessionId, startedAt, endedAt, messages, sourceMeta) {
    return makeRecord({
        trace_id: sessionId,
        source_kind: 'hermes_agent',
        source_path: file,
        root_session_id: sessionId,
        agent_id: null,
        is_sidechain: false,
        cwd: null,
        project_path: null,
        git_branch: null,
        started_at: startedAt,
        ended_at: endedAt,
        messages,
        source_meta: sourceMeta,
    });
}
/** hermes_agent.py normalize_hermes_messages. */
function normalizeHermesMessages(raw, file, systemPrompt) {
    const out = [];
    if (systemPrompt)
        out.push(buildMessage({ role: 'system', content: systemPrompt }));
    raw.forEach((message, i) => {
        const index = i + 1;
        if (!isObject(message))
            throw new AgentRolloutParseError(`Expected Hermes message object at index ${index} in ${file}, got ${pyTypeName(message)}`);
        const role = normalizeRole(message.role, `Hermes message #${index} in ${file}`);
        if (role === 'tool') {
            out.push(buildMessage({ role: 'tool', content: normalizeMessageContent(message.content), toolCallId: requireString(message.tool_call_id, `Hermes tool message tool_call_id #${index} in ${file}`) }));
            return;
        }
        out.push(buildMessage({ role, content: normalizeMessageContent(message.content), reasoningContent: optStr(message.reasoning), toolCalls: hermesToolCalls(message.tool_calls, file, index) }));
    });
    return out;
}
/** hermes_agent.py normalize_hermes_tool_calls. */
function hermesToolCalls(raw, file, messageIndex) {
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw new AgentRolloutParseError(`Expected Hermes tool_calls list for message #${messageIndex} in ${file}, got ${pyTypeName(raw)}`);
    return raw.map((call, i) => {
        const callIndex = i + 1;
        if (!isObject(call))
            throw new AgentRolloutParseError(`Expected Hermes tool call object at message #${messageIndex} call #${callIndex} in ${file}, got ${pyTypeName(call)}`);
        const fn = isObject(call.function) ? call.function : {};
        const context = `Hermes tool call #${callIndex} on message #${messageIndex} in ${file}`;
        const id = requireString(truthyOr(call.id, call.call_id), `${context} id`);
        const name = requireString(truthyOr(fn.name, call.name), `${context} name`);
        const args = 'arguments' in fn ? fn.arguments : call.arguments;
        return { id, type: 'function', function: { name, arguments: stringifyJsonValue(args) } };
    });
}
/** Python's `a or b`. */
function truthyOr(a, b) {
    const falsy = a === undefined || a === null || a === false || a === 0 || a === '' || (Array.isArray(a) && a.length === 0) || (isObject(a) && Object.keys(a).length === 0);
    return falsy ? b : a;
}
function removePrefix(s, prefix) {
    return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}
/** Distinct non-empty names in first-seen order. */
function distinct(names) {
    const seen = new Set();
    for (const n of names)
        if (n && !seen.has(n))
            seen.add(n);
    return [...seen];
}
/** hermes_agent.py extract_hermes_tool_names. */
function declaredToolNames(raw) {
    if (!Array.isArray(raw))
        return [];
    return distinct(raw.map((t) => (isObject(t) && isObject(t.function) ? optStr(t.function.name) : null)));
}
/** hermes_agent.py _extract_finish_reasons. */
function finishReasons(raw) {
    return distinct(raw.map((m) => (isObject(m) && m.role === 'assistant' ? optStr(m.finish_reason) : null)));
}
/** hermes_agent.py _extract_used_tool_names. */
function usedToolNames(raw) {
    const names = [];
    for (const m of raw) {
        if (!isObject(m) || !Array.isArray(m.tool_calls))
            continue;
        for (const c of m.tool_calls)
            if (isObject(c) && isObject(c.function))
                names.push(optStr(c.function.name));
    }
    return distinct(names);
}
/**
 * hermes_agent.py load_hermes_session_index: `sessions.json` maps a session key to a session id (or to
 * an entry with `session_id`); a malformed index is skipped with a warning.
 */
function loadHermesSessionIndex(indexFiles, warn) {
    const entries = new Map();
    for (const file of indexFiles) {
        try {
            const payload = loadJsonObject(file);
            for (const [key, entry] of Object.entries(payload)) {
                if (typeof entry === 'string') {
                    if (entry)
                        entries.set(entry, { session_key: key });
                    continue;
                }
                if (!isObject(entry))
                    continue;
                const id = optStr(entry.session_id);
                if (!id)
                    continue;
                entries.set(id, { session_key: key, ...entry });
            }
        }
        catch (err) {
            if (!(err instanceof AgentRolloutParseError) && !err.code)
                throw err;
            warn(`Skipping malformed Hermes sessions index ${file}: ${err.message}`);
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/pi-coding-agent.ts
/**
 * Pi Coding Agent sessions (`~/.pi/agent/sessions/.../*.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/pi_coding_agent.py reads them: a session header line, then entries
 * forming a tree by id/parentId; the active path (from the last entry back to the root) gives the
 * messages — user, assistant (text, thinking, toolCall blocks), toolResult, bashExecution (a synthetic
 * `bash` tool call and its output), custom and summary messages.
 */


function parsePiFile(root, relativePath, warn) {
    const file = external_node_path_default().join(root, ...relativePath.split('/'));
    const rows = loadJsonlRows(file);
    if (rows.length === 0) {
        warn(`Skipping empty Pi Coding Agent session file ${file}`);
        return [];
    }
    return [parsePiSession(file, rows)];
}
/** pi_coding_agent.py parse_pi_session. */
function parsePiSession(file, rows) {
    const header = rows[0];
    if (header.type !== 'session')
        throw new AgentRolloutParseError(`Pi session at ${file} is missing a session header as the first entry`);
    const sessionId = requireString(header.id, `Pi session header id in ${file}`);
    const cwd = optStr(header.cwd);
    const entries = rows.slice(1);
    const messages = [];
    const entryTypes = new Set();
    const models = [];
    const stopReasons = [];
    let bashExecutions = 0;
    const addDistinct = (list, v) => {
        if (v && !list.includes(v))
            list.push(v);
    };
    for (const entry of activePath(entries)) {
        const type = optStr(entry.type) || 'unknown';
        entryTypes.add(type);
        if (type === 'model_change') {
            addDistinct(models, optStr(entry.modelId));
            continue;
        }
        if (type === 'compaction' || type === 'branch_summary') {
            const summary = optStr(entry.summary);
            if (summary)
                messages.push(buildMessage({ role: 'system', content: summary }));
            continue;
        }
        if (type === 'custom_message') {
            if (pyTruthy(entry.display))
                messages.push(buildMessage({ role: 'system', content: normalizeMessageContent(entry.content) }));
            continue;
        }
        if (type !== 'message')
            continue;
        const raw = entry.message;
        if (!isObject(raw))
            continue;
        const entryId = optStr(entry.id) || '';
        const role = optStr(raw.role);
        if (role === 'assistant') {
            addDistinct(stopReasons, optStr(raw.stopReason));
            addDistinct(models, optStr(raw.model));
        }
        if (role === 'bashExecution')
            bashExecutions++;
        messages.push(...piMessage(raw, file, entryId));
    }
    const timestamps = [];
    const sessionTimestamp = optStr(header.timestamp);
    if (sessionTimestamp)
        timestamps.push(sessionTimestamp);
    for (const entry of entries) {
        const t = optStr(entry.timestamp);
        if (t)
            timestamps.push(t);
    }
    const sourceMeta = { record_count: rows.length, entry_types: [...entryTypes].sort(), stop_reasons: stopReasons };
    if (header.version !== undefined && header.version !== null)
        sourceMeta.session_version = header.version;
    if (models.length)
        sourceMeta.models_used = models;
    if (hasBranches(entries))
        sourceMeta.has_branches = true;
    if (bashExecutions)
        sourceMeta.bash_execution_count = bashExecutions;
    const parent = optStr(header.parentSession);
    if (parent)
        sourceMeta.parent_session = parent;
    // Pi compares its timestamps as strings (min/max), unlike the other formats' min_max_timestamps.
    const sorted = [...timestamps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return makeRecord({
        trace_id: sessionId,
        source_kind: 'pi_coding_agent',
        source_path: file,
        root_session_id: sessionId,
        agent_id: null,
        is_sidechain: false,
        cwd,
        project_path: cwd,
        git_branch: null,
        started_at: sorted[0] ?? null,
        ended_at: sorted[sorted.length - 1] ?? null,
        messages,
        source_meta: sourceMeta,
    });
}
/** pi_coding_agent.py _resolve_active_path: from the last entry back through parentId, in chronological order. */
function activePath(entries) {
    if (entries.length === 0)
        return [];
    const byId = new Map();
    for (const e of entries)
        if (typeof e.id === 'string' && e.id)
            byId.set(e.id, e);
    const out = [];
    const visited = new Set();
    let current = entries[entries.length - 1];
    while (current) {
        const id = current.id;
        if (typeof id === 'string' && visited.has(id))
            break;
        if (typeof id === 'string')
            visited.add(id);
        out.push(current);
        const parentId = current.parentId;
        if (parentId === undefined || parentId === null)
            break;
        current = typeof parentId === 'string' ? byId.get(parentId) : undefined;
    }
    return out.reverse();
}
/** pi_coding_agent.py _detect_branches: a parent id referenced by two entries. */
function hasBranches(entries) {
    const seen = new Set();
    for (const e of entries) {
        if (typeof e.parentId !== 'string' || !e.parentId)
            continue;
        if (seen.has(e.parentId))
            return true;
        seen.add(e.parentId);
    }
    return false;
}
/** pi_coding_agent.py _normalize_pi_message. */
function piMessage(raw, file, entryId) {
    const role = optStr(raw.role);
    if (role === 'user')
        return [buildMessage({ role: 'user', content: normalizeMessageContent(raw.content) })];
    if (role === 'assistant')
        return [assistantMessage(raw)];
    if (role === 'toolResult')
        return [buildMessage({ role: 'tool', content: normalizeMessageContent(raw.content), toolCallId: requireString(raw.toolCallId, `Pi toolResult toolCallId in ${file}`) })];
    if (role === 'bashExecution')
        return bashExecution(raw, entryId);
    if (role === 'custom')
        return pyTruthy(raw.display) ? [buildMessage({ role: 'system', content: normalizeMessageContent(raw.content) })] : [];
    if (role === 'compactionSummary' || role === 'branchSummary') {
        const summary = optStr(raw.summary);
        return summary ? [buildMessage({ role: 'system', content: summary })] : [];
    }
    return [];
}
/** pi_coding_agent.py _normalize_pi_assistant_message: text joined, thinking as reasoning, toolCall blocks as tool_calls. */
function assistantMessage(raw) {
    const blocks = raw.content;
    const text = [];
    const thinking = [];
    const toolCalls = [];
    if (Array.isArray(blocks)) {
        for (const block of blocks) {
            if (!isObject(block)) {
                if (typeof block === 'string' && block)
                    text.push(block);
                continue;
            }
            if (block.type === 'text') {
                const t = optStr(block.text);
                if (t)
                    text.push(t);
            }
            else if (block.type === 'thinking') {
                const t = optStr(block.thinking);
                if (t)
                    thinking.push(t);
            }
            else if (block.type === 'toolCall') {
                toolCalls.push({ id: 'id' in block ? block.id : '', type: 'function', function: { name: 'name' in block ? block.name : '', arguments: stringifyJsonValue(block.arguments) } });
            }
        }
    }
    else if (typeof blocks === 'string')
        text.push(blocks);
    return buildMessage({ role: 'assistant', content: text.length ? text.join('\n\n') : '', reasoningContent: thinking.length ? thinking.join('\n\n') : null, toolCalls });
}
/** pi_coding_agent.py _normalize_pi_bash_execution: a synthetic `bash` tool call and its result. */
function bashExecution(raw, entryId) {
    if (pyTruthy(raw.excludeFromContext))
        return [];
    const id = entryId ? `bash_${entryId}` : 'bash_unknown';
    const command = optStr(raw.command) || '';
    const output = optStr(raw.output) || '';
    const exitCode = raw.exitCode;
    const parts = output ? [output] : [];
    if (exitCode !== undefined && exitCode !== null)
        parts.push(`[exit code: ${optStr(exitCode)}]`);
    return [
        buildMessage({ role: 'assistant', content: '', toolCalls: [{ id, type: 'function', function: { name: 'bash', arguments: stringifyJsonValue({ command }) } }] }),
        buildMessage({ role: 'tool', content: parts.join('\n'), toolCallId: id }),
    ];
}

;// CONCATENATED MODULE: ./src/data/agent-rollout/index.ts
/**
 * Data Designer's AgentRolloutSeedReader (engine/resources/seed_reader.py) for ddflow: the trace files
 * of src/shared/agent-rollout-files.ts (the same list the fingerprint hashes), parsed by the format's
 * handler into normalized rows (types.ts). As in Data Designer, a file the handler cannot parse
 * (AgentRolloutSeedParseError, not UTF-8) is skipped with a warning, a file that cannot be read is an
 * error, matched files the format does not parse are skipped with a warning, and a seed that yields no
 * row is an error.
 */









/** Data Designer's registry.py BUILTIN_AGENT_ROLLOUT_FORMAT_HANDLERS: every format has its handler. */
const HANDLERS = {
    claude_code: (root, source, warn) => {
        const index = loadClaudeSessionIndex((0,agent_rollout_files/* agentRolloutSideFiles */.PY)(source, root), warn);
        return (rel) => parseClaudeCodeFile(root, rel, index, warn);
    },
    codex: (root, _source, warn) => (rel) => parseCodexFile(root, rel, warn),
    atif: (root) => (rel) => parseAtifFile(root, rel),
    hermes_agent: (root, source, warn) => {
        const index = loadHermesSessionIndex((0,agent_rollout_files/* agentRolloutSideFiles */.PY)(source, root), warn);
        return (rel) => parseHermesFile(root, rel, index, warn);
    },
    pi_coding_agent: (root, _source, warn) => (rel) => parsePiFile(root, rel, warn),
};
/** build_manifest: the handled files; matched but unhandled ones are skipped with a warning. */
function agentRolloutManifest(source, baseDir, warn) {
    const { root, handled, unhandled } = (0,agent_rollout_files/* agentRolloutFiles */.mt)(source, baseDir);
    for (const rel of unhandled)
        if ((0,agent_rollout_files/* warnsUnhandledRolloutFile */.WA)(source.format, rel))
            warn(`Skipping unhandled ${source.format} file ${rel}`);
    if (handled.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Seed source at ${root} did not produce any rows`);
    return { root, files: handled };
}
/** hydrate_row for each of `files` (relative to the manifest's root): the normalized rows, in file order. */
function parseAgentRolloutFiles(source, manifest, files, warn) {
    const parse = HANDLERS[source.format](manifest.root, source, warn);
    const records = [];
    for (const rel of files) {
        try {
            records.push(...parse(rel));
        }
        catch (err) {
            if (err instanceof AgentRolloutParseError) {
                warn(`Skipping malformed file ${rel}: ${err.message}`);
                continue;
            }
            const code = err.code;
            if (code)
                throw new diagnostics/* DdflowError */.Zq(`Failed to read agent rollout file ${manifest.root}/${rel}: ${err.message}`, { cause: err });
            throw err;
        }
    }
    return records;
}

;// CONCATENATED MODULE: ./src/data/seed-reader.ts
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












let seedCounter = 0;
/** Above this many (pass × row) pairs a shuffle pass is ranked once into a cached table. */
const INLINE_PERMUTATION_ROWS = 20_000;
/** A tabular source read through DuckDB: the selection materialised into `table`, its types kept. */
async function loadRelation(db, table, config, from, what) {
    const sourceSize = await countOf(db, from, what);
    const range = resolveSelection(config.selection_strategy ?? null, sourceSize);
    await materialise(db, table, `SELECT * FROM ${from} LIMIT ${range.end - range.start + 1} OFFSET ${range.start}`, what);
    const described = await db.describe(`SELECT * FROM ${(0,database.quoteIdent)(table)}`);
    const columns = described.map((c) => c.name);
    const reserved = columns.find((c) => c === '__proto__' || c === 'constructor' || c === 'prototype');
    if (reserved) {
        await db.run(`DROP TABLE IF EXISTS ${(0,database.quoteIdent)(table)}`);
        throw new diagnostics/* DdflowError */.Zq(`The seed dataset ${what} has a column named '${reserved}', which ddflow cannot hold (rows are JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column.`);
    }
    // A seed column called rowid would hide DuckDB's row id, by which rows are served in order: renamed in
    // the table, read back under its own name (rowidSafeName).
    for (const c of columns)
        if ((0,database.rowidSafeName)(c) !== c)
            await db.run(`ALTER TABLE ${(0,database.quoteIdent)(table)} RENAME COLUMN ${(0,database.quoteIdent)(c)} TO ${(0,database.quoteIdent)((0,database.rowidSafeName)(c))}`);
    return { columns, columnTypes: new Map(described.map((c) => [c.name, c.type])), sourceSize, range };
}
/** A directory listing (one manifest row per file), optionally with each file's text read when served. */
async function loadDirectory(db, table, config, baseDir) {
    const source = config.source;
    const manifest = await listSeedDirectory(source, baseDir);
    const range = resolveSelection(config.selection_strategy ?? null, manifest.length);
    // The manifest is one small row per file: load it through the appender via a parquet-free temp table.
    await loadManifest(db, table, manifest.slice(range.start, range.end + 1));
    const columns = ['source_kind', 'source_path', 'relative_path', 'file_name'];
    if (source.seed_type !== 'file_contents')
        return { columns, columnTypes: new Map(), sourceSize: manifest.length, range };
    const encoding = (0,defaults/* withSchemaDefaults */.A)(schema/* FileContentsSeedSource */.LH, source).encoding;
    const decoder = textDecoderFor(encoding);
    return {
        columns: [...columns, 'content'],
        columnTypes: new Map(),
        sourceSize: manifest.length,
        range,
        hydrate: async (rows) => {
            for (const row of rows)
                row.content = await readText(String(row.source_path), decoder, encoding);
        },
    };
}
/**
 * Agent traces (src/data/agent-rollout/): as Data Designer, the selection indexes the trace FILES (its
 * manifest rows) and only the selected files are parsed; each gives its normalized rows (none when it is
 * skipped as malformed). Nested fields (messages, source_meta) are DuckDB JSON, so they reach templates
 * as lists and objects and parquet as JSON, as ddflow keeps other nested values.
 */
async function loadAgentRollout(db, table, config, baseDir, warn) {
    const source = config.source;
    const manifest = agentRolloutManifest(source, baseDir, warn);
    const range = resolveSelection(config.selection_strategy ?? null, manifest.files.length);
    const records = parseAgentRolloutFiles(source, manifest, manifest.files.slice(range.start, range.end + 1), warn);
    if (records.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Seed source at ${manifest.root} did not produce any rows`);
    await loadRecords(db, table, records);
    return { columns: AGENT_ROLLOUT_COLUMNS.map(([c]) => c), columnTypes: new Map(AGENT_ROLLOUT_COLUMNS), sourceSize: records.length, range: { start: 0, end: records.length - 1 } };
}
async function loadRecords(db, table, records) {
    await db.run(`CREATE TEMP TABLE ${(0,database.quoteIdent)(table)} (${AGENT_ROLLOUT_COLUMNS.map(([c, t]) => `${(0,database.quoteIdent)(c)} ${t}`).join(', ')})`);
    const appender = await db.appender(table);
    try {
        for (const r of records) {
            for (const [c, t] of AGENT_ROLLOUT_COLUMNS) {
                const v = r[c];
                if (v === null || v === undefined)
                    appender.appendNull();
                else if (t === 'BOOLEAN')
                    appender.appendBoolean(v);
                else if (t === 'BIGINT')
                    appender.appendBigInt(BigInt(v));
                else if (t === 'JSON')
                    appender.appendVarchar(JSON.stringify(v));
                else
                    appender.appendVarchar(v);
            }
            appender.endRow();
        }
        appender.flushSync();
    }
    finally {
        appender.closeSync();
    }
}
/** One loader per seed kind (Data Designer's seed readers, plus ddflow's upstream handoff). */
const SEED_LOADERS = {
    local: (db, table, config, baseDir) => {
        const source = config.source;
        return loadRelation(db, table, config, localSeedRelation(source.path, baseDir), source.path);
    },
    upstream: (db, table, config) => loadRelation(db, table, config, (0,dataset.parquetSource)(config.source.files), 'the upstream output'),
    directory: loadDirectory,
    file_contents: loadDirectory,
    agent_rollout: loadAgentRollout,
    hf: async (db, table, config) => {
        const source = config.source;
        const resolved = await (0,hf_hub/* resolveHfSource */.wl)(source);
        const files = await (0,hf_hub/* downloadHfFiles */.Cj)(resolved, source);
        return loadRelation(db, table, config, seedFilesRelation(files, external_node_path_default().extname(files[0]).toLowerCase()), source.path);
    },
};
/**
 * A seed problem found when the data is read (a corrupt file, a selection beyond its rows) pointed at the
 * config's seed node — its selection_strategy or its source path — as validate's errors are.
 */
function located(err, config) {
    if (!(err instanceof diagnostics/* DdflowError */.Zq) || err.diagnostics.some((d) => d.location))
        return err;
    const selection = /selection strategy|'start' index|'index' must/i.test(err.message);
    const node = selection && config.selection_strategy ? { of: config, field: 'selection_strategy' } : { of: config.source, field: 'path' };
    return new diagnostics/* DdflowError */.Zq(err.message, { node, cause: err });
}
async function openSeedDataset(db, config, options = {}) {
    const baseDir = options.baseDir ?? process.cwd();
    const table = `ddflow_seed_${process.pid}_${++seedCounter}`;
    const loader = SEED_LOADERS[config.source.seed_type];
    if (!loader) {
        const kind = config.source.seed_type;
        throw new diagnostics/* DdflowError */.Zq(`Seed sources of type '${String(kind)}' are not supported; use local, directory, file_contents, hf or agent_rollout.`);
    }
    const { columns, columnTypes, sourceSize, range, hydrate } = await loader(db, table, config, baseDir, options.warn ?? (() => { })).catch((err) => {
        throw located(err, config);
    });
    // Manifest columns (and file contents) are text.
    for (const c of columns)
        if (!columnTypes.has(c))
            columnTypes.set(c, 'VARCHAR');
    const size = range.end - range.start + 1;
    const shuffle = config.sampling_strategy === 'shuffle';
    const seed = Math.trunc(options.seed ?? 0);
    const t = (0,database.quoteIdent)(table);
    const cols = columns
        .filter((c) => c !== 'content' || !hydrate)
        .map((c) => ((0,database.rowidSafeName)(c) === c ? `s.${(0,database.quoteIdent)(c)}` : `s.${(0,database.quoteIdent)((0,database.rowidSafeName)(c))} AS ${(0,database.quoteIdent)(c)}`))
        .join(', ');
    const inlineLimit = options.inlinePermutationRows ?? INLINE_PERMUTATION_ROWS;
    const permTables = new Map();
    const permutationTable = async (pass) => {
        let name = permTables.get(pass);
        if (!name) {
            name = (0,database.quoteIdent)(`${table}_perm_${pass}`);
            await db.run(`CREATE TEMP TABLE ${name} AS SELECT rowid AS rid,
           row_number() OVER (ORDER BY hash(${seed}::BIGINT, ${pass}::BIGINT, rowid), rowid) - 1 AS pos FROM ${t}`);
            permTables.set(pass, name);
        }
        return name;
    };
    /** Row groups move forward through the passes: drop ranked passes before the one just behind. */
    const evictPermutationsBefore = async (pass) => {
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
        async rowsFor(startRecord, count) {
            if (!Number.isInteger(startRecord) || startRecord < 0)
                throw new diagnostics/* DdflowError */.Zq(`startRecord must be a non-negative integer, got ${startRecord}.`);
            if (!Number.isInteger(count) || count < 0)
                throw new diagnostics/* DdflowError */.Zq(`count must be a non-negative integer, got ${count}.`);
            if (count === 0)
                return [];
            const end = startRecord + count;
            let sql;
            if (!shuffle) {
                sql = `SELECT ${cols} FROM range(${startRecord}, ${end}) r(i) JOIN ${t} s ON s.rowid = r.i % ${size} ORDER BY r.i`;
            }
            else {
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
                }
                else {
                    // Large seeds: rank each pass once into a cached table instead of once per row group.
                    await evictPermutationsBefore(firstPass - 1);
                    const parts = [];
                    for (let pass = firstPass; pass <= lastPass; pass++) {
                        const perm = await permutationTable(pass);
                        const lo = Math.max(startRecord, pass * size);
                        const hi = Math.min(end, (pass + 1) * size);
                        parts.push(`SELECT ${cols}, r.i AS __ddflow_i FROM range(${lo}, ${hi}) r(i)
               JOIN ${perm} perm ON perm.pos = r.i - ${pass * size}
               JOIN ${t} s ON s.rowid = perm.rid`);
                    }
                    sql = `SELECT * EXCLUDE (__ddflow_i) FROM (${parts.join(' UNION ALL ')}) ORDER BY __ddflow_i`;
                }
            }
            const rows = await db.all(sql);
            if (hydrate)
                await hydrate(rows);
            return rows;
        },
        async close() {
            for (const name of permTables.values())
                await db.run(`DROP TABLE IF EXISTS ${name}`);
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
function resolveSelection(selection, size) {
    if (size <= 0)
        throw new diagnostics/* DdflowError */.Zq('The seed dataset has no rows.');
    if (!selection)
        return { start: 0, end: size - 1 };
    if ('start' in selection || 'end' in selection) {
        const { start, end } = selection;
        if (start < 0 || end < 0)
            throw new diagnostics/* DdflowError */.Zq('Selection strategy indices should be greater than or equal to 0.');
        if (start > end)
            throw new diagnostics/* DdflowError */.Zq("'start' index must be less than or equal to 'end' index");
        if (end >= size)
            throw new diagnostics/* DdflowError */.Zq(`Selection strategy 'end' index ${end} is out of bounds for dataset size ${size}`);
        return { start, end };
    }
    const index = selection.index ?? 0;
    const n = selection.num_partitions ?? 1;
    if (index < 0)
        throw new diagnostics/* DdflowError */.Zq("Selection strategy 'index' should be greater than or equal to 0.");
    if (n < 1)
        throw new diagnostics/* DdflowError */.Zq("Selection strategy 'num_partitions' should be greater than or equal to 1.");
    if (index >= n)
        throw new diagnostics/* DdflowError */.Zq("'index' must be less than 'num_partitions'");
    if (n > size)
        throw new diagnostics/* DdflowError */.Zq(`Selection strategy 'num_partitions' ${n} is out of bounds for dataset size ${size}`);
    return partitionToRange(index, n, size);
}
/** Data Designer's PartitionBlock.to_index_range: equal blocks, the last one takes the remainder. */
function partitionToRange(index, numPartitions, size) {
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
function localSeedRelation(userPath, baseDir) {
    const files = (0,seed_files/* localSeedFiles */.$b)(userPath, baseDir);
    return seedFilesRelation(files, (0,seed_files/* localWildcardExtension */.P4)(userPath) ?? external_node_path_default().extname(files[0]).toLowerCase());
}
/** The DuckDB relation reading these files (all of the format `ext`), named one by one. */
function seedFilesRelation(files, ext) {
    const list = `[${files.map(database.quoteLiteral).join(', ')}]`;
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
async function countOf(db, from, userPath) {
    try {
        const [row] = await db.all(`SELECT count(*) AS n FROM ${from}`);
        return Number(row?.n ?? 0);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Could not read the seed dataset ${userPath}: ${(0,database.errorMessage)(err)}`, { cause: err });
    }
}
async function materialise(db, table, select, userPath) {
    try {
        // CTAS keeps the scan order, so the temp table's rowid is the selected row's position.
        await db.run(`CREATE TEMP TABLE ${(0,database.quoteIdent)(table)} AS ${select}`);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Could not read the seed dataset ${userPath}: ${(0,database.errorMessage)(err)}`, { cause: err });
    }
}
/** One row per matching file under the directory, sorted by relative path (POSIX separators). */
async function listSeedDirectory(source, baseDir) {
    const filled = (0,defaults/* withSchemaDefaults */.A)(source.seed_type === 'directory' ? schema/* DirectorySeedSource */.g$ : schema/* FileContentsSeedSource */.LH, source);
    const pattern = filled.file_pattern;
    if (!pattern.trim())
        throw new diagnostics/* DdflowError */.Zq('file_pattern must be a non-empty string.');
    if (pattern.includes('/') || pattern.includes('\\')) {
        throw new diagnostics/* DdflowError */.Zq('file_pattern must match file names, not relative paths.');
    }
    if (!source.path || !source.path.trim())
        throw new diagnostics/* DdflowError */.Zq('The seed source path must be a non-empty string.');
    const root = external_node_path_default().resolve(baseDir, source.path);
    if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory()) {
        throw new diagnostics/* DdflowError */.Zq(`Seed source directory '${root}' does not exist.`);
    }
    const recursive = filled.recursive;
    const relPaths = (0,seed_files/* directorySeedFiles */.sz)(root, pattern, recursive);
    if (relPaths.length === 0) {
        throw new diagnostics/* DdflowError */.Zq(`No files matched file_pattern '${pattern}' ${recursive ? 'under' : 'directly under'} ${root}`);
    }
    const kind = source.seed_type === 'file_contents' ? 'file_contents' : 'directory_file';
    return relPaths.map((rel) => ({
        source_kind: kind,
        source_path: external_node_path_default().join(root, ...rel.split('/')),
        relative_path: rel,
        file_name: rel.slice(rel.lastIndexOf('/') + 1),
    }));
}
async function loadManifest(db, table, rows) {
    const cols = ['source_kind', 'source_path', 'relative_path', 'file_name'];
    await db.run(`CREATE TEMP TABLE ${(0,database.quoteIdent)(table)} (${cols.map((c) => `${(0,database.quoteIdent)(c)} VARCHAR`).join(', ')})`);
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
    }
    finally {
        appender.closeSync();
    }
}
/** Python codec names (`utf-8`, `latin-1`, `cp1252`, ...) → a WHATWG TextDecoder. */
function textDecoderFor(encoding) {
    const e = encoding.trim().toLowerCase().replaceAll('_', '-');
    const aliases = { 'latin-1': 'latin1', utf8: 'utf-8', 'utf-8-sig': 'utf-8', cp1252: 'windows-1252', ascii: 'windows-1252' };
    for (const label of [aliases[e] ?? e, e.replaceAll('-', '')]) {
        try {
            return new external_node_util_.TextDecoder(label, { fatal: true });
        }
        catch {
            /* try the next spelling */
        }
    }
    throw new diagnostics/* DdflowError */.Zq(`Unknown encoding: '${encoding}'. Use a valid Python codec name.`);
}
async function readText(file, decoder, encoding) {
    let bytes;
    try {
        bytes = await external_node_fs_.promises.readFile(file);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Failed to read file ${file}: ${(0,database.errorMessage)(err)}`, { cause: err });
    }
    try {
        return decoder.decode(bytes);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Failed to decode file ${file} using encoding '${encoding}': ${(0,database.errorMessage)(err)}`, { cause: err });
    }
}

// EXTERNAL MODULE: ./src/llm/outcomes.ts
var outcomes = __webpack_require__(40042);
// EXTERNAL MODULE: ./src/template/ast.ts
var template_ast = __webpack_require__(13710);
// EXTERNAL MODULE: ./src/engine/artifacts.ts
var artifacts = __webpack_require__(8833);
;// CONCATENATED MODULE: ./src/engine/batch-writer.ts
/**
 * The end of a row group's life: per-batch processors, then the main parquet file and the dropped
 * columns file (aligned row by row), each written atomically. Shared by a stage run and by
 * output_processors, which replay the same layout over a finished dataset.
 */



async function writeBatch(group, batchIndex, o) {
    const staged = await stageBatch(group, batchIndex, o);
    try {
        await o.beforeCommit?.(staged.result);
        await staged.publish();
    }
    catch (err) {
        await staged.discard();
        throw err;
    }
    return staged.result;
}
/**
 * writeBatch up to the main file's rename: the caller records the batch (metadata) and then publishes
 * it, possibly together with later batches (src/engine/batch-journal.ts). The group's rows are no longer
 * needed once this resolves.
 */
async function stageBatch(group, batchIndex, o) {
    const prepared = await prepareBatch(group, batchIndex, o);
    const staged = await stageRowGroup(o.db, group.rows, prepared.main, prepared.result.file);
    return { result: prepared.result, publish: staged.publish, discard: staged.discard };
}
/** The per-batch processors and the dropped-columns file; the main file is the caller's to write. */
async function prepareBatch(group, batchIndex, o) {
    const processorFiles = {};
    const dropped = [];
    for (const p of o.processors) {
        const visible = o.columns.filter((c) => !dropped.includes(c));
        const r = await p.processBatch(group, batchIndex, visible);
        for (const d of r.dropColumns ?? [])
            if (!dropped.includes(d))
                dropped.push(d);
        if (r.file)
            processorFiles[p.name] = r.file;
    }
    for (const d of o.declaredDrops)
        if (o.columns.includes(d) && !dropped.includes(d))
            dropped.push(d);
    const kept = o.columns.filter((c) => !dropped.includes(c));
    const spec = (names) => names.map((name) => ({ name, dtype: o.dtypes.get(name) }));
    const file = (0,artifacts/* batchPath */.Go)(o.outDir, artifacts/* PARQUET_DIR */.dr, batchIndex);
    let droppedFile;
    if (dropped.length > 0 && o.preserveDroppedColumns) {
        droppedFile = (0,artifacts/* batchPath */.Go)(o.outDir, artifacts/* DROPPED_DIR */.Pj, batchIndex);
        await writeRowGroup(o.db, group.rows, spec(dropped), droppedFile);
    }
    return {
        result: { file, rows: group.rows.length, columns: kept, droppedFile, processorFiles },
        // A group whose every column was dropped still needs a file: parquet wants at least one column.
        main: kept.length > 0 ? spec(kept) : [{ name: '_empty', dtype: 'str' }],
    };
}
const relative = (stageDir, file) => external_node_path_default().relative(stageDir, file).split((external_node_path_default()).sep).join('/');

;// CONCATENATED MODULE: ./src/engine/batch-journal.ts
/**
 * Records finished row groups in metadata.json without rewriting it once per row group.
 *
 * Resume trusts a row group only when metadata.json records it AND its file is in place, so a file must
 * never appear before its record (a crash in between would leave a file resume regenerates over). The
 * engine used to rewrite metadata.json (with fsync) after every row group and rename the group's file
 * after it: metadata.json grows with every group, so a stage of G groups wrote O(G²) bytes — profiled at
 * a quarter of a 1,000,000-row sampler stage (1000 groups), and most of a 5,000,000-row one.
 *
 * Now each finished group's file waits under its temporary name (complete) until the next metadata
 * write, which records every group finished since the last one; then their files are renamed into
 * place. A write happens at once when the last one is older than the interval, else when the interval
 * is up (a timer), so a slow stage (model calls) still records every group as it finishes, and a fast
 * one writes metadata a few times a second instead of per group. The interval grows with the cost of a
 * write (ten times its duration), so metadata stays a small share of the stage whatever its size. A
 * crash loses at most the groups of the last interval (regenerated by resume, same values); never a
 * record-less file.
 */
const DEFAULT_INTERVAL_MS = 250;
class BatchJournal {
    options;
    pending = [];
    chain = Promise.resolve();
    failure = null;
    lastWrite = Number.NEGATIVE_INFINITY;
    interval;
    timer = null;
    now;
    /** Metadata writes done (for tests and the bench). */
    writes = 0;
    constructor(options) {
        this.options = options;
        this.interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
        this.now = options.now ?? (() => performance.now());
    }
    /**
     * A finished group: its record is already in what writeMetadata writes; its file (staged under a
     * temporary name) is published after the next write.
     */
    add(file) {
        this.throwIfFailed();
        this.pending.push(file);
        if (this.timer)
            return;
        const wait = this.lastWrite + this.interval - this.now();
        if (wait <= 0)
            void this.flush().catch(() => undefined);
        else {
            this.timer = setTimeout(() => {
                this.timer = null;
                void this.flush().catch(() => undefined);
            }, wait);
            this.timer.unref?.();
        }
    }
    /** Writes metadata now (when a group is waiting, or `always`) and publishes the waiting files. */
    flush(always = false) {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        const run = async () => {
            if (this.failure)
                throw this.failure.error;
            if (!always && this.pending.length === 0)
                return;
            const batch = this.pending;
            this.pending = [];
            const t0 = this.now();
            let published = 0;
            try {
                await this.options.writeMetadata();
                this.writes++;
                this.lastWrite = this.now();
                this.interval = Math.max(this.options.intervalMs ?? DEFAULT_INTERVAL_MS, 10 * (this.lastWrite - t0));
                for (; published < batch.length; published++)
                    await batch[published].publish();
            }
            catch (err) {
                this.failure ??= { error: err };
                // Not recorded, or recorded but unpublishable: their files never appear (resume regenerates them).
                for (const p of [...batch.slice(published), ...this.pending.splice(0)])
                    await p.discard();
                throw err;
            }
        };
        const next = this.chain.then(run, run);
        this.chain = next.catch(() => undefined);
        return next;
    }
    /** The first failed write or rename, thrown to the stage (the next add or flush would throw it too). */
    throwIfFailed() {
        if (this.failure)
            throw this.failure.error;
    }
    /** Drops the waiting files without publishing them (the stage gave up). */
    async abandon() {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        await this.chain;
        for (const p of this.pending.splice(0))
            await p.discard();
    }
}

;// CONCATENATED MODULE: ./src/engine/columns.ts

/** `llm_text` and `llm-text` are the same kind. */
function columnKind(column) {
    return column.column_type.replace(/_/g, '-');
}
const LLM_KINDS = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge']);
function isLlmColumn(column) {
    return LLM_KINDS.has(columnKind(column));
}
function sideEffectColumns(column) {
    if (column.column_type === 'custom')
        return [...(column.custom_column_metadata?.side_effect_columns ?? [])];
    if (!isLlmColumn(column))
        return [];
    const out = [];
    if (column.with_trace && column.with_trace !== 'none')
        out.push(`${column.name}__trace`);
    if (column.extract_reasoning_content)
        out.push(`${column.name}__reasoning_content`);
    return out;
}
/**
 * Names a column's templates and fields read (without the skip gate), for ordering and skip propagation:
 * Jinja globals included, since a column named `range` shadows the global; callers keep only names some
 * column produces.
 */
function requiredColumns(column) {
    const names = new Set();
    if (isLlmColumn(column)) {
        for (const v of (0,template_ast/* templateReads */.Ih)(column.prompt))
            names.add(v);
        if (column.system_prompt)
            for (const v of (0,template_ast/* templateReads */.Ih)(column.system_prompt))
                names.add(v);
        for (const m of column.multi_modal_context ?? [])
            names.add(m.column_name);
    }
    else {
        switch (columnKind(column)) {
            case 'expression':
                for (const v of (0,template_ast/* templateReads */.Ih)(column.expr))
                    names.add(v);
                break;
            case 'validation':
                for (const t of column.target_columns)
                    names.add(t);
                break;
            case 'embedding':
                names.add(column.target_column);
                break;
            case 'image': {
                const image = column;
                for (const v of (0,template_ast/* templateReads */.Ih)(image.prompt))
                    names.add(v);
                for (const m of image.multi_modal_context ?? [])
                    names.add(m.column_name);
                break;
            }
            case 'custom':
                for (const r of column.custom_column_metadata?.required_columns ?? [])
                    names.add(r);
                break;
            default:
                break;
        }
    }
    names.delete(column.name);
    return [...names];
}
/** The names `skip.when` reads. */
function skipColumns(column) {
    const when = column.skip?.when;
    return when ? [...(0,template_ast/* templateReads */.Ih)(when)] : [];
}

;// CONCATENATED MODULE: ./src/engine/dag.ts
/**
 * Kahn's topological sort with a stable tie-break (declaration order), used for the column DAG and the
 * sampler sub-DAG. Returns null on a cycle so each caller can give its own Data Designer message.
 */
function topologicalOrder(names, edges) {
    const position = new Map(names.map((n, i) => [n, i]));
    const indegree = new Map(names.map((n) => [n, 0]));
    const dependents = new Map(names.map((n) => [n, []]));
    for (const n of names) {
        for (const dep of new Set(edges.get(n) ?? [])) {
            if (dep === n || !position.has(dep))
                continue; // self-edges and outside names do not order anything
            indegree.set(n, indegree.get(n) + 1);
            dependents.get(dep).push(n);
        }
    }
    // A sorted ready-list keeps the order deterministic and close to how the user declared columns.
    const ready = names.filter((n) => indegree.get(n) === 0);
    const order = [];
    while (ready.length > 0) {
        ready.sort((a, b) => position.get(a) - position.get(b));
        const n = ready.shift();
        order.push(n);
        for (const d of dependents.get(n)) {
            const left = indegree.get(d) - 1;
            indegree.set(d, left);
            if (left === 0)
                ready.push(d);
        }
    }
    return order.length === names.length ? order : null;
}

;// CONCATENATED MODULE: ./src/engine/row-group.ts
/**
 * Row groups of `bufferSize` records, the last one possibly shorter. Lazy: a stage of a billion records
 * costs the same memory as one of ten (building the whole list up front once ran V8 out of heap).
 */
function rowGroups(numRecords, bufferSize) {
    if (!Number.isSafeInteger(numRecords) || numRecords < 0)
        throw new RangeError(`numRecords must be a non-negative safe integer, got ${numRecords}`);
    if (!Number.isSafeInteger(bufferSize) || bufferSize < 1)
        throw new RangeError(`bufferSize must be a positive safe integer, got ${bufferSize}`);
    const length = Math.ceil(numRecords / bufferSize);
    return {
        length,
        *[Symbol.iterator]() {
            for (let index = 0; index < length; index++) {
                const start = index * bufferSize;
                yield { index, start, size: Math.min(bufferSize, numRecords - start) };
            }
        },
    };
}
/** Removes dropped rows (keeping order) and counts them by reason into `counts`. */
function removeRows(group, drops, counts) {
    if (drops.size === 0)
        return;
    const rows = [];
    const idx = [];
    const skipped = [];
    for (let i = 0; i < group.rows.length; i++) {
        const reason = drops.get(i);
        if (reason !== undefined) {
            counts[reason] = (counts[reason] ?? 0) + 1;
            continue;
        }
        rows.push(group.rows[i]);
        idx.push(group.recordIndex[i]);
        skipped.push(group.skipped[i]);
    }
    group.rows = rows;
    group.recordIndex = idx;
    group.skipped = skipped;
}
/**
 * How many row groups are alive (generated or being written) across running stages, and the most
 * there ever were since the last resetPeak(). The engine promises at most two per stage — one being
 * written while the next is generated — whatever the stage size; tests read the peak.
 */
const rowGroupGauge = {
    live: 0,
    peak: 0,
    open() {
        this.live++;
        if (this.live > this.peak)
            this.peak = this.live;
    },
    close(n = 1) {
        this.live -= n;
    },
    resetPeak() {
        this.peak = this.live;
    },
};

;// CONCATENATED MODULE: ./src/engine/compile.ts



const INTERNAL_ROW_ID = '_internal_row_id';
const INTERNAL_ROW_ID_WARNING = "🔔 No sampler column or seed dataset detected. Adding UUID column '_internal_row_id' (marked for drop) to enable generation.";
const CYCLE_MESSAGE = '🛑 The Data Designer column configurations contain cyclic dependencies. Please inspect the column configurations and ensure they can be sorted without circular references.';
/** Python's repr of a set of strings, in the given order. */
function pySet(names) {
    return `{${[...names].map((n) => `'${n}'`).join(', ')}}`;
}
function compileStage(config, seedColumnNames) {
    const warnings = [];
    const columns = [...(config.columns ?? [])];
    const declared = new Set(columns.map((c) => c.name));
    if (seedColumnNames) {
        const colliding = seedColumnNames.filter((n) => declared.has(n));
        if (colliding.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`🛑 Seed dataset column(s) ${pySet(colliding)} collide with existing column(s). Please remove the conflicting columns or use a seed dataset with different column names.`);
        }
        for (const name of seedColumnNames)
            columns.push({ name, column_type: 'seed-dataset', drop: false });
    }
    const hasSampler = columns.some((c) => columnKind(c) === 'sampler');
    const hasSeed = columns.some((c) => columnKind(c) === 'seed-dataset');
    if (!hasSampler && !hasSeed) {
        warnings.push(INTERNAL_ROW_ID_WARNING);
        columns.unshift({ name: INTERNAL_ROW_ID, column_type: 'sampler', sampler_type: 'uuid', params: { sampler_type: 'uuid' }, drop: true });
    }
    for (const c of columns) {
        if (c.skip && (columnKind(c) === 'sampler' || columnKind(c) === 'seed-dataset')) {
            throw new diagnostics/* DdflowError */.Zq('skip is not supported on sampler columns. Sampler/seed columns are collapsed into shared multi-column generators and cannot be skipped individually.');
        }
    }
    const samplerColumns = columns.filter((c) => columnKind(c) === 'sampler');
    const seedColumns = columns.filter((c) => columnKind(c) === 'seed-dataset').map((c) => c.name);
    const generated = columns.filter((c) => columnKind(c) !== 'sampler' && columnKind(c) !== 'seed-dataset');
    // Side-effect names (`x__trace`) resolve to their producer, so a reader waits for it.
    const producer = new Map();
    for (const c of generated) {
        producer.set(c.name, c.name);
        for (const s of sideEffectColumns(c))
            producer.set(s, c.name);
    }
    const edges = new Map();
    for (const c of generated) {
        const deps = [...requiredColumns(c), ...skipColumns(c)].map((n) => producer.get(n)).filter((n) => n !== undefined);
        edges.set(c.name, deps);
    }
    const order = topologicalOrder(generated.map((c) => c.name), edges);
    if (!order)
        throw new diagnostics/* DdflowError */.Zq(CYCLE_MESSAGE);
    const byName = new Map(generated.map((c) => [c.name, c]));
    return {
        config: { ...config, columns },
        seedColumns,
        samplerColumns,
        generatedColumns: order.map((n) => byName.get(n)),
        droppedColumns: columns.filter((c) => c.drop).map((c) => c.name),
        warnings,
    };
}
/** Row groups of `bufferSize` records (lazy; see row-group.ts). */


// EXTERNAL MODULE: ./src/engine/functions.ts
var engine_functions = __webpack_require__(67463);
// EXTERNAL MODULE: ./src/llm/images.ts
var llm_images = __webpack_require__(44153);
// EXTERNAL MODULE: ./src/llm/multimodal.ts
var multimodal = __webpack_require__(29593);
;// CONCATENATED MODULE: ./src/engine/media.ts
/**
 * Generated images as Data Designer's MediaStorage keeps them (engine/storage/media_storage.py): one file
 * per image at `images/<column>/<uuid>.<ext>` under the stage directory, the cell holding that relative
 * path. The uuid comes from the cell's seeded stream, so a rerun or a resumed row group writes the same
 * names. Such paths in a later column's (or a later stage's) `multi_modal_context` are read back and sent
 * as data URIs.
 */





const IMAGES_DIR = 'images';
const MEDIA_PATH = /^images\/[^/\\]+\/[^/\\]+\.(png|jpg|jpeg|gif|webp)$/i;
/** Data Designer's _sanitize_subfolder_name: no separators, no `..`. */
function imageSubfolder(column) {
    return column.replace(/[/\\]/g, '_').replace(/\.\./g, '_');
}
/** A version-4 uuid drawn from `rng` (16 draws). */
function uuidFrom(rng) {
    const b = Array.from({ length: 16 }, () => Math.floor(rng.next() * 256));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** Writes one base64 image (a data URI prefix is allowed) and returns its path relative to the stage directory. */
async function saveImage(stageDir, column, base64, id) {
    const data = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
    const format = (0,llm_images/* imageFormatOf */.u)(data);
    if (!format)
        throw new diagnostics/* DdflowError */.Zq(`The image generated for column '${column}' is not a PNG, JPEG, GIF or WebP image.`);
    const rel = `${IMAGES_DIR}/${imageSubfolder(column)}/${id}.${format}`;
    const file = external_node_path_default().join(stageDir, rel);
    await external_node_fs_.promises.mkdir(external_node_path_default().dirname(file), { recursive: true });
    await external_node_fs_.promises.writeFile(file, data);
    return rel;
}
/**
 * `row` with the image paths of the contexts' columns replaced by data URIs of the files, looked up
 * under `roots` (this stage's directory, then the upstream stages'); other values are left alone.
 */
async function withMediaData(row, contexts, roots) {
    let out;
    for (const context of contexts) {
        // Generated media are images; audio and video values are sent as they are (Data Designer reads no file for them).
        if ((context.modality ?? 'image') !== 'image')
            continue;
        const items = (0,multimodal/* imageItems */.uL)(row[context.column_name]);
        if (!items.some((i) => MEDIA_PATH.test(i)))
            continue;
        const resolved = [];
        for (const item of items)
            resolved.push(MEDIA_PATH.test(item) ? await dataUri(item, roots) : item);
        out ??= { ...row };
        out[context.column_name] = resolved;
    }
    return out ?? row;
}
async function dataUri(rel, roots) {
    for (const root of roots) {
        const data = await external_node_fs_.promises.readFile(external_node_path_default().join(root, rel)).catch(() => undefined);
        if (data)
            return `data:image/${(0,llm_images/* imageFormatOf */.u)(data) === 'jpg' ? 'jpeg' : ((0,llm_images/* imageFormatOf */.u)(data) ?? 'png')};base64,${data.toString('base64')}`;
    }
    throw new diagnostics/* DdflowError */.Zq(`The image ${rel} is not in this stage's or an upstream stage's directory.`);
}
/** Directories image paths of a stage may be relative to: the stage's own, then its upstream's. */
function mediaRoots(stageDir, upstreamFiles = []) {
    const roots = new Set([stageDir]);
    for (const f of upstreamFiles) {
        // parquet-files/batch_*.parquet, or a processor's output directory one or two levels deeper.
        let dir = external_node_path_default().dirname(f);
        for (let up = 0; up < 2; up++) {
            dir = external_node_path_default().dirname(dir);
            roots.add(dir);
        }
    }
    return [...roots];
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
// EXTERNAL MODULE: ./src/llm/batch/deferred.ts
var deferred = __webpack_require__(36353);
// EXTERNAL MODULE: ./src/llm/recipes.ts + 3 modules
var recipes = __webpack_require__(87277);
// EXTERNAL MODULE: ./src/template/errors.ts
var template_errors = __webpack_require__(72283);
// EXTERNAL MODULE: ./src/shared/random.ts
var random = __webpack_require__(13014);
// EXTERNAL MODULE: ./src/template/python-repr.ts
var python_repr = __webpack_require__(83732);
;// CONCATENATED MODULE: ./src/template/empty-render.ts

const HEADER = 'Template rendered to empty text. This usually happens when one or more referenced fields are missing, None, or empty in this row.';
function formatChain(name, accessors) {
    let out = name;
    for (const a of accessors) {
        if (typeof a === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a))
            out += `.${a}`;
        else if (typeof a === 'string')
            out += `[${(0,python_repr/* pyStrRepr */.ow)(a)}]`;
        else
            out += `[${a}]`;
    }
    return out;
}
function resolve(record, name, accessors) {
    if (!Object.hasOwn(record, name))
        return { resolved: false, value: undefined, prefix: [] };
    let cur = record[name];
    const prefix = [];
    for (const acc of accessors) {
        if ((0,python_repr/* isPlainObject */.Qd)(cur)) {
            if (typeof acc !== 'string' || !Object.hasOwn(cur, acc))
                return { resolved: false, value: undefined, prefix };
            cur = cur[acc];
        }
        else if (Array.isArray(cur)) {
            if (typeof acc !== 'number' || acc >= cur.length || acc < -cur.length)
                return { resolved: false, value: undefined, prefix };
            cur = cur[acc < 0 ? cur.length + acc : acc];
        }
        else
            return { resolved: false, value: undefined, prefix };
        prefix.push(acc);
    }
    return { resolved: true, value: cur, prefix };
}
function classify(record, chain) {
    const { resolved, value, prefix } = resolve(record, chain.name, chain.accessors);
    if (!resolved)
        return { reason: 'missing from record', prefix };
    if (value === null || value === undefined)
        return { reason: 'resolved to None', prefix };
    if (value === '')
        return { reason: 'resolved to empty string', prefix };
    if ((Array.isArray(value) && value.length === 0) || ((0,python_repr/* isPlainObject */.Qd)(value) && Object.keys(value).length === 0)) {
        return { reason: 'resolved to empty collection', prefix };
    }
    return undefined;
}
function buildEmptyRenderMessage(chains, record) {
    const seen = new Set();
    const culprits = [];
    for (const chain of chains) {
        const key = JSON.stringify([chain.name, chain.accessors]);
        if (seen.has(key))
            continue;
        seen.add(key);
        const c = classify(record, chain);
        if (c)
            culprits.push({ chain, ...c });
    }
    if (culprits.length === 0) {
        return (`${HEADER}\n\nTo handle missing values, provide a fallback in your template using a Jinja conditional, e.g. ` +
            "`{{ field if field else 'N/A' }}`, or gate generation with a SkipConfig.");
    }
    const lines = culprits.map((c) => `  - ${formatChain(c.chain.name, c.chain.accessors)} (${c.reason})`).join('\n');
    const sample = culprits[0];
    const full = formatChain(sample.chain.name, sample.chain.accessors);
    // Gate one step past the part that resolved (safe: Undefined is falsy); only the root when it is absent.
    const gateAccessors = Object.hasOwn(record, sample.chain.name) ? sample.chain.accessors.slice(0, sample.prefix.length + 1) : [];
    const gate = formatChain(sample.chain.name, gateAccessors);
    return (`${HEADER}\n\nLikely culprits in this row:\n${lines}\n\nTo handle missing values, you can:\n` +
        `\n  1. Provide a fallback in your template using a Jinja conditional:\n       {{ ${full} if ${gate} else 'N/A' }}\n` +
        `\n  2. Skip rows where required fields are missing using SkipConfig:\n       skip=SkipConfig(when="{{ not ${gate} }}")`);
}

// EXTERNAL MODULE: ./src/template/filters.ts
var template_filters = __webpack_require__(21329);
// EXTERNAL MODULE: ./src/template/globals.ts
var globals = __webpack_require__(47458);
// EXTERNAL MODULE: ./src/template/nunjucks-internals.ts
var nunjucks_internals = __webpack_require__(84472);
// EXTERNAL MODULE: ./src/template/jinja-parser.ts
var jinja_parser = __webpack_require__(66156);
// EXTERNAL MODULE: ./src/template/sandbox.ts + 1 modules
var sandbox = __webpack_require__(61898);
;// CONCATENATED MODULE: ./src/template/py-tests.ts
/**
 * Jinja2's comparison and type tests (`x is eq 1`, `x is gt 3`, `x is iterable`, `'upper' is filter`...)
 * with Python semantics, over the ones nunjucks ships (JavaScript `===`/`<`, which differ for floats,
 * booleans and dicts). Names and meanings follow jinja2/tests.py's TESTS table.
 */




const cmp = (op) => (a, b) => sandbox/* pyOps */.MO.ddCompare([a, b], [op]);
function integerOf(v, test) {
    const n = typeof v === 'boolean' ? Number(v) : (0,python_repr/* num */.bu)(v);
    if (n === undefined)
        throw new template_errors/* TemplateRenderError */.Nz(`the '${test}' test needs a number, not '${(0,python_repr/* pyStr */.rD)(v)}'`);
    return n;
}
/** Python's str.islower/isupper: some cased character, and none of the other case. */
function caseTest(v, lower) {
    const s = (0,python_repr/* pyStr */.rD)(v);
    let cased = false;
    for (const ch of s) {
        const isLower = ch !== ch.toUpperCase();
        const isUpper = ch !== ch.toLowerCase();
        if (lower ? isUpper : isLower)
            return false;
        if (lower ? isLower : isUpper)
            cased = true;
    }
    return cased;
}
const envOf = (ctx) => ctx.env;
const JINJA_TESTS = {
    eq: (a, b) => (0,python_repr/* pyEquals */.PU)(a, b),
    equalto: (a, b) => (0,python_repr/* pyEquals */.PU)(a, b),
    ne: (a, b) => !(0,python_repr/* pyEquals */.PU)(a, b),
    lt: cmp('<'),
    lessthan: cmp('<'),
    le: cmp('<='),
    gt: cmp('>'),
    greaterthan: cmp('>'),
    ge: cmp('>='),
    sameas: (a, b) => a === b || (a === null && b === null),
    divisibleby: (v, n) => {
        const d = integerOf(n, 'divisibleby');
        if (d === 0)
            throw new template_errors/* TemplateRenderError */.Nz('integer division or modulo by zero');
        return integerOf(v, 'divisibleby') % d === 0;
    },
    even: (v) => integerOf(v, 'even') % 2 === 0,
    odd: (v) => Math.abs(integerOf(v, 'odd') % 2) === 1,
    in: (v, seq) => {
        if (typeof seq === 'string') {
            if (typeof v !== 'string')
                throw new template_errors/* TemplateRenderError */.Nz("'in <string>' requires string as left operand");
            return seq.includes(v);
        }
        if (Array.isArray(seq))
            return seq.some((x) => (0,python_repr/* pyEquals */.PU)(v, x));
        if ((0,python_repr/* isPlainObject */.Qd)(seq))
            return typeof v === 'string' && Object.hasOwn(seq, v);
        throw new template_errors/* TemplateRenderError */.Nz(`argument of type '${seq === null || seq === undefined ? 'NoneType' : typeof seq}' is not iterable`);
    },
    string: (v) => typeof v === 'string' || v instanceof nunjucks_internals.nj.runtime.SafeString,
    escaped: (v) => v instanceof nunjucks_internals.nj.runtime.SafeString,
    iterable: (v) => typeof v === 'string' || Array.isArray(v) || (0,python_repr/* isPlainObject */.Qd)(v) || v instanceof nunjucks_internals.nj.runtime.SafeString,
    callable: (v) => typeof v === 'function',
    lower: (v) => caseTest(v, true),
    upper: (v) => caseTest(v, false),
    filter(name) {
        return typeof name === 'string' && Object.hasOwn(envOf(this).filters, name);
    },
    test(name) {
        return typeof name === 'string' && Object.hasOwn(envOf(this).tests, name);
    },
};

;// CONCATENATED MODULE: ./src/template/record.ts
/**
 * Record preparation before every render, as Data Designer does it: JSON-looking string values become
 * the values they spell (`"123"` → 123, `"null"` → None, `'{"a": 1}'` → a dict; `"007"` stays text),
 * then the record is reduced to JSON types (NaN → null, dates → ISO text, bigint → number). Both steps
 * run in one copying pass so a million-row column pays for one small object per row.
 */


// First characters a JSON text can start with (after optional whitespace): checking it first keeps
// JSON.parse (and its exception) away from ordinary prose values.
const JSON_START = new Uint8Array(128);
for (const ch of '{["-0123456789tfnNI \t\n\r')
    JSON_START[ch.charCodeAt(0)] = 1;
const NOT_JSON = Symbol('not-json');
/** A whole JSON number (JSON whitespace around it allowed): what JSON.parse accepts for a digit-led text. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?[ \t\n\r]*$/;
/** JSON whitespace at the end of a text (JSON.parse accepts it after a literal). */
const TRAILING_JSON_WS = /[ \t\n\r]+$/;
/**
 * Python's json.loads on a string, or NOT_JSON when it would raise. The common texts are decided
 * without JSON.parse: a thrown SyntaxError costs microseconds, and dates (`2024-03-12T10:00:00`),
 * digit-led ids and words starting with t/f/n/N/I made most cells of a typical record throw (profiled:
 * 4.6 s of a 7 s 100,000-row expression stage was spent here).
 */
function tryParseJson(s) {
    if (s.length === 0)
        return NOT_JSON;
    const c = s.charCodeAt(0);
    if (c >= 128 || JSON_START[c] === 0)
        return NOT_JSON;
    if (c >= 0x30 && c <= 0x39) {
        // Digit-led: a JSON number (JSON.parse gives the same double as Number) or nothing at all —
        // the NaN/Infinity words cannot start with a digit.
        return JSON_NUMBER.test(s) ? Number(s) : NOT_JSON;
    }
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
        // t / f / n: only the three literals (with trailing JSON whitespace) parse; the words below start otherwise.
        const t = TRAILING_JSON_WS.test(s) ? s.replace(TRAILING_JSON_WS, '') : s;
        return t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : NOT_JSON;
    }
    if (c === 0x4e || c === 0x49) {
        // N / I: never JSON; only Python's own words (the fallback below trims with String.prototype.trim).
        const t = s.trim();
        return t === 'NaN' ? NaN : t === 'Infinity' ? Infinity : NOT_JSON;
    }
    try {
        return JSON.parse(s);
    }
    catch {
        // Python's json.loads also accepts these three words.
        const t = s.trim();
        if (t === 'NaN')
            return NaN;
        if (t === 'Infinity')
            return Infinity;
        if (t === '-Infinity')
            return -Infinity;
        return NOT_JSON;
    }
}
/** Data Designer's `deserialize_json_values`: strings parsed when they are JSON, lists and dicts walked. */
function deserializeJsonValues(data) {
    if (typeof data === 'string') {
        const parsed = tryParseJson(data);
        return parsed === NOT_JSON ? data : parsed;
    }
    if (Array.isArray(data))
        return data.map((item) => deserializeJsonValues(item));
    if ((0,python_repr/* isPlainObject */.Qd)(data)) {
        const out = Object.create(null);
        for (const k of Object.keys(data))
            out[k] = deserializeJsonValues(data[k]);
        return out;
    }
    return data;
}
/** Reduces a value to what a JSON round trip would give back (undefined means "drop this key"). */
function sanitizeValue(v) {
    switch (typeof v) {
        case 'string':
        case 'boolean':
            return v;
        case 'number':
            return Number.isFinite(v) ? v : null;
        case 'bigint':
            return Number(v);
        case 'undefined':
            return undefined;
        case 'function':
        case 'symbol':
            throw new template_errors/* TemplateRenderError */.Nz('Unexpected unserializable content found in record.');
    }
    if (v === null)
        return null;
    if (Array.isArray(v))
        return v.map((x) => sanitizeValue(x) ?? null);
    if ((0,python_repr/* isPlainObject */.Qd)(v))
        return sanitizeObject(v);
    if (v instanceof Date)
        return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (v instanceof Uint8Array)
        return new TextDecoder().decode(v);
    if (v instanceof Map)
        return sanitizeObject(Object.fromEntries(v));
    if (v instanceof Set)
        return [...v].map((x) => sanitizeValue(x) ?? null);
    const toJSON = v.toJSON;
    if (typeof toJSON === 'function')
        return sanitizeValue(toJSON.call(v));
    if (typeof v.valueOf === 'function') {
        const prim = v.valueOf();
        if (prim !== v && (prim === null || typeof prim !== 'object'))
            return sanitizeValue(prim);
    }
    return sanitizeObject({ ...v });
}
// Null-prototype copies: a `__proto__` key in the data stays an ordinary key.
function sanitizeObject(o) {
    const out = Object.create(null);
    for (const k of Object.keys(o)) {
        const s = sanitizeValue(o[k]);
        if (s !== undefined)
            out[k] = s;
    }
    return out;
}
/** One pass: deserialise JSON-looking strings (at any depth of the original record), then sanitise. */
function prepareValue(v) {
    if (typeof v === 'string') {
        const parsed = tryParseJson(v);
        if (parsed === NOT_JSON)
            return v;
        return typeof parsed === 'number' && !Number.isFinite(parsed) ? null : parsed; // JSON.parse output is clean
    }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null)
        return sanitizeValue(v);
    if (Array.isArray(v))
        return v.map((x) => prepareValue(x) ?? null);
    if ((0,python_repr/* isPlainObject */.Qd)(v))
        return prepareRecord(v);
    return sanitizeValue(v);
}
/**
 * The record a template sees: a fresh object, never the caller's. `keepText`: a top-level text cell stays
 * text (`'1'` is not parsed to 1) — what a `conditional_params` key sees (conditions.ts).
 */
function prepareRecord(record, options = {}) {
    const out = Object.create(null);
    for (const k in record) {
        if (!Object.hasOwn(record, k))
            continue;
        const raw = record[k];
        const v = options.keepText && typeof raw === 'string' ? raw : prepareValue(raw);
        if (v !== undefined)
            out[k] = v;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/environment.ts
/**
 * The TemplateEngine: Jinja2 as Data Designer renders it, over nunjucks. A template is parsed, checked
 * and compiled once (cached by its text); each render then costs one record preparation and one call of
 * the compiled function against the guarded runtime (see sandbox.ts).
 */











const MAX_RENDERED_LEN = 512_000;
const MAX_AST_NODE_COUNT = 600;
const MAX_AST_DEPTH = 10;

/**
 * Data Designer's `<built-in method (.*?) of (.*?) object at 0x(.*?)>` and `<function (.*?) at (.*?)>`
 * checks, as literal pieces in order on one line. Matched by scanning: the regular expressions take
 * cubic time on output (data) with many `<built-in method ` and ` of ` but no end, which stalled a render.
 */
const BUILTIN_PATTERNS = [
    ['<built-in method ', ' of ', ' object at 0x', '>'],
    ['<function ', ' at ', '>'],
];
/** Whether some line of `text` holds `pieces` in this order (what `.*?` between them allows). */
function piecesInOrder(text, pieces) {
    for (const line of text.split(/\r|\n|\u2028|\u2029/)) {
        // The earliest occurrence of each piece leaves the most room for the next ones.
        let at = 0;
        let found = true;
        for (const piece of pieces) {
            const i = line.indexOf(piece, at);
            if (i < 0) {
                found = false;
                break;
            }
            at = i + piece.length;
        }
        if (found)
            return true;
    }
    return false;
}
/** The minimal nunjucks Context the compiled code talks to (variables, blocks, exports). */
class RenderContext {
    ctx;
    env;
    exported = [];
    blocks = Object.create(null);
    constructor(ctx, env, blocks) {
        this.ctx = ctx;
        this.env = env;
        for (const name of Object.keys(blocks))
            this.blocks[name] = [blocks[name]];
    }
    lookup(name) {
        return Object.hasOwn(this.ctx, name) ? this.ctx[name] : Object.hasOwn(this.env.globals, name) ? this.env.globals[name] : undefined;
    }
    setVariable(name, val) {
        this.ctx[name] = val;
    }
    getVariables() {
        return this.ctx;
    }
    addBlock(name, block) {
        (this.blocks[name] ??= []).push(block);
        return this;
    }
    getBlock(name) {
        const b = this.blocks[name];
        if (!b)
            throw new template_errors/* TemplateRenderError */.Nz(`unknown block "${name}"`);
        return b[0];
    }
    getSuper() {
        throw new template_errors/* TemplateRenderError */.Nz('super() is not available in a standalone template.');
    }
    addExport(name) {
        this.exported.push(name);
    }
    getExported() {
        return Object.fromEntries(this.exported.map((n) => [n, this.ctx[n]]));
    }
}
const BINARY_HELPERS = {
    Add: 'ddAdd', Sub: 'ddSub', Mul: 'ddMul', Div: 'ddDiv', FloorDiv: 'ddFloorDiv', Mod: 'ddMod', Pow: 'ddPow', Concat: 'ddConcat',
};
/** 0-based line starts, to read a number literal's own spelling (`1.0` vs `1`) back from the source. */
function lineStarts(src) {
    const starts = [0];
    for (let i = 0; i < src.length; i++)
        if (src.charCodeAt(i) === 10)
            starts.push(i + 1);
    return starts;
}
/**
 * nunjucks' compiler with Python semantics patched in on this one instance: arithmetic, comparison,
 * `and`/`or`/`not`/`if` truthiness, `True`/`False`/`None`, and float literals.
 */
function generateCode(ast, src) {
    const c = new nunjucks_internals.nj.compiler.Compiler('template', false);
    const proto = Object.getPrototypeOf(c);
    const truthNodes = new WeakSet();
    const mark = (node) => {
        if (node.typename === 'If' || node.typename === 'IfAsync' || node.typename === 'InlineIf')
            truthNodes.add(node.cond);
        if (node.typename === 'Not')
            truthNodes.add(node.target);
        for (const f of node.fields) {
            const v = node[f];
            if (Array.isArray(v))
                v.forEach((x) => x && typeof x === 'object' && mark(x));
            else if (v && typeof v === 'object' && typeof v.typename === 'string')
                mark(v);
        }
        if (node.typename === 'Set' && node.body)
            mark(node.body);
    };
    mark(ast);
    const starts = lineStarts(src);
    c.compile = function (node, frame) {
        if (truthNodes.has(node)) {
            this._emit('runtime.ddTruthy(');
            proto.compile.call(this, node, frame);
            this._emit(')');
        }
        else
            proto.compile.call(this, node, frame);
    };
    for (const [type, helper] of Object.entries(BINARY_HELPERS)) {
        c[`compile${type}`] = function (node, frame) {
            this._emit(`runtime.${helper}(`);
            this.compile(node.left, frame);
            this._emit(', ');
            this.compile(node.right, frame);
            this._emit(')');
        };
    }
    for (const [type, helper] of [['And', 'ddAnd'], ['Or', 'ddOr']]) {
        c[`compile${type}`] = function (node, frame) {
            this._emit(`runtime.${helper}(`);
            this.compile(node.left, frame);
            this._emit(', function () { return ');
            this.compile(node.right, frame);
            this._emit('; })');
        };
    }
    c.compileCompare = function (node, frame) {
        const ops = node.ops;
        this._emit('runtime.ddCompare([');
        this.compile(node.expr, frame);
        for (const op of ops) {
            this._emit(', ');
            this.compile(op.expr, frame);
        }
        this._emit(`], ${JSON.stringify(ops.map((o) => o.type))})`);
    };
    // `(a, b)` is a tuple in Jinja; nunjucks would emit JavaScript's comma operator.
    const origGroup = proto.compileGroup;
    c.compileGroup = function (node, frame) {
        const items = node.children ?? [];
        if (items.length < 2)
            return origGroup.call(this, node, frame);
        this._emit('runtime.ddTuple([');
        items.forEach((item, i) => {
            if (i > 0)
                this._emit(', ');
            this.compile(item, frame);
        });
        this._emit('])');
    };
    // Jinja's loop.previtem / nextitem / cycle() / changed() / depth, which nunjucks' loop lacks.
    const origBindings = proto._emitLoopBindings;
    c._emitLoopBindings = function (node, arr, i, len) {
        origBindings.call(this, node, arr, i, len);
        this._emit(`runtime.ddLoopExtras(frame, ${arr}, ${i}, ${len});`);
    };
    // nunjucks type-checks expression nodes against its own node classes; a slice is an expression too.
    c.assertType = function (node, ...types) {
        if (node instanceof jinja_parser/* SliceNode */.V6)
            return;
        proto.assertType.call(this, node, ...types);
    };
    // `x[a:b:c]` (jinja-parser.ts): Python slicing of a str, list or tuple.
    c.compileSlice = function (node, frame) {
        const range = node.range;
        this._emit('runtime.ddSlice(');
        this.compile(node.target, frame);
        for (const part of ['start', 'stop', 'step']) {
            this._emit(', ');
            if (range[part])
                this.compile(range[part], frame);
            else
                this._emit('null');
        }
        this._emit(')');
    };
    c.compileIn = function (node, frame) {
        this._emit('runtime.ddIn(');
        this.compile(node.left, frame);
        this._emit(', ');
        this.compile(node.right, frame);
        this._emit(')');
    };
    // A dict literal with a key that is not a string (`{1: 'a'}`, `{None: 0}`): nunjucks' compilePair refuses
    // it, so the pairs go to runtime.ddDict, which keeps each key as the Python value it is. A bare name
    // stays the string key nunjucks makes of it (`{a: 1}`), True/False/None excepted.
    const origDict = proto.compileDict;
    const isPyConstant = (key, frame) => key.typename === 'Symbol' && Object.hasOwn(template_ast/* PY_CONSTANTS */.yS, String(key.value)) && !frame.lookup(String(key.value));
    c.compileDict = function (node, frame) {
        const pairs = (node.children ?? []);
        const plain = (key) => (key.typename === 'Symbol' && !isPyConstant(key, frame)) || (key.typename === 'Literal' && typeof key.value === 'string');
        if (node.typename !== 'Dict' || pairs.every((p) => plain(p.key)))
            return origDict.call(this, node, frame);
        this._emit('runtime.ddDict([');
        pairs.forEach((p, i) => {
            const key = p.key;
            this._emit(i > 0 ? ', [' : '[');
            if (key.typename === 'Symbol' && !isPyConstant(key, frame))
                this._emit(JSON.stringify(String(key.value)));
            else
                this.compile(key, frame);
            this._emit(', ');
            this.compile(p.value, frame);
            this._emit(']');
        });
        this._emit('])');
    };
    const origSymbol = proto.compileSymbol;
    c.compileSymbol = function (node, frame) {
        const name = String(node.value);
        if (Object.hasOwn(template_ast/* PY_CONSTANTS */.yS, name) && !frame.lookup(name))
            this._emit(String(template_ast/* PY_CONSTANTS */.yS[name]));
        else
            origSymbol.call(this, node, frame);
    };
    // Python's unary operators (runtime.ddNeg/ddPos) instead of JavaScript's: nunjucks' `-x` turned a
    // float into an int (`-1.0` printed `-1`) and `- -1` into invalid JavaScript.
    for (const [kind, fn] of [['Neg', 'ddNeg'], ['Pos', 'ddPos']]) {
        c[`compile${kind}`] = function (node, frame) {
            this._emit(`runtime.${fn}(`);
            this.compile(node.target, frame);
            this._emit(')');
        };
    }
    const origLiteral = proto.compileLiteral;
    c.compileLiteral = function (node, frame) {
        if (typeof node.value === 'number' && Number.isInteger(node.value)) {
            const at = (starts[node.lineno] ?? 0) + node.colno;
            const spelled = /^[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?/.exec(src.slice(at, at + 64))?.[0] ?? '';
            if (/[.eE]/.test(spelled)) {
                this._emit(`runtime.ddFloat(${node.value})`);
                return;
            }
        }
        origLiteral.call(this, node, frame);
    };
    c.compile(nunjucks_internals/* transformer */.G.transform(ast, [], 'template'));
    return c.getCode();
}
/** Sets Jinja's extra loop attributes on the `loop` object nunjucks keeps in the loop's frame. */
function loopExtras(frame, arr, i, len) {
    const loop = frame.variables.loop;
    if (!loop)
        return;
    const seq = Array.isArray(arr) ? arr : null;
    loop.previtem = seq && i > 0 ? seq[i - 1] : undefined;
    loop.nextitem = seq && i < len - 1 ? seq[i + 1] : undefined;
    loop.depth = 1;
    loop.depth0 = 0;
    loop.cycle = (...items) => {
        if (items.length === 0)
            throw new template_errors/* TemplateRenderError */.Nz('no items for cycling given');
        return items[i % items.length];
    };
    if (!Object.hasOwn(loop, 'changed')) {
        let last;
        loop.changed = (...values) => {
            if (last !== undefined && (0,python_repr/* pyEquals */.PU)(values, last))
                return false;
            last = values;
            return true;
        };
    }
}
/** Python `in`: list membership by equality, substring, dict key. */
function pyIn(needle, haystack) {
    if (typeof haystack === 'string') {
        if (typeof needle !== 'string')
            throw new template_errors/* TemplateRenderError */.Nz("'in <string>' requires string as left operand");
        return haystack.includes(needle);
    }
    if (Array.isArray(haystack))
        return haystack.some((x) => (0,python_repr/* pyEquals */.PU)(needle, x));
    if ((0,python_repr/* isPlainObject */.Qd)(haystack))
        return (0,python_repr/* dictProperty */.sN)(haystack, needle) !== undefined;
    if (haystack === undefined)
        return false;
    throw new template_errors/* TemplateRenderError */.Nz(`argument of type '${haystack === null ? 'NoneType' : typeof haystack}' is not iterable`);
}
class CompiledTemplate {
    engine;
    source;
    analysis;
    root;
    blocks;
    /** Undeclared top-level names the template reads. */
    variables;
    variableList;
    constructor(engine, source, analysis, root, blocks) {
        this.engine = engine;
        this.source = source;
        this.analysis = analysis;
        this.root = root;
        this.blocks = blocks;
        this.variables = analysis.variables;
        this.variableList = [...analysis.variables];
    }
    /** Fails with UnknownVariableError unless every referenced name is allowed. */
    checkReferences(allowed) {
        const ok = typeof allowed === 'function' ? allowed : ((set) => (n) => set.has(n))(new Set(allowed));
        // Jinja's globals (range, dict, ...) are not in variables: find_undeclared_variables leaves them out.
        const unknown = this.variableList.filter((v) => !ok(v)).sort();
        if (unknown.length > 0)
            throw new template_errors/* UnknownVariableError */.nd(unknown);
    }
    /**
     * Renders one row. The record is prepared (JSON strings parsed, values sanitised) unless `prepared` says
     * the caller already did. Without compile-time allowedReferences, the row's keys are the allowed names.
     */
    render(record, opts = {}) {
        const prepared = opts.prepared ? record : prepareRecord(record);
        if (opts.checkReferences)
            this.checkReferences((n) => Object.hasOwn(prepared, n));
        const out = this.run(prepared, this.engine.runtime);
        this.engine.checkOutput(out, this, prepared);
        return out;
    }
    /** Runs the compiled function with a given runtime (finalize hook); errors become TemplateErrors. */
    run(prepared, runtime) {
        const context = new RenderContext(prepared, this.engine.env, this.blocks);
        const frame = new nunjucks_internals.nj.runtime.Frame();
        frame.topLevel = true;
        let result = '';
        let failure;
        try {
            this.root(this.engine.env, context, frame, runtime, (err, res) => {
                if (err)
                    failure = err;
                else
                    result = res ?? '';
            });
        }
        catch (e) {
            failure = e;
        }
        if (failure !== undefined)
            throw this.engine.toRenderError(failure, this, prepared);
        return result;
    }
}
class TemplateEngine {
    mode;
    env;
    runtime;
    availableFilters;
    maxRenderedLength;
    maxAstNodeCount;
    maxAstDepth;
    allowEmptyOutput;
    cache = new Map();
    constructor(opts = {}) {
        this.mode = opts.mode ?? 'secure';
        this.maxRenderedLength = opts.maxRenderedLength ?? MAX_RENDERED_LEN;
        this.maxAstNodeCount = opts.maxAstNodeCount ?? MAX_AST_NODE_COUNT;
        this.maxAstDepth = opts.maxAstDepth ?? MAX_AST_DEPTH;
        this.allowEmptyOutput = opts.allowEmptyOutput ?? false;
        // `[]` loaders: with none given nunjucks would read templates from ./views.
        this.env = new nunjucks_internals.nj.Environment([], { autoescape: false, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
        const builtin = this.env.filters;
        const filters = Object.create(null);
        if (this.mode === 'secure') {
            for (const name of template_filters/* ALLOWED_FILTERS */.dx)
                filters[name] = template_filters/* PY_FILTERS */.Y[name] ?? builtin[name];
        }
        else {
            Object.assign(filters, builtin, template_filters/* PY_FILTERS */.Y);
        }
        this.env.filters = filters;
        this.availableFilters = Object.keys(filters);
        this.env.tests = Object.assign(Object.create(null), this.env.tests, template_filters/* PY_TESTS */.Sg, JINJA_TESTS);
        // Jinja's globals, not nunjucks' (whose cycler and joiner differ in detail); see globals.ts.
        this.env.globals = (0,globals/* jinjaGlobals */.rT)();
        const runtime = (0,sandbox/* makeRuntime */.le)(opts.finalize ?? sandbox/* pyFinalize */.i);
        runtime.ddIn = pyIn;
        runtime.ddTuple = (items) => Object.setPrototypeOf(items, python_repr/* PyTuple */.Wc.prototype);
        runtime.ddLoopExtras = loopExtras;
        // Python iterates a dict's keys; nunjucks would run a one-name loop over an object zero times.
        const fromIterator = nunjucks_internals.nj.runtime.fromIterator;
        runtime.fromIterator = (v) => ((0,python_repr/* isPlainObject */.Qd)(v) ? (0,python_repr/* dictKeys */.DL)(v) : fromIterator(v));
        runtime.ddDict = (pairs) => {
            try {
                return (0,python_repr/* pyDict */.IO)(pairs);
            }
            catch (e) {
                throw new template_errors/* TemplateRenderError */.Nz(e.message);
            }
        };
        this.runtime = runtime;
    }
    /** Parses, checks (secure-mode rules, filters, references) and compiles; cached by template text. */
    compile(src, opts = {}) {
        let compiled = this.cache.get(src);
        if (!compiled) {
            compiled = this.build(src);
            this.cache.set(src, compiled);
        }
        if (opts.allowedReferences)
            compiled.checkReferences(opts.allowedReferences);
        return compiled;
    }
    /** Renders `src` against one row; the row's keys are the names the template may use. */
    render(src, record) {
        return this.compile(src).render(record, { checkReferences: true });
    }
    build(src) {
        const ast = (0,template_ast/* parseTemplate */.QC)(src);
        const analysis = (0,template_ast/* analyseTemplate */.wh)(ast);
        if (this.mode === 'secure') {
            if (analysis.forbidden)
                throw new template_errors/* TemplateSecurityError */.zR(analysis.forbidden);
            if (analysis.nodeCount > this.maxAstNodeCount || analysis.depth > this.maxAstDepth) {
                throw new template_errors/* TemplateSecurityError */.zR('Jinja template too complex, simplify your template.');
            }
        }
        for (const f of analysis.filters) {
            if (!Object.hasOwn(this.env.filters, f))
                throw new template_errors/* UnknownFilterError */.Rv(f, this.availableFilters);
        }
        let props;
        try {
            props = new Function(generateCode(ast, src))(); // eslint-disable-line no-new-func
        }
        catch (e) {
            throw (0,template_ast/* toSyntaxError */.ZF)(e);
        }
        const blocks = {};
        for (const k of Object.keys(props))
            if (k.startsWith('b_'))
                blocks[k.slice(2)] = props[k];
        return new CompiledTemplate(this, src, analysis, props.root, blocks);
    }
    /** Secure-mode output checks (empty, too long, an uncalled method's description). */
    checkOutput(out, tmpl, prepared) {
        if (this.mode !== 'secure')
            return;
        if (out.length === 0 && !this.allowEmptyOutput)
            throw new template_errors/* EmptyTemplateRenderError */.Wt(buildEmptyRenderMessage(tmpl.analysis.chains, prepared));
        if (out.length > this.maxRenderedLength) {
            throw new template_errors/* TemplateRenderError */.Nz(`Rendered Jinja template too large (${out.length} > ${this.maxRenderedLength}).`);
        }
        if (out.includes('<') && BUILTIN_PATTERNS.some((p) => piecesInOrder(out, p))) {
            throw new template_errors/* TemplateRenderError */.Nz('User template has uncalled __builtin__ method.');
        }
    }
    toRenderError(e, tmpl, prepared) {
        if (e instanceof sandbox/* UndefinedAccessError */.F0)
            return new template_errors/* EmptyTemplateRenderError */.Wt(buildEmptyRenderMessage(tmpl.analysis.chains, prepared), e);
        if (e instanceof template_errors/* TemplateError */.$w)
            return e;
        const msg = String(e?.message ?? e).replace(/^\(unknown path\)(?: \[Line \d+, Column \d+\])?\n\s*/, '').replace(/^Error: /, '');
        return new template_errors/* TemplateRenderError */.Nz(`Template rendering failed: ${msg}`, e);
    }
}

;// CONCATENATED MODULE: ./src/template/conditions.ts
/**
 * Templates evaluated as conditions rather than text: sampler `conditional_params` keys (a row matches
 * when `{{ cond }}` prints exactly `True`) and `skip.when` (Jinja native types: the expression's value,
 * Python truthiness; any template error means "skip").
 */





const conditionEngines = new Map();
function engineFor(mode) {
    let e = conditionEngines.get(mode);
    if (!e) {
        e = new TemplateEngine({ mode, allowEmptyOutput: true });
        conditionEngines.set(mode, e);
    }
    return e;
}
/** A `conditional_params` key against one row of sampled values: true iff `{{ cond }}` renders `True`. */
function evalCondition(cond, record, mode = 'secure') {
    // Data Designer's JinjaDataFrame.select_index renders the frame's row as it is (sampling_gen/
    // jinja_utils.py): a text cell stays text, where column templates see JSON-looking text parsed.
    return engineFor(mode).compile(`{{ ${cond} }}`).render(prepareRecord(record, { keepText: true }), { prepared: true }) === 'True';
}
// Native evaluation keeps the raw values the template prints, instead of their text.
let captured = null;
const captureRuntime = (0,sandbox/* makeRuntime */.le)((v) => {
    captured?.push(v);
    return (0,python_repr/* pyStr */.rD)(v);
});
/** Python's literal_eval for the few literals a rendered condition can spell. */
function literalValue(text) {
    const t = text.trim();
    if (t === 'True')
        return true;
    if (t === 'False')
        return false;
    if (t === 'None' || t === '')
        return t === '' ? '' : null;
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t))
        return Number(t);
    if (t === '[]' || t === '{}' || t === '()' || t === "''" || t === '""')
        return null;
    return text;
}
/**
 * `skip.when` for one row: true means skip. Undefined access, sandbox refusals, syntax and type errors all
 * count as "skip", as in Data Designer.
 */
function evalSkipWhen(expr, record, mode = 'secure') {
    try {
        const engine = engineFor(mode);
        const compiled = engine.compile(expr);
        const prepared = prepareRecord(record);
        compiled.checkReferences((n) => Object.hasOwn(prepared, n));
        const outer = captured;
        captured = [];
        let text;
        let values;
        try {
            text = compiled.run(prepared, captureRuntime);
            values = captured;
        }
        finally {
            captured = outer;
        }
        // StrictUndefined: printing an undefined value is an error there, so it skips.
        if (values.some((v) => v === undefined))
            return true;
        // One `{{ expr }}` and nothing else but whitespace: its value itself (native types).
        if (values.length === 1 && text.trim() === (0,python_repr/* pyStr */.rD)(values[0]).trim())
            return (0,python_repr/* pyTruthy */.Kn)(values[0]);
        return (0,python_repr/* pyTruthy */.Kn)(literalValue(text));
    }
    catch (e) {
        if (e instanceof template_errors/* TemplateError */.$w)
            return true;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/template/json-template.ts
/**
 * The `schema_transform` processor's template: a JSON object whose strings hold Jinja. Like Data
 * Designer, the whole object is serialised and rendered as ONE template per row, with every `{{ value }}`
 * escaped for its place inside a JSON string; the result is parsed back into the output record. So every
 * templated leaf comes out as a string, while literals keep their JSON types.
 */




/** Python's `json.dumps` (", " and ": " separators, ASCII-only output, `1.0` for floats). */
function json_template_pyJsonDumps(v) {
    if (v === null || v === undefined)
        return 'null';
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'string')
        return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (v instanceof python_repr/* PyFloat */.g$)
        return (0,python_repr/* pyFloatRepr */.XO)(v.value);
    if (typeof v === 'number')
        return Number.isInteger(v) ? (0,python_repr/* pyStr */.rD)(v) : Number.isFinite(v) ? (0,python_repr/* pyFloatRepr */.XO)(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    if (Array.isArray(v))
        return `[${v.map(json_template_pyJsonDumps).join(', ')}]`;
    if ((0,python_repr/* isPlainObject */.Qd)(v)) {
        // json.dumps writes a non-string key as its JSON text in quotes ({1: 'a'} → {"1": "a"}).
        const keys = (0,python_repr/* dictKeys */.DL)(v);
        return `{${Object.keys(v).map((k, i) => `${json_template_pyJsonDumps(typeof keys[i] === 'string' ? keys[i] : json_template_pyJsonDumps(keys[i]))}: ${json_template_pyJsonDumps(v[k])}`).join(', ')}}`;
    }
    return json_template_pyJsonDumps(String(v));
}
/** Data Designer's `_escape_value_for_json`: the text that replaces `{{ value }}` inside a JSON string. */
function escapeForJsonString(v) {
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'string')
        return JSON.stringify(v).slice(1, -1);
    if (Array.isArray(v) || (0,python_repr/* isPlainObject */.Qd)(v))
        return JSON.stringify(json_template_pyJsonDumps(v)).slice(1, -1);
    if (v === null || v === undefined)
        return 'null';
    if ((0,python_repr/* num */.bu)(v) !== undefined)
        return (0,python_repr/* pyStr */.rD)(v);
    return JSON.stringify((0,python_repr/* pyStr */.rD)(v)).slice(1, -1);
}
const engines = new Map();
function json_template_engineFor(mode) {
    let e = engines.get(mode);
    if (!e) {
        e = new TemplateEngine({ mode, finalize: escapeForJsonString });
        engines.set(mode, e);
    }
    return e;
}
/** The template text Data Designer renders: `json.dumps(template)`. */
function jsonTemplateSource(template) {
    return json_template_pyJsonDumps(template);
}
/** Renders a schema-transform template for one row and returns the output record. */
function renderJsonTemplate(template, record, opts = {}) {
    const engine = json_template_engineFor(opts.mode ?? 'secure');
    const compiled = engine.compile(jsonTemplateSource(template), { allowedReferences: opts.allowedReferences });
    // Data Designer only deserialises here (no sanitising round trip before the secure render does its own).
    const prepared = deserializeJsonValues(record);
    const text = compiled.render(prepared, { checkReferences: opts.allowedReferences === undefined });
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new template_errors/* TemplateRenderError */.Nz(`The schema transform template did not render to valid JSON: ${e.message}`, e);
    }
}

;// CONCATENATED MODULE: ./src/engine/templating.ts
/**
 * The engine's one doorway to src/template: which rendering mode a stage uses, its TemplateEngine for
 * expressions and prompts, and the three per-row evaluations the engine needs — a sampler condition,
 * a skip gate and a schema_transform JSON template. The semantics live in src/template (conditions.ts,
 * json-template.ts); this file only binds them to the stage's mode.
 */



function engineTemplates(mode = 'secure') {
    return { mode, main: new TemplateEngine({ mode }) };
}
/** A sampler `conditional_params` key (no braces) holds when it renders exactly `True`. */
function conditionEvaluator(templates) {
    return (condition, record) => evalCondition(condition, record, templates.mode);
}
/** `skip.when`: true → skip (native-types truthiness; any template error skips, as in Data Designer). */
function skipEvaluator(templates, when) {
    return (record) => evalSkipWhen(when, record, templates.mode);
}
/** schema_transform: the template rendered for one row into the output record. */
function jsonTemplateRenderer(templates, template) {
    return (record) => renderJsonTemplate(template, record, { mode: templates.mode });
}

;// CONCATENATED MODULE: ./src/engine/skip.ts


function skipGate(column, templates, skipValue = column.skip?.value ?? null) {
    const propagate = column.propagate_skip !== false;
    const upstream = [...new Set([...requiredColumns(column), ...skipColumns(column)])];
    const when = column.skip?.when ? skipEvaluator(templates, column.skip.when) : null;
    const sideEffects = sideEffectColumns(column);
    return {
        active: when !== null || propagate,
        apply(group, i) {
            const skippedHere = group.skipped[i];
            let skip = false;
            if (propagate && skippedHere) {
                for (const u of upstream) {
                    // A side-effect name (`x__trace`) propagates the skip of its producer `x`.
                    const producer = u.replace(/__(trace|reasoning_content)$/, '');
                    if (skippedHere.has(u) || skippedHere.has(producer)) {
                        skip = true;
                        break;
                    }
                }
            }
            if (!skip && when)
                skip = when(group.rows[i]);
            if (!skip)
                return false;
            const row = group.rows[i];
            row[column.name] = skipValue;
            for (const s of sideEffects)
                row[s] = null;
            (group.skipped[i] ??= new Set()).add(column.name);
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/generators/llm.ts
/**
 * LLM-backed columns (llm-text, llm-code, llm-structured, llm-judge) and embeddings: one model call
 * per cell through the injected model runtime (src/llm's facade), a bounded number in flight. A cell
 * that fails for good drops its row (counted by reason); a cell lost to a transient cause (the provider
 * down or rate limiting, after the retry budget) also leaves its row out, and the engine keeps its group
 * from being recorded as complete. The early-shutdown monitor stops the stage when too many recent
 * cells failed.
 */












/**
 * Raised to stop the stage: the failure rate over the recent window reached shutdown_error_rate.
 * `drops` are the rows of the in-flight group to remove (failed, or left incomplete by the stop); the
 * group's other rows are complete and are salvaged (written), as Data Designer does.
 */
class EarlyShutdownError extends diagnostics/* DdflowError */.Zq {
    drops;
    constructor(message, drops = new Map()) {
        super(message);
        this.drops = drops;
    }
}
/** Reason recorded for rows left incomplete when generation stopped early. */
const EARLY_SHUTDOWN_REASON = 'early_shutdown';
/** Reason recorded for rows abandoned by a cancelled run (their group is never recorded). */
const CANCELLED_REASON = 'cancelled';
/** Runs `task(i)` for each index with at most `limit` in flight. */
async function forEachLimited(count, limit, task) {
    let next = 0;
    const worker = async () => {
        while (next < count)
            await task(next++);
    };
    await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
function recipeFor(column) {
    switch (columnKind(column)) {
        case 'llm-code':
            return (0,recipes/* codeRecipe */._t)(column.code_lang);
        case 'llm-structured': {
            const fmt = column.output_format;
            return (0,recipes/* structuredRecipe */.Sq)((typeof fmt === 'string' ? JSON.parse(fmt) : fmt));
        }
        case 'llm-judge':
            return (0,recipes/* judgeRecipe */.MG)(column.scores);
        default:
            return (0,recipes/* textRecipe */.g9)();
    }
}
function failureReason(err) {
    if (err instanceof errors/* LlmError */.Cf)
        return err.reason;
    if (err instanceof template_errors/* TemplateError */.$w)
        return 'TemplateRenderError';
    return err instanceof Error ? err.name : 'Error';
}
class CellGenerator {
    column;
    ctx;
    deps;
    dtypes = new Map();
    constructor(column, ctx, deps) {
        this.column = column;
        this.ctx = ctx;
        this.deps = deps;
    }
    warned = new Set();
    /** A warning from the model layer, given once per column and stage. */
    warnOnce(message) {
        if (this.warned.has(message))
            return;
        this.warned.add(message);
        this.ctx.warn(`Column '${this.column.name}': ${message}`);
    }
    generate(group) {
        return new CellPipeline([this], this.ctx, this.deps).generate(group);
    }
}
/**
 * Consecutive cell-by-cell columns run row by row: each row goes through the columns in order as soon
 * as its previous cell is done (as Data Designer's scheduler runs a row's cells when their inputs are
 * ready), with a bounded number of rows in flight. A row that fails a cell is dropped (counted by
 * reason) and makes no further calls. When the early-shutdown monitor trips, rows that already finished
 * every column are kept (salvaged); the rest of the group is dropped as incomplete.
 */
class CellPipeline {
    cells;
    ctx;
    deps;
    column;
    outputColumns;
    dtypes = new Map();
    constructor(cells, ctx, deps) {
        this.cells = cells;
        this.ctx = ctx;
        this.deps = deps;
        this.column = cells[0].column;
        this.outputColumns = cells.flatMap((c) => c.outputColumns);
        for (const c of cells)
            for (const [k, v] of c.dtypes)
                this.dtypes.set(k, v);
    }
    stopMessage() {
        const names = this.cells.map((c) => `'${c.column.name}'`).join(', ');
        return `Generation stopped early: too many failed cells (shutdown_error_rate reached) while generating ${names}; completed rows are kept.`;
    }
    async generate(group) {
        const drops = new Map();
        if (this.deps.stopped?.()) {
            for (let i = 0; i < group.rows.length; i++)
                drops.set(i, EARLY_SHUTDOWN_REASON);
            throw new EarlyShutdownError(this.stopMessage(), drops);
        }
        const gates = this.cells.map((c) => skipGate(c.column, this.ctx.templates));
        // Aborted on early shutdown (or with the run): calls still waiting for admission never go out.
        const halt = new AbortController();
        (0,external_node_events_.setMaxListeners)(0, halt.signal);
        const parent = this.ctx.signal;
        const onParentAbort = () => halt.abort();
        if (parent?.aborted)
            halt.abort();
        else
            parent?.addEventListener('abort', onParentAbort, { once: true });
        let stop = false;
        const stopNow = () => {
            stop = true;
            halt.abort();
        };
        const rowTask = async (i) => {
            for (let k = 0; k < this.cells.length; k++) {
                if (parent?.aborted) {
                    drops.set(i, CANCELLED_REASON);
                    return;
                }
                if (stop) {
                    drops.set(i, EARLY_SHUTDOWN_REASON);
                    return;
                }
                const gate = gates[k];
                if (gate.active && gate.apply(group, i))
                    continue;
                const cell = this.cells[k];
                try {
                    await cell.cell(group, i, halt.signal);
                    if (this.deps.recordOutcome('success'))
                        stopNow();
                }
                catch (err) {
                    if (err instanceof template_errors/* TemplateError */.$w && err.scope === 'template')
                        throw err;
                    if (parent?.aborted) {
                        // The run was cancelled (Ctrl-C, the job cancelled): the cell was abandoned, it did not fail.
                        // It must not count toward early shutdown; the engine leaves the group unrecorded.
                        drops.set(i, CANCELLED_REASON);
                        return;
                    }
                    if (err instanceof deferred/* DeferredCallError */.Oy) {
                        // Batch mode: the call waits in a provider batch; the row is left out of this round, and
                        // neither counts as a failure nor makes any further call.
                        drops.set(i, deferred/* DEFERRED_REASON */.tn);
                        return;
                    }
                    if (stop && err instanceof errors/* LlmError */.Cf && err.kind === 'cancelled' && !parent?.aborted) {
                        // Abandoned by the early shutdown, not a failure of its own.
                        drops.set(i, EARLY_SHUTDOWN_REASON);
                        return;
                    }
                    if (err instanceof errors/* LlmError */.Cf && err.kind === 'budget_exhausted') {
                        // The run's budget refused the request: nothing more is sent, but the cells in flight finish
                        // (they are paid for; their answers go to the call store for the rerun). Not a failure.
                        drops.set(i, failureReason(err));
                        this.deps.onTransientLoss?.(err);
                        stop = true;
                        return;
                    }
                    const transient = (0,outcomes/* isTransientLoss */.Gr)(err);
                    drops.set(i, failureReason(err));
                    this.deps.onFailure?.(err.message);
                    if (transient)
                        this.deps.onTransientLoss?.(err);
                    this.ctx.log.debug(`${transient ? 'Transient' : 'Permanent'} failure on ${cell.column.name}[rg=${group.index}, row=${i}]: ${err.message}`);
                    // A transient error reaches here only once its retry budget ran out: it counts toward early
                    // shutdown like any failure. A rate-limit stall stops the stage at once.
                    if (this.deps.recordOutcome(transient ? 'retryable' : 'failure') || (transient && err.kind === 'rate_limit_stall'))
                        stopNow();
                    return;
                }
            }
        };
        await forEachLimited(group.rows.length, this.deps.concurrency, async (i) => {
            const recordIndex = group.recordIndex[i];
            try {
                await rowTask(i);
            }
            finally {
                this.deps.onRowSettled?.(recordIndex, drops.has(i));
            }
        }).finally(() => parent?.removeEventListener('abort', onParentAbort));
        if (stop)
            throw new EarlyShutdownError(this.stopMessage(), drops);
        return drops;
    }
}
/** Merges runs of consecutive cell-by-cell generators into row pipelines (order is kept). */
function pipelineCells(generators, ctx, deps) {
    if (!deps)
        return [...generators];
    const out = [];
    let run = [];
    const flush = () => {
        if (run.length > 0)
            out.push(new CellPipeline(run, ctx, deps));
        run = [];
    };
    for (const g of generators) {
        if (g instanceof CellGenerator)
            run.push(g);
        else {
            flush();
            out.push(g);
        }
    }
    flush();
    return out;
}
class LlmColumnGenerator extends CellGenerator {
    outputColumns;
    prompt;
    system;
    recipe;
    stream;
    constructor(column, ctx, deps) {
        super(column, ctx, deps);
        this.outputColumns = [column.name, ...sideEffectColumns(column)];
        this.prompt = ctx.templates.main.compile(column.prompt);
        this.system = column.system_prompt ? ctx.templates.main.compile(column.system_prompt) : null;
        this.recipe = recipeFor(column);
        this.stream = (0,random/* columnStreams */.SS)(ctx.seed, ctx.stageName, column.name);
        if (columnKind(column) === 'llm-structured' || columnKind(column) === 'llm-judge')
            this.dtypes.set(column.name, 'json');
        else
            this.dtypes.set(column.name, 'str');
    }
    async cell(group, i, signal = this.ctx.signal) {
        const column = this.column;
        const row = group.rows[i];
        const recordIndex = group.recordIndex[i];
        const result = await this.deps.models.generate({
            alias: column.model_alias,
            prompt: this.prompt.render(row),
            systemPrompt: this.system ? this.system.render(row) : null,
            ...(column.multi_modal_context?.length ? { images: (0,multimodal/* contextBlocks */.qH)(column.multi_modal_context, await withMediaData(row, column.multi_modal_context, this.ctx.mediaRoots ?? []), column.name) } : {}),
            recipe: this.recipe,
            rng: this.stream(recordIndex),
            recordKey: recordIndex,
            column: column.name,
            withTrace: column.with_trace ?? 'none',
            extractReasoning: column.extract_reasoning_content === true,
            signal,
            onNotice: this.deps.onNotice,
            ...(column.tool_alias ? { toolAlias: column.tool_alias } : {}),
        });
        row[column.name] = result.value;
        for (const w of result.warnings ?? [])
            this.warnOnce(w);
        if (column.with_trace && column.with_trace !== 'none')
            row[`${column.name}__trace`] = result.trace ?? null;
        if (column.extract_reasoning_content)
            row[`${column.name}__reasoning_content`] = result.reasoning ?? null;
    }
}
class EmbeddingColumnGenerator extends CellGenerator {
    outputColumns;
    constructor(column, ctx, deps) {
        super(column, ctx, deps);
        this.outputColumns = [column.name];
        this.dtypes.set(column.name, 'json');
    }
    async cell(group, i, signal = this.ctx.signal) {
        const column = this.column;
        const row = group.rows[i];
        row[column.name] = await this.deps.models.embed({
            alias: column.model_alias,
            input: row[column.target_column],
            recordKey: group.recordIndex[i],
            column: column.name,
            signal,
            onNotice: this.deps.onNotice,
        });
    }
}

;// CONCATENATED MODULE: ./src/engine/progress-tracker.ts
/** Least time between two progress events of a stage while rows complete. */
const PROGRESS_EVERY_MS = 200;
class StageProgressTracker {
    stage;
    rowsTotal;
    groupsTotal;
    pipelines;
    tokens;
    emit;
    now;
    processed = 0;
    resumed = 0;
    groupsDone = 0;
    inGroup = 0;
    /** Model pipelines a row of the current group has left, by record index. */
    settled = new Map();
    last = 0;
    constructor(stage, rowsTotal, groupsTotal, 
    /** Model pipelines (runs of consecutive model columns) a row goes through. */
    pipelines, tokens, emit, now = () => Date.now()) {
        this.stage = stage;
        this.rowsTotal = rowsTotal;
        this.groupsTotal = groupsTotal;
        this.pipelines = pipelines;
        this.tokens = tokens;
        this.emit = emit;
        this.now = now;
    }
    /** A row group kept from an earlier run. */
    reused(size) {
        this.processed += size;
        this.resumed += size;
        this.groupsDone++;
    }
    groupStarted() {
        this.inGroup = 0;
        this.settled.clear();
    }
    /** A row left a model pipeline (`dropped`: it goes no further). */
    rowSettled(recordIndex, dropped) {
        const n = (this.settled.get(recordIndex) ?? 0) + 1;
        if (dropped || n >= this.pipelines) {
            this.settled.delete(recordIndex);
            this.inGroup++;
            this.report(false);
        }
        else {
            this.settled.set(recordIndex, n);
        }
    }
    /** Every row of the group is generated (its write may still be under way). */
    groupGenerated(size) {
        this.processed += size;
        this.inGroup = 0;
        this.settled.clear();
    }
    /** A row group was written and recorded. */
    groupRecorded() {
        this.groupsDone++;
        this.report(true);
    }
    /** Reports now (`force`), or when the last report is old enough. */
    report(force) {
        if (!this.emit)
            return;
        const t = this.now();
        if (!force && t - this.last < PROGRESS_EVERY_MS)
            return;
        this.last = t;
        this.emit(this.snapshot());
    }
    snapshot() {
        return {
            stage: this.stage,
            rowsDone: Math.min(this.rowsTotal, this.processed + this.inGroup),
            rowsTotal: this.rowsTotal,
            rowsResumed: this.resumed,
            rowGroupsDone: this.groupsDone,
            rowGroupsTotal: this.groupsTotal,
            tokens: this.tokens(),
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/generators/custom.ts







/** Reason name of records skipped because the function failed on them (Data Designer's error class). */
const CUSTOM_FAILURE_REASON = 'CustomColumnGenerationError';
/** Rows of a group whose function calls may be in flight at once (async functions, a `run:` pipe). */
const MAX_ROWS_IN_FLIGHT = 64;
const isRow = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
class CustomColumnGenerator {
    column;
    ctx;
    models;
    outputColumns;
    dtypes = new Map();
    sideEffects;
    fullColumn;
    warned = new Set();
    constructor(column, ctx, available, models) {
        this.column = column;
        this.ctx = ctx;
        this.models = models;
        this.sideEffects = sideEffectColumns(column);
        this.outputColumns = [column.name, ...this.sideEffects];
        this.fullColumn = column.generation_strategy === 'full_column';
        const missing = (column.custom_column_metadata?.required_columns ?? []).filter((r) => !available.has(r));
        if (missing.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`Missing required columns for custom generator '${column.name}': [${missing.map((m) => `'${m}'`).join(', ')}]`, { node: { of: column, field: 'generator_function' } });
        }
        if (!ctx.functions)
            throw new diagnostics/* DdflowError */.Zq(`Custom column '${column.name}' needs its function '${column.generator_function}', but no functions were bound for this stage.`);
        if ((column.custom_column_metadata?.model_aliases ?? []).length > 0 && !models) {
            throw new diagnostics/* DdflowError */.Zq(`Custom column '${column.name}' declares model_aliases, but no model runtime was configured for this stage.`);
        }
    }
    async generate(group) {
        const fn = await this.ctx.functions.get(this.column.generator_function);
        const gate = skipGate(this.column, this.ctx.templates);
        const todo = [];
        for (let i = 0; i < group.rows.length; i++)
            if (!(gate.active && gate.apply(group, i)))
                todo.push(i);
        return this.fullColumn ? this.generateGroup(fn, group, todo) : this.generateCells(fn, group, todo);
    }
    async generateCells(fn, group, todo) {
        const drops = new Map();
        let next = 0;
        const worker = async () => {
            while (next < todo.length) {
                const i = todo[next++];
                const before = group.rows[i];
                const lost = {};
                try {
                    const result = await fn.call({ row: { ...before }, params: this.column.generator_params ?? null }, this.modelsFor(`${group.recordIndex[i]}`, lost));
                    try {
                        group.rows[i] = this.checked(result, before, 'row');
                    }
                    catch (err) {
                        // A result of the wrong shape for one record (not a dict, the column missing) skips that
                        // record, as Data Designer's CustomColumnGenerationError does — it once failed the stage.
                        if (!(err instanceof diagnostics/* DdflowError */.Zq))
                            throw err;
                        drops.set(i, CUSTOM_FAILURE_REASON);
                        this.ctx.warn(`⚠️ Custom generator function '${this.column.generator_function}' failed for column '${this.column.name}'. This record will be skipped. ${err.message}`);
                    }
                }
                catch (err) {
                    if (!(err instanceof engine_functions/* FunctionCallError */.nn) || this.ctx.signal?.aborted)
                        throw err;
                    // A model call of the function failed for now (provider down, 5xx, 429s, a budget): the row is
                    // not the function's failure and must not be dropped for good — the stage stops, resumable.
                    if (lost.error)
                        throw lost.error;
                    drops.set(i, CUSTOM_FAILURE_REASON);
                    this.ctx.warn(`⚠️ Custom generator function '${this.column.generator_function}' failed for column '${this.column.name}'. This record will be skipped. ${err.message}`);
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(MAX_ROWS_IN_FLIGHT, todo.length) }, worker));
        return drops;
    }
    async generateGroup(fn, group, todo) {
        if (todo.length === 0)
            return new Map();
        const inputs = todo.map((i) => ({ ...group.rows[i] }));
        let result;
        const lost = {};
        try {
            result = await fn.call({ rows: inputs, params: this.column.generator_params ?? null }, this.modelsFor(`rg${group.index}`, lost));
        }
        catch (err) {
            if (lost.error && !this.ctx.signal?.aborted)
                throw lost.error;
            if (err instanceof engine_functions/* FunctionCallError */.nn)
                throw new diagnostics/* DdflowError */.Zq(`Custom generator function failed for column '${this.column.name}': ${err.message}`, { node: { of: this.column, field: 'generator_function' } });
            throw err;
        }
        if (!Array.isArray(result) || result.length !== inputs.length) {
            throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${this.column.name}' (full_column) must return its ${inputs.length} rows in order, got ${Array.isArray(result) ? `${result.length} rows` : typeof result}.`, { node: { of: this.column, field: 'generator_function' } });
        }
        todo.forEach((i, k) => (group.rows[i] = this.checked(result[k], group.rows[i], 'DataFrame')));
        return new Map();
    }
    /** Data Designer's _validate_output: the row the function returned, minus undeclared new columns. */
    checked(result, before, container) {
        const name = this.column.name;
        if (!isRow(result)) {
            throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${name}' must return a ${container === 'row' ? 'dict' : 'list of rows'}, got ${Array.isArray(result) ? 'list' : result === null ? 'null' : typeof result}`);
        }
        if (!(name in result)) {
            throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${name}' did not create the expected column. The generator_function must add a key named '${name}' to the ${container}.`);
        }
        const missing = this.sideEffects.filter((s) => !(s in result));
        if (missing.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${name}' did not create declared side_effect_columns: [${missing.map((m) => `'${m}'`).join(', ')}]. Declared side_effect_columns must be added to the ${container}.`);
        }
        for (const col of [name, ...this.sideEffects]) {
            const problem = storableProblem(result[col]);
            if (problem)
                throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${name}' returned ${problem} in column '${col}', which a dataset cannot hold (return text, numbers, booleans, null, lists or plain objects).`);
        }
        const removed = Object.keys(before).filter((k) => !(k in result));
        if (removed.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`Custom generator for column '${name}' removed pre-existing columns: [${removed.map((m) => `'${m}'`).join(', ')}]. The generator_function must not remove any existing columns.`);
        }
        const allowed = new Set([...Object.keys(before), ...this.outputColumns]);
        const undeclared = Object.keys(result).filter((k) => !allowed.has(k));
        if (undeclared.length === 0)
            return result;
        const key = undeclared.join('\0');
        if (!this.warned.has(key)) {
            this.warned.add(key);
            this.ctx.warn(`⚠️ Custom generator for column '${name}' created undeclared columns: [${undeclared.map((m) => `'${m}'`).join(', ')}]. These columns will be removed. To keep additional columns, declare them in side_effect_columns.`);
        }
        const out = {};
        for (const [k, v] of Object.entries(result))
            if (allowed.has(k))
                out[k] = v;
        return out;
    }
    /** The `models` argument: text generation through the stage's model runtime (call store, retries, usage). */
    modelsFor(scope, lost) {
        const aliases = this.column.custom_column_metadata?.model_aliases ?? [];
        if (aliases.length === 0 || !this.models)
            return undefined;
        const runtime = this.models;
        const streams = (0,random/* columnStreams */.SS)(this.ctx.seed, this.ctx.stageName, this.column.name);
        let calls = 0;
        const recordIndex = Number.parseInt(scope, 10);
        return Object.fromEntries(aliases.map((alias) => [
            alias,
            {
                generate: async (prompt, options) => {
                    const n = calls++;
                    const result = await runtime
                        .generate({
                        alias,
                        prompt: String(prompt),
                        systemPrompt: options?.system_prompt ?? null,
                        recipe: (0,recipes/* textRecipe */.g9)(),
                        rng: streams(Number.isFinite(recordIndex) ? recordIndex : 0, n),
                        // The n-th call of this record (or row group): a rerun asks the same calls in the same order.
                        recordKey: `${scope}#${n}`,
                        column: this.column.name,
                        signal: this.ctx.signal,
                    })
                        .catch((err) => {
                        if ((0,outcomes/* isTransientLoss */.Gr)(err))
                            lost.error ??= err;
                        throw err;
                    });
                    return String(result.value);
                },
            },
        ]));
    }
}
/**
 * What in a value a parquet cell (through JSON) cannot hold, described, or undefined: a Map was stored as
 * `{}` and a function failed the stage with a parquet writer's TypeError.
 */
function storableProblem(v, depth = 0) {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean')
        return undefined;
    if (typeof v === 'number')
        return undefined;
    if (typeof v === 'bigint')
        return v >= -(2n ** 63n) && v < 2n ** 63n ? undefined : 'an integer beyond 64 bits';
    if (typeof v === 'function')
        return 'a function';
    if (typeof v === 'symbol')
        return 'a symbol';
    if (depth > 64)
        return 'a value nested deeper than 64 levels';
    if (v instanceof Date || ArrayBuffer.isView(v))
        return undefined;
    if (Array.isArray(v)) {
        for (const item of v) {
            const p = storableProblem(item, depth + 1);
            if (p)
                return p;
        }
        return undefined;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null)
        return `a ${v.constructor?.name ?? 'non-plain'} object`;
    for (const item of Object.values(v)) {
        const p = storableProblem(item, depth + 1);
        if (p)
            return p;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/config/skip-value.ts
var skip_value = __webpack_require__(48903);
;// CONCATENATED MODULE: ./src/engine/generators/expression-program.ts
/**
 * An expression template compiled once per stage into a column program: one generated JavaScript
 * function that reads the row group's cells directly and concatenates the output, for templates made
 * of literal text and `{{ name }}` / `{{ x <op> y }}` slots (op: + - *, operands: column names and
 * number literals). The full renderer prepares a fresh record per row (every column's JSON-looking
 * strings parsed), builds a nunjucks context and frame, and runs the guarded runtime: profiled, that was
 * 25 µs of a 26 µs cell. The program allocates nothing per row but its output string.
 *
 * Exactness: the program prints a value only when it is certain to print what the renderer prints for
 * the same cell (the renderer's own helpers: tryParseJson for record strings, pyFloatRepr for floats,
 * Python's int/float rule of sandbox.ts for arithmetic). Anything else — null, NaN, nested values,
 * strings the renderer would turn into something else, booleans in arithmetic, output that is empty,
 * contains `<` or is too long — returns undefined, and that row goes through the full renderer (which
 * also raises the errors and drop reasons). The differential test in test/engine/expression-program.test.ts
 * checks program vs renderer on random rows.
 */



const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER_LITERAL = /^\d+(?:\.\d+)?$/;
const SLOT = /^\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?)(?:\s*([+\-*])\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?))?\s*$/;
/** Names with a meaning of their own in Jinja (constants, operators, tests, the loop variable). */
const RESERVED = new Set(['True', 'False', 'None', 'true', 'false', 'none', 'not', 'and', 'or', 'in', 'is', 'if', 'else', 'loop', 'range', 'self', 'super', 'caller', 'varargs', 'kwargs']);
function operand(tok) {
    if (NUMBER_LITERAL.test(tok))
        return { value: Number(tok), float: tok.includes('.') };
    if (!IDENT.test(tok) || RESERVED.has(tok))
        return null;
    return { name: tok };
}
/** Literal text and slots, or null when the template has any other construct. */
function parse(expr) {
    const parts = [];
    let at = 0;
    while (at < expr.length) {
        const open = expr.indexOf('{{', at);
        const literal = open < 0 ? expr.slice(at) : expr.slice(at, open);
        // Literal text is copied as is only without braces (tags, comments, stray delimiters) and line
        // breaks (Jinja's trailing-newline and whitespace rules): those templates take the renderer.
        if (/[{}\r\n\u2028\u2029]/.test(literal))
            return null;
        if (literal)
            parts.push(literal);
        if (open < 0)
            break;
        const close = expr.indexOf('}}', open + 2);
        if (close < 0)
            return null;
        const m = SLOT.exec(expr.slice(open + 2, close));
        if (!m)
            return null;
        const left = operand(m[1]);
        if (!left)
            return null;
        if (m[2]) {
            const right = operand(m[3]);
            if (!right)
                return null;
            parts.push({ op: m[2], left, right });
        }
        else
            parts.push({ operand: left });
        at = close + 2;
    }
    return parts.some((p) => typeof p !== 'string') ? parts : null;
}
/** Python str() of an int or float the way the renderer prints a number (undefined: not certain). */
function printNumber(x, float) {
    if (!Number.isFinite(x))
        return undefined;
    if (float || !Number.isInteger(x))
        return (0,python_repr/* pyFloatRepr */.XO)(x);
    return Math.abs(x) < 1e16 ? String(x) : undefined;
}
/** What `{{ name }}` prints for a record cell, as prepareRecord + pyStr would (undefined: not certain). */
function printCell(v) {
    if (typeof v === 'string') {
        const p = tryParseJson(v);
        if (p === NOT_JSON)
            return v;
        if (typeof p === 'string')
            return p;
        if (typeof p === 'number')
            return printNumber(p, false);
        if (typeof p === 'boolean')
            return p ? 'True' : 'False';
        if (p === null)
            return 'None';
        return undefined;
    }
    if (typeof v === 'number')
        return printNumber(v, false);
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    return undefined;
}
/** A record cell as an arithmetic operand (a finite number, also from a JSON number text), or undefined. */
function numericCell(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string') {
        const p = tryParseJson(v);
        return typeof p === 'number' && Number.isFinite(p) ? p : undefined;
    }
    return undefined;
}
/** `x op y` as the renderer computes it (JavaScript doubles), or undefined when not finite. */
function arithmetic(op, x, y) {
    const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
    return Number.isFinite(r) ? r : undefined;
}
/** Whether printNumber(x, float) is defined, without printing. */
function printable(x, float) {
    return Number.isFinite(x) && (float || !Number.isInteger(x) || Math.abs(x) < 1e16);
}
/** The text of a rendering, when the renderer's secure-mode output checks would pass it unchanged. */
function acceptOutput(out) {
    if (out.length === 0 || out.length > MAX_RENDERED_LEN || out.includes('<'))
        return undefined;
    return out;
}
const js = (s) => JSON.stringify(s);
/** `row[name]` read once per slot; operand code yields a number or exits with undefined. */
function operandCode(o, v, isFloat) {
    if ('value' in o) {
        if (o.float || !Number.isInteger(o.value))
            isFloat.push('true');
        return `const ${v} = ${String(o.value)};`;
    }
    isFloat.push(`!Number.isInteger(${v})`);
    return `const ${v} = numericCell(row[${js(o.name)}]); if (${v} === undefined) return undefined;`;
}
function slotCode(slot, id) {
    if ('operand' in slot) {
        const o = slot.operand;
        if ('value' in o)
            return { code: '', textCode: '', text: js(printNumber(o.value, o.float) ?? ''), numberCheck: '', numberResult: '' };
        const cell = `c${id}`;
        return { code: '', textCode: `const ${cell} = printCell(row[${js(o.name)}]); if (${cell} === undefined) return undefined;`, text: cell, numberCheck: '', numberResult: '' };
    }
    const isFloat = [];
    const x = `x${id}`;
    const y = `y${id}`;
    const r = `r${id}`;
    const t = `t${id}`;
    const code = [
        operandCode(slot.left, x, isFloat),
        operandCode(slot.right, y, isFloat),
        `const ${r} = arithmetic(${js(slot.op)}, ${x}, ${y}); if (${r} === undefined) return undefined;`,
    ].join('\n');
    const float = isFloat.length > 0 ? isFloat.join(' || ') : 'false';
    return {
        code,
        textCode: `const ${t} = printNumber(${r}, ${float}); if (${t} === undefined) return undefined;`,
        text: t,
        numberCheck: `if (!printable(${r}, ${float})) return undefined;`,
        // -0 prints as an int's `0` (parsed back: +0) unless the result is a float (`-0.0`).
        numberResult: `(${r} === 0 && !(${float}) ? 0 : ${r})`,
    };
}
/**
 * The template's column program, or null when the template is not one of the shapes above (every row
 * then takes the full renderer).
 */
function compileExpressionProgram(expr) {
    const parts = parse(expr);
    if (!parts)
        return null;
    const code = [];
    const texts = [];
    const slots = [];
    parts.forEach((p, i) => {
        if (typeof p === 'string') {
            texts.push(js(p));
            return;
        }
        const s = slotCode(p, i);
        slots.push(s);
        code.push(s.code, s.textCode);
        texts.push(s.text);
    });
    const helpers = { printCell, numericCell, printNumber, printable, arithmetic, acceptOutput };
    const build = (body) => 
    // The program is generated from a parsed shape: column names and literal text are JSON-quoted.
    new Function(...Object.keys(helpers), `return function (row) {\n${body}\n};`)(...Object.values(helpers)); // eslint-disable-line no-new-func
    const text = build(`${code.filter(Boolean).join('\n')}\nreturn acceptOutput(${texts.join(' + ')});`);
    let number = null;
    const single = parts.length === 1 ? parts[0] : null;
    if (single && typeof single !== 'string') {
        const s = slots[0];
        if ('op' in single) {
            // An arithmetic slot's text is its result printed by printNumber, which parses back to it.
            number = build(`${s.code}\n${s.numberCheck}\nreturn ${s.numberResult};`);
        }
        else if ('name' in single.operand) {
            // A number cell prints as its int digits or its float repr, which parse back to it; other cells take text().
            number = build(`const v = row[${js(single.operand.name)}]; if (typeof v !== 'number' || !printable(v, false)) return undefined; return v === 0 ? 0 : v;`);
        }
    }
    return { text, number };
}

;// CONCATENATED MODULE: ./src/engine/generators/expression.ts





const PY_FLOAT = /^[+-]?(?:(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;
class TypeCastError extends Error {
}
/** Python's float(text): surrounding whitespace, underscores between digits, inf/nan; otherwise an error. */
function pyFloat(text) {
    const t = text.trim();
    if (!PY_FLOAT.test(t))
        throw new TypeCastError(`could not convert string to float: '${text}'`);
    const lower = t.toLowerCase().replace(/_/g, '');
    if (lower.endsWith('inf') || lower.endsWith('infinity'))
        return lower.startsWith('-') ? -Infinity : Infinity;
    if (lower.endsWith('nan'))
        return NaN;
    return Number(lower);
}
/** Data Designer's `_cast_type`. */
function castExpressionValue(text, dtype) {
    switch (dtype) {
        case 'str':
            return text;
        case 'float':
            return pyFloat(text);
        case 'int': {
            const f = pyFloat(text);
            if (!Number.isFinite(f))
                throw new TypeCastError(`cannot convert float ${f} to integer`);
            return Math.trunc(f);
        }
        case 'bool':
            try {
                const f = pyFloat(text);
                if (!Number.isFinite(f))
                    throw new TypeCastError('not finite');
                return Math.trunc(f) !== 0;
            }
            catch {
                return text.toLowerCase() === 'true';
            }
        default:
            throw new diagnostics/* DdflowError */.Zq(`Invalid dtype: ${String(dtype)}`);
    }
}
/** text.trim() === '' without trimming the common case (a non-space first character). */
function isBlank(text) {
    return text.length === 0 || (text.charCodeAt(0) <= 32 ? text.trim() === '' : text.charCodeAt(0) >= 0x80 && text.trim() === '');
}
class ExpressionGenerator {
    column;
    ctx;
    outputColumns;
    dtypes;
    dtype;
    template;
    /** The template compiled once per stage (null: every row takes the renderer); see expression-program.ts. */
    program;
    gate;
    constructor(column, ctx, availableColumns) {
        this.column = column;
        this.ctx = ctx;
        if (column.expr.trim() === '') {
            throw new diagnostics/* DdflowError */.Zq(`🛑 Expression column '${column.name}' has an empty or whitespace-only expression. Please provide a valid Jinja2 expression.`);
        }
        this.dtype = (column.dtype ?? 'str');
        this.outputColumns = [column.name];
        this.dtypes = new Map([[column.name, this.dtype]]);
        this.template = ctx.templates.main.compile(column.expr);
        const missing = [...this.template.variables].filter((v) => !availableColumns.has(v));
        if (missing.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`There was an error preparing the Jinja2 expression template. The following columns [${missing.map((m) => `'${m}'`).join(', ')}] are missing!`, { node: { of: column, field: 'expr' } });
        }
        this.program = compileExpressionProgram(column.expr);
        // Built once: it parses the column's templates for the names it reads (profiled at 0.1 ms a row group).
        // Loading already converted it (reading float-ness from the file); a config that did not come through
        // the loader gets the same conversion here.
        const skipValue = (0,skip_value/* coerceSkipValue */.c)(column.name, column.skip?.value, this.dtype);
        if ('error' in skipValue)
            throw new diagnostics/* DdflowError */.Zq(skipValue.error, { node: { of: column, field: 'skip' } });
        this.gate = skipGate(column, ctx.templates, skipValue.value);
    }
    async generate(group) {
        const drops = new Map();
        const gate = this.gate;
        const name = this.column.name;
        const dtype = this.dtype;
        const rows = group.rows;
        for (let i = 0; i < rows.length; i++) {
            if (gate.active && gate.apply(group, i))
                continue;
            const program = this.program;
            if (program) {
                // The column program: the same value as rendering and casting, when it is certain (else undefined).
                const row = rows[i];
                if (program.number && dtype !== 'str') {
                    const n = program.number(row);
                    if (n !== undefined) {
                        row[name] = dtype === 'float' ? n : dtype === 'int' ? Math.trunc(n) : Math.trunc(n) !== 0;
                        continue;
                    }
                }
                const out = program.text(row);
                if (out !== undefined && !isBlank(out)) {
                    if (dtype === 'str') {
                        row[name] = out;
                        continue;
                    }
                    try {
                        row[name] = castExpressionValue(out, dtype);
                        continue;
                    }
                    catch {
                        // the renderer below renders the same text and records the cast error
                    }
                }
            }
            let text;
            try {
                text = this.template.render(rows[i]);
            }
            catch (err) {
                if (err instanceof template_errors/* EmptyTemplateRenderError */.Wt)
                    drops.set(i, 'EmptyRenderedExpression');
                else if (err instanceof template_errors/* TemplateError */.$w && err.scope === 'template')
                    throw err;
                else
                    drops.set(i, 'TemplateRenderError');
                continue;
            }
            if (text.trim() === '') {
                drops.set(i, 'EmptyRenderedExpression');
                continue;
            }
            try {
                rows[i][name] = castExpressionValue(text, this.dtype);
            }
            catch {
                drops.set(i, 'TypeCastError');
            }
        }
        if (drops.size > 0) {
            const counts = new Map();
            for (const r of drops.values())
                counts.set(r, (counts.get(r) ?? 0) + 1);
            const summary = [...counts].map(([k, v]) => `${k}=${v}`).join(', ');
            const left = rows.length - drops.size;
            if (left === 0) {
                this.ctx.warn(`Expression column '${name}' dropped ${drops.size}/${rows.length} rows after render: ${summary}.`);
                throw new diagnostics/* DdflowError */.Zq(`Expression column '${name}' produced no valid rows.`);
            }
            this.ctx.warn(`Expression column '${name}' dropped ${drops.size}/${rows.length} rows after render: ${summary}. Continuing with ${left} rows.`);
        }
        return drops;
    }
}

;// CONCATENATED MODULE: ./src/engine/generators/image.ts





class ImageColumnGenerator extends CellGenerator {
    outputColumns;
    prompt;
    stream;
    stageDir;
    constructor(column, ctx, deps) {
        super(column, ctx, deps);
        if (!deps.models.generateImage)
            throw new diagnostics/* DdflowError */.Zq(`Image column '${column.name}' needs a model runtime that generates images.`);
        if (!ctx.stageDir)
            throw new diagnostics/* DdflowError */.Zq(`Image column '${column.name}' needs a stage directory to write its images to.`);
        this.stageDir = ctx.stageDir;
        this.outputColumns = [column.name];
        this.prompt = ctx.templates.main.compile(column.prompt);
        this.stream = (0,random/* columnStreams */.SS)(ctx.seed, ctx.stageName, column.name);
        this.dtypes.set(column.name, 'json');
    }
    async cell(group, i, signal = this.ctx.signal) {
        const column = this.column;
        const row = group.rows[i];
        const recordIndex = group.recordIndex[i];
        const prompt = this.prompt.render(row);
        if (!prompt.trim())
            throw new diagnostics/* DdflowError */.Zq(`Rendered prompt for column '${column.name}' is empty`);
        const contexts = column.multi_modal_context ?? [];
        const result = await this.deps.models.generateImage({
            alias: column.model_alias,
            prompt,
            ...(contexts.length ? { images: (0,multimodal/* contextBlocks */.qH)(contexts, await withMediaData(row, contexts, this.ctx.mediaRoots ?? []), column.name) } : {}),
            recordKey: recordIndex,
            column: column.name,
            signal,
            onNotice: this.deps.onNotice,
        });
        const ids = this.stream(recordIndex);
        const paths = [];
        for (const image of result.images)
            paths.push(await saveImage(this.stageDir, column.name, image, uuidFrom(ids)));
        row[column.name] = paths;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./src/engine/generators/validation.ts
/**
 * `validation` columns (Data Designer §2.8): each row's target values are checked and the cell becomes
 * `{is_valid, ...}` (a JSON column). ddflow's validators are a documented SUBSET of Data Designer's:
 *
 * - `code` + `sql:<dialect>`: parsed by DuckDB's own parser (`extractStatements`: parse only, nothing is
 *   bound or executed, any statement kind). The grammar is therefore DuckDB's (PostgreSQL-like) whatever
 *   the dialect named — Data Designer runs sqlfluff with that dialect. Invalid when the parser fails, the
 *   text is empty, or (as Data Designer's custom check) a `DECIMAL(p)` has no scale. Extra key:
 *   `error_messages`.
 * - `code` + `python`: `ast.parse` in ONE `python3` child process per row group (Data Designer runs ruff).
 *   A syntax error is the only finding: `python_linter_score` 10 or 0, `python_linter_severity` "none" or
 *   "fatal", `python_linter_messages` `[{type, symbol, line, column, message}]`.
 * - `remote`: POST `{"data": [records]}` per `batch_size` records (target columns only), expecting
 *   `{"data": [{is_valid, ...}]}`, with `timeout`, `max_retries` (429/5xx/network), exponential
 *   `retry_backoff` and `max_parallel_requests`; a batch that still fails gets `{is_valid: null}` cells.
 * - `local_callable`: the function the workflow binds to `validation_function` (`functions:`), called
 *   with the batch's target records, answering one `{is_valid, ...}` per record.
 *
 * With several target columns a code validator checks each column separately and the cell is
 * `{column: result}`.
 */







// ---------------------------------------------------------------- SQL (DuckDB's parser)
const DECIMAL_WITHOUT_SCALE = /DECIMAL\(\d+\)/g;
/** `db`: the stage's database when there is one (a parser session costs nothing to reuse). */
async function validateSqlBatch(values, db) {
    const own = db ? undefined : await (0,database.openDatabase)();
    const parser = db ?? own;
    try {
        const out = [];
        for (const v of values) {
            if (v === null || v === undefined) {
                out.push({ is_valid: null, error_messages: '' });
                continue;
            }
            const sql = typeof v === 'string' ? v : String(v);
            let messages = '';
            if (sql.trim() === '')
                messages = 'Parser Error: empty query';
            else {
                const parsed = await (0,database.parseSql)(parser, sql);
                if ('error' in parsed)
                    messages = parsed.error;
            }
            if (sql.match(DECIMAL_WITHOUT_SCALE))
                messages += '\nCustom Check: Found DECIMAL definitions without a scale, which may be incorrect.';
            out.push(messages ? { is_valid: false, error_messages: messages } : { is_valid: true, error_messages: '' });
        }
        return out;
    }
    finally {
        own?.close();
    }
}
// ---------------------------------------------------------------- Python (ast.parse in python3)
const PY_CHECK = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src)
        out.append(None)
    except SyntaxError as e:
        out.append([e.lineno or 1, e.offset or 0, e.msg])
    except Exception as e:
        out.append([1, 0, str(e)])
json.dump(out, sys.stdout)
`;
let pythonChecked = null;
/** The python3 executable, or a DdflowError (at stage start, not mid-run). */
function requirePython() {
    if (pythonChecked)
        return pythonChecked;
    const exe = process.env.DDFLOW_PYTHON ?? 'python3';
    const probe = (0,external_node_child_process_.spawnSync)(exe, ['-c', 'import ast, json'], { stdio: 'ignore', timeout: 10_000 });
    if (probe.error || probe.status !== 0) {
        throw new diagnostics/* DdflowError */.Zq(`Python code validation needs '${exe}' on PATH (ddflow checks Python syntax with ast.parse), and it could not be run.`);
    }
    return (pythonChecked = exe);
}
async function validatePythonBatch(values) {
    const exe = requirePython();
    const sources = values.map((v) => (v === null || v === undefined ? null : String(v)));
    const present = sources.filter((s) => s !== null);
    const found = present.length > 0 ? await runPython(exe, present) : [];
    let k = 0;
    return sources.map((s) => {
        if (s === null)
            return { is_valid: null };
        const err = found[k++];
        if (!err)
            return { is_valid: true, python_linter_score: 10, python_linter_severity: 'none', python_linter_messages: [] };
        const [line, column, message] = err;
        return {
            is_valid: false,
            python_linter_score: 0,
            python_linter_severity: 'fatal',
            python_linter_messages: [{ type: 'fatal', symbol: 'SyntaxError', line, column, message: `SyntaxError: ${message}` }],
        };
    });
}
function runPython(exe, sources) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(exe, ['-c', PY_CHECK], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
        child.on('error', (e) => reject(new diagnostics/* DdflowError */.Zq(`Python code validation could not start '${exe}': ${e.message}`)));
        child.on('close', (code) => {
            if (code !== 0)
                return reject(new diagnostics/* DdflowError */.Zq(`Python code validation failed: ${err.trim().split('\n').pop() ?? `exit ${code}`}`));
            try {
                resolve(JSON.parse(out));
            }
            catch {
                reject(new diagnostics/* DdflowError */.Zq('Python code validation returned output that is not JSON.'));
            }
        });
        child.stdin.end(JSON.stringify(sources));
    });
}
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
class RetryableError extends Error {
}
/** One POST with retries: delay before retry n (1-based) is retry_backoff * 2^(n-1) seconds (httpx-retries). */
async function postToRemoteValidator(o, records, signal) {
    const { max_retries: maxRetries, retry_backoff: backoff, timeout } = (0,defaults/* withSchemaDefaults */.A)(schema/* RemoteValidatorParams */.RM, o);
    const timeoutMs = timeout * 1000;
    for (let attempt = 0;; attempt++) {
        try {
            const res = await fetch(o.endpoint_url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ data: records }),
                signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
            });
            if (RETRY_STATUS.has(res.status))
                throw new RetryableError(`HTTP ${res.status}`);
            if (!res.ok)
                throw new diagnostics/* DdflowError */.Zq(`The remote validator at ${o.endpoint_url} answered HTTP ${res.status}.`);
            const body = (await res.json());
            return remoteOutputs(o, body, records.length);
        }
        catch (err) {
            if (signal?.aborted)
                throw err;
            const retryable = err instanceof RetryableError || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'TypeError'));
            if (!retryable || attempt >= maxRetries) {
                throw err instanceof diagnostics/* DdflowError */.Zq ? err : new diagnostics/* DdflowError */.Zq(`The remote validator at ${o.endpoint_url} failed: ${err.message}.`);
            }
            await new Promise((r) => setTimeout(r, backoff * 2 ** attempt * 1000));
        }
    }
}
const schemaCache = new WeakMap();
/** `{"data": [...]}` checked against output_schema (when given) and for one `{is_valid}` per record. */
function validatorOutputs(messages, outputSchema, body, expected) {
    if (outputSchema) {
        let check = schemaCache.get(outputSchema);
        if (!check)
            schemaCache.set(outputSchema, (check = new _2020.Ajv2020({ strict: false }).compile(outputSchema)));
        if (!check(body))
            throw new diagnostics/* DdflowError */.Zq(`${messages.schema}: ${check.errors?.[0]?.message ?? 'invalid'}.`);
    }
    const data = body?.data;
    if (!Array.isArray(data) || data.length !== expected || !data.every((d) => d && typeof d === 'object' && 'is_valid' in d)) {
        throw new diagnostics/* DdflowError */.Zq(`${messages.shape} (${expected}).`);
    }
    return data.map((d) => ({ ...d, is_valid: pydanticBool(d['is_valid'], messages.shape) }));
}
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
/**
 * `is_valid` as Data Designer's ValidationOutput (pydantic, `bool | None`) reads it: `"false"` is False,
 * `1` is True — a validator answering text was stored as the string "false", which reads as valid.
 */
function pydanticBool(v, shape) {
    if (v === null || v === undefined || typeof v === 'boolean')
        return v ?? null;
    if (typeof v === 'number' && (v === 0 || v === 1))
        return v === 1;
    if (typeof v === 'string') {
        const w = v.trim().toLowerCase();
        if (TRUE_WORDS.has(w))
            return true;
        if (FALSE_WORDS.has(w))
            return false;
    }
    throw new diagnostics/* DdflowError */.Zq(`${shape}: is_valid ${JSON.stringify(v)} is not a valid boolean.`);
}
function remoteOutputs(o, body, expected) {
    return validatorOutputs({
        schema: "The remote validator's response does not match output_schema",
        shape: 'The remote validator must answer {"data": [{"is_valid": ...}, ...]} with one entry per record',
    }, o.output_schema, body, expected);
}
// ---------------------------------------------------------------- local_callable (a bound function)
/**
 * Data Designer calls the function with a DataFrame of the batch's target columns and reads `is_valid`
 * (and any other columns) from the DataFrame it returns; here the rows go in and come back as a list.
 */
async function callLocalValidator(ctx, name, outputSchema, records) {
    if (!ctx.functions)
        throw new diagnostics/* DdflowError */.Zq(`The local_callable validator needs its function '${name}', but no functions were bound for this stage.`);
    const fn = await ctx.functions.get(name);
    const rows = await fn.call({ rows: records, params: null });
    return validatorOutputs({
        schema: `The results of validation function '${name}' do not match output_schema`,
        shape: `The validation function '${name}' must return one {"is_valid": ...} per record`,
    }, outputSchema, { data: rows }, records.length);
}
class ValidationGenerator {
    column;
    ctx;
    outputColumns;
    dtypes;
    validate;
    /** Code validators check each target column on its own. */
    separately;
    batchSize;
    parallel;
    constructor(column, ctx, available) {
        this.column = column;
        this.ctx = ctx;
        this.outputColumns = [column.name];
        this.dtypes = new Map([[column.name, 'json']]);
        this.batchSize = column.batch_size ?? schema/* ValidationBatchSize */.Zt.default;
        const missing = column.target_columns.filter((t) => !available.has(t));
        if (missing.length > 0) {
            throw new diagnostics/* DdflowError */.Zq(`Target columns {${missing.map((m) => `'${m}'`).join(', ')}} defined in validation column '${column.name}' are missing in dataset`, { node: { of: column, field: 'target_columns' } });
        }
        const params = column.validator_params;
        switch (column.validator_type) {
            case 'code': {
                const lang = String(params.code_lang);
                if (lang === 'python') {
                    requirePython();
                    this.validate = validatePythonBatch;
                }
                else if (lang.startsWith('sql:'))
                    this.validate = (values) => validateSqlBatch(values, ctx.db);
                else
                    throw new diagnostics/* DdflowError */.Zq(`Validation column '${column.name}' cannot validate ${lang}: the code validator supports python and sql:* only.`);
                this.separately = true;
                // Local checks are cheap: one child process / one parser session per row group, not per batch_size.
                this.parallel = 1;
                break;
            }
            case 'remote': {
                const o = params;
                this.validate = (records) => postToRemoteValidator(o, records, ctx.signal);
                this.separately = false;
                this.parallel = Math.max(1, (0,defaults/* withSchemaDefaults */.A)(schema/* RemoteValidatorParams */.RM, o).max_parallel_requests);
                break;
            }
            case 'local_callable': {
                const name = String(params.validation_function);
                const schema = params.output_schema;
                this.validate = (records) => callLocalValidator(ctx, name, schema, records);
                this.separately = false;
                this.parallel = 1;
                break;
            }
            default:
                throw new diagnostics/* DdflowError */.Zq(`Validation column '${column.name}' uses validator_type '${String(column.validator_type)}', which ddflow does not support.`);
        }
    }
    async generate(group) {
        const gate = skipGate(this.column, this.ctx.templates);
        const rows = [];
        for (let i = 0; i < group.rows.length; i++)
            if (!(gate.active && gate.apply(group, i)))
                rows.push(i);
        const name = this.column.name;
        const targets = this.column.target_columns;
        if (this.separately) {
            const perColumn = await Promise.all(targets.map((t) => this.validate(rows.map((i) => group.rows[i][t]))));
            rows.forEach((i, k) => {
                group.rows[i][name] = targets.length === 1 ? perColumn[0][k] : Object.fromEntries(targets.map((t, c) => [t, perColumn[c][k]]));
            });
            return new Map();
        }
        const batches = [];
        for (let s = 0; s < rows.length; s += this.batchSize)
            batches.push(rows.slice(s, s + this.batchSize));
        let next = 0;
        const worker = async () => {
            while (next < batches.length) {
                const batch = batches[next++];
                const records = batch.map((i) => Object.fromEntries(targets.map((t) => [t, group.rows[i][t] ?? null])));
                let outputs;
                try {
                    outputs = await this.validate(records);
                }
                catch (err) {
                    if (this.ctx.signal?.aborted)
                        throw err;
                    // One validator at a time (a function, a command, code, a remote endpoint with
                    // max_parallel_requests 1): Data Designer raises and drops the row group. Here the stage
                    // stops, resumable, with its completed row groups kept — null verdicts in a completed stage
                    // would be reused by every later run, and the failure may be passing (a connection reset).
                    if (this.parallel === 1) {
                        throw new diagnostics/* DdflowError */.Zq(`Validation column '${name}': a batch of ${batch.length} records could not be validated (${err.message}); the stage stops with its completed row groups kept — fix the validator and run again.`);
                    }
                    // As Data Designer's parallel path: a batch that cannot be validated gets is_valid = null.
                    this.ctx.warn(`Validation column '${name}': a batch of ${batch.length} records could not be validated (${err.message})`);
                    outputs = batch.map(() => ({ is_valid: null }));
                }
                batch.forEach((i, k) => (group.rows[i][name] = outputs[k]));
            }
        };
        await Promise.all(Array.from({ length: Math.min(this.parallel, batches.length) }, worker));
        return new Map();
    }
}

;// CONCATENATED MODULE: ./src/engine/generators/registry.ts







/** A model-backed kind: refuses a stage without a model runtime with one sentence. */
function withModel(make) {
    return (column, ctx, _available, llm) => {
        if (!llm)
            throw new diagnostics/* DdflowError */.Zq(`Column '${column.name}' (${columnKind(column)}) needs a model, but no model runtime was configured for this stage.`);
        return make(column, ctx, llm);
    };
}
const llmColumn = withModel((column, ctx, llm) => new LlmColumnGenerator(column, ctx, llm));
const COLUMN_GENERATORS = {
    expression: (column, ctx, available) => new ExpressionGenerator(column, ctx, available),
    validation: (column, ctx, available) => new ValidationGenerator(column, ctx, available),
    'llm-text': llmColumn,
    'llm-code': llmColumn,
    'llm-structured': llmColumn,
    'llm-judge': llmColumn,
    custom: (column, ctx, available, llm) => new CustomColumnGenerator(column, ctx, available, llm?.models ?? null),
    image: withModel((column, ctx, llm) => new ImageColumnGenerator(column, ctx, llm)),
    embedding: withModel((column, ctx, llm) => new EmbeddingColumnGenerator(column, ctx, llm)),
};
function createGenerator(column, ctx, available, llm) {
    const factory = COLUMN_GENERATORS[columnKind(column)];
    if (!factory)
        throw new diagnostics/* DdflowError */.Zq(`Column '${column.name}' has column_type '${column.column_type}', which ddflow's engine does not run yet.`);
    return factory(column, ctx, available, llm);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/engine/processors/drop-columns.ts

/** Names or fnmatch globs (an entry containing `*`) resolved against the batch's columns. */
function resolveDropColumns(patterns, columns, warn) {
    const out = [];
    for (const p of patterns) {
        if (p.includes('*')) {
            const isMatch = picomatch_default()(p, { dot: true });
            for (const c of columns)
                if (isMatch(c) && !out.includes(c))
                    out.push(c);
        }
        else if (columns.includes(p)) {
            if (!out.includes(p))
                out.push(p);
        }
        else {
            warn(`⚠️ Cannot drop column: \`${p}\` not found in the dataset.`);
        }
    }
    return out;
}
function dropColumnsProcessor(config, ctx) {
    return {
        name: config.name,
        async processBatch(_group, _batchIndex, columns) {
            const drop = resolveDropColumns(config.column_names, columns, ctx.warn);
            if (drop.length > 0)
                ctx.log.info(`🙈 Dropping columns: [${drop.map((d) => `'${d}'`).join(', ')}]`);
            return { dropColumns: drop };
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/processors/schema-transform.ts



/**
 * Writes `processors-files/<name>/batch_NNNNN.parquet`: one record per row, built by rendering the
 * template; the main dataset is unchanged.
 */
function schemaTransformProcessor(config, ctx) {
    const render = jsonTemplateRenderer(ctx.templates, config.template);
    return {
        name: config.name,
        async processBatch(group, batchIndex) {
            const records = group.rows.map((r) => render(r));
            const columns = [];
            for (const r of records)
                for (const k of Object.keys(r))
                    if (!columns.includes(k))
                        columns.push(k);
            if (columns.length === 0)
                columns.push(...Object.keys(config.template));
            const file = (0,artifacts/* batchPath */.Go)(ctx.outDir, `${artifacts/* PROCESSORS_DIR */.Cs}/${config.name}`, batchIndex);
            await writeRowGroup(ctx.db, records, columns.map((name) => ({ name })), file);
            return { file };
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/processors/sql.ts


/** ddflow's `sql` processor: the query sees the whole dataset as table `dataset`; its result replaces it. */
function sqlProcessor(config, db) {
    return {
        name: config.name,
        processDataset: (files, outDir, rowGroupSize) => (0,dataset.runSqlOverDataset)(db, files, config.query, outDir, { rowGroupSize, processorName: config.name }).catch((err) => {
            // The query failed over the data (a column it names is missing, a cast fails): point at the query.
            if (err instanceof diagnostics/* DdflowError */.Zq && !err.diagnostics.some((d) => d.location))
                throw new diagnostics/* DdflowError */.Zq(err.message, { node: { of: config, field: 'query' }, cause: err });
            throw err;
        }),
    };
}

;// CONCATENATED MODULE: ./src/engine/processors/registry.ts



function processorKind(p) {
    return p.processor_type.replace(/-/g, '_');
}
/** One entry per processor kind: per-batch processors run on each row group, dataset ones on the whole stage. */
const PROCESSORS = {
    drop_columns: (p, ctx) => ({ batch: dropColumnsProcessor(p, ctx) }),
    schema_transform: (p, ctx) => ({ batch: schemaTransformProcessor(p, ctx) }),
    sql: (p, ctx) => ({ dataset: sqlProcessor(p, ctx.db) }),
};
function buildProcessors(configs, ctx) {
    const batch = [];
    const dataset = [];
    for (const p of configs) {
        const built = PROCESSORS[processorKind(p)](p, ctx);
        if ('batch' in built)
            batch.push(built.batch);
        else
            dataset.push(built.dataset);
    }
    return { batch, dataset };
}

// EXTERNAL MODULE: ./src/shared/datetime-format.ts
var datetime_format = __webpack_require__(48074);
;// CONCATENATED MODULE: ./src/engine/samplers/numeric.ts
function normal(rng, mean = 0, sd = 1) {
    return mean + sd * rng.normal();
}
function exponential(rng, scale = 1) {
    return -Math.log(1 - rng.next()) * scale;
}
/** Marsaglia–Tsang; shape < 1 boosted by U^(1/shape). */
function gamma(rng, shape, scale = 1) {
    if (shape < 1)
        return gamma(rng, shape + 1, scale) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (let i = 0; i < 10_000; i++) {
        let x;
        let v;
        do {
            x = rng.normal();
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = rng.next();
        if (u < 1 - 0.0331 * x * x * x * x)
            return d * v * scale;
        if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
            return d * v * scale;
    }
    return d * scale;
}
function beta(rng, a, b) {
    const x = gamma(rng, a);
    const y = gamma(rng, b);
    return x / (x + y);
}
/** Knuth's product method for small means, Hörmann's PTRS (transformed rejection) for large ones. */
function poisson(rng, mean) {
    if (mean <= 0)
        return 0;
    if (mean < 30) {
        const limit = Math.exp(-mean);
        let k = 0;
        let p = rng.next();
        while (p > limit) {
            k++;
            p *= rng.next();
        }
        return k;
    }
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
        const u = rng.next() - 0.5;
        const v = rng.next();
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr)
            return k;
        if (k < 0 || (us < 0.013 && v > us))
            continue;
        if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k))
            return k;
    }
}
/** Inversion by sequential search (exact; O(n·min(p, 1−p)) expected), mirrored for p > 0.5. */
function binomial(rng, n, p) {
    if (p <= 0 || n <= 0)
        return 0;
    if (p >= 1)
        return n;
    if (p > 0.5)
        return n - binomial(rng, n, 1 - p);
    const q = 1 - p;
    const s = p / q;
    let f = Math.pow(q, n);
    if (f === 0)
        return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * q) * rng.normal())));
    let u = rng.next();
    let k = 0;
    while (u > f && k < n) {
        u -= f;
        f *= (s * (n - k)) / (k + 1);
        k++;
    }
    return k;
}
const LOG_FACT = [0];
function logFactorial(k) {
    if (k < 256) {
        while (LOG_FACT.length <= k)
            LOG_FACT.push(LOG_FACT[LOG_FACT.length - 1] + Math.log(LOG_FACT.length));
        return LOG_FACT[k];
    }
    // Stirling series: accurate to double precision for k >= 256.
    return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}
/** NumPy's `round(x, decimals)`: scale, round half to even, scale back. */
function roundHalfEven(x, decimals = 0) {
    if (!Number.isFinite(x))
        return x;
    const f = Math.pow(10, decimals);
    const y = x * f;
    let r = Math.round(y);
    if (Math.abs(y % 1) === 0.5 && r % 2 !== 0)
        r -= 1;
    return r / f;
}

;// CONCATENATED MODULE: ./src/engine/samplers/scipy-distributions.ts
/**
 * The `scipy.stats` distributions ddflow can draw from, by scipy's names and parameter names (shape
 * parameters, then `loc` and `scale`). Data Designer accepts any scipy distribution; the common ones are
 * here and any other name gets Data Designer's "not found" message plus the list that is supported.
 */



const continuous = (shapes, make, valid) => ({
    shapes,
    optional: { loc: 0, scale: 1 },
    valid: (p) => p.scale > 0 && (valid ? valid(p) : true),
    make,
});
const discrete = (shapes, make, valid) => ({ discrete: true, shapes, optional: { loc: 0 }, valid, make });
const SPECS = {
    norm: continuous([], ({ loc, scale }) => (rng) => normal(rng, loc, scale)),
    uniform: continuous([], ({ loc, scale }) => (rng) => loc + scale * rng.next()),
    expon: continuous([], ({ loc, scale }) => (rng) => loc + exponential(rng, scale)),
    gamma: continuous(['a'], ({ a, loc, scale }) => (rng) => loc + gamma(rng, a, scale), (p) => p.a > 0),
    beta: continuous(['a', 'b'], ({ a, b, loc, scale }) => (rng) => loc + scale * beta(rng, a, b), (p) => p.a > 0 && p.b > 0),
    lognorm: continuous(['s'], ({ s, loc, scale }) => (rng) => loc + scale * Math.exp(s * rng.normal()), (p) => p.s > 0),
    laplace: continuous([], ({ loc, scale }) => (rng) => {
        const u = rng.next() - 0.5;
        return loc - scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
    }),
    logistic: continuous([], ({ loc, scale }) => (rng) => {
        const u = rng.next() || Number.MIN_VALUE;
        return loc + scale * Math.log(u / (1 - u));
    }),
    cauchy: continuous([], ({ loc, scale }) => (rng) => loc + scale * Math.tan(Math.PI * (rng.next() - 0.5))),
    chi2: continuous(['df'], ({ df, loc, scale }) => (rng) => loc + scale * 2 * gamma(rng, df / 2), (p) => p.df > 0),
    t: continuous(['df'], ({ df, loc, scale }) => (rng) => loc + (scale * rng.normal()) / Math.sqrt((2 * gamma(rng, df / 2)) / df), (p) => p.df > 0),
    weibull_min: continuous(['c'], ({ c, loc, scale }) => (rng) => loc + scale * Math.pow(-Math.log(1 - rng.next()), 1 / c), (p) => p.c > 0),
    pareto: continuous(['b'], ({ b, loc, scale }) => (rng) => loc + scale * Math.pow(1 - rng.next(), -1 / b), (p) => p.b > 0),
    triang: continuous(['c'], ({ c, loc, scale }) => (rng) => {
        const u = rng.next();
        const x = u < c ? Math.sqrt(u * c) : 1 - Math.sqrt((1 - u) * (1 - c));
        return loc + scale * x;
    }, (p) => p.c >= 0 && p.c <= 1),
    poisson: discrete(['mu'], ({ mu, loc }) => (rng) => loc + poisson(rng, mu), (p) => p.mu >= 0),
    binom: discrete(['n', 'p'], ({ n, p, loc }) => (rng) => loc + binomial(rng, n, p), (p) => Number.isInteger(p.n) && p.n >= 0 && p.p >= 0 && p.p <= 1),
    bernoulli: discrete(['p'], ({ p, loc }) => (rng) => loc + (rng.next() < p ? 1 : 0), (p) => p.p >= 0 && p.p <= 1),
    geom: discrete(['p'], ({ p, loc }) => (rng) => loc + Math.max(1, Math.ceil(Math.log(1 - rng.next()) / Math.log(1 - p))), (p) => p.p > 0 && p.p <= 1),
    randint: discrete(['low', 'high'], ({ low, high, loc }) => (rng) => loc + low + Math.floor(rng.next() * (high - low)), (p) => p.high > p.low),
    nbinom: discrete(['n', 'p'], ({ n, p, loc }) => (rng) => loc + poisson(rng, gamma(rng, n, (1 - p) / p)), (p) => p.n > 0 && p.p > 0 && p.p <= 1),
};
const SUPPORTED_SCIPY_DISTRIBUTIONS = Object.keys(SPECS);
function scipyDistribution(name, params) {
    const spec = Object.hasOwn(SPECS, name) ? SPECS[name] : undefined;
    if (!spec) {
        throw new diagnostics/* DdflowError */.Zq(`Distribution ${name} not found in scipy.stats (ddflow implements: ${SUPPORTED_SCIPY_DISTRIBUTIONS.join(', ')}).`);
    }
    const invalid = () => new diagnostics/* DdflowError */.Zq(`Distribution parameters ${(0,python_repr/* pyRepr */.n3)(params)} are not a valid for distribution '${name}'`);
    const resolved = { ...spec.optional };
    const allowed = new Set([...spec.shapes, ...Object.keys(spec.optional)]);
    for (const [k, v] of Object.entries(params)) {
        if (!allowed.has(k) || typeof v !== 'number' || !Number.isFinite(v))
            throw invalid();
        resolved[k] = v;
    }
    for (const s of spec.shapes)
        if (!(s in params))
            throw invalid();
    if (spec.valid && !spec.valid(resolved))
        throw invalid();
    return { discrete: spec.discrete ?? false, draw: spec.make(resolved) };
}

;// CONCATENATED MODULE: ./src/engine/samplers/bernoulli-mixture.ts

/** `bernoulli(p) * dist(**params)`: zero with probability 1 − p, else a draw from the named distribution. */
const bernoulliMixtureSampler = {
    type: 'bernoulli_mixture',
    conversion: 'numeric',
    outputType: (p) => (scipyDistribution(p.dist_name, p.dist_params).discrete ? 'int' : 'float'),
    create({ p, dist_name, dist_params }) {
        const dist = scipyDistribution(dist_name, dist_params);
        return (rng) => {
            const on = rng.next() < p ? 1 : 0;
            const x = dist.draw(rng);
            return on * x;
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/bernoulli.ts
const bernoulliSampler = {
    type: 'bernoulli',
    conversion: 'numeric',
    outputType: () => 'int',
    create({ p }) {
        return (rng) => (rng.next() < p ? 1 : 0);
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/binomial.ts

const binomialSampler = {
    type: 'binomial',
    conversion: 'numeric',
    outputType: () => 'int',
    create({ n, p }) {
        return (rng) => binomial(rng, n, p);
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/category.ts

/** Data Designer normalises weights at config time; the same checks and messages. */
function normalizedWeights(values, weights) {
    if (weights === null || weights === undefined)
        return null;
    if (weights.length !== values.length)
        throw new diagnostics/* DdflowError */.Zq("'categories' and 'weights' must have the same length");
    const total = weights.reduce((a, b) => a + b, 0);
    if (total === 0)
        throw new diagnostics/* DdflowError */.Zq("'weights' must sum to a non-zero value");
    return weights.map((w) => w / total);
}
/**
 * NumPy's `choice` over a list mixing strings and numbers makes one string array: numbers become text.
 * Keeping that rule means a mixed category column has one type.
 */
function choiceValues(values) {
    const mixed = values.some((v) => typeof v === 'string') && values.some((v) => typeof v === 'number');
    return mixed ? values.map((v) => String(v)) : [...values];
}
const categorySampler = {
    type: 'category',
    conversion: 'numeric',
    outputType: (p) => (p.values.every((v) => typeof v === 'number') ? (p.values.every((v) => Number.isInteger(v)) ? 'int' : 'float') : 'str'),
    create(params) {
        const values = choiceValues(params.values);
        const weights = normalizedWeights(values, params.weights);
        if (!weights)
            return (rng) => values[Math.floor(rng.next() * values.length)];
        const cumulative = [];
        let acc = 0;
        for (const w of weights)
            cumulative.push((acc += w));
        return (rng) => {
            const u = rng.next() * acc;
            for (let i = 0; i < cumulative.length; i++)
                if (u < cumulative[i])
                    return values[i];
            return values[values.length - 1];
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/datetime.ts

/** Uniform over whole seconds in [start, end), truncated to `unit`. Values stay epoch ms until formatting. */
const datetimeSampler = {
    type: 'datetime',
    conversion: 'datetime',
    outputType: () => 'str',
    create({ start, end, unit = 'D' }) {
        const lo = Math.floor((0,datetime_format/* parseDatetime */.X7)(start) / 1000);
        const hi = Math.floor((0,datetime_format/* parseDatetime */.X7)(end) / 1000);
        const span = Math.max(1, hi - lo);
        return (rng) => (0,datetime_format/* truncateTo */.cU)((lo + Math.floor(rng.next() * span)) * 1000, unit);
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/gaussian.ts
const gaussianSampler = {
    type: 'gaussian',
    conversion: 'numeric',
    outputType: () => 'float',
    create({ mean, stddev }) {
        return (rng) => mean + stddev * rng.normal();
    },
};

// EXTERNAL MODULE: ./node_modules/@faker-js/faker/dist/index.js + 84 modules
var dist = __webpack_require__(8432);
// EXTERNAL MODULE: ./node_modules/@faker-js/faker/dist/base-BpJm8uRb.js
var base_BpJm8uRb = __webpack_require__(41181);
// EXTERNAL MODULE: ./src/config/faker-locales.ts
var faker_locales = __webpack_require__(82809);
;// CONCATENATED MODULE: ./src/engine/samplers/person-from-faker.ts
/**
 * `person_from_faker`: one person record per row from @faker-js/faker, with Data Designer's field set
 * (PeopleGenFaker.make_person). Faker draws through a Randomizer that reads the cell's own Rng, so a
 * person is a pure function of (seed, stage, column, record).
 */



const BACHELORS = ['stem', 'business', 'education', 'arts_humanities', 'stem_related'];
const EDUCATION = ['secondary_education', 'some_college', 'bachelors', 'associates', 'graduate', 'doctorate'];
const MARITAL = ['married_present', 'divorced', 'never_married', 'separated', 'widowed'];
const COLLEGE = new Set(['bachelors', 'graduate', 'doctorate']);
/**
 * Data Designer's (Python Faker's) locale names → faker-js locale keys: the named aliases, else the same
 * name, else the language (`fr_FR` → `fr`, `ja_JP` → `ja`). Validate refuses what cannot resolve; the
 * checks here keep a run from a config validate never saw (or a conditional param) just as strict.
 */
function fakerLocale(locale) {
    const all = dist/* allLocales */.N9;
    if (!faker_locales/* DD_FAKER_LOCALES */.ln.includes(locale))
        throw new diagnostics/* DdflowError */.Zq((0,faker_locales/* unsupportedFakerLocaleMessage */.cc)(locale));
    if (Object.hasOwn(faker_locales/* FAKER_LOCALES_UNAVAILABLE */.Fb, locale))
        throw new diagnostics/* DdflowError */.Zq((0,faker_locales/* unavailableFakerLocaleMessage */.Tu)(locale));
    const name = Object.hasOwn(faker_locales/* FAKER_LOCALE_ALIASES */.i3, locale) ? faker_locales/* FAKER_LOCALE_ALIASES */.i3[locale] : locale;
    const key = [name, name.split('_')[0]].find((k) => Object.hasOwn(all, k));
    // Unreachable while test/engine/person-from-faker-locales.test.ts passes (every listed locale resolves).
    if (!key)
        throw new diagnostics/* DdflowError */.Zq(`Locale '${locale}' has no @faker-js/faker data under '${name}'.`);
    const chain = [all[key]];
    if (key !== 'en')
        chain.push(all.en);
    chain.push(base_BpJm8uRb.t);
    return chain;
}
/**
 * Faker calls `randomizer.next` detached from the object (`const { next } = randomizer`), so `next` must
 * be a bound arrow function: a prototype method would see `this === undefined`, throw, and every field
 * drawn through Faker would silently come out null.
 */
class CellRandomizer {
    rng = null;
    next = () => (this.rng ? this.rng.next() : 0);
    seed = () => undefined;
}
/** Data Designer's try_fake_else_none: a field the locale does not define is null. */
function attempt(fn) {
    try {
        const v = fn();
        return v === undefined ? null : v;
    }
    catch (err) {
        // Only "this locale has no such data" counts as missing; anything else is a bug to surface.
        if (err instanceof base_BpJm8uRb._)
            return null;
        throw err;
    }
}
/**
 * The date ages are counted back from. Data Designer uses today's date, so its birth dates change from
 * one day to the next; ddflow's output must be a pure function of the workflow seed, so it uses a fixed
 * reference date instead (documented in docs/engine.md). An age drawn as 30 is therefore "30 on
 * 2025-01-01".
 */
const BIRTH_DATE_REFERENCE = Date.UTC(2025, 0, 1);
/** Data Designer's convert_age_to_birth_date: a uniform day in [ref - (age + 1) years, ref - age years]. */
function birthDateFor(age, rng, reference = BIRTH_DATE_REFERENCE) {
    const ref = new Date(reference);
    const y = ref.getUTCFullYear();
    const start = Date.UTC(y - age - 1, ref.getUTCMonth(), ref.getUTCDate());
    const end = Date.UTC(y - age, ref.getUTCMonth(), ref.getUTCDate());
    const days = Math.round((end - start) / 86_400_000);
    return new Date(start + Math.floor(rng.next() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}
const pick = (rng, list) => list[Math.floor(rng.next() * list.length)];
const personFromFakerSampler = {
    type: 'person_from_faker',
    conversion: 'passthrough',
    outputType: () => 'json',
    create({ locale = 'en_US', sex = null, city = null, age_range = [18, 114] }) {
        if (age_range.length !== 2)
            throw new diagnostics/* DdflowError */.Zq("'age_range' must be a list of two integers, representing the min and max age.");
        const [minAge, maxAge] = age_range;
        const randomizer = new CellRandomizer();
        const faker = new base_BpJm8uRb.n({ locale: fakerLocale(locale), randomizer });
        return (rng) => {
            randomizer.rng = rng;
            const uuidHex = Array.from({ length: 4 }, () => rng.next32().toString(16).padStart(8, '0')).join('');
            const uuid = `${uuidHex.slice(0, 8)}-${uuidHex.slice(8, 12)}-4${uuidHex.slice(13, 16)}-${((parseInt(uuidHex[16], 16) & 3) | 8).toString(16)}${uuidHex.slice(17, 20)}-${uuidHex.slice(20, 32)}`;
            const s = sex ?? pick(rng, ['Male', 'Female']);
            const fsex = s === 'Male' ? 'male' : 'female';
            const age = minAge + Math.floor(rng.next() * (maxAge - minAge + 1));
            const education = pick(rng, EDUCATION);
            const person = {
                uuid,
                locale,
                // Names are not optional in Data Designer either (no try_fake_else_none): a failure is an error.
                first_name: faker.person.firstName(fsex),
                last_name: faker.person.lastName(fsex),
                middle_name: null,
                sex: s,
                street_number: attempt(() => faker.location.buildingNumber()),
                street_name: attempt(() => faker.location.street()),
                city: city === null ? attempt(() => faker.location.city()) : Array.isArray(city) ? pick(rng, city) : city,
                state: attempt(() => faker.location.state()),
                postcode: attempt(() => faker.location.zipCode()),
                age,
                birth_date: birthDateFor(age, rng),
                country: attempt(() => faker.location.country()),
                marital_status: pick(rng, MARITAL),
                education_level: education,
                unit: '',
                occupation: attempt(() => faker.person.jobTitle()),
                phone_number: age >= 18 ? attempt(() => faker.phone.number()) : null,
                bachelors_field: COLLEGE.has(education) ? pick(rng, BACHELORS) : 'no_degree',
            };
            randomizer.rng = null;
            return person;
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/zip3-area-codes.ts
/**
 * US ZIP-code prefixes (3 digits) to telephone area codes, population-weighted: Data Designer's
 * zip_area_code_map.parquet (packages/data-designer-engine/src/data_designer/engine/sampling_gen/entities/
 * assets/, Apache-2.0) summed by the first three ZIP digits (2201 prefix/area-code pairs from its
 * 33772 ZIP codes). Generated; format: `prefix=area:weight,area:weight;...`.
 */
const ZIP3_AREA_CODES = '006=787:1076406;007=340:9428,787:1175682;009=787:993369;010=413:452695,508:12169;011=413:170548;012=329:191,413:8062,838:104579,860:14454;013=413:66831,508:16535;014=508:158961,978:64512;015=401:12367,508:366538,581:20382;016=508:213174;017=401:6266,508:113084,774:14964,857:152566,978:124140;018=351:446902,603:59457,781:181696,978:88317;019=351:480609,781:28599;020=339:152423,774:178267,857:96432;021=339:205877,781:771482,857:420822;022=781:6554,857:24054;023=339:453467,774:22937;024=781:46015,857:390020;025=339:56081,401:71945;026=339:145101,401:15234;027=401:351622,774:205282;028=401:605243,581:55701,774:36383;029=401:398064;030=351:14333,603:329368,978:60936;031=603:158457;032=603:197136,802:862;033=603:64333;034=413:15152,508:22732,603:46526;035=207:16192,603:0,802:28462;036=603:12943;037=603:40541,802:39136;038=207:10513,351:65513,603:264772;039=207:27474,351:17580,603:8094;040=207:359041,603:9264;041=207:119472;042=207:181785;043=207:84452;044=207:176256;045=207:50085;046=207:74196;047=207:67843;048=207:41221;049=207:160564;050=802:62527;051=413:1225,603:14377,802:11532,838:2805;052=838:33543;053=413:36021,838:3026;054=802:249545;056=802:86832;057=802:66494,838:15842;058=802:58042;059=802:3443;060=329:3989,413:91450,475:2562,860:410634,959:168964;061=959:292480;062=581:80370,860:79065;063=581:233974,860:28580;064=203:173554,475:268634,860:200950,959:71506;065=475:290037;066=203:244955;067=475:44291,860:289389;068=203:191500,475:210523,914:85274;069=914:135720;070=201:233566,212:219352,848:69387,862:768585,908:513632;071=862:311259,908:123966;072=908:194486;073=201:289691;074=329:61935,551:118313,845:63409,862:221896;075=862:211628;076=212:42573,551:449953,845:8625,914:12134;077=347:14243,732:367596,848:232844;078=329:63089,484:46512,640:7496,862:22684,908:226396;079=862:11106,908:257358;080=302:26179,445:187723,609:28393,610:75767,848:81003,856:812900;081=856:154482;082=609:221648,856:31426;083=609:31278,856:207260;084=609:53978;085=445:9491,640:250213,732:5383,848:65258;086=640:278368;087=732:263168,848:249468;088=484:57756,640:214713,848:340531,908:342021;089=908:114893;100=212:917815,332:489637,929:134229;101=212:60769,332:0;102=332:14809;103=201:230122,848:236619,908:25993;104=212:89343,914:229436,929:1107462;105=475:112767,845:197379,914:358602;106=914:85402;107=914:241201;108=914:91538;109=329:220063,845:360278,914:11505;110=363:208175,914:41478,929:9824;111=212:216090;112=332:311622,347:2334542;113=212:316563,347:262691,363:54573,929:534196;114=347:402472,363:328317,929:65901;115=363:493128,516:215128,914:41008;116=347:61866,516:68704;117=363:355456,631:281763,914:6744,934:848480;118=363:76624;119=475:125846,581:5225,934:144761;120=518:178126,838:160791;121=518:40475,680:1533,838:240158;122=838:155313;123=518:169777;124=329:147800,518:2505,838:1705;125=329:306371,475:66932,838:3974,845:72369;126=329:88327;127=329:98953,570:646;128=680:667,802:5662,838:222619;129=680:341,802:153572;130=315:317250,607:51339,680:14253;131=315:171473,607:444,680:1195;132=315:229027;133=315:1403,518:12128,680:120750;134=315:2355,518:9059,680:168013;135=680:73476;136=315:26321,680:180805,802:24650;137=329:11527,518:2149,570:230,607:114495,680:1249;138=329:607,607:105956,680:30442;139=607:81687;140=585:4008,624:114470,716:327268;141=585:1230,624:109325,716:88422;142=624:309591,716:276618;143=624:63265;144=315:32009,585:271371,607:1393,716:61;145=315:31869,585:286487,716:7035;146=585:476655;147=582:5581,585:1190,716:162198;148=585:44600,607:233197;149=607:44822;150=412:111862,724:338917;151=412:61929,724:249113,878:55192;152=412:99294,724:178266,878:413333;153=412:155074,681:32423;154=412:24604,681:77133,724:31755,814:119;155=582:9923,814:74947;156=724:281086,814:19850;157=582:4662,724:1609,814:98977;158=582:55778,716:13471,814:18566;159=582:12855,814:121888;160=724:207374;161=440:4864,724:204455;162=716:12324,724:63264,814:7944;163=440:4688,582:42672,716:56475,724:34162;164=440:15796,582:102628,716:5535;165=582:179893;166=582:197840;167=582:1196,716:43490;168=223:5034,582:193604;169=607:63387;170=223:430661,582:24538,717:202359;171=223:183427;172=223:85275,240:87169,582:38621,814:393;173=223:342515,240:8103,410:286;174=223:185956;175=223:323800,717:23482;176=223:174938;177=223:16162,272:36218,582:9678,607:102677;178=223:124612,272:71089,717:35646;179=272:44140,717:76468;180=484:321442,610:248485;181=610:176993;182=272:144405,610:376;183=329:37462,484:115816,570:24853,610:109;184=329:4482,570:194445,607:790;185=570:119862;186=272:121500,570:46502,607:792;187=272:79681,570:57715;188=272:6958,570:4535,607:61223;189=445:174031,484:127246,610:413,640:78208;190=302:11476,445:578080,610:470328,640:53596,856:50294;191=445:1026007,610:0,856:556829;193=302:387265,610:77891;194=302:17071,445:251533,484:19650,610:268917;195=223:18847,272:20340,302:6324,610:134849,717:44796;196=223:87492,610:65505,717:73640;197=302:349167;198=302:219376;199=302:437704;200=227:131694,571:280049,703:259673;201=240:437171,703:583432;202=571:0,703:0;203=571:642,703:0;204=703:21;205=571:0,703:0;206=410:130491,571:235259,703:10254;207=227:34646,301:194434,410:106260,443:144619,571:564592,703:22453;208=227:169730,240:328340,301:236801;209=227:70524,301:262776;210=223:2802,301:15945,302:22356,410:416643,443:344409;211=223:12634,240:22404,410:186436,443:273289;212=410:961473,443:221944;214=410:94866;215=681:22556,814:73410;216=302:54419,410:117868;217=240:468360,301:17737,443:37813,582:3585,814:509;218=302:176125,410:2793,757:4442;219=223:4125,302:100241;220=240:16884,703:497902;221=227:59883,703:432667;222=571:27352,703:208615;223=571:270071,703:74431;224=434:237,571:37494,703:154815,757:9902,804:47577;225=434:20692,571:5014,703:96388,757:9736,804:84503;226=240:168724,434:37891;227=434:64804,703:23886;228=434:174756;229=434:278634;230=434:26188,686:109502,757:47340,804:61637;231=434:12706,686:173738,757:110488,804:123881;232=686:553456,804:37949;233=302:5540,757:13873,948:267227;234=302:2140,757:64323,948:533948;235=757:133184,948:101853;236=757:391123;237=757:26364,948:70882;238=686:66676,757:6339,804:273420,948:13481;239=434:56577,686:14574,804:18973,919:11066;240=434:7554,540:91866,826:262665;241=336:1633,434:46257,540:60662,826:116882;242=276:174786,865:4657;243=276:48801,826:93380,828:5095;244=434:121891,826:24468;245=434:383850;246=276:51193,826:10220;247=304:277,826:56942;248=276:7763,304:24789,826:732;249=681:1112,826:47012;250=304:57728;251=304:70820;252=220:8815,304:46754;253=304:109696;254=240:187415,582:11929,814:5777;255=220:8925,304:120162,606:6642;256=304:45850;257=304:70628;258=304:76123,826:4833;259=304:19306,826:25171;260=412:92306,681:18939,724:11721;261=220:99956,304:9186,681:16214;262=304:4345,681:69621,826:5980;263=220:1479,304:9527,681:74514;264=304:299,681:52747;265=681:187351;266=304:28683,681:1530,826:205;267=434:506,681:10674,814:41921;268=434:16386,681:13333,814:1508;270=336:171191,704:66984,826:38712,828:20557;271=336:275105;272=336:223235,434:26637,472:4430,704:5144,743:368041;273=336:91464,434:16172,472:85544,704:143,743:195056,984:22443;274=336:332896;275=252:69642,434:32750,472:28787,743:50234,919:778969,984:371964;276=919:560455;277=919:255224,984:58409;278=252:472328,804:6843,919:41882,948:1158;279=252:35960,948:161186;280=704:602641,743:3333,828:43313,864:12,980:141748;281=704:395410,828:35457,839:63503,854:2578,980:171127;282=980:967202;283=252:40772,472:800854,743:138,854:47;284=252:3065,472:541796,854:1171;285=252:319383,472:189903;286=423:37720,704:5056,828:594523,980:1429;287=423:6733,828:478065,864:25658,865:62269;288=828:139361;289=865:40588;290=803:396230,839:39072,854:40482,864:1050;291=803:200673,839:16227,854:103054,864:33662;292=803:345750;293=704:44691,839:21732,864:371693;294=803:2422,843:309611,854:570682;295=854:720498;296=864:1089361;297=704:53308,839:363613,854:9547,980:9470;298=762:72420,839:139866,864:10542,912:3792;299=854:1301,912:242025;300=404:1076131,678:1045328,706:13722,770:396847;301=256:59056,404:548745,423:80610,678:105777,770:560798;302=334:41372,404:1041829,478:41866,706:31287;303=404:837892,770:200493;304=478:5363,762:10823,839:739,912:213852;305=423:46437,678:397043,706:249730,864:34863,865:13198;306=706:399804,864:36035;307=423:372034,770:2960;308=762:222058,864:7742,912:0;309=762:200986;310=229:18615,478:520091,706:1936,762:2732,912:4340;312=478:166261;313=912:249219;314=912:261758;315=229:69491,324:69702,478:482,912:206892;316=229:200935;317=229:323052,448:38331;318=229:5530,706:84208;319=706:197044;320=229:56454,324:55299,352:115517,386:60270,904:442240;321=352:152936,386:487956,407:2401,904:29286;322=324:581774,904:493772;323=229:16583,352:1406,448:427784;324=334:325089,448:46039;325=448:742201;326=352:381159,904:15630;327=321:655066,386:50272,407:236006,689:141521;328=321:37127,407:61574,689:974253;329=689:282731,772:430608;330=239:42872,305:710860,352:25495,754:455350,786:296782,954:258249;331=305:413943,786:1598424;333=352:111885,754:160509,954:577488;334=239:27798,561:907483,728:625041,754:5070,772:58322;335=352:21516,407:2310,727:52972,813:743201,863:115088;336=813:826077;337=727:766423;338=689:326,772:935,863:839326,941:22018;339=239:764759,941:166141;341=239:450330;342=941:918747;344=352:467175,727:39032;346=727:664520,813:80117;347=352:30134,407:354132,689:387796,863:115586;349=772:521608;350=205:260576,256:97581,334:21520,659:97962;351=205:241491,256:56022,334:1999,659:45380;352=205:445512,659:56804;354=659:221030,662:37148;355=205:13786,256:36734,659:45207,662:56596;356=256:393983,731:1874;357=256:263055,423:12429;358=256:214900;359=256:253578,423:36210;360=334:286438,706:14981;361=334:205921;362=256:170036,334:13620;363=334:247825;364=251:13593,334:36330,448:52328;365=228:19759,251:277860,448:120005;366=251:278904;367=205:29246,251:10330,334:48230,662:11514;368=334:188602,706:99893;369=251:4329,601:5374,662:7642;370=270:17035,615:501455,629:225979,931:368126;371=270:37584,615:227094,629:315573,931:197649;372=615:370465,629:104788;373=256:90140,423:464982,865:27307,931:35660;374=423:213011;376=423:396032,828:28696;377=423:22424,828:40979,865:301401;378=423:28364,828:14175,865:510322;379=865:442846;380=573:4450,731:93006,901:332113;381=662:104358,901:613500;382=731:104524,931:7939;383=731:290122,931:260;384=256:20295,731:4586,931:169967;385=865:9766,931:241499;386=662:225876,731:4918,901:196180;387=601:4993,662:97307;388=662:179839,731:66220,901:12602;389=601:441,662:88119,901:12663;390=601:281124,662:1072;391=225:29212,601:249907,662:1935;392=601:215900;393=601:100367,662:95562;394=228:28891,601:304156,985:45847;395=228:386515,601:10488,985:16502;396=225:51801,601:76400;397=662:166480;398=229:29960,334:21665,448:52541,706:2407;400=270:52463,502:133337,812:90501;401=270:101395,502:53689;402=502:734932,812:30910;403=502:87502,606:26999,859:245909;404=502:2778,859:193343;405=859:321882;406=502:51627;407=859:29393,865:82419;408=276:14406,865:17307;409=276:728,859:19004,865:41634;410=502:13983,513:11301,606:2342,859:496901;411=606:132905;412=304:13552,606:33872;413=606:14385,859:18115;414=606:23527;415=276:25235,304:34259;416=276:4936,304:27858,606:3155;417=276:31512,606:3271,859:1142,865:2997;418=276:26230,606:674;420=364:15119,573:86703,618:41751,731:10438,931:68983;421=270:235790,931:9971;422=270:50016,931:106426;423=270:26288,364:127473,930:10803,931:11496;424=364:124366,930:448,931:5145;425=270:2348,859:72435,865:5746;426=865:16497,931:46703;427=270:182355,931:6897;430=326:170,380:699813,419:14223,740:169600,937:25332;431=220:20110,380:217097,614:119929,740:87045,937:3352;432=380:394266,614:453836;433=326:12392,380:120277,419:40517,937:7515;434=313:236,419:56788,567:103117;435=260:16249,419:70386,517:94853,567:122859;436=567:326905;437=220:60277,330:19706,681:1970,740:107060;438=234:5169,330:8907,740:49852;439=330:56392,412:74588,681:5025,724:30685;440=216:402731,330:16408,419:38128,436:19917,440:387723;441=216:997749,436:173490,440:13985;442=216:123147,234:352598,330:61725,419:23303,436:14224;443=234:263720;444=330:314389,724:18338;445=330:154934;446=234:187046,330:181351,419:87576;447=234:120881,330:69431;448=380:2177,419:327110;449=419:94207;450=283:281885,326:153589,513:184595,859:20543;451=326:45332,513:104730,740:42511,859:126887,937:31810;452=513:729803,859:84752;453=283:33117,326:311846,380:4232,765:3349,937:147426;454=326:375364,937:110002;455=937:100041;456=220:27079,304:38890,606:103018,740:162977;457=220:148059;458=260:88574,326:54156,419:217930,765:4763;460=317:265408,463:176168,765:175495;461=317:2908,463:483110,765:24113,930:81506;462=317:88125,463:890698;463=219:636070,574:54306;464=219:123536;465=574:492600;466=574:148800;467=260:284414,269:8683,574:41256,765:4920;468=260:333026;469=574:19229,765:283761;470=283:18451,513:6645,859:93274;471=502:29902,812:276957,930:2439;472=463:60539,765:90,812:60994,859:568,930:96529;473=283:51137,765:259142;474=930:261631;475=270:3217,502:2651,930:157997;476=364:12533,930:116698;477=930:183323;478=447:107395,930:75149;479=217:27234,219:32926,317:35287,447:297,463:4096,765:215276,930:1243;480=586:646534,810:162332,947:357231;481=313:437457,517:52407,567:100477,734:1000664,947:30394;482=313:500356,586:198791,734:37039,947:113757;483=586:68876,810:14716,947:945041;484=810:413436,947:14642,989:33735;485=810:165128;486=989:390729;487=810:27565,989:174781;488=269:1687,517:387711,734:46902,810:22467,906:90516,989:89182;489=517:161259;490=269:592076,574:116849,616:43697;491=574:107749;492=269:30500,517:306477,567:10484;493=231:16396,269:4139,616:113179,906:209372,989:12964;494=231:299827,616:303817;495=616:382330,906:52091;496=231:60444,989:220850;497=906:998,989:223818;498=274:16034,906:162706;499=534:7424,715:7714,906:63830;500=515:252301,641:5060,712:14226;501=515:127667,641:62832,712:191;502=515:204633,641:45499,712:170;503=515:305875;504=507:10984,641:91505;505=515:75495,641:23594,712:21517;506=319:138087,507:1309,641:29278;507=319:76746;508=515:23509,531:2336,712:5510;510=712:87738;511=712:89537;512=605:25769,712:21046;513=605:2871,641:8651,712:35534;514=515:18317,712:27802;515=531:22934,712:124220;516=531:22573;520=319:42064,563:103395;521=319:32527,507:24231;522=319:170016,563:3881,641:6865;523=319:164236,563:1325,641:8299;524=319:145119;525=641:110089;526=319:98583,641:2090;527=309:7923,319:20661,563:146231;528=563:103543;530=262:456748,414:125164,608:4319,920:78693;531=262:349067,414:261806,608:38670,815:45045;532=262:90015,414:705284;534=262:127813;535=563:4639,608:579645,815:2238;537=608:308771;538=319:14558,563:35041,608:10270;539=262:1033,608:153431,715:33091,920:16603;540=534:3342,651:151078,763:5843;541=274:91920,906:8401,920:167621;542=274:77668,906:784,920:52949;543=274:159341,920:29038;544=534:17094,715:373179,920:1683;545=274:2893,534:12857,715:76382,906:615;546=319:2039,534:206981,608:13332,715:33390;547=507:4141,534:265307,651:4297;548=218:4706,534:167690,651:4489,763:9331;549=608:2742,715:48274,920:450689;550=218:134062,507:132947,534:4409,651:375036,763:75815,952:4391;551=612:4655,651:739657,763:73164;553=218:203203,320:118700,612:57532,763:157644,952:527304;554=218:28925,612:648409,763:274463,952:179460;556=218:15972,906:612;557=218:155146,320:347,534:13187;558=218:113307,534:5325;559=507:303310,534:44562;560=320:4065,507:171644,641:19589,952:73637;561=507:4658,605:80777,641:1057,952:3445;562=218:19863,320:90087,605:34485;563=218:15161,320:310715;564=218:11203,320:141838;565=218:176090,320:1344,701:3319;566=218:68604,320:12830,701:9964;567=701:68243;570=605:166614,712:26242;571=605:204373;572=218:4334,605:62371,701:7028;573=605:83165;574=605:60097;575=605:51765;576=605:11484,701:8739;577=307:192307,605:19460;580=218:10258,605:2772,701:83617;581=701:131261;582=701:101006;583=701:46343;584=605:31774,701:14536;585=701:159081;586=307:1159,701:48850;587=701:96443;588=701:51456;590=307:4192,406:85047;591=406:145092;592=307:6972,406:15628,701:15515;593=307:28446,406:5795;594=406:132889,986:1114;595=406:30838;596=406:88470;597=406:197599;598=406:15727,986:198341;599=986:134075;600=224:892268,262:258359,464:126189,708:28651,815:324526,872:29912;601=224:341639,331:410072,464:169591,630:347471,708:14269,815:155860;602=872:81285;603=708:64804;604=219:524233,331:413049,464:186019,708:309917,861:1310;605=331:683856,464:140966,630:119447,708:89151,815:2777;606=219:198783,464:814760,708:102917,872:1574766;607=464:67670,708:40897;608=219:24887,464:124810;609=217:43544,219:108087,331:6709;610=563:75970,608:44976,815:181326;611=815:223906;612=309:73850,319:1463,563:132879;613=309:45331,331:48206,563:4043,815:17865,861:28102;614=309:75353,319:54890,563:2920;615=217:1612,309:198914,861:3129;616=309:161115;617=217:2125,309:9384,861:222034;618=217:285539,861:3291;619=217:11520,447:88512;620=217:19384,557:45810,618:224600,636:5571;622=557:64149,618:384346;623=217:879,319:89854,636:15109;624=447:113934,618:10309,930:18460;625=217:90908,447:9813,861:73867;626=217:129464,309:6760,319:5649,618:14063;627=217:137953;628=364:3943,447:21305,618:138913,930:35109;629=364:6768,573:12074,618:191901;630=557:278161,636:461572;631=557:803621,618:18736,636:69550;633=235:7639,557:52342,573:5233,618:537,636:475777;634=235:36524,319:21865,636:5849,641:2906;635=235:11752,641:48418;636=557:70701,573:17180,618:14644,636:27807,870:2730;637=573:131061;638=573:65949,870:43365;639=573:9122,870:67587;640=660:33224,816:588571,913:32818;641=816:403223,913:203218;644=515:2976,531:6434,816:23908,913:64871;645=913:82702;646=235:3917,515:4516,641:2229,660:16661,816:40997,913:329;647=417:41880,660:22808,816:48781;648=417:190390,479:14332;650=235:9910,573:126925,660:21446;651=573:70167;652=235:254649,573:22077,660:4378;653=660:105754;654=417:2610,573:77884,636:6265,870:4029;655=417:32211,573:77439,636:6894,870:8457;656=417:196830,479:14271,660:609,870:3711;657=417:245334,479:26315,660:4377,870:30001;658=417:236423;660=620:1314,785:194507,816:45168,913:285793;661=816:37,913:159468;662=816:12184,913:400774;664=620:46269,785:33934,913:5269;665=620:72215,785:59303,913:500;666=785:163637;667=417:76815,620:14689,816:1034,918:20143;668=316:5842,620:52120;669=308:11508,531:385,620:8524,785:3914;670=316:165362,620:17995,918:1627;671=316:98411,620:16648;672=316:425549;673=417:15865,918:40083;674=620:122264,785:10337;675=620:83336,785:32640;676=308:4309,785:52975;677=308:20242,620:2004,785:8212;678=620:115681;679=620:26748,806:1786;680=531:234249,712:12467;681=531:635178,712:9403;683=308:10486,531:65503,785:253,913:4872;684=308:965,531:73530,785:220,913:228;685=531:301026;686=308:4389,531:69937;687=308:10951,531:64808,605:4484,712:47357;688=308:171115;689=308:70774;690=308:23918;691=307:12659,308:62770;692=308:7607,605:644;693=307:60741,308:6319;700=504:476366,985:91531;701=504:403878,985:10219;703=225:18271,337:8158,504:15022,985:225144;704=225:8027,985:464877;705=318:20416,337:611156;706=318:4103,337:272207,409:326;707=225:392637,337:1690,985:44510;708=225:386722;710=318:155380,870:16814;711=318:288900;712=318:26585,601:32104,870:271956;713=318:186493,337:3235,601:2902;714=318:180949;716=501:77747,601:2190,662:20050,870:46857;717=501:1928,870:94940;718=318:69815,479:12663,501:10088,870:25824;719=479:22399,501:149063;720=501:393168,662:12892,870:6048;721=501:306322,662:1087,870:14946;722=501:218724;723=662:28615,870:43719,901:77813;724=870:237547;725=417:564,501:43131,870:62875;726=417:85041,479:33425,501:20962;727=479:561056;728=479:36769,501:87218;729=479:227355;730=405:482016,572:243879,580:78884;731=405:479660,572:215713;734=580:79164,903:13073;735=580:199602,940:5388;736=405:3232,580:54267;737=316:5619,405:93101,620:7316;738=405:1893,580:3280,620:26474;739=620:8182,806:19393;740=539:238238,572:68188,918:359469;741=539:177411,918:257723;743=417:57229,479:18165,539:37122,918:12934;744=479:52695,539:163979;745=479:15201,539:36551,580:1892,903:27776;746=316:34403,405:1842,918:17029;747=318:1953,479:27244,903:61017;748=539:13526,572:132131,580:43299,918:9805;749=479:108274;750=214:180924,469:1345430,817:197667,903:95044,940:430516,972:407312;751=214:583424,469:78155,817:62656,903:207012;752=214:1036752,682:0,817:17043,972:318386;753=214:0;754=469:170042,903:232389;755=318:111574,903:12569;756=318:75300,903:261706,936:5591;757=903:380008,936:2705;758=903:76770,936:42907,979:2561;759=318:8284,337:7048,409:8591,936:229703;760=682:272133,817:1094438,903:661,940:10200;761=682:140207,817:944406;762=580:7359,682:159127,903:14065,940:411057;763=325:2153,580:12398,940:156347;764=254:26186,325:34056,817:65997,940:25344;765=254:494985,512:59976,979:12532;766=254:69629,817:16949,903:72556,979:12280;767=254:158591,903:31750;768=254:12634,325:71466;769=325:129202,432:4628,830:2772;770=346:155642,832:3046872;772=832:4056;773=409:334,832:519866,936:948653;774=346:128,361:30871,832:1185394,936:138536,979:118602;775=346:579491,409:146801,832:503445,979:99389;776=409:278776;777=409:141516;778=936:12121,979:337932;779=361:169262;780=361:4971,726:295854,830:20412,956:287683;781=361:41909,726:131013,830:355636;782=726:1833756,830:34334;783=361:224987,956:6057;784=361:318904;785=956:1390191;786=254:15824,512:757401,726:27259,737:342177,830:140490;787=512:210371,737:946977;788=726:17703,830:152917,956:554;789=361:10739,512:5110,737:17073,979:38128;790=580:10575,620:2982,806:199949;791=806:236165;792=325:179,580:15252,806:13147;793=432:36263,806:107943;794=806:286407;795=325:67886,432:27552,806:115;796=325:138823;797=432:433344,575:14910;798=432:8317,575:2905,830:1791,915:55894;799=915:819013;800=303:399510,983:523406;801=719:42259,983:716985;802=303:329892,983:811942;803=303:129202;804=303:200382,719:1024,970:25292,983:325;805=303:192409,970:436944;806=307:435,970:193110,983:118165;807=307:418,308:11652,970:55104,983:355;808=308:4473,620:207,719:126302,983:1007;809=719:613448;810=620:1918,719:233336,806:1258;811=505:31906,719:42032;812=303:8553,505:845,719:67224,970:15579;813=505:70993,970:86;814=505:6396,970:81904;815=970:153780;816=303:46549,307:0,970:114514;820=307:117657,970:20733;821=406:739;822=307:23682;823=307:14808;824=307:783,406:53171;825=307:35435,406:2905;826=307:95309;827=307:60911;828=307:36545,406:3008;829=385:16962,435:23230,970:27716;830=406:1872,435:20265;831=435:23172;832=435:181547,986:4207;833=435:47042,986:163967;834=406:76645,435:164473,986:6993;835=986:72864;836=986:580458;837=986:292693;838=509:3545,986:299292;840=385:415284,435:2588,801:1134716,970:34422;841=385:37136,801:598802;843=385:9723,435:204243;844=385:184984,435:33288;845=505:9591,801:29543,970:14464;846=435:4021,801:325418;847=435:291194,970:211;850=480:53041,623:1411787;851=520:241561,602:253737;852=602:767833,623:884001;853=480:979114,520:4351,623:338098,928:221377;855=520:44618,602:50262,928:2780;856=520:326309;857=520:916333;859=505:49965,602:30419,928:601;860=435:6387,505:17250,928:162581;863=480:5976,623:6425,928:227015;864=435:3647,702:0,928:208636;865=505:55686;870=505:202801,575:5;871=505:760764;873=505:72454;874=505:117649;875=505:235829,719:4954;877=505:26198,719:10723,806:689;878=505:16463;879=575:16039;880=520:492,575:263393,915:23058;881=575:2281,806:66631;882=575:198516;883=505:1013,575:76889;884=505:3695,719:976,806:11882;890=435:25831,559:581,702:356023,725:274999,775:59279,928:9663;891=702:84101,725:1541006,775:711;893=435:8781,775:1256;894=775:324483,986:1232;895=775:322956;897=775:70006;898=385:114,775:5579,801:4649,986:49814;900=310:28478,323:436058,424:743438,626:129419,747:1011650,818:67618;902=310:509836,323:448288,424:188238,562:40983,747:23757;903=310:23169,424:106126;904=424:93880;905=310:172123;906=323:184789,562:183997,657:286890,714:68615;907=310:210312,562:415395;908=310:35648,562:433162;910=626:228769,818:55898;911=626:163458;912=626:32330,818:172872;913=424:202074,661:18722,747:548528,805:43628,818:594557;914=424:189718,818:121597;915=818:108959;916=424:32118,818:183037;917=626:442933,714:285419,909:1191128,951:37551;918=626:81533;919=619:565439,858:23372;920=619:44359,760:659753,858:610609;921=619:1018589,858:356729;922=858:1647,928:194504,951:618241;923=442:419549,702:15,760:48770,775:1059,909:476530,928:5498,951:262236;924=909:255071;925=760:111897,951:1439057;926=562:35504,714:98241,760:37470,949:1231702,951:2635;927=714:37191,949:439596;928=562:15484,657:168987,714:727086,909:45955,949:36684,951:287919;930=747:128695,805:576719;931=805:190544;932=559:427372,661:351075,805:5961,820:18975;933=661:589959;934=805:6425,820:512836;935=559:26707,626:80147,661:414796,760:35602,775:1402;936=209:93598,559:545821;937=559:617687;939=820:700,831:406265;940=415:115108,650:460422,669:280585;941=415:836321,650:0;943=650:114419;944=650:140535;945=341:549051,369:22137,650:105641,669:333568,707:396687,925:1070289;946=341:459490;947=341:147676;948=341:182936;949=369:95486,415:124482,628:170601;950=408:218789,669:585248,831:76339;951=408:20503,669:994351;952=209:533932,775:2934,916:2333;953=209:1114606,559:2639,775:65,925:25193;954=369:473908,415:35139,530:2775;955=369:165626,530:307;956=209:33012,369:487,530:266476,775:6519,916:959422,925:3889;957=530:27189,775:9013,916:353455;958=916:894878;959=530:327332,775:551,916:196305;960=369:3236,530:303652;961=530:5167,775:105154;967=808:1018122;968=808:427513;970=360:53935,458:25462,503:380545,509:752,971:396091;971=458:8800,503:348867;972=360:120636,503:187669,971:620991;973=458:661049,503:4087,971:1204;974=369:20065,458:574138;975=369:12891,458:202180,530:94389;976=458:38645,530:35956;977=458:260326,986:5097;978=458:969,509:127974,986:23316;979=986:32721;980=206:22575,253:537412,425:1024323;981=206:205208,425:79713,564:734079;982=360:426243,425:558314,564:6672;983=253:429926,360:315781,564:78945;984=253:449068;985=253:381917,360:155838,503:2169;986=360:648160,458:418,503:17603,509:7617;988=360:238,425:35315,509:209632;989=253:95418,425:461,509:205930;990=509:170119;991=509:121251;992=509:389529;993=509:408539;994=509:22460;995=907:316611;996=907:211799;997=907:133786;998=360:12878,907:37190;999=360:21082';

// EXTERNAL MODULE: ./src/config/person-fields.ts
var person_fields = __webpack_require__(42003);
;// CONCATENATED MODULE: ./src/engine/samplers/person-fields.ts
/**
 * Data Designer's `person` sampler fields and derived values, ported from
 *   engine/sampling_gen/entities/dataset_based_person_fields.py  (PII_FIELDS, PERSONA_FIELDS, REQUIRED_FIELDS)
 *   engine/sampling_gen/entities/person.py                        (generate_and_insert_derived_fields)
 *   engine/sampling_gen/entities/email_address_utils.py           (get_email_address)
 *   engine/sampling_gen/entities/national_id_utils.py             (generate_ssn)
 *   engine/sampling_gen/entities/phone_number.py                  (PhoneNumber.from_zip_prefix)
 * with every random draw taken from the cell's Rng (Data Designer uses Python's global `random`), so a
 * person is a pure function of (seed, stage, column, record).
 */





/** Python's random.randint(a, b): both ends included. */
const randint = (rng, a, b) => a + Math.floor(rng.next() * (b - a + 1));
/** Python's random.choices(items, weights, k=1)[0]: bisect over cumulative weights. */
function choice(rng, items, weights) {
    const total = weights.reduce((a, b) => a + b, 0);
    const x = rng.next() * total;
    let acc = 0;
    for (let i = 0; i < items.length; i++) {
        acc += weights[i];
        if (x < acc)
            return items[i];
    }
    return items[items.length - 1];
}
const DOMAINS = ['gmail.com', 'icloud.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'protonmail.com', 'zoho.com', 'gmx.com', 'aol.com'];
const DOMAIN_WEIGHTS = {
    under30: [710, 300, 50, 40, 35, 20, 3, 3, 0.1],
    from30to50: [360, 270, 60, 50, 60, 18, 7, 4, 0.3],
    over50: [430, 280, 90, 110, 135, 12, 5, 4, 1.1],
};
/**
 * anyascii's transliteration, for Latin scripts: accents dropped (`é` → `e`), then Data Designer's
 * `[^a-z0-9]` removal. Non-Latin names (kana, Hangul, Devanagari) have no romanization here: they give ''.
 */
function asciiName(name) {
    return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[æ]/g, 'ae').replace(/[ø]/g, 'o').replace(/[^a-z0-9]/g, '');
}
/** email_address_utils.get_email_address; null when a name has no Latin letters left (Data Designer romanizes it). */
function emailAddress(rng, first, middle, last, age, birthDate) {
    const domain = choice(rng, DOMAINS, age < 30 ? DOMAIN_WEIGHTS.under30 : age < 50 ? DOMAIN_WEIGHTS.from30to50 : DOMAIN_WEIGHTS.over50);
    const f = asciiName(first);
    const l = asciiName(last);
    if (f === '' || l === '')
        return null;
    const patterns = [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${l}${f[0]}`, `${f}${l[0]}`];
    let weights = [0.3, 0.2, 0.15, 0.1, 0.15, 0.1];
    const m = middle ? asciiName(middle) : '';
    if (middle && m !== '') {
        patterns.push(`${f}${m}`, `${f}${m[0]}${l}`, `${f}${m}${l}`);
        weights = [0.25, 0.17, 0.12, 0.08, 0.12, 0.08, 0.06, 0.06, 0.06];
    }
    const base = choice(rng, patterns, weights);
    const [year, , day] = birthDate.split('-').map(Number);
    const suffixes = ['', String(randint(rng, 1, 99)), String(year % 100).padStart(2, '0'), String(year), String(day)];
    const suffix = choice(rng, suffixes, [0.4, 0.3, 0.1, 0.1, 0.1]);
    return `${base}${suffix}@${domain}`;
}
const STATE_TO_AREA_SSN = {
    NH: [1, 3], ME: [4, 7], VT: [8, 9], MA: [10, 34], RI: [35, 39], CT: [40, 49], NY: [50, 134], NJ: [135, 158], PA: [159, 211],
    MD: [212, 220], DE: [221, 222], VA: [223, 231], WV: [232, 236], NC: [237, 246], SC: [247, 251], GA: [252, 260], FL: [261, 267],
    OH: [268, 302], IN: [303, 317], IL: [318, 361], MI: [362, 386], WI: [387, 399], KY: [400, 407], TN: [408, 415], AL: [416, 424],
    MS: [425, 428], AR: [429, 432], LA: [433, 439], OK: [440, 448], TX: [449, 467], MN: [468, 477], IA: [478, 485], MO: [486, 500],
    ND: [501, 502], SD: [503, 504], NE: [505, 508], KS: [509, 515], MT: [516, 517], ID: [518, 519], WY: [520, 520], CO: [521, 524],
    NM: [525, 527], AZ: [526, 527], UT: [528, 529], NV: [530, 530], WA: [531, 539], OR: [540, 544], CA: [545, 573], AK: [574, 574],
    HI: [575, 576], DC: [577, 579], VI: [580, 580], PR: [580, 599], GU: [586, 586], AS: [586, 586],
};
/** national_id_utils.generate_ssn (its 30% "born elsewhere" draw is overwritten there too, so it only consumes a number). */
function ssn(rng, state, birthDate) {
    let range;
    if (birthDate < '2011-06-25') {
        if (rng.next() < 0.3)
            rng.next(); // random.choice over the states, whose result Data Designer discards
        range = STATE_TO_AREA_SSN[state] ?? [1, 899];
    }
    else
        range = [1, 899];
    let area = 666;
    while (area === 666)
        area = randint(rng, range[0], range[1]);
    const group = randint(rng, 1, 99);
    const serial = randint(rng, 1, 9999);
    return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}
let zipTable;
function zipAreaCodes() {
    if (zipTable)
        return zipTable;
    const byPrefix = new Map();
    const all = { codes: [], weights: [] };
    for (const entry of ZIP3_AREA_CODES.split(';')) {
        const [prefix, list] = entry.split('=');
        const e = { codes: [], weights: [] };
        for (const pair of list.split(',')) {
            const [code, weight] = pair.split(':').map(Number);
            e.codes.push(code);
            e.weights.push(weight);
            all.codes.push(code);
            all.weights.push(weight);
        }
        byPrefix.set(prefix, e);
    }
    zipTable = { byPrefix, all };
    return zipTable;
}
/**
 * person.generate_phone_number for en_US adults: an area code for the ZIP code (Data Designer: the exact
 * ZIP 60%, its 4-digit prefix 20%, 3-digit prefix 10%; ddflow holds the 3-digit level, population-weighted)
 * or a population-weighted one (10%), then PhoneNumber.from_area_code's randint(200, 1000) and
 * randint(0, 10000) (both ends included, as there).
 */
function phoneNumber(rng, postcode) {
    const table = zipAreaCodes();
    const r = rng.next();
    const local = r < 0.9 ? table.byPrefix.get(postcode.slice(0, 3)) : undefined;
    if (r < 0.9 && !local)
        throw new diagnostics/* DdflowError */.Zq(`No ZIP codes found with prefix ${postcode.slice(0, r < 0.6 ? 5 : r < 0.8 ? 4 : 3)}.`);
    const { codes, weights } = local ?? table.all;
    const area = choice(rng, codes, weights);
    const prefix = randint(rng, 200, 1000);
    const line = String(randint(rng, 0, 10000)).padStart(4, '0');
    return `${area}-${prefix}-${line}`;
}
/**
 * person.generate_and_insert_derived_fields: birth date, phone, email and national id added; for en_US
 * the dataset's `region` becomes `state`; the result ordered PII fields, then the derived ones, then the
 * persona fields, as Data Designer's three dict comprehensions order them.
 */
function derivePerson(rng, record) {
    const missing = person_fields/* REQUIRED_FIELDS */.Ws.filter((f) => !Object.hasOwn(record, f));
    if (missing.length > 0)
        throw new diagnostics/* DdflowError */.Zq(`Person data is missing the following required fields: {${missing.map((m) => `'${m}'`).join(', ')}}`);
    const age = Number(record.age);
    const birthDate = birthDateFor(age, rng);
    const locale = record.locale;
    const postcode = record.postcode;
    const region = record.region;
    const out = { ...record };
    out.birth_date = birthDate;
    out.phone_number = locale === 'en_US' && age >= 18 && postcode !== null && postcode !== undefined ? phoneNumber(rng, String(postcode)) : null;
    out.email_address = age < 18 ? null : emailAddress(rng, String(record.first_name), record.middle_name ?? null, String(record.last_name), age, birthDate);
    out.national_id = locale === 'en_US' && region !== null && region !== undefined ? ssn(rng, String(region), birthDate) : null;
    if (locale === 'en_US' && Object.hasOwn(out, 'region') && !Object.hasOwn(out, 'state')) {
        const state = out.region;
        delete out.region;
        out.state = state;
    }
    const pii = new Set(person_fields/* PII_FIELDS */.n8);
    const persona = new Set(person_fields/* PERSONA_FIELDS */.bB);
    const ordered = {};
    for (const [k, v] of Object.entries(out))
        if (pii.has(k))
            ordered[k] = v;
    for (const [k, v] of Object.entries(out))
        if (persona.has(k))
            ordered[k] = v;
    return ordered;
}

// EXTERNAL MODULE: ./src/engine/samplers/person-data-location.ts
var person_data_location = __webpack_require__(61888);
;// CONCATENATED MODULE: ./src/engine/samplers/person-data.ts
/**
 * Where the `person` sampler's Nemotron-Personas rows come from, and the filtered pool it draws from.
 *
 * Data for a locale, first found of:
 *   1. DDFLOW_PERSONAS_<locale> (e.g. DDFLOW_PERSONAS_en_US): an hf path `datasets/<org>/<dataset>/<glob>`
 *      read through the hf seed machinery (src/data/hf-hub.ts: HF_ENDPOINT, HF_TOKEN, the local cache), or a
 *      local parquet file or `<dir>/*.parquet`;
 *   2. Data Designer's managed assets, as its LocalPersonReader reads them:
 *      `$DATA_DESIGNER_MANAGED_ASSETS_PATH/datasets/<locale>.parquet` (default `~/.data-designer/managed-assets`,
 *      or `$DATA_DESIGNER_HOME/managed-assets`);
 *   3. otherwise a sentence naming both.
 * Columns named as on the Hub's Nemotron-Personas datasets are mapped to Data Designer's names
 * (`zipcode` → `postcode`, en_US `state` → `region`, which the sampler turns back into `state`).
 *
 * The filters are Data Designer's ManagedDatasetGenerator evidence (`column IN (...)` for sex, city, every
 * age of age_range, select_field_values with en_US `state` read as `region`), applied in DuckDB. The pool is
 * held in memory, at most MAX_POOL rows: a larger one is cut to a seeded uniform subset (hash order).
 */



const MAX_POOL = 100_000;


const personPoolKey = (p) => JSON.stringify([p.locale ?? 'en_US', p.sex ?? null, p.city ?? null, p.age_range ?? [18, 114], p.select_field_values ?? null, p.with_synthetic_personas ?? false]);
/** Loads the filtered pool for one set of person params (Data Designer's PeopleGenFromDataset). */
async function loadPersonPool(db, p, seed) {
    const locale = p.locale ?? 'en_US';
    const loc = (0,person_data_location/* personDataLocation */.Lu)(locale);
    const files = await (0,person_data_location/* locationFiles */.ps)(loc);
    const from = `read_parquet([${files.map(database.quoteLiteral).join(', ')}], union_by_name = true)`;
    let described;
    try {
        described = await db.describe(`SELECT * FROM ${from}`);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Could not read the Nemotron-Personas data for locale ${locale} (${loc.path}): ${(0,database.errorMessage)(err)}`, { cause: err });
    }
    const names = new Set(described.map((c) => c.name));
    // Hub names → Data Designer's managed-dataset names.
    const select = [];
    const have = new Set();
    for (const n of names) {
        let as = n;
        if (n === 'zipcode' && !names.has('postcode'))
            as = 'postcode';
        if (n === 'state' && locale === 'en_US' && !names.has('region'))
            as = 'region';
        select.push(`${(0,database.quoteIdent)(n)} AS ${(0,database.quoteIdent)(as)}`);
        have.add(as);
    }
    const evidence = [];
    if (p.sex)
        evidence.push(['sex', [p.sex]]);
    if (p.city !== null && p.city !== undefined)
        evidence.push(['city', Array.isArray(p.city) ? p.city : [p.city]]);
    const [minAge, maxAge] = (p.age_range ?? [18, 114]);
    evidence.push(['age', Array.from({ length: maxAge - minAge + 1 }, (_, i) => minAge + i)]);
    for (const [key, values] of Object.entries(p.select_field_values ?? {})) {
        const field = key === 'state' && locale === 'en_US' ? 'region' : key;
        if (!person_fields/* PII_FIELDS */.n8.includes(field) && !person_fields/* PERSONA_FIELDS */.bB.includes(field))
            throw new diagnostics/* DdflowError */.Zq(`Invalid field name: ${key}`);
        if (values.length > 0)
            evidence.push([field, values]);
    }
    for (const [field] of evidence) {
        if (!have.has(field))
            throw new diagnostics/* DdflowError */.Zq(`The Nemotron-Personas data for locale ${locale} (${loc.path}) has no column '${field}' to filter on.`);
    }
    const where = evidence.map(([f, vs]) => `${(0,database.quoteIdent)(f)} IN (${vs.map((v) => (typeof v === 'number' ? String(v) : (0,database.quoteLiteral)(String(v)))).join(', ')})`).join(' AND ');
    const order = have.has('uuid') ? `hash(${Math.trunc(seed)}::BIGINT, "uuid"), "uuid"` : `hash(${Math.trunc(seed)}::BIGINT, rid), rid`;
    let rows;
    try {
        rows = await db.all(`SELECT * EXCLUDE (rid) FROM (SELECT ${select.join(', ')}, row_number() OVER () AS rid FROM ${from}) WHERE ${where} ORDER BY ${order} LIMIT ${MAX_POOL}`);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Could not read the Nemotron-Personas data for locale ${locale} (${loc.path}): ${(0,database.errorMessage)(err)}`, { cause: err });
    }
    if (rows.length === 0) {
        throw new diagnostics/* DdflowError */.Zq(`🛑 Only 0 samples could be generated with the given settings: ${pyKwargs(p)}. This is likely because the filter values are too strict. Person sampling does not support rare combinations of field values. Please loosen the constraints and try again.`);
    }
    // Data Designer drops the columns that are null in every sampled row, then keeps PII (and persona) fields.
    const keep = [...person_fields/* PII_FIELDS */.n8.filter((f) => have.has(f) && f !== 'locale'), ...(p.with_synthetic_personas ? person_fields/* PERSONA_FIELDS */.bB.filter((f) => have.has(f)) : [])].filter((f) => rows.some((r) => r[f] !== null && r[f] !== undefined));
    const localeAt = person_fields/* PII_FIELDS */.n8.indexOf('locale');
    const pool = rows.map((r) => {
        const out = {};
        for (const f of keep) {
            if (person_fields/* PII_FIELDS */.n8.indexOf(f) > localeAt && !Object.hasOwn(out, 'locale'))
                out.locale = locale;
            out[f] = typeof r[f] === 'bigint' ? Number(r[f]) : r[f];
        }
        if (!Object.hasOwn(out, 'locale'))
            out.locale = locale;
        return out;
    });
    return { locale, rows: pool };
}
function pyKwargs(p) {
    const parts = [];
    if (p.sex)
        parts.push(`'sex': '${p.sex}'`);
    if (p.city)
        parts.push(`'city': ${JSON.stringify(p.city).replace(/"/g, "'")}`);
    parts.push(`'age_range': [${(p.age_range ?? [18, 114]).join(', ')}]`);
    parts.push(`'with_synthetic_personas': ${p.with_synthetic_personas ? 'True' : 'False'}`);
    return `{${parts.join(', ')}}`;
}

;// CONCATENATED MODULE: ./src/engine/samplers/person.ts
/**
 * Data Designer's `person` sampler (sampling_gen/data_sources/sources.py PersonSampler over
 * people_gen.py PeopleGenFromDataset): a row of the locale's Nemotron-Personas data matching the filters
 * (person-data.ts), with the derived fields added (person-fields.ts). The row is drawn with the cell's
 * Rng from the pool loaded before the stage's records are drawn, so a person is a pure function of
 * (seed, stage, column, record) — with replacement, where Data Designer draws a batch without replacement.
 */



const personSampler = {
    type: 'person',
    conversion: 'passthrough',
    outputType: () => 'json',
    create(params, column, _key, resources) {
        const pool = resources?.personPools?.get(personPoolKey(params));
        if (!pool)
            throw new diagnostics/* DdflowError */.Zq(`Person generator for column '${column}' (locale ${params.locale ?? 'en_US'}) was not loaded.`);
        const rows = pool.rows;
        return (rng) => derivePerson(rng, { ...rows[Math.floor(rng.next() * rows.length)] });
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/poisson.ts

const poissonSampler = {
    type: 'poisson',
    conversion: 'numeric',
    outputType: () => 'int',
    create({ mean }) {
        return (rng) => poisson(rng, mean);
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/scipy.ts

const scipySampler = {
    type: 'scipy',
    conversion: 'numeric',
    outputType: (p) => (scipyDistribution(p.dist_name, p.dist_params).discrete ? 'int' : 'float'),
    create({ dist_name, dist_params }) {
        const dist = scipyDistribution(dist_name, dist_params);
        return (rng) => dist.draw(rng);
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/subcategory.ts


const subcategorySampler = {
    type: 'subcategory',
    conversion: 'numeric',
    outputType: (p) => {
        const all = Object.values(p.values).flat();
        return all.every((v) => typeof v === 'number') ? (all.every((v) => Number.isInteger(v)) ? 'int' : 'float') : 'str';
    },
    requiredColumns: (p) => [p.category],
    create(params, column) {
        const table = new Map();
        for (const [key, list] of Object.entries(params.values)) {
            if (list.length === 0)
                throw new diagnostics/* DdflowError */.Zq(`Subcategory column '${column}' has an empty list of values for '${key}'.`);
            table.set(key, choiceValues(list));
        }
        return (rng, row) => {
            const parent = row[params.category];
            const list = table.get(String(parent));
            if (!list) {
                throw new diagnostics/* DdflowError */.Zq(`Subcategory column '${column}' must have values for each value of its parent category '${params.category}'. The following values need attention: {'${String(parent)}'}`);
            }
            return list[Math.floor(rng.next() * list.length)];
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/timedelta.ts


/** reference + randint(dt_min, dt_max) units (dt_max exclusive, as NumPy's randint). */
const timedeltaSampler = {
    type: 'timedelta',
    conversion: 'datetime',
    outputType: () => 'str',
    requiredColumns: (p) => [p.reference_column_name],
    create({ dt_min, dt_max, reference_column_name, unit = 'D' }) {
        if (dt_min >= dt_max)
            throw new diagnostics/* DdflowError */.Zq("'dt_min' must be less than 'dt_max'");
        const step = datetime_format/* UNIT_MS */.k7[unit];
        return (rng, row) => {
            const ref = row[reference_column_name];
            if (ref === undefined)
                throw new diagnostics/* DdflowError */.Zq(`Columns \`${reference_column_name}\` not found in dataset`);
            const base = typeof ref === 'number' ? ref : typeof ref === 'string' ? (0,datetime_format/* parseDatetime */.X7)(ref) : ref instanceof Date ? ref.getTime() : NaN;
            return base + (dt_min + Math.floor(rng.next() * (dt_max - dt_min))) * step;
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/uniform.ts
const uniformSampler = {
    type: 'uniform',
    conversion: 'numeric',
    outputType: () => 'float',
    create({ low, high }) {
        const width = high - low;
        return (rng) => low + rng.next() * width;
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/uuid.ts

const HEX = '0123456789abcdef';
/** 8 lowercase hex digits of a 32-bit value (one string built from char codes: no toString/padStart per cell). */
const hex8 = (n) => String.fromCharCode(HEX.charCodeAt((n >>> 28) & 15), HEX.charCodeAt((n >>> 24) & 15), HEX.charCodeAt((n >>> 20) & 15), HEX.charCodeAt((n >>> 16) & 15), HEX.charCodeAt((n >>> 12) & 15), HEX.charCodeAt((n >>> 8) & 15), HEX.charCodeAt((n >>> 4) & 15), HEX.charCodeAt(n & 15));
/**
 * `prefix + uuid4().hex[:8 or 32]`. Data Designer redraws duplicates within a batch; here the first 32
 * bits are a bijection of the record index (murmur's finaliser is invertible), so values are unique
 * across the whole stage (up to 2^32 records) without depending on which records share a row group.
 */
const uuidSampler = {
    type: 'uuid',
    conversion: 'passthrough',
    outputType: () => 'str',
    create({ prefix, short_form = false, uppercase = false }, _column, columnKey) {
        const pre = prefix ?? '';
        return (rng, _row, recordIndex) => {
            // x -> mix32(x ^ key) is a bijection of 32-bit x: distinct records, distinct heads.
            const head = hex8((0,random/* mix32 */.QV)((0,random/* mix32 */.QV)((recordIndex >>> 0) ^ columnKey) ^ 0x5bd1e995));
            let hex;
            // The short form is the head alone: its cell's stream (reseeded per cell) is not read at all.
            if (short_form)
                hex = head;
            else {
                const salt = rng.next32();
                const b = rng.next32();
                const c = rng.next32();
                // uuid4 layout: version nibble 4 at position 12, variant 8-b at position 16.
                const mid = hex8(((salt & 0xffff0fff) | 0x4000) >>> 0);
                const tail = hex8(((b & 0x3fffffff) | 0x80000000) >>> 0) + hex8(c);
                hex = head + mid + tail;
            }
            return pre + (uppercase ? hex.toUpperCase() : hex);
        };
    },
};

;// CONCATENATED MODULE: ./src/engine/samplers/registry.ts














const SAMPLERS = {
    category: categorySampler,
    subcategory: subcategorySampler,
    uniform: uniformSampler,
    gaussian: gaussianSampler,
    poisson: poissonSampler,
    binomial: binomialSampler,
    bernoulli: bernoulliSampler,
    bernoulli_mixture: bernoulliMixtureSampler,
    scipy: scipySampler,
    datetime: datetimeSampler,
    timedelta: timedeltaSampler,
    uuid: uuidSampler,
    person: personSampler,
    person_from_faker: personFromFakerSampler,
};
function samplerFor(type) {
    return SAMPLERS[type];
}

;// CONCATENATED MODULE: ./src/engine/samplers/sampler-generator.ts








/** Data Designer's `max_rejections_factor`. */
const MAX_REJECTIONS_FACTOR = 5;
/** Distinct values remembered per datetime column before the memory is cleared. */
const FORMAT_MEMO = 1 << 16;
/**
 * strftime(ms, format) remembered per value: datetime samplers truncate to a unit (days by default), so
 * a million cells hold a few hundred distinct values, each formatted once and then shared (profiled:
 * strftime was a third of the sampler time of the issue-13 stage). The result is the same string.
 */
function memoFormatter(format) {
    const memo = new Map();
    return (ms) => {
        let s = memo.get(ms);
        if (s === undefined) {
            if (memo.size >= FORMAT_MEMO)
                memo.clear();
            s = (0,datetime_format/* strftime */.dP)(ms, format);
            memo.set(ms, s);
        }
        return s;
    };
}
function samplerParams(column) {
    return column.params;
}
/** Data Designer infers a constraint's type from `rhs` when `constraint_type` is omitted. */
function constraintKind(c) {
    if (c.constraint_type)
        return c.constraint_type;
    if (typeof c.rhs === 'number')
        return 'scalar_inequality';
    const n = Number(c.rhs);
    return c.rhs.trim() !== '' && Number.isFinite(n) ? 'scalar_inequality' : 'column_inequality';
}
const COMPARE = {
    lt: (a, b) => a < b,
    le: (a, b) => a <= b,
    gt: (a, b) => a > b,
    ge: (a, b) => a >= b,
};
function sampler_generator_pySet(values) {
    return `{${[...values].map((v) => `'${v}'`).join(', ')}}`;
}
/** Loads what the stage's samplers read before any record is drawn: one pool per distinct `person` params. */
async function loadSamplerResources(db, columns, seed) {
    const personPools = new Map();
    for (const c of columns) {
        if (c.sampler_type !== 'person')
            continue;
        for (const p of [c.params, ...Object.values(c.conditional_params ?? {})]) {
            const key = personPoolKey(p);
            if (!personPools.has(key))
                personPools.set(key, await loadPersonPool(db, p, seed));
        }
    }
    return { personPools };
}
class SamplerGenerator {
    options;
    ordered;
    datetimeColumns;
    /** Columns another sampler reads (conditions, constraints, parents): they hold pre-processed values until the record is complete. */
    readByOthers;
    constructor(columns, constraints, options) {
        this.options = options;
        const byName = new Map(columns.map((c) => [c.name, c]));
        const names = columns.map((c) => c.name);
        const missing = [...new Set(constraints.map((c) => c.target_column).filter((t) => !byName.has(t)))];
        if (missing.length > 0)
            throw new diagnostics/* DdflowError */.Zq(`These constrained columns are missing in the definitions of your sampler columns: ${sampler_generator_pySet(missing)}`);
        const edges = new Map();
        for (const c of columns) {
            const deps = new Set();
            const def = samplerFor(c.sampler_type);
            for (const p of [samplerParams(c), ...Object.values(c.conditional_params ?? {})]) {
                for (const d of def.requiredColumns?.(p) ?? [])
                    deps.add(d);
            }
            for (const cond of Object.keys(c.conditional_params ?? {}))
                for (const v of options.conditionVariables(cond))
                    deps.add(v);
            for (const k of constraints)
                if (k.target_column === c.name && constraintKind(k) === 'column_inequality')
                    deps.add(String(k.rhs));
            edges.set(c.name, deps);
        }
        this.readByOthers = new Set([...edges.values()].flatMap((d) => [...d]));
        const order = topologicalOrder(names, edges);
        if (!order)
            throw new diagnostics/* DdflowError */.Zq('There are circular dependencies in the definitions of your sampler columns.');
        this.checkSubcategoryParents(columns, byName);
        this.datetimeColumns = new Set(columns.filter((c) => samplerFor(c.sampler_type).conversion === 'datetime').map((c) => c.name));
        this.ordered = order.map((name) => this.plan(byName.get(name), constraints, byName));
    }
    /** Column names in generation order. */
    get columnNames() {
        return this.ordered.map((p) => p.name);
    }
    /** Parquet types of the final (post-processed) values. */
    get dtypes() {
        return new Map(this.ordered.map((p) => [p.name, p.dtype]));
    }
    checkSubcategoryParents(columns, byName) {
        for (const c of columns) {
            if (c.sampler_type !== 'subcategory')
                continue;
            const params = c.params;
            const parent = byName.get(params.category);
            if (!parent)
                throw new diagnostics/* DdflowError */.Zq(`Subcategory column '${c.name}' has parent '${params.category}', which is not a sampler column.`);
            if (parent.sampler_type !== 'category') {
                throw new diagnostics/* DdflowError */.Zq(`Subcategory column '${c.name}' has parent '${params.category}', which is a sampler column with sampler_type='${parent.sampler_type}'. Subcategory parents must be sampler columns with sampler_type='category'.`);
            }
            const parentValues = new Set();
            for (const p of [parent.params, ...Object.values(parent.conditional_params ?? {})])
                for (const v of p.values)
                    parentValues.add(String(v));
            for (const p of [params, ...Object.values(c.conditional_params ?? {})]) {
                const keys = new Set(Object.keys(p.values));
                const attention = [...new Set([...parentValues].filter((v) => !keys.has(v)).concat([...keys].filter((k) => !parentValues.has(k))))];
                if (attention.length > 0) {
                    throw new diagnostics/* DdflowError */.Zq(`Subcategory column '${c.name}' must have values for each value of its parent category '${params.category}'. The following values need attention: ${sampler_generator_pySet(attention)}`);
                }
            }
        }
    }
    plan(column, constraints, byName) {
        const def = samplerFor(column.sampler_type);
        const { seed, stage } = this.options;
        const key = (0,random/* combine */.kg)(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, (0,random/* hashString */.YZ)(stage), (0,random/* hashString */.YZ)(column.name));
        const convertTo = column.convert_to ?? null;
        const params = samplerParams(column);
        const decimalPlaces = params.decimal_places ?? null;
        if (def.conversion === 'numeric' && convertTo !== null && !['float', 'int', 'str'].includes(convertTo)) {
            throw new diagnostics/* DdflowError */.Zq(`Invalid \`convert_to\` value: ${convertTo}. Must be one of: [float, int, str]`);
        }
        if (def.conversion === 'datetime' && convertTo !== null)
            (0,datetime_format/* validateDatetimeFormat */.vZ)(convertTo);
        if (convertTo === 'str' && decimalPlaces !== null) {
            throw new diagnostics/* DdflowError */.Zq(`Sampler column '${column.name}' combines convert_to: str with decimal_places, which Data Designer cannot round (Expected numeric dtype, got object instead.).`);
        }
        const branches = [{ condition: null, draw: def.create(params, column.name, key, this.options.resources) }];
        for (const [cond, p] of Object.entries(column.conditional_params ?? {})) {
            branches.push({ condition: cond, draw: def.create({ ...p }, column.name, key, this.options.resources) });
        }
        const checkers = constraints
            .filter((c) => c.target_column === column.name)
            .map((c) => {
            const cmp = COMPARE[c.operator];
            if (constraintKind(c) === 'scalar_inequality') {
                const rhs = Number(c.rhs);
                return { check: (v) => cmp(v, rhs) };
            }
            const rhsName = String(c.rhs);
            if (!byName.has(rhsName))
                throw new diagnostics/* DdflowError */.Zq(`These constrained columns are missing in the definitions of your sampler columns: ${sampler_generator_pySet([rhsName])}`);
            return { check: (v, row) => cmp(v, row[rhsName]) };
        });
        let dtype;
        if (def.conversion === 'datetime')
            dtype = 'str';
        else if (def.conversion === 'numeric' && convertTo)
            dtype = convertTo;
        else {
            const t = def.outputType(params);
            dtype = t === 'infer' ? 'str' : t;
        }
        return { name: column.name, def, branches, convertTo, decimalPlaces, checkers, stream: (0,random/* reusedColumnStream */.Ps)(seed, stage, column.name), dtype, rawFloat: def.outputType(params) === 'float', format: def.conversion === 'datetime' ? memoFormatter(convertTo ?? datetime_format/* ISO_FORMAT */.EX) : null };
    }
    /**
     * Draws every sampler column of one record into `row` (pre-processed values: constraints compare
     * these). `groupSize` only sets the rejection limit, as Data Designer's limit is per batch.
     */
    drawRecord(row, recordIndex, groupSize) {
        const limit = MAX_REJECTIONS_FACTOR * groupSize;
        for (const p of this.ordered)
            this.drawCell(p, row, recordIndex, limit);
    }
    /**
     * drawRecord then finishRecord for `rows[from..to)`, whose record indices are `firstRecord + i`:
     * column by column (each column's plan is looked at once per slice, and columns without conditions
     * or constraints run a tight loop), which gives the same values as record by record because a
     * cell only reads the columns before it in the sampler order.
     */
    drawRows(rows, firstRecord, from, to, groupSize) {
        const limit = MAX_REJECTIONS_FACTOR * groupSize;
        for (const p of this.ordered) {
            if (p.branches.length === 1 && p.checkers.length === 0) {
                const draw = p.branches[0].draw;
                const stream = p.stream;
                const name = p.name;
                const pre = this.preprocesses(p);
                // A column nobody reads gets its final value at once (no second pass over the slice).
                const finishNow = !this.readByOthers.has(name) && this.finishChanges(p);
                for (let i = from; i < to; i++) {
                    const row = rows[i];
                    const idx = firstRecord + i;
                    const v = draw(stream(idx, 0), row, idx);
                    const value = pre ? this.convert(p, v) : v;
                    row[name] = finishNow ? this.finishValue(p, value) : value;
                }
            }
            else {
                for (let i = from; i < to; i++)
                    this.drawCell(p, rows[i], firstRecord + i, limit);
            }
        }
        for (const p of this.ordered) {
            if (!this.finishChanges(p))
                continue;
            if (p.branches.length === 1 && p.checkers.length === 0 && !this.readByOthers.has(p.name))
                continue; // finished while drawn
            for (let i = from; i < to; i++)
                this.finishCell(p, rows[i]);
        }
    }
    drawCell(p, row, recordIndex, limit) {
        let branch = p.branches[0];
        if (p.branches.length > 1) {
            const view = this.conditionView(row);
            for (let b = 1; b < p.branches.length; b++)
                if (this.options.evalCondition(p.branches[b].condition, view))
                    branch = p.branches[b];
        }
        for (let attempt = 0;; attempt++) {
            const value = this.preprocess(p, branch.draw(p.stream(recordIndex, attempt), row, recordIndex));
            let ok = true;
            for (const c of p.checkers)
                if (!c.check(value, row))
                    ok = false;
            if (ok) {
                row[p.name] = value;
                break;
            }
            if (attempt + 1 > limit) {
                throw new diagnostics/* DdflowError */.Zq(`Exceeded the maximum number of rejections (max_rejections_factor * num_samples = ${limit}) while sampling \`${p.name}\`. Please consider adjusting the constraints and/or column's generation configuration.`);
            }
        }
    }
    /** Final values: datetime formatting, `convert_to`, then `decimal_places`. */
    finishRecord(row) {
        for (const p of this.ordered)
            this.finishCell(p, row);
    }
    finishCell(p, row) {
        row[p.name] = this.finishValue(p, row[p.name]);
    }
    finishValue(p, v) {
        if (p.format)
            return typeof v === 'number' && Number.isFinite(v) ? p.format(v) : null;
        let out = p.def.conversion === 'numeric' ? this.convert(p, v) : v;
        if (p.decimalPlaces !== null && typeof out === 'number')
            out = roundHalfEven(out, p.decimalPlaces);
        return out;
    }
    /**
     * False when finishing would give back the value drawn: no conversion and no rounding, or an int/float
     * conversion already applied when drawn (converting its result again changes nothing).
     */
    finishChanges(p) {
        if (p.def.conversion === 'datetime')
            return true;
        if (p.decimalPlaces !== null)
            return true;
        return p.def.conversion === 'numeric' && p.convertTo !== null && !this.preprocesses(p);
    }
    /**
     * Data Designer's preproc (sampling_gen/data_sources/base.py): convert_to — `str` included — is applied
     * as soon as the column is drawn, so the conditions and constraints of later columns see `'1'`, not 1
     * (sampling_gen/generator.py runs preproc before the next column's conditions select their rows).
     */
    preprocesses(p) {
        return p.def.conversion === 'numeric' && p.convertTo !== null;
    }
    preprocess(p, v) {
        return this.preprocesses(p) ? this.convert(p, v) : v;
    }
    convert(p, v) {
        const to = p.convertTo;
        if (to === null || v === null || v === undefined)
            return v;
        if (to === 'int')
            return typeof v === 'number' ? roundHalfEven(v) : Math.trunc(Number(v));
        if (to === 'float')
            return Number(v);
        // pandas astype(str): floats print as Python floats (`2.0`), everything else as text.
        if (typeof v === 'number' && (p.rawFloat || !Number.isInteger(v)))
            return (0,python_repr/* pyFloatRepr */.XO)(v);
        return String(v);
    }
    /** Conditions see datetimes as ISO text, as Data Designer's JinjaDataFrame jsonifies Timestamps. */
    conditionView(row) {
        if (this.datetimeColumns.size === 0)
            return row;
        const view = { ...row };
        for (const c of this.datetimeColumns)
            if (typeof view[c] === 'number')
                view[c] = new Date(view[c]).toISOString().slice(0, 19);
        return view;
    }
}

// EXTERNAL MODULE: ./src/data/statistics.ts
var statistics = __webpack_require__(71621);
;// CONCATENATED MODULE: ./src/engine/statistics.ts




/** ceil(chars / 4): ddflow's stand-in for a cl100k token count. */
const approxTokens = (text) => Math.ceil(text.length / 4);
async function stageColumnStatistics(db, files, declared, templates, 
/** The files' schema when the caller has read it already (datasetSchema). */
known) {
    if (files.length === 0)
        return [];
    const schema = known ?? (await (0,dataset.datasetSchema)(db, files));
    const present = new Set(schema.columns.map((c) => c.name));
    const reported = declared.filter((c) => columnKind(c) !== 'seed-dataset' && !c.drop && present.has(c.name));
    const stats = await (0,statistics/* computeColumnStatistics */.vM)(db, files, reported.map((c) => ({ name: c.name, column_type: columnKind(c), ...(columnKind(c) === 'sampler' ? { sampler_type: c.sampler_type } : {}) })), { schema });
    const llm = reported.filter(isLlmColumn);
    if (llm.length > 0) {
        const input = await inputTokenStats(db, files, llm, templates);
        for (const s of stats) {
            const column = llm.find((c) => c.name === s.column_name);
            if (!column)
                continue;
            Object.assign(s, prefixed('output_tokens', await outputTokenStats(db, files, column.name).catch(() => null)));
            Object.assign(s, prefixed('input_tokens', input.get(column.name) ?? null));
        }
    }
    return stats;
}
function prefixed(prefix, t) {
    if (!t)
        return { [`${prefix}_mean`]: statistics/* CALCULATION_FAILED */.Am, [`${prefix}_median`]: statistics/* CALCULATION_FAILED */.Am, [`${prefix}_stddev`]: statistics/* CALCULATION_FAILED */.Am };
    return { [`${prefix}_mean`]: (0,statistics/* round2 */.X4)(t.mean), [`${prefix}_median`]: (0,statistics/* round2 */.X4)(t.median), [`${prefix}_stddev`]: (0,statistics/* round2 */.X4)(t.stddev) };
}
/** In SQL over the output column: ceil(length(text) / 4) per non-null cell. */
async function outputTokenStats(db, files, column) {
    const t = `ceil(length(${(0,database.quoteIdent)(column)}::VARCHAR) / 4.0)`;
    const [row] = await db.all(`SELECT avg(${t}) AS mean, median(${t}) AS median, stddev_samp(${t}) AS sd FROM ${(0,dataset.parquetSource)(files)} WHERE ${(0,database.quoteIdent)(column)} IS NOT NULL`);
    if (!row || row.mean === null)
        return null;
    return { mean: Number(row.mean), median: Number(row.median), stddev: row.sd === null || Number.isNaN(row.sd) ? 0 : Number(row.sd) };
}
/** Re-renders every LLM column's prompt over the final rows (streamed); a column whose prompt fails is null. */
async function inputTokenStats(db, files, columns, templates) {
    const counts = new Map(columns.map((c) => [c.name, []]));
    const compiled = columns.map((c) => ({
        name: c.name,
        prompt: templates.main.compile(c.prompt),
        system: c.system_prompt ? templates.main.compile(c.system_prompt) : null,
    }));
    await (0,dataset.streamRows)(db, files, 1000, (rows) => {
        for (const c of compiled) {
            const list = counts.get(c.name);
            if (!list)
                continue;
            try {
                for (const r of rows)
                    list.push(approxTokens(c.prompt.render(r, { checkReferences: true })) + (c.system ? approxTokens(c.system.render(r, { checkReferences: true })) : 0));
            }
            catch {
                counts.set(c.name, null);
            }
        }
    });
    const out = new Map();
    for (const [name, list] of counts)
        out.set(name, list && list.length > 0 ? summarize(list) : null);
    return out;
}
/** mean, median and sample standard deviation (pandas' defaults). */
function summarize(values) {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sorted = Float64Array.from(values).sort();
    const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
    return { mean, median, stddev: Math.sqrt(variance) };
}

;// CONCATENATED MODULE: ./src/engine/create.ts
/**
 * One stage = one Data Designer `create()`: compile the config, then for each row group (buffer_size
 * records) draw seeds and samplers, run the column generators in dependency order, apply per-batch
 * processors and write `parquet-files/batch_NNNNN.parquet` at once — so a crash keeps every finished
 * group, and a resumed run regenerates only the missing ones (records are a pure function of their
 * index, so the result is the same). A group that lost a row to a transient cause (the provider down or
 * rate limiting) is not recorded: the stage fails, resumable, and a rerun regenerates that group.
 * Dataset-level `sql` processors run last, then statistics.
 */

























/** The seed a stage reads: the upstream stage's output files when chained (read in place), else its own seed_config. */
function stageSeedConfig(input) {
    const up = input.upstream;
    if (!up)
        return input.config.seed_config ?? null;
    if (up.files.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Stage '${input.stageName}' has no upstream rows to read.`);
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
function refuseMissingGroups(stage, total, kept, stoppedEarly) {
    const missing = [];
    for (let g = 0; g < total; g++)
        if (!kept.has(g) && !stoppedEarly.has(g))
            missing.push(g);
    if (missing.length === 0)
        return;
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, ... (${missing.length} in all)` : '');
    throw new diagnostics/* DdflowError */.Zq(`Stage '${stage}' cannot be merged: row group${missing.length === 1 ? '' : 's'} ${shown} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing from the assembled shards or not usable as they are (a merge generates nothing); rerun the shards that hold them and merge again.`);
}
function emptyTokens() {
    return { prompt: 0, completion: 0 };
}
/**
 * Rows of a group whose model cells may be in flight at once (also capped by max_in_flight_tasks).
 * Admission control bounds the HTTP concurrency per endpoint; this only has to exceed the largest
 * max_parallel_requests users set (a local vLLM at 128), so rows are never what holds requests back.
 */
const create_MAX_ROWS_IN_FLIGHT = 256;
/** Rows drawn between two yields to the event loop while a previous group is being written. */
const YIELD_EVERY = 256;
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
async function runStage(input) {
    const { stageDir, runConfig, log } = input;
    const warnings = [];
    const warn = (m) => {
        warnings.push(m);
        log.warn(m);
    };
    await external_node_fs_.promises.mkdir(stageDir, { recursive: true });
    // The run's database when the runner passes it (DuckDB is opened once per run); a stage run alone opens its own.
    const ownDb = input.db ? undefined : await (0,database.openDatabase)();
    const db = input.db ?? ownDb;
    let seedData = null;
    let functions;
    try {
        const seedConfig = stageSeedConfig(input);
        if (input.upstream && input.config.seed_config)
            warn(`Stage '${input.stageName}' is seeded from the previous stage; its own seed_config is ignored.`);
        if (seedConfig)
            seedData = await openSeedDataset(db, seedConfig, { seed: input.seed, warn });
        const compiled = compileStage(input.config, seedData?.columns ?? null);
        for (const w of compiled.warnings)
            warn(w);
        const templates = engineTemplates(runConfig.jinja_rendering_engine);
        const samplers = new SamplerGenerator(compiled.samplerColumns, input.config.constraints ?? [], {
            resources: await loadSamplerResources(db, compiled.samplerColumns, input.seed),
            seed: input.seed,
            stage: input.stageName,
            evalCondition: conditionEvaluator(templates),
            // Globals included: a sampler column named `range` shadows the global (the DAG ignores other names).
            conditionVariables: (c) => (0,template_ast/* templateReads */.Ih)(`{{ ${c} }}`),
        });
        if (input.functions?.size)
            functions = new engine_functions/* StageFunctions */.yp(input.functions, log, input.signal);
        const ctx = {
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
        const monitor = new outcomes/* EarlyShutdownMonitor */.UV(runConfig);
        let firstFailure;
        // Rows lost to a transient cause (provider down, 5xx, timeouts, 429s after the retry budget): a group
        // holding one is not recorded, so the stage stays resumable and a rerun regenerates it (its finished
        // cells come from the call store). The stage then fails with the first such error (a stall wins).
        let lostInGroup = 0;
        let firstLoss;
        let progress;
        const llm = input.models
            ? {
                models: input.models,
                concurrency: Math.max(1, Math.min(runConfig.max_in_flight_tasks, create_MAX_ROWS_IN_FLIGHT)),
                recordOutcome: (o) => monitor.record(o),
                stopped: () => monitor.shouldStop,
                onFailure: (m) => void (firstFailure ??= m),
                onTransientLoss: (err) => {
                    lostInGroup++;
                    if (!firstLoss || (err.kind === 'rate_limit_stall' && firstLoss.kind !== 'rate_limit_stall'))
                        firstLoss = err;
                },
                onNotice: (m) => log.warn(m),
                onRowSettled: (recordIndex, dropped) => progress?.rowSettled(recordIndex, dropped),
            }
            : null;
        const dtypes = new Map(samplers.dtypes);
        // Seed columns keep the seed file's types: a batch of nulls must not turn an INTEGER column into VARCHAR.
        for (const [name, type] of seedData?.columnTypes ?? []) {
            const d = declaredTypeOf(type);
            if (d)
                dtypes.set(name, d);
        }
        const available = new Set([...compiled.seedColumns, ...compiled.samplerColumns.map((c) => c.name)]);
        const generators = [];
        for (const column of compiled.generatedColumns) {
            const g = createGenerator(column, ctx, new Set([...available, ...compiled.generatedColumns.flatMap((c) => [c.name, ...sideEffectColumns(c)])]), llm);
            generators.push(g);
            for (const [k, v] of g.dtypes)
                dtypes.set(k, v);
            for (const o of g.outputColumns)
                available.add(o);
        }
        // Consecutive LLM/embedding columns run row by row (a row's next cell starts when its previous is done).
        generators.splice(0, generators.length, ...pipelineCells(generators, ctx, llm));
        const declaredSamplers = compiled.samplerColumns.map((c) => c.name);
        const outputColumns = [...compiled.seedColumns, ...declaredSamplers, ...generators.flatMap((g) => g.outputColumns)];
        const processorsConfig = input.config.processors ?? [];
        const processors = buildProcessors(processorsConfig, { db, outDir: stageDir, templates, log, warn });
        const groups = rowGroups(input.numRecords, runConfig.buffer_size);
        // A shard generates only the row groups of its block (src/workflow/shard.ts); the others are not its own.
        const shard = input.groupRange;
        // A merge: the groups a shard never wrote because early shutdown stopped it are left out, not generated.
        const stoppedEarly = new Set(input.assembled?.stoppedEarly ?? []);
        const ownGroup = (index) => (!shard || (index >= shard.first && index < shard.end)) && !stoppedEarly.has(index);
        const wantedGroups = shard ? Math.max(0, Math.min(shard.end, groups.length) - shard.first) : groups.length;
        const wantedRecords = shard ? Math.max(0, Math.min(input.numRecords, shard.end * runConfig.buffer_size) - shard.first * runConfig.buffer_size) : input.numRecords;
        const hash = (0,artifacts/* configHash */.r_)(compiled.config);
        // Resume: the recorded row groups that are intact and cut alike are kept as they are (src/engine/
        // resume.ts); every other file under the row-group directories is removed before anything is written.
        let done = new Map();
        let previous = null;
        if (input.resume) {
            previous = await (0,artifacts/* readMetadata */._6)(stageDir);
            // A stage whose sql processors rewrote its files is reused whole when they all finished, else
            // generated again (keptRowGroups keeps none of its files: they are the query's output).
            if (!shard && previous?.target_num_records === input.numRecords && (await (0,resume/* processedOutputIntact */.tA)(db, stageDir, previous, runConfig.buffer_size, input.seed))) {
                log.info(`Stage '${input.stageName}': every row group and processor already completed; reusing them.`);
                return resultFromMetadata(stageDir, previous, outputColumns, warnings);
            }
            done = await (0,resume/* keptRowGroups */.R3)(db, stageDir, previous, runConfig.buffer_size, input.seed);
            if (input.assembled)
                refuseMissingGroups(input.stageName, groups.length, done, stoppedEarly);
            await (0,resume/* removeStrayRowGroupFiles */.Qn)(stageDir, done);
        }
        else {
            for (const sub of [artifacts/* PARQUET_DIR */.dr, 'dropped-columns-parquet-files', artifacts/* PROCESSORS_DIR */.Cs])
                await external_node_fs_.promises.rm(external_node_path_default().join(stageDir, sub), { recursive: true, force: true });
        }
        if (!shard && previous?.post_generation_state?.processed && done.size === groups.length && previous.target_num_records === input.numRecords) {
            log.info(`Stage '${input.stageName}': every row group and processor already completed; reusing them.`);
            return resultFromMetadata(stageDir, previous, outputColumns, warnings);
        }
        await (0,artifacts/* writeBuilderConfig */.bV)(stageDir, compiled.config);
        const batches = [];
        const droppedRows = {};
        let earlyShutdown = stoppedEarly.size > 0;
        const tokens = () => input.models?.tokenUsage?.() ?? emptyTokens();
        const pipelines = generators.filter((g) => g instanceof CellPipeline).length;
        progress = new StageProgressTracker(input.stageName, wantedRecords, wantedGroups, pipelines, tokens, input.onProgress);
        const metadata = (extra = {}) => {
            const processorFiles = {};
            for (const b of batches)
                for (const [n, f] of Object.entries(b.processor_files ?? {}))
                    (processorFiles[n] ??= []).push(f);
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
        const addDrops = (d) => {
            for (const [k, v] of Object.entries(d))
                droppedRows[k] = (droppedRows[k] ?? 0) + v;
        };
        // Writing a group (appender + COPY to parquet) runs in DuckDB's threads while the next group is
        // generated: at most two groups are alive, and batches are still recorded strictly in order. The
        // record (metadata.json) and the file's rename into place follow through the journal, batched over
        // the groups finished meanwhile (batch-journal.ts: a file never appears before its record).
        const journal = new BatchJournal({ writeMetadata: () => (0,artifacts/* writeMetadata */.f5)(stageDir, metadata()) });
        let pendingWrite = null;
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
        const unstaged = [];
        /** The column types of every main file this run wrote (one entry when they all share one schema). */
        const writtenSchemas = new Set();
        let reusedAny = false;
        const staged = (files) => {
            for (const f of files) {
                writtenSchemas.add(JSON.stringify(f.result.columns));
                batches.push(unstaged.shift());
                journal.add(f);
            }
        };
        const record = async (group, index, groupDrops) => {
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
            progress.groupRecorded();
        };
        let openGroups = 0;
        let announced = false;
        let generating = true;
        /** Records of the groups recorded (reused or written): the rest is what a rerun still has to generate. */
        let recordedRecords = 0;
        try {
            for (const g of groups) {
                if (!ownGroup(g.index))
                    continue;
                if (input.signal?.aborted)
                    throw new diagnostics/* DdflowError */.Zq(`Stage '${input.stageName}' was cancelled; completed row groups are kept for resume.`);
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
                const group = { index: g.index, start: g.start, rows: [], recordIndex: [], skipped: new Array(g.size) };
                rowGroupGauge.open();
                openGroups++;
                let seedRows = [];
                if (seedData) {
                    await settle(); // one statement at a time on the connection
                    seedRows = await seedData.rowsFor(g.start, g.size);
                }
                for (let i = 0; i < g.size; i++) {
                    group.rows.push(seedData ? { ...seedRows[i] } : {});
                    group.recordIndex.push(g.start + i);
                }
                for (let from = 0; from < g.size; from += YIELD_EVERY) {
                    // The previous group's write is a chain of I/O steps (metadata, CREATE, COPY, rename, DROP)
                    // whose continuations only run when this loop yields: let them through now and then, so the
                    // write overlaps this group's generation instead of waiting for it.
                    if (pendingWrite && from > 0)
                        await yieldToEventLoop();
                    samplers.drawRows(group.rows, g.start, from, Math.min(g.size, from + YIELD_EVERY), g.size);
                }
                const groupDrops = {};
                let stoppedHere = false;
                lostInGroup = 0;
                for (const gen of generators) {
                    try {
                        removeRows(group, await gen.generate(group), groupDrops);
                    }
                    catch (err) {
                        if (!(err instanceof EarlyShutdownError))
                            throw err;
                        // Early shutdown: the group's complete rows are salvaged; the remaining columns still run
                        // for them (model columns make no more calls: they drop the rows they would have to fill).
                        // When rows were lost to the provider, the stage's error says why instead.
                        if (!earlyShutdown && !firstLoss)
                            warn(err.message);
                        earlyShutdown = stoppedHere = true;
                        removeRows(group, err.drops, groupDrops);
                    }
                }
                // Cells abandoned by a cancellation are not failures: the group is incomplete and must not be
                // recorded (resume would keep it short); it is regenerated by the next run.
                if (input.signal?.aborted)
                    throw new diagnostics/* DdflowError */.Zq(`Stage '${input.stageName}' was cancelled; completed row groups are kept for resume.`);
                // Rows lost to a transient cause (or left undone by a stop that such losses caused): the group is
                // not recorded either, so resume regenerates it; its finished cells are answered by the call store.
                if (firstLoss && (lostInGroup > 0 || stoppedHere)) {
                    rowGroupGauge.close();
                    openGroups--;
                    if (stoppedHere)
                        break;
                    continue;
                }
                addDrops(groupDrops);
                progress.groupGenerated(g.size);
                await settle();
                if (stoppedHere && group.rows.length === 0)
                    break;
                recordedRecords += g.size;
                pendingWrite = record(group, g.index, groupDrops);
                // A rejected write must not go unobserved while the next group is generated.
                pendingWrite.catch(() => undefined);
                if (stoppedHere)
                    break;
            }
            await settle();
            if (stager)
                staged(await stager.flush());
            await journal.flush();
            generating = false;
        }
        finally {
            await settle().catch(() => undefined);
            // Groups abandoned by an error, a cancellation or an early stop are released here.
            rowGroupGauge.close(openGroups);
            openGroups = 0;
            // Stopped by an error or a cancellation: the metadata says what was kept and what was spent so far
            // (the recorded groups, the tokens of every call made), for the report and the next run.
            // Groups already complete on disk are recorded and published first (the journal writes metadata).
            if (generating) {
                // Complete groups still buffered are staged and recorded too, when the database still works.
                if (stager)
                    await stager.flush().then(staged).catch(() => undefined);
                await stager?.discard();
                await journal.flush(true).catch(() => journal.abandon());
                await (0,artifacts/* writeMetadata */.f5)(stageDir, metadata()).catch(() => undefined);
            }
        }
        if (firstLoss) {
            // Committed groups are already recorded; the metadata gets the usage so far, and no "processed"
            // state: the runner marks the stage failed and resumable, and a plain rerun generates the rest.
            await (0,artifacts/* writeMetadata */.f5)(stageDir, metadata());
            throw new diagnostics/* DdflowError */.Zq((0,outcomes/* transientLossMessage */.xU)(input.stageName, wantedRecords - recordedRecords, wantedRecords, firstLoss));
        }
        let files = batches.map((b) => external_node_path_default().join(stageDir, b.file));
        // Each recorded batch's rows: written by this run, or counted in its file when resume kept it.
        const generated = batches.reduce((n, b) => n + b.num_records, 0);
        if (shard) {
            // A shard holds one block of the stage's rows: dataset-level processors and statistics need the
            // whole stage, so they run when the shards are merged, never here.
            if (generated < wantedRecords)
                warn(`⚠️ Shard generated ${generated} of its ${wantedRecords} records.`);
            const partial = metadata({ generated_num_records: generated, ...(earlyShutdown ? { early_shutdown: true } : {}) });
            await (0,artifacts/* writeMetadata */.f5)(stageDir, partial);
            return {
                numRecordsRequested: wantedRecords,
                numRecordsActual: generated,
                outputFiles: files,
                processorFiles: Object.fromEntries(Object.entries(partial.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => external_node_path_default().join(stageDir, f))])),
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
            throw new diagnostics/* DdflowError */.Zq(earlyShutdown
                ? `🛑 Stage '${input.stageName}' stopped early: too many generation failures, and no records were produced.${cause}`
                : `🛑 Dataset is empty — all records were dropped due to generation or processing failures.${cause}`);
        }
        if (processors.dataset.length > 0) {
            // Recorded before the files are replaced: from here on they are not the batch records' row groups.
            await (0,artifacts/* writeMetadata */.f5)(stageDir, metadata({ post_generation_state: { processed: false, rewritten: true } }));
            files = await applyDatasetProcessors(processors.dataset, files, external_node_path_default().join(stageDir, artifacts/* PARQUET_DIR */.dr), runConfig.buffer_size);
        }
        const actual = processors.dataset.length > 0 ? await (0,dataset.countRows)(db, files) : generated;
        // A shortfall is rows lost DURING generation (drops, early shutdown); rows a sql processor filters
        // out on purpose are not one, so the warning and numRecordsActual count what was generated.
        if (generated < input.numRecords) {
            warn(`⚠️ Generated ${generated} of ${input.numRecords} requested records (${((100 * generated) / input.numRecords).toFixed(1)}%).`);
        }
        // Files all written by this run with one set of column types (and not rewritten by a processor):
        // their schema is shared and their rows counted, without reading 1000s of footers again.
        const ownFiles = !reusedAny && processors.dataset.length === 0 && writtenSchemas.size === 1;
        const schema = await (0,dataset.datasetSchema)(db, files, ownFiles ? { shared: true, rows: generated } : {});
        const statistics = await stageColumnStatistics(db, files, compiled.config.columns, templates, schema);
        const final = metadata({
            actual_num_records: actual,
            generated_num_records: generated,
            file_paths: { ...metadata().file_paths, 'parquet-files': files.map((f) => relative(stageDir, f)) },
            column_statistics: statistics,
            ...(processors.dataset.length > 0 ? { post_generation_state: { processed: true, rewritten: true } } : batches.length === groups.length ? { post_generation_state: { processed: true } } : {}),
            ...(earlyShutdown ? { early_shutdown: true } : {}),
        });
        await (0,artifacts/* writeMetadata */.f5)(stageDir, final);
        return {
            numRecordsRequested: input.numRecords,
            numRecordsActual: generated,
            outputFiles: files,
            processorFiles: Object.fromEntries(Object.entries(final.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => external_node_path_default().join(stageDir, f))])),
            droppedRows,
            tokens: tokens(),
            ...(final.model_usage ? { modelUsage: final.model_usage } : {}),
            columns: schema.columns.map((c) => c.name),
            warnings,
        };
    }
    finally {
        await functions?.close();
        await seedData?.close().catch(() => undefined);
        ownDb?.close();
    }
}
function resultFromMetadata(stageDir, m, columns, warnings) {
    return {
        numRecordsRequested: m.target_num_records,
        numRecordsActual: m.generated_num_records ?? m.actual_num_records,
        outputFiles: m.file_paths['parquet-files'].map((f) => external_node_path_default().join(stageDir, f)),
        processorFiles: Object.fromEntries(Object.entries(m.file_paths['processor-files']).map(([k, v]) => [k, v.map((f) => external_node_path_default().join(stageDir, f))])),
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
async function applyDatasetProcessors(processors, files, targetDir, rowGroupSize) {
    const parent = external_node_path_default().dirname(targetDir);
    let current = files;
    const scratch = [];
    for (const p of processors) {
        const out = external_node_path_default().join(parent, `.sql-${p.name.replace(/[^A-Za-z0-9_-]/g, '_')}-${scratch.length}`);
        await external_node_fs_.promises.rm(out, { recursive: true, force: true });
        current = await p.processDataset(current, out, rowGroupSize);
        scratch.push(out);
    }
    const last = scratch[scratch.length - 1];
    const old = `${targetDir}.old`;
    await external_node_fs_.promises.rm(old, { recursive: true, force: true });
    if (await (0,artifacts/* exists */.t2)(targetDir))
        await external_node_fs_.promises.rename(targetDir, old);
    await external_node_fs_.promises.rename(last, targetDir);
    await external_node_fs_.promises.rm(old, { recursive: true, force: true });
    for (const s of scratch.slice(0, -1))
        await external_node_fs_.promises.rm(s, { recursive: true, force: true });
    return current.map((f) => external_node_path_default().join(targetDir, external_node_path_default().basename(f)));
}
/**
 * A stage's `output_processors`: the finished dataset streamed batch by batch through the batch
 * processors into `outDir` (same layout as a stage), then the `sql` processors over the result.
 */
async function runDatasetProcessors(input) {
    const ownDb = input.db ? undefined : await (0,database.openDatabase)();
    const db = input.db ?? ownDb;
    try {
        const warn = (m) => input.log.warn(m);
        await external_node_fs_.promises.rm(input.outDir, { recursive: true, force: true });
        await external_node_fs_.promises.mkdir(input.outDir, { recursive: true });
        const templates = engineTemplates('secure');
        const processors = buildProcessors(input.processors, { db, outDir: input.outDir, templates, log: input.log, warn });
        const types = await (0,dataset.columnsOf)(db, input.inputFiles);
        const columns = types.map((c) => c.name);
        const dtypes = new Map();
        for (const t of types) {
            const d = declaredTypeOf(t.type);
            if (d)
                dtypes.set(t.name, d);
        }
        const files = [];
        const processorFiles = {};
        let index = 0;
        let start = 0;
        await (0,dataset.streamRows)(db, input.inputFiles, 1000, async (rows) => {
            const group = { index, start, rows, recordIndex: rows.map((_, i) => start + i), skipped: new Array(rows.length) };
            const written = await writeBatch(group, index, { db, outDir: input.outDir, columns, declaredDrops: [], dtypes, processors: processors.batch, preserveDroppedColumns: true });
            files.push(written.file);
            for (const [k, f] of Object.entries(written.processorFiles))
                (processorFiles[k] ??= []).push(f);
            index++;
            start += rows.length;
        });
        // Every input row went through the batch processors, or the stage fails: a short read is never an output.
        const expected = input.inputFiles.length > 0 ? await (0,dataset.countRows)(db, input.inputFiles) : 0;
        if (start !== expected)
            throw new diagnostics/* DdflowError */.Zq(`The output processors read ${start} of the stage's ${expected} rows; the stage is not recorded (run again).`);
        let out = files;
        if (processors.dataset.length > 0 && files.length > 0)
            out = await applyDatasetProcessors(processors.dataset, files, external_node_path_default().join(input.outDir, artifacts/* PARQUET_DIR */.dr), 1000);
        return { outputFiles: out, processorFiles, numRecords: out.length > 0 ? await (0,dataset.countRows)(db, out) : 0 };
    }
    finally {
        ownDb?.close();
    }
}



/***/ })

};
