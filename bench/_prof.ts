import { computeFit, scoreIntent, FRAMEWORKS } from "/work/main/lib/qualification";
import { account, meddpiccOpportunity, NOW, SAAS_ICP } from "/work/main/lib/qualification/testing/fixtures";
import { handFit, handIntent, prepare } from "/work/main/bench/hand-loop";
const a = account(); const o = meddpiccOpportunity(); const fw = FRAMEWORKS.meddpicc; const lists = prepare(SAAS_ICP);
function t(name: string, f: () => number) { let s = 0; for (let i = 0; i < 20000; i++) s += f(); const st = performance.now(); for (let i = 0; i < 200000; i++) s += f(); console.log(name, ((performance.now() - st) * 1000 / 200000).toFixed(2), "us", s > 0); }
t("fit", () => computeFit(a, SAAS_ICP).score);
t("handFit", () => handFit(a, SAAS_ICP, lists).score);
t("intent", () => scoreIntent(fw, o, NOW).score);
t("handIntent", () => handIntent(fw, o, NOW).score);
