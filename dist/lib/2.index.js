export const id = 2;
export const ids = [2];
export const modules = {

/***/ 71621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ CALCULATION_FAILED),
/* harmony export */   vM: () => (/* binding */ computeColumnStatistics)
/* harmony export */ });
/* unused harmony exports pyarrowDtype, simpleDtype */
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94715);
/* harmony import */ var _dataset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99724);
/**
 * Column statistics as Data Designer's metadata.json `column_statistics` has them (DD spec §8),
 * computed by SQL over the stage's parquet files — never by loading the dataset into JavaScript.
 *
 * Common fields: column_name, column_type, num_records, num_null, num_unique, pyarrow_dtype,
 * simple_dtype. Sampler columns add sampler_type, distribution_type and distribution (categorical for
 * category/subcategory, numerical for the numeric samplers, null/"other" otherwise). Validation
 * columns add num_valid_records. A calculation that fails yields "--" (Data Designer's
 * MissingValue.CALCULATION_FAILED) instead of failing the run. LLM token statistics need the
 * rendered prompts and a tokenizer and are merged in by the caller.
 */


const CALCULATION_FAILED = '--';
const CATEGORICAL_SAMPLERS = new Set(['category', 'subcategory']);
const NUMERICAL_SAMPLERS = new Set(['bernoulli_mixture', 'bernoulli', 'binomial', 'gaussian', 'poisson', 'scipy', 'uniform']);
async function computeColumnStatistics(db, files, columns) {
    const schema = files.length > 0 ? await (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .columnsOf */ .PL)(db, files) : [];
    const types = new Map(schema.map((c) => [c.name, c.type]));
    const scanned = await onePass(db, files, columns, types);
    const out = [];
    for (const col of columns) {
        const pre = scanned.get(col.name);
        const stats = {
            column_name: col.name,
            column_type: col.column_type,
            ...(pre?.general ?? (await generalInfo(db, files, col.name, types.get(col.name)))),
        };
        if (col.column_type === 'sampler') {
            const samplerType = col.sampler_type ?? 'unknown';
            stats.sampler_type = samplerType;
            if (CATEGORICAL_SAMPLERS.has(samplerType)) {
                Object.assign(stats, await guarded('categorical', () => categorical(db, files, col.name)));
            }
            else if (NUMERICAL_SAMPLERS.has(samplerType)) {
                const numbers = pre?.numerical;
                Object.assign(stats, await guarded('numerical', () => (numbers ? numbers() : numerical(db, files, col.name, types.get(col.name)))));
            }
            else {
                stats.distribution_type = 'other';
                stats.distribution = null;
            }
        }
        else if (col.column_type === 'validation') {
            stats.num_valid_records = await validCount(db, files, col.name).catch(() => CALCULATION_FAILED);
        }
        out.push(stats);
    }
    return out;
}
/** Column types whose min/max/avg/stddev/median the combined scan computes (others keep their own queries). */
const SCANNABLE_NUMERIC = /^(U?(BIG|SMALL|TINY)?INT(EGER)?|DOUBLE|FLOAT|BOOLEAN)$/;
/**
 * The general counts of a plain (non-JSON) column and, for a numeric sampler column, its numerical
 * distribution, in ONE scan of the files per column instead of two (a million-row stage has a hundred
 * files to re-read per query). Per column rather than all columns in one query: several exact
 * count(DISTINCT) hash tables at once cost more memory than the scan saves time. Each expression is
 * the one generalInfo()/numerical() runs on its own; a column this leaves out, or whose query fails,
 * goes through those, whose failures are reported per calculation.
 */
async function onePass(db, files, columns, types) {
    const out = new Map();
    for (const col of columns) {
        const type = types.get(col.name);
        if (type === undefined || type === 'JSON' || out.has(col.name))
            continue;
        const raw = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(col.name);
        const select = ['count(*) AS n', `count(*) - count(${raw}) AS nulls`, `count(DISTINCT ${raw}) AS uniq`];
        const numeric = col.column_type === 'sampler' && NUMERICAL_SAMPLERS.has(col.sampler_type ?? '') && SCANNABLE_NUMERIC.test(type);
        if (numeric) {
            const c = type === 'BOOLEAN' ? `${raw}::INTEGER` : raw;
            select.push(`min(${c}) AS mn`, `max(${c}) AS mx`, `avg(${c}) AS mean`, `stddev_samp(${c}) AS sd`, `median(${c}) AS med`);
        }
        let row;
        try {
            [row] = await db.all(`SELECT ${select.join(', ')} FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .parquetSource */ .Cn)(files)}`);
        }
        catch {
            continue;
        }
        if (!row)
            continue;
        const pyarrow = pyarrowDtype(type);
        const scanned = {
            general: { num_records: Number(row.n), num_null: Number(row.nulls), num_unique: Number(row.uniq), pyarrow_dtype: pyarrow, simple_dtype: simpleDtype(pyarrow) },
        };
        if (numeric) {
            const r = row;
            scanned.numerical = async () => numericalFrom(r);
        }
        out.set(col.name, scanned);
    }
    return out;
}
async function guarded(type, calc) {
    try {
        return { distribution_type: type, distribution: await calc() };
    }
    catch {
        return { distribution_type: 'unknown', distribution: CALCULATION_FAILED };
    }
}
async function generalInfo(db, files, name, type) {
    try {
        if (type === undefined)
            throw new Error(`column ${name} not found`);
        const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(name);
        const [row] = await db.all(`SELECT count(*) AS n, count(*) - count(${c}) AS nulls, count(DISTINCT ${c}) AS uniq,
              ${type === 'JSON' ? `(SELECT json_type(${c}) FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .parquetSource */ .Cn)(files)} WHERE ${c} IS NOT NULL LIMIT 1)` : 'NULL'} AS first_json_type
       FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .parquetSource */ .Cn)(files)}`);
        if (!row)
            throw new Error('no result');
        const pyarrow = pyarrowDtype(type);
        return {
            num_records: Number(row.n),
            num_null: Number(row.nulls),
            num_unique: Number(row.uniq),
            pyarrow_dtype: pyarrow,
            simple_dtype: type === 'JSON' ? simpleFromJsonType(row.first_json_type) : simpleDtype(pyarrow),
        };
    }
    catch {
        return {
            num_records: CALCULATION_FAILED,
            num_null: CALCULATION_FAILED,
            num_unique: CALCULATION_FAILED,
            pyarrow_dtype: CALCULATION_FAILED,
            simple_dtype: CALCULATION_FAILED,
        };
    }
}
/**
 * Value counts, most common first; ties in first-appearance order (what pandas' value_counts gives
 * for small inputs), nulls excluded.
 */
async function categorical(db, files, name) {
    const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(name);
    const src = `read_parquet(${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .literalList */ .uG)(files)}, union_by_name = true, filename = true, file_row_number = true)`;
    // Counted per (value, file) first, so the file's position in the list is looked up once per group
    // rather than once per row (a 100-file list searched a million times was most of this query).
    const rows = await db.all(`SELECT v, sum(n)::BIGINT AS n,
            min(list_position(${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .literalList */ .uG)(files)}, filename)::BIGINT * 1000000000000 + first_row) AS first_seen
     FROM (SELECT ${c} AS v, filename, count(*) AS n, min(file_row_number) AS first_row
           FROM ${src} WHERE ${c} IS NOT NULL GROUP BY ${c}, filename)
     GROUP BY v ORDER BY n DESC, first_seen`);
    if (rows.length === 0)
        throw new Error('no values');
    const categories = rows.map((r) => categoryValue(r.v));
    return {
        most_common_value: reportedValue(rows[0].v),
        least_common_value: reportedValue(rows.at(-1).v),
        histogram: { categories, counts: rows.map((r) => Number(r.n)) },
    };
}
async function numerical(db, files, name, type) {
    const raw = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(name);
    // Booleans (bernoulli) count as 0/1, as pandas does.
    const c = type === 'BOOLEAN' ? `${raw}::INTEGER` : raw;
    const [row] = await db.all(`SELECT min(${c}) AS mn, max(${c}) AS mx, avg(${c}) AS mean, stddev_samp(${c}) AS sd, median(${c}) AS med
     FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .parquetSource */ .Cn)(files)}`);
    return numericalFrom(row);
}
function numericalFrom(row) {
    if (!row || row.mn === null || typeof row.mn !== 'number')
        throw new Error('not numeric');
    return {
        min: round2(row.mn),
        max: round2(row.mx),
        mean: round2(row.mean),
        // pandas' std of one value is NaN; JSON has no NaN, and DD's reports would show nan — report 0.
        stddev: row.sd === null || Number.isNaN(row.sd) ? 0 : round2(row.sd),
        median: round2(row.med),
    };
}
/** Validation results are objects with `is_valid`; count the truthy ones (bool, 0/1, "true"). */
async function validCount(db, files, name) {
    const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(name);
    const [row] = await db.all(`SELECT count_if(lower(json_extract_string(to_json(${c}), '$.is_valid')) IN ('true', '1', '1.0')) AS n FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__/* .parquetSource */ .Cn)(files)}`);
    return Number(row?.n ?? 0);
}
function round2(n) {
    return Number.isInteger(n) ? n : Number(n.toFixed(2));
}
/** Histogram categories keep numbers as numbers, everything else as text. */
function categoryValue(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'bigint')
        return Number(v);
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    return typeof v === 'string' ? v : JSON.stringify(v);
}
/** most/least common: integers stay integers, anything else is reported as text (as DD's model does). */
function reportedValue(v) {
    if (typeof v === 'number' && Number.isInteger(v))
        return v;
    if (typeof v === 'bigint')
        return Number(v);
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}
/** DuckDB type → the name pyarrow prints for the same parquet column. */
function pyarrowDtype(duck) {
    const t = duck.trim();
    const simple = {
        VARCHAR: 'string',
        // A JSON column is a string column with a JSON annotation; pyarrow reads it as string by default.
        JSON: 'string',
        UUID: 'string',
        BIGINT: 'int64',
        INTEGER: 'int32',
        SMALLINT: 'int16',
        TINYINT: 'int8',
        UBIGINT: 'uint64',
        UINTEGER: 'uint32',
        USMALLINT: 'uint16',
        UTINYINT: 'uint8',
        HUGEINT: 'decimal128(38, 0)',
        DOUBLE: 'double',
        FLOAT: 'float',
        BOOLEAN: 'bool',
        DATE: 'date32[day]',
        TIME: 'time64[us]',
        TIMESTAMP: 'timestamp[us]',
        'TIMESTAMP WITH TIME ZONE': 'timestamp[us, tz=UTC]',
        TIMESTAMP_NS: 'timestamp[ns]',
        TIMESTAMP_MS: 'timestamp[ms]',
        TIMESTAMP_S: 'timestamp[s]',
        BLOB: 'binary',
    };
    if (simple[t])
        return simple[t];
    const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
    if (dec)
        return `decimal128(${dec[1]}, ${dec[2]})`;
    if (t.endsWith('[]'))
        return `list<element: ${pyarrowDtype(t.slice(0, -2))}>`;
    if (t.startsWith('STRUCT(') && t.endsWith(')')) {
        const fields = splitTopLevel(t.slice(7, -1)).map((f) => {
            const m = /^("(?:[^"]|"")*"|\S+)\s+(.*)$/.exec(f.trim());
            if (!m)
                return f;
            const fname = m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1];
            return `${fname}: ${pyarrowDtype(m[2])}`;
        });
        return `struct<${fields.join(', ')}>`;
    }
    return t.toLowerCase();
}
/** Data Designer's convert_pyarrow_dtype_to_simple_dtype. */
function simpleDtype(pyarrow) {
    if (pyarrow.startsWith('list<')) {
        const inner = /^list<element: (.*)>$/.exec(pyarrow)?.[1] ?? pyarrow.slice(5, -1);
        return `list[${simpleDtype(inner)}]`;
    }
    if (pyarrow.startsWith('struct<'))
        return 'dict';
    if (pyarrow.includes('int'))
        return 'int';
    if (pyarrow.includes('double') || pyarrow.includes('float'))
        return 'float';
    if (pyarrow.includes('str'))
        return 'string';
    if (pyarrow.includes('timestamp'))
        return 'timestamp';
    if (pyarrow.includes('time'))
        return 'time';
    if (pyarrow.includes('date'))
        return 'date';
    return pyarrow;
}
/** JSON-typed columns hold nested output: describe them by their first value, as DD does without arrow types. */
function simpleFromJsonType(jsonType) {
    switch (jsonType) {
        case 'OBJECT':
            return 'dict';
        case 'ARRAY':
            return 'list';
        case 'VARCHAR':
            return 'string';
        case 'BIGINT':
        case 'UBIGINT':
            return 'int';
        case 'DOUBLE':
            return 'float';
        case 'BOOLEAN':
            return 'bool';
        default:
            return CALCULATION_FAILED;
    }
}
function splitTopLevel(s) {
    const parts = [];
    let depth = 0;
    let inQuote = false;
    let cur = '';
    for (const ch of s) {
        if (ch === '"')
            inQuote = !inQuote;
        if (!inQuote && ch === '(')
            depth++;
        if (!inQuote && ch === ')')
            depth--;
        if (!inQuote && depth === 0 && ch === ',') {
            parts.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    if (cur.trim())
        parts.push(cur);
    return parts;
}


/***/ }),

/***/ 22002:
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
    if (columns.length === 0)
        throw new diagnostics/* DdflowError */.Zq(`Cannot write ${filePath}: a row group needs at least one column.`);
    const seen = new Set();
    for (const c of columns) {
        if (seen.has(c.name))
            throw new diagnostics/* DdflowError */.Zq(`Cannot write ${filePath}: column '${c.name}' appears twice.`);
        seen.add(c.name);
    }
    const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
    const table = `ddflow_rowgroup_${process.pid}_${++tableCounter}`;
    const ddl = columns.map((c, i) => `${(0,database/* quoteIdent */.v4)(c.name)} ${types[i]}`).join(', ');
    await db.run(`CREATE TEMP TABLE ${(0,database/* quoteIdent */.v4)(table)} (${ddl})`);
    try {
        const appender = await db.appender(table);
        try {
            appendAll(db, appender, records, columns, types);
            appender.flushSync();
        }
        finally {
            appender.closeSync();
        }
        await (0,atomic/* replaceAtomically */.GA)(filePath, async (tmp) => {
            // One round trip for both statements (each costs the caller a turn of the event loop).
            await db.run(`COPY ${(0,database/* quoteIdent */.v4)(table)} TO ${(0,database/* quoteLiteral */.ce)(tmp)} (FORMAT parquet); DROP TABLE ${(0,database/* quoteIdent */.v4)(table)}`);
            await options.beforeRename;
        });
    }
    catch (err) {
        await db.run(`DROP TABLE IF EXISTS ${(0,database/* quoteIdent */.v4)(table)}`).catch(() => undefined);
        throw err;
    }
    return { filePath, rows: records.length, columns: columns.map((c, i) => ({ name: c.name, type: types[i] })) };
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
function appendAll(db, appender, records, columns, types) {
    const D = db.duckdb;
    const chunkTypes = types.map((t) => (t === 'JSON' ? D.VARCHAR : D[t]));
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
    const described = await db.describe(`SELECT * FROM ${(0,database/* quoteIdent */.v4)(table)}`);
    const columns = described.map((c) => c.name);
    const reserved = columns.find((c) => c === '__proto__' || c === 'constructor' || c === 'prototype');
    if (reserved) {
        await db.run(`DROP TABLE IF EXISTS ${(0,database/* quoteIdent */.v4)(table)}`);
        throw new diagnostics/* DdflowError */.Zq(`The seed dataset ${what} has a column named '${reserved}', which ddflow cannot hold (rows are JavaScript objects, where __proto__, constructor and prototype are not plain keys); rename the column.`);
    }
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
/** One loader per seed kind (Data Designer's seed readers, plus ddflow's upstream handoff). */
const SEED_LOADERS = {
    local: (db, table, config, baseDir) => {
        const source = config.source;
        return loadRelation(db, table, config, localSeedRelation(source.path, baseDir), source.path);
    },
    upstream: (db, table, config) => loadRelation(db, table, config, (0,dataset/* parquetSource */.Cn)(config.source.files), 'the upstream output'),
    directory: loadDirectory,
    file_contents: loadDirectory,
};
async function openSeedDataset(db, config, options = {}) {
    const baseDir = options.baseDir ?? process.cwd();
    const table = `ddflow_seed_${process.pid}_${++seedCounter}`;
    const loader = SEED_LOADERS[config.source.seed_type];
    if (!loader) {
        const kind = config.source.seed_type;
        throw new diagnostics/* DdflowError */.Zq(`Seed sources of type '${String(kind)}' are not supported; use local, directory or file_contents.`);
    }
    const { columns, columnTypes, sourceSize, range, hydrate } = await loader(db, table, config, baseDir);
    // Manifest columns (and file contents) are text.
    for (const c of columns)
        if (!columnTypes.has(c))
            columnTypes.set(c, 'VARCHAR');
    const size = range.end - range.start + 1;
    const shuffle = config.sampling_strategy === 'shuffle';
    const seed = Math.trunc(options.seed ?? 0);
    const t = (0,database/* quoteIdent */.v4)(table);
    const cols = columns.filter((c) => c !== 'content' || !hydrate).map((c) => `s.${(0,database/* quoteIdent */.v4)(c)}`).join(', ');
    const inlineLimit = options.inlinePermutationRows ?? INLINE_PERMUTATION_ROWS;
    const permTables = new Map();
    const permutationTable = async (pass) => {
        let name = permTables.get(pass);
        if (!name) {
            name = (0,database/* quoteIdent */.v4)(`${table}_perm_${pass}`);
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
    const ext = (0,seed_files/* localWildcardExtension */.P4)(userPath) ?? external_node_path_default().extname(files[0]).toLowerCase();
    const list = `[${files.map(database/* quoteLiteral */.ce).join(', ')}]`;
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
        throw new diagnostics/* DdflowError */.Zq(`Could not read the seed dataset ${userPath}: ${(0,database/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
async function materialise(db, table, select, userPath) {
    try {
        // CTAS keeps the scan order, so the temp table's rowid is the selected row's position.
        await db.run(`CREATE TEMP TABLE ${(0,database/* quoteIdent */.v4)(table)} AS ${select}`);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Could not read the seed dataset ${userPath}: ${(0,database/* errorMessage */.gJ)(err)}`, { cause: err });
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
    await db.run(`CREATE TEMP TABLE ${(0,database/* quoteIdent */.v4)(table)} (${cols.map((c) => `${(0,database/* quoteIdent */.v4)(c)} VARCHAR`).join(', ')})`);
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
        throw new diagnostics/* DdflowError */.Zq(`Failed to read file ${file}: ${(0,database/* errorMessage */.gJ)(err)}`, { cause: err });
    }
    try {
        return decoder.decode(bytes);
    }
    catch (err) {
        throw new diagnostics/* DdflowError */.Zq(`Failed to decode file ${file} using encoding '${encoding}': ${(0,database/* errorMessage */.gJ)(err)}`, { cause: err });
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
    const result = { file, rows: group.rows.length, columns: kept, droppedFile, processorFiles };
    // The record (metadata) is written while DuckDB writes the file; the file is renamed into place only
    // once the record exists, so the order resume relies on is kept without waiting for one to start the other.
    const committed = o.beforeCommit?.(result);
    committed?.catch(() => undefined); // observed below; a failed write must not leave it unhandled
    try {
        // A group whose every column was dropped still needs a file: parquet wants at least one column.
        await writeRowGroup(o.db, group.rows, kept.length > 0 ? spec(kept) : [{ name: '_empty', dtype: 'str' }], file, { beforeRename: committed });
    }
    catch (err) {
        await committed?.catch(() => undefined); // settled before the caller moves on; the write's error wins
        throw err;
    }
    return result;
}
const relative = (stageDir, file) => external_node_path_default().relative(stageDir, file).split((external_node_path_default()).sep).join('/');

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
    if (!isLlmColumn(column))
        return [];
    const out = [];
    if (column.with_trace && column.with_trace !== 'none')
        out.push(`${column.name}__trace`);
    if (column.extract_reasoning_content)
        out.push(`${column.name}__reasoning_content`);
    return out;
}
/** Names a column's templates and fields read (without the skip gate). */
function requiredColumns(column) {
    const names = new Set();
    if (isLlmColumn(column)) {
        for (const v of (0,template_ast/* templateVariables */.Qp)(column.prompt))
            names.add(v);
        if (column.system_prompt)
            for (const v of (0,template_ast/* templateVariables */.Qp)(column.system_prompt))
                names.add(v);
        for (const m of column.multi_modal_context ?? [])
            names.add(m.column_name);
    }
    else {
        switch (columnKind(column)) {
            case 'expression':
                for (const v of (0,template_ast/* templateVariables */.Qp)(column.expr))
                    names.add(v);
                break;
            case 'validation':
                for (const t of column.target_columns)
                    names.add(t);
                break;
            case 'embedding':
                names.add(column.target_column);
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
    return when ? [...(0,template_ast/* templateVariables */.Qp)(when)] : [];
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


// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(49968);
// EXTERNAL MODULE: ./src/llm/multimodal.ts
var multimodal = __webpack_require__(29593);
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
// EXTERNAL MODULE: ./src/template/nunjucks-internals.ts
var nunjucks_internals = __webpack_require__(84472);
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
/** Python's json.loads on a string, or NOT_JSON when it would raise. */
function tryParseJson(s) {
    if (s.length === 0)
        return NOT_JSON;
    const c = s.charCodeAt(0);
    if (c >= 128 || JSON_START[c] === 0)
        return NOT_JSON;
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
/** The record a template sees: a fresh object, never the caller's. */
function prepareRecord(record) {
    const out = Object.create(null);
    for (const k in record) {
        if (!Object.hasOwn(record, k))
            continue;
        const v = prepareValue(record[k]);
        if (v !== undefined)
            out[k] = v;
    }
    return out;
}

// EXTERNAL MODULE: ./src/template/sandbox.ts
var sandbox = __webpack_require__(241);
;// CONCATENATED MODULE: ./src/template/environment.ts
/**
 * The TemplateEngine: Jinja2 as Data Designer renders it, over nunjucks. A template is parsed, checked
 * and compiled once (cached by its text); each render then costs one record preparation and one call of
 * the compiled function against the guarded runtime (see sandbox.ts).
 */








const MAX_RENDERED_LEN = 512_000;
const MAX_AST_NODE_COUNT = 600;
const MAX_AST_DEPTH = 10;
const MAX_RANGE = 100_000;
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
    c.compileIn = function (node, frame) {
        this._emit('runtime.ddIn(');
        this.compile(node.left, frame);
        this._emit(', ');
        this.compile(node.right, frame);
        this._emit(')');
    };
    const origSymbol = proto.compileSymbol;
    c.compileSymbol = function (node, frame) {
        const name = String(node.value);
        if (Object.hasOwn(template_ast/* PY_CONSTANTS */.yS, name) && !frame.lookup(name))
            this._emit(String(template_ast/* PY_CONSTANTS */.yS[name]));
        else
            origSymbol.call(this, node, frame);
    };
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
        return typeof needle === 'string' && Object.hasOwn(haystack, needle);
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
        // Jinja's own globals (range, cycler, joiner) are not column references.
        const globals = this.engine.env.globals;
        const unknown = this.variableList.filter((v) => !ok(v) && !Object.hasOwn(globals, v)).sort();
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
        this.env.tests = Object.assign(Object.create(null), this.env.tests, template_filters/* PY_TESTS */.Sg);
        this.env.globals = Object.assign(Object.create(null), this.env.globals);
        // Jinja's sandbox caps range() at 100,000 items ("Template too large.").
        const range = this.env.globals.range;
        this.env.globals.range = (...a) => {
            const [start, stop, step] = a.length === 1 ? [0, a[0], 1] : [a[0], a[1], a[2] ?? 1];
            if (step !== 0 && Math.ceil((stop - start) / step) > MAX_RANGE)
                throw new template_errors/* TemplateRenderError */.Nz('Template too large.');
            return range(...a);
        };
        const runtime = (0,sandbox/* makeRuntime */.le)(opts.finalize ?? sandbox/* pyFinalize */.i);
        runtime.ddIn = pyIn;
        runtime.ddTuple = (items) => Object.setPrototypeOf(items, python_repr/* PyTuple */.Wc.prototype);
        // Python iterates a dict's keys; nunjucks would run a one-name loop over an object zero times.
        const fromIterator = nunjucks_internals.nj.runtime.fromIterator;
        runtime.fromIterator = (v) => ((0,python_repr/* isPlainObject */.Qd)(v) ? Object.keys(v) : fromIterator(v));
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
    return engineFor(mode).compile(`{{ ${cond} }}`).render(record) === 'True';
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
function pyJsonDumps(v) {
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
        return `[${v.map(pyJsonDumps).join(', ')}]`;
    if ((0,python_repr/* isPlainObject */.Qd)(v))
        return `{${Object.keys(v).map((k) => `${pyJsonDumps(k)}: ${pyJsonDumps(v[k])}`).join(', ')}}`;
    return pyJsonDumps(String(v));
}
/** Data Designer's `_escape_value_for_json`: the text that replaces `{{ value }}` inside a JSON string. */
function escapeForJsonString(v) {
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'string')
        return JSON.stringify(v).slice(1, -1);
    if (Array.isArray(v) || (0,python_repr/* isPlainObject */.Qd)(v))
        return JSON.stringify(pyJsonDumps(v)).slice(1, -1);
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
    return pyJsonDumps(template);
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
        await forEachLimited(group.rows.length, this.deps.concurrency, async (i) => {
            for (let k = 0; k < this.cells.length; k++) {
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
                    if (stop && err instanceof errors/* LlmError */.Cf && err.kind === 'cancelled' && !parent?.aborted) {
                        // Abandoned by the early shutdown, not a failure of its own.
                        drops.set(i, EARLY_SHUTDOWN_REASON);
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
        // Validation rejects audio/video contexts; a config built in code is stopped here, not row by row.
        for (const m of column.multi_modal_context ?? []) {
            if ((m.modality ?? 'image') !== 'image')
                throw new diagnostics/* DdflowError */.Zq(`Column '${column.name}': multi_modal_context modality '${m.modality}' is not supported by ddflow (only image).`);
        }
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
            ...(column.multi_modal_context?.length ? { images: (0,multimodal/* imageBlocks */.Ix)(column.multi_modal_context, row) } : {}),
            recipe: this.recipe,
            rng: this.stream(recordIndex),
            recordKey: recordIndex,
            column: column.name,
            withTrace: column.with_trace ?? 'none',
            extractReasoning: column.extract_reasoning_content === true,
            signal,
            onNotice: this.deps.onNotice,
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

;// CONCATENATED MODULE: ./src/engine/generators/fast-expression.ts
const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const NUM = '\\d+';
const OPERAND = `(${IDENT}|${NUM})`;
const SHAPE = new RegExp(`^\\{\\{\\s*${OPERAND}(?:\\s*([+\\-*])\\s*${OPERAND})?\\s*\\}\\}$`);
const RESERVED = new Set(['True', 'False', 'None', 'true', 'false', 'none', 'not', 'and', 'or', 'in', 'is', 'loop', 'range']);
/** A string that prints unchanged: not JSON-looking (records deserialise those), no leading space. */
const NOT_PLAIN = /^[\s{["\-0-9tfnNI]/;
/** The shape's value: a safe integer, a plain string, or undefined (not certain; slow path). */
function compileShape(expr) {
    const m = SHAPE.exec(expr.trim());
    if (!m)
        return null;
    const [, left, op, right] = m;
    if (RESERVED.has(left) || (right && RESERVED.has(right)))
        return null;
    const operand = (tok) => {
        if (/^\d+$/.test(tok)) {
            const n = Number(tok);
            return () => n;
        }
        // Only safe integers: they print the same in Python and JS, and their arithmetic is exact.
        return (row) => {
            const v = row[tok];
            return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
        };
    };
    const a = operand(left);
    if (!op) {
        return (row) => {
            const v = row[left];
            if (typeof v === 'number' && Number.isSafeInteger(v))
                return v === 0 ? 0 : v; // -0 prints as 0
            if (typeof v === 'string' && v.length > 0 && !NOT_PLAIN.test(v))
                return v;
            return undefined;
        };
    }
    const b = operand(right);
    return (row) => {
        const x = a(row);
        const y = b(row);
        if (x === undefined || y === undefined)
            return undefined;
        const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
        return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : undefined;
    };
}
function compileFastExpression(expr, _mode) {
    const shape = compileShape(expr);
    if (!shape)
        return null;
    return (row) => {
        const v = shape(row);
        return v === undefined ? undefined : String(v);
    };
}
/**
 * As compileFastExpression, cast to `dtype` as castExpressionValue would cast the rendered text: an
 * integer's digits parse back to the integer (int, float), bool is "non-zero", str is the text.
 */
function compileFastValue(expr, _mode, dtype) {
    const shape = compileShape(expr);
    if (!shape)
        return null;
    switch (dtype) {
        case 'str':
            return (row) => {
                const v = shape(row);
                return typeof v === 'number' ? String(v) : v;
            };
        case 'int':
        case 'float':
            // A plain string is not a number: the slow path raises the cast error and drops the row.
            return (row) => {
                const v = shape(row);
                return typeof v === 'number' ? v : undefined;
            };
        case 'bool':
            return (row) => {
                const v = shape(row);
                return typeof v === 'number' ? v !== 0 : undefined;
            };
        default:
            return null;
    }
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
/** The skip value coerced to the column's dtype at config time (Data Designer does it in the model). */
function coerceSkipValue(value, dtype) {
    if (value === null || value === undefined)
        return null;
    try {
        return castExpressionValue(typeof value === 'string' ? value : String(value), dtype);
    }
    catch {
        return value;
    }
}
class ExpressionGenerator {
    column;
    ctx;
    outputColumns;
    dtypes;
    dtype;
    template;
    fast;
    fastValue;
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
        this.fast = compileFastExpression(column.expr, ctx.templates.main.mode);
        this.fastValue = compileFastValue(column.expr, ctx.templates.main.mode, this.dtype);
    }
    async generate(group) {
        const drops = new Map();
        const gate = skipGate(this.column, this.ctx.templates, coerceSkipValue(this.column.skip?.value, this.dtype));
        const name = this.column.name;
        const rows = group.rows;
        for (let i = 0; i < rows.length; i++) {
            if (gate.active && gate.apply(group, i))
                continue;
            if (this.fastValue) {
                // Rendered and cast in one step when the shape allows it (no text to print and parse back).
                const v = this.fastValue(rows[i]);
                if (v !== undefined) {
                    rows[i][name] = v;
                    continue;
                }
            }
            let text;
            try {
                const fast = this.fast?.(rows[i]);
                text = fast === undefined ? this.template.render(rows[i]) : fast;
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
 * - `local_callable`: a Python function — cannot run here; a clear error at stage start.
 *
 * With several target columns a code validator checks each column separately and the cell is
 * `{column: result}`.
 */







// ---------------------------------------------------------------- SQL (DuckDB's parser)
const DECIMAL_WITHOUT_SCALE = /DECIMAL\(\d+\)/g;
/** `db`: the stage's database when there is one (a parser session costs nothing to reuse). */
async function validateSqlBatch(values, db) {
    const own = db ? undefined : await (0,database/* openDatabase */.qI)();
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
                const parsed = await (0,database/* parseSql */.eg)(parser, sql);
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
function remoteOutputs(o, body, expected) {
    if (o.output_schema) {
        let check = schemaCache.get(o.output_schema);
        if (!check)
            schemaCache.set(o.output_schema, (check = new _2020.Ajv2020({ strict: false }).compile(o.output_schema)));
        if (!check(body))
            throw new diagnostics/* DdflowError */.Zq(`The remote validator's response does not match output_schema: ${check.errors?.[0]?.message ?? 'invalid'}.`);
    }
    const data = body?.data;
    if (!Array.isArray(data) || data.length !== expected || !data.every((d) => d && typeof d === 'object' && 'is_valid' in d)) {
        throw new diagnostics/* DdflowError */.Zq(`The remote validator must answer {"data": [{"is_valid": ...}, ...]} with one entry per record (${expected}).`);
    }
    return data;
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
            default:
                throw new diagnostics/* DdflowError */.Zq(`Validation column '${column.name}' uses validator_type '${String(column.validator_type)}', which ddflow does not support: local_callable runs a Python function. Use a remote validator instead.`);
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
        processDataset: (files, outDir, rowGroupSize) => (0,dataset/* runSqlOverDataset */.e)(db, files, config.query, outDir, { rowGroupSize, processorName: config.name }).catch((err) => {
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

;// CONCATENATED MODULE: ./src/engine/samplers/datetime-format.ts
/**
 * Datetime parsing and strftime formatting for the datetime/timedelta samplers. Values are naive
 * (no time zone), held as UTC milliseconds, as pandas holds a naive datetime64.
 */

const ISO_LIKE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?$/;
/** The date forms pandas' `to_datetime` is used with in configs: `2024`, `2024-03`, `2024-03-12`, `2024-03-12 10:30:00`, `2024/03/12`, `...T...`, optional `Z`. */
function parseDatetime(text) {
    const m = ISO_LIKE.exec(text.trim().replace(/Z$/, ''));
    if (m) {
        const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = ''] = m;
        const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
        const check = new Date(ms);
        if (check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d) && Number(h) < 24)
            return ms;
    }
    throw new diagnostics/* DdflowError */.Zq(`Invalid datetime format: ${text}`);
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n, w = 2) => String(n).padStart(w, '0');
function dayOfYear(d) {
    return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
/** Python's strftime for the C-standard directives (UTC, C locale); an unknown directive is kept as is. */
function strftime(ms, format) {
    const d = new Date(ms);
    let out = '';
    for (let i = 0; i < format.length; i++) {
        const ch = format[i];
        if (ch !== '%' || i === format.length - 1) {
            out += ch;
            continue;
        }
        const f = format[++i];
        const h = d.getUTCHours();
        switch (f) {
            case 'Y':
                out += pad(d.getUTCFullYear(), 4);
                break;
            case 'y':
                out += pad(d.getUTCFullYear() % 100);
                break;
            case 'm':
                out += pad(d.getUTCMonth() + 1);
                break;
            case 'd':
                out += pad(d.getUTCDate());
                break;
            case 'H':
                out += pad(h);
                break;
            case 'I':
                out += pad(h % 12 === 0 ? 12 : h % 12);
                break;
            case 'p':
                out += h < 12 ? 'AM' : 'PM';
                break;
            case 'M':
                out += pad(d.getUTCMinutes());
                break;
            case 'S':
                out += pad(d.getUTCSeconds());
                break;
            case 'f':
                out += pad(d.getUTCMilliseconds() * 1000, 6);
                break;
            case 'j':
                out += pad(dayOfYear(d), 3);
                break;
            case 'B':
                out += MONTHS[d.getUTCMonth()];
                break;
            case 'b':
            case 'h':
                out += MONTHS[d.getUTCMonth()].slice(0, 3);
                break;
            case 'A':
                out += DAYS[d.getUTCDay()];
                break;
            case 'a':
                out += DAYS[d.getUTCDay()].slice(0, 3);
                break;
            case 'w':
                out += String(d.getUTCDay());
                break;
            case 'u':
                out += String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
                break;
            case 'F':
                out += `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
                break;
            case 'T':
                out += `${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
                break;
            case 'D':
                out += `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
                break;
            case 'z':
            case 'Z': break; // naive datetimes: empty, as in Python
            case '%':
                out += '%';
                break;
            default: out += `%${f}`;
        }
    }
    return out;
}
const ISO_FORMAT = '%Y-%m-%dT%H:%M:%S';
/** A convert_to format must produce something; Data Designer checks it by formatting a sample date. */
function validateDatetimeFormat(format) {
    if (!format.includes('%'))
        throw new diagnostics/* DdflowError */.Zq(`Invalid datetime format: ${format}. It contains no strftime directive (e.g. %Y-%m-%d).`);
}
/** Truncates to the start of the unit (numpy's datetime64[unit] cast). */
function truncateTo(ms, unit) {
    const d = new Date(ms);
    switch (unit) {
        case 'Y': return Date.UTC(d.getUTCFullYear(), 0, 1);
        case 'M': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
        case 'D': return Math.floor(ms / 86_400_000) * 86_400_000;
        case 'h': return Math.floor(ms / 3_600_000) * 3_600_000;
        case 'm': return Math.floor(ms / 60_000) * 60_000;
        case 's': return Math.floor(ms / 1000) * 1000;
    }
}
const UNIT_MS = { D: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

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
        const lo = Math.floor(parseDatetime(start) / 1000);
        const hi = Math.floor(parseDatetime(end) / 1000);
        const span = Math.max(1, hi - lo);
        return (rng) => truncateTo((lo + Math.floor(rng.next() * span)) * 1000, unit);
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
/** Python Faker locale names → faker-js locale keys (`fr_FR` → `fr`, `ja_JP` → `ja`). */
function fakerLocale(locale) {
    const all = dist/* allLocales */.N9;
    const lang = locale.split('_')[0];
    const key = [locale, lang].find((k) => Object.hasOwn(all, k));
    if (!key)
        throw new diagnostics/* DdflowError */.Zq(`Locale '${locale}' is not available for person_from_faker (try one of: ${Object.keys(all).filter((k) => k !== 'base').join(', ')}).`);
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

;// CONCATENATED MODULE: ./src/engine/samplers/person.ts

/** Data Designer's `person` samples downloaded Nemotron-Personas datasets, which ddflow does not ship. */
const personSampler = {
    type: 'person',
    conversion: 'passthrough',
    outputType: () => 'json',
    create(_params, column) {
        throw new diagnostics/* DdflowError */.Zq(`Sampler column '${column}' uses sampler_type 'person', which needs Data Designer's downloaded persona datasets; use sampler_type 'person_from_faker' instead.`);
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
        const step = UNIT_MS[unit];
        return (rng, row) => {
            const ref = row[reference_column_name];
            if (ref === undefined)
                throw new diagnostics/* DdflowError */.Zq(`Columns \`${reference_column_name}\` not found in dataset`);
            const base = typeof ref === 'number' ? ref : typeof ref === 'string' ? parseDatetime(ref) : ref instanceof Date ? ref.getTime() : NaN;
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
            validateDatetimeFormat(convertTo);
        if (convertTo === 'str' && decimalPlaces !== null) {
            throw new diagnostics/* DdflowError */.Zq(`Sampler column '${column.name}' combines convert_to: str with decimal_places, which Data Designer cannot round (Expected numeric dtype, got object instead.).`);
        }
        const branches = [{ condition: null, draw: def.create(params, column.name, key) }];
        for (const [cond, p] of Object.entries(column.conditional_params ?? {})) {
            branches.push({ condition: cond, draw: def.create({ ...p }, column.name, key) });
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
        return { name: column.name, def, branches, convertTo, decimalPlaces, checkers, stream: (0,random/* reusedColumnStream */.Ps)(seed, stage, column.name), dtype, rawFloat: def.outputType(params) === 'float' };
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
        if (p.def.conversion === 'datetime')
            return typeof v === 'number' && Number.isFinite(v) ? strftime(v, p.convertTo ?? ISO_FORMAT) : null;
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
    preprocesses(p) {
        return p.def.conversion === 'numeric' && p.convertTo !== null && p.convertTo !== 'str';
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
async function stageColumnStatistics(db, files, declared, templates) {
    if (files.length === 0)
        return [];
    const present = new Set((await (0,dataset/* columnsOf */.PL)(db, files)).map((c) => c.name));
    const reported = declared.filter((c) => columnKind(c) !== 'seed-dataset' && !c.drop && present.has(c.name));
    const stats = await (0,statistics/* computeColumnStatistics */.vM)(db, files, reported.map((c) => ({ name: c.name, column_type: columnKind(c), ...(columnKind(c) === 'sampler' ? { sampler_type: c.sampler_type } : {}) })));
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
    return { [`${prefix}_mean`]: round2(t.mean), [`${prefix}_median`]: round2(t.median), [`${prefix}_stddev`]: round2(t.stddev) };
}
const round2 = (n) => Number(n.toFixed(2));
/** In SQL over the output column: ceil(length(text) / 4) per non-null cell. */
async function outputTokenStats(db, files, column) {
    const t = `ceil(length(${(0,database/* quoteIdent */.v4)(column)}::VARCHAR) / 4.0)`;
    const [row] = await db.all(`SELECT avg(${t}) AS mean, median(${t}) AS median, stddev_samp(${t}) AS sd FROM ${(0,dataset/* parquetSource */.Cn)(files)} WHERE ${(0,database/* quoteIdent */.v4)(column)} IS NOT NULL`);
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
    await (0,dataset/* streamRows */.IX)(db, files, 1000, (rows) => {
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
function emptyTokens() {
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
    const ownDb = input.db ? undefined : await (0,database/* openDatabase */.qI)();
    const db = input.db ?? ownDb;
    let seedData = null;
    try {
        const seedConfig = stageSeedConfig(input);
        if (input.upstream && input.config.seed_config)
            warn(`Stage '${input.stageName}' is seeded from the previous stage; its own seed_config is ignored.`);
        if (seedConfig)
            seedData = await openSeedDataset(db, seedConfig, { seed: input.seed });
        const compiled = compileStage(input.config, seedData?.columns ?? null);
        for (const w of compiled.warnings)
            warn(w);
        const templates = engineTemplates(runConfig.jinja_rendering_engine);
        const samplers = new SamplerGenerator(compiled.samplerColumns, input.config.constraints ?? [], {
            seed: input.seed,
            stage: input.stageName,
            evalCondition: conditionEvaluator(templates),
            conditionVariables: (c) => (0,template_ast/* templateVariables */.Qp)(`{{ ${c} }}`),
        });
        const ctx = { stageName: input.stageName, seed: input.seed, templates, log, warn, signal: input.signal, db };
        const monitor = new outcomes/* EarlyShutdownMonitor */.UV(runConfig);
        let firstFailure;
        // Rows lost to a transient cause (provider down, 5xx, timeouts, 429s after the retry budget): a group
        // holding one is not recorded, so the stage stays resumable and a rerun regenerates it (its finished
        // cells come from the call store). The stage then fails with the first such error (a stall wins).
        let lostInGroup = 0;
        let firstLoss;
        const llm = input.models
            ? {
                models: input.models,
                concurrency: Math.max(1, Math.min(runConfig.max_in_flight_tasks, MAX_ROWS_IN_FLIGHT)),
                recordOutcome: (o) => monitor.record(o),
                stopped: () => monitor.shouldStop,
                onFailure: (m) => void (firstFailure ??= m),
                onTransientLoss: (err) => {
                    lostInGroup++;
                    if (!firstLoss || (err.kind === 'rate_limit_stall' && firstLoss.kind !== 'rate_limit_stall'))
                        firstLoss = err;
                },
                onNotice: (m) => log.warn(m),
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
        const hash = (0,artifacts/* configHash */.r_)(compiled.config);
        // Resume: the recorded row groups that are intact and cut alike are kept as they are (src/engine/
        // resume.ts); every other file under the row-group directories is removed before anything is written.
        let done = new Map();
        let previous = null;
        if (input.resume) {
            previous = await (0,artifacts/* readMetadata */._6)(stageDir);
            done = await (0,resume/* keptRowGroups */.R3)(db, stageDir, previous, runConfig.buffer_size, input.seed);
            await (0,resume/* removeStrayRowGroupFiles */.Qn)(stageDir, done);
        }
        else {
            for (const sub of [artifacts/* PARQUET_DIR */.dr, 'dropped-columns-parquet-files', artifacts/* PROCESSORS_DIR */.Cs])
                await external_node_fs_.promises.rm(external_node_path_default().join(stageDir, sub), { recursive: true, force: true });
        }
        if (previous?.post_generation_state?.processed && done.size === groups.length && previous.target_num_records === input.numRecords) {
            log.info(`Stage '${input.stageName}': every row group and processor already completed; reusing them.`);
            return resultFromMetadata(stageDir, previous, outputColumns, warnings);
        }
        await (0,artifacts/* writeBuilderConfig */.bV)(stageDir, compiled.config);
        const batches = [];
        const droppedRows = {};
        let earlyShutdown = false;
        const tokens = () => input.models?.tokenUsage?.() ?? emptyTokens();
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
        // generated: at most two groups are alive, and batches are still recorded strictly in order.
        let pendingWrite = null;
        const settle = async () => {
            if (pendingWrite) {
                const p = pendingWrite;
                pendingWrite = null;
                await p;
            }
        };
        const record = async (group, index, groupDrops) => {
            await writeBatch(group, index, {
                db,
                outDir: stageDir,
                columns: outputColumns,
                declaredDrops: compiled.droppedColumns,
                dtypes,
                processors: processors.batch,
                preserveDroppedColumns: runConfig.preserve_dropped_columns,
                beforeCommit: async (written) => {
                    batches.push({
                        index,
                        file: relative(stageDir, written.file),
                        num_records: written.rows,
                        dropped_rows: groupDrops,
                        ...(written.droppedFile ? { dropped_columns_file: relative(stageDir, written.droppedFile) } : {}),
                        processor_files: Object.fromEntries(Object.entries(written.processorFiles).map(([k, f]) => [k, relative(stageDir, f)])),
                    });
                    await (0,artifacts/* writeMetadata */.f5)(stageDir, metadata());
                },
            });
            rowGroupGauge.close();
            openGroups--;
            input.onProgress?.({
                stage: input.stageName,
                rowsDone: batches.reduce((a, b) => a + b.num_records, 0),
                rowsTotal: input.numRecords,
                rowGroupsDone: batches.length,
                rowGroupsTotal: groups.length,
                tokens: tokens(),
            });
        };
        let openGroups = 0;
        /** Records of the groups recorded (reused or written): the rest is what a rerun still has to generate. */
        let recordedRecords = 0;
        try {
            for (const g of groups) {
                if (input.signal?.aborted)
                    throw new diagnostics/* DdflowError */.Zq(`Stage '${input.stageName}' was cancelled; completed row groups are kept for resume.`);
                const reused = done.get(g.index);
                if (reused) {
                    await settle();
                    batches.push(reused);
                    addDrops(reused.dropped_rows);
                    recordedRecords += g.size;
                    continue;
                }
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
        }
        finally {
            await settle();
            // Groups abandoned by an error, a cancellation or an early stop are released here.
            rowGroupGauge.close(openGroups);
            openGroups = 0;
        }
        if (firstLoss) {
            // Committed groups are already recorded; the metadata gets the usage so far, and no "processed"
            // state: the runner marks the stage failed and resumable, and a plain rerun generates the rest.
            await (0,artifacts/* writeMetadata */.f5)(stageDir, metadata());
            throw new diagnostics/* DdflowError */.Zq((0,outcomes/* transientLossMessage */.xU)(input.stageName, input.numRecords - recordedRecords, input.numRecords, firstLoss));
        }
        let files = batches.map((b) => external_node_path_default().join(stageDir, b.file));
        const generated = await (0,dataset/* countRows */.BO)(db, files);
        if (generated === 0) {
            // As Data Designer, the error carries the first non-retryable failure (the likely cause).
            const cause = firstFailure ? ` First failure: ${firstFailure}` : '';
            throw new diagnostics/* DdflowError */.Zq(earlyShutdown
                ? `🛑 Stage '${input.stageName}' stopped early: too many generation failures, and no records were produced.${cause}`
                : `🛑 Dataset is empty — all records were dropped due to generation or processing failures.${cause}`);
        }
        if (processors.dataset.length > 0)
            files = await applyDatasetProcessors(processors.dataset, files, external_node_path_default().join(stageDir, artifacts/* PARQUET_DIR */.dr), runConfig.buffer_size);
        const actual = processors.dataset.length > 0 ? await (0,dataset/* countRows */.BO)(db, files) : generated;
        // A shortfall is rows lost DURING generation (drops, early shutdown); rows a sql processor filters
        // out on purpose are not one, so the warning and numRecordsActual count what was generated.
        if (generated < input.numRecords) {
            warn(`⚠️ Generated ${generated} of ${input.numRecords} requested records (${((100 * generated) / input.numRecords).toFixed(1)}%).`);
        }
        const statistics = await stageColumnStatistics(db, files, compiled.config.columns, templates);
        const final = metadata({
            actual_num_records: actual,
            generated_num_records: generated,
            file_paths: { ...metadata().file_paths, 'parquet-files': files.map((f) => relative(stageDir, f)) },
            column_statistics: statistics,
            ...(processors.dataset.length > 0 || batches.length === groups.length ? { post_generation_state: { processed: true } } : {}),
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
            columns: (await (0,dataset/* columnsOf */.PL)(db, files)).map((c) => c.name),
            warnings,
        };
    }
    finally {
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
    const ownDb = input.db ? undefined : await (0,database/* openDatabase */.qI)();
    const db = input.db ?? ownDb;
    try {
        const warn = (m) => input.log.warn(m);
        await external_node_fs_.promises.rm(input.outDir, { recursive: true, force: true });
        await external_node_fs_.promises.mkdir(input.outDir, { recursive: true });
        const templates = engineTemplates('secure');
        const processors = buildProcessors(input.processors, { db, outDir: input.outDir, templates, log: input.log, warn });
        const types = await (0,dataset/* columnsOf */.PL)(db, input.inputFiles);
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
        await (0,dataset/* streamRows */.IX)(db, input.inputFiles, 1000, async (rows) => {
            const group = { index, start, rows, recordIndex: rows.map((_, i) => start + i), skipped: new Array(rows.length) };
            const written = await writeBatch(group, index, { db, outDir: input.outDir, columns, declaredDrops: [], dtypes, processors: processors.batch, preserveDroppedColumns: true });
            files.push(written.file);
            for (const [k, f] of Object.entries(written.processorFiles))
                (processorFiles[k] ??= []).push(f);
            index++;
            start += rows.length;
        });
        let out = files;
        if (processors.dataset.length > 0 && files.length > 0)
            out = await applyDatasetProcessors(processors.dataset, files, external_node_path_default().join(input.outDir, artifacts/* PARQUET_DIR */.dr), 1000);
        return { outputFiles: out, processorFiles, numRecords: out.length > 0 ? await (0,dataset/* countRows */.BO)(db, out) : 0 };
    }
    finally {
        ownDb?.close();
    }
}



/***/ })

};
