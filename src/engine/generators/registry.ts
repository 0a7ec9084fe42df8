/** Column generators by kind (samplers and seed columns are generated together, not here). */
import type { ColumnConfig, EmbeddingColumn, ExpressionColumn, LLMColumn, ValidationColumn } from '../../config/schema.js';
import { DdflowError } from '../../diagnostics.js';
import { columnKind, isLlmColumn } from '../columns.js';
import type { ColumnGenerator, GeneratorContext } from '../row-group.js';
import { ExpressionGenerator } from './expression.js';
import { EmbeddingColumnGenerator, LlmColumnGenerator, type LlmGeneratorDeps } from './llm.js';
import { ValidationGenerator } from './validation.js';

export function createGenerator(column: ColumnConfig, ctx: GeneratorContext, available: ReadonlySet<string>, llm: LlmGeneratorDeps | null): ColumnGenerator {
  const kind = columnKind(column);
  if (kind === 'expression') return new ExpressionGenerator(column as ExpressionColumn, ctx, available);
  if (kind === 'validation') return new ValidationGenerator(column as ValidationColumn & { validator_params: Record<string, unknown> }, ctx, available);
  if (isLlmColumn(column) || kind === 'embedding') {
    if (!llm) throw new DdflowError(`Column '${column.name}' (${kind}) needs a model, but no model runtime was configured for this stage.`);
    return isLlmColumn(column) ? new LlmColumnGenerator(column as LLMColumn, ctx, llm) : new EmbeddingColumnGenerator(column as EmbeddingColumn, ctx, llm);
  }
  throw new DdflowError(`Column '${column.name}' has column_type '${column.column_type}', which ddflow's engine does not run yet.`);
}
