import { z } from "zod";
import { ROLES } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/core/vocabulary/password-rules";

export const roleSchema = z.enum(ROLES);

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(320);
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");
export const personNameSchema = z.string().trim().min(1, "Enter a name.").max(100);

export const inviteMemberSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  password: passwordSchema,
});

export const changeRoleSchema = z.object({ membershipId: z.string().uuid(), role: roleSchema });
export const setMemberDisabledSchema = z.object({ membershipId: z.string().uuid(), disabled: z.boolean() });
