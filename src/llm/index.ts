/** The LLM layer's public surface (what the engine and the workflow runner use). */
export { AdmissionController, admissionSettings, type AdmissionSettings, type AdmissionStats } from './admission.js';
export { BUILTIN_MODEL_CONFIGS, builtinModelConfig } from '../config/builtin-models.js';
export { CallCache, callKey, type CallCacheStats } from './call-cache.js';
export { checkModelHealth, displayEndpoint, healthChecksDisabled, HEALTH_CHECK_TIMEOUT_MS, SKIP_HEALTH_CHECKS_ENV, type HealthCheckOptions, type HealthCheckResult } from './health.js';
export { LlmError, ParserError, isRetryableKind, type LlmErrorKind } from './errors.js';
export { LlmFacade, chatRequestBody, embeddingInputs, initialMessages, type ChatMessage, type EmbedRequest, type EmbedResult, type FacadeOptions, type GenerateRequest, type GenerateResult } from './facade.js';
export { contextBlocks, imageItems, imageUrl, type ImageContextLike, type ImageUrlBlock, type MediaBlock } from './multimodal.js';
export { EarlyShutdownMonitor, isTransientLoss, transientLossMessage, type CellOutcome } from './outcomes.js';
export { BUILTIN_PROVIDERS, isEnvVariableName, mergeProviders, resolveApiKey } from './providers.js';
export { codeRecipe, codeSyntax, composeUserPrompt, judgeRecipe, structuredRecipe, textRecipe, type ResponseRecipe } from './recipes.js';
export { ModelRegistry, buildModelRegistry, modelKind, type ModelEndpoint, type ModelKind, type RegistryOptions } from './registry.js';
export { DEFAULT_RETRY_POLICY, classifyError, retryAfterMs, retryPolicyFromEnv, withRetries, type RetryPolicy } from './retry.js';
export { drawParameter } from './sampling.js';
export { UsageMeter, type UsageEntry } from './usage.js';
export { BudgetExhaustedError, SpendBudget, type BudgetLimits } from './budget.js';
export { callCost, formatUsd, priceOf, tokenCost, type Price } from './pricing.js';
export type * from './types.js';
