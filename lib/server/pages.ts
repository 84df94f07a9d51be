import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "./errors";

/** For pages: a record the user may not see (missing, or another organization's) renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
