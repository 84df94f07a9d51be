import * as z from "zod/mini";
import { ROLES } from "../permissions";
import { email, id, requiredText } from "./fields";

const role = z.enum(ROLES, { error: "Pick a role." });

export const newPassword = z
  .string({ error: "Enter a password." })
  .check(z.minLength(10, "Use at least 10 characters."), z.maxLength(200, "Use at most 200 characters."));

const samePasswords = z.refine<{ newPassword: string; confirmPassword: string }>((v) => v.newPassword === v.confirmPassword, {
  message: "The two passwords differ.",
  path: ["confirmPassword"],
});

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
    currentPassword: z.string({ error: "Enter your current password." }).check(z.minLength(1, "Enter your current password."), z.maxLength(200)),
    newPassword,
    confirmPassword: z.string().check(z.maxLength(200)),
  })
  .check(samePasswords);

export const resetPasswordSchema = z
  .object({
    token: z
      .string()
      .check(
        z.minLength(20, "This reset link is not valid."),
        z.maxLength(200, "This reset link is not valid."),
        z.regex(/^[A-Za-z0-9_-]+$/, "This reset link is not valid."),
      ),
    newPassword,
    confirmPassword: z.string().check(z.maxLength(200)),
  })
  .check(samePasswords);
