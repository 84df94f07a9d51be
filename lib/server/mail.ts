import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env";

/** Whether outgoing mail is configured (SMTP_URL); without it, links are handed to the admin instead. */
export function canSendMail(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set");
  await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
}
