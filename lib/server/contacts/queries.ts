import "server-only";
import type { z } from "zod";
import { listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { orderByColumn, toPage } from "../pagination";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const contactListParams = listParamsSchema(["name", "title", "account", "createdAt"], "name");
export type ContactListParams = z.infer<typeof contactListParams>;

/** The list's filters as a where; export reads it too, so a download holds exactly what the list shows. */
export function contactWhere(user: SessionUser, params: ContactListParams): Prisma.ContactWhereInput {
  return inOrg(user, {
    ...(params.q && {
      OR: [
        { name: { contains: params.q, mode: "insensitive" as const } },
        { email: { contains: params.q, mode: "insensitive" as const } },
        { title: { contains: params.q, mode: "insensitive" as const } },
        { account: { name: { contains: params.q, mode: "insensitive" as const } } },
      ],
    }),
  });
}

export async function findContacts(user: SessionUser, params: ContactListParams) {
  const where = contactWhere(user, params);
  const orderBy: Prisma.ContactOrderByWithRelationInput =
    params.sort === "account" ? { account: { name: params.dir } } : orderByColumn(params.sort, params.dir, ["title"]);
  const [rows, total] = await Promise.all([
    db().contact.findMany({
      where,
      orderBy: [orderBy, { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { account: { select: { id: true, name: true } } },
    }),
    db().contact.count({ where }),
  ]);
  return toPage(rows, total, params.page, PAGE_SIZE);
}
