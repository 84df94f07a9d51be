import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").max(200, "Enter a valid email address."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "That password is too long."),
});
