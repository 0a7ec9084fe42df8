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
 * Order: (1) a plain `require('@duckdb/node-api')`, resolved from the nearest node_modules — the CLI,
 * tests, and an Action running in a workspace that already has the package; (2) when that fails and an
 * `installDir` is given, `npm install --no-save --prefix <installDir> @duckdb/node-api@<version>` once
 * (a marker file records success; a lock directory keeps concurrent processes from installing twice),
 * then load it through `createRequire(<installDir>/package.json)`.
 *
 * The specifiers are variables and the require functions come from createRequire() of a computed path,
 * so ncc neither bundles DuckDB nor replaces the call with a stub that always throws; `ncc -e
 * @duckdb/node-api` is belt and braces.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as DuckDBApi from '@duckdb/node-api';
import { DdflowError } from '../diagnostics.js';

/** The one place the DuckDB version is pinned (must equal package.json's dependency). */
export const DUCKDB_VERSION = '1.5.6-r.1';
export const DUCKDB_PACKAGE = '@duckdb/node-api';

export type DuckDBModule = typeof DuckDBApi;

export interface LoadDuckDBOptions {
  /** Where to install DuckDB when it cannot be resolved from node_modules (e.g. the runner tool cache). */
  installDir?: string;
  /** Do not try node_modules first (tests of the install path). */
  skipLocal?: boolean;
  /** Progress messages ("installing DuckDB ..."). */
  log?: (message: string) => void;
  /** Upper bound for waiting on another process's install, in ms. */
  lockTimeoutMs?: number;
}

const loaded = new Map<string, Promise<DuckDBModule>>();

/**
 * What a host (the Action) adds around an install: where its one log line goes, and a cache of
 * installed engines: `restore` fills the install directory and says whether it did, `save` keeps a
 * fresh install. Set once at start-up; the loader stays free of any service client.
 */
export interface DuckDBInstallHooks {
  log?: (message: string) => void;
  restore?: (installDir: string) => Promise<boolean>;
  save?: (installDir: string) => Promise<void>;
}

let installHooks: DuckDBInstallHooks = {};

export function setDuckDBInstallHooks(hooks: DuckDBInstallHooks): void {
  installHooks = hooks;
}

/** Names the install directory when no caller passes one (the Action sets it to a tool-cache path). */
export const DUCKDB_DIR_ENV = 'DDFLOW_DUCKDB_DIR';

export function loadDuckDB(options: LoadDuckDBOptions = {}): Promise<DuckDBModule> {
  if (options.installDir === undefined && process.env[DUCKDB_DIR_ENV]) options = { ...options, installDir: process.env[DUCKDB_DIR_ENV] };
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
export function forgetLoadedDuckDB(): void {
  loaded.clear();
}

async function loadUncached(options: LoadDuckDBOptions): Promise<DuckDBModule> {
  let localError: unknown;
  if (!options.skipLocal) {
    try {
      return normalise(await importLocal());
    } catch (err) {
      localError = err;
    }
  }
  if (!options.installDir) {
    throw new DdflowError(
      `DuckDB (${DUCKDB_PACKAGE}@${DUCKDB_VERSION}) could not be loaded from node_modules and no install directory was given.`,
      { cause: localError },
    );
  }
  const installDir = path.resolve(options.installDir);
  await ensureInstalled(installDir, options);
  return normalise(await importFrom(installDir));
}

/** Whether DuckDB loads from node_modules (then nothing needs installing or caching). */
export async function duckdbInNodeModules(): Promise<boolean> {
  try {
    normalise(await importLocal());
    return true;
  } catch {
    return false;
  }
}

/** Whether `installDir` holds a finished install of the pinned version. */
export function duckdbInstalledIn(installDir: string): boolean {
  return existsSync(installMarkerPath(path.resolve(installDir)));
}

/*
 * The package is CommonJS and is loaded with require(), not import(): an ESM import of a CommonJS module
 * makes Node run its CJS lexer over the module and, through node-api's `__exportStar(require(...))`
 * re-exports, over each of its ~60 files to find their names — 100 ms of a cold start (issue 13, profiled
 * with --cpu-prof on `ddflow validate` of the quickstart: cjs-module-lexer was 20 % of the process).
 */
async function importLocal(): Promise<unknown> {
  const specifier: string = DUCKDB_PACKAGE;
  // (A computed base, so that the bundler leaves this require() to Node.)
  return createRequire(fileURLToPath(import.meta.url))(specifier);
}

async function importFrom(installDir: string): Promise<unknown> {
  const req = createRequire(path.join(installDir, 'package.json'));
  const specifier: string = DUCKDB_PACKAGE;
  return req(req.resolve(specifier));
}

/** The package is CommonJS: depending on how Node's CJS lexer fares, names sit on the namespace or on `default`. */
function normalise(ns: unknown): DuckDBModule {
  const m = ns as Record<string, unknown>;
  if (typeof m.DuckDBInstance === 'function') return m as unknown as DuckDBModule;
  const d = m.default as Record<string, unknown> | undefined;
  if (d && typeof d.DuckDBInstance === 'function') return d as unknown as DuckDBModule;
  throw new DdflowError(`The module loaded as ${DUCKDB_PACKAGE} does not look like DuckDB's Node API.`);
}

/** The few C-API functions of `@duckdb/node-bindings` (node-api's own dependency) the parquet writer uses. */
export interface DuckDBBindings {
  data_chunk_get_vector(chunk: unknown, columnIndex: number): unknown;
  copy_data_to_vector(vector: unknown, targetByteOffset: number, source: ArrayBuffer, sourceByteOffset: number, byteCount: number): void;
}

let bindings: DuckDBBindings | null | undefined;

/**
 * The native bindings node-api loaded, wherever it was loaded from (node_modules or the install
 * directory): node-api is CommonJS, so its `require('@duckdb/node-bindings')` sits in the shared
 * require cache. Null when it is not there (then callers use node-api's public API only).
 */
export function duckdbBindings(): DuckDBBindings | null {
  if (bindings !== undefined) return bindings;
  bindings = null;
  try {
    const cache = createRequire(import.meta.url).cache;
    for (const [key, mod] of Object.entries(cache)) {
      if (!/[\\/]@duckdb[\\/]node-bindings[\\/]duckdb\.js$/.test(key)) continue;
      const b = mod?.exports as Partial<DuckDBBindings> | undefined;
      if (typeof b?.copy_data_to_vector === 'function' && typeof b.data_chunk_get_vector === 'function') bindings = b as DuckDBBindings;
      break;
    }
  } catch {
    bindings = null;
  }
  return bindings;
}

export function installMarkerPath(installDir: string): string {
  return path.join(installDir, `.ddflow-duckdb-${DUCKDB_VERSION}.installed`);
}

async function ensureInstalled(installDir: string, options: LoadDuckDBOptions): Promise<void> {
  const marker = installMarkerPath(installDir);
  if (existsSync(marker)) return;
  await fs.mkdir(installDir, { recursive: true });
  const lockDir = path.join(installDir, '.ddflow-duckdb-install.lock');
  const deadline = Date.now() + (options.lockTimeoutMs ?? 300_000);
  // mkdir is atomic: whoever creates the lock installs, the others wait for the marker.
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (existsSync(marker)) return;
      const age = await fs.stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
      // A lock older than the timeout belongs to a process that died mid-install: take it over.
      if (age > (options.lockTimeoutMs ?? 300_000)) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new DdflowError(`Timed out waiting for another process to install DuckDB into ${installDir}.`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(marker)) return;
    if (installHooks.restore && (await installHooks.restore(installDir)) && existsSync(marker)) return;
    const log = options.log ?? installHooks.log;
    log?.(`Installing DuckDB ${DUCKDB_VERSION} (${DUCKDB_PACKAGE}, ${process.platform}-${process.arch}) with npm into ${installDir}`);
    await runNpmInstall(installDir);
    await fs.writeFile(marker, `${DUCKDB_PACKAGE}@${DUCKDB_VERSION} ${process.platform}-${process.arch}\n`);
    await fs.rm(lockDir, { recursive: true, force: true });
    await installHooks.save?.(installDir);
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * npm's own defaults wait 5 minutes per request and retry twice with up to a minute between tries, so
 * a registry outage used to hold the job for minutes without a word. These bound it to about 45 s
 * (two tries of at most 20 s each); a value the user set through `npm_config_*` wins.
 */
export const NPM_INSTALL_LIMITS: Record<string, string> = {
  'fetch-timeout': '20000',
  'fetch-retries': '1',
  'fetch-retry-mintimeout': '1000',
  'fetch-retry-maxtimeout': '3000',
};
/** Hard stop for the whole install (download and unpack of ~25 MB normally take 3-10 s). */
const NPM_INSTALL_DEADLINE_MS = 120_000;

export function npmInstallArgs(installDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const set = new Set(Object.keys(env).filter((k) => /^npm_config_/i.test(k)).map((k) => k.toLowerCase().replace(/^npm_config_/, '').replaceAll('_', '-')));
  const limits = Object.entries(NPM_INSTALL_LIMITS)
    .filter(([name]) => !set.has(name))
    .map(([name, value]) => `--${name}=${value}`);
  return ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', ...limits, '--prefix', installDir, `${DUCKDB_PACKAGE}@${DUCKDB_VERSION}`];
}

/** What npm's last words say went wrong, as a clause ("the registry answered 503 Service Unavailable"). */
export function npmFailureReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim()).filter(Boolean);
  const status = lines.map((l) => /^(\d{3} [^-]+?)\s+-\s+GET\s/.exec(l)).find(Boolean);
  if (status) return `the registry answered ${status[1]}`;
  if (lines.some((l) => /network timeout|ETIMEDOUT|ESOCKETTIMEDOUT/i.test(l))) return 'the registry did not answer in time';
  const refused = lines.find((l) => /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(l));
  if (refused) return `the registry could not be reached (${/(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET)/.exec(refused)![1]})`;
  const meaningful = lines.filter((l) => !/^(code|errno|A complete log)/.test(l));
  return meaningful.at(-1) ?? 'npm gave no reason';
}

function registryOf(env: NodeJS.ProcessEnv): string {
  return env['npm_config_registry'] || env['NPM_CONFIG_REGISTRY'] || 'the npm registry';
}

function runNpmInstall(installDir: string): Promise<void> {
  const args = npmInstallArgs(installDir);
  const what = `DuckDB (${DUCKDB_PACKAGE}@${DUCKDB_VERSION}, ${process.platform}-${process.arch})`;
  const advice = `check that the runner can reach ${registryOf(process.env)} (npm_config_registry names a mirror), or add ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} to the workspace's dependencies so it is installed with them`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: process.env,
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, NPM_INSTALL_DEADLINE_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new DdflowError(`Could not run npm to install ${what}: ${err.message}; ${advice}.`, { cause: err }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const reason = timedOut ? `npm did not finish within ${NPM_INSTALL_DEADLINE_MS / 1000} s` : npmFailureReason(stderr);
        reject(new DdflowError(`Could not install ${what} with npm: ${reason}; ${advice}.`));
      }
    });
  });
}
