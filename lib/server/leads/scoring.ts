import { scoreLead, type LeadAnswer, type LeadScore } from "../../qualification/leads";
import type { LeadRecordFields } from "../../validation/lead";
import type { QualificationSettings } from "../qualification/settings";
import { asJson } from "../json";

type LeadStatusValue = "new" | "nurturing" | "disqualified";

/** The stored columns that come from the engine: score, verdict with reasons, and the status the verdict routes to. */
export function leadScoreColumns(fields: LeadRecordFields, answers: LeadAnswer[], settings: QualificationSettings, now: Date) {
  const score: LeadScore = scoreLead({
    company: {
      industry: fields.industry,
      employeeCount: fields.employeeCount,
      country: fields.country,
      region: fields.region,
      techStack: fields.techStack,
      fundingStage: fields.fundingStage,
      hiringSignals: fields.hiringSignals,
    },
    answers,
    framework: settings.framework,
    icp: settings.icp,
    now,
  });
  const { verdict } = score.verdict;
  const status: LeadStatusValue = verdict === "pursue" ? "new" : verdict === "nurture" ? "nurturing" : "disqualified";
  const firstReason = score.verdict.reasons[0]?.text ?? null;
  return {
    score,
    status,
    columns: {
      techStack: score.profile.techStack,
      hiringSignals: score.profile.hiringSignals,
      fit: score.fit.score,
      intent: score.intent.score,
      verdict,
      reasons: asJson(score.verdict.reasons),
      icpVersion: score.fit.icpVersion,
      scoredAt: now,
      resumeOn: verdict === "nurture" ? (score.verdict.resumeOn ?? null) : null,
      watchFor: verdict === "nurture" ? (score.verdict.watchFor ?? null) : null,
      watchedSignals: verdict === "nurture" ? asJson({ fundingStage: fields.fundingStage, hiringSignals: score.profile.hiringSignals }) : undefined,
      disqualifyReason: verdict === "disqualify" ? firstReason : null,
    },
  };
}
