import type { StakeholderRole } from "./model";

export const ROLE_LABELS: Record<StakeholderRole, string> = {
  economic_buyer: "Economic buyer",
  champion: "Champion",
  decision_maker: "Decision maker",
  influencer: "Influencer",
  blocker: "Blocker",
  user: "User",
  procurement: "Procurement",
};
