/**
 * `image` columns (Data Designer's ImageCellGenerator): the prompt rendered per row, images asked of a
 * `generation_type: image` model (src/llm/images.ts picks the images API or chat completions), each
 * image written under the stage directory (`images/<column>/<uuid>.<ext>`, engine/media.ts) and the cell
 * holding the list of their relative paths. Cell by cell, in the row pipelines of the model columns.
 */
import type { ImageColumn } from '../../config/schema.js';
import { DdflowError } from '../../diagnostics.js';
import { contextBlocks } from '../../llm/multimodal.js';
import type { CompiledTemplate } from '../../template/environment.js';
import { columnStreams } from '../../shared/random.js';
import { saveImage, uuidFrom, withMediaData } from '../media.js';
import type { GeneratorContext, RowGroup } from '../row-group.js';
import { CellGenerator, type LlmGeneratorDeps } from './llm.js';

export class ImageColumnGenerator extends CellGenerator {
  readonly outputColumns: string[];
  private readonly prompt: CompiledTemplate;
  private readonly stream: ReturnType<typeof columnStreams>;
  private readonly stageDir: string;

  constructor(column: ImageColumn, ctx: GeneratorContext, deps: LlmGeneratorDeps) {
    super(column, ctx, deps);
    if (!deps.models.generateImage) throw new DdflowError(`Image column '${column.name}' needs a model runtime that generates images.`);
    if (!ctx.stageDir) throw new DdflowError(`Image column '${column.name}' needs a stage directory to write its images to.`);
    this.stageDir = ctx.stageDir;
    this.outputColumns = [column.name];
    this.prompt = ctx.templates.main.compile(column.prompt);
    this.stream = columnStreams(ctx.seed, ctx.stageName, column.name);
    this.dtypes.set(column.name, 'json');
  }

  async cell(group: RowGroup, i: number, signal: AbortSignal | undefined = this.ctx.signal): Promise<void> {
    const column = this.column as ImageColumn;
    const row = group.rows[i]!;
    const recordIndex = group.recordIndex[i]!;
    const prompt = this.prompt.render(row);
    if (!prompt.trim()) throw new DdflowError(`Rendered prompt for column '${column.name}' is empty`);
    const contexts = column.multi_modal_context ?? [];
    const result = await this.deps.models.generateImage!({
      alias: column.model_alias,
      prompt,
      ...(contexts.length ? { images: contextBlocks(contexts, await withMediaData(row, contexts, this.ctx.mediaRoots ?? []), column.name) } : {}),
      recordKey: recordIndex,
      column: column.name,
      signal,
      onNotice: this.deps.onNotice,
    });
    const ids = this.stream(recordIndex);
    const paths: string[] = [];
    for (const image of result.images) paths.push(await saveImage(this.stageDir, column.name, image, uuidFrom(ids)));
    row[column.name] = paths;
  }
}
