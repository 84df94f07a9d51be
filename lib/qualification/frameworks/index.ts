import type { Framework, FrameworkKey } from "../model";
import { BANT } from "./bant";
import { CHAMP } from "./champ";
import { MEDDICC, MEDDPICC } from "./meddicc";
import { SPICED } from "./spiced";

export type TemplateKey = Exclude<FrameworkKey, "custom">;

/** Ready-made qualification frameworks. Treat as read-only; copy into `customFramework` to change one. */
export const FRAMEWORKS: Record<TemplateKey, Framework> = {
  bant: BANT,
  meddicc: MEDDICC,
  meddpicc: MEDDPICC,
  spiced: SPICED,
  champ: CHAMP,
};
