import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../../config.js';

/** An embeddings client chosen from the configuration, with the identity that keys the persisted index. */
export interface RemoteEmbedder {
  embeddings: Embeddings;
  /** Provider, model or deployment, and endpoint: vectors from different identities never share an index. */
  identity: string;
}

/** Texts per embeddings request. */
export const remoteBatchSize = 128;

/** True when an embedding model (OpenAI-compatible or Azure) is configured; a chat model alone does not count. */
export function remoteEmbeddingsConfigured(config: Config): boolean {
  return Boolean(
    (config.OPENAI_EMBEDDING_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) ||
      (config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT &&
        config.AZURE_OPENAI_ENDPOINT &&
        config.AZURE_OPENAI_API_KEY),
  );
}

/**
 * `OpenAIEmbeddings` (any OpenAI-compatible `/v1/embeddings`) or `AzureOpenAIEmbeddings` when configured, else null.
 * `@langchain/openai` is imported only then, so the offline path never loads it.
 */
export async function createRemoteEmbeddings(config: Config): Promise<RemoteEmbedder | null> {
  if (!remoteEmbeddingsConfigured(config)) return null;
  const { OpenAIEmbeddings, AzureOpenAIEmbeddings } = await import('@langchain/openai');
  if (config.OPENAI_EMBEDDING_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) {
    const endpoint = config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
    return {
      embeddings: new OpenAIEmbeddings({
        model: config.OPENAI_EMBEDDING_MODEL,
        // A local OpenAI-compatible server (Ollama, vLLM) needs no key, but the client insists on one.
        apiKey: config.OPENAI_API_KEY ?? 'not-needed',
        configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {},
        timeout: config.OPENAI_TIMEOUT_MS,
        maxRetries: config.OPENAI_MAX_RETRIES,
        batchSize: remoteBatchSize,
      }),
      identity: `openai:${config.OPENAI_EMBEDDING_MODEL}@${endpoint}`,
    };
  }
  const endpoint = config.AZURE_OPENAI_ENDPOINT?.replace(/\/+$/, '');
  return {
    embeddings: new AzureOpenAIEmbeddings({
      azureOpenAIApiKey: config.AZURE_OPENAI_API_KEY,
      // AzureOpenAIEmbeddings (1.5.8) ignores `azureOpenAIEndpoint`; the base path form reaches the same URL.
      azureOpenAIBasePath: `${endpoint}/openai/deployments`,
      azureOpenAIApiDeploymentName: config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT,
      azureOpenAIApiVersion: config.AZURE_OPENAI_API_VERSION,
      timeout: config.OPENAI_TIMEOUT_MS,
      maxRetries: config.OPENAI_MAX_RETRIES,
      // Older Azure embedding deployments accept at most 16 inputs per request.
      batchSize: 16,
    }),
    identity: `azure:${config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT}@${endpoint}`,
  };
}
