/** Mailbox providers: a shared domain says nothing about the company, so it never makes two leads duplicates. */
const FREEMAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.com",
  "zoho.com",
]);

export interface DedupeCandidate {
  email: string | null;
  domain: string | null;
}

export interface ExistingLead extends DedupeCandidate {
  id: string;
  createdAt: Date;
  /** Only open leads (new or nurturing) absorb a new submission; decided ones stay as they were. */
  open: boolean;
}

export interface DuplicateMatch {
  leadId: string;
  by: "email" | "domain";
}

function emailDomain(email: string | null): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  return email && at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}

/** The company domain to compare: the given one, else the email's unless it is a mailbox provider. */
export function companyDomain(candidate: DedupeCandidate): string | null {
  const domain = candidate.domain?.trim().toLowerCase() || emailDomain(candidate.email);
  return domain && !FREEMAIL_DOMAINS.has(domain) ? domain : null;
}

/**
 * The open lead a new submission belongs to: same email first, then same company domain, only among leads
 * created within `windowDays` of `now`. Newest match wins.
 */
export function findDuplicate(candidate: DedupeCandidate, existing: ExistingLead[], windowDays: number, now: Date): DuplicateMatch | null {
  const since = now.getTime() - windowDays * 86_400_000;
  const recent = existing.filter((l) => l.open && l.createdAt.getTime() >= since).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const email = candidate.email?.trim().toLowerCase();
  if (email) {
    const hit = recent.find((l) => l.email?.trim().toLowerCase() === email);
    if (hit) return { leadId: hit.id, by: "email" };
  }
  const domain = companyDomain(candidate);
  if (domain) {
    const hit = recent.find((l) => companyDomain(l) === domain);
    if (hit) return { leadId: hit.id, by: "domain" };
  }
  return null;
}
