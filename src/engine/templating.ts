/**
 * The engine's one doorway to src/template: which rendering mode a stage uses, its TemplateEngine for
 * expressions and prompts, and the three per-row evaluations the engine needs — a sampler condition,
 * a skip gate and a schema_transform JSON template. The semantics live in src/template (conditions.ts,
 * json-template.ts); this file only binds them to the stage's mode.
 */
import { evalCondition, evalSkipWhen } from '../template/conditions.js';
import { TemplateEngine, type JinjaRenderingEngine } from '../template/environment.js';
import { renderJsonTemplate } from '../template/json-template.js';

export interface EngineTemplates {
  readonly mode: JinjaRenderingEngine;
  /** Expressions and prompts (secure-mode output checks on). */
  readonly main: TemplateEngine;
}

export function engineTemplates(mode: JinjaRenderingEngine = 'secure'): EngineTemplates {
  return { mode, main: new TemplateEngine({ mode }) };
}

/** A sampler `conditional_params` key (no braces) holds when it renders exactly `True`. */
export function conditionEvaluator(templates: EngineTemplates): (condition: string, record: Readonly<Record<string, unknown>>) => boolean {
  return (condition, record) => evalCondition(condition, record, templates.mode);
}

/** `skip.when`: true → skip (native-types truthiness; any template error skips, as in Data Designer). */
export function skipEvaluator(templates: EngineTemplates, when: string): (record: Readonly<Record<string, unknown>>) => boolean {
  return (record) => evalSkipWhen(when, record, templates.mode);
}

/** schema_transform: the template rendered for one row into the output record. */
export function jsonTemplateRenderer(templates: EngineTemplates, template: Record<string, unknown>): (record: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  return (record) => renderJsonTemplate(template, record, { mode: templates.mode }) as Record<string, unknown>;
}
