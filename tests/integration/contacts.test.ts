import { beforeAll, describe, expect, it } from "vitest";
import { createContactAction } from "../../lib/actions/contacts/create-contact";
import { updateContactAction } from "../../lib/actions/contacts/update-contact";
import { db } from "../../lib/server/db";
import { auditRows, createAccountFor, createContactFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTenant("Acme"), createTenant("Globex")]);
});

describe("contacts", () => {
  it("creates and edits a contact, with audit rows, and validates email and phone", async () => {
    const account = await createAccountFor(acme.rep);
    actAs(acme.rep);
    const created = await createContactAction({ accountId: account.id, name: "Dana Whitfield", title: "CFO", email: "dana@example.com", phone: "" });
    const id = created?.data?.id ?? "";
    const bad = await updateContactAction({ id, accountId: account.id, name: "Dana", email: "nope", phone: "x" });
    expect(Object.keys(bad?.validationErrors?.fieldErrors ?? {}).sort()).toEqual(["email", "phone"]);
    const saved = await updateContactAction({
      id,
      accountId: account.id,
      name: "Dana Whitfield-Ng",
      title: "CFO",
      email: "",
      phone: "+44 20 7946 0000",
    });
    expect(saved?.data?.id).toBe(id);
    expect(await db().contact.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Dana Whitfield-Ng",
      email: null,
      phone: "+44 20 7946 0000",
    });
    expect((await auditRows(id)).map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("never reads, edits or moves contacts across organizations, and marketing cannot write", async () => {
    const ours = await createAccountFor(acme.rep);
    const theirs = await createAccountFor(globex.rep);
    const contact = await createContactFor(acme.rep, ours.id, "Pat");
    actAs(globex.manager);
    expect((await updateContactAction({ id: contact.id, accountId: theirs.id, name: "Stolen" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await createContactAction({ accountId: ours.id, name: "Plant" }))?.serverError?.code).toBe("NOT_FOUND");
    actAs(acme.manager);
    expect((await updateContactAction({ id: contact.id, accountId: theirs.id, name: "Moved" }))?.serverError?.code).toBe("NOT_FOUND");
    actAs(acme.marketing);
    expect((await updateContactAction({ id: contact.id, accountId: ours.id, name: "Marketing" }))?.serverError?.code).toBe("FORBIDDEN");
    expect((await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).name).toBe("Pat");
  });
});
