/**
 * The files a seed source reads: ONE enumerator, used by the seed reader (what rows exist), the stage
 * fingerprint (what content the stage depends on) and validation (what columns a seed has). When these
 * disagreed, a file the reader read but the fingerprint skipped (a dot-file) could change without the
 * stage noticing, and a stale stage was reused.
 *
 * Matching follows what the reader always did: DuckDB's glob and Data Designer's directory reader
 * (fnmatch) both match names starting with a dot, so dot-files and dot-directories are included.
 * Only regular files are listed (symbolic links are followed): a FIFO or a device never is, so reading
 * or hashing a seed cannot block. A file that resolves into /proc, /sys, /dev or a .git directory is
 * refused (see refuseSecretLocation); a directory walk does not enter `.git`.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { DdflowError } from '../diagnostics.js';

export const SEED_FILE_EXTENSIONS = ['.parquet', '.csv', '.json', '.jsonl'] as const;

/** Where the system keeps pseudo-files (a process's environment, its memory, devices), never seed data. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Refuses a seed file that is (or links to) a system pseudo-file or a file inside a `.git` directory. A
 * workflow file is untrusted input: `docs/env.txt -> /proc/self/environ` once put the whole environment,
 * API keys included, into the parquet files and the export, and `.git/config` holds the token a CI
 * checkout persists.
 */
function refuseSecretLocation(file: string, shown: string): void {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return; // unreadable: the reader says so
  }
  const system = SYSTEM_ROOTS.find((root) => real === root || real.startsWith(`${root}/`));
  if (system !== undefined) throw new DdflowError(`Path ${shown} resolves to ${real}: ddflow reads no seed files under ${system} (they hold the process's environment and keys, not data).`);
  if (real.split(path.sep).includes('.git')) throw new DdflowError(`Path ${shown} resolves to ${real}, inside a .git directory: ddflow reads no seed files there (a checkout keeps its credentials in it).`);
}

function statSafe(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function listSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The wildcard extension of a `local` path written as `<dir>/*<ext>` (the only glob Data Designer reads), else undefined. */
export function localWildcardExtension(userPath: string): (typeof SEED_FILE_EXTENSIONS)[number] | undefined {
  return SEED_FILE_EXTENSIONS.find((ext) => userPath.endsWith(`*${ext}`));
}

/**
 * The files of a `local` seed path, absolute and sorted: the file itself, or every regular file of
 * `<dir>` whose name ends with `<ext>` for `<dir>/*<ext>`. Throws Data Designer's messages when the path
 * reads nothing.
 */
export function localSeedFiles(userPath: string, baseDir: string): string[] {
  const ext = localWildcardExtension(userPath);
  if (ext) {
    const dirPart = userPath.slice(0, userPath.indexOf('*.'));
    const dir = path.resolve(baseDir, dirPart || '.');
    const match = picomatch(`*${ext}`, { dot: true });
    const matched = statSafe(dir)?.isDirectory() ? listSafe(dir).filter((name) => match(name)).sort() : [];
    // DuckDB's glob would have opened a FIFO among the matches and waited for a writer forever: say so.
    const special = matched.find((name) => {
      const st = statSafe(path.join(dir, name));
      return st !== undefined && !st.isFile() && !st.isDirectory();
    });
    if (special !== undefined) throw new DdflowError(`Path '${dirPart}${special}' is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
    const files = matched.filter((name) => statSafe(path.join(dir, name))?.isFile()).map((name) => path.join(dir, name));
    if (files.length === 0) throw new DdflowError(`Path '${dirPart}' does not contain files of type '${ext.slice(1)}'.`);
    for (const f of files) refuseSecretLocation(f, `'${dirPart}${path.basename(f)}'`);
    return files;
  }
  const resolved = path.resolve(baseDir, userPath);
  const st = statSafe(resolved);
  if (!st) throw new DdflowError(`Path ${userPath} is not a file.`);
  if (!st.isFile()) throw new DdflowError(st.isDirectory() ? `Path ${userPath} is not a file.` : `Path ${userPath} is not a regular file (ddflow reads no FIFOs, sockets or devices).`);
  if (!(SEED_FILE_EXTENSIONS as readonly string[]).includes(path.extname(resolved).toLowerCase())) {
    throw new DdflowError("Dataset files must be in parquet, csv, or jsonl/json (orient='records', lines=True) format.");
  }
  refuseSecretLocation(resolved, userPath);
  return [resolved];
}

/**
 * The files below a `directory` / `file_contents` seed root whose NAME matches `pattern` (fnmatch:
 * case-sensitive, `*` matches a leading dot), as relative POSIX paths sorted by code unit. A directory
 * reached twice through symbolic links is walked once.
 */
export function directorySeedFiles(root: string, pattern: string, recursive: boolean): string[] {
  if (!statSafe(root)?.isDirectory()) throw new DdflowError(`Seed source directory '${root}' does not exist.`);
  const matches = picomatch(pattern, { dot: true, nocase: false });
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of listSafe(dir)) {
      // A repository's own database is never seed data (and holds a CI checkout's credentials).
      if (name === '.git') continue;
      const abs = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = statSafe(abs);
      if (!st) continue;
      if (st.isDirectory()) {
        if (recursive) walk(abs, relPath);
      } else if (st.isFile() && matches(name)) out.push(relPath);
    }
  };
  walk(root, '');
  for (const rel of out) refuseSecretLocation(path.join(root, ...rel.split('/')), `'${rel}' (under ${root})`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
