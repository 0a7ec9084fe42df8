/**
 * Seeds from the Hugging Face Hub (`seed_type: hf`, Data Designer's HuggingFaceSeedSource, read there
 * through huggingface_hub's HfFileSystem). ddflow talks to the Hub's HTTP API directly, as HfFileSystem
 * does:
 *   GET {endpoint}/api/datasets/{repo}/revision/{rev}              → the commit sha the revision names
 *   GET {endpoint}/api/datasets/{repo}/tree/{sha}?recursive=true   → the files (paginated by Link: rel="next")
 *   GET {endpoint}/datasets/{repo}/resolve/{sha}/{file}            → a file's bytes
 * Files are downloaded once into a local cache keyed by the commit sha (a commit never changes), and the
 * stage fingerprint is the sha plus the matched files' paths, sizes and content ids, so a new upload to
 * the dataset invalidates the stage and an unchanged one does not download again.
 *
 * Path: `datasets/<org>/<repo>[@<revision>]/<file or glob>` (HfFileSystem's syntax; `*` stays in one
 * folder, `**` crosses folders). Token: the NAME of an environment variable (a secret), or null for
 * HF_TOKEN when set, as huggingface_hub falls back to it. The token is sent only as a Bearer header to
 * the endpoint and never appears in a message, a log line or the fingerprint. Endpoint: the source's
 * `endpoint`, else HF_ENDPOINT (huggingface_hub's override), else https://huggingface.co.
 */
import { displayEndpoint } from '../shared/display-url.js';
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import picomatch from 'picomatch';
import { DdflowError } from '../diagnostics.js';
import { SEED_FILE_EXTENSIONS } from '../shared/seed-files.js';
import { parseHfPath, type HfPath } from '../shared/hf-path.js';
import { replaceAtomically } from './atomic.js';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';
/** Where downloaded Hub files are kept (default: ~/.cache/ddflow/hf). */
export const HF_CACHE_ENV = 'DDFLOW_HF_CACHE';

export interface HfSourceLike {
  path: string;
  token?: string | null;
  endpoint?: string | null;
}

export interface HfFile {
  path: string;
  size: number;
  /** The Hub's content id: the LFS sha256 when the file is in LFS, else its git blob id. */
  oid: string;
}

export interface HfResolved {
  endpoint: string;
  repo: string;
  revision: string;
  sha: string;
  files: HfFile[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** The endpoint to use: the source's own, else HF_ENDPOINT, else the public Hub; no trailing slash. */
export function hfEndpoint(source: HfSourceLike, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = source.endpoint || env['HF_ENDPOINT'] || DEFAULT_HF_ENDPOINT;
  return chosen.replace(/\/+$/, '');
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The token's value: from the variable `token` names, else HF_TOKEN, else none (public datasets). */
export function hfToken(source: HfSourceLike, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = source.token;
  if (name === undefined || name === null || name === '') {
    const fallback = env['HF_TOKEN'];
    return fallback && fallback.trim() !== '' ? fallback : undefined;
  }
  if (!ENV_NAME.test(name) || /^hf_[A-Za-z0-9]{20,}$/.test(name)) {
    // The value may be a pasted token: say what is wrong without repeating it.
    throw new DdflowError('The token of an hf seed source must be the name of an environment variable holding the Hugging Face token (use a secret), not the token itself.');
  }
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new DdflowError(`The hf seed source needs a Hugging Face token: the environment variable ${name} is not set or is empty.`);
  return value;
}


async function hubGet(url: string, token: string | undefined, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'follow' });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new DdflowError(`Could not reach the Hugging Face Hub for ${what} at ${displayEndpoint(url)} (${cause}).`, { cause: err });
  }
  if (res.ok) return res;
  await res.body?.cancel().catch(() => undefined);
  const hint =
    res.status === 401 || res.status === 403
      ? token
        ? ': the token was refused (check that it can read this dataset)'
        : ': the dataset is private or gated (give `token:` the name of an environment variable holding a token)'
      : res.status === 404
        ? ': not found (check the dataset name, the revision and the endpoint)'
        : '';
  throw new DdflowError(`The Hugging Face Hub answered HTTP ${res.status} for ${what} at ${displayEndpoint(url)}${hint}.`);
}

async function hubJson<T>(url: string, token: string | undefined, what: string): Promise<{ body: T; next?: string }> {
  const res = await hubGet(url, token, what);
  let body: T;
  try {
    body = (await res.json()) as T;
  } catch (err) {
    throw new DdflowError(`The Hugging Face Hub's answer for ${what} at ${displayEndpoint(url)} is not JSON.`, { cause: err });
  }
  const link = res.headers.get('link') ?? '';
  const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
  return { body, ...(next ? { next: new URL(next, url).toString() } : {}) };
}

const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/** A glob as HfFileSystem (fsspec) matches it: `*` within one folder, `**` across folders. */
function matcher(pattern: string): (file: string) => boolean {
  if (pattern === '') return () => true;
  if (!GLOB_CHARS.test(pattern)) {
    const prefix = pattern.replace(/\/+$/, '');
    return (file) => file === prefix || file.startsWith(`${prefix}/`);
  }
  return picomatch(pattern, { dot: true });
}

const resolutions = new Map<string, Promise<HfResolved>>();

/** Forgets the revisions resolved in this process (tests that publish a new commit to a fake Hub). */
export function forgetHfResolutions(): void {
  resolutions.clear();
}

/**
 * The commit the source's revision names and the data files its pattern matches there. Resolved once
 * per process and source, so the plan's fingerprint and the run read the very same commit.
 */
export function resolveHfSource(source: HfSourceLike, env: NodeJS.ProcessEnv = process.env): Promise<HfResolved> {
  const parsed = parseHfPath(source.path);
  const endpoint = hfEndpoint(source, env);
  // A commit pinned by its full hash lists the same files forever: resolved once, it is read from the
  // cache folder — offline, and without the token (a nightly job whose inputs did not change needs no
  // secret; it once asked the Hub for every plan).
  const pinned = /^[0-9a-f]{40}$/.test(parsed.revision);
  const saved = pinned ? savedResolutionPath(endpoint, parsed, env) : undefined;
  // Per token too: another token may see other files, or be refused.
  let tokenHash: string | null = null;
  try {
    const t = hfToken(source, env);
    tokenHash = t ? createHash('sha256').update(t).digest('hex') : null;
  } catch {
    // not set: a saved listing needs none, and resolving says what is wrong
  }
  const key = JSON.stringify([endpoint, parsed, tokenHash]);
  let pending = resolutions.get(key);
  if (!pending) {
    pending = (async () => {
      const kept = saved ? await readSavedResolution(saved, endpoint, parsed) : undefined;
      if (kept) return kept;
      const resolved = await resolveUncached(endpoint, parsed, hfToken(source, env), source.path);
      if (saved) await replaceAtomically(saved, (tmp) => fs.writeFile(tmp, JSON.stringify(resolved))).catch(() => undefined);
      return resolved;
    })();
    pending.catch(() => resolutions.delete(key));
    resolutions.set(key, pending);
  }
  return pending;
}

/** Where the file listing of a pinned commit for one pattern is kept (beside the commit's files). */
function savedResolutionPath(endpoint: string, p: HfPath, env: NodeJS.ProcessEnv): string {
  const pattern = createHash('sha256').update(p.pattern).digest('hex').slice(0, 16);
  return path.join(hfCacheDir(env), hostDir(endpoint), `datasets--${p.repo.replace('/', '--')}`, p.revision, `.ddflow-listing-${pattern}.json`);
}

async function readSavedResolution(file: string, endpoint: string, p: HfPath): Promise<HfResolved | undefined> {
  try {
    const r = JSON.parse(await fs.readFile(file, 'utf8')) as HfResolved;
    const ok = r.endpoint === endpoint && r.repo === p.repo && r.sha === p.revision && Array.isArray(r.files) && r.files.every((f) => typeof f.path === 'string' && typeof f.size === 'number');
    return ok ? r : undefined;
  } catch {
    return undefined;
  }
}

function hostDir(endpoint: string): string {
  try {
    return new URL(endpoint).host.replace(/[^A-Za-z0-9.-]/g, '_');
  } catch {
    return 'endpoint';
  }
}

async function resolveUncached(endpoint: string, p: HfPath, token: string | undefined, userPath: string): Promise<HfResolved> {
  const what = `dataset ${p.repo} (revision ${p.revision})`;
  const info = await hubJson<{ sha?: unknown }>(`${endpoint}/api/datasets/${encodePath(p.repo)}/revision/${encodeURIComponent(p.revision)}`, token, what);
  const sha = info.body.sha;
  if (typeof sha !== 'string' || sha === '') throw new DdflowError(`The Hugging Face Hub gave no commit for ${what}.`);

  const entries: { type?: string; path?: string; size?: number; oid?: string; lfs?: { oid?: string; size?: number } }[] = [];
  let url: string | undefined = `${endpoint}/api/datasets/${encodePath(p.repo)}/tree/${sha}?recursive=true`;
  for (let page = 0; url; page++) {
    if (page >= 10_000) throw new DdflowError(`The Hugging Face Hub's file listing for ${what} does not end.`);
    const got: { body: unknown; next?: string } = await hubJson<unknown>(url, token, `the files of ${what}`);
    if (!Array.isArray(got.body)) throw new DdflowError(`The Hugging Face Hub's file listing for ${what} is not a list.`);
    entries.push(...(got.body as typeof entries));
    url = got.next;
  }
  const match = matcher(p.pattern);
  const files = entries
    .filter((e) => e.type === 'file' && typeof e.path === 'string' && match(e.path))
    .map((e) => ({ path: e.path!, size: Number(e.lfs?.size ?? e.size ?? 0), oid: String(e.lfs?.oid ?? e.oid ?? '') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length === 0) throw new DdflowError(`No file of ${what} matches '${p.pattern || '*'}' (seed path ${userPath}).`);
  const exts = new Set(files.map((f) => path.extname(f.path).toLowerCase()));
  const bad = [...exts].find((e) => !(SEED_FILE_EXTENSIONS as readonly string[]).includes(e));
  if (bad !== undefined || exts.size > 1) {
    throw new DdflowError(
      `The hf seed path ${userPath} matches ${bad !== undefined ? `a file of type '${bad || '(none)'}'` : `files of several types (${[...exts].join(', ')})`}: seed files must be all parquet, all csv, or all jsonl/json; narrow the glob (for example ${p.repo}/**/*.parquet).`,
    );
  }
  return { endpoint, repo: p.repo, revision: p.revision, sha, files };
}

/** The cache folder: DDFLOW_HF_CACHE, else ~/.cache/ddflow/hf (XDG_CACHE_HOME when set). */
export function hfCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env[HF_CACHE_ENV]) return path.resolve(env[HF_CACHE_ENV]!);
  const base = env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'ddflow', 'hf');
}

/**
 * The resolved files as local paths, downloading those the cache lacks (a commit's files never change,
 * so a cached file of the right size is reused). Downloads are written atomically.
 */
export async function downloadHfFiles(resolved: HfResolved, source: HfSourceLike, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  // The token only when a file must be downloaded: cached files need none.
  let token: string | undefined | null = null;
  const root = path.join(hfCacheDir(env), hostDir(resolved.endpoint), `datasets--${resolved.repo.replace('/', '--')}`, resolved.sha);
  const out: string[] = [];
  for (const file of resolved.files) {
    const local = path.join(root, ...file.path.split('/'));
    if (!path.resolve(local).startsWith(path.resolve(root) + path.sep)) throw new DdflowError(`The Hugging Face Hub listed a file outside the dataset: ${file.path}.`);
    const st = await fs.stat(local).catch(() => undefined);
    if (!st || !st.isFile() || st.size !== file.size) {
      const url = `${resolved.endpoint}/datasets/${encodePath(resolved.repo)}/resolve/${resolved.sha}/${encodePath(file.path)}`;
      if (token === null) token = hfToken(source, env);
      const res = await hubGet(url, token, `${file.path} of dataset ${resolved.repo}`);
      if (!res.body) throw new DdflowError(`The Hugging Face Hub sent no content for ${file.path} of dataset ${resolved.repo}.`);
      const body = res.body;
      await replaceAtomically(local, async (tmp) => {
        await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), createWriteStream(tmp));
        const got = (await fs.stat(tmp)).size;
        if (got !== file.size) throw new DdflowError(`The download of ${file.path} from dataset ${resolved.repo} stopped early (${got} of ${file.size} bytes).`);
      });
    }
    out.push(local);
  }
  return out;
}

/** What an hf seed contributes to a stage fingerprint: the commit and the matched files, never the token. */
export async function hfSeedIdentity(source: HfSourceLike): Promise<unknown> {
  const r = await resolveHfSource(source);
  return { seed_type: 'hf', repo: r.repo, sha: r.sha, files: r.files };
}
