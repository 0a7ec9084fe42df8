/**
 * A loopback emulator of the GitHub Actions "results" services that the real `@actions/cache` (cache
 * service v2) and `@actions/artifact` (artifact service v4) clients talk to, so tests run those clients
 * unmodified: twirp JSON calls for metadata, Azure-blob-style signed URLs for the bytes.
 *
 * Behaviour modelled because ddflow relies on it:
 * - cache entries are immutable: CreateCacheEntry for a taken key+version answers 409 `already_exists`;
 * - the legacy v1 lookup (`GET _apis/artifactcache/cache`, GitHub Enterprise Server) answers from the
 *   same entries (its save protocol is not emulated);
 * - GetCacheEntryDownloadURL tries `[key, ...restore_keys]` in order, exact match then prefix match,
 *   newest first, and only entries of the same `version` (the hash of the client's `paths` list);
 * - artifact names are unique per workflow run (a repeated name is a 409);
 * - blob URLs carry a signature bound to path and permission (`sp=r|w`), like Azure SAS URLs.
 * State (entries, artifacts, blob bytes) can live in `stateDir` so that a second emulator started on
 * the same directory sees what the first one stored (two "runs" against one repository's cache).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CACHE_SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
const ARTIFACT_SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const CACHE_V1_LOOKUP = '/_apis/artifactcache/cache';
const BLOB_PREFIX = '/blobs/';

export interface EmulatedCacheEntry {
  id: number;
  key: string;
  version: string;
  size: number;
  finalized: boolean;
  createdAt: string;
  lastAccessedAt: string;
}

export interface EmulatedArtifact {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  size: number;
  digest?: string;
  mimeType?: string;
  expiresAt?: string;
  finalized: boolean;
  createdAt: string;
}

interface PersistedState {
  nextId: number;
  cache: EmulatedCacheEntry[];
  artifacts: EmulatedArtifact[];
}

/** `refuse`: every connection is reset at once (fast client failure); `unavailable`: every request gets 503. */
export type DownMode = 'refuse' | 'unavailable';

export interface ActionsEmulator {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Variables a runner gives a job so the real clients use this emulator (merge into a child's env or process.env). */
  env(options?: { runId?: string; jobId?: string }): Record<string, string>;
  /** Variables of a runner on the legacy cache service (v1, as on GitHub Enterprise Server); only its lookup is emulated. */
  envV1(options?: { runId?: string; jobId?: string }): Record<string, string>;
  cacheEntries(): EmulatedCacheEntry[];
  /** Deletes the cache entries `match` accepts (like GitHub's cache-delete API); returns how many went. */
  deleteCacheEntries(match: (entry: EmulatedCacheEntry) => boolean): number;
  /** The archive bytes of a finalized cache entry. */
  cacheEntryBytes(id: number): Buffer | undefined;
  /**
   * Stores `bytes` as a finalized entry, as anyone with write access to the repository's cache could
   * (a crafted archive, to test what a restore does with it). Returns the new entry.
   */
  putCacheEntry(key: string, version: string, bytes: Buffer): EmulatedCacheEntry;
  artifacts(): EmulatedArtifact[];
  /** Bytes of a finalized artifact (the zip the client uploaded). */
  artifactBytes(id: number): Buffer | undefined;
  /** Every request seen, as `METHOD /path` (plus `?comp=block|blocklist` for blob block calls). */
  requests(): string[];
  /** `true` = `refuse`. `false` brings the service back. */
  setDown(down: boolean | DownMode): void;
  /** The next `n` CreateCacheEntry calls answer 429, as GitHub does past a repository's uploads per minute. */
  rateLimitCacheCreates(n: number): void;
  close(): Promise<void>;
}

export interface ActionsEmulatorOptions {
  /** Directory holding state.json and blob bytes; reused by a later emulator. Default: a temporary directory removed on close. */
  stateDir?: string;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** The clients only decode the token (no signature check), but it must be a three-part JWT with an Actions.Results scope. */
export function runtimeToken(runId = 'run-1', jobId = 'job-1'): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(
    JSON.stringify({ scp: `Actions.GenericRead:1 Actions.Results:${runId}:${jobId}`, iat: 0 }),
  )}.x`;
}

/** Twirp JSON uses proto field names (snake_case) from these clients; accept lowerCamel too. */
function field(body: Record<string, unknown>, snake: string): unknown {
  if (snake in body) return body[snake];
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return body[camel];
}

/** google.protobuf wrappers serialise as their bare value in JSON; tolerate the `{value}` form too. */
function wrapped(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && 'value' in (v as object)) return String((v as { value: unknown }).value);
  return String(v);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startActionsEmulator(options: ActionsEmulatorOptions = {}): Promise<ActionsEmulator> {
  const ownsStateDir = !options.stateDir;
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'actions-emulator-'));
  const blobDir = path.join(stateDir, 'blobs');
  fs.mkdirSync(blobDir, { recursive: true });
  const statePath = path.join(stateDir, 'state.json');
  const state: PersistedState = fs.existsSync(statePath)
    ? (JSON.parse(fs.readFileSync(statePath, 'utf8')) as PersistedState)
    : { nextId: 1, cache: [], artifacts: [] };
  // The signing secret is per state directory so URLs stay valid across emulator instances on it.
  const secretPath = path.join(stateDir, 'secret');
  if (!fs.existsSync(secretPath)) fs.writeFileSync(secretPath, crypto.randomBytes(16).toString('hex'));
  const secret = fs.readFileSync(secretPath, 'utf8');

  /** Uncommitted Azure blocks, by blob path, then block id. */
  const stagedBlocks = new Map<string, Map<string, Buffer>>();
  const blobContentTypes = new Map<string, string>();
  const log: string[] = [];
  let down: DownMode | undefined;
  let rateLimitedCreates = 0;
  const sockets = new Set<Socket>();

  const persist = () => fs.writeFileSync(statePath, JSON.stringify(state, null, 2));
  const now = () => new Date().toISOString();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const e = err instanceof TwirpError ? err : new TwirpError(500, 'internal', String(err));
      if (!res.headersSent) {
        res.writeHead(e.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: e.code, msg: e.message }));
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    if (down === 'refuse') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}/`;

  const sign = (blobPath: string, perm: 'r' | 'w') =>
    crypto.createHmac('sha256', secret).update(`${perm}:${blobPath}`).digest('base64url');
  const signedUrl = (blobPath: string, perm: 'r' | 'w') =>
    `${baseUrl.slice(0, -1)}${blobPath}?sv=2023-11-03&sp=${perm}&sr=b&sig=${sign(blobPath, perm)}`;
  const blobFile = (blobPath: string) => path.join(blobDir, blobPath.slice(BLOB_PREFIX.length).replaceAll('/', '-'));
  // Three path segments, as Azure wants for IP-style URLs: /<account>/<container>/<blob>.
  const cacheBlobPath = (id: number) => `${BLOB_PREFIX}cache/entry-${id}`;
  const artifactBlobPath = (id: number) => `${BLOB_PREFIX}artifacts/artifact-${id}.zip`;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const comp = url.searchParams.get('comp');
    log.push(`${req.method} ${url.pathname}${comp ? `?comp=${comp}` : ''}`);
    if (down === 'unavailable') {
      await readBody(req);
      throw new TwirpError(503, 'unavailable', 'the service is unavailable');
    }
    if (url.pathname.startsWith(BLOB_PREFIX)) return handleBlob(req, res, url);
    if (req.method === 'GET' && url.pathname === CACHE_V1_LOOKUP) return cacheLookupV1(req, res, url);
    if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', `no route for ${req.method} ${url.pathname}`);
    if (!/^Bearer \S+\.\S+\.\S+$/.test(req.headers.authorization ?? '')) {
      throw new TwirpError(401, 'unauthenticated', 'a runtime token is required');
    }
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      throw new TwirpError(400, 'malformed', 'the request body is not JSON');
    }
    let reply: unknown;
    if (url.pathname.startsWith(CACHE_SERVICE)) reply = cacheCall(url.pathname.slice(CACHE_SERVICE.length), body);
    else if (url.pathname.startsWith(ARTIFACT_SERVICE)) reply = artifactCall(url.pathname.slice(ARTIFACT_SERVICE.length), body);
    else throw new TwirpError(404, 'bad_route', `no service at ${url.pathname}`);
    persist();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  }

  function cacheCall(method: string, body: Record<string, unknown>): unknown {
    const key = String(field(body, 'key') ?? '');
    const version = String(field(body, 'version') ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (rateLimitedCreates > 0) {
          rateLimitedCreates--;
          throw new TwirpError(429, 'resource_exhausted', 'too many cache uploads for this repository');
        }
        if (!key || !version) throw new TwirpError(400, 'invalid_argument', 'key and version are required');
        if (state.cache.some((e) => e.key === key && e.version === version)) {
          throw new TwirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
        }
        const entry: EmulatedCacheEntry = { id: state.nextId++, key, version, size: 0, finalized: false, createdAt: now(), lastAccessedAt: now() };
        state.cache.push(entry);
        return { ok: true, signed_upload_url: signedUrl(cacheBlobPath(entry.id), 'w') };
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = state.cache.find((e) => e.key === key && e.version === version && !e.finalized);
        if (!entry) throw new TwirpError(404, 'not_found', 'no cache entry is being uploaded under this key and version');
        const file = blobFile(cacheBlobPath(entry.id));
        if (!fs.existsSync(file)) return { ok: false, message: 'the cache archive was not uploaded' };
        entry.size = fs.statSync(file).size;
        entry.finalized = true;
        return { ok: true, entry_id: String(entry.id) };
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = (field(body, 'restore_keys') as string[] | undefined) ?? [];
        const match = findCacheEntry([key, ...restoreKeys], version);
        if (match) return { ok: true, signed_download_url: signedUrl(cacheBlobPath(match.id), 'r'), matched_key: match.key };
        return { ok: false, signed_download_url: '', matched_key: '' };
      }
      default:
        throw new TwirpError(404, 'bad_route', `no method ${method}`);
    }
  }

  /** The legacy (v1, GitHub Enterprise Server) lookup: `GET _apis/artifactcache/cache?keys=a,b&version=v`; 204 on a miss. */
  function cacheLookupV1(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) throw new TwirpError(401, 'unauthenticated', 'a runtime token is required');
    const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
    const found = findCacheEntry(keys, url.searchParams.get('version') ?? '');
    persist();
    if (!found) {
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cacheKey: found.key, scope: 'refs/heads/main', archiveLocation: signedUrl(cacheBlobPath(found.id), 'r') }));
  }

  /** Tries `keys` in order, exact match then prefix match, newest first, among finalized entries of `version`. */
  function findCacheEntry(keys: string[], version: string): EmulatedCacheEntry | undefined {
    const candidates = state.cache
      .filter((e) => e.finalized && e.version === version)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    for (const k of keys) {
      const match = candidates.find((e) => e.key === k) ?? candidates.find((e) => e.key.startsWith(k));
      if (match) {
        match.lastAccessedAt = now();
        return match;
      }
    }
    return undefined;
  }

  function artifactCall(method: string, body: Record<string, unknown>): unknown {
    const runId = String(field(body, 'workflow_run_backend_id') ?? '');
    const jobId = String(field(body, 'workflow_job_run_backend_id') ?? '');
    const name = String(field(body, 'name') ?? '');
    if (!runId) throw new TwirpError(400, 'invalid_argument', 'workflow_run_backend_id is required');
    const inRun = state.artifacts.filter((a) => a.runId === runId);
    switch (method) {
      case 'CreateArtifact': {
        if (!name) throw new TwirpError(400, 'invalid_argument', 'name is required');
        if (inRun.some((a) => a.name === name)) {
          throw new TwirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
        }
        const expires = field(body, 'expires_at');
        const artifact: EmulatedArtifact = {
          id: state.nextId++,
          runId,
          jobId,
          name,
          size: 0,
          mimeType: wrapped(field(body, 'mime_type')),
          expiresAt: expires === undefined ? undefined : String(expires),
          finalized: false,
          createdAt: now(),
        };
        state.artifacts.push(artifact);
        return { ok: true, signed_upload_url: signedUrl(artifactBlobPath(artifact.id), 'w') };
      }
      case 'FinalizeArtifact': {
        const artifact = inRun.find((a) => a.name === name && !a.finalized);
        if (!artifact) throw new TwirpError(404, 'not_found', 'no artifact of this name is being uploaded');
        const file = blobFile(artifactBlobPath(artifact.id));
        if (!fs.existsSync(file)) throw new TwirpError(400, 'failed_precondition', 'the artifact was not uploaded');
        artifact.size = fs.statSync(file).size;
        artifact.digest = wrapped(field(body, 'hash'));
        artifact.finalized = true;
        return { ok: true, artifact_id: String(artifact.id) };
      }
      case 'ListArtifacts': {
        const nameFilter = wrapped(field(body, 'name_filter'));
        const idFilter = wrapped(field(body, 'id_filter'));
        const artifacts = inRun
          .filter((a) => a.finalized && (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || String(a.id) === idFilter))
          .map((a) => ({
            workflow_run_backend_id: a.runId,
            workflow_job_run_backend_id: a.jobId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          }));
        return { artifacts };
      }
      case 'GetSignedArtifactURL': {
        const artifact = inRun.find((a) => a.name === name && a.finalized);
        if (!artifact) throw new TwirpError(404, 'not_found', 'artifact not found');
        return { signed_url: signedUrl(artifactBlobPath(artifact.id), 'r') };
      }
      case 'DeleteArtifact': {
        const artifact = inRun.find((a) => a.name === name && a.finalized);
        if (!artifact) throw new TwirpError(404, 'not_found', 'artifact not found');
        state.artifacts = state.artifacts.filter((a) => a !== artifact);
        fs.rmSync(blobFile(artifactBlobPath(artifact.id)), { force: true });
        return { ok: true, artifact_id: String(artifact.id) };
      }
      default:
        throw new TwirpError(404, 'bad_route', `no method ${method}`);
    }
  }

  async function handleBlob(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const blobPath = url.pathname;
    const write = req.method === 'PUT';
    const perm = write ? 'w' : 'r';
    const sig = url.searchParams.get('sig') ?? '';
    if (url.searchParams.get('sp') !== perm || sig !== sign(blobPath, perm)) {
      await readBody(req);
      res.writeHead(403, { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' });
      res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code></Error>');
      return;
    }
    const file = blobFile(blobPath);
    const azureHeaders = () => ({
      etag: `"0x${crypto.randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': crypto.randomUUID(),
      'x-ms-version': '2023-11-03',
      'x-ms-request-server-encrypted': 'true',
    });
    if (write) {
      const data = await readBody(req);
      const comp = url.searchParams.get('comp');
      const contentType = req.headers['x-ms-blob-content-type'];
      if (typeof contentType === 'string') blobContentTypes.set(blobPath, contentType);
      if (comp === 'block') {
        const blockId = url.searchParams.get('blockid');
        if (!blockId) throw new TwirpError(400, 'invalid_argument', 'blockid is required');
        if (!stagedBlocks.has(blobPath)) stagedBlocks.set(blobPath, new Map());
        stagedBlocks.get(blobPath)!.set(blockId, data);
      } else if (comp === 'blocklist') {
        const staged = stagedBlocks.get(blobPath) ?? new Map<string, Buffer>();
        const ids = [...data.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
        const parts: Buffer[] = [];
        for (const id of ids) {
          const block = staged.get(id);
          if (!block) {
            res.writeHead(400, { 'x-ms-error-code': 'InvalidBlockList' });
            res.end();
            return;
          }
          parts.push(block);
        }
        fs.writeFileSync(file, Buffer.concat(parts));
        stagedBlocks.delete(blobPath);
      } else if (comp === null) {
        fs.writeFileSync(file, data);
      } else {
        throw new TwirpError(400, 'invalid_argument', `unsupported comp=${comp}`);
      }
      res.writeHead(201, { ...azureHeaders(), 'content-length': '0' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new TwirpError(405, 'bad_route', 'method not allowed');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound' });
      res.end();
      return;
    }
    const bytes = fs.readFileSync(file);
    const isArtifact = blobPath.startsWith(`${BLOB_PREFIX}artifacts/`);
    res.writeHead(200, {
      ...azureHeaders(),
      'content-length': String(bytes.length),
      'content-type': isArtifact ? 'application/zip' : (blobContentTypes.get(blobPath) ?? 'application/octet-stream'),
      'x-ms-blob-type': 'BlockBlob',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  return {
    url: baseUrl,
    env(opts = {}) {
      return {
        ACTIONS_RUNTIME_TOKEN: runtimeToken(opts.runId, opts.jobId),
        ACTIONS_RESULTS_URL: baseUrl,
        ACTIONS_CACHE_SERVICE_V2: 'true',
      };
    },
    envV1(opts = {}) {
      return { ACTIONS_RUNTIME_TOKEN: runtimeToken(opts.runId, opts.jobId), ACTIONS_CACHE_URL: baseUrl, ACTIONS_RESULTS_URL: baseUrl };
    },
    cacheEntries: () => state.cache.map((e) => ({ ...e })),
    deleteCacheEntries(match) {
      const gone = state.cache.filter((e) => match({ ...e }));
      for (const e of gone) fs.rmSync(blobFile(cacheBlobPath(e.id)), { force: true });
      state.cache = state.cache.filter((e) => !gone.includes(e));
      persist();
      return gone.length;
    },
    cacheEntryBytes(id) {
      const e = state.cache.find((x) => x.id === id && x.finalized);
      return e ? fs.readFileSync(blobFile(cacheBlobPath(e.id))) : undefined;
    },
    putCacheEntry(key, version, bytes) {
      if (state.cache.some((e) => e.key === key && e.version === version)) throw new Error(`the emulator already holds ${key}`);
      const entry: EmulatedCacheEntry = { id: state.nextId++, key, version, size: bytes.length, finalized: true, createdAt: now(), lastAccessedAt: now() };
      fs.writeFileSync(blobFile(cacheBlobPath(entry.id)), bytes);
      state.cache.push(entry);
      persist();
      return { ...entry };
    },
    artifacts: () => state.artifacts.map((a) => ({ ...a })),
    artifactBytes(id) {
      const a = state.artifacts.find((x) => x.id === id && x.finalized);
      return a ? fs.readFileSync(blobFile(artifactBlobPath(a.id))) : undefined;
    },
    requests: () => [...log],
    setDown(value) {
      down = value === true ? 'refuse' : value === false ? undefined : value;
      if (down === 'refuse') for (const s of sockets) s.destroy();
    },
    rateLimitCacheCreates(n) {
      rateLimitedCreates = n;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsStateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
