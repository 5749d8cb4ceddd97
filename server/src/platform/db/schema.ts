import type { ColumnType, Generated } from 'kysely';

// Table types mirror the migrations (the source of truth); keep them in step in the same commit.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateString = string;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface OrgsTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  depth: number;
  isActive: Generated<boolean>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  orgId: string;
  isActive: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: NullableTimestamp;
  lastLoginAt: NullableTimestamp;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: TimestampDefault;
  lastSeenAt: TimestampDefault;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventsTable {
  id: ColumnType<string, never, never>;
  at: TimestampDefault;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  ip: string | null;
  requestId: string | null;
  before: Json;
  after: Json;
}

export interface NetworkAssignmentsTable {
  id: Generated<string>;
  orgId: string;
  role: string;
  effectiveFrom: DateString;
  effectiveTo: DateString | null;
  note: string | null;
  createdAt: TimestampDefault;
}

export interface UnitContactsTable {
  id: Generated<string>;
  orgId: string;
  name: string;
  position: string | null;
  phoneEnc: string | null;
  email: string | null;
  isPrimary: Generated<boolean>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface AppSettingsTable {
  key: string;
  value: Json;
  updatedAt: TimestampDefault;
}

export interface DB {
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auditEvents: AuditEventsTable;
  networkAssignments: NetworkAssignmentsTable;
  unitContacts: UnitContactsTable;
  appSettings: AppSettingsTable;
}
