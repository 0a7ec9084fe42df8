/** The plan in the job summary and the Action's outputs: the same columns `ddflow plan` prints. */
import type { Plan, StagePlan } from '../workflow/plan.js';
import { PLAN_COLUMNS, planCells } from '../workflow/plan.js';
import { tableCell } from './summary.js';
import type { StageOutput } from './outputs.js';

/** A Markdown table of the plan (cells escaped like every other summary cell). */
export function planMarkdown(plan: Plan): string {
  const header = `| ${PLAN_COLUMNS.join(' | ')} |`;
  const rule = `|${PLAN_COLUMNS.map(() => '---').join('|')}|`;
  const rows = plan.stages.map((e) => `| ${planCells(e).map((c, i) => (i === 2 && c !== '?' ? `\`${c}\`` : tableCell(c))).join(' | ')} |`);
  return [header, rule, ...rows].join('\n') + '\n';
}

/** Restored or reused without generating anything. */
export function isCacheHit(e: StagePlan): boolean {
  return e.decision === 'cached' || e.decision === 'restore';
}

/** The `stages` output of `command: plan`: one entry per stage, in the shape `command: run` gives. */
export function planStagesOutput(plan: Plan): StageOutput[] {
  return plan.stages.map((e) => ({
    name: e.stage,
    status: e.decision,
    cache: e.decision === 'restore' ? 'restored' : e.decision === 'cached' ? 'reused' : e.decision === 'skipped' ? 'off' : 'miss',
    rows: e.rows ?? 0,
    duration_sec: 0,
    tokens: { prompt: 0, completion: 0 },
  }));
}
