import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import { type Config, chatModelConfigured } from '../config.js';

/** Sent as the key to OpenAI-compatible servers that need none (a local Ollama or vLLM). */
const PLACEHOLDER_API_KEY = 'not-needed';

/**
 * The configured chat model, or null when none is configured. OPENAI_MODEL (with OPENAI_API_KEY and/or
 * OPENAI_BASE_URL) gives a ChatOpenAI for OpenAI or any compatible server; otherwise the AZURE_OPENAI_* settings give
 * an AzureChatOpenAI. LangChain's own retries are off (`maxRetries: 0`): `callWithRetry` is the only retry, so the
 * deadline holds. Temperature is left to the server's default, because some models reject any other value.
 */
export function createChatModel(config: Config): BaseChatModel | null {
  if (!chatModelConfigured(config)) return null;
  if (config.OPENAI_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) {
    return new ChatOpenAI({
      model: config.OPENAI_MODEL,
      apiKey: config.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY,
      configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {},
      timeout: config.OPENAI_TIMEOUT_MS,
      maxRetries: 0,
    });
  }
  return new AzureChatOpenAI({
    azureOpenAIApiKey: config.AZURE_OPENAI_API_KEY,
    // LangChain appends `/openai/deployments/…` to the endpoint as given; the documented form ends in a slash.
    azureOpenAIEndpoint: config.AZURE_OPENAI_ENDPOINT?.replace(/\/+$/, ''),
    azureOpenAIApiDeploymentName: config.AZURE_OPENAI_DEPLOYMENT,
    azureOpenAIApiVersion: config.AZURE_OPENAI_API_VERSION,
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: 0,
  });
}
