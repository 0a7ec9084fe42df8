export const id = 852;
export const ids = [852];
export const modules = {

/***/ 38852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: actionsLogger

// EXTERNAL MODULE: ./src/workflow/shard.ts
var shard = __webpack_require__(65661);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/data/duckdb-loader.ts
var duckdb_loader = __webpack_require__(21293);
// EXTERNAL MODULE: ./src/workflow/load.ts + 19 modules
var load = __webpack_require__(46411);
// EXTERNAL MODULE: ./src/workflow/plan.ts + 2 modules
var workflow_plan = __webpack_require__(69951);
// EXTERNAL MODULE: ./src/llm/index.ts + 5 modules
var llm = __webpack_require__(32002);
;// CONCATENATED MODULE: ./src/action/summary.ts

const SUMMARY_TRUNCATED_NOTE = "_The summary was cut here to stay under GitHub's 1 MiB step-summary limit._";
const STATUS_LABEL = {
    pending: '· pending',
    running: '⏸️ interrupted',
    completed: '✅ completed',
    completed_empty: '⚪ completed (empty)',
    skipped_empty_upstream: '⏭️ skipped (empty upstream)',
    skipped: '⏭️ skipped',
    failed: '❌ failed',
};
/**
 * Text GitHub turns into a link or a reference on its own, without any markdown syntax: URLs, `www.`
 * hosts, e-mail addresses, `@user` / `@org/team` mentions, and issue references (`#12`, `GH-12`,
 * `owner/repo#12`). Shown in a code span, where none of that happens.
 */
// Each alternative starts only where its first run of characters starts (the look-behinds), so a long
// run of letters is scanned once, not once per position: linear time on any text.
const AUTOLINKED = /(?:https?|ftp|mailto):\/\/?\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@[a-z0-9][\w-]*(?:\/[\w.-]+)?|(?<![\w#])#\d+\b|\bgh-\d+\b|(?<![\w.-])[\w.-]+\/[\w.-]+#\d+\b/gi;
/** `text` as a code span (in a table, `|` still has to be escaped there). */
function codeSpan(text, inTable) {
    const body = inTable ? text.replace(/\|/g, '\\|') : text;
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/**
 * Plain text: no HTML, no link or image syntax (a `]` that a `(` or `[` follows is escaped, which ends
 * `[x](url)`, `![x](url)` and `[x][ref]`), and no backslash escapes of its own.
 */
function plainText(text, inTable) {
    const out = text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
        // A backtick from the data would open a code span that closes on one of ours (inertMarkdown's),
        // turning the mention or link it quoted back into markup: escaped, it is only a backtick.
        .replace(/`/g, '\\`')
        .replace(/\](?=[([])/g, '\\]')
        .replace(/\r?\n|\r/g, inTable ? '<br>' : ' ');
    return inTable ? out.replace(/\|/g, '\\|') : out;
}
/**
 * Untrusted text (data, an error message quoting data) as inert markdown: inside a table cell, or in a
 * list item. Whatever it holds renders as the text itself.
 */
function inertMarkdown(text, inTable = false) {
    // Bidirectional-text controls would make the text display as something else, in code spans too: shown by name.
    text = text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    let out = '';
    let last = 0;
    for (const m of text.matchAll(AUTOLINKED)) {
        // Trailing punctuation is not part of the link (as GitHub reads it): left as text.
        const token = m[0].replace(/[.,:;!?'")\]*_~]+$/, '');
        if (token === '')
            continue;
        out += plainText(text.slice(last, m.index), inTable) + codeSpan(token, inTable);
        last = m.index + token.length;
    }
    return out + plainText(text.slice(last), inTable);
}
/** Makes any text safe inside a table cell; `max` counts characters of the original text. */
function tableCell(value, max = Number.POSITIVE_INFINITY) {
    let text = stringify(value);
    if (text.length > max) {
        const chars = [...text];
        if (chars.length > max)
            text = `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
    }
    return inertMarkdown(text, true);
}
function stringify(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    if (value instanceof Date)
        return value.toISOString();
    if (typeof value === 'object') {
        try {
            return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
        }
        catch {
            return String(value);
        }
    }
    return String(value);
}
function formatDuration(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0)
        return '—';
    if (seconds < 60)
        return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
    const total = Math.round(seconds);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}
const summary_int = (n) => n.toLocaleString('en-US');
function cacheLabel(stage) {
    if (stage.overridden)
        return 'overridden';
    const base = { reused: 'hit (local)', restored: 'hit (cache)', miss: 'miss', off: 'off' }[stage.cache];
    return stage.saved ? `${base}, saved` : base;
}
function rowsLabel(stage) {
    const requested = stage.num_records_requested;
    // A failed (or cancelled) stage: the rows its completed row groups kept, not a generation shortfall.
    if (stage.status === 'failed')
        return requested > 0 ? `${summary_int(stage.output_records)} kept (of ${summary_int(requested)})` : summary_int(stage.output_records);
    if (requested > 0 && stage.num_records_actual < requested && stage.status !== 'skipped' && stage.status !== 'skipped_empty_upstream') {
        return `⚠️ ${summary_int(stage.output_records)} (${summary_int(stage.num_records_actual)} of ${summary_int(requested)} generated)`;
    }
    return summary_int(stage.output_records);
}
function tokensLabel(stage) {
    const { prompt, completion } = stage.tokens;
    return prompt + completion === 0 ? '—' : `${summary_int(prompt)} / ${summary_int(completion)}`;
}
function stageTable(report) {
    const lines = [
        '### Stages',
        '',
        '| # | stage | decision | status | cache | rows | duration | tokens (prompt / completion) | why |',
        '|---:|---|---|---|---|---:|---:|---:|---|',
    ];
    // The decision and its reason are the plan's (src/workflow/plan.ts): the same words `ddflow plan` prints.
    for (const s of report.stages) {
        lines.push(`| ${s.index} | ${tableCell(s.name)} | ${s.decision ?? '—'} | ${STATUS_LABEL[s.status]} | ${cacheLabel(s)} | ${rowsLabel(s)} | ${formatDuration(s.duration_sec)} | ${tokensLabel(s)} | ${s.reason ? tableCell(s.reason, 200) : ''} |`);
    }
    const hits = report.stages.filter((s) => s.cache === 'restored' || s.cache === 'reused').length;
    const prompt = report.stages.reduce((n, s) => n + s.tokens.prompt, 0);
    const completion = report.stages.reduce((n, s) => n + s.tokens.completion, 0);
    lines.push('', `${hits} of ${report.stages.length} stages came from the cache; ${summary_int(prompt)} prompt and ${summary_int(completion)} completion tokens.`);
    const cost = costSentence(report.cost);
    if (cost)
        lines.push('', cost);
    return lines;
}
function sampleTable(sample, total, opts) {
    const columns = sample.columns.slice(0, opts.maxColumns);
    const rows = sample.rows.slice(0, opts.maxRows);
    const shown = rows.length;
    const lines = [`### Sample (${shown} of ${summary_int(Math.max(total, shown))} rows)`, ''];
    if (columns.length === 0 || shown === 0)
        return [...lines, '_No rows._'];
    lines.push(`| ${columns.map((c) => tableCell(c, opts.maxCellChars)).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
    for (const row of rows)
        lines.push(`| ${columns.map((c) => tableCell(row[c], opts.maxCellChars)).join(' | ')} |`);
    if (sample.columns.length > columns.length)
        lines.push('', `_${sample.columns.length - columns.length} more columns not shown._`);
    return lines;
}
const round = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : stringify(v));
function statDetails(stat) {
    const parts = [];
    const d = stat.distribution;
    if (stat.sampler_type)
        parts.push(`sampler: ${stat.sampler_type}`);
    if (d && typeof d === 'object') {
        if (d.min !== undefined || d.max !== undefined)
            parts.push(`range ${round(d.min)}–${round(d.max)}`);
        if (d.mean !== undefined)
            parts.push(`mean ${round(d.mean)}`);
        if (d.stddev !== undefined)
            parts.push(`stddev ${round(d.stddev)}`);
        if (d.median !== undefined)
            parts.push(`median ${round(d.median)}`);
        if (d.most_common_value !== undefined)
            parts.push(`most common: ${stringify(d.most_common_value)}`);
    }
    if (stat.output_tokens_mean !== undefined)
        parts.push(`output tokens mean ${round(stat.output_tokens_mean)}`);
    if (stat.input_tokens_mean !== undefined)
        parts.push(`input tokens mean ${round(stat.input_tokens_mean)}`);
    if (stat.num_valid_records !== undefined)
        parts.push(`valid ${stringify(stat.num_valid_records)}`);
    return parts.join('; ');
}
function statsTable(stats, opts) {
    const lines = ['### Column statistics', '', '| column | kind | type | nulls | unique | details |', '|---|---|---|---:|---:|---|'];
    for (const s of stats) {
        const cells = [s.column_name, s.column_type ?? '', s.simple_dtype ?? s.pyarrow_dtype ?? '', s.num_null ?? '', s.num_unique ?? '', statDetails(s)];
        lines.push(`| ${cells.map((c) => tableCell(c, opts.maxCellChars * 2)).join(' | ')} |`);
    }
    return lines;
}
function warningLines(report) {
    const items = [];
    for (const s of report.stages) {
        const name = `\`${s.name.replace(/`/g, "'")}\``;
        if (s.status === 'failed' && s.error) {
            const at = s.error_location ? ` at \`${s.error_location.file.replace(/`/g, "'")}:${s.error_location.line}\`` : '';
            items.push(`${name} failed${at}: ${inertMarkdown(s.error)}`);
        }
        if (s.status !== 'failed' && s.num_records_requested > 0 && s.num_records_actual > 0 && s.num_records_actual < s.num_records_requested) {
            items.push(`${name} generated ${summary_int(s.num_records_actual)} of the ${summary_int(s.num_records_requested)} requested rows.`);
        }
        const drops = Object.entries(s.dropped_rows ?? {}).filter(([, n]) => n > 0);
        if (drops.length > 0) {
            const total = drops.reduce((n, [, k]) => n + k, 0);
            const byReason = drops
                .sort((a, b) => b[1] - a[1])
                .map(([reason, n]) => `${reason} ${summary_int(n)}`)
                .join(', ');
            items.push(`${name} dropped ${summary_int(total)} row${total === 1 ? '' : 's'}: ${byReason}.`);
        }
        for (const w of s.warnings ?? [])
            items.push(`${name}: ${inertMarkdown(w)}`);
    }
    items.push(...report.warnings.map((w) => inertMarkdown(w)));
    if (items.length === 0)
        return [];
    return ['### Warnings', '', ...items.map((w) => `- ${w}`)];
}
/** Cuts `text` at a line boundary so that it plus the note fits `maxBytes`. */
function capBytes(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    const note = `\n\n${SUMMARY_TRUNCATED_NOTE}\n`;
    const budget = maxBytes - Buffer.byteLength(note);
    let cut = Buffer.from(text).subarray(0, Math.max(0, budget)).toString('utf8');
    // A partially decoded last character becomes U+FFFD; dropping the last line removes it and half-rows.
    const lastNewline = cut.lastIndexOf('\n');
    cut = lastNewline > 0 ? cut.slice(0, lastNewline) : '';
    return `${cut}${note}`;
}
/** Image files named by the sample's cells (a path, or a JSON list of paths), at most `max` per column. */
function sampleImages(sample, column, max = 3) {
    const out = [];
    for (const row of sample.rows) {
        let v = row[column];
        if (typeof v === 'string' && v.startsWith('[')) {
            try {
                v = JSON.parse(v);
            }
            catch {
                // a plain path that starts with '['
            }
        }
        for (const item of Array.isArray(v) ? v : [v])
            if (typeof item === 'string' && item && !out.includes(item) && out.length < max)
                out.push(item);
    }
    return out;
}
/**
 * The image columns' files, by name: a job summary cannot show an image from the runner (GitHub renders
 * only images at a public URL), so it says where they are — the stage directory in the artifact.
 */
function imageLines(sample, columns) {
    const shown = columns.filter((c) => sample.columns.includes(c)).map((c) => [c, sampleImages(sample, c)]).filter(([, files]) => files.length > 0);
    if (shown.length === 0)
        return [];
    return [
        '### Images',
        '',
        "GitHub shows no image from the runner in a job summary; these files are in the run's artifact, in the final stage's directory:",
        '',
        ...shown.map(([c, files]) => `- ${codeSpan(c.replace(/[\r\n]+/g, ' '), false)}: ${files.map((f) => codeSpan(f.replace(/[\r\n]+/g, ' '), false)).join(', ')}`),
    ];
}
function renderSummary(report, sample, stats = [], options = {}) {
    const opts = {
        maxRows: options.maxRows ?? 10,
        maxColumns: options.maxColumns ?? 20,
        maxCellChars: options.maxCellChars ?? 80,
        maxBytes: options.maxBytes ?? 512 * 1024,
    };
    const status = report.status === 'completed' ? '✅ completed' : report.status === 'pending' ? '⏳ pending' : report.cancelled ? '⏹️ cancelled' : '❌ failed';
    const head = [`## ${tableCell(options.title ?? `ddflow: ${report.workflow}`)} (${status})`, ''];
    const final = report.final_stage ? ` from stage \`${report.final_stage.replace(/`/g, "'")}\`` : '';
    // Batch mode: what the run waits on and when to look again, first.
    if (report.pending)
        head.push(`⏳ ${inertMarkdown(report.pending.message)}`, '');
    head.push(`**${summary_int(report.final_records)} records**${final}${report.export_path ? `, exported to \`${report.export_path}\`` : ''}; seed ${report.seed}.`);
    // Most important first, so a cut loses the least useful part.
    const sections = [head, stageTable(report), warningLines(report), sampleTable(sample, report.final_records, opts), imageLines(sample, options.imageColumns ?? [])];
    if (stats.length > 0)
        sections.push(statsTable(stats, opts));
    const text = sections
        .filter((s) => s.length > 0)
        .map((s) => s.join('\n'))
        .join('\n\n');
    return capBytes(`${text}\n`, opts.maxBytes);
}
/** The run's cost for the summary: dollars by model, calls answered by the call store (free) apart, the budget. */
function costSentence(cost) {
    if (!cost || cost.calls === 0)
        return '';
    const paid = cost.calls - cost.cached_calls;
    const byModel = Object.entries(cost.models)
        .filter(([, m]) => m.calls > m.cached_calls)
        .map(([alias, m]) => `${tableCell(alias)} ${(0,llm/* formatUsd */.UK)(m.cost_usd ?? 0)}${m.unpriced_calls ? ` (+${summary_int(m.unpriced_calls)} calls without a price)` : ''}`);
    let text = `**Cost: ${(0,llm/* formatUsd */.UK)(cost.usd)}**${cost.unpriced_calls > 0 ? ' (a lower bound: some calls have no price)' : ''} for ${summary_int(paid)} model call${paid === 1 ? '' : 's'}`;
    if (byModel.length > 0)
        text += ` (${byModel.join(', ')})`;
    if (cost.cached_calls > 0)
        text += `; ${summary_int(cost.cached_calls)} answered by the call store at no cost`;
    if (cost.budget) {
        const limits = [cost.budget.max_cost_usd != null ? (0,llm/* formatUsd */.UK)(cost.budget.max_cost_usd) : '', cost.budget.max_total_tokens != null ? `${summary_int(cost.budget.max_total_tokens)} tokens` : ''].filter(Boolean).join(' and ');
        text += `; budget ${limits}${cost.budget.exhausted ? ' — reached: the run stopped there, run again with a larger budget to finish' : ''}`;
    }
    return `${text}.`;
}

;// CONCATENATED MODULE: ./src/action/plan-summary.ts


/** A Markdown table of the plan (cells escaped like every other summary cell). */
function planMarkdown(plan) {
    const header = `| ${workflow_plan/* PLAN_COLUMNS */.OL.join(' | ')} |`;
    const rule = `|${workflow_plan/* PLAN_COLUMNS */.OL.map(() => '---').join('|')}|`;
    const rows = plan.stages.map((e) => `| ${(0,workflow_plan/* planCells */.v_)(e).map((c, i) => (i === 2 && c !== '?' ? `\`${c}\`` : tableCell(c))).join(' | ')} |`);
    return [header, rule, ...rows].join('\n') + '\n';
}
/** Restored or reused without generating anything. */
function isCacheHit(e) {
    return e.decision === 'cached' || e.decision === 'restore';
}
/** The `stages` output of `command: plan`: one entry per stage, in the shape `command: run` gives. */
function planStagesOutput(plan) {
    return plan.stages.map((e) => ({
        name: e.stage,
        status: e.decision,
        cache: e.decision === 'restore' ? 'restored' : e.decision === 'cached' ? 'reused' : e.decision === 'skipped' ? 'off' : 'miss',
        rows: e.rows ?? 0,
        duration_sec: 0,
        tokens: { prompt: 0, completion: 0 },
    }));
}

// EXTERNAL MODULE: ./src/workflow/run.ts + 7 modules
var run = __webpack_require__(45560);
// EXTERNAL MODULE: ./src/workflow/stores.ts
var stores = __webpack_require__(20219);
;// CONCATENATED MODULE: ./src/action/annotations.ts
/**
 * Workflow-file problems as GitHub annotations, so they show on the file and line in the run page
 * and in pull-request diffs. GitHub resolves an annotation's `file` against the repository root
 * (GITHUB_WORKSPACE), so paths are made relative to it; a file outside the workspace cannot be
 * annotated in place and keeps its path in the message instead.
 */


/** `file` relative to `workspace` with forward slashes, or undefined when it lies outside. */
function workspaceRelative(file, workspace) {
    const rel = external_node_path_default().relative(external_node_path_default().resolve(workspace), external_node_path_default().resolve(file));
    if (!rel || rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
function toAnnotation(d, workspace = process.env['GITHUB_WORKSPACE'] || process.cwd()) {
    const title = d.code ? `ddflow: ${d.code}` : 'ddflow';
    if (!d.location)
        return { severity: d.severity, message: d.message, properties: { title } };
    const file = workspaceRelative(d.location.file, workspace);
    if (!file) {
        return {
            severity: d.severity,
            message: `${d.location.file}:${d.location.line}:${d.location.col}: ${d.message}`,
            properties: { title },
        };
    }
    return {
        severity: d.severity,
        message: d.message,
        properties: { title, file, startLine: d.location.line, startColumn: d.location.col },
    };
}
/** Emits one annotation per diagnostic (errors first); returns how many errors there were. */
function annotate(diagnostics, workspace) {
    const ordered = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    for (const d of ordered) {
        const a = toAnnotation(d, workspace);
        if (a.severity === 'error')
            core.error(a.message, a.properties);
        else
            core.warning(a.message, a.properties);
    }
    return ordered.filter((d) => d.severity === 'error').length;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 1 modules
var cache = __webpack_require__(38682);
// EXTERNAL MODULE: ./src/action/cache-store.ts + 1 modules
var cache_store = __webpack_require__(28132);
;// CONCATENATED MODULE: ./src/action/duckdb-cache.ts
/**
 * DuckDB in the Action: the engine is not in the bundle (see src/data/duckdb-loader.ts); when the
 * workspace has no `@duckdb/node-api`, the loader installs it with npm into the runner's tool cache.
 * A hosted runner starts with an empty tool cache, so this module keeps the installed engine in the
 * Actions cache, keyed by DuckDB version, platform and architecture: a job pays the download once, the
 * next jobs restore it. The install prints one line (version, destination); a restore prints one too.
 */







/** `<prefix>-duckdb-<version>-<platform>-<arch>`: an engine only ever serves the machine kind it was built for. */
function duckdbCacheKey(prefix, platform = process.platform, arch = process.arch) {
    return `${prefix}-duckdb-${duckdb_loader/* DUCKDB_VERSION */.pc}-${platform}-${arch}`;
}
/** Installs the loader hooks for this step: log lines to the Actions log, installs kept in the Actions cache. */
function useActionsCacheForDuckDB(options) {
    const key = duckdbCacheKey(options.cacheKeyPrefix);
    let store;
    // Without the service (or with `cache: false`) the engine is simply installed; the stage cache warns
    // about a missing service itself, so this stays quiet.
    const usable = () => options.cache && cache/* isFeatureAvailable */.w3() && Boolean(process.env['ACTIONS_RUNTIME_TOKEN']);
    const storeOf = () => (store ??= new cache_store/* GitHubCacheStore */.hs({ stagingDir: '.ddflow-cache-duckdb' }));
    (0,duckdb_loader/* setDuckDBInstallHooks */.b3)({
        log: (message) => core.info(message),
        restore: async (installDir) => {
            if (!usable())
                return false;
            // Restored next to the install directory, then moved in: the directory holds the install lock.
            const scratch = `${installDir}.restoring-${process.pid}`;
            try {
                const hit = await storeOf().restore(key, scratch);
                if (!hit || !(0,external_node_fs_.existsSync)((0,duckdb_loader/* installMarkerPath */.zt)(scratch)))
                    return false;
                for (const name of await promises_default().readdir(scratch)) {
                    await promises_default().rm(external_node_path_default().join(installDir, name), { recursive: true, force: true });
                    await promises_default().rename(external_node_path_default().join(scratch, name), external_node_path_default().join(installDir, name));
                }
                core.info(`Restored DuckDB ${duckdb_loader/* DUCKDB_VERSION */.pc} (${process.platform}-${process.arch}) from the Actions cache (${key}) into ${installDir}`);
                return true;
            }
            catch (err) {
                core.warning(`Could not restore DuckDB from the Actions cache: ${err instanceof Error ? err.message : String(err)}; installing it instead.`);
                return false;
            }
            finally {
                await promises_default().rm(scratch, { recursive: true, force: true }).catch(() => undefined);
            }
        },
        save: async (installDir) => {
            if (!usable() || !options.cacheSave)
                return;
            await storeOf().save(key, installDir);
        },
    });
}

// EXTERNAL MODULE: ./src/action/inputs.ts + 1 modules
var action_inputs = __webpack_require__(82231);
;// CONCATENATED MODULE: ./src/action/masking.ts
/**
 * API keys never reach a log: the values of the environment variables that hold the run's secrets
 * (workflow/secrets.ts) are registered with the runner's masker before anything can print them.
 */

/**
 * Values shorter than this are not masked: masking "1" or "abc" would blank every occurrence of that
 * text in the log, and no real API key is that short.
 */
const MIN_MASKED_LENGTH = 4;
/**
 * Masks the value of each named variable that is set. Multi-line values are masked line by line, as
 * the runner matches masks per line. Returns the names whose values were masked (never the values).
 */
function maskEnvValues(names, env = process.env) {
    const masked = [];
    for (const name of names) {
        const value = env[name];
        if (!value)
            continue;
        const parts = [value, ...value.split(/\r?\n/)].map((v) => v.trim()).filter((v) => v.length >= MIN_MASKED_LENGTH);
        for (const part of new Set(parts))
            core.setSecret(part);
        if (parts.length > 0)
            masked.push(name);
    }
    return masked;
}

// EXTERNAL MODULE: ./src/workflow/secrets.ts
var secrets = __webpack_require__(22312);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 84 modules
var artifact = __webpack_require__(77935);
;// CONCATENATED MODULE: ./src/action/artifact-sink.ts
/**
 * Publishing outputs as workflow-run artifacts: an `ArtifactSink` over `@actions/artifact` (v4 service).
 *
 * Artifacts are immutable per run (a repeated name is a 409), and a run may upload from `main` and
 * again from `post`, or the final output next to every stage directory; so names are made valid and
 * then unique: a name this sink already used, or one the service reports as taken, gets `-2`, `-3`...
 */


/** Characters the artifact service refuses in names. */
const INVALID_NAME_CHARS = /[":<>|*?\r\n\\/]/g;
const MAX_NAME_LENGTH = 200;
const MAX_SUFFIX_ATTEMPTS = 50;
/** A name the service accepts: invalid characters become `-`, surrounding spaces and dots go. */
function artifactName(raw) {
    const cleaned = raw
        .replace(INVALID_NAME_CHARS, '-')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[.\s]+|[.\s]+$/g, '')
        .slice(0, MAX_NAME_LENGTH);
    return cleaned || 'ddflow';
}
/** Where a person finds an artifact in the GitHub UI, when the run is known. */
function artifactUrl(id, env = process.env) {
    const repository = env['GITHUB_REPOSITORY'];
    const runId = env['GITHUB_RUN_ID'];
    if (!repository || !runId)
        return undefined;
    const server = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}
function validRetentionDays(days) {
    if (days === undefined)
        return undefined;
    if (!Number.isInteger(days) || days < 1 || days > 90) {
        throw new diagnostics/* DdflowError */.Zq(`Artifact retention must be a whole number of days from 1 to 90, not ${days}.`);
    }
    return days;
}
class GitHubArtifactSink {
    kind = 'github-artifacts';
    client = new artifact/* DefaultArtifactClient */.t9();
    usedNames = new Set();
    retentionDays;
    constructor(options = {}) {
        this.retentionDays = validRetentionDays(options.retentionDays);
    }
    async upload(name, files, rootDir, options = {}) {
        const retentionDays = validRetentionDays(options.retentionDays) ?? this.retentionDays;
        if (files.length === 0)
            throw new diagnostics/* DdflowError */.Zq(`There are no files to upload as the artifact ${artifactName(name)}.`);
        const base = artifactName(name);
        for (let attempt = 1; attempt <= MAX_SUFFIX_ATTEMPTS; attempt++) {
            const candidate = attempt === 1 ? base : `${base.slice(0, MAX_NAME_LENGTH - 4)}-${attempt}`;
            if (this.usedNames.has(candidate))
                continue;
            this.usedNames.add(candidate);
            try {
                const result = await this.client.uploadArtifact(candidate, files, rootDir, retentionDays ? { retentionDays } : {});
                return {
                    name: candidate,
                    id: result.id,
                    size: result.size,
                    url: result.id === undefined ? undefined : artifactUrl(result.id),
                    ...(result.digest ? { digest: result.digest } : {}),
                };
            }
            catch (err) {
                // The client reports the service's 409 as "Failed request: (409) Conflict".
                if (err instanceof Error && /\(409\)/.test(err.message))
                    continue;
                throw new diagnostics/* DdflowError */.Zq(`Could not upload the artifact ${candidate}: ${firstLine(err)}.`, { cause: err });
            }
        }
        throw new diagnostics/* DdflowError */.Zq(`Could not find a free artifact name for ${base} in this run.`);
    }
}
function firstLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.split('\n')[0].replace(/[.\s]+$/, '');
}

;// CONCATENATED MODULE: ./src/action/run-artifacts.ts
/**
 * Uploading a run's outputs as workflow artifacts, after a run that completed and after one that
 * failed alike (a failed run's stage directories are what there is to debug), with actions/upload-artifact's
 * `if-no-files-found` semantics for an upload that finds nothing: `warn` (default), `error`, `ignore`.
 * A failed upload is a warning: the dataset is on disk and in the cache, the run is not lost.
 */



const WHAT = {
    final: 'the exported dataset',
    stages: 'the stage directories',
    all: 'the exported dataset and the stage directories',
    none: 'nothing',
};
/** `planned`: what to upload instead of what `upload` selects (a shard uploads its own directory). */
async function uploadRunArtifacts(report, options, planned = (0,outputs/* planUploads */.K)(report, options.upload, options.artifactName)) {
    if (options.upload === 'none')
        return { uploaded: [] };
    if (planned.length === 0) {
        const message = `No files were found to upload for upload: ${options.upload} (${WHAT[options.upload]} of this ${report.status === 'failed' ? 'failed ' : ''}run). No artifact will be uploaded.`;
        if (options.ifNoFilesFound === 'error')
            return { uploaded: [], failure: message };
        if (options.ifNoFilesFound === 'warn')
            core.warning(message);
        else
            core.info(message);
        return { uploaded: [] };
    }
    try {
        const sink = new GitHubArtifactSink({ retentionDays: options.retentionDays });
        const result = await (0,outputs/* uploadPlanned */.ES)(sink, planned, options.retentionDays);
        for (const a of result.uploaded)
            core.info(`Uploaded the artifact ${a.name}${a.url ? ` (${a.url})` : ''}${a.digest ? `, sha256 ${a.digest}` : ''}.`);
        for (const f of result.failed)
            core.warning(`Uploading the artifact ${f.name} failed: ${f.message}`);
        return { uploaded: result.uploaded, ...(result.primary ? { primary: result.primary } : {}) };
    }
    catch (err) {
        core.warning(`Uploading the artifact failed: ${err instanceof Error ? err.message : String(err)}`);
        return { uploaded: [] };
    }
}
/** The job summary's line about the artifacts: a link to each one on the run page. */
function artifactsMarkdown(artifacts) {
    if (artifacts.length === 0)
        return '';
    const items = artifacts.map((a) => {
        const label = `\`${a.name.replace(/`/g, "'")}\``;
        const link = a.url ? `[${label}](${a.url})` : label;
        const facts = [a.size !== undefined ? `${formatBytes(a.size)}` : undefined, a.digest ? `sha256 \`${a.digest.slice(0, 12)}…\`` : undefined].filter(Boolean);
        return `- ${link}${facts.length ? ` (${facts.join(', ')})` : ''}`;
    });
    return `\n**Artifact${artifacts.length === 1 ? '' : 's'}:**\n\n${items.join('\n')}\n`;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

;// CONCATENATED MODULE: ./src/action/run-annotations.ts

class StageAnnotations {
    workflow;
    workspace;
    current;
    constructor(workflow, workspace) {
        this.workflow = workflow;
        this.workspace = workspace;
    }
    /** `base` with its warnings annotated at the running stage's declaration. */
    logger(base) {
        return {
            ...base,
            warn: (message) => {
                if (!this.current)
                    return base.warn(message);
                annotate([{ severity: 'warning', message, location: this.current }], this.workspace);
            },
        };
    }
    onEvent(event) {
        if (event.type === 'stage-start')
            this.current = this.workflow.stages[event.index]?.location;
        else if (event.type === 'stage-end')
            this.current = undefined;
    }
    /**
     * Gives a stage failure without a location of its own the failed stage's location, so the error
     * annotation the step ends with sits on the file. A cancelled run is not the stage's fault.
     */
    locate(err) {
        this.current = undefined;
        if (err.diagnostics.some((d) => d.location))
            return;
        const failed = err.report.stages.find((s) => s.status === 'failed');
        if (!failed || failed.error === 'The run was cancelled.')
            return;
        const location = this.workflow.stages[failed.index]?.location;
        if (!location)
            return;
        for (const d of err.diagnostics)
            d.location = location;
    }
}

// EXTERNAL MODULE: ./src/data/database.ts
var database = __webpack_require__(94715);
// EXTERNAL MODULE: ./src/data/dataset.ts
var dataset = __webpack_require__(99724);
// EXTERNAL MODULE: ./src/data/statistics.ts
var statistics = __webpack_require__(71621);
;// CONCATENATED MODULE: ./src/action/report-summary.ts
/** Gathers what the job summary shows (sample rows, column statistics) and writes it. */







const SAMPLE_ROWS = 5;
/**
 * The kind of each output column, as the stage that declared it says (a later stage's column of the
 * same name wins): sampler columns then get their distribution in the statistics, as Data Designer's do.
 */
function columnKinds(workflow) {
    const kinds = new Map();
    for (const stage of workflow?.stages ?? []) {
        for (const c of (stage.config.columns ?? [])) {
            if (typeof c['name'] !== 'string')
                continue;
            const type = String(c['column_type'] ?? 'output').replace(/-/g, '_');
            kinds.set(c['name'], { column_type: type, ...(typeof c['sampler_type'] === 'string' ? { sampler_type: c['sampler_type'] } : {}) });
        }
    }
    return kinds;
}
function relativeTo(workspace, file) {
    const rel = external_node_path_default().relative(workspace, file);
    return rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel.split((external_node_path_default()).sep).join('/') : external_node_path_default().basename(file);
}
async function writeJobSummary(report, options) {
    let sample = { columns: [], rows: [] };
    let stats = [];
    const files = report.final_output_files ?? [];
    if (files.length > 0) {
        const db = await (0,database.openDatabase)();
        try {
            const columns = (await (0,dataset.columnsOf)(db, files)).map((c) => c.name);
            sample = { columns, rows: await (0,dataset.readRows)(db, files, { offset: 0, limit: SAMPLE_ROWS }) };
            const kinds = columnKinds(options.workflow);
            const described = columns.map((name) => ({ name, ...(kinds.get(name) ?? { column_type: 'output' }) }));
            stats = await (0,statistics/* computeColumnStatistics */.vM)(db, files, described);
        }
        catch (err) {
            core.warning(`Could not read the final output for the job summary: ${err instanceof Error ? err.message : String(err)}`);
        }
        finally {
            await db.close();
        }
    }
    const shown = { ...report };
    if (options.workspace && shown.export_path) {
        const rel = external_node_path_default().relative(options.workspace, shown.export_path);
        if (rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel))
            shown.export_path = rel.split((external_node_path_default()).sep).join('/');
    }
    if (options.workspace) {
        // A failure's place in the workflow file, as the repository shows it.
        const ws = options.workspace;
        shown.stages = shown.stages.map((s) => (s.error_location ? { ...s, error_location: { ...s.error_location, file: relativeTo(ws, s.error_location.file) } } : s));
    }
    const imageColumns = [...columnKinds(options.workflow)].filter(([, k]) => k.column_type === 'image').map(([name]) => name);
    const markdown = renderSummary(shown, sample, stats, { title: options.title, imageColumns });
    await writeSummary(markdown + artifactsMarkdown(options.artifacts ?? []));
}
/**
 * Appends markdown to the job summary. A runner without one (GITHUB_STEP_SUMMARY unset: act, some GitHub
 * Enterprise Server versions) or a write that fails must not fail a step whose work is done.
 */
async function writeSummary(markdown) {
    if (!process.env['GITHUB_STEP_SUMMARY']) {
        core.info('This runner has no job summary (GITHUB_STEP_SUMMARY is not set), so none is written.');
        return;
    }
    try {
        await core.summary.addRaw(markdown, true).write();
    }
    catch (err) {
        core.summary.emptyBuffer();
        core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
}

;// CONCATENATED MODULE: ./src/action/validation-summary.ts


function validationSummaryMarkdown(title, diagnostics, workspace) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    const place = (d) => {
        if (!d.location)
            return '';
        const file = workspaceRelative(d.location.file, workspace) ?? d.location.file;
        return `\`${file.replace(/`/g, "'")}:${d.location.line}:${d.location.col}\` `;
    };
    const item = (d) => `- ${place(d)}${inertMarkdown(d.message)}${d.code ? ` (${d.code})` : ''}`;
    const lines = [`## ${inertMarkdown(title)} (❌ ${errors.length} error${errors.length === 1 ? '' : 's'})`, ''];
    lines.push('### Errors', '', ...errors.map(item));
    if (warnings.length > 0)
        lines.push('', '### Warnings', '', ...warnings.map(item));
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/action/state.ts
var action_state = __webpack_require__(33175);
// EXTERNAL MODULE: ./src/action/call-store.ts
var call_store = __webpack_require__(13276);
// EXTERNAL MODULE: ./src/workflow/progress-lines.ts
var progress_lines = __webpack_require__(33556);
;// CONCATENATED MODULE: ./src/action/stage-log.ts

const CACHE_TEXT = {
    reused: 'reused from the workspace',
    restored: 'restored from the Actions cache',
    miss: 'generated',
    off: 'generated (cache off)',
};
/** The one line that closes a stage's group. */
function stageResultLine(r) {
    const parts = [`${r.status}`, `${r.output_records} rows`, r.overridden ? 'overridden by the reviewed file' : CACHE_TEXT[r.cache]];
    if (r.saved)
        parts.push('saved to the cache');
    parts.push(`${r.duration_sec.toFixed(1)} s`);
    if (r.tokens.prompt + r.tokens.completion > 0)
        parts.push(`${r.tokens.prompt} prompt / ${r.tokens.completion} completion tokens`);
    const drops = Object.entries(r.dropped_rows ?? {}).filter(([, n]) => n > 0);
    if (drops.length)
        parts.push(`dropped ${drops.map(([k, n]) => `${n} ${k}`).join(', ')}`);
    return `Stage '${r.name}': ${parts.join(', ')}${r.error ? ` — ${r.error}` : ''}`;
}
class StageGroups {
    out;
    stages;
    lastIndex;
    open = false;
    /** Progress lines of the running stage: one every interval (10 s), not one per event. */
    ticker;
    /** `stages`: names in order; `lastIndex`: the last stage this run goes to (the final target). */
    constructor(out, stages, lastIndex = stages.length - 1, intervalMs = progress_lines/* DEFAULT_PROGRESS_INTERVAL_MS */.dQ) {
        this.out = out;
        this.stages = stages;
        this.lastIndex = lastIndex;
        this.ticker = new progress_lines/* ProgressTicker */.Yv(intervalMs, (p, elapsed) => this.out.info(`  ${p.stage}: ${(0,progress_lines/* progressFigures */.ji)(p, elapsed).text}`));
    }
    begin(index) {
        this.end();
        if (index > this.lastIndex || index >= this.stages.length)
            return;
        // Numbered as its directory (stage-<index>-<name>) and the summary's `#` column, and counted among
        // all of the workflow's stages (a run with targets still says where the stage stands in the file).
        this.out.startGroup(`Stage ${index}: ${this.stages[index]} (${index + 1} of ${this.stages.length})`);
        this.open = true;
    }
    end() {
        this.ticker.stop();
        if (!this.open)
            return;
        this.out.endGroup();
        this.open = false;
    }
    onEvent(event) {
        this.ticker.onEvent(event);
        if (event.type === 'stage-start') {
            if (event.resume)
                this.out.info(`Resuming stage '${event.stage}' from its completed row groups.`);
        }
        else if (event.type === 'stage-end') {
            this.out.info(stageResultLine(event.report));
            // After a failure (or a cancellation) no later stage runs: no group is opened for one.
            if (event.report.status === 'failed')
                this.end();
            else
                this.begin(event.report.index + 1);
        }
    }
}
/** The index of the last stage a run with these targets reaches (the runner checks unknown names). */
function lastTargetIndex(stages, targets) {
    if (targets.length === 0)
        return stages.length - 1;
    const found = targets.map((t) => stages.indexOf(t)).filter((i) => i >= 0);
    return found.length ? Math.max(...found) : stages.length - 1;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./src/workflow/cache-keys.ts
var cache_keys = __webpack_require__(64480);
// EXTERNAL MODULE: ./src/workflow/metadata.ts
var workflow_metadata = __webpack_require__(55800);
;// CONCATENATED MODULE: ./src/workflow/base-pointer.ts
/**
 * The base of a review, found without git history: a run on the default branch saves, next to its stage
 * entries, a small pointer entry `<prefix>-<workflow>-latest-<sha>` holding its workflow-metadata.json
 * and its stage fingerprints (spec §7). A pull-request job restores the newest pointer by prefix, then
 * only the base stages it needs (those whose fingerprint differs from its own: a stage with the same
 * fingerprint is unchanged and is never read), into a base artifact directory of its own — read-only:
 * nothing is saved on the way.
 */





const BASE_POINTER_FILENAME = 'ddflow-base.json';
const POINTER_KIND = 'ddflow-base-pointer';
/** `<prefix>-<workflow>-latest-`: the restore prefix of the pointer entries. */
function basePointerPrefix(prefix, workflow) {
    return `${prefix}-${workflow}-latest-`;
}
function basePointerKey(prefix, workflow, sha) {
    return `${basePointerPrefix(prefix, workflow)}${sha}`;
}
/** Saves the pointer of the run in `workflowDir` (its metadata must be there). Returns the key when saved. */
async function saveBasePointer(store, prefix, workflowDir, sha) {
    const metadata = JSON.parse(await external_node_fs_.promises.readFile((0,workflow_metadata/* metadataPath */.xT)(workflowDir), 'utf8'));
    const pointer = {
        kind: POINTER_KIND,
        workflow: metadata.name,
        sha,
        stages: metadata.stages.filter(Boolean).map((s) => ({ index: s.index, name: s.name, stage_dir: s.stage_dir, fingerprint: s.fingerprint ?? null, status: s.status })),
    };
    const dir = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'ddflow-pointer-'));
    try {
        await external_node_fs_.promises.writeFile(external_node_path_default().join(dir, BASE_POINTER_FILENAME), `${JSON.stringify(pointer, null, 2)}\n`);
        await external_node_fs_.promises.copyFile((0,workflow_metadata/* metadataPath */.xT)(workflowDir), external_node_path_default().join(dir, workflow_metadata/* WORKFLOW_METADATA_FILENAME */.m2));
        const key = basePointerKey(prefix, metadata.name, sha);
        return (await store.save(key, dir)) ? key : undefined;
    }
    finally {
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/**
 * Restores the newest base pointer of `workflow` and the base stages `needed` says are needed into
 * `<root>/<workflow>`. Undefined when no pointer is found (or what was found is not one).
 */
async function restoreBase(store, prefix, workflow, root, needed, log) {
    const pointerPrefix = basePointerPrefix(prefix, workflow);
    const scratch = external_node_path_default().join(root, '.pointer');
    const key = await store.restore(pointerPrefix, scratch, [pointerPrefix]);
    if (!key)
        return undefined;
    let pointer;
    try {
        pointer = JSON.parse(await external_node_fs_.promises.readFile(external_node_path_default().join(scratch, BASE_POINTER_FILENAME), 'utf8'));
        if (pointer.kind !== POINTER_KIND || pointer.workflow !== workflow || !Array.isArray(pointer.stages))
            throw new Error('not a pointer');
    }
    catch {
        // A stage called `latest` has entries under the same prefix: such an entry is no pointer.
        log.warn(`The cache entry ${key} is not a ddflow base pointer, so there is no base to compare with.`);
        return undefined;
    }
    const workflowDir = external_node_path_default().join(root, workflow);
    await external_node_fs_.promises.mkdir(workflowDir, { recursive: true });
    await external_node_fs_.promises.copyFile(external_node_path_default().join(scratch, workflow_metadata/* WORKFLOW_METADATA_FILENAME */.m2), (0,workflow_metadata/* metadataPath */.xT)(workflowDir));
    await external_node_fs_.promises.rm(scratch, { recursive: true, force: true });
    const missing = [];
    for (const s of pointer.stages) {
        if (!s.fingerprint || !needed(s) || (s.status !== 'completed' && s.status !== 'completed_empty'))
            continue;
        // The stage directory name comes from the entry: only a plain name is used.
        if (external_node_path_default().basename(s.stage_dir) !== s.stage_dir || s.stage_dir.startsWith('.'))
            continue;
        const hit = await store.restore((0,cache_keys/* stageCacheKey */.KK)(prefix, workflow, s.name, s.fingerprint), external_node_path_default().join(workflowDir, s.stage_dir));
        if (!hit)
            missing.push(s.name);
    }
    return { workflowDir, sha: pointer.sha, pointer, missing };
}

// EXTERNAL MODULE: ./src/workflow/diff.ts
var workflow_diff = __webpack_require__(45546);
// EXTERNAL MODULE: ./src/workflow/diff-report.ts
var diff_report = __webpack_require__(38609);
;// CONCATENATED MODULE: ./src/action/pr-comment.ts
/**
 * One comment per workflow per pull request, found by a hidden marker and edited in place on every
 * later run, through `@actions/github` (Octokit). GitHub refuses comment bodies over 65,536 characters,
 * so the body is cut (at a line) with a note saying where the whole report is.
 */

/** GitHub's limit on a comment body, in characters. */
const COMMENT_LIMIT = 65536;
function commentMarker(workflow) {
    return `<!-- ddflow:${workflow} -->`;
}
function commentCutNote(where) {
    return `\n\n_This comment was cut to stay under GitHub's 65,536-character limit; ${where}._\n`;
}
/** `body` cut at a line boundary so that it and `note` fit `limit` characters; an open `<details>` is closed. */
function capComment(body, note, limit = COMMENT_LIMIT) {
    if (body.length <= limit)
        return body;
    let cut = body.slice(0, Math.max(0, limit - note.length - 40));
    const nl = cut.lastIndexOf('\n');
    cut = nl > 0 ? cut.slice(0, nl) : '';
    const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    return `${cut}${open > 0 ? '\n\n</details>'.repeat(open) : ''}${note}`;
}
/**
 * Creates the comment marked `marker`, or edits the one that exists (a comment by a bot account is
 * preferred, so that a person quoting the marker is never edited). Throws Octokit's errors.
 */
async function upsertComment(token, target, marker, body) {
    // baseUrl defaults to GITHUB_API_URL (GitHub Enterprise, and the tests' loopback emulator).
    const octokit = (0,github/* getOctokit */.Q)(token);
    const params = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 };
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, params));
    // ddflow's comment starts with the marker; a person quoting it elsewhere in a comment is not edited.
    // A bot's first (the Actions token); else one a personal token wrote, which is a user's.
    const marked = comments.filter((c) => (c.body ?? '').startsWith(marker));
    const mine = marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
    if (mine) {
        const r = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
        return { id: r.data.id, url: r.data.html_url, action: 'updated' };
    }
    const r = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
    return { id: r.data.id, url: r.data.html_url, action: 'created' };
}

// EXTERNAL MODULE: ./src/action/pull-request.ts
var pull_request = __webpack_require__(11679);
;// CONCATENATED MODULE: ./src/action/review.ts
/**
 * The pull-request review (issue 16): after `plan`, `preview` or `run` on a pull request, find the base
 * run (the newest pointer the default branch saved, src/workflow/base-pointer.ts), compare with it
 * (src/workflow/diff.ts), and show the result as ONE comment per workflow — found by its marker and
 * edited in place — plus the job summary and an artifact, which always hold the whole report.
 *
 * Data in the comment is neutralised exactly as in the job summary (src/action/summary.ts): generated
 * text cannot add markup, links, images or mentions to the pull request.
 */

















/** A run's stage reports as plan rows: the decisions and reasons the run made, the calls it made. */
function planRowsOfReport(stages) {
    return stages.map((s) => ({
        index: s.index,
        stage: s.name,
        decision: s.decision ?? (s.status === 'skipped' || s.status === 'skipped_empty_upstream' ? 'skipped' : 'run'),
        fingerprint: s.fingerprint || null,
        num_records: s.num_records_requested,
        rows: s.output_records,
        calls: s.model_usage?.total.calls ?? 0,
        reason: s.reason ?? '',
    }));
}
function runUrl() {
    const repo = process.env['GITHUB_REPOSITORY'];
    const id = process.env['GITHUB_RUN_ID'];
    if (!repo || !id)
        return undefined;
    return `${process.env['GITHUB_SERVER_URL'] || 'https://github.com'}/${repo}/actions/runs/${id}`;
}
/** On a pull request: compare with the base, and comment (or say in the job summary why not). */
async function reviewPullRequest(workflow, current, settings, deps) {
    const eventName = deps.eventName ?? github/* context */._.eventName;
    const payload = deps.payload ?? github/* context */._.payload;
    const pr = (0,pull_request/* pullRequestOf */._n)(eventName, payload);
    if (!pr) {
        if (settings.comment === 'always')
            core.warning(`comment: always, but this run is for a '${eventName ?? 'unknown'}' event, not a pull request: there is nothing to comment on.`);
        return;
    }
    if (settings.githubToken)
        core.setSecret(settings.githubToken);
    const root = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'ddflow-base-'));
    let base;
    let diff;
    let baseNote;
    try {
        if (!deps.cache) {
            baseNote = 'The cache is off (`cache: false`), so the base run cannot be found: the plan only.';
        }
        else {
            base = await core.group('Find the base run in the Actions cache', () => restoreBase(deps.cache, settings.cacheKeyPrefix, workflow.name, root, (s) => current.side !== undefined && current.fingerprints.get(s.name) !== s.fingerprint, deps.log));
            const key = `${settings.cacheKeyPrefix}-${workflow.name}-latest-<sha>`.replace(/[`\r\n]/g, '');
            if (!base)
                baseNote = `No base run was found (no \`${key}\` entry in the cache: the default branch saves one when it runs the workflow with the cache on): the plan only.`;
        }
        if (base)
            diff = await compare(workflow, current, base);
    }
    catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        core.warning(`The comparison with the base failed: ${message}.`);
        baseNote = `The comparison with the base failed: ${inertMarkdown(message)}.`;
    }
    finally {
        await external_node_fs_.promises.rm(root, { recursive: true, force: true }).catch(() => undefined);
    }
    const report = renderReview(workflow.name, current, { diff, base, baseNote });
    const artifact = await uploadReport(workflow.name, current.command, report, diff, settings, deps.sink);
    const where = `the whole report is in the job summary${runUrl() ? ` of [this run](${runUrl()})` : ''}${artifact ? ` and in the artifact \`${artifact}\`` : ''}`;
    let why;
    if (settings.comment === 'never')
        why = undefined;
    else if (pr.readOnlyFork)
        why = 'This pull request comes from a fork, whose token is read-only: the report is in this job summary instead of a pull-request comment.';
    else if (!settings.githubToken)
        why = 'No `github-token` was given, so the report is in this job summary, not in a pull-request comment.';
    else {
        const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
        const marker = commentMarker(workflow.name);
        const body = capComment(`${marker}\n${report}`, commentCutNote(where));
        try {
            const posted = await upsertComment(settings.githubToken, { owner: owner ?? '', repo: repo ?? '', issueNumber: pr.number }, marker, body);
            core.info(`${posted.action === 'created' ? 'Created' : 'Updated'} the pull-request comment ${posted.url ?? posted.id} (pull request #${pr.number}).`);
        }
        catch (err) {
            const status = err.status;
            const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
            why = `The pull-request comment could not be written (${status ? `HTTP ${status}: ` : ''}${msg}); give the job \`permissions: pull-requests: write\` and pass \`github-token\`. The report is in this job summary.`;
            core.warning(why);
        }
    }
    const summary = `${why ? `> ${why}\n\n` : ''}${report}`;
    await writeSummary(capSummary(summary));
}
async function compare(workflow, current, base) {
    const db = await (0,database.openDatabase)();
    try {
        const baseSide = await (0,workflow_diff/* readRunSide */.dK)(base.workflowDir, workflow.name);
        // `plan` generated nothing: each stage is unchanged (same fingerprint) or has other inputs than the base.
        const side = current.side ?? {
            workflowDir: '',
            stages: current.plan.map((p) => ({ index: p.index, name: p.stage, status: 'planned', files: [], ...(p.fingerprint ? { fingerprint: p.fingerprint } : {}) })),
            // A plan draws with the configured seed; without one, nothing pins its values to the base's.
            ...(workflow.seed !== undefined ? { seed: workflow.seed } : {}),
        };
        const diff = await (0,workflow_diff/* diffRuns */.WS)(db, workflow.name, side, baseSide, {
            judges: (0,workflow_diff/* judgeColumnsOf */.kY)(workflow),
            currentStageNames: new Set(workflow.stages.map((s) => s.name)),
            currentFingerprints: current.fingerprints,
            ...(current.baseLimit !== undefined ? { baseLimit: current.baseLimit } : {}),
        });
        for (const s of diff.stages)
            if (base.missing.includes(s.stage) && s.status === 'no-output')
                s.note = 'the base stage is no longer in the cache';
        return diff;
    }
    finally {
        db.close();
    }
}
const TITLES = { plan: 'plan', preview: 'preview', run: 'run' };
/** The report: heading, one-line verdict, the plan table, the diff per stage (comment, summary and artifact alike). */
function renderReview(workflow, current, r) {
    const lines = [`## ddflow ${TITLES[current.command]}: ${tableCell(workflow)}`, ''];
    if (r.diff) {
        lines.push((0,diff_report/* diffHeadline */.eT)(r.diff));
        if (r.base)
            lines.push('', `Compared with the base run of commit \`${r.base.sha.slice(0, 12).replace(/[^0-9a-zA-Z]/g, '')}\`${current.baseLimit !== undefined ? ` (its first ${current.baseLimit} records of each stage, as many as this preview has)` : ''}.`);
    }
    else if (r.baseNote) {
        // Built by this module (data in it already neutralised).
        lines.push(r.baseNote);
    }
    lines.push('', '### Plan', '', planMarkdown({ workflow, workflowDir: '', stages: current.plan }).trimEnd());
    if (r.diff)
        lines.push('', (0,diff_report/* formatDiffMarkdown */.oh)(r.diff, { cell: tableCell, text: (s) => inertMarkdown(s), headline: false }).trimEnd());
    return `${lines.join('\n')}\n`;
}
/** The job summary's own cap (GitHub refuses step summaries over 1 MiB). */
function capSummary(text, maxChars = 400_000) {
    return text.length <= maxChars ? text : capComment(text, '\n\n_The report was cut here; the whole of it is in the artifact._\n', maxChars);
}
async function uploadReport(workflow, command, report, diff, settings, sink) {
    if (!sink || settings.upload === 'none')
        return undefined;
    const dir = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'ddflow-review-'));
    const name = `${settings.artifactName ?? workflow}-review-${command}`;
    try {
        const files = [external_node_path_default().join(dir, 'review.md')];
        await external_node_fs_.promises.writeFile(files[0], report);
        if (diff) {
            files.push(external_node_path_default().join(dir, 'diff.json'));
            await external_node_fs_.promises.writeFile(files[1], `${(0,diff_report/* diffJson */.gH)(diff)}\n`);
        }
        await sink.upload(name, files, dir, settings.retentionDays ? { retentionDays: settings.retentionDays } : undefined);
        return name;
    }
    catch (err) {
        core.warning(`Uploading the review report failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
    finally {
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/* The three steps that end in a review, as main.ts calls them (kept here so main.ts stays a composition). */
function settingsOf(inputs) {
    return {
        comment: inputs.comment,
        ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
        cacheKeyPrefix: inputs.cacheKeyPrefix,
        upload: inputs.upload,
        ...(inputs.artifactName ? { artifactName: inputs.artifactName } : {}),
        ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
    };
}
function fingerprintsOf(stages) {
    return new Map(stages.map((s) => [s.stage, s.fingerprint]));
}
/** Nothing to do off pull requests (and with `comment: never`, the summary still gets the comparison). */
function wanted(inputs) {
    return (0,pull_request/* pullRequestOf */._n)(github/* context */._.eventName, github/* context */._.payload) !== undefined || inputs.comment === 'always';
}
/** Any failure of the review is a warning: the data step itself succeeded. */
async function guarded(what, op) {
    try {
        await op();
    }
    catch (err) {
        core.warning(`The pull-request review after ${what} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
}
/**
 * A run that failed (or waits on provider batches) on a pull request: the comment says so. It kept the
 * data changes of an earlier push, which a reviewer took for this commit's.
 */
async function reviewUnfinishedRun(workflow, report, inputs) {
    if (!wanted(inputs))
        return;
    await guarded('run', async () => {
        const pr = (0,pull_request/* pullRequestOf */._n)(github/* context */._.eventName, github/* context */._.payload);
        const settings = settingsOf(inputs);
        if (!pr || settings.comment === 'never' || pr.readOnlyFork || !settings.githubToken)
            return;
        const failed = report.stages.find((s) => s.status === 'failed');
        // The pushed commit (on pull_request, context.sha is the merge commit GitHub made; on _target, the base's).
        const head = github/* context */._.payload.pull_request?.head?.sha ?? github/* context */._.sha;
        const commit = typeof head === 'string' && head ? ` for commit \`${head.slice(0, 12)}\`` : '';
        const what = report.status === 'pending'
            ? `waits on provider batches${commit}; a later run collects them and compares the data`
            : `failed${commit}${failed ? ` at stage \`${failed.name.replace(/[`|]/g, "'")}\`: ${inertMarkdown(failed.error ?? '')}` : ''}`;
        const marker = commentMarker(workflow.name);
        const body = `${marker}\n## ddflow run: ${workflow.name} (${report.status === 'pending' ? '⏳ pending' : '❌ failed'})\n\nThe run ${what}. No data changes are shown until a run finishes${runUrl() ? `; see [this run](${runUrl()})` : ''}.\n`;
        const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
        const posted = await upsertComment(settings.githubToken, { owner: owner ?? '', repo: repo ?? '', issueNumber: pr.number }, marker, capComment(body, ''));
        core.info(`${posted.action === 'created' ? 'Created' : 'Updated'} the pull-request comment ${posted.url ?? posted.id} (pull request #${pr.number}): the run did not finish.`);
    });
}
async function reviewAfterPlan(workflow, plan, inputs, log) {
    if (!wanted(inputs))
        return;
    await guarded('plan', () => reviewPullRequest(workflow, { command: 'plan', plan: plan.stages, fingerprints: fingerprintsOf(plan.stages) }, settingsOf(inputs), { cache: (0,cache_store/* actionCacheStore */.iY)(inputs), sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log }));
}
/** A preview is compared with the base's first records; a stage's fingerprint at full size comes from the plan. */
async function reviewAfterPreview(workflow, report, fullPlan, previewRecords, inputs, log) {
    if (!wanted(inputs))
        return;
    await guarded('preview', async () => {
        const side = await (0,workflow_diff/* readRunSide */.dK)(report.workflow_dir, workflow.name, log);
        const current = { command: 'preview', plan: fullPlan.stages, side, fingerprints: fingerprintsOf(fullPlan.stages), baseLimit: previewRecords };
        await reviewPullRequest(workflow, current, settingsOf(inputs), { cache: (0,cache_store/* actionCacheStore */.iY)(inputs), sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log });
    });
}
/**
 * After a completed run: on the default branch (cache saving on), save the base pointer; on a pull
 * request, compare with the base and comment.
 */
async function reviewAfterRun(workflow, report, inputs, cache, log) {
    if (report.status !== 'completed')
        return;
    const payload = github/* context */._.payload;
    if (cache && inputs.cacheSave && (0,pull_request/* onDefaultBranch */.Lt)(github/* context */._.eventName, github/* context */._.ref, payload) && github/* context */._.sha) {
        await guarded('run', async () => {
            const key = await saveBasePointer(cache, inputs.cacheKeyPrefix, report.workflow_dir, github/* context */._.sha);
            if (key)
                core.info(`Saved the base pointer ${key}: pull requests compare their data with this run.`);
        });
    }
    if (!wanted(inputs))
        return;
    await guarded('run', async () => {
        const side = await (0,workflow_diff/* readRunSide */.dK)(report.workflow_dir, workflow.name, log);
        const current = { command: 'run', plan: planRowsOfReport(report.stages), side, fingerprints: new Map(side.stages.map((s) => [s.name, s.fingerprint ?? null])) };
        await reviewPullRequest(workflow, current, settingsOf(inputs), { cache, sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log });
    });
}

// EXTERNAL MODULE: ./src/action/shard-job.ts
var shard_job = __webpack_require__(7812);
;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The Action's main step: a thin composition of inputs → workflow runner → outputs, artifacts and a job
 * summary. Everything GitHub-specific lives in this folder; the runner is the same one the CLI uses.
 */





























/** Routes the runner's log lines to the Actions log: warnings become annotations, stages become groups. */
function actionsLogger() {
    return {
        info: (m) => core.info(m),
        warn: (m) => core.warning(m),
        debug: (m) => core.debug(m),
        group: (title) => {
            core.startGroup(title);
            return { end: () => core.endGroup() };
        },
    };
}
/** DuckDB is not in the bundle: it is installed once per runner image into the tool cache (see src/data/duckdb-loader.ts). */
function configureDuckDB() {
    if (process.env[duckdb_loader/* DUCKDB_DIR_ENV */.AO])
        return;
    const toolCache = process.env['RUNNER_TOOL_CACHE'] || external_node_path_default().join(external_node_os_default().tmpdir(), 'ddflow-tools');
    process.env[duckdb_loader/* DUCKDB_DIR_ENV */.AO] = external_node_path_default().join(toolCache, 'ddflow-duckdb', duckdb_loader/* DUCKDB_VERSION */.pc, `${process.platform}-${process.arch}`);
}
async function runAction() {
    let inputs;
    try {
        inputs = (0,action_inputs/* readInputs */.Ko)();
    }
    catch (err) {
        core.setFailed(err instanceof Error ? err.message : String(err));
        return;
    }
    configureDuckDB();
    useActionsCacheForDuckDB(inputs);
    // The cache store stages entries relative to the current directory, which must be the workspace in
    // every run (the runner starts actions there), so working-directory is resolved, never chdir'ed to.
    const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
    const baseDir = external_node_path_default().resolve(workspace, inputs.workingDirectory ?? '.');
    const workflowFile = external_node_path_default().resolve(baseDir, inputs.workflow);
    const log = actionsLogger();
    let workflow;
    try {
        workflow = await (0,load/* loadWorkflow */.G)(workflowFile, { cwd: baseDir });
    }
    catch (err) {
        if (err instanceof diagnostics/* ValidationError */.yI) {
            annotate(err.diagnostics, workspace);
            const title = `ddflow ${inputs.command}: ${external_node_path_default().relative(workspace, workflowFile) || workflowFile}`;
            await writeSummary(validationSummaryMarkdown(title, err.diagnostics, workspace));
            core.setFailed(`${err.message} See the annotations on ${external_node_path_default().relative(workspace, workflowFile) || workflowFile}.`);
            return;
        }
        core.setFailed(err instanceof Error ? err.message : String(err));
        return;
    }
    // Warnings (a prompt without references, a glob matching nothing) show on the file's lines too.
    annotate(workflow.warnings, workspace);
    // Model providers' keys (built-ins included), and a tool server's key and the secrets it is handed.
    maskEnvValues((0,secrets/* secretEnvNames */.I)(workflow));
    // The loader resolved the file's artifact_path against baseDir already.
    const artifactPath = inputs.artifactPath ? external_node_path_default().resolve(baseDir, inputs.artifactPath) : workflow.artifactPath;
    const overrides = Object.fromEntries(inputs.overrides.map((o) => [o.stage, external_node_path_default().resolve(baseDir, o.path)]));
    const common = {
        resume: inputs.resume,
        targets: inputs.targets.length ? inputs.targets : undefined,
        rerunFrom: inputs.rerunFrom,
        overrides,
        numRecords: inputs.numRecords,
        seed: inputs.seed,
        log,
    };
    try {
        switch (inputs.command) {
            case 'validate': {
                core.info(`ok: ${workflow.name} (${workflow.stages.length} stage${workflow.stages.length === 1 ? '' : 's'})`);
                return;
            }
            case 'plan': {
                // With the cache on, the plan brings back from the Actions cache what a run would restore, so
                // every decision and fingerprint is the one the run will make (a fresh runner has no local stages).
                const plan = await (0,workflow_plan.buildPlan)(workflow, { ...common, artifactPath, cacheStore: inputs.cache ? new cache_store/* GitHubCacheStore */.hs() : undefined, cacheKeyPrefix: inputs.cacheKeyPrefix });
                for (const line of (0,workflow_plan.formatPlanTable)(plan).trimEnd().split('\n'))
                    core.info(line);
                const target = plan.stages.filter((e) => e.decision !== 'skipped' || e.reason !== 'not a target').at(-1);
                core.setOutput('stages', JSON.stringify(planStagesOutput(plan)));
                core.setOutput('records', String(target?.rows ?? 0));
                core.setOutput('cache-hits', String(plan.stages.filter(isCacheHit).length));
                const considered = plan.stages.filter((e) => e.decision !== 'skipped');
                core.setOutput('cache-hit', String(considered.length > 0 && considered.every(isCacheHit)));
                await writeSummary(`<h3>ddflow plan: ${workflow.name}</h3>\n${planMarkdown(plan)}`);
                await reviewAfterPlan(workflow, plan, inputs, log);
                return;
            }
            case 'preview': {
                const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'ddflow-preview-'));
                await restorePreviewAnswers(workflow, inputs, dir);
                const report = await (0,run.runWorkflow)(workflow, { ...common, resume: 'never', previewRecords: inputs.numRecords ?? 10, numRecords: undefined, artifactPath: dir, cacheStore: stores/* noCacheStore */.v });
                (0,outputs/* setOutputs */.n0)((0,outputs/* runOutputs */.MR)(report, undefined, workflow.stages.map((s) => s.name)));
                await writeJobSummary(report, { title: `ddflow preview: ${workflow.name}`, workflow, workspace });
                // The fingerprints the stages have at full size, to compare with the base's (no cache store: nothing is restored).
                const fullPlan = await (0,workflow_plan.buildPlan)(workflow, { ...common, artifactPath }).catch(() => undefined);
                if (fullPlan)
                    await reviewAfterPreview(workflow, report, fullPlan, inputs.numRecords ?? 10, inputs, log);
                return;
            }
            case 'shards': {
                const matrix = JSON.stringify((0,shard/* checkedShardMatrix */.xL)(workflow, inputs.stage, inputs.shardCount, inputs.numRecords));
                core.info(matrix);
                core.setOutput('matrix', matrix);
                return;
            }
            case 'run':
            case 'merge': {
                const sharding = (0,shard_job/* shardingOf */.y0)(inputs, baseDir);
                await runCommand(workflow, inputs, { ...common, artifactPath, ...sharding }, workspace);
                return;
            }
        }
    }
    catch (err) {
        if (err instanceof diagnostics/* DdflowError */.Zq) {
            annotate(err.diagnostics.filter((d) => d.location), workspace);
            core.setFailed(err.message);
        }
        else {
            core.setFailed(`ddflow failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
            if (err instanceof Error && err.stack)
                core.debug(err.stack);
        }
    }
}
/**
 * A preview reads the model answers earlier runs saved (never saves any): the records of a stage whose
 * prompts did not change are answered from them, so only what a change touches costs model calls.
 */
async function restorePreviewAnswers(workflow, inputs, dir) {
    const cache = inputs.cache ? (0,cache_store/* actionCacheStore */.iY)({ cache: true, cacheSave: false }) : undefined;
    if (!cache || !workflow.stages.some((s) => (0,run.usedModelAliases)(s.config).length > 0))
        return;
    const r = await (0,call_store/* restoreCallStore */.Ye)(cache, inputs.cacheKeyPrefix, workflow.name, external_node_path_default().join((0,run.workflowDirOf)(workflow, dir), 'call-cache'));
    core.info(r.hit ? `Restored ${r.added} answer segment(s) from ${r.hit} for the preview.` : 'No saved model answers for this workflow yet.');
}
const KEEP_IN_FLIGHT = new Set(['failed', 'running']);
/** `command: run`: the stage loop with the Actions cache, then artifacts, outputs and the job summary. */
async function runCommand(workflow, inputs, common, workspace) {
    const cache = (0,cache_store/* actionCacheStore */.iY)(inputs);
    const cacheStore = cache ? (common.shard ? (0,shard_job/* pacedShardStore */.rc)(cache, common.shard) : cache) : stores/* noCacheStore */.v;
    const workflowDir = (0,run.workflowDirOf)(workflow, common.artifactPath);
    const exportPath = external_node_path_default().join(workflowDir, `${workflow.name}.${inputs.exportFormat}`);
    // The model answers of earlier runs, so that a stage that must run again does not pay twice.
    let callStore;
    if (cache && workflow.stages.some((s) => (0,run.usedModelAliases)(s.config).length > 0)) {
        const dir = external_node_path_default().join(workflowDir, 'call-cache');
        const restored = await core.group('Restore model answers from the Actions cache', async () => {
            const r = await (0,call_store/* restoreCallStore */.Ye)(cache, inputs.cacheKeyPrefix, workflow.name, dir);
            core.info(r.hit ? `Restored ${r.added} answer segment(s) from ${r.hit}.` : 'No saved model answers for this workflow yet.');
            return r;
        });
        callStore = { dir, key: (0,call_store/* callStoreKey */.hU)(inputs.cacheKeyPrefix, workflow.name), baseline: restored.baseline };
        // A shard's answers travel inside its own cache entry and artifact (every shard job of a matrix has
        // the same run id, so a call-store key per run would be taken by the first shard to finish).
        if (common.shard)
            callStore = undefined;
        else
            core.saveState(call_store/* CALL_STORE_STATE */.VY, JSON.stringify(callStore));
    }
    const saveCalls = async () => {
        if (!cache || !callStore)
            return;
        try {
            if (await (0,call_store/* saveCallStore */.jR)(cache, callStore))
                core.info(`Saved the model answers of this run under ${callStore.key}.`);
        }
        catch (err) {
            core.warning(`Could not save the model answers to the cache: ${err instanceof Error ? err.message : String(err)}`);
        }
        core.saveState(call_store/* CALL_STORE_STATE */.VY, '');
    };
    // Warnings and failures of a stage are annotated at the line that declares it.
    const annotations = new StageAnnotations(workflow, workspace);
    const log = annotations.logger(common.log ?? actionsLogger());
    const groups = new StageGroups(core, workflow.stages.map((s) => s.name), lastTargetIndex(workflow.stages.map((s) => s.name), inputs.targets), (0,progress_lines/* progressIntervalMs */.ri)(process.env));
    const onEvent = (event) => {
        // The post step saves the row groups of a stage that was running when the job was cancelled or
        // failed; a stage that ended well clears it.
        if (event.type === 'stage-start') {
            const state = { stage: event.stage, stageDir: event.stageDir, fingerprint: event.fingerprint, workflow: workflow.name, prefix: inputs.cacheKeyPrefix, ...(event.shard ? { shard: event.shard } : {}) };
            core.saveState(action_state/* IN_FLIGHT_STATE */.t, JSON.stringify(state));
        }
        else if (event.type === 'stage-end' && !KEEP_IN_FLIGHT.has(event.report.status)) {
            core.saveState(action_state/* IN_FLIGHT_STATE */.t, '');
        }
        groups.onEvent(event);
        annotations.onEvent(event);
    };
    // The runner cancels a job with SIGINT, then SIGTERM: stop between rows so the finished row groups
    // are kept, the answers saved, and the post step can save the stage for the next run.
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    const uploadOptions = { upload: inputs.upload, artifactName: inputs.artifactName ?? workflow.name, retentionDays: inputs.retentionDays, ifNoFilesFound: inputs.ifNoFilesFound };
    let report;
    groups.begin(0);
    try {
        report = await (0,run.runWorkflow)(workflow, { ...common, log, cacheStore, cacheKeyPrefix: inputs.cacheKeyPrefix, exportPath, onEvent, signal: controller.signal, batch: inputs.batch });
    }
    catch (err) {
        groups.end();
        await saveCalls();
        if (err instanceof run.WorkflowRunError) {
            annotations.locate(err);
            // Upload what exists (the stage directories, with `upload: stages` or `all`): a failed run is the
            // one to debug. Not when cancelled: the runner kills the step soon, and the post step saves the stage.
            const debuggable = (inputs.upload === 'stages' || inputs.upload === 'all') && !controller.signal.aborted;
            const artifacts = debuggable ? await uploadRunArtifacts(err.report, uploadOptions) : { uploaded: [], primary: undefined };
            (0,outputs/* setOutputs */.n0)((0,outputs/* runOutputs */.MR)(err.report, artifacts.primary, workflow.stages.map((s) => s.name)));
            await writeJobSummary(err.report, { title: `ddflow run: ${workflow.name}`, workflow, workspace, artifacts: artifacts.uploaded }).catch(() => undefined);
            if (!controller.signal.aborted)
                await reviewUnfinishedRun(workflow, err.report, inputs);
        }
        throw err;
    }
    finally {
        groups.end();
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
    }
    await saveCalls();
    if (common.merge && (0,shard_job/* mergedFromShards */.m0)(report))
        await (0,shard_job/* deleteShardArtifacts */.zv)(workflow.name, common.merge.stage);
    // Waiting on provider batches: nothing to upload yet; a later run (a schedule) collects them.
    if (report.pending)
        core.notice(report.pending.message, { title: 'ddflow: waiting on provider batches' });
    // A shard uploads its own directory under a name unique to it in the run.
    const artifacts = report.pending
        ? { uploaded: [], primary: undefined, failure: undefined }
        : await uploadRunArtifacts(report, uploadOptions, common.shard ? (0,shard_job/* shardUpload */.qN)(report, workflow.name, common.shard) : undefined);
    (0,outputs/* setOutputs */.n0)((0,outputs/* runOutputs */.MR)(report, artifacts.primary, workflow.stages.map((s) => s.name)));
    await writeJobSummary(report, { title: `ddflow run: ${workflow.name}`, workflow, workspace, artifacts: artifacts.uploaded });
    if (report.status === 'completed')
        await reviewAfterRun(workflow, report, inputs, cache, common.log);
    else
        await reviewUnfinishedRun(workflow, report, inputs);
    if (artifacts.failure)
        core.setFailed(artifacts.failure);
}


/***/ })

};
