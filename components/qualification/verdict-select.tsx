import { Select } from "@/components/ui/field";
import { VERDICT_LABEL } from "@/lib/vocabulary";

/** The verdict filter every list and the risk list share, submitted as `verdict`. */
export function VerdictSelect({ value }: { value: string | undefined }) {
  return (
    <Select name="verdict" defaultValue={value ?? ""} className="max-w-40" aria-label="Verdict">
      <option value="">Any verdict</option>
      <option value="pursue">Pursue</option>
      <option value="nurture">{VERDICT_LABEL.nurture}</option>
      <option value="disqualify">{VERDICT_LABEL.disqualify}</option>
    </Select>
  );
}
