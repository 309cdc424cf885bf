// The optional chat model (LangChain): generative composer and condenser. Loaded only when a model is configured.
// The folder's public surface.

export { createGenerativeParts } from './generative-parts.js';
