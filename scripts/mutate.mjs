#!/usr/bin/env node
// `npm run mutate`: plants each plausible bug of scripts/mutants.json in the source, runs the tests that
// should catch it, and restores the file. A mutant is "killed" when those tests fail. Prints one line per
// mutant and the score; exits 1 if any mutant survives (or no longer applies, which means the list is
// stale). Usage: `npm run mutate` | `npm run mutate -- <id> ...` (only those).
//
// A small list of chosen mutants rather than a generic mutation tool: each one is a way the code could
// plausibly go wrong that would hurt users (a stale cache hit, a leaked key, a sandbox escape), and each
// names the tests that must notice. It is slow (one vitest run per mutant), so it is not in .ci/run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const mutants = JSON.parse(readFileSync(path.join(root, 'scripts/mutants.json'), 'utf8'));
const only = process.argv.slice(2);
const selected = only.length ? mutants.filter((m) => only.includes(m.id)) : mutants;

let killed = 0;
const survivors = [];
for (const m of selected) {
  const file = path.join(root, m.file);
  const original = readFileSync(file, 'utf8');
  const at = original.indexOf(m.find);
  if (at < 0 || original.indexOf(m.find, at + 1) >= 0) {
    console.log(`STALE     ${m.id}: the snippet is ${at < 0 ? 'not found' : 'found more than once'} in ${m.file}`);
    survivors.push(m.id);
    continue;
  }
  writeFileSync(file, original.slice(0, at) + m.replace + original.slice(at + m.find.length));
  const started = Date.now();
  let result;
  try {
    result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--bail=1', ...m.tests], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DDFLOW_PLAN_PROPERTY_RUNS: process.env.DDFLOW_PLAN_PROPERTY_RUNS ?? '40' },
    });
  } finally {
    writeFileSync(file, original);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    killed++;
    const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const failing = /(?:FAIL|×)\s+(.+?)(?:\n|$)/.exec(output)?.[1] ?? `exit ${result.status}: ${output.trim().split('\n').slice(-3).join(' | ')}`;
    console.log(`killed    ${m.id} (${seconds}s): ${failing.trim()}`);
  } else {
    survivors.push(m.id);
    console.log(`SURVIVED  ${m.id} (${seconds}s): ${m.description}`);
  }
}
console.log(`\nmutation score: ${killed}/${selected.length} killed${survivors.length ? `; not killed: ${survivors.join(', ')}` : ''}`);
process.exitCode = survivors.length ? 1 : 0;
