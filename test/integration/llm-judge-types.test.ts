/**
 * Judge scores keep their type, end to end through the CLI against the fake OpenAI server.
 *
 * Data Designer: packages/data-designer-config/src/data_designer/config/column_configs.py (`Score.options:
 * dict[int | str, str]`), packages/data-designer-engine/src/data_designer/engine/column_generators/utils/
 * judge_score_factory.py (one enum member per option key, in the order written; `_coerce_score_value`
 * turns a drifted answer into the option's own value) and its test
 * packages/data-designer-engine/tests/engine/column_generators/utils/test_judge_score_factory.py
 * (`({1: ..., 2: ...}, "1", 1)`). The integer rubric below is the one of the Data Designer recipe
 * docs/assets/recipes/code_generation/text_to_python.py (`options={4: ..., 3: ..., ..., 0: ...}`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openDatabase } from '../../src/data/database.js';
import { generationRequests, messageText, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET } from './llm-helpers.js';

// The answer per topic: some as the model drifts (a string "4" for an int option, " good " for "Good").
const ANSWERS: Record<string, { quality: unknown; tone: unknown }> = {
  alpha: { quality: '4', tone: ' good ' },
  beta: { quality: 3, tone: 'Poor' },
  gamma: { quality: 2.0, tone: 'Good' },
  delta: { quality: 0, tone: 'poor' },
};
const EXPECTED: Record<string, { quality: number; tone: string }> = {
  alpha: { quality: 4, tone: 'Good' },
  beta: { quality: 3, tone: 'Poor' },
  gamma: { quality: 2, tone: 'Good' },
  delta: { quality: 0, tone: 'Poor' },
};

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({
    seed: 3,
    respond: (body) => {
      const user = body.messages.find((m) => m.role === 'user');
      const topic = /Judge the (\w+) reply/.exec(user ? messageText(user) : '')?.[1];
      if (!topic) return undefined;
      const a = ANSWERS[topic]!;
      const json = `{"quality": {"reasoning": "r", "score": ${JSON.stringify(a.quality)}}, "tone": {"reasoning": "r", "score": ${JSON.stringify(a.tone)}}}`;
      return '```json\n' + json.replace('"score": 2', '"score": 2.0') + '\n```';
    },
  });
});
afterAll(async () => {
  await server.close();
});

const WORKFLOW = (url: string) => `name: judge-types
seed: 5
model_providers:
  - {name: local, endpoint: ${url}, api_key: ${KEY_VAR}}
model_configs:
  - {alias: judge, model: fake/judge, provider: local}
stages:
  - name: judged
    num_records: 16
    config:
      columns:
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [alpha, beta, gamma, delta]}
        - name: review
          column_type: llm-judge
          model_alias: judge
          prompt: Judge the {{ topic }} reply.
          scores:
            - name: quality
              description: Does the code follow the instructions?
              options:
                4: Perfectly meets all specified requirements.
                3: Meets most requirements with minor deviations.
                2: Moderate deviation from the instructions.
                1: Significant deviations from the instructions.
                0: Does not adhere to the instructions.
            - name: tone
              description: Is the reply polite?
              options: {Poor: Rude, Good: Polite}
        - name: next_score
          column_type: expression
          expr: "{{ review.quality.score + 1 }}"
          dtype: int
        - name: passes
          column_type: expression
          expr: "{{ review.quality.score >= 3 }}"
          dtype: bool
  - name: keep
    config:
      processors:
        - name: good
          processor_type: sql
          query: SELECT topic, review, next_score, passes FROM dataset WHERE review.quality.score >= 3
    allow_empty: true
`;

describe('judge score types', () => {
  it('integer option keys give an integer enum, integer scores, int arithmetic, SQL filters and a numeric export; string keys stay strings', async () => {
    const work = await tempDir('ddflow-judge-types-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW(server.url));
    const out = path.join(work, 'out.jsonl');
    const artifacts = path.join(work, 'artifacts');
    let stderr = '';
    const code = await main(['run', file, '--artifact-path', artifacts, '--export', out], {
      cwd: work,
      env: { ...process.env, CI: 'true', [KEY_VAR]: SECRET },
      stdout: () => {},
      stderr: (t) => void (stderr += t),
    });
    expect(code, stderr).toBe(0);

    // The schema in the prompt: the int enum in the written order, Data Designer's description lines.
    const judged = generationRequests(server).filter((r) => /Judge the/.test(messageText(r.body.messages.at(-1))));
    expect(judged).toHaveLength(16);
    const prompt = messageText(judged[0]!.body.messages.at(-1));
    const schema = JSON.parse(/<response_schema>\n([\s\S]*?)\n<\/response_schema>/.exec(prompt)![1]!);
    expect(schema.properties.quality.properties.score.enum).toEqual([4, 3, 2, 1, 0]);
    expect(schema.properties.quality.properties.score.description).toBe(
      'Score Descriptions for qualityEnum:\n* 4: Perfectly meets all specified requirements.\n* 3: Meets most requirements with minor deviations.\n' +
        '* 2: Moderate deviation from the instructions.\n* 1: Significant deviations from the instructions.\n* 0: Does not adhere to the instructions.',
    );
    expect(schema.properties.tone.properties.score.enum).toEqual(['Poor', 'Good']);

    // The stage's parquet: the score inside the judge's JSON is a JSON integer; the tone a string.
    const db = await openDatabase();
    let stageRows: any[];
    try {
      const glob = path.join(artifacts, 'judge-types', 'stage-0-judged', 'parquet-files', '*.parquet');
      stageRows = await db.all(
        `SELECT topic, json_type(review->'$.quality.score') AS qt, json_type(review->'$.tone.score') AS tt, next_score, passes FROM read_parquet('${glob}')`,
      );
      const types = await db.all(`SELECT column_name, column_type FROM (DESCRIBE SELECT next_score, passes FROM read_parquet('${glob}'))`);
      expect(Object.fromEntries(types.map((t: any) => [t.column_name, t.column_type]))).toEqual({ next_score: 'BIGINT', passes: 'BOOLEAN' });
    } finally {
      db.close();
    }
    expect(stageRows).toHaveLength(16);
    for (const r of stageRows) {
      expect(r.qt).toBe('UBIGINT');
      expect(r.tt).toBe('VARCHAR');
      // An int, so + 1 is arithmetic (a string "4" + 1 would render "41").
      expect(Number(r.next_score)).toBe(EXPECTED[r.topic]!.quality + 1);
      expect(r.passes).toBe(EXPECTED[r.topic]!.quality >= 3);
    }

    // The sql processor filtered on the integer; the export holds numbers, not quoted digits.
    const text = await fs.readFile(out, 'utf8');
    const rows = text.trim().split('\n').map((l) => JSON.parse(l));
    const expectedKept = stageRows.filter((r) => EXPECTED[r.topic]!.quality >= 3).length;
    expect(expectedKept).toBeGreaterThan(0);
    expect(rows).toHaveLength(expectedKept);
    for (const row of rows) {
      const review = typeof row.review === 'string' ? JSON.parse(row.review) : row.review;
      expect(review.quality.score).toBe(EXPECTED[row.topic]!.quality);
      expect(review.tone.score).toBe(EXPECTED[row.topic]!.tone);
    }
    expect(text).not.toMatch(/"score":\s*"\d/);
  });
});
