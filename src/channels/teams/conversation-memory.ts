import { BoundedMap } from './bounded-map.js';

/** Questions kept per conversation for follow-ups. */
const QUESTIONS_PER_CONVERSATION = 5;
/** Conversations (or reply chains) remembered at once. */
const CONVERSATIONS = 5_000;

/**
 * Recent questions per conversation id (a Teams channel reply chain has its own id, `…;messageid=…`), oldest
 * first, so a follow-up such as "and for councillors?" can be read with the question before it. Memory only: a
 * restart forgets it, which costs one follow-up at worst.
 */
export class ConversationMemory {
  private readonly questions = new BoundedMap<string, string[]>(CONVERSATIONS);

  /** Earlier questions in this conversation, oldest first. */
  history(conversationId: string): string[] {
    return [...(this.questions.get(conversationId) ?? [])];
  }

  /** Remembers a question asked in this conversation. */
  remember(conversationId: string, question: string): void {
    const recent = [...this.history(conversationId), question].slice(-QUESTIONS_PER_CONVERSATION);
    this.questions.set(conversationId, recent);
  }
}
