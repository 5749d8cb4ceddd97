import { z } from 'zod';
import { IdSchema } from './common.js';
import { GRANT_SCOPES, PermissionSchema, RoleSchema } from './permissions.js';

export const USERNAME_MAX = 64;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(USERNAME_MAX)
  .regex(/^[a-zA-Z0-9_.-]+$/, { message: 'username_format' });

export const PasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(USERNAME_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type Login = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: PasswordSchema,
});
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const ActorSchema = z.object({
  userId: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  orgId: IdSchema,
  orgName: z.string(),
  orgCode: z.string(),
  permissions: z.array(PermissionSchema),
  /** How far each granted permission reaches: self (own records), subtree or all. */
  scopes: z.partialRecord(PermissionSchema, z.enum(GRANT_SCOPES)),
  mustChangePassword: z.boolean(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SessionSchema = z.object({
  actor: ActorSchema,
  /** Send back in the `x-csrf-token` header on every write. */
  csrfToken: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() });

export const SetupSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(100),
  password: PasswordSchema,
});
export type Setup = z.infer<typeof SetupSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), pending: z.number().int(), latest: z.string().nullable() }),
  /** The demo worker registry, when demo data is on: its scale and whether it is still loading. */
  demo: z.object({ scale: z.number(), status: z.enum(['loading', 'ready']) }).nullable(),
});
export type Health = z.infer<typeof HealthSchema>;
