/**
 * Column generators by kind: one entry per kind, each in its own file (samplers and seed columns are
 * generated together, not here). Adding a kind is that file plus one line in this table.
 */
import type { ColumnConfig, CustomColumn, EmbeddingColumn, ImageColumn, ExpressionColumn, LLMColumn, ValidationColumn } from '../../config/schema.js';
import { DdflowError } from '../../diagnostics.js';
import { columnKind } from '../columns.js';
import type { ColumnGenerator, GeneratorContext } from '../row-group.js';
import { CustomColumnGenerator } from './custom.js';
import { ExpressionGenerator } from './expression.js';
import { ImageColumnGenerator } from './image.js';
import { EmbeddingColumnGenerator, LlmColumnGenerator, type LlmGeneratorDeps } from './llm.js';
import { ValidationGenerator } from './validation.js';

type GeneratorFactory = (column: ColumnConfig, ctx: GeneratorContext, available: ReadonlySet<string>, llm: LlmGeneratorDeps | null) => ColumnGenerator;

/** A model-backed kind: refuses a stage without a model runtime with one sentence. */
function withModel(make: (column: ColumnConfig, ctx: GeneratorContext, llm: LlmGeneratorDeps) => ColumnGenerator): GeneratorFactory {
  return (column, ctx, _available, llm) => {
    if (!llm) throw new DdflowError(`Column '${column.name}' (${columnKind(column)}) needs a model, but no model runtime was configured for this stage.`);
    return make(column, ctx, llm);
  };
}

const llmColumn = withModel((column, ctx, llm) => new LlmColumnGenerator(column as LLMColumn, ctx, llm));

export const COLUMN_GENERATORS: Record<string, GeneratorFactory> = {
  expression: (column, ctx, available) => new ExpressionGenerator(column as ExpressionColumn, ctx, available),
  validation: (column, ctx, available) => new ValidationGenerator(column as ValidationColumn & { validator_params: Record<string, unknown> }, ctx, available),
  'llm-text': llmColumn,
  'llm-code': llmColumn,
  'llm-structured': llmColumn,
  'llm-judge': llmColumn,
  custom: (column, ctx, available, llm) => new CustomColumnGenerator(column as CustomColumn, ctx, available, llm?.models ?? null),
  image: withModel((column, ctx, llm) => new ImageColumnGenerator(column as ImageColumn, ctx, llm)),
  embedding: withModel((column, ctx, llm) => new EmbeddingColumnGenerator(column as EmbeddingColumn, ctx, llm)),
};

export function createGenerator(column: ColumnConfig, ctx: GeneratorContext, available: ReadonlySet<string>, llm: LlmGeneratorDeps | null): ColumnGenerator {
  const factory = COLUMN_GENERATORS[columnKind(column)];
  if (!factory) throw new DdflowError(`Column '${column.name}' has column_type '${column.column_type}', which ddflow's engine does not run yet.`);
  return factory(column, ctx, available, llm);
}
