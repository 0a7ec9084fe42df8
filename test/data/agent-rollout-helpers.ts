import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Data Designer's tests/engine/resources/conftest.py write_jsonl: one json.dumps(record) per line. */
export function writeJsonl(file: string, records: unknown[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** Collects warnings (Data Designer logs them; ddflow's reader hands them to the stage's logger). */
export function warnings(): ((m: string) => void) & { lines: string[] } {
  const lines: string[] = [];
  const warn = (m: string) => void lines.push(m);
  return Object.assign(warn, { lines });
}
