import bcrypt from "bcryptjs";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { changePasswordAction } from "../../lib/actions/users/change-password";
import { deactivateUserAction } from "../../lib/actions/users/deactivate-user";
import { issueResetLinkAction } from "../../lib/actions/users/issue-reset-link";
import { reactivateUserAction } from "../../lib/actions/users/reactivate-user";
import { resetPasswordAction } from "../../lib/actions/users/reset-password";
import { signOutEverywhereAction } from "../../lib/actions/users/sign-out-everywhere";
import { authOptions, authorizeCredentials } from "../../lib/server/auth";
import { db } from "../../lib/server/db";
import type * as SessionModule from "../../lib/server/session";
import type { SessionUser } from "../../lib/server/session";
import { createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

/** The browser's cookie, as next-auth would decode it; the real getSessionUser reads it through this. */
const cookie = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => Promise.resolve(cookie.session) }));
const { getSessionUser } = await vi.importActual<typeof SessionModule>("../../lib/server/session");

const PASSWORD = "a-long-enough-password";
let t: Tenant;
let me: SessionUser;

beforeEach(async () => {
  t = await createTenant("Sess");
  await db().user.update({ where: { id: t.rep.id }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  me = t.rep;
});

/** A full credentials sign-in: authorize, then the JWT callback that starts the session row. */
async function signIn(email = me.email, password = PASSWORD): Promise<JWT> {
  const user = await authorizeCredentials({ email, password }, null);
  if (!user) throw new Error("sign-in refused");
  return authOptions.callbacks!.jwt!({
    token: {},
    user,
    account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
    trigger: "signIn",
  } as never);
}

/** Presents a (possibly copied) token as the request's cookie and asks who is signed in. */
async function whoIs(token: JWT) {
  cookie.session = await authOptions.callbacks!.session!({ session: { expires: "" }, token } as never);
  return getSessionUser();
}

describe("sessions end when they should, at once", () => {
  it("sign-out kills a copied cookie: pages and writes refuse it", async () => {
    const token = await signIn();
    const copied = structuredClone(token);
    expect((await whoIs(token))?.id).toBe(me.id);
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await whoIs(copied)).toBeNull();
    // The action client asks getSessionUser; with a dead session there is no caller.
    actAs(await whoIs(copied));
    const account = await createAccountFor(me);
    expect((await logNoteAction({ accountId: account.id, body: "after sign-out" }))?.serverError?.code).toBe("UNAUTHENTICATED");
    expect(await db().note.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    await db().user.update({ where: { id: t.otherRep.id }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    const [laptop, phone, colleague] = [await signIn(), await signIn(), await signIn(t.otherRep.email)];
    actAs(await whoIs(laptop));
    expect((await signOutEverywhereAction({}))?.data?.sessionsEnded).toBe(2);
    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();
    expect((await whoIs(colleague))?.id).toBe(t.otherRep.id);
  });

  it("a password change ends the other sessions and keeps this one; the old password stops working", async () => {
    const [here, elsewhere] = [await signIn(), await signIn()];
    actAs(await whoIs(here));
    expect(
      (await changePasswordAction({ currentPassword: "wrong", newPassword: "another-long-password", confirmPassword: "another-long-password" }))
        ?.serverError?.code,
    ).toBe("INVALID");
    expect(
      (await changePasswordAction({ currentPassword: PASSWORD, newPassword: "another-long-password", confirmPassword: "another-long-password" }))
        ?.data,
    ).toEqual({ otherSessionsEnded: 1 });
    expect((await whoIs(here))?.id).toBe(me.id);
    expect(await whoIs(elsewhere)).toBeNull();
    expect(await authorizeCredentials({ email: me.email, password: PASSWORD }, null)).toBeNull();
    expect(await authorizeCredentials({ email: me.email, password: "another-long-password" }, null)).not.toBeNull();
  });

  it("deactivation ends sessions and refuses sign-in; records stay; reactivation lets them back", async () => {
    const token = await signIn();
    const account = await createAccountFor(me);
    actAs(t.rep);
    expect((await deactivateUserAction({ userId: me.id }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.admin);
    expect((await deactivateUserAction({ userId: t.admin.id }))?.serverError?.code).toBe("INVALID");
    expect((await deactivateUserAction({ userId: me.id }))?.data).toEqual({ id: me.id });
    expect(await whoIs(token)).toBeNull();
    expect(await authorizeCredentials({ email: me.email, password: PASSWORD }, null)).toBeNull();
    expect(await db().account.findUnique({ where: { id: account.id } })).not.toBeNull();
    expect((await reactivateUserAction({ userId: me.id }))?.data).toEqual({ id: me.id });
    expect((await whoIs(await signIn()))?.id).toBe(me.id);
    const actions = (await db().auditEvent.findMany({ where: { entityId: me.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["deactivate", "reactivate"]);
  });

  it("an admin's reset link works once, is stored only as a hash, and ends the user's sessions", async () => {
    const token = await signIn();
    actAs(t.manager);
    expect((await issueResetLinkAction({ userId: me.id }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.admin);
    const issued = await issueResetLinkAction({ userId: me.id });
    expect(issued?.data?.emailed).toBe(false);
    const raw = issued?.data?.link?.split("/reset-password/")[1] ?? "";
    expect(raw.length).toBeGreaterThan(30);
    const stored = await db().passwordResetToken.findMany({ where: { userId: me.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(raw);
    actAs(null);
    const input = { token: raw, newPassword: "reset-long-password", confirmPassword: "reset-long-password" };
    expect((await resetPasswordAction(input))?.data).toEqual({ ok: true });
    expect((await resetPasswordAction(input))?.serverError?.code).toBe("INVALID");
    expect(await whoIs(token)).toBeNull();
    expect(await authorizeCredentials({ email: me.email, password: "reset-long-password" }, null)).not.toBeNull();
  });

  it("an expired or superseded reset link is refused", async () => {
    actAs(t.admin);
    const first = (await issueResetLinkAction({ userId: me.id }))?.data?.link?.split("/reset-password/")[1] ?? "";
    const second = (await issueResetLinkAction({ userId: me.id }))?.data?.link?.split("/reset-password/")[1] ?? "";
    actAs(null);
    const body = { newPassword: "reset-long-password", confirmPassword: "reset-long-password" };
    expect((await resetPasswordAction({ token: first, ...body }))?.serverError?.code).toBe("INVALID");
    await db().passwordResetToken.updateMany({ where: { userId: me.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resetPasswordAction({ token: second, ...body }))?.serverError?.code).toBe("INVALID");
  });
});
