/**
 * Judge score options keep the key types and order of the workflow file, as Data Designer's
 * `Score.options: dict[int | str, str]` does (packages/data-designer-config/src/data_designer/config/
 * column_configs.py) and as its judge factory turns them into an enum (packages/data-designer-engine/src/
 * data_designer/engine/column_generators/utils/judge_score_factory.py, tested in
 * packages/data-designer-engine/tests/engine/column_generators/utils/test_judge_score_factory.py).
 * Rubrics from docs/assets/recipes/code_generation/text_to_python.py (int keys 4..0) and
 * enterprise_text_to_sql.py (string keys "4".."1"), both written in descending order, and
 * fern/versions/latest/pages/devnotes/posts/structured-outputs-from-nemotron.mdx
 * (`options={3: "Excellent", 2: "Good", 1: "Fair", 0: "Poor"}`).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/diagnostics.js';
import { scoreOptionEntriesOf, typedScoreOptionsOf } from '../../src/config/score-options.js';
import { judgeResponseSchema } from '../../src/llm/parsers/judge.js';
import { judgeRecipe } from '../../src/llm/recipes.js';
import { loadWorkflow } from '../../src/workflow/load.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-scores-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const judgeStage = (options: string) => `name: t
model_configs:
  - {alias: judge, model: m, provider: nvidia}
stages:
  - name: s
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a]}}
        - name: review
          column_type: llm-judge
          model_alias: judge
          prompt: Judge {{ topic }}.
          scores:
            - name: quality
              description: How good?
              options:
${options}`;

async function judgeScore(files: Record<string, string>) {
  const wf = await loadWorkflow('wf.yaml', { cwd: workspace(files) });
  const review = wf.stages[0]!.config.columns.find((c) => c.name === 'review') as any;
  return { wf, score: review.scores[0], config: wf.stages[0]!.config };
}

const enumOf = (score: any) => (judgeResponseSchema([score]) as any).properties.quality.properties.score.enum;

describe('judge score option keys', () => {
  it('unquoted YAML integer keys are integers, in the written order; the config object stays Data Designer JSON form', async () => {
    const { score } = await judgeScore({
      'wf.yaml': judgeStage(`                4: Perfectly meets all specified requirements.
                3: Meets most requirements with minor deviations.
                2: Moderate deviation from the instructions.
                1: Significant deviations from the instructions.
                0: Does not adhere to the instructions.
`),
    });
    expect(enumOf(score)).toEqual([4, 3, 2, 1, 0]);
    expect(scoreOptionEntriesOf(score.options)[0]).toEqual([4, 'Perfectly meets all specified requirements.']);
    // What builder_config.json holds: Data Designer's model_dump(mode="json") writes the keys as strings.
    expect(JSON.parse(JSON.stringify(score.options))).toEqual({
      '0': 'Does not adhere to the instructions.',
      '1': 'Significant deviations from the instructions.',
      '2': 'Moderate deviation from the instructions.',
      '3': 'Meets most requirements with minor deviations.',
      '4': 'Perfectly meets all specified requirements.',
    });
    // A drifted answer becomes the option's own (int) value, as `_coerce_score_value` does.
    const parsed = judgeRecipe([score]).parse('```json\n{"quality": {"reasoning": "r", "score": "3"}}\n```') as any;
    expect(parsed.quality.score).toBe(3);
  });

  it("quoted keys (what Data Designer's write_config writes) stay strings, still in the written order", async () => {
    const { score } = await judgeScore({
      'wf.yaml': judgeStage(`                '4': Perfectly meets all requirements.
                '3': Meets most requirements with minor deviations.
                '2': Moderate deviation.
                '1': Significant deviations.
`),
    });
    expect(enumOf(score)).toEqual(['4', '3', '2', '1']);
    const parsed = judgeRecipe([score]).parse('```json\n{"quality": {"reasoning": "r", "score": 4}}\n```') as any;
    expect(parsed.quality.score).toBe('4');
  });

  it('keys of a JSON config file are strings (pydantic keeps a str key of dict[int | str, str] a str), in file order', async () => {
    const config = {
      columns: [
        { name: 'topic', column_type: 'sampler', sampler_type: 'category', params: { values: ['a'] } },
        {
          name: 'review',
          column_type: 'llm-judge',
          model_alias: 'judge',
          prompt: 'Judge {{ topic }}.',
          scores: [{ name: 'quality', description: 'How good?', options: { '5': 'Fantastic', '3': 'Needs improvement', '1': 'Terrible' } }],
        },
      ],
    };
    // JSON.stringify writes integer-like keys ascending; write the file in Data Designer's order by hand.
    const text = JSON.stringify({ data_designer: config }, null, 2).replace(
      /"options": \{[^}]*\}/,
      '"options": {"5": "Fantastic", "3": "Needs improvement", "1": "Terrible"}',
    );
    const { score } = await judgeScore({
      'wf.yaml': `name: t\nmodel_configs:\n  - {alias: judge, model: m, provider: nvidia}\nstages:\n  - {name: s, config: cfg.json}\n`,
      'cfg.json': text,
    });
    expect(enumOf(score)).toEqual(['5', '3', '1']);
  });

  it('a data_designer-wrapped YAML config file keeps its unquoted integer keys too', async () => {
    const { score } = await judgeScore({
      'wf.yaml': `name: t\nmodel_configs:\n  - {alias: judge, model: m, provider: nvidia}\nstages:\n  - {name: s, config: dd/config.yaml}\n`,
      'dd/config.yaml': `library_version: 0.5.0
data_designer:
  columns:
    - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a]}}
    - name: review
      column_type: llm-judge
      model_alias: judge
      prompt: Judge {{ topic }}.
      scores:
        - {name: quality, description: How good?, options: {3: Excellent, 2: Good, 1: Fair, 0: Poor}}
`,
    });
    expect(enumOf(score)).toEqual([3, 2, 1, 0]);
  });

  it('mixed keys keep each its own type', async () => {
    const { score, config } = await judgeScore({ 'wf.yaml': judgeStage(`                1: Poor\n                Good: Fine\n`) });
    expect(enumOf(score)).toEqual([1, 'Good']);
    const recipe = judgeRecipe([score]);
    expect((recipe.parse('```json\n{"quality": {"reasoning": "r", "score": "1"}}\n```') as any).quality.score).toBe(1);
    expect((recipe.parse('```json\n{"quality": {"reasoning": "r", "score": " good "}}\n```') as any).quality.score).toBe('Good');
    // The fingerprint sees the typed keys (1 and '1' produce different data).
    expect(typedScoreOptionsOf(config)).toEqual({ 'review/0': [[1, 'Poor'], ['Good', 'Fine']] });
  });

  it('plain string keys are left alone (no typed entries, fingerprint input unchanged)', async () => {
    const { score, config } = await judgeScore({ 'wf.yaml': judgeStage(`                Poor: Rude\n                Good: Polite\n`) });
    expect(enumOf(score)).toEqual(['Poor', 'Good']);
    expect(typedScoreOptionsOf(config)).toBeUndefined();
  });

  it('a fractional number key is an error at the key, with a sentence (Data Designer rejects 1.5 as a key)', async () => {
    const dir = workspace({ 'wf.yaml': judgeStage(`                1.5: Half\n                2: Good\n`) });
    const err = await loadWorkflow('wf.yaml', { cwd: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const d = (err as ValidationError).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("score option key 1.5 must be an integer or a string (Data Designer's options are dict[int | str, str]); quote it to use it as a string");
    expect(d[0]!.location).toMatchObject({ file: path.join(dir, 'wf.yaml'), line: 17, col: 17 });
  });
});
