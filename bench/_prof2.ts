import { scoreIntent, FRAMEWORKS } from "../lib/qualification";
import { criterionStatus, findEvidence } from "../lib/qualification/evidence";
import { meddpiccOpportunity, NOW } from "../lib/qualification/testing/fixtures";
const o = meddpiccOpportunity(); const fw = FRAMEWORKS.meddpicc;
function t(name: string, f: () => number) { let s = 0; for (let i = 0; i < 20000; i++) s += f(); const st = performance.now(); for (let i = 0; i < 100000; i++) s += f(); console.log(name, ((performance.now() - st) * 1000 / 100000).toFixed(2), "us", s > 0); }
const d = fw.criteria[0]!;
t("find", () => findEvidence(o, "competition") ? 1 : 0);
t("status", () => criterionStatus(d, findEvidence(o, d.id), NOW).fresh ? 1 : 0);
t("intent", () => scoreIntent(fw, o, NOW).score);
