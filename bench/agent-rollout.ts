/**
 * Benchmark: reading agent traces as a seed (src/data/agent-rollout/ through openSeedDataset).
 *   npx tsx bench/agent-rollout.ts
 * 1,000 Claude Code session files of 60 records each (text, thinking, tool_use, tool_result), parsed
 * into normalized rows and served; prints wall time and peak RSS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/data/database.js';
import { openSeedDataset } from '../src/data/seed-reader.js';

const SESSIONS = 1_000;
const TURNS = 20; // × (user, assistant tool_use, tool_result) = 60 records per file
const dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-bench-rollout-'));
mkdirSync(path.join(dir, 'proj'));
let bytes = 0;
for (let s = 0; s < SESSIONS; s++) {
  const lines: string[] = [];
  for (let t = 0; t < TURNS; t++) {
    const base = { sessionId: `s${s}`, cwd: '/repo', gitBranch: 'main', version: '2.0.0', timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, s + t)).toISOString() };
    lines.push(JSON.stringify({ ...base, type: 'user', message: { content: `Step ${t}: ${'please look at this code '.repeat(8)}` } }));
    lines.push(JSON.stringify({ ...base, type: 'assistant', message: { content: [{ type: 'thinking', thinking: 'Reading the file first. '.repeat(6) }, { type: 'text', text: 'Let me read it.' }, { type: 'tool_use', id: `t${t}`, name: 'Read', input: { file_path: `/repo/f${t}.py` } }] } }));
    lines.push(JSON.stringify({ ...base, type: 'user', message: { content: [{ type: 'tool_result', tool_use_id: `t${t}`, content: 'def f():\n    return 1\n'.repeat(10) }] } }));
  }
  const text = lines.join('\n') + '\n';
  bytes += text.length;
  writeFileSync(path.join(dir, 'proj', `s${s}.jsonl`), text);
}
const db = await openDatabase();
const t0 = performance.now();
const seed = await openSeedDataset(db, { source: { seed_type: 'agent_rollout', format: 'claude_code', path: dir } });
const opened = performance.now() - t0;
const t1 = performance.now();
const rows = await seed.rowsFor(0, seed.size);
const served = performance.now() - t1;
console.log(`${SESSIONS} sessions, ${(bytes / 1e6).toFixed(1)} MB of JSONL, ${rows.length} rows of ${(rows[0]!.messages as unknown[]).length} messages`);
console.log(`parse + load: ${opened.toFixed(0)} ms; serve all rows: ${served.toFixed(0)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await seed.close();
db.close();
rmSync(dir, { recursive: true, force: true });
