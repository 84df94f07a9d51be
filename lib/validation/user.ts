import { z } from "zod";
import { ROLES } from "../permissions";
import { email, id, requiredText } from "./fields";

const role = z.enum(ROLES, { error: "Pick a role." });

export const newPassword = z.string({ error: "Enter a password." }).min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const createUserSchema = z.object({
  name: requiredText("Name", 120),
  email,
  role,
  password: newPassword,
});

export const changeRoleSchema = z.object({ userId: id("User"), role });

export const userIdSchema = z.object({ userId: id("User") });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    newPassword,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "The two passwords differ.", path: ["confirmPassword"] });

export const resetPasswordSchema = z
  .object({
    token: z
      .string()
      .min(20, "This reset link is not valid.")
      .max(200, "This reset link is not valid.")
      .regex(/^[A-Za-z0-9_-]+$/, "This reset link is not valid."),
    newPassword,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "The two passwords differ.", path: ["confirmPassword"] });
