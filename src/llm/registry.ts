/**
 * The models a run uses: for each alias its provider, client, inference parameters and the admission
 * controller of its (endpoint, model). Built once before any stage runs, for the aliases actually used,
 * so that a missing key variable or unknown provider is reported up front, not mid-stage.
 */
import { withSchemaDefaults } from '../config/defaults.js';
import { ChatCompletionInferenceParams, PROVIDER_TYPES } from '../config/schema.js';
import { anthropicChatClient, type ChatClientLike } from './anthropic.js';
import OpenAI from 'openai';
import { DdflowError } from '../diagnostics.js';
import { AdmissionController, admissionSettings } from './admission.js';
import { leanChatCreate, type ChatCreate } from './lean-chat.js';
import { displayEndpoint, mergeProviders, resolveApiKey } from './providers.js';
import { priceOf, type Price } from './pricing.js';
import type { ErrorContext } from './retry.js';
import type { InferenceParametersLike, ModelConfigLike, ModelProviderLike, RunConfigLike } from './types.js';

export type ModelKind = 'chat' | 'embedding' | 'image';

export interface ModelEndpoint {
  alias: string;
  model: string;
  provider: ModelProviderLike;
  kind: ModelKind;
  params: InferenceParametersLike;
  /** The openai client, or an adapter with the same call for a native provider (Anthropic). */
  client: ChatClientLike;
  /** Provider endpoint + model: the admission controller and budget are shared per identity. */
  identity: string;
  /**
   * What identifies the answers in the call store (the key does not): the identity, and the provider's
   * type and extra_headers when set — a header may select another model variant, which the fingerprint
   * already counts, so the store must not answer for it either.
   */
  answerIdentity: string;
  keyVariable: string | null;
  timeoutMs: number;
  /** Inference extra_body overlaid by the provider's. */
  extraBody: Record<string, unknown>;
  admission: AdmissionController;
  errorContext: ErrorContext;
  /** The model config's `skip_health_check`. */
  skipHealthCheck: boolean;
  /** Its token prices (the model config's `pricing`, else the built-in table), null when unknown. */
  price: Price | null;
}

export interface RegistryOptions {
  models: readonly ModelConfigLike[];
  providers?: readonly ModelProviderLike[];
  /** Aliases referenced by the columns that will run; default every model config. */
  usedAliases?: Iterable<string>;
  env?: NodeJS.ProcessEnv;
  runConfig?: RunConfigLike;
  /** When inference parameters give no timeout (Data Designer's client default: 60 s). */
  defaultTimeoutMs?: number;
}

export function modelKind(params: InferenceParametersLike | null | undefined): ModelKind {
  const t = params?.generation_type;
  if (t === 'image') return 'image';
  if (t === 'embedding' || (params && (params.encoding_format != null || params.dimensions != null))) return 'embedding';
  return 'chat';
}

export class ModelRegistry {
  private readonly endpoints: Map<string, ModelEndpoint>;
  constructor(endpoints: Map<string, ModelEndpoint>) {
    this.endpoints = endpoints;
  }
  get(alias: string): ModelEndpoint {
    const e = this.endpoints.get(alias);
    if (!e) throw new DdflowError(`No model config with alias '${alias}' found!`);
    return e;
  }
  aliases(): string[] {
    return [...this.endpoints.keys()];
  }
  list(): ModelEndpoint[] {
    return [...this.endpoints.values()];
  }
  /** One admission controller per (endpoint, model). */
  admissionControllers(): Map<string, AdmissionController> {
    return new Map([...this.endpoints.values()].map((e) => [e.identity, e.admission]));
  }
}

/**
 * The openai client with chat completions sent by lean-chat.ts (one node:http request: the hot path of every model
 * cell); embeddings, images, files and batches stay the client's own.
 */
function openaiCompatibleClient(client: OpenAI, create: ChatCreate): ChatClientLike & Pick<OpenAI, 'files' | 'batches'> {
  return { chat: { completions: { create } }, embeddings: client.embeddings, images: client.images, files: client.files, batches: client.batches };
}

export function buildModelRegistry(options: RegistryOptions): ModelRegistry {
  const providers = mergeProviders(options.providers ?? []);
  const byAlias = new Map(options.models.map((m) => [m.alias, m]));
  const used = options.usedAliases ? [...new Set(options.usedAliases)] : [...byAlias.keys()];
  const clients = new Map<string, { client: ChatClientLike; key: string | null }>();
  const admissions = new Map<string, AdmissionController>();
  const endpoints = new Map<string, ModelEndpoint>();

  for (const alias of used) {
    const config = byAlias.get(alias);
    if (!config) throw new DdflowError(`No model config with alias '${alias}' found!`);
    const provider = providers.get(config.provider);
    if (!provider) throw new DdflowError(`Model config '${alias}' names provider '${config.provider}', which is not registered.`);
    const providerType = (provider.provider_type ?? 'openai').toLowerCase();
    if (!(PROVIDER_TYPES as readonly string[]).includes(providerType)) {
      throw new DdflowError(
        `Provider type '${provider.provider_type}' for provider '${provider.name}' is not supported: change provider_type to one of ${PROVIDER_TYPES.map((t) => `'${t}'`).join(', ')} (most OpenAI-compatible endpoints — vLLM, TGI, NIM — work with provider_type 'openai').`,
      );
    }
    const params = config.inference_parameters ?? {};
    if (providerType === 'anthropic' && modelKind(params) !== 'chat') {
      throw new DdflowError(`Model config '${alias}' is an ${modelKind(params)} model, but provider '${provider.name}' is an Anthropic provider, which offers chat only: use an OpenAI-compatible provider for it.`);
    }
    let entry = clients.get(provider.name);
    if (!entry) {
      const key = resolveApiKey(provider, options.env ?? process.env);
      const client: ChatClientLike =
        providerType === 'anthropic'
          ? anthropicChatClient({ apiKey: key, baseURL: provider.endpoint, defaultHeaders: provider.extra_headers ?? {} })
          : openaiCompatibleClient(
              new OpenAI({
                // Without a key the client would fall back to OPENAI_API_KEY from the environment: give it a
                // placeholder and remove the Authorization header instead (Data Designer sends none).
                apiKey: key ?? 'no-key',
                baseURL: provider.endpoint.replace(/\/+$/, ''),
                maxRetries: 0,
                defaultHeaders: { ...(provider.extra_headers ?? {}), ...(key === null ? { Authorization: null } : {}) },
              }),
              leanChatCreate({ baseURL: provider.endpoint.replace(/\/+$/, ''), apiKey: key, defaultHeaders: provider.extra_headers ?? {} }),
            );
      entry = { client, key };
      clients.set(provider.name, entry);
    }
    const identity = `${provider.endpoint.replace(/\/+$/, '')}|${config.model}`;
    const maxParallel = withSchemaDefaults(ChatCompletionInferenceParams, params).max_parallel_requests!;
    let admission = admissions.get(identity);
    if (!admission) {
      admission = new AdmissionController(admissionSettings(maxParallel, options.runConfig?.request_admission));
      admissions.set(identity, admission);
    } else {
      admission.lowerCap(maxParallel);
    }
    endpoints.set(alias, {
      alias,
      model: config.model,
      provider,
      kind: modelKind(params),
      params,
      client: entry.client,
      identity,
      answerIdentity: answerIdentityOf(identity, providerType, provider.extra_headers),
      keyVariable: provider.api_key ?? null,
      timeoutMs: params.timeout != null ? params.timeout * 1000 : (options.defaultTimeoutMs ?? 60_000),
      extraBody: { ...(params.extra_body ?? {}), ...(provider.extra_body ?? {}) },
      admission,
      errorContext: { provider: provider.name, model: config.model, endpoint: displayEndpoint(provider.endpoint), keyVariable: provider.api_key ?? null, secret: entry.key },
      skipHealthCheck: config.skip_health_check === true,
      price: priceOf(config, provider),
    });
  }
  return new ModelRegistry(endpoints);
}

/**
 * The call store's identity of an endpoint's answers. An OpenAI-type provider without extra_headers keeps
 * the plain identity, so the stores of such workflows (nearly all) stay valid; headers in sorted order.
 */
export function answerIdentityOf(identity: string, providerType: string, headers: Readonly<Record<string, string>> | null | undefined): string {
  const sorted = Object.entries(headers ?? {}).sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const parts = [identity];
  if (providerType !== 'openai') parts.push(`type=${providerType}`);
  if (sorted.length > 0) parts.push(`headers=${JSON.stringify(sorted.map(([k, v]) => [k.toLowerCase(), v]))}`);
  return parts.join('|');
}
