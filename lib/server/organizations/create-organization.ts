// No "server-only" marker: the demo seed, the test fixtures and `npm run org:create` call this outside Next.
import { randomBytes } from "node:crypto";
import { FRAMEWORKS, pipelineFor } from "../../qualification";
import type { PrismaClient } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { replaceStages } from "../settings/pipeline-rows";
import { hashPassword, issueResetToken, resetLinkFor } from "../users/passwords";

/** The pipeline every organization starts with: MEDDPICC and its default stages and gates. */
export const FIRST_PIPELINE = { name: "New business", frameworkKey: "meddpicc" } as const;

export interface NewOrganization {
  name: string;
  slug: string;
  admin: { name: string; email: string };
  /** The first admin's password, or its bcrypt hash (seed, fixtures); null issues a one-time link to set one. */
  password: { plain: string } | { hash: string } | null;
  /** Fixed ids, for the demo seed's stable references. */
  ids?: { organization?: string; pipeline?: string; admin?: string };
}

export interface CreatedOrganization {
  organization: { id: string; name: string; slug: string };
  pipelineId: string;
  admin: { id: string; email: string; name: string };
  /** Where the admin sets a password (valid for a day), when none was given. */
  resetLink: string | null;
}

async function passwordHashOf(password: NewOrganization["password"]): Promise<string> {
  if (password === null) return `unset:${randomBytes(16).toString("hex")}`; // matches no password; the reset link sets one
  return "hash" in password ? password.hash : hashPassword(password.plain);
}

/** The unique constraint a failed create hit, as the field the person typing can change. */
function takenField(error: unknown): "slug" | "adminEmail" {
  const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
  return target.includes("email") ? "adminEmail" : "slug";
}

/**
 * Creates an organization ready to use, in one transaction: the organization, its first pipeline with the
 * framework's stages and gates stored (so deals can be created and gated at once), and its first admin. The one
 * way organizations come to exist (seed, test fixtures and the self-hoster's CLI alike).
 */
export async function createOrganization(client: PrismaClient, input: NewOrganization, now = new Date()): Promise<CreatedOrganization> {
  const passwordHash = await passwordHashOf(input.password);
  try {
    return await client.$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: { ...(input.ids?.organization && { id: input.ids.organization }), name: input.name, slug: input.slug },
        select: { id: true, name: true, slug: true },
      });
      const pipeline = await tx.pipeline.create({
        data: { ...(input.ids?.pipeline && { id: input.ids.pipeline }), organizationId: organization.id, position: 0, ...FIRST_PIPELINE },
      });
      await replaceStages(tx, organization.id, pipeline.id, pipelineFor(FRAMEWORKS[FIRST_PIPELINE.frameworkKey]));
      const admin = await tx.user.create({
        data: {
          ...(input.ids?.admin && { id: input.ids.admin }),
          organizationId: organization.id,
          email: input.admin.email.toLowerCase(),
          name: input.admin.name,
          role: "admin",
          passwordHash,
        },
        select: { id: true, email: true, name: true },
      });
      const token = input.password === null ? await issueResetToken(tx, admin.id, admin.id, now) : null;
      return { organization, pipelineId: pipeline.id, admin, resetLink: token && resetLinkFor(token) };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const field = takenField(error);
    const message = field === "slug" ? `An organization with the slug "${input.slug}" already exists.` : "This email address is already a user.";
    throw new AppError("INVALID", message, { fieldErrors: { [field]: [message] } });
  }
}
