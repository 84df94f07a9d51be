import "server-only";
import { can } from "../../permissions";
import { AppError } from "../errors";
import type { SessionUser } from "../session";

/** Team-wide insights (trends, forecast honesty) are for managers and admins. */
export function assertCanViewInsights(user: SessionUser): void {
  if (!can(user.role, "insights.view")) throw new AppError("FORBIDDEN", "Only managers and admins see team insights.");
}

/** The first day (UTC) of the quarter `back` quarters before the one `now` is in. */
export function quarterStart(now: Date, back: number): Date {
  const q = Math.floor(now.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
}
