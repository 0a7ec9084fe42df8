/**
 * Narrow views of the config shapes this layer reads.
 *
 * `src/config/schema.ts` is the one source of truth for config shapes; until it exists these `...Like`
 * interfaces name only the fields the LLM layer needs, so that switching to the real types is a
 * type-only change (the real types are structurally wider).
 */

export interface UniformDistributionLike {
  distribution_type: 'uniform';
  params: { low: number; high: number };
}
export interface ManualDistributionLike {
  distribution_type: 'manual';
  params: { values: number[]; weights?: number[] | null };
}
export type DistributionLike = UniformDistributionLike | ManualDistributionLike;
export type ParamValueLike = number | DistributionLike;

export interface InferenceParametersLike {
  generation_type?: 'chat-completion' | 'chat_completion' | 'embedding' | 'image' | string;
  temperature?: ParamValueLike | null;
  top_p?: ParamValueLike | null;
  max_tokens?: number | null;
  max_parallel_requests?: number;
  /** Seconds. Data Designer's client default is 60 s. */
  timeout?: number | null;
  extra_body?: Record<string, unknown> | null;
  encoding_format?: 'float' | 'base64' | null;
  dimensions?: number | null;
}

export interface ModelConfigLike {
  alias: string;
  model: string;
  provider: string;
  inference_parameters?: InferenceParametersLike | null;
  skip_health_check?: boolean;
}

export interface ModelProviderLike {
  name: string;
  endpoint: string;
  provider_type?: string;
  /** ddflow rule: the NAME of an environment variable holding the key, never the key itself. */
  api_key?: string | null;
  extra_body?: Record<string, unknown> | null;
  extra_headers?: Record<string, string> | null;
}

export interface RequestAdmissionLike {
  multiplicative_decrease_factor?: number;
  additive_increase_step?: number;
  successes_until_increase?: number;
  cooldown_seconds?: number;
  startup_ramp_seconds?: number;
}

export interface RunConfigLike {
  disable_early_shutdown?: boolean;
  shutdown_error_rate?: number;
  shutdown_error_window?: number;
  max_conversation_restarts?: number;
  max_conversation_correction_steps?: number;
  request_admission?: RequestAdmissionLike | null;
}

export interface ScoreLike {
  name: string;
  description: string;
  /**
   * Option key → description. YAML integer keys (`1: bad`) become strings in a JS object; pass an entry
   * list with number keys to keep Data Designer's int-valued enums.
   */
  options: Record<string, string> | Array<[string | number, string]>;
}

export type TraceMode = 'none' | 'last_message' | 'all_messages';
