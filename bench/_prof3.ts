import { assessOpportunity, FRAMEWORKS, pipelineFor, DEFAULT_THRESHOLDS, requalify, decideVerdict, computeFit, scoreIntent, canAdvance, nextQuestions } from "../lib/qualification";
import { account, meddpiccOpportunity, NOW, SAAS_ICP } from "../lib/qualification/testing/fixtures";
const a = account(); const o = meddpiccOpportunity(); const fw = FRAMEWORKS.meddpicc; const pipeline = pipelineFor(fw);
function t(name: string, f: () => number) { let s = 0; for (let i = 0; i < 20000; i++) s += f(); const st = performance.now(); for (let i = 0; i < 100000; i++) s += f(); console.log(name, ((performance.now() - st) * 1000 / 100000).toFixed(2), "us", s > 0); }
const fit = computeFit(a, SAAS_ICP); const intent = scoreIntent(fw, o, NOW);
t("assess", () => assessOpportunity({ pipeline, framework: fw, icp: SAAS_ICP, account: a, opportunity: o, thresholds: DEFAULT_THRESHOLDS, now: NOW }).fit.score + 1);
t("flags", () => requalify(o, fw, pipeline, DEFAULT_THRESHOLDS, NOW).length + 1);
t("verdict", () => decideVerdict({ fit, intent, framework: fw, icp: SAAS_ICP, now: NOW }).reasons.length);
t("advance", () => canAdvance({ pipeline, framework: fw, opportunity: o, fit, now: NOW, toStageId: "negotiation" }).blockers.length + 1);
t("advanceWon", () => canAdvance({ pipeline, framework: fw, opportunity: o, fit, now: NOW, toStageId: "closed_won" }).blockers.length + 1);
t("questions", () => nextQuestions({ framework: fw, pipeline, opportunity: o, fit, now: NOW }).length + 1);
