/**
 * Facts about column configs that several engine parts need: the canonical (kebab-case) kind, the
 * columns a column reads (`required_columns`) and the extra columns it produces (`side_effect_columns`),
 * as Data Designer's column config classes define them.
 */
import type { ColumnConfig, ColumnType, CustomColumn, ImageColumn, LLMColumn } from '../config/schema.js';
import { templateReads } from '../template/ast.js';

/** `llm_text` and `llm-text` are the same kind. */
export function columnKind(column: ColumnConfig): ColumnType {
  return column.column_type.replace(/_/g, '-') as ColumnType;
}

const LLM_KINDS = new Set<ColumnType>(['llm-text', 'llm-code', 'llm-structured', 'llm-judge']);
export function isLlmColumn(column: ColumnConfig): column is LLMColumn {
  return LLM_KINDS.has(columnKind(column));
}

export function sideEffectColumns(column: ColumnConfig): string[] {
  if (column.column_type === 'custom') return [...(column.custom_column_metadata?.side_effect_columns ?? [])];
  if (!isLlmColumn(column)) return [];
  const out: string[] = [];
  if (column.with_trace && column.with_trace !== 'none') out.push(`${column.name}__trace`);
  if (column.extract_reasoning_content) out.push(`${column.name}__reasoning_content`);
  return out;
}

/**
 * Names a column's templates and fields read (without the skip gate), for ordering and skip propagation:
 * Jinja globals included, since a column named `range` shadows the global; callers keep only names some
 * column produces.
 */
export function requiredColumns(column: ColumnConfig): string[] {
  const names = new Set<string>();
  if (isLlmColumn(column)) {
    for (const v of templateReads(column.prompt)) names.add(v);
    if (column.system_prompt) for (const v of templateReads(column.system_prompt)) names.add(v);
    for (const m of column.multi_modal_context ?? []) names.add(m.column_name);
  } else {
    switch (columnKind(column)) {
      case 'expression':
        for (const v of templateReads((column as { expr: string }).expr)) names.add(v);
        break;
      case 'validation':
        for (const t of (column as { target_columns: string[] }).target_columns) names.add(t);
        break;
      case 'embedding':
        names.add((column as { target_column: string }).target_column);
        break;
      case 'image': {
        const image = column as ImageColumn;
        for (const v of templateReads(image.prompt)) names.add(v);
        for (const m of image.multi_modal_context ?? []) names.add(m.column_name);
        break;
      }
      case 'custom':
        for (const r of (column as CustomColumn).custom_column_metadata?.required_columns ?? []) names.add(r);
        break;
      default:
        break;
    }
  }
  names.delete(column.name);
  return [...names];
}

/** The names `skip.when` reads. */
export function skipColumns(column: ColumnConfig): string[] {
  const when = column.skip?.when;
  return when ? [...templateReads(when)] : [];
}
