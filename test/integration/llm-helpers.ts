/** Workflow files for the LLM integration tests: one provider `local` pointing at a fake server. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const KEY_VAR = 'DDFLOW_TEST_LLM_KEY';
/** A distinctive key value: the secrets test greps every output for it. */
export const SECRET = 'sk-test-SECRET-1234567890';

export interface WorkflowSpec {
  url: string;
  /** YAML of the `columns:` list of the (last) stage, indented by 8 spaces. */
  columns: string;
  numRecords: number;
  bufferSize?: number;
  parallel?: number;
  /** Extra `run_config` lines (indented by 2 after the first). */
  runConfig?: string;
  keyVar?: string;
  /** Adds a first stage with samplers only; the model columns run in a second stage. */
  firstStageWithoutModels?: boolean;
  /** Extra inference parameters of both models, as a YAML flow mapping body (e.g. `timeout: 1`). */
  modelParams?: string;
  name?: string;
}

export function workflowYaml(spec: WorkflowSpec): string {
  const params = [`max_parallel_requests: ${spec.parallel ?? 4}`, spec.modelParams].filter(Boolean).join(', ');
  const first = spec.firstStageWithoutModels
    ? `
  - name: base
    num_records: ${spec.numRecords}
    config:
      columns:
        - name: base_id
          column_type: sampler
          sampler_type: uuid
          params: {}
`
    : '';
  return `name: ${spec.name ?? 'llm-e2e'}
seed: 11
model_providers:
  - name: local
    endpoint: ${spec.url}
    api_key: ${spec.keyVar ?? KEY_VAR}
model_configs:
  - alias: chat
    model: fake/chat-1
    provider: local
    inference_parameters: {${params}}
  - alias: emb
    model: fake/embed-1
    provider: local
    inference_parameters: {${['generation_type: embedding', 'max_parallel_requests: 4', spec.modelParams].filter(Boolean).join(', ')}}
run_config:
  buffer_size: ${spec.bufferSize ?? 100}
${spec.runConfig ? `  ${spec.runConfig}\n` : ''}stages:${first}
  - name: gen
    num_records: ${spec.numRecords}
    config:
      columns:${spec.columns}`;
}

export async function writeWorkflow(dir: string, yaml: string): Promise<string> {
  const file = path.join(dir, 'workflow.yml');
  // Artifacts inside the test's directory.
  await fs.writeFile(file, yaml.replace(/^seed: (\d+)$/m, `seed: $1\nartifact_path: ${JSON.stringify(path.join(dir, 'artifacts'))}`));
  return file;
}
