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
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import type { Logger } from '../logger.js';

export const LOCK_FILENAME = '.ddflow.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  started_at: string;
}

export interface WorkflowLock {
  readonly path: string;
  /** Removes the lock (idempotent; synchronous so that it also works from an exit handler). */
  release(): void;
}

function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on ${h.hostname}, started ${h.started_at}`;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && Number.isSafeInteger(v.pid) && v.pid > 0 && typeof v.hostname === 'string' && typeof v.started_at === 'string') {
      return { pid: v.pid, hostname: v.hostname, started_at: v.started_at };
    }
  } catch {
    /* not JSON */
  }
  return undefined;
}

/** Whether `pid` is a live process on this host (EPERM: alive, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsError(err: unknown, what: string, dir: string): DdflowError {
  const e = err as NodeJS.ErrnoException;
  const reason = e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file is in the way' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.message ?? String(err));
  return new DdflowError(`Cannot ${what} ${dir}: ${reason}.`, { cause: err });
}

/**
 * Creates `workflowDir` if needed and takes its lock, or throws a DdflowError naming the run that
 * holds it. The lock is also removed when the process exits without releasing it (an uncaught error);
 * a kill leaves it behind as a stale lock for the next run to break.
 */
export async function lockWorkflowDir(workflowDir: string, log: Logger): Promise<WorkflowLock> {
  try {
    await fsp.mkdir(workflowDir, { recursive: true });
  } catch (err) {
    throw fsError(err, 'create the artifact directory', workflowDir);
  }
  const lockPath = path.join(workflowDir, LOCK_FILENAME);
  const me: LockHolder = { pid: process.pid, hostname: os.hostname(), started_at: new Date().toISOString() };
  const content = `${JSON.stringify(me)}\n`;
  let unreadable = false;
  // Bounded: each round either takes the lock, reports a live holder, removes one stale lock, or
  // waits 0.1 s for a lock file being written.
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await fsp.writeFile(lockPath, content, { flag: 'wx' });
      return holding(lockPath, content);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fsError(err, 'create the lock file in', workflowDir);
    }
    let text: string;
    let mtimeMs: number;
    try {
      text = await fsp.readFile(lockPath, 'utf8');
      mtimeMs = (await fsp.stat(lockPath)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
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
    } else if (holder.hostname !== os.hostname() || alive(holder.pid) || holder.pid === process.pid) {
      throw new DdflowError(
        `Another ddflow run (${describeHolder(holder)}) holds the lock ${lockPath}: one run at a time may write a workflow's artifact directory. ` +
          `Wait for it to finish, or use another artifact path${holder.hostname !== os.hostname() ? '; if that run is gone, delete the lock file' : ''}.`,
      );
    } else {
      log.warn(`Breaking a stale lock on ${workflowDir}: the run that held it (${describeHolder(holder)}) is no longer running.`);
    }
    await breakLock(lockPath, text);
  }
  throw new DdflowError(
    unreadable
      ? `Cannot take the lock ${lockPath}: another run holds it but its file is unreadable; if no other ddflow run is going, delete it.`
      : `Cannot take the lock ${lockPath}: other runs keep taking it.`,
  );
}

/**
 * Removes the lock file whose content was `seen`, and only that one: moved aside first (atomic), so
 * that if another run replaced it meanwhile, that fresh lock is put back instead of being deleted.
 */
async function breakLock(lockPath: string, seen: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    await fsp.rename(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw err;
  }
  const moved = await fsp.readFile(aside, 'utf8').catch(() => seen);
  if (moved !== seen) await fsp.link(aside, lockPath).catch(() => undefined); // not ours to break
  await fsp.rm(aside, { force: true });
}

function holding(lockPath: string, content: string): WorkflowLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      // Only our own lock: never one a later run took after ours was broken as stale.
      if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', release);
  return { path: lockPath, release };
}
