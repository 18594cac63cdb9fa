/**
 * Who may do what to a hand-entered value, and which status it moves to. Pure: the services call it before
 * they write, the tests call it directly.
 *
 * | action  | from                | to        | roles            | also needs             |
 * |---------|---------------------|-----------|------------------|------------------------|
 * | create  | —                   | draft     | planner, admin   |                        |
 * | edit    | draft, returned     | draft     | planner, admin   |                        |
 * | edit    | approved            | approved  | admin            | a reason (audit trail) |
 * | submit  | draft, returned     | submitted | planner, admin   |                        |
 * | approve | submitted           | approved  | approver, admin  |                        |
 * | return  | submitted           | returned  | approver, admin  | a reason for the enterer |
 * A submitted value is frozen until approved or returned, so the approver judges the figure that was sent.
 */
import { WeijianError } from '../domain/errors.js';
import type { MANUAL_VALUE_ACTIONS, MANUAL_VALUE_STATUSES } from '../store/schema/monitoring.js';

export type ManualValueStatus = (typeof MANUAL_VALUE_STATUSES)[number];
export type WorkflowAction = (typeof MANUAL_VALUE_ACTIONS)[number];

/** Whoever acts: the signed-in user of the API or the operator of the CLI. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

const ENTER = ['planner', 'admin'];
const REVIEW = ['approver', 'admin'];

interface Rule {
  from: readonly (ManualValueStatus | null)[];
  to: ManualValueStatus;
  roles: readonly string[];
  reason: boolean;
}

const RULES: Record<WorkflowAction, readonly Rule[]> = {
  create: [{ from: [null], to: 'draft', roles: ENTER, reason: false }],
  edit: [
    { from: ['draft', 'returned'], to: 'draft', roles: ENTER, reason: false },
    { from: ['approved'], to: 'approved', roles: ['admin'], reason: true },
  ],
  submit: [{ from: ['draft', 'returned'], to: 'submitted', roles: ENTER, reason: false }],
  approve: [{ from: ['submitted'], to: 'approved', roles: REVIEW, reason: false }],
  return: [{ from: ['submitted'], to: 'returned', roles: REVIEW, reason: true }],
};

/** The status after `action`, or a WeijianError: 409 wrong status, 403 missing role, 400 missing reason. */
export function nextStatus(
  actor: Actor,
  action: WorkflowAction,
  current: ManualValueStatus | null,
  reason?: string | null,
): ManualValueStatus {
  const rule = RULES[action].find((r) => r.from.includes(current));
  if (!rule) {
    throw new WeijianError(
      'manual-value.invalid-transition',
      `cannot ${action} a ${current ?? 'new'} value`,
      { field: 'status' },
      409,
    );
  }
  if (!actor.roles.some((role) => rule.roles.includes(role))) {
    throw new WeijianError(
      'manual-value.forbidden',
      `${action} of a ${current ?? 'new'} value needs the role ${rule.roles.join(' or ')}`,
      {},
      403,
    );
  }
  if (rule.reason && !reason?.trim()) {
    throw new WeijianError(
      'manual-value.reason-required',
      `${action} of a ${current ?? 'new'} value needs a reason`,
      { field: 'reason' },
    );
  }
  return rule.to;
}

/** Key tasks' departments and progress are the planners' to keep. */
export function assertMayEditChecklist(actor: Actor): void {
  if (!actor.roles.some((role) => ENTER.includes(role)))
    throw new WeijianError(
      'plan-item.forbidden',
      `editing the checklist needs the role ${ENTER.join(' or ')}`,
      {},
      403,
    );
}
