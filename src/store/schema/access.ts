import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';

/*
 * Accounts, sessions, API tokens, sign-in attempts and the audit log (docs/access-control.md).
 * Secrets are never stored: passwords as scrypt hashes, session ids, CSRF and API tokens as SHA-256.
 */

export const ROLES = ['admin', 'planner', 'facility', 'doctor', 'cdc', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique('users_username_key'),
    /** `scrypt$N$r$p$salt$hash` (base64), see access/password.ts. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Data scope: a 6-, 9- or 12-digit region code whose subtree the user may see; null = every region. */
    regionCode: text('region_code'),
    /** Data scope: one facility (with the county of region_code). */
    facilityId: bigint('facility_id', { mode: 'number' }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('users_role_check', t.role, ROLES),
    check('users_region_code_check', sql`${t.regionCode} ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'`),
    check('users_facility_needs_region_check', sql`${t.facilityId} is null or ${t.regionCode} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen table does not give working sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('api_tokens_token_hash_key'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Every sign-in attempt: the lockout and the per-address rate limit are counted from here (survive restarts). */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
  },
  (t) => [
    index('sign_in_attempts_username_idx').on(t.username, t.at),
    index('sign_in_attempts_ip_idx').on(t.ip, t.at),
  ],
);

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;

/**
 * Append-only (migration 0003 trigger refuses UPDATE, DELETE and TRUNCATE). `details` holds ids and counts,
 * never personal data; `county_code` is the county whose data was touched.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** `user:<name>`, `token:<name>@<user>`, `cli:<os user>`, or `anonymous`. */
    actor: text('actor').notNull(),
    actorRole: text('actor_role'),
    /** e.g. `auth.sign-in`, `residents.duplicates.list`, `residents.reveal`, `records.export`. */
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    countyCode: text('county_code'),
    ip: text('ip'),
    reason: text('reason'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    oneOf('audit_log_outcome_check', t.outcome, AUDIT_OUTCOMES),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actor, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);
