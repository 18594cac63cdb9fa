import { describe, expect, it } from 'vitest';
import { nextStatus, assertMayEditChecklist, type Actor } from './workflow.js';

const planner: Actor = { id: 'p', roles: ['planner'] };
const approver: Actor = { id: 'a', roles: ['approver'] };
const admin: Actor = { id: 'x', roles: ['admin'] };
const auditor: Actor = { id: 'u', roles: ['auditor'] };

describe('manual value workflow', () => {
  it('moves a value draft → submitted → approved, or returned and back to draft', () => {
    expect(nextStatus(planner, 'create', null)).toBe('draft');
    expect(nextStatus(planner, 'submit', 'draft')).toBe('submitted');
    expect(nextStatus(approver, 'approve', 'submitted')).toBe('approved');
    expect(nextStatus(approver, 'return', 'submitted', '来源不明')).toBe('returned');
    expect(nextStatus(planner, 'edit', 'returned')).toBe('draft');
    expect(nextStatus(planner, 'submit', 'returned')).toBe('submitted');
    expect(nextStatus(admin, 'approve', 'submitted')).toBe('approved');
  });

  it('keeps enterers from approving and reviewers from entering', () => {
    expect(() => nextStatus(planner, 'approve', 'submitted')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => nextStatus(planner, 'return', 'submitted', 'x')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => nextStatus(approver, 'create', null)).toThrow(
      expect.objectContaining({ code: 'manual-value.forbidden' }),
    );
    expect(() => nextStatus(auditor, 'submit', 'draft')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('needs a reason to return, and the admin role and a reason to edit an approved value', () => {
    expect(() => nextStatus(approver, 'return', 'submitted', '  ')).toThrow(
      expect.objectContaining({ code: 'manual-value.reason-required', status: 400 }),
    );
    expect(() => nextStatus(planner, 'edit', 'approved', '更正')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => nextStatus(admin, 'edit', 'approved')).toThrow(
      expect.objectContaining({ code: 'manual-value.reason-required' }),
    );
    expect(nextStatus(admin, 'edit', 'approved', '按统计年鉴更正')).toBe('approved');
  });

  it('refuses transitions from the wrong status with 409', () => {
    for (const [action, from] of [
      ['edit', 'submitted'],
      ['approve', 'draft'],
      ['approve', 'approved'],
      ['return', 'approved'],
      ['submit', 'approved'],
      ['create', 'draft'],
    ] as const) {
      expect(() => nextStatus(admin, action, from, 'r')).toThrow(
        expect.objectContaining({ code: 'manual-value.invalid-transition', status: 409 }),
      );
    }
  });

  it('lets planners and admins keep the checklist', () => {
    expect(() => assertMayEditChecklist(planner)).not.toThrow();
    expect(() => assertMayEditChecklist(admin)).not.toThrow();
    expect(() => assertMayEditChecklist(approver)).toThrow(expect.objectContaining({ status: 403 }));
  });
});
