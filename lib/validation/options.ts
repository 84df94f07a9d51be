/** Choice lists shared by forms, filters, seed data and the ICP editor, so every team reads values the same way. */
export const REGIONS = ["North America", "EMEA", "APAC", "LATAM"] as const;

export const FUNDING_STAGES = ["Bootstrapped", "Pre-seed", "Seed", "Series A", "Series B", "Series C", "Growth", "Public"] as const;

export const INDUSTRIES = [
  "SaaS",
  "Fintech",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Logistics",
  "Education",
  "Media",
  "Energy",
  "Government",
] as const;

export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD"] as const;

export const STAKEHOLDER_ROLES = ["economic_buyer", "champion", "decision_maker", "influencer", "blocker", "user", "procurement"] as const;

export const OPTIONAL_FORM_FIELDS = ["title", "phone", "domain", "employeeCount", "industry", "region", "country", "fundingStage"] as const;
