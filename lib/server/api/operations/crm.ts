import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { notFound } from "../../errors";
import { inOrg } from "../../scope";
import type { SessionUser } from "../../session";
import { keyset, pageOf, pageParams } from "../cursor";
import { parseQuery, writeHandler, type ApiContext, type Operation } from "../operation";
import { accountResource, contactResource, listOf, toAccount, toContact } from "../resources";

const insensitive = "insensitive" as const;

const accountListQuery = z.object({
  ...pageParams,
  q: z.string().trim().max(100).optional().describe("Matches name or domain."),
  industry: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  sort: z.enum(["name", "createdAt", "updatedAt"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

const contactListQuery = z.object({
  ...pageParams,
  q: z.string().trim().max(100).optional().describe("Matches name, email or title."),
  accountId: z.string().max(64).optional(),
  sort: z.enum(["name", "createdAt", "updatedAt"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

async function account(user: SessionUser, id: string) {
  const row = await db().account.findFirst({ where: inOrg(user, { id }) });
  if (!row) throw notFound("Account");
  return row;
}

async function contact(user: SessionUser, id: string) {
  const row = await db().contact.findFirst({ where: inOrg(user, { id }) });
  if (!row) throw notFound("Contact");
  return row;
}

/** PATCH sends only what changes: the rest is filled from the record, then the full input goes through the use case. */
const merged = (current: Record<string, unknown>) => (ctx: ApiContext) => ({ ...ctx, body: { ...current, ...(ctx.body as object) } });

export const crmOperations: Operation[] = [
  {
    operationId: "listAccounts",
    method: "GET",
    path: "/accounts",
    tag: "Accounts",
    summary: "List accounts",
    status: 200,
    query: accountListQuery,
    response: listOf(accountResource),
    handle: async (ctx) => {
      const q = parseQuery(accountListQuery, ctx.query);
      const page = keyset({ sort: q.sort, dir: q.dir, cursor: q.cursor, dateColumns: ["createdAt", "updatedAt"] });
      const rows = await db().account.findMany({
        where: inOrg(ctx.user, {
          AND: [
            page.where,
            q.q ? { OR: [{ name: { contains: q.q, mode: insensitive } }, { domain: { contains: q.q, mode: insensitive } }] } : {},
            q.industry ? { industry: { equals: q.industry, mode: insensitive } } : {},
            q.region ? { region: q.region } : {},
          ],
        }),
        orderBy: page.orderBy,
        take: q.limit + 1,
      });
      return { status: 200, body: pageOf(rows, q.limit, q.sort, toAccount) };
    },
  },
  {
    operationId: "createAccount",
    method: "POST",
    path: "/accounts",
    tag: "Accounts",
    summary: "Create an account",
    status: 201,
    useCase: "account.create",
    response: accountResource,
    headers: ["Idempotency-Key"],
    handle: async (ctx) => ({
      ...(await writeHandler("account.create", { respond: async (c, r) => toAccount(await account(c.user, r.id)) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "getAccount",
    method: "GET",
    path: "/accounts/{id}",
    tag: "Accounts",
    summary: "Read an account",
    status: 200,
    response: accountResource,
    handle: async (ctx) => ({ status: 200, body: toAccount(await account(ctx.user, ctx.params.id ?? "")) }),
  },
  {
    operationId: "updateAccount",
    method: "PATCH",
    path: "/accounts/{id}",
    tag: "Accounts",
    summary: "Change an account (only the fields sent)",
    status: 200,
    useCase: "account.update",
    pathInput: { id: "id" },
    response: accountResource,
    handle: async (ctx) => {
      const { id: _id, ownerId: _o, organizationId: _org, createdAt: _c, updatedAt: _u, ...current } = await account(ctx.user, ctx.params.id ?? "");
      return writeHandler("account.update", { pathInput: { id: "id" }, respond: async (c, r) => toAccount(await account(c.user, r.id)) })(
        merged(current)(ctx),
      );
    },
  },
  {
    operationId: "listContacts",
    method: "GET",
    path: "/contacts",
    tag: "Contacts",
    summary: "List contacts",
    status: 200,
    query: contactListQuery,
    response: listOf(contactResource),
    handle: async (ctx) => {
      const q = parseQuery(contactListQuery, ctx.query);
      const page = keyset({ sort: q.sort, dir: q.dir, cursor: q.cursor, dateColumns: ["createdAt", "updatedAt"] });
      const rows = await db().contact.findMany({
        where: inOrg(ctx.user, {
          AND: [
            page.where,
            q.q
              ? {
                  OR: [
                    { name: { contains: q.q, mode: insensitive } },
                    { email: { contains: q.q, mode: insensitive } },
                    { title: { contains: q.q, mode: insensitive } },
                  ],
                }
              : {},
            q.accountId ? { accountId: q.accountId } : {},
          ],
        }),
        orderBy: page.orderBy,
        take: q.limit + 1,
      });
      return { status: 200, body: pageOf(rows, q.limit, q.sort, toContact) };
    },
  },
  {
    operationId: "createContact",
    method: "POST",
    path: "/contacts",
    tag: "Contacts",
    summary: "Create a contact",
    status: 201,
    useCase: "contact.create",
    response: contactResource,
    headers: ["Idempotency-Key"],
    handle: async (ctx) => ({
      ...(await writeHandler("contact.create", { respond: async (c, r) => toContact(await contact(c.user, r.id)) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "getContact",
    method: "GET",
    path: "/contacts/{id}",
    tag: "Contacts",
    summary: "Read a contact",
    status: 200,
    response: contactResource,
    handle: async (ctx) => ({ status: 200, body: toContact(await contact(ctx.user, ctx.params.id ?? "")) }),
  },
  {
    operationId: "updateContact",
    method: "PATCH",
    path: "/contacts/{id}",
    tag: "Contacts",
    summary: "Change a contact (only the fields sent)",
    status: 200,
    useCase: "contact.update",
    pathInput: { id: "id" },
    response: contactResource,
    handle: async (ctx) => {
      const { id: _id, organizationId: _org, createdAt: _c, updatedAt: _u, ...current } = await contact(ctx.user, ctx.params.id ?? "");
      return writeHandler("contact.update", { pathInput: { id: "id" }, respond: async (c, r) => toContact(await contact(c.user, r.id)) })(
        merged(current)(ctx),
      );
    },
  },
  {
    operationId: "eraseContact",
    method: "POST",
    path: "/contacts/{id}/erasure",
    tag: "Contacts",
    status: 200,
    summary: "Erase a contact's personal data on request (admins; confirm with ERASE; cannot be undone)",
    useCase: "contact.erase",
    pathInput: { id: "contactId" },
    response: z.object({ id: z.string(), accountId: z.string() }),
    handle: writeHandler("contact.erase", {
      pathInput: { id: "contactId" },
      respond: (_c, r) => Promise.resolve({ id: r.id, accountId: r.accountId }),
    }),
  },
];
