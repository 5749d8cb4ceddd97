import { z } from 'zod';
import { PasswordSchema, UsernameSchema } from './auth.contract.js';
import { IdSchema, InstantSchema, QueryFlagSchema } from './common.js';
import { OrgRefSchema } from './org.contract.js';
import { GRANT_SCOPES, PermissionSchema, RoleSchema } from './permissions.js';

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  org: OrgRefSchema,
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  role: RoleSchema.optional(),
  orgId: IdSchema.optional(),
  includeInactive: QueryFlagSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserPageSchema = z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() });

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(100),
  password: PasswordSchema,
  role: RoleSchema,
  orgId: IdSchema,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: RoleSchema.optional(),
  orgId: IdSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({ password: PasswordSchema });
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

export const UserParamsSchema = z.object({ userId: IdSchema });

export const RoleInfoSchema = z.object({
  role: RoleSchema,
  permissions: z.array(z.object({ permission: PermissionSchema, scope: z.enum(GRANT_SCOPES) })),
  assignable: z.boolean(),
});
export const RoleCatalogSchema = z.object({ roles: z.array(RoleInfoSchema) });
