import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";
import { humanDay } from "./qualification/human-day";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency = "USD"): string {
  let formatter = moneyFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
    moneyFormatters.set(currency, formatter);
  }
  return formatter.format(amount);
}

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return humanDay(new Date(date));
}

// Built once: a formatter costs far more to make than to use, and timelines format dozens of instants a page.
const DATE_TIME = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(date: Date | string): string {
  return DATE_TIME.format(new Date(date));
}

/** yyyy-mm-dd for a date input. */
export function toDateInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
