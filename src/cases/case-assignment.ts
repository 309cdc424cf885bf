import type { HandoffRequest } from '../answer/index.js';
import type { Config } from '../config.js';
import type { CaseRecord } from './case-types.js';

/** Who a new case goes to. */
export interface Assignment {
  assignee: string;
  assigneeRole: CaseRecord['assigneeRole'];
}

/**
 * The deputy takes a case when the Monitoring Officer is its subject (they cannot judge their own conduct) or is
 * marked absent (MONITORING_OFFICER_ABSENT); otherwise the Monitoring Officer does.
 */
export function chooseAssignee(
  config: Pick<
    Config,
    'MONITORING_OFFICER_NAME' | 'DEPUTY_MONITORING_OFFICER_NAME' | 'MONITORING_OFFICER_ABSENT'
  >,
  request: Pick<HandoffRequest, 'concernsMonitoringOfficer'>,
): Assignment {
  if (request.concernsMonitoringOfficer || config.MONITORING_OFFICER_ABSENT) {
    return { assignee: config.DEPUTY_MONITORING_OFFICER_NAME, assigneeRole: 'deputy' };
  }
  return { assignee: config.MONITORING_OFFICER_NAME, assigneeRole: 'monitoring_officer' };
}
