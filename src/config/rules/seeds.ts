/**
 * Seed sources: paths that must exist with a dataset extension (Data Designer's messages), selection
 * strategy bounds, and — where it is cheap to know — the seed's column names, so that references to
 * seed columns are checked too.
 */
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { directorySeedFiles, localSeedFiles } from '../../shared/seed-files.js';
import { agentRolloutFiles, AGENT_ROLLOUT_COLUMN_NAMES } from '../../shared/agent-rollout-files.js';
import { parseHfPath } from '../../shared/hf-path.js';
import { DdflowError } from '../../diagnostics.js';
import type { SeedConfig, SeedSource } from '../schema.js';
import type { Reporter } from '../report.js';
import { closedSet, openSet, type ColumnSet } from '../column-set.js';

export function checkSeedSource(seed: SeedConfig, baseDir: string, report: Reporter): void {
  const source = seed.source;
  if (source.seed_type === 'local') {
    try {
      localSeedFiles(source.path, baseDir);
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      report.error(['source', 'path'], err.message, 'seed_path');
    }
  } else if (source.seed_type === 'hf') {
    // The Hub is asked at plan/run time; here only the path's shape can be checked.
    try {
      parseHfPath(source.path);
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      report.error(['source', 'path'], err.message, 'seed_path');
    }
  } else if (source.seed_type === 'agent_rollout') {
    // The directory and its matching files (src/shared/agent-rollout-files.ts: the reader's own list).
    try {
      agentRolloutFiles(source, baseDir);
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      const at = err.message.startsWith('file_pattern') ? ['source', 'file_pattern'] : source.path == null ? ['source'] : ['source', 'path'];
      report.error(at, err.message, 'seed_path');
    }
  } else {
    const dir = path.resolve(baseDir, source.path);
    const isDir = existsSync(dir) && statSync(dir).isDirectory();
    if (!isDir) report.error(['source', 'path'], `Path ${source.path} is not a directory.`, 'seed_path');
    const pattern = source.file_pattern ?? '*';
    if (pattern.includes('/') || pattern.includes('\\')) {
      report.error(['source', 'file_pattern'], 'file_pattern must match file names, not relative paths.', 'seed_path');
    } else if (isDir) {
      // The reader's own list: a file it would refuse (a link into /proc, a .git file) is an error here too.
      try {
        directorySeedFiles(dir, pattern, source.recursive ?? true);
      } catch (err) {
        if (!(err instanceof DdflowError)) throw err;
        report.error(['source', 'path'], err.message, 'seed_path');
      }
    }
  }
  const sel = seed.selection_strategy as { start?: number; end?: number; index?: number; num_partitions?: number } | null | undefined;
  if (sel && sel.start !== undefined && sel.end !== undefined && sel.start > sel.end) {
    report.error(['selection_strategy', 'start'], "'start' index must be less than or equal to 'end' index", 'selection_strategy');
  }
  if (sel && sel.num_partitions !== undefined && (sel.index ?? 0) >= sel.num_partitions) {
    report.error(['selection_strategy', 'index'], "'index' must be less than 'num_partitions'", 'selection_strategy');
  }
}

const MANIFEST_COLUMNS = ['source_kind', 'source_path', 'relative_path', 'file_name'];
/** Reading more than this to learn a JSON seed's keys is not worth it at validate time. */
const MAX_SCAN_BYTES = 4 * 1024 * 1024;

/**
 * The columns a seed source provides, as far as they can be known cheaply: CSV headers and JSON keys are
 * read; parquet (and anything unreadable) gives an open set, so that references are not wrongly refused.
 */
export async function seedColumns(source: SeedSource, baseDir: string): Promise<ColumnSet> {
  if (source.seed_type === 'directory') return closedSet(MANIFEST_COLUMNS);
  if (source.seed_type === 'file_contents') return closedSet([...MANIFEST_COLUMNS, 'content']);
  if (source.seed_type === 'hf') return openSet(); // known only once the Hub is asked
  if (source.seed_type === 'agent_rollout') return closedSet(AGENT_ROLLOUT_COLUMN_NAMES);
  try {
    const files = localSeedFiles(source.path, baseDir);
    if (!files.length) return openSet();
    const names = new Set<string>();
    for (const file of files) {
      const ext = path.extname(file).toLowerCase();
      const stat = statSync(file);
      // Never open a FIFO, socket or device: reading one can block forever (checkSeedSource reports it).
      if (!stat.isFile()) return openSet(names);
      const size = stat.size;
      if (ext === '.csv') {
        const handle = await fs.open(file, 'r');
        try {
          const buf = Buffer.alloc(Math.min(size, 64 * 1024));
          await handle.read(buf, 0, buf.length, 0);
          const header = buf.toString('utf8').split(/\r?\n/)[0] ?? '';
          if (!header) return openSet(names);
          parseCsvLine(header).forEach((n) => names.add(n));
        } finally {
          await handle.close();
        }
      } else if ((ext === '.json' || ext === '.jsonl') && size <= MAX_SCAN_BYTES) {
        const text = await fs.readFile(file, 'utf8');
        const records = jsonRecords(text);
        if (!records) return openSet(names);
        for (const r of records) Object.keys(r).forEach((k) => names.add(k));
      } else {
        return openSet(names);
      }
    }
    return closedSet(names);
  } catch {
    return openSet();
  }
}

function jsonRecords(text: string): Record<string, unknown>[] | undefined {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    const whole = JSON.parse(trimmed);
    if (Array.isArray(whole)) return whole.filter((r) => r && typeof r === 'object');
    if (whole && typeof whole === 'object') return [whole];
  } catch {
    // JSON lines
  }
  try {
    return trimmed
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  } catch {
    return undefined;
  }
}

export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}
