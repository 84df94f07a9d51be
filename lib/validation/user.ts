import { z } from "zod";
import { ROLES } from "../permissions";
import { id, requiredText } from "./fields";

const role = z.enum(ROLES, { error: "Pick a role." });

export const createUserSchema = z.object({
  name: requiredText("Name", 120),
  email: z.email("Enter a valid email address.").max(200).transform((v) => v.toLowerCase()),
  role,
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});

export const changeRoleSchema = z.object({ userId: id("User"), role });
