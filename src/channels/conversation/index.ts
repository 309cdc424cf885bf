// The one conversation flow every chat platform uses, its durable inbox, and the ChatPlatform contract.
// The folder's public surface: code outside it imports from here, never from its files.

export type { ChatPlatform, ChatPlatformFactory, PlatformPorts, PlatformRoutes } from './chat-platform.js';
export { createConversationFlow } from './conversation-flow.js';
export type { ReadyTurn } from './conversation-inbox.js';
export { ConversationInbox } from './conversation-inbox.js';
export { conversationReplies } from './conversation-replies.js';
export type { IncomingQuestion, Responder } from './conversation-turn.js';
export { threadKey } from './follow-up-memory.js';
