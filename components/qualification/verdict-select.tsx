import { Select } from "@/components/ui/field";

/** The verdict filter every list and the risk list share, submitted as `verdict`. */
export function VerdictSelect({ value }: { value: string | undefined }) {
  return (
    <Select name="verdict" defaultValue={value ?? ""} className="max-w-40" aria-label="Verdict">
      <option value="">Any verdict</option>
      <option value="pursue">Pursue</option>
      <option value="nurture">Nurture</option>
      <option value="disqualify">Disqualify</option>
    </Select>
  );
}
