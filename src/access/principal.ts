import { userInfo } from 'node:os';
import { WeijianError } from '../domain/errors.js';
import { roleHas, type Permission, type Role } from './permissions.js';
import { ALL_REGIONS, type Scope } from './scope.js';

/** Who is asking: a signed-in user, a user's API token, or the local operator of the CLI. */
export interface Principal {
  /** As written in the audit log: `user:<name>` or `cli:<os user>`. */
  actor: string;
  userId: number | null;
  role: Role;
  scope: Scope;
  via: 'session' | 'token' | 'cli';
  tokenId?: number;
}

/**
 * The CLI runs with the database's credentials, so it can read everything anyway: it acts as a local
 * administrator, still passes the same permission checks and is audited as `cli:<os user>`.
 */
export function localOperator(): Principal {
  return { actor: `cli:${userInfo().username}`, userId: null, role: 'admin', scope: ALL_REGIONS, via: 'cli' };
}

/**
 * The one permission check of the platform (HTTP routes, CLI commands, exports). No principal: 401 unless
 * the permission is `public`; a principal without the permission: 403.
 */
export function authorize(principal: Principal | null, permission: Permission): void {
  if (permission === 'public') return;
  if (!principal)
    throw new WeijianError('auth.required', 'sign in first (session cookie or API token)', {}, 401);
  if (!roleHas(principal.role, permission)) {
    throw new WeijianError(
      'access.denied',
      `the role ${principal.role} does not have the permission ${permission}`,
      {},
      403,
    );
  }
}
