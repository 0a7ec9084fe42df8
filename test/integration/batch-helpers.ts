/** Running `ddflow run` (src via tsx, or dist/) round after round for the batch-mode tests. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KEY_VAR, SECRET } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** How to start the CLI: node arguments before `run`. */
export type CliEntry = string[];
export const srcCli: CliEntry = ['--import', TSX, path.join(ROOT, 'src/cli/main.ts')];
export const distCli: CliEntry = [path.join(ROOT, 'dist/cli/index.js')];

/**
 * The model columns of the second stage: free text, a structured answer, a column on the text, and its
 * embedding. Every prompt holds the row's id: the fake server's structured answers depend on how often
 * it saw the same body, so identical prompts would get answers that depend on arrival order.
 */
export const BATCH_COLUMNS = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [apples, pears, plums, figs]}
        - name: blurb
          column_type: llm-text
          model_alias: chat
          prompt: "{{ base_id }}: describe {{ topic }}."
        - name: facts
          column_type: llm-structured
          model_alias: chat
          prompt: "Facts about {{ topic }} ({{ base_id }})."
          output_format: {type: object, properties: {colour: {type: string, enum: [red, green, blue]}, weight: {type: integer}}, required: [colour, weight]}
        - name: title
          column_type: llm-text
          model_alias: chat
          prompt: "A title for: {{ blurb }}"
        - name: title_vec
          column_type: embedding
          model_alias: emb
          target_column: title
`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ddflow run <file> ...extra` as a child process; killed (code -1) after `limitMs`. */
export function runCli(entry: CliEntry, file: string, cwd: string, extra: string[], limitMs = 90_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...entry, 'run', file, ...extra], {
      cwd,
      env: { ...process.env, CI: 'true', [KEY_VAR]: SECRET, DDFLOW_MAX_RETRIES: '2', DDFLOW_RETRY_BASE_DELAY_MS: '5', DDFLOW_RETRY_MAX_DELAY_MS: '20' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Runs until a run does not end pending (or fails), at most `max` runs; `each` sees every result. */
export async function runBatchRounds(entry: CliEntry, file: string, cwd: string, extra: string[], max: number, each?: (r: CliResult, i: number) => Promise<void> | void): Promise<CliResult[]> {
  const out: CliResult[] = [];
  for (let i = 0; i < max; i++) {
    const r = await runCli(entry, file, cwd, extra);
    out.push(r);
    await each?.(r, i);
    if (r.code !== 0 || !r.stdout.startsWith('pending:')) return out;
  }
  throw new Error(`still pending after ${max} runs:\n${out.at(-1)?.stdout}\n${out.at(-1)?.stderr}`);
}
