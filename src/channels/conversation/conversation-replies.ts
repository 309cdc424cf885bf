import { remit } from '../../answer/index.js';

/** Short replies the conversation flow gives without the pipeline, the same words on every platform. */
export const conversationReplies = {
  help: `Ask me a question about working together under the member/officer protocols. ${remit} For example: “How quickly must an officer reply to a councillor’s email?”`,
  slowDown: 'You’re asking faster than I can keep up — please wait a minute and then ask again.',
} as const;
