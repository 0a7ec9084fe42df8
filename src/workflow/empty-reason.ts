/**
 * Why a stage that completed has no rows, in words a user can act on: every generated row dropped (by
 * reason), its processors kept none of the rows it generated (named), or a reviewed override with no rows.
 */
import type { LoadedStage } from './model.js';

export interface EmptyStageFacts {
  num_records_requested?: number;
  /** Rows generated (before dataset-level processors). */
  num_records_actual?: number;
  dropped_rows?: Record<string, number>;
  overridden?: boolean;
}

export function emptyOutputWhy(facts: EmptyStageFacts, stage: LoadedStage | undefined): string {
  if (facts.overridden) return 'the reviewed file that overrides its output has no rows';
  const generated = facts.num_records_actual ?? 0;
  const drops = Object.entries(facts.dropped_rows ?? {}).filter(([, n]) => n > 0);
  if (generated === 0 && drops.length > 0) return `every row was dropped during generation (${drops.map(([k, n]) => `${k}: ${n}`).join(', ')})`;
  const processors = [...(stage?.config.processors ?? []), ...(stage?.outputProcessors ?? [])].filter((p) => p.processor_type.replace('-', '_') === 'sql').map((p) => `'${p.name}'`);
  if (generated > 0 && processors.length > 0) {
    return `its sql processor${processors.length > 1 ? 's' : ''} ${processors.join(', ')} kept none of the ${generated} generated row${generated === 1 ? '' : 's'}`;
  }
  if (generated > 0 && stage?.onSuccess) return `its on_success command kept none of the ${generated} generated row${generated === 1 ? '' : 's'}`;
  if ((facts.num_records_requested ?? 0) === 0) return 'it was asked for no rows (its upstream handed down none)';
  return 'its output is empty';
}
