import { computeFit, type FitResult } from "./fit";
import type { AccountProfile, IcpDefinition } from "./icp";
import type { VerdictKind } from "./verdict";

export interface AccountAssessment {
  fit: FitResult;
  /**
   * What the ICP alone says, before any deal exists: "disqualify" on a failed knockout or a best case under the
   * floor, "pursue" at or above the pursue threshold, else "nurture". The same fit rules `decideVerdict` applies.
   */
  verdict: VerdictKind;
}

/** An account's fit to one ICP version, with the verdict the fit alone supports. */
export function assessAccount(account: AccountProfile, icp: IcpDefinition): AccountAssessment {
  const fit = computeFit(account, icp);
  const belowFloor = icp.disqualifyBelow !== undefined && fit.potential < icp.disqualifyBelow;
  if (fit.knockoutsFailed.length > 0 || belowFloor) return { fit, verdict: "disqualify" };
  return { fit, verdict: fit.score >= icp.pursueThreshold ? "pursue" : "nurture" };
}
