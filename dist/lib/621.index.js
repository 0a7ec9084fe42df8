export const id = 621;
export const ids = [621];
export const modules = {

/***/ 71621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ CALCULATION_FAILED),
/* harmony export */   X4: () => (/* binding */ round2),
/* harmony export */   vM: () => (/* binding */ computeColumnStatistics)
/* harmony export */ });
/* unused harmony exports EXACT_STATISTICS_MAX_ROWS, pyarrowDtype, simpleDtype */
/* harmony import */ var _database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94715);
/* harmony import */ var _dataset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99724);
/* harmony import */ var _shared_python_float_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84068);
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
/**
 * Up to this many rows, `num_unique` and `median` are exact (as pandas computes them for Data Designer);
 * above, DuckDB's approximations (HyperLogLog, t-digest), whose memory does not grow with the rows: exact
 * ones hold every distinct value (a 1M-row stage peaked at 318 MB with them, 241 MB without; 5M rows at
 * 840 MB of statistics alone).
 */
const EXACT_STATISTICS_MAX_ROWS = 500_000;
/**
 * Whether the files can be read with the first file's schema — far less memory over thousands of files —
 * and the row count (from the footers). Only when every file has the same columns with the same types
 * (a stage's own files do): DuckDB would otherwise drop a later file's extra columns or cast its values.
 */
async function readMode(db, files, shared, rows) {
    if (shared ?? (await (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.shareOneSchema)(db, files))) {
        if (rows !== undefined)
            return { unionByName: false, rows };
        const [row] = await db.all(`SELECT count(*) AS n FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.parquetSource)(files, { unionByName: false })}`).catch(() => [undefined]);
        if (row)
            return { unionByName: false, rows: Number(row.n ?? 0) };
    }
    return { unionByName: true, rows: await (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.countRows)(db, files).catch(() => 0) };
}
const EXACT = { distinct: (e) => `count(DISTINCT ${e})`, median: (e) => `median(${e})` };
const APPROXIMATE = { distinct: (e) => `approx_count_distinct(${e})`, median: (e) => `approx_quantile(${e}, 0.5)` };
/**
 * DuckDB's HyperLogLog is off by up to a quarter around a thousand distinct values (997 → 1249) and by
 * under one percent at millions: a count it puts below this is counted again exactly (a hash table of at
 * most this many values), so only near-unique columns of a large dataset report an approximate count.
 */
const EXACT_DISTINCT_RECOUNT = 200_000;
/** Estimates below this share one recount scan (their hash tables are small together). */
const SHARED_RECOUNT = 20_000;
/** An approximate distinct count made exact where exact is cheap (see EXACT_DISTINCT_RECOUNT). */
async function refinedDistinct(db, agg, column, counted) {
    return (await recountDistinct(db, agg, new Map([[column, counted]]))).get(column) ?? counted;
}
/**
 * Exact distinct counts for the columns whose estimate is below EXACT_DISTINCT_RECOUNT (none for exact
 * aggregates): the small ones in one scan, the others one scan each. A failed recount keeps the estimate.
 */
async function recountDistinct(db, agg, estimates) {
    const out = new Map();
    if (agg.distinct === EXACT.distinct)
        return out;
    const due = [...estimates].filter(([, n]) => n < EXACT_DISTINCT_RECOUNT);
    const groups = [due.filter(([, n]) => n < SHARED_RECOUNT).map(([c]) => c), ...due.filter(([, n]) => n >= SHARED_RECOUNT).map(([c]) => [c])].filter((g) => g.length > 0);
    for (const g of groups) {
        try {
            const [row] = await db.all(`SELECT ${g.map((c, i) => `count(DISTINCT ${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(c)}) AS r${i}`).join(', ')} FROM ${agg.from}`);
            if (row)
                g.forEach((c, i) => out.set(c, Number(row[`r${i}`])));
        }
        catch {
            // the estimate stands
        }
    }
    return out;
}
async function computeColumnStatistics(db, files, columns, options = {}) {
    const read = files.length > 0 ? await readMode(db, files, options.schema?.shared, options.schema?.rows) : { unionByName: true, rows: 0 };
    const schema = options.schema ? options.schema.columns : files.length > 0 ? await db.describe(`SELECT * FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.parquetSource)(read.unionByName ? files : files.slice(0, 1), read)}`).catch(() => (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.columnsOf)(db, files)) : [];
    const types = new Map(schema.map((c) => [c.name, c.type]));
    const agg = { ...(read.rows > (options.exactMaxRows ?? EXACT_STATISTICS_MAX_ROWS) ? APPROXIMATE : EXACT), from: files.length > 0 ? (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.parquetSource)(files, read) : '', unionByName: read.unionByName };
    const scanned = await onePass(db, files, columns, types, agg);
    const counted = await groupedCounts(db, files, columns, types, agg, scanned);
    const out = [];
    for (const col of columns) {
        const pre = scanned.get(col.name);
        const stats = {
            column_name: col.name,
            column_type: col.column_type,
            ...(pre?.general ?? (await generalInfo(db, files, col.name, types.get(col.name), agg))),
        };
        if (col.column_type === 'sampler') {
            const samplerType = col.sampler_type ?? 'unknown';
            stats.sampler_type = samplerType;
            if (CATEGORICAL_SAMPLERS.has(samplerType)) {
                const values = counted.get(col.name);
                Object.assign(stats, await guarded('categorical', async () => values ?? (await categorical(db, files, col.name, agg))));
            }
            else if (NUMERICAL_SAMPLERS.has(samplerType)) {
                const numbers = pre?.numerical;
                Object.assign(stats, await guarded('numerical', () => (numbers ? numbers() : numerical(db, files, col.name, types.get(col.name), agg))));
            }
            else {
                stats.distribution_type = 'other';
                stats.distribution = null;
            }
        }
        else if (col.column_type === 'validation') {
            stats.num_valid_records = await validCount(db, agg, col.name).catch(() => CALCULATION_FAILED);
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
async function onePass(db, files, columns, types, agg) {
    const planned = [];
    for (const col of columns) {
        const type = types.get(col.name);
        if (type === undefined || type === 'JSON' || planned.some((p) => p.col.name === col.name))
            continue;
        const raw = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(col.name);
        const k = planned.length;
        const select = [`count(*) AS n${k}`, `count(*) - count(${raw}) AS nulls${k}`, `${agg.distinct(raw)} AS uniq${k}`];
        const numeric = col.column_type === 'sampler' && NUMERICAL_SAMPLERS.has(col.sampler_type ?? '') && SCANNABLE_NUMERIC.test(type);
        if (numeric) {
            const c = type === 'BOOLEAN' ? `${raw}::INTEGER` : raw;
            select.push(`min(${c}) AS mn${k}`, `max(${c}) AS mx${k}`, `avg(${c}) AS mean${k}`, `stddev_samp(${c}) AS sd${k}`, `${agg.median(c)} AS med${k}`);
        }
        planned.push({ col, type, numeric, select });
    }
    // Exact aggregates go one column per scan (several exact count(DISTINCT) hash tables at once cost more
    // memory than the scan saves); the approximate ones hold constant memory, so every column shares one scan.
    const rows = new Map();
    const scan = async (ks) => {
        const [row] = await db.all(`SELECT ${ks.flatMap((k) => planned[k].select).join(', ')} FROM ${agg.from}`);
        if (row)
            for (const k of ks)
                rows.set(k, row);
    };
    const all = planned.map((_, k) => k);
    if (agg.distinct !== EXACT.distinct && all.length > 1)
        await scan(all).catch(() => undefined);
    for (const k of all)
        if (!rows.has(k))
            await scan([k]).catch(() => undefined);
    const estimates = new Map(all.filter((k) => rows.has(k)).map((k) => [k, Number(rows.get(k)[`uniq${k}`])]));
    const out = new Map();
    for (const k of all) {
        const row = rows.get(k);
        if (!row)
            continue;
        const { col, type, numeric } = planned[k];
        const pyarrow = pyarrowDtype(type);
        const scanned = {
            general: { num_records: Number(row[`n${k}`]), num_null: Number(row[`nulls${k}`]), num_unique: estimates.get(k), pyarrow_dtype: pyarrow, simple_dtype: simpleDtype(pyarrow) },
        };
        if (numeric) {
            const r = { mn: row[`mn${k}`], mx: row[`mx${k}`], mean: row[`mean${k}`], sd: row[`sd${k}`], med: row[`med${k}`] };
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
async function generalInfo(db, files, name, type, agg) {
    try {
        if (type === undefined)
            throw new Error(`column ${name} not found`);
        const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name);
        const [row] = await db.all(`SELECT count(*) AS n, count(*) - count(${c}) AS nulls, ${agg.distinct(c)} AS uniq,
              ${type === 'JSON' ? `(SELECT json_type(${c}) FROM ${agg.from} WHERE ${c} IS NOT NULL LIMIT 1)` : 'NULL'} AS first_json_type
       FROM ${agg.from}`);
        if (!row)
            throw new Error('no result');
        const pyarrow = pyarrowDtype(type);
        return {
            num_records: Number(row.n),
            num_null: Number(row.nulls),
            num_unique: await refinedDistinct(db, agg, name, Number(row.uniq)),
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
 * Where a (file, first row) pair comes in the dataset, as an SQL expression over `filename` and
 * `first_row`. Files in name order (a stage's row groups, read by a glob) are ordered by their names: no
 * list of thousands of paths to search. Otherwise a file's place is its position in the list.
 */
function firstSeen(files) {
    return (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.fileList)(files).startsWith('[')
        ? `list_position(${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__.literalList)(files)}, filename)::BIGINT * 1000000000000 + first_row`
        : `filename || ':' || lpad(first_row::VARCHAR, 20, '0')`;
}
/** The value counts of one column from rows (value, count) already in order. */
function distributionOf(rows) {
    if (rows.length === 0)
        throw new Error('no values');
    return {
        most_common_value: reportedValue(rows[0].v),
        least_common_value: reportedValue(rows.at(-1).v),
        histogram: { categories: rows.map((r) => categoryValue(r.v)), counts: rows.map((r) => Number(r.n)) },
    };
}
/**
 * Value counts, most common first; ties in first-appearance order (what pandas' value_counts gives
 * for small inputs), nulls excluded.
 */
async function categorical(db, files, name, agg) {
    const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name);
    const src = (0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.parquetSource)(files, { unionByName: agg.unionByName, fileColumns: true });
    // Counted per (value, file) first, so the file's position in the list is looked up once per group
    // rather than once per row (a 100-file list searched a million times was most of this query).
    const rows = await db.all(`SELECT v, sum(n)::BIGINT AS n,
            min(${firstSeen(files)}) AS first_seen
     FROM (SELECT ${c} AS v, filename, count(*) AS n, min(file_row_number) AS first_row
           FROM ${src} WHERE ${c} IS NOT NULL GROUP BY ${c}, filename)
     GROUP BY v ORDER BY n DESC, first_seen`);
    return distributionOf(rows);
}
let groupedTables = 0;
/** Columns the grouped scan cannot name next to DuckDB's file columns (their own queries handle them). */
const FILE_COLUMNS = new Set(['filename', 'file_row_number']);
/**
 * ONE scan for what took one scan each: the value counts of every categorical sampler column (per value
 * and file, for the first-seen order) and, for a large dataset, the exact recount of the distinct values
 * of the columns the sketch puts below SHARED_RECOUNT — GROUPING SETS, one set per column, into a temp
 * table of a few rows per value (and file) that small queries then read. Measured over the issue-13 stage
 * (2 categorical columns, 2 recounted): 160 → 90 ms at 1M rows (1000 files), 645 → 380 ms at 5M (5000
 * files, where every scan also leaves the process larger). A categorical column's distinct count is then
 * its number of values, exact. What this leaves out (JSON columns, names that collide with the file
 * columns, a failed query) goes through categorical() and recountDistinct() as before.
 */
async function groupedCounts(db, files, columns, types, agg, scanned) {
    const approximate = agg.distinct !== EXACT.distinct;
    const plain = (name) => scanned.has(name) && types.get(name) !== 'JSON' && !FILE_COLUMNS.has(name);
    const categoricalNames = [...new Set(columns.filter((c) => c.column_type === 'sampler' && CATEGORICAL_SAMPLERS.has(c.sampler_type ?? '')).map((c) => c.name))].filter(plain);
    const estimates = new Map([...scanned].map(([name, s]) => [name, Number(s.general.num_unique)]));
    const small = approximate ? [...estimates].filter(([n, e]) => e < SHARED_RECOUNT && plain(n) && !categoricalNames.includes(n)).map(([n]) => n) : [];
    const distributions = new Map();
    const exact = new Map();
    if (files.length > 0 && categoricalNames.length + small.length > 0) {
        const grouped = [...categoricalNames, ...small];
        const table = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(`ddflow_value_counts_${process.pid}_${++groupedTables}`);
        const sets = grouped.map((name, k) => (k < categoricalNames.length ? `(${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name)}, filename)` : `(${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name)})`));
        try {
            await db.run(`CREATE TEMP TABLE ${table} AS
         SELECT ${grouped.map((name, k) => `${(0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name)} AS v${k}`).join(', ')}, filename, count(*) AS n, min(file_row_number) AS first_row
         FROM ${(0,_dataset_js__WEBPACK_IMPORTED_MODULE_1__.parquetSource)(files, { unionByName: agg.unionByName, fileColumns: true })}
         GROUP BY GROUPING SETS (${sets.join(', ')})`);
            // In the rows of another column's set a column is NULL, as is its own null value: both left out.
            for (const [k, name] of categoricalNames.entries()) {
                const rows = await db
                    .all(`SELECT v${k} AS v, sum(n)::BIGINT AS n, min(${firstSeen(files)}) AS first_seen
             FROM ${table} WHERE v${k} IS NOT NULL GROUP BY v${k} ORDER BY n DESC, first_seen`)
                    .catch(() => []);
                if (rows.length > 0)
                    distributions.set(name, distributionOf(rows));
            }
            if (small.length > 0) {
                const [row] = await db.all(`SELECT ${small.map((_, i) => `count(v${categoricalNames.length + i}) AS r${i}`).join(', ')} FROM ${table}`).catch(() => []);
                if (row)
                    small.forEach((name, i) => exact.set(name, Number(row[`r${i}`])));
            }
        }
        catch {
            // each column's own queries below
        }
        finally {
            await db.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        }
    }
    if (approximate) {
        for (const [name, d] of distributions)
            exact.set(name, d.histogram.categories.length);
        const rest = new Map([...estimates].filter(([name]) => !exact.has(name)));
        for (const [name, n] of await recountDistinct(db, agg, rest))
            exact.set(name, n);
        for (const [name, n] of exact)
            scanned.get(name).general.num_unique = n;
    }
    return distributions;
}
async function numerical(db, files, name, type, agg) {
    const raw = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name);
    // Booleans (bernoulli) count as 0/1, as pandas does.
    const c = type === 'BOOLEAN' ? `${raw}::INTEGER` : raw;
    const [row] = await db.all(`SELECT min(${c}) AS mn, max(${c}) AS mx, avg(${c}) AS mean, stddev_samp(${c}) AS sd, ${agg.median(c)} AS med
     FROM ${agg.from}`);
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
async function validCount(db, agg, name) {
    const c = (0,_database_js__WEBPACK_IMPORTED_MODULE_0__.quoteIdent)(name);
    const [row] = await db.all(`SELECT count_if(lower(json_extract_string(to_json(${c}), '$.is_valid')) IN ('true', '1', '1.0')) AS n FROM ${agg.from}`);
    return Number(row?.n ?? 0);
}
/** Data Designer's prepare_number_for_reporting: Python's round(float(v), 2). */
function round2(n) {
    return Number.isInteger(n) ? n : (0,_shared_python_float_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonRound */ .FO)(n, 2);
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


/***/ })

};
