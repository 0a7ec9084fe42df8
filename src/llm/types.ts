/**
 * The config shapes this layer reads, taken from `src/config/schema.ts` (the one source of truth).
 * Only views are defined here: inference parameters flattened over their chat/embedding variants (so one
 * record can be read without narrowing), and judge scores that may also carry typed option keys.
 */
import type { Static } from '@sinclair/typebox';
import type {
  ChatCompletionInferenceParams,
  Distribution,
  EmbeddingInferenceParams,
  JudgeScore,
  ModelConfig,
  ModelProvider,
  RequestAdmission,
  RunConfig,
} from '../config/schema.js';

export type DistributionLike = Distribution;
export type ParamValueLike = number | DistributionLike;

type ChatParams = Static<typeof ChatCompletionInferenceParams>;
type EmbeddingParams = Static<typeof EmbeddingInferenceParams>;
export type InferenceParametersLike = Partial<Omit<ChatParams, 'generation_type'>> &
  Partial<Omit<EmbeddingParams, 'generation_type'>> & { generation_type?: string | null };

export type ModelConfigLike = Omit<ModelConfig, 'inference_parameters'> & { inference_parameters?: InferenceParametersLike | null };
export type ModelProviderLike = ModelProvider;
export type RequestAdmissionLike = RequestAdmission;
export type RunConfigLike = Partial<RunConfig>;

/**
 * A judge score. YAML integer option keys (`1: bad`) become strings in a JS object (and integer-like keys
 * are iterated in ascending order); pass an entry list with number keys to keep Data Designer's
 * int-valued enums and the written order.
 */
export type ScoreLike = Omit<JudgeScore, 'options'> & { options: JudgeScore['options'] | Array<[string | number, string]> };

export type TraceMode = 'none' | 'last_message' | 'all_messages';
