import { USER_ROLE_LABEL } from "./vocabulary";

/**
 * The one table of who may do what. Server actions check it first (fail closed); the UI reads it only to
 * hide buttons a user could not use anyway.
 *
 * "org": any record in the user's organization. "own": only records the user owns (reps and their deals).
 */
export const ROLES = ["rep", "manager", "marketing", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Scope = "org" | "own";

export const PERMISSIONS = {
  "account.create": { rep: "org", manager: "org", admin: "org" },
  "account.update": { rep: "own", manager: "org", admin: "org" },
  "contact.write": { rep: "org", manager: "org", admin: "org" },
  "opportunity.create": { rep: "org", manager: "org", admin: "org" },
  "opportunity.update": { rep: "own", manager: "org", admin: "org" },
  "opportunity.advance": { rep: "own", manager: "org", admin: "org" },
  "note.create": { rep: "org", manager: "org", admin: "org" },
  "qualification.record": { rep: "own", manager: "org", admin: "org" },
  "gate.override": { manager: "org", admin: "org" },
  "evidence.review": { manager: "org", admin: "org" },
  "pipeline.configure": { manager: "org", admin: "org" },
  /** Moving a deal to another pipeline (re-assessed against its gates). */
  "opportunity.move-pipeline": { manager: "org", admin: "org" },
  "icp.manage": { marketing: "org", admin: "org" },
  "user.manage": { admin: "org" },
  "insights.view": { manager: "org", admin: "org" },
  /** One's own password and sessions. */
  "self.manage": { rep: "org", manager: "org", marketing: "org", admin: "org" },
  /** One's own saved views of the lists. */
  "view.save": { rep: "org", manager: "org", marketing: "org", admin: "org" },
  "audit.read": { admin: "org" },
  /** Erasing a contact's personal data on request (a privacy duty, so admins only). */
  "contact.erase": { admin: "org" },
  "lead.view": { rep: "own", manager: "org", marketing: "org", admin: "org" },
  "lead.create": { rep: "org", manager: "org", marketing: "org", admin: "org" },
  "lead.triage": { rep: "own", manager: "org", marketing: "org", admin: "org" },
  "lead.convert": { rep: "own", manager: "org", admin: "org" },
  /** Convert despite a failed ICP knockout: a manager's audited exception. */
  "lead.override_knockout": { manager: "org", admin: "org" },
  "intake.configure": { marketing: "org", admin: "org" },
  "import.run": { manager: "org", marketing: "org", admin: "org" },
  "export.run": { rep: "org", manager: "org", marketing: "org", admin: "org" },
  /** API keys and webhook endpoints. */
  "integration.manage": { admin: "org" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export function scopeOf(role: Role, permission: Permission): Scope | null {
  const grants: Partial<Record<Role, Scope>> = PERMISSIONS[permission];
  return grants[role] ?? null;
}

/** Whether a role holds a permission at all (for records it owns, at least). */
export function can(role: Role, permission: Permission): boolean {
  return scopeOf(role, permission) !== null;
}

/** Whether a user may act on one record, given who owns it. */
export function canOnRecord(user: { id: string; role: Role }, permission: Permission, ownerId: string): boolean {
  const scope = scopeOf(user.role, permission);
  return scope === "org" || (scope === "own" && ownerId === user.id);
}

export const ROLE_LABELS: Record<Role, string> = USER_ROLE_LABEL;
