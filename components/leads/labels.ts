export { LEAD_SOURCE_LABEL as SOURCE_LABEL, LEAD_STATUS_LABEL as STATUS_LABEL, labelOf, VERDICT_LABEL } from "@/lib/vocabulary";
export { VERDICT_TONE } from "@/components/qualification/labels";
