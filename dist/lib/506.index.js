export const id = 506;
export const ids = [506];
export const modules = {

/***/ 28132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hs: () => (/* binding */ GitHubCacheStore),
  iY: () => (/* binding */ actionCacheStore),
  PX: () => (/* binding */ partialStageCacheKey)
});

// UNUSED EXPORTS: MAX_CACHE_KEY_LENGTH, cacheKey, cacheKeyPrefix, partialStageCachePrefix, stageCacheKey

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 1 modules
var cache = __webpack_require__(38682);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/internal/cacheUtils.js + 18 modules
var cacheUtils = __webpack_require__(26378);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/internal/config.js
var config = __webpack_require__(65253);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/internal/cacheHttpClient.js + 60 modules
var cacheHttpClient = __webpack_require__(86375);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/internal/shared/cacheTwirpClient.js + 5 modules
var cacheTwirpClient = __webpack_require__(99513);
// EXTERNAL MODULE: ./src/workflow/stores.ts
var stores = __webpack_require__(20219);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/action/safe-untar.ts
/**
 * Extracts a cache archive (tar, gzip- or zstd-compressed) into a private directory, checking every
 * member first — what `@actions/cache` does not do: it runs `tar -xf ... -P -C <workspace>`, so an
 * entry holding an absolute or `../` member writes anywhere the runner user can.
 *
 * The tar stream is parsed here (ustar, POSIX pax and GNU long-name headers), so nothing but this code
 * decides where bytes go. A member is accepted only when it is a regular file or a directory whose name
 * is relative, has no `..` component, and lies below `prefix` (the one path ddflow saves entries at).
 * Links of any kind, devices, FIFOs and anything else make the whole archive unsafe. Since no link is
 * ever created, no write can leave `dest`.
 */






/** The archive is not one ddflow would have written: refused as a whole. */
class UnsafeArchiveError extends Error {
    name = 'UnsafeArchiveError';
}
const BLOCK = 512;
/** Pulls exact byte counts out of a stream of chunks. */
class ByteReader {
    buf = Buffer.alloc(0);
    ended = false;
    it;
    constructor(stream) {
        this.it = stream[Symbol.asyncIterator]();
    }
    async fill(n) {
        while (this.buf.length < n && !this.ended) {
            const next = await this.it.next();
            if (next.done)
                this.ended = true;
            else
                this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
        }
    }
    /** Exactly `n` bytes, or null at a clean end of stream (nothing left). */
    async take(n) {
        await this.fill(n);
        if (this.buf.length === 0)
            return null;
        if (this.buf.length < n)
            throw new UnsafeArchiveError('the archive is truncated');
        const out = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        return out;
    }
    /** `n` bytes as they arrive (for file bodies, which may be large). */
    async *pieces(n) {
        let left = n;
        while (left > 0) {
            if (this.buf.length === 0)
                await this.fill(1);
            if (this.buf.length === 0)
                throw new UnsafeArchiveError('the archive is truncated');
            const k = Math.min(left, this.buf.length);
            yield this.buf.subarray(0, k);
            this.buf = this.buf.subarray(k);
            left -= k;
        }
    }
    async skip(n) {
        for await (const _ of this.pieces(n))
            void _;
    }
    async drain() {
        this.buf = Buffer.alloc(0);
        while (!this.ended)
            if ((await this.it.next()).done)
                this.ended = true;
    }
    async close() {
        await this.it.return?.();
    }
}
function cstring(block, start, length) {
    const field = block.subarray(start, start + length);
    const nul = field.indexOf(0);
    return (nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}
/** A numeric header field: octal text, or base-256 when the high bit of the first byte is set. */
function numeric(block, start, length) {
    const field = block.subarray(start, start + length);
    if (field[0] & 0x80) {
        if (field[0] !== 0x80)
            throw new UnsafeArchiveError('a member has a negative or oversized size');
        let n = 0;
        for (const byte of field.subarray(1))
            n = n * 256 + byte;
        if (!Number.isSafeInteger(n))
            throw new UnsafeArchiveError('a member has an oversized size');
        return n;
    }
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new UnsafeArchiveError('a header holds a malformed number');
    return parseInt(text, 8);
}
function checksumOk(block) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    try {
        return sum === numeric(block, 148, 8);
    }
    catch {
        return false;
    }
}
/** POSIX pax records: `<length> <key>=<value>\n`. */
function paxRecords(body) {
    const out = new Map();
    let pos = 0;
    while (pos < body.length) {
        const space = body.indexOf(0x20, pos);
        if (space < 0)
            break;
        const len = Number(body.subarray(pos, space).toString('latin1'));
        if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length)
            throw new UnsafeArchiveError('a pax header is malformed');
        const record = body.subarray(space + 1, pos + len - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out.set(record.slice(0, eq), record.slice(eq + 1));
        pos += len;
    }
    return out;
}
const describe = (name) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
/** The path components of `name` below `prefix`, or an UnsafeArchiveError saying why not. */
function memberPath(name, prefix) {
    if (name.includes('\0'))
        throw new UnsafeArchiveError(`the member ${describe(name)} has a NUL character in its name`);
    if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name))
        throw new UnsafeArchiveError(`the member ${describe(name)} has an absolute path`);
    const parts = name.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        throw new UnsafeArchiveError(`the member ${describe(name)} has a ".." component`);
    // On Windows a ':' names a drive or an alternate data stream.
    if (process.platform === 'win32' && parts.some((p) => p.includes(':')))
        throw new UnsafeArchiveError(`the member ${describe(name)} has a ':' in its path`);
    if (parts.length < prefix.length || prefix.some((p, i) => parts[i] !== p)) {
        throw new UnsafeArchiveError(`the member ${describe(name)} is not below ${prefix.join('/')}`);
    }
    return parts.slice(prefix.length);
}
const TYPE_NAMES = {
    '1': 'a hard link',
    '2': 'a symbolic link',
    '3': 'a character device',
    '4': 'a block device',
    '6': 'a FIFO',
};
/**
 * Reads the tar stream and writes what it holds below `prefix` into `dest` (created, must not exist).
 * Throws UnsafeArchiveError for a member that is not a plain file or directory inside `prefix`.
 */
async function extractTarStream(stream, prefix, dest) {
    const prefixParts = prefix.split('/').filter(Boolean);
    const reader = new ByteReader(stream);
    await promises_default().mkdir(dest, { recursive: false });
    let files = 0;
    let bytes = 0;
    let sawPrefix = false;
    // Overrides for the next header (pax 'x' and GNU 'L' entries).
    let nextPath;
    let nextSize;
    try {
        for (;;) {
            const header = await reader.take(BLOCK);
            if (header === null)
                throw new UnsafeArchiveError('the archive ends without an end-of-archive marker');
            if (header.every((b) => b === 0))
                break; // end of archive
            if (!checksumOk(header))
                throw new UnsafeArchiveError('a header fails its checksum (not a tar archive, or damaged)');
            const type = String.fromCharCode(header[156]);
            let size = numeric(header, 124, 12);
            const magic = header.subarray(257, 263).toString('latin1');
            let name = cstring(header, 0, 100);
            if (magic === 'ustar\0') {
                const pre = cstring(header, 345, 155);
                if (pre)
                    name = `${pre}/${name}`;
            }
            const padded = Math.ceil(size / BLOCK) * BLOCK;
            if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
                if (size > 1024 * 1024)
                    throw new UnsafeArchiveError('an extended header is too large');
                const body = (await reader.take(padded)) ?? Buffer.alloc(0);
                if (body.length < padded)
                    throw new UnsafeArchiveError('the archive is truncated');
                const content = body.subarray(0, size);
                if (type === 'x') {
                    const records = paxRecords(content);
                    if (records.has('path'))
                        nextPath = records.get('path');
                    if (records.has('size')) {
                        const n = Number(records.get('size'));
                        if (!Number.isSafeInteger(n) || n < 0)
                            throw new UnsafeArchiveError('a pax header holds a malformed size');
                        nextSize = n;
                    }
                    if (records.has('linkpath'))
                        throw new UnsafeArchiveError('the archive holds a link');
                }
                else if (type === 'L') {
                    nextPath = cstring(content, 0, content.length);
                }
                else if (type === 'K') {
                    throw new UnsafeArchiveError('the archive holds a link');
                }
                // 'g' (global pax header): nothing in it changes where a member goes; ignored.
                continue;
            }
            if (nextPath !== undefined)
                name = nextPath;
            if (nextSize !== undefined)
                size = nextSize;
            nextPath = undefined;
            nextSize = undefined;
            const parts = memberPath(name, prefixParts);
            if (parts.length === 0)
                sawPrefix = true;
            const target = external_node_path_default().join(dest, ...parts);
            if (type === '5') {
                await promises_default().mkdir(target, { recursive: true });
                await reader.skip(Math.ceil(size / BLOCK) * BLOCK);
            }
            else if (type === '0' || type === '\0' || type === '7') {
                if (parts.length === 0)
                    throw new UnsafeArchiveError(`the member ${describe(name)} is a file where the entry's directory should be`);
                await promises_default().mkdir(external_node_path_default().dirname(target), { recursive: true });
                const existing = await promises_default().lstat(target).catch(() => undefined);
                if (existing && !existing.isFile())
                    throw new UnsafeArchiveError(`the member ${describe(name)} would replace a directory`);
                const fh = await promises_default().open(target, 'w');
                try {
                    for await (const piece of reader.pieces(size))
                        await fh.write(piece);
                }
                finally {
                    await fh.close();
                }
                await reader.skip(Math.ceil(size / BLOCK) * BLOCK - size);
                files++;
                bytes += size;
            }
            else {
                throw new UnsafeArchiveError(`the member ${describe(name)} is ${TYPE_NAMES[type] ?? `of tar type ${JSON.stringify(type)}`}, not a file or directory`);
            }
        }
        if (!sawPrefix && files === 0)
            throw new UnsafeArchiveError(`the archive holds nothing below ${prefix}`);
        // What follows the end marker is padding: read it, so the producer finishes writing.
        await reader.drain();
        return { files, bytes };
    }
    catch (err) {
        await reader.close();
        throw err;
    }
}
/**
 * Decompresses `archive` and extracts it with the checks above into `dest`. zstd archives need the
 * `zstd` program (as `@actions/cache` itself does to write them).
 */
async function extractArchive(archive, compression, prefix, dest) {
    if (compression === 'gzip') {
        const input = external_node_fs_default().createReadStream(archive);
        const gunzip = external_node_zlib_default().createGunzip();
        input.pipe(gunzip);
        try {
            return await extractTarStream(gunzip, prefix, dest);
        }
        finally {
            input.destroy();
            gunzip.destroy();
        }
    }
    const child = (0,external_node_child_process_.spawn)('zstd', ['-d', '-c', '--long=30', archive], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Consume stdout from the start: when a child exits before its stdout is read, Node resumes the
    // stream and the unread output is lost (a fast zstd on a small archive).
    const output = new external_node_stream_.PassThrough();
    child.stdout.pipe(output);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d.toString()).slice(-2000)));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
    });
    exited.catch(() => undefined);
    try {
        const result = await extractTarStream(output, prefix, dest);
        const code = await exited;
        if (code !== 0)
            throw new Error(`zstd could not decompress the archive (exit ${code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''})`);
        return result;
    }
    catch (err) {
        child.kill();
        output.destroy();
        const spawnError = await exited.then(() => undefined, (e) => e);
        if (spawnError)
            throw new Error(`zstd is needed to read the cache entry: ${spawnError.message}`);
        throw err;
    }
}

// EXTERNAL MODULE: ./src/workflow/cache-keys.ts
var cache_keys = __webpack_require__(64480);
;// CONCATENATED MODULE: ./src/action/cache-store.ts
/**
 * The stage cache in GitHub Actions: a `CacheStore` over `@actions/cache`.
 *
 * Three properties of that service shape this file:
 * - An entry's `version` is a hash of the exact `paths` list given to save/restore, and the archive
 *   stores paths relative to GITHUB_WORKSPACE. A stage directory's absolute path differs between runs
 *   (fresh workspace, other artifact-path), so we never hand the client the stage directory itself:
 *   every entry is saved from ONE fixed relative path (`.ddflow-cache/entry`, below the current
 *   directory, which the runner sets to the workspace), staged there with hard links (no data copied).
 * - An entry is whatever its writer uploaded, and the client's restore extracts it with `tar -P` into
 *   the workspace: an absolute or `../` member, or a link pointing out, would write anywhere on the
 *   runner. So restores never use that extraction: the archive is downloaded into a private temporary
 *   directory and read by src/action/safe-untar.ts, which accepts only plain files and directories
 *   below `.ddflow-cache/entry`; the result is moved into place. A refused entry is a warning and a miss.
 * - Entries are immutable and caching is optional: an existing key is a quiet `false`; a missing,
 *   refusing or failing service is a warning and a miss, never an exception.
 */







// The client's lookup and download, without its extraction (see restore). Not exported by the package,
// so imported by path; the version is pinned exactly in package.json, and test/action/cache-store.test.ts
// round-trips entries through the real client, so a change in these internals fails there.







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
    const hash = external_node_crypto_default().createHash('sha256').update(raw).digest('hex').slice(0, HASH_SUFFIX_LENGTH - 1);
    return `${encoded.slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH)}~${hash}`;
}
/** A restore prefix that still prefixes `cacheKey(k)` for every raw `k` starting with `raw`. */
function cacheKeyPrefix(raw) {
    return encodeKeyChars(raw).slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH);
}
// Key naming belongs to the runner (src/workflow/cache-keys.ts); re-exported for the Action's callers.

/** A run-specific partial key for this workflow run (GITHUB_RUN_ID / GITHUB_RUN_ATTEMPT). */
function partialStageCacheKey(prefix, workflow, stage, fingerprint, run = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] }) {
    return (0,cache_keys/* partialStageCacheKey */.PX)(prefix, workflow, stage, fingerprint, run);
}
/**
 * The store for the Action's `cache` input: none for `false`, the Actions cache for `true`, and for
 * `read-only` the Actions cache with every save (stages, interrupted stages, model answers) skipped.
 */
function actionCacheStore(inputs, options) {
    if (!inputs.cache)
        return undefined;
    const store = new GitHubCacheStore(options);
    if (inputs.cacheSave)
        return store;
    return (0,stores/* readOnlyStore */.a)(store, (key) => core.info(`cache: read-only, so ${key} is not saved to the Actions cache.`));
}
class GitHubCacheStore {
    kind = 'github-actions';
    stagingDir;
    maxFailures;
    backoffMs;
    rateLimitRetries;
    failures = 0;
    disabled = false;
    availabilityChecked = false;
    /** One operation at a time: they share the staging path. */
    queue = Promise.resolve();
    constructor(options = {}) {
        const staging = (options.stagingDir ?? '.ddflow-cache').replaceAll('\\', '/').replace(/\/+$/, '');
        if (external_node_path_default().isAbsolute(staging) || staging.split('/').includes('..')) {
            throw new Error('The cache staging directory must be a path below the current directory.');
        }
        this.stagingDir = staging;
        this.maxFailures = options.maxFailures ?? 2;
        const envBackoff = Number(process.env['DDFLOW_CACHE_BACKOFF_MS']);
        this.backoffMs = options.rateLimitBackoffMs ?? (Number.isFinite(envBackoff) && envBackoff >= 0 && process.env['DDFLOW_CACHE_BACKOFF_MS'] ? envBackoff : 15_000);
        this.rateLimitRetries = options.rateLimitRetries ?? 4;
    }
    /**
     * saveCache, tried again with backoff while the service answers 429. The client turns a 429 into a
     * warning and -1 (no exception, no status), so the warning it prints is how the rate limit is told
     * apart from other refusals: its output is watched for the client's "Rate limited" message.
     */
    async saveWithBackoff(key) {
        for (let attempt = 0;; attempt++) {
            let limited = false;
            const write = process.stdout.write;
            process.stdout.write = ((chunk, ...rest) => {
                if (String(chunk).includes('Rate limited'))
                    limited = true;
                return write.call(process.stdout, chunk, ...rest);
            });
            let id;
            try {
                id = await cache/* saveCache */.Io(this.clientPaths, key);
            }
            finally {
                process.stdout.write = write;
            }
            if (id !== -1 || !limited || attempt >= this.rateLimitRetries)
                return id;
            const delay = this.backoffMs * 2 ** attempt;
            core.warning(`The Actions cache is rate limiting uploads (429); saving ${key} again in ${Math.round(delay / 100) / 10} s (retry ${attempt + 1} of ${this.rateLimitRetries}).`);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
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
        return external_node_path_default().resolve(process.cwd(), this.stagingDir);
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
            if (!cache/* isFeatureAvailable */.w3() || !process.env['ACTIONS_RUNTIME_TOKEN']) {
                this.disabled = true;
                core.warning('The GitHub Actions cache service is not available to this step, so stages are neither restored from nor saved to it.');
                return false;
            }
        }
        return true;
    }
    restore(key, dir, restorePrefixes = []) {
        return this.exclusive(async () => {
            if (!this.usable())
                return undefined;
            if (!config/* isCacheReadable */.bv(config/* getCacheMode */.as())) {
                core.info(`Cache restore skipped: the effective cache-mode '${config/* getCacheMode */.as()}' does not permit reads.`);
                return undefined;
            }
            let scratch;
            try {
                const primary = cacheKey(key);
                const requested = [...new Set(restorePrefixes.map(cacheKeyPrefix))];
                // A prefix equal to the primary key need not be sent twice, but it still counts as asked for.
                const prefixes = requested.filter((p) => p !== primary).slice(0, MAX_RESTORE_KEYS);
                const compression = await cacheUtils/* getCompressionMethod */.yJ();
                let found = await this.lookup(primary, prefixes, compression);
                // The service also prefix-matches the primary key; only an exact hit or a requested prefix
                // counts. A longer key that merely starts with ours must not shadow the restore prefixes.
                const counts = (m) => m === primary || requested.some((p) => m.startsWith(p));
                if (found && !counts(found.key))
                    found = prefixes.length > 0 ? await this.lookup(prefixes[0], prefixes.slice(1), compression) : undefined;
                if (!found || !counts(found.key))
                    return undefined;
                core.info(found.key === primary ? `Cache hit for: ${found.key}` : `Cache hit for restore-key: ${found.key}`);
                // Never the client's own extraction (`tar -P` into the workspace): download, then extract with
                // member checks into a private directory, and only then move the entry into place.
                scratch = await promises_default().mkdtemp(external_node_path_default().join(process.env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'ddflow-restore-'));
                const archive = external_node_path_default().join(scratch, cacheUtils/* getCacheFileName */.i3(compression));
                await (0,cacheHttpClient/* downloadCache */.du)(found.url, archive, found.v2 ? { useAzureSdk: true } : undefined);
                const entry = external_node_path_default().join(scratch, 'entry');
                try {
                    await extractArchive(archive, compression === 'gzip' ? 'gzip' : 'zstd', this.clientPaths[0], entry);
                }
                catch (err) {
                    if (!(err instanceof UnsafeArchiveError))
                        throw err;
                    core.warning(`The cache entry ${found.key} was refused because ${err.message}; nothing of it was written, and the stage will be recomputed.`);
                    return undefined;
                }
                await replaceDir(entry, dir);
                // Report keys as the caller spelled them (a hashed long key only maps back when it is the primary one).
                return found.key === primary ? key : decodeKeyChars(found.key);
            }
            catch (err) {
                core.warning(`Could not restore the cache entry for ${key}: ${errorText(err)}; the stage will be recomputed.`);
                return undefined;
            }
            finally {
                if (scratch)
                    await promises_default().rm(scratch, { recursive: true, force: true }).catch(() => undefined);
            }
        });
    }
    /**
     * The entry the service answers `[key, ...restoreKeys]` with, and where to download it (the lookup
     * `restoreCache` does, without its extraction). Version and compression are computed the way the
     * client computes them, so entries saved by `saveCache` are found.
     */
    async lookup(key, restoreKeys, compression) {
        const version = cacheUtils/* getCacheVersion */.Fy(this.clientPaths, compression, false);
        if (config/* getCacheServiceVersion */.U0() === 'v2') {
            const response = await (0,cacheTwirpClient/* internalCacheTwirpClient */.t)().GetCacheEntryDownloadURL({ key, restoreKeys, version });
            if (!response.ok || !response.matchedKey || !response.signedDownloadUrl)
                return undefined;
            return { key: response.matchedKey, url: response.signedDownloadUrl, v2: true };
        }
        const entry = await (0,cacheHttpClient/* getCacheEntry */.J6)([key, ...restoreKeys], this.clientPaths, { compressionMethod: compression, enableCrossOsArchive: false });
        if (!entry?.archiveLocation || !entry.cacheKey)
            return undefined;
        return { key: entry.cacheKey, url: entry.archiveLocation, v2: false };
    }
    /** Whether the service holds exactly `key` (nothing is downloaded). */
    has(key) {
        return this.exclusive(async () => {
            if (!this.usable())
                return false;
            const k = cacheKey(key);
            try {
                return (await cache/* restoreCache */.P3(this.clientPaths, k, [], { lookupOnly: true })) === k;
            }
            catch (err) {
                core.warning(`Could not look up ${key} in the Actions cache: ${errorText(err)}`);
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
                if (!external_node_fs_default().existsSync(dir)) {
                    core.warning(`Nothing to cache for ${key}: ${dir} does not exist.`);
                    return false;
                }
                // Keys are immutable: checking first skips compressing an entry the service would refuse.
                const existing = await cache/* restoreCache */.P3(this.clientPaths, k, [], { lookupOnly: true });
                if (existing === k) {
                    core.info(`The cache already holds ${k}; keeping that entry.`);
                    return false;
                }
                await promises_default().rm(staging, { recursive: true, force: true });
                await linkTree(dir, external_node_path_default().join(staging, 'entry'));
                const id = await this.saveWithBackoff(k);
                if (id !== -1) {
                    this.failures = 0;
                    core.info(`Saved ${key} to the Actions cache.`);
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
                await promises_default().rm(staging, { recursive: true, force: true }).catch(() => undefined);
            }
        });
    }
    noteFailure(message) {
        this.failures += 1;
        core.warning(`${message}; a later run will recompute this stage.`);
        if (this.failures >= this.maxFailures && !this.disabled) {
            this.disabled = true;
            core.warning('The Actions cache failed repeatedly, so ddflow stops using it for the rest of this run.');
        }
    }
}
function errorText(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.split('\n')[0].replace(/[.\s]+$/, '');
}
/**
 * Mirrors `src` at `dest` with hard links (copies where linking is impossible, e.g. across devices).
 * Plain files and directories only, which is all a restore accepts: a symbolic link is left out.
 */
async function linkTree(src, dest) {
    await promises_default().mkdir(dest, { recursive: true });
    for (const entry of await promises_default().readdir(src, { withFileTypes: true })) {
        const from = external_node_path_default().join(src, entry.name);
        const to = external_node_path_default().join(dest, entry.name);
        if (entry.isDirectory())
            await linkTree(from, to);
        else if (entry.isFile())
            await promises_default().link(from, to).catch(() => promises_default().copyFile(from, to));
    }
}
/** Makes `dir` exactly the restored entry: stale files from an earlier attempt must not mix in. */
async function replaceDir(entry, dir) {
    await promises_default().rm(dir, { recursive: true, force: true });
    await promises_default().mkdir(external_node_path_default().dirname(dir), { recursive: true });
    try {
        await promises_default().rename(entry, dir);
    }
    catch (err) {
        if (err.code !== 'EXDEV')
            throw err;
        await promises_default().cp(entry, dir, { recursive: true });
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

/***/ 82231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bO: () => (/* binding */ readCacheInput),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: ACTION_COMMANDS, EXPORT_FORMATS, IF_NO_FILES_FOUND, RESUME_MODES, UPLOAD_MODES, inputsFrom

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(94851);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/workflow/shard.ts
var workflow_shard = __webpack_require__(65661);
;// CONCATENATED MODULE: ./src/action/review-modes.ts
/** The Action's `comment` input (issue 16): its own module so that reading inputs does not load the GitHub client. */
const COMMENT_MODES = ['auto', 'always', 'never'];

// EXTERNAL MODULE: ./src/action/pull-request.ts
var pull_request = __webpack_require__(11679);
;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * The Action's inputs (spec §4.2), read once and checked up front so that a typo in a `with:` block is
 * one clear sentence naming the input, not a failure halfway through a run.
 */






const ACTION_COMMANDS = ['run', 'plan', 'preview', 'validate', 'merge', 'shards'];
const RESUME_MODES = ['never', 'if_possible', 'always'];
const UPLOAD_MODES = ['final', 'stages', 'all', 'none'];
const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'];
/** As actions/upload-artifact: what an upload that finds no files does. */
const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'];
const coreGetter = (name) => core.getInput(name);
function bad(name, problem) {
    return new diagnostics/* DdflowError */.Zq(`The input "${name}" ${problem}.`);
}
function oneOf(name, raw, allowed, fallback) {
    if (raw === '')
        return fallback;
    // Accept `if-possible` for `if_possible`: action inputs are kebab-case, so people write it both ways.
    const value = raw.toLowerCase().replaceAll('-', '_');
    const match = allowed.find((a) => a === value);
    if (!match) {
        const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed[0];
        throw bad(name, `must be ${list}, not "${raw}"`);
    }
    return match;
}
function integer(name, raw, min, max = Number.MAX_SAFE_INTEGER) {
    if (raw === '')
        return undefined;
    if (!/^[+-]?\d+$/.test(raw))
        throw bad(name, `must be a whole number, not "${raw}"`);
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw bad(name, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}, not ${raw}` : `must be from ${min} to ${max}, not ${raw}`);
    }
    return n;
}
/** The YAML 1.2 core booleans, as core.getBooleanInput accepts them. */
function inputs_boolean(name, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw bad(name, `must be true or false, not "${raw}"`);
}
/**
 * `cache`: the YAML booleans, or `read-only` (restore, never save). Not given: `true`, except on pull
 * requests, where the workflow file nobody has reviewed yet must not write entries that trusted runs
 * would restore: there it is `read-only` unless `cache: true` is set explicitly.
 */
/** `eventName` is required: an unset `cache` is read-only on pull-request events (the post step once forgot it). */
function readCacheInput(raw, eventName) {
    const value = raw.trim();
    if (/^read[-_]?only$/i.test(value) || (value === '' && (0,pull_request/* isPullRequestEvent */.T5)(eventName)))
        return { cache: true, cacheSave: false };
    if (['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ''].includes(value)) {
        const on = inputs_boolean('cache', value, true);
        return { cache: on, cacheSave: on };
    }
    throw bad('cache', `must be true, false or read-only, not "${value}"`);
}
function lines(raw) {
    return raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function parseOverrides(raw) {
    const out = [];
    for (const line of lines(raw)) {
        const eq = line.indexOf('=');
        const stage = eq < 0 ? '' : line.slice(0, eq).trim();
        const file = eq < 0 ? '' : line.slice(eq + 1).trim();
        if (!stage || !file)
            throw bad('overrides', `needs one "stage=path" a line, not "${line}"`);
        if (out.some((o) => o.stage === stage))
            throw bad('overrides', `names the stage "${stage}" twice`);
        out.push({ stage, path: file });
    }
    return out;
}
/** Reads and checks every input; throws a DdflowError naming the first bad one. */
function readInputs(get = coreGetter, eventName = process.env['GITHUB_EVENT_NAME']) {
    const raw = (name) => get(name).trim();
    const workflow = raw('workflow');
    if (!workflow)
        throw bad('workflow', 'is required: give the path of the workflow file');
    const command = oneOf('command', raw('command'), ACTION_COMMANDS, 'run');
    const resume = oneOf('resume', raw('resume'), RESUME_MODES, 'if_possible');
    const targets = raw('targets')
        .split(/[,\n]/)
        .map((t) => t.trim())
        .filter(Boolean);
    const rerunFrom = raw('rerun-from') || undefined;
    if (rerunFrom && resume === 'never')
        throw bad('rerun-from', 'needs resume to be if_possible or always, because resume never reruns everything anyway');
    const cacheKeyPrefix = raw('cache-key-prefix') || 'ddflow';
    if (cacheKeyPrefix.includes(','))
        throw bad('cache-key-prefix', 'cannot contain commas');
    if (cacheKeyPrefix.length > 100)
        throw bad('cache-key-prefix', 'must be at most 100 characters long');
    const stage = raw('stage') || undefined;
    const shardRaw = raw('shard');
    let shard;
    if (shardRaw) {
        const parsed = (0,workflow_shard/* parseShard */.uK)(shardRaw);
        if (typeof parsed === 'string')
            throw bad('shard', parsed);
        if (command !== 'run')
            throw bad('shard', `is for command run, not ${command}`);
        if (!stage)
            throw bad('stage', 'is required with shard: name the stage to generate a shard of');
        shard = parsed;
    }
    else if (stage && command === 'run')
        throw bad('stage', 'needs shard (i/N) with command run');
    if (command === 'merge' && !stage)
        throw bad('stage', 'is required with command merge: name the sharded stage');
    const shardCountRaw = raw('shard-count');
    let shardCount;
    if (command === 'shards') {
        if (!stage)
            throw bad('stage', 'is required with command shards: name the stage to shard');
        if (!/^\d+$/.test(shardCountRaw))
            throw bad('shard-count', `is required with command shards and must be a whole number, not "${shardCountRaw}"`);
        shardCount = Number(shardCountRaw);
    }
    else if (shardCountRaw)
        throw bad('shard-count', `is for command shards, not ${command}`);
    const from = raw('from') || undefined;
    if (from && command !== 'merge')
        throw bad('from', `is for command merge, not ${command}`);
    if ((shard || command === 'merge') && targets.length > 0)
        throw bad('targets', `cannot be combined with ${shard ? 'shard' : 'command merge'}, which stops at the stage`);
    const cache = readCacheInput(raw('cache'), eventName);
    const batch = inputs_boolean('batch', raw('batch'), false);
    if (batch && !cache.cacheSave)
        throw bad('batch', 'needs cache: true, because the batch ids and their answers are kept in the Actions cache for the next run');
    if (batch && shard)
        throw bad('batch', 'cannot be combined with shard yet: a shard job must finish its block in one run, and a batch round ends pending');
    return {
        workflow,
        command,
        ...(stage ? { stage } : {}),
        ...(shard ? { shard } : {}),
        ...(from ? { from } : {}),
        ...(shardCount !== undefined ? { shardCount } : {}),
        resume,
        targets,
        rerunFrom,
        overrides: parseOverrides(get('overrides')),
        numRecords: integer('num-records', raw('num-records'), 1, schema/* MAX_NUM_RECORDS */.RR),
        seed: integer('seed', raw('seed'), 0),
        artifactPath: raw('artifact-path') || undefined,
        workingDirectory: raw('working-directory') || undefined,
        ...cache,
        cacheKeyPrefix,
        upload: oneOf('upload', raw('upload'), UPLOAD_MODES, 'final'),
        artifactName: raw('artifact-name') || undefined,
        retentionDays: integer('retention-days', raw('retention-days'), 1, 90),
        exportFormat: oneOf('export-format', raw('export-format'), EXPORT_FORMATS, 'jsonl'),
        ifNoFilesFound: oneOf('if-no-files-found', raw('if-no-files-found'), IF_NO_FILES_FOUND, 'warn'),
        githubToken: raw('github-token') || undefined,
        comment: oneOf('comment', raw('comment'), COMMENT_MODES, 'auto'),
        batch,
    };
}
/** Reads inputs from a plain record (tests, and the CLI-like INPUT_* environment of a child process). */
function inputsFrom(values, eventName) {
    return readInputs((name) => values[name] ?? '', eventName);
}


/***/ }),

/***/ 18948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ filesBelow),
/* harmony export */   ES: () => (/* binding */ uploadPlanned),
/* harmony export */   K: () => (/* binding */ planUploads),
/* harmony export */   MR: () => (/* binding */ runOutputs),
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* unused harmony export stagesOutput */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/**
 * From a finished run to the Action's outputs and artifacts (spec §4.2), kept apart from main.ts so
 * the entry point stays a thin composition and this part is tested without a runner.
 */



function stagesOutput(report, allStages = []) {
    const reached = report.stages.map((s) => ({
        name: s.name,
        status: s.status,
        cache: s.cache,
        rows: s.output_records,
        duration_sec: s.duration_sec,
        tokens: { prompt: s.tokens.prompt, completion: s.tokens.completion },
    }));
    // One object per stage of the workflow: those the run did not reach (after a failure, or beyond the
    // targets) are `not_run`, so a job can index the array by stage.
    const seen = new Set(reached.map((s) => s.name));
    const unreached = allStages.filter((name) => !seen.has(name)).map((name) => ({ name, status: 'not_run', cache: 'off', rows: 0, duration_sec: 0, tokens: { prompt: 0, completion: 0 } }));
    return [...reached, ...unreached].sort((a, b) => order(a.name) - order(b.name));
    function order(name) {
        const i = allStages.indexOf(name);
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    }
}
/** Every output of the Action, as the strings `core.setOutput` writes. */
function runOutputs(report, artifact, allStages = []) {
    const hits = report.stages.filter((s) => s.cache === 'reused' || s.cache === 'restored').length;
    // Stages that generate nothing by design (not a target, upstream empty) do not count against a hit.
    const considered = report.stages.filter((s) => s.status !== 'skipped' && s.status !== 'skipped_empty_upstream');
    return {
        'cache-hit': String(report.status === 'completed' && considered.length > 0 && considered.every((s) => s.cache === 'reused' || s.cache === 'restored')),
        'dataset-path': report.export_path ?? '',
        records: String(report.final_records),
        stages: JSON.stringify(stagesOutput(report, allStages)),
        'cache-hits': String(hits),
        'artifact-id': artifact?.id === undefined ? '' : String(artifact.id),
        'artifact-url': artifact?.url ?? '',
        'artifact-digest': artifact?.digest ?? '',
        // US dollars this run's model calls cost (calls answered by the call store cost 0); '0' without any.
        'cost-usd': String(report.cost?.usd ?? 0),
        pending: String(report.status === 'pending'),
    };
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.setOutput(name, value);
}
/** Every regular file under `dir` (recursively), sorted. */
function filesBelow(dir) {
    const out = [];
    const walk = (d) => {
        for (const e of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(d, { withFileTypes: true })) {
            const p = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(d, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile())
                out.push(p);
        }
    };
    if (node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(dir))
        walk(dir);
    return out.sort();
}
/**
 * What `upload` asks for: `final` the exported file, `stages` each stage directory that holds data,
 * `all` both. Stage artifacts are named `<name>-stage-<i>-<stage>` so shards never collide.
 */
function planUploads(report, upload, artifactName) {
    const planned = [];
    if ((upload === 'final' || upload === 'all') && report.export_path && node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(report.export_path)) {
        planned.push({ name: artifactName, files: [report.export_path], rootDir: node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(report.export_path), final: true });
    }
    if (upload === 'stages' || upload === 'all') {
        for (const s of report.stages) {
            const files = filesBelow(s.stage_dir);
            if (files.length === 0)
                continue;
            planned.push({ name: `${artifactName}-stage-${s.index}-${s.name}`, files, rootDir: s.stage_dir, final: false });
        }
    }
    return planned;
}
/**
 * Uploads in order; returns every artifact and the one whose id/URL the outputs carry (the final
 * dataset's, else the first). An upload failure propagates: the caller decides whether it fails the step.
 */
async function uploadPlanned(sink, planned, retentionDays) {
    const uploaded = [];
    const failed = [];
    let primary;
    // Each artifact on its own: one that fails (a transient error, a file name the service refuses) must
    // neither drop those already uploaded from the outputs nor stop the ones after it.
    for (const p of planned) {
        try {
            const result = await sink.upload(p.name, p.files, p.rootDir, retentionDays ? { retentionDays } : {});
            uploaded.push(result);
            if (p.final)
                primary = result;
        }
        catch (err) {
            failed.push({ name: p.name, message: err instanceof Error ? err.message : String(err) });
        }
    }
    // The dataset artifact is the primary one; without a dataset in the plan, the first uploaded.
    return { uploaded, primary: primary ?? (planned.some((p) => p.final) ? undefined : uploaded[0]), failed };
}


/***/ }),

/***/ 11679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lt: () => (/* binding */ onDefaultBranch),
/* harmony export */   T5: () => (/* binding */ isPullRequestEvent),
/* harmony export */   _n: () => (/* binding */ pullRequestOf)
/* harmony export */ });
/* unused harmony export PULL_REQUEST_EVENTS */
/**
 * What the triggering event says about a pull request, read from the event payload (GITHUB_EVENT_PATH),
 * as `@actions/github`'s context reads it. Pure functions of (event name, payload), tested without a runner.
 */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function isPullRequestEvent(eventName) {
    return eventName !== undefined && PULL_REQUEST_EVENTS.has(eventName);
}
function pullRequestOf(eventName, payload) {
    if (!isPullRequestEvent(eventName))
        return undefined;
    const pr = payload['pull_request'];
    if (!pr || typeof pr.number !== 'number')
        return undefined;
    const baseRepo = pr.base?.repo?.full_name;
    const headRepo = pr.head?.repo?.full_name;
    // A deleted fork has no head repository any more: still a fork.
    const fork = headRepo === undefined || headRepo === null || headRepo !== baseRepo;
    return { number: pr.number, baseRef: String(pr.base?.ref ?? ''), readOnlyFork: eventName === 'pull_request' && fork };
}
/** A run on the repository's default branch (push, schedule, workflow_dispatch ...), whose data is the base of later pull requests. */
function onDefaultBranch(eventName, ref, payload) {
    if (isPullRequestEvent(eventName))
        return false;
    const branch = payload['repository']?.default_branch;
    return typeof branch === 'string' && branch !== '' && ref === `refs/heads/${branch}`;
}


/***/ }),

/***/ 7812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z1: () => (/* binding */ partialShardCacheKey),
/* harmony export */   m0: () => (/* binding */ mergedFromShards),
/* harmony export */   qN: () => (/* binding */ shardUpload),
/* harmony export */   rc: () => (/* binding */ pacedShardStore),
/* harmony export */   y0: () => (/* binding */ shardingOf),
/* harmony export */   zv: () => (/* binding */ deleteShardArtifacts)
/* harmony export */ });
/* unused harmony exports SHARD_SAVES_PER_MINUTE, shardSaveDelayMs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77935);
/* harmony import */ var _workflow_shard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65661);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18948);
/**
 * The Action's side of sharding (issue 15): a matrix job (`command: run` with `stage` and `shard`)
 * uploads its shard as the artifact `<workflow>-<stage>-shard-<i>-of-<N>` (unique per shard in the
 * run); the merge job (`command: merge`) deletes those artifacts once the stage is merged and saved.
 *
 * Shard entries in the Actions cache are left to expire rather than deleted: @actions/cache has no
 * delete, deleting through the REST API needs a token with `actions: write` that the Action does not
 * otherwise ask for, and the service evicts entries unused for 7 days. They are harmless meanwhile: a
 * rerun of a shard job finds the merged stage first (src/workflow/shard-plan.ts) and does nothing.
 */






/** The run options `stage`/`shard` (command run) and `stage`/`from` (command merge) stand for. */
function shardingOf(inputs, baseDir) {
    if (inputs.command === 'merge')
        return { merge: { stage: inputs.stage, ...(inputs.from ? { from: node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, inputs.from) } : {}) } };
    if (inputs.shard && inputs.stage)
        return { shard: { stage: inputs.stage, ...inputs.shard } };
    return {};
}
/** The shard's directory (its rows, its record, its model answers) as one artifact; its top folder is `shard-<i>-of-<N>`. */
function shardUpload(report, workflow, shard) {
    const last = report.stages.at(-1);
    if (!last?.shard || !node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(last.stage_dir))
        return [];
    return [{ name: (0,_workflow_shard_js__WEBPACK_IMPORTED_MODULE_4__/* .shardArtifactName */ .u9)(workflow, shard.stage, shard.index, shard.count), files: (0,_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .filesBelow */ .DR)(last.stage_dir), rootDir: node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(last.stage_dir), final: true }];
}
/** The merge assembled the stage from its shards in this run (not: found it merged already). */
function mergedFromShards(report) {
    const last = report.stages.at(-1);
    return last !== undefined && last.status === 'completed' && /^assembled from its \d+ shard/.test(last.reason ?? '');
}
/** Deletes this run's shard artifacts of the stage (best effort: a failure is a warning). */
async function deleteShardArtifacts(workflow, stage) {
    try {
        const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .DefaultArtifactClient */ .t9();
        const prefix = `${workflow}-${stage}-shard-`;
        const { artifacts } = await client.listArtifacts();
        const shards = artifacts.filter((a) => a.name.startsWith(prefix) && /-\d+-of-\d+$/.test(a.name));
        for (const a of shards)
            await client.deleteArtifact(a.name);
        if (shards.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`Deleted the ${shards.length} shard artifact(s) of stage '${stage}': the merged stage replaces them.`);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__.warning(`Could not delete the shard artifacts of stage '${stage}': ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
}
/** A run-specific key for an interrupted shard; the rerun of that shard restores the newest by prefix. */
function partialShardCacheKey(prefix, workflow, stage, fingerprint, shard, run = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] }) {
    return `${(0,_workflow_shard_js__WEBPACK_IMPORTED_MODULE_4__/* .partialShardCachePrefix */ .SY)(prefix, workflow, stage, fingerprint, shard.index, shard.count)}${run.id || 'local'}-${run.attempt || '1'}`;
}
/**
 * GitHub allows a repository 200 cache uploads a minute. A shard job uploads one entry (its shard, with
 * its model answers inside), and the jobs of a matrix finish at about the same time: the first 150
 * shards save at once, each next 150 a minute later (leaving room for the repository's other jobs), so
 * even a 256-job matrix stays under the limit; a 429 still left is retried with backoff by the store.
 */
const SHARD_SAVES_PER_MINUTE = 150;
function shardSaveDelayMs(index) {
    return Math.floor((index - 1) / SHARD_SAVES_PER_MINUTE) * 60_000;
}
/** `store`, with the save of the shard's entry held back to its slot (see shardSaveDelayMs). */
function pacedShardStore(store, shard) {
    return {
        kind: store.kind,
        restore: (key, dir, prefixes) => store.restore(key, dir, prefixes),
        async save(key, dir) {
            const delay = shardSaveDelayMs(shard.index);
            if (delay > 0 && key.endsWith(`-${shard.index}-of-${shard.count}`)) {
                _actions_core__WEBPACK_IMPORTED_MODULE_2__.info(`Shard ${shard.index}/${shard.count} waits ${delay / 1000} s before saving, so that the matrix stays under the cache's 200 uploads a minute.`);
                await new Promise((resolve) => setTimeout(resolve, delay));
            }
            return store.save(key, dir);
        },
    };
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

/***/ 20219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ readOnlyStore),
/* harmony export */   v: () => (/* binding */ noCacheStore)
/* harmony export */ });
/**
 * Seams between the workflow runner and where stage results are kept or published.
 * The runner is the same on a laptop and in GitHub Actions; only these implementations differ
 * (src/action/ provides the GitHub ones; the engine and runner never import @actions/*).
 */
/** A store that never hits and never keeps anything: `cache: false`. */
const noCacheStore = {
    kind: 'off',
    async restore() {
        return undefined;
    },
    async save() {
        return false;
    },
};
/**
 * `store` that restores but never saves (the Action's `cache: read-only`): for jobs that run workflow
 * files nobody reviewed yet, which must not be able to put entries in the cache that trusted runs would
 * then restore. `onSkip` hears each save that was not made.
 */
function readOnlyStore(store, onSkip) {
    return {
        kind: store.kind,
        restore: (key, dir, restorePrefixes) => store.restore(key, dir, restorePrefixes),
        async save(key) {
            onSkip?.(key);
            return false;
        },
    };
}


/***/ })

};
