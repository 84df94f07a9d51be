import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** Who is calling beyond the user: set by the API adapter so audit rows can name the key a change came through. */
interface RequestContext {
  apiKeyId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

export function currentApiKeyId(): string | null {
  return storage.getStore()?.apiKeyId ?? null;
}
