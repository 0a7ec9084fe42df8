import { afterEach, describe, expect, it } from 'vitest';
import { inputsFrom, readInputs } from '../../src/action/inputs.js';
import { DdflowError } from '../../src/diagnostics.js';

function errorOf(values: Record<string, string>): string {
  try {
    inputsFrom(values);
  } catch (err) {
    expect(err).toBeInstanceOf(DdflowError);
    return (err as Error).message;
  }
  throw new Error('expected the inputs to be rejected');
}

describe('readInputs', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  });

  it('fills the documented defaults', () => {
    expect(inputsFrom({ workflow: 'wf.yaml' })).toEqual({
      workflow: 'wf.yaml',
      command: 'run',
      resume: 'if_possible',
      targets: [],
      rerunFrom: undefined,
      overrides: [],
      numRecords: undefined,
      seed: undefined,
      artifactPath: undefined,
      workingDirectory: undefined,
      cache: true,
      cacheSave: true,
      cacheKeyPrefix: 'ddflow',
      upload: 'final',
      artifactName: undefined,
      retentionDays: undefined,
      exportFormat: 'jsonl',
      ifNoFilesFound: 'warn',
      githubToken: undefined,
      comment: 'auto',
      batch: false,
    });
  });

  it('reads every input the way a runner passes them (INPUT_* variables)', () => {
    Object.assign(process.env, {
      INPUT_WORKFLOW: ' flows/qa.yaml ',
      INPUT_COMMAND: 'preview',
      INPUT_RESUME: 'if-possible',
      INPUT_TARGETS: 'topics, answers\njudge',
      'INPUT_RERUN-FROM': 'answers',
      INPUT_OVERRIDES: '# reviewed\ntopics=review/topics.parquet\n\n answers = review/a b.parquet \n',
      'INPUT_NUM-RECORDS': '25',
      INPUT_SEED: '0',
      'INPUT_ARTIFACT-PATH': 'out',
      'INPUT_WORKING-DIRECTORY': 'data',
      INPUT_CACHE: 'false',
      'INPUT_CACHE-KEY-PREFIX': 'nightly',
      INPUT_UPLOAD: 'all',
      'INPUT_ARTIFACT-NAME': 'qa',
      'INPUT_RETENTION-DAYS': '7',
      'INPUT_EXPORT-FORMAT': 'parquet',
      'INPUT_IF-NO-FILES-FOUND': 'error',
      'INPUT_GITHUB-TOKEN': ' ghs_token ',
      INPUT_COMMENT: 'Never',
      INPUT_BATCH: 'FALSE',
    });
    expect(readInputs()).toEqual({
      workflow: 'flows/qa.yaml',
      command: 'preview',
      resume: 'if_possible',
      targets: ['topics', 'answers', 'judge'],
      rerunFrom: 'answers',
      overrides: [
        { stage: 'topics', path: 'review/topics.parquet' },
        { stage: 'answers', path: 'review/a b.parquet' },
      ],
      numRecords: 25,
      seed: 0,
      artifactPath: 'out',
      workingDirectory: 'data',
      cache: false,
      cacheSave: false,
      cacheKeyPrefix: 'nightly',
      upload: 'all',
      artifactName: 'qa',
      retentionDays: 7,
      exportFormat: 'parquet',
      ifNoFilesFound: 'error',
      githubToken: 'ghs_token',
      comment: 'never',
      batch: false,
    });
  });

  it.each([
    ['true', { cache: true, cacheSave: true }],
    ['False', { cache: false, cacheSave: false }],
    ['read-only', { cache: true, cacheSave: false }],
    ['Read_Only', { cache: true, cacheSave: false }],
  ])('cache: %s restores and saves as %j', (value, expected) => {
    expect(inputsFrom({ workflow: 'wf.yaml', cache: value })).toMatchObject(expected);
  });

  it('command shards reads the stage and the shard count', () => {
    expect(inputsFrom({ workflow: 'wf.yaml', command: 'shards', stage: 'answers', 'shard-count': '8' })).toMatchObject({ command: 'shards', stage: 'answers', shardCount: 8 });
  });

  it.each([
    ['pull_request', '', { cache: true, cacheSave: false }],
    ['pull_request_target', '', { cache: true, cacheSave: false }],
    ['pull_request', 'true', { cache: true, cacheSave: true }],
    ['pull_request', 'false', { cache: false, cacheSave: false }],
    ['push', '', { cache: true, cacheSave: true }],
  ])('on a %s event, cache "%s" restores and saves as %j (read-only on pull requests unless `cache: true` is explicit)', (event, value, expected) => {
    expect(inputsFrom({ workflow: 'wf.yaml', cache: value }, event)).toMatchObject(expected);
  });

  it.each([
    [{}, 'The input "workflow" is required: give the path of the workflow file.'],
    [{ command: 'go' }, 'The input "command" must be run, plan, preview, validate, merge or shards, not "go".'],
    [{ command: 'shards', 'shard-count': '4' }, 'The input "stage" is required with command shards: name the stage to shard.'],
    [{ command: 'shards', stage: 's', 'shard-count': 'four' }, 'The input "shard-count" is required with command shards and must be a whole number, not "four".'],
    [{ 'shard-count': '4' }, 'The input "shard-count" is for command shards, not run.'],
    [{ resume: 'sometimes' }, 'The input "resume" must be never, if_possible or always, not "sometimes".'],
    [{ upload: 'everything' }, 'The input "upload" must be final, stages, all or none, not "everything".'],
    [{ 'export-format': 'xlsx' }, 'The input "export-format" must be jsonl, csv or parquet, not "xlsx".'],
    [{ 'if-no-files-found': 'fail' }, 'The input "if-no-files-found" must be warn, error or ignore, not "fail".'],
    [{ 'num-records': '0' }, 'The input "num-records" must be from 1 to 100000000, not 0.'],
    [{ 'num-records': '1000000000000' }, 'The input "num-records" must be from 1 to 100000000, not 1000000000000.'],
    [{ 'num-records': '1e3' }, 'The input "num-records" must be a whole number, not "1e3".'],
    [{ seed: '-1' }, 'The input "seed" must be at least 0, not -1.'],
    [{ 'retention-days': '91' }, 'The input "retention-days" must be from 1 to 90, not 91.'],
    [{ cache: 'yes' }, 'The input "cache" must be true, false or read-only, not "yes".'],
    [{ cache: 'write-only' }, 'The input "cache" must be true, false or read-only, not "write-only".'],
    [{ comment: 'sometimes' }, 'The input "comment" must be auto, always or never, not "sometimes".'],
    [{ batch: 'yes' }, 'The input "batch" must be true or false, not "yes".'],
    [{ batch: 'true', cache: 'read-only' }, 'The input "batch" needs cache: true, because the batch ids and their answers are kept in the Actions cache for the next run.'],
    [{ batch: 'true', cache: 'false' }, 'The input "batch" needs cache: true, because the batch ids and their answers are kept in the Actions cache for the next run.'],
    [{ 'cache-key-prefix': 'a,b' }, 'The input "cache-key-prefix" cannot contain commas.'],
    [{ overrides: 'topics' }, 'The input "overrides" needs one "stage=path" a line, not "topics".'],
    [{ overrides: 'a=x\na=y' }, 'The input "overrides" names the stage "a" twice.'],
    [{ 'rerun-from': 's', resume: 'never' }, 'The input "rerun-from" needs resume to be if_possible or always, because resume never reruns everything anyway.'],
  ])('rejects %j with one sentence naming the input', (values, message) => {
    const withWorkflow = 'workflow' in values || Object.keys(values).length === 0 ? values : { workflow: 'wf.yaml', ...values };
    expect(errorOf(withWorkflow as Record<string, string>)).toBe(message);
  });
});
