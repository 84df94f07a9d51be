import "server-only";
import { randomBytes } from "node:crypto";
import type { Provider } from "next-auth/providers/index";
import { env } from "../env";
import { recordAudit } from "./audit";
import { db } from "./db";
import { isUniqueViolation } from "./errors";
import { logger } from "./logger";

/** The OpenID Connect provider, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
export function oidcProviders(): Provider[] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: OIDC_NAME,
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      profile(profile: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
        // An unverified email must not be able to claim someone's account.
        const email = profile.email_verified === false ? null : (profile.email ?? null);
        return { id: profile.sub, email, name: profile.name ?? profile.email ?? "New user" };
      },
    },
  ];
}

export const ssoEnabled = () => oidcProviders().length > 0;

/** "acme.com=acme, acme.co.uk=acme" → domain → organization slug. */
export function parseDomainMap(value: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of value.split(",")) {
    const [domain, slug] = pair.split("=").map((s) => s.trim().toLowerCase());
    if (domain && slug) map.set(domain, slug);
  }
  return map;
}

/**
 * The user an SSO sign-in stands for: an existing active user with that email, or a new one created just in
 * time in the organization its email domain is mapped to, with the default role. Null refuses the sign-in.
 */
export async function provisionSsoUser(rawEmail: string | null, name?: string | null): Promise<string | null> {
  const email = rawEmail?.trim().toLowerCase();
  if (!email || !email.includes("@")) return null;
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } });
  if (existing) return existing.deactivatedAt ? null : existing.id;
  const slug = parseDomainMap(env().OIDC_DOMAINS).get(email.split("@")[1] ?? "");
  const organization = slug ? await db().organization.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!organization) return null;
  try {
    return await db().$transaction(async (tx) => {
      // No usable password: this user signs in through the identity provider (or an admin-issued reset link).
      const passwordHash = `sso-only:${randomBytes(16).toString("hex")}`;
      const created = await tx.user.create({
        data: {
          organizationId: organization.id,
          email,
          name: name?.trim().slice(0, 120) || (email.split("@")[0] ?? email),
          role: env().OIDC_DEFAULT_ROLE,
          passwordHash,
        },
      });
      await recordAudit(tx, {
        organizationId: organization.id,
        actorId: null,
        entityType: "user",
        entityId: created.id,
        action: "sso_provision",
        after: { email, role: created.role },
      });
      logger.info({ userId: created.id }, "created a user on first single sign-on");
      return created.id;
    });
  } catch (error) {
    // Two first sign-ins at once: the other one created the user.
    if (isUniqueViolation(error)) return (await db().user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    throw error;
  }
}
