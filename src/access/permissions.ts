import type { Role } from '../store/schema/access.js';

export { ROLES, type Role } from '../store/schema/access.js';

/**
 * What a route, CLI command or export may need. `public`: no sign-in (health, API docs);
 * `signed-in`: any account (its own profile, blank templates).
 */
export const PERMISSIONS = [
  'public',
  'signed-in',
  'plans:read',
  'plans:write',
  'indicators:read',
  'records:read',
  'records:write',
  'records:export',
  'residents:reveal',
  'audit:read',
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['public', 'signed-in', 'plans:read', 'indicators:read'];

/**
 * Roles as data (docs/access-control.md has the table). Personal data (`records:*`, `residents:reveal`) is for
 * the roles whose work needs it; the auditor reads the audit log and nothing personal; the administrator
 * manages accounts and the data, but a reveal of a full identifier is for those who care for the person.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...everyone,
    'plans:write',
    'records:read',
    'records:write',
    'records:export',
    'audit:read',
    'users:manage',
  ],
  planner: [...everyone, 'plans:write'],
  facility: [...everyone, 'records:read', 'records:write', 'residents:reveal'],
  doctor: [...everyone, 'records:read', 'residents:reveal'],
  cdc: [...everyone, 'records:read', 'records:export', 'residents:reveal'],
  auditor: [...everyone, 'audit:read'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员 system administrator',
  planner: '规划人员 commission planner',
  facility: '医疗机构人员 facility staff',
  doctor: '家庭医生 family doctor',
  cdc: '疾控人员 CDC staff',
  auditor: '审计员 auditor',
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
