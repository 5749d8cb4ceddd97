import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';
import { OrgRefSchema } from './org.contract.js';

/** 领导小组成员单位 / 联络员单位 / 领导小组办公室 */
export const NETWORK_ROLES = ['office', 'member', 'liaison'] as const;
export const NetworkRoleSchema = z.enum(NETWORK_ROLES);
export type NetworkRole = z.infer<typeof NetworkRoleSchema>;

export const NetworkAssignmentSchema = z.object({
  id: IdSchema,
  org: OrgRefSchema,
  role: NetworkRoleSchema,
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  note: z.string().nullable(),
});
export type NetworkAssignment = z.infer<typeof NetworkAssignmentSchema>;

export const ContactSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  name: z.string(),
  position: z.string().nullable(),
  /** Masked (138****5678) unless the actor may see personal data. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const NetworkUnitSchema = z.object({
  org: OrgRefSchema,
  role: NetworkRoleSchema,
  assignmentId: IdSchema,
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  contacts: z.array(ContactSchema),
});
export type NetworkUnit = z.infer<typeof NetworkUnitSchema>;

export const NetworkQuerySchema = z.object({
  asOf: IsoDateSchema.optional(),
  role: NetworkRoleSchema.optional(),
});
export const NetworkSchema = z.object({
  asOf: IsoDateSchema,
  units: z.array(NetworkUnitSchema),
  counts: z.object({ office: z.number().int(), member: z.number().int(), liaison: z.number().int() }),
});
export type Network = z.infer<typeof NetworkSchema>;

export const NetworkUnitDetailSchema = z.object({
  org: OrgRefSchema,
  assignments: z.array(NetworkAssignmentSchema),
  contacts: z.array(ContactSchema),
});
export type NetworkUnitDetail = z.infer<typeof NetworkUnitDetailSchema>;

export const AssignNetworkRoleSchema = z
  .object({
    orgId: IdSchema,
    role: NetworkRoleSchema,
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => !v.effectiveTo || v.effectiveTo >= v.effectiveFrom, {
    message: 'date_range_order',
    path: ['effectiveTo'],
  });
export type AssignNetworkRole = z.infer<typeof AssignNetworkRoleSchema>;

export const EndNetworkRoleSchema = z.object({ effectiveTo: IsoDateSchema });
export type EndNetworkRole = z.infer<typeof EndNetworkRoleSchema>;

export const PHONE_MAX = 30;
export const ContactPhoneSchema = z
  .string()
  .trim()
  .max(PHONE_MAX)
  .regex(/^[0-9+\-() ]{5,30}$/, { message: 'phone_format' });

export const SaveContactSchema = z.object({
  name: z.string().trim().min(1).max(50),
  position: z.string().trim().max(100).nullable().optional(),
  phone: ContactPhoneSchema.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  isPrimary: z.boolean().default(false),
});
export type SaveContact = z.infer<typeof SaveContactSchema>;

export const AssignmentParamsSchema = z.object({ assignmentId: IdSchema });
export const ContactParamsSchema = z.object({ contactId: IdSchema });
export const NetworkUnitParamsSchema = z.object({ orgId: IdSchema });

export const RevealedPhoneSchema = z.object({ phone: z.string().nullable() });
