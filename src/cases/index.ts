// Cases for the Monitoring Officer, the durable inbox, notices (outbox), the question log and the annual report.
// The folder's public surface: code outside it imports from here, never from its files.

export type { AnnualReport } from './annual-report.js';
export type {
  Actor,
  AnsweredQuestion,
  CaseEvent,
  CaseRecord,
  CaseService,
  Notice,
  NoticeDeliverer,
  NoticeOutbox,
  QuestionLog,
  RegistrationStore,
  StoredRegistration,
} from './case-types.js';
export type { DatabaseHealth, DatabaseKind } from './handoff-stores.js';
export type { InboxEntry, InboxItem, InboxLease, InboxStore } from './inbox-store.js';
export type { HandoffRuntime } from './open-handoff.js';
export { openHandoff } from './open-handoff.js';
