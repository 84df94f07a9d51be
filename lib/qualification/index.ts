/**
 * Winnow's qualification engine: one pure function per question the app asks, plain data in, explained
 * results out. See docs/qualification.md for the model and every formula.
 */
export type * from "./model";
export { FRAMEWORKS, type TemplateKey } from "./frameworks";
export { customFramework, validateFramework, validateIcp, validatePipeline, FrameworkValidationError } from "./validate";
export type { CustomFrameworkSpec, ValidationIssue } from "./validate";
export type { AccountProfile, IcpDefinition, IcpRule, IcpRuleKind, RuleOutcome } from "./icp";
export { ruleValues } from "./icp";
export { computeFit, type FitResult, type RuleResult } from "./fit";
export { criterionStatus, STATE_POINTS, STALE_FACTOR, type CriterionStatus } from "./evidence";
export { scoreIntent, type CriterionScore, type Gap, type GapKind, type IntentResult } from "./intent";
export { DEFAULT_PIPELINE, defaultGates, pipelineFor, criterionGates, nextStage } from "./pipeline";
export { checkGate, ROLE_LABELS, type Blocker, type BlockerCode, type AppliedOverride } from "./gates";
export { canAdvance, type CanAdvanceInput, type CanAdvanceResult, type Direction, type IgnoredOverride } from "./advance";
export { decideVerdict, DEFAULT_NURTURE_DAYS, VERDICT_KINDS, asVerdictKind, type Verdict, type VerdictInput, type VerdictKind } from "./verdict";
export { stageEvidenceGaps, type StageEvidenceCheck, type StageEvidenceGap } from "./stage-evidence";
export { requalify, isLateStage, DEFAULT_THRESHOLDS } from "./requalify";
export type { Flag, FlagKind, RequalificationThresholds, Severity } from "./requalify";
export { calibrate, qualificationBand, BANDS, DEFAULT_MIN_SAMPLE } from "./calibrate";
export type { Calibration, CalibrationCell, ClosedDealOutcome, QualificationBand } from "./calibrate";
export { forecast, toForecastDeal, DEFAULT_BAND_FACTORS } from "./forecast";
export type { DealForecast, ForecastDeal, ForecastOptions, ForecastResult } from "./forecast";
export { nextQuestions, type NextQuestionsInput, type Question } from "./questions";
export { assessOpportunity, type AssessInput, type Assessment } from "./assess";
export { reassessAt, readableContent, type ReassessInput } from "./reassess";
export { liveDays, storedDays, renderDayCounts, type DayText } from "./dates";
export { QualificationInputError } from "./errors";
export {
  ANY_COMMITTEE_ROLE,
  basisOf,
  basisRank,
  checkBasis,
  meetsBasis,
  MIN_BASIS_LABEL,
  proofNeeded,
  verificationBasis,
  verifierRoles,
} from "./basis";
export type { BasisCheck, EvidenceProof } from "./basis";
export { findContradiction, keyTerms, NEGATION_WINDOW, type Contradiction } from "./contradiction";
export { recordEvidence, stateAfter, type EvidenceAction, type RecordResult } from "./record";
export { forecastDiscount, wishcastingGap, WISHCASTING_THRESHOLD, type ForecastDiscount, type WishcastingGap } from "./wishcasting";
export { assessAccount, type AccountAssessment } from "./account";
export { forecastHonesty, calibrationBins, predicted, quarterOf, scorePredictor, scorePredictors, PREDICTORS } from "./honesty";
export type { CalibrationBin, ClosedForecast, HonestyGroup, HonestyReport, Predictor, PredictorScore, PredictorScores } from "./honesty";
export { archiveAfter, diffFrameworks, previewScorecard, pruneGates, sampleDeal } from "./framework-versions";
export type { DroppedGate, FrameworkChange, ScorecardPreview } from "./framework-versions";
export { gatesSkipped, planStageMigration, settleDeal } from "./stage-migration";
export type { SettledDeal, StageMigrationIssue, StageMigrationIssueCode, StageMigrationPlan, StageMove } from "./stage-migration";
export { answerExcerpt, draftRecapPoints, MAX_RECAP_POINTS, RECAP_VALID_DAYS, recapStatus, stateFromAnswer } from "./recap";
export type { RecapAnswer, RecapPoint, RecapStatus } from "./recap";
