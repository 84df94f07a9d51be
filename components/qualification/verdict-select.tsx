import { Select } from "@/components/ui/field";
import { VERDICT_KINDS } from "@/lib/qualification";
import { VERDICT_LABEL } from "@/lib/vocabulary";

/** The verdict filter every list and the risk list share, submitted as `verdict`. */
export function VerdictSelect({ value }: { value: string | undefined }) {
  return (
    <Select name="verdict" defaultValue={value ?? ""} className="max-w-40" aria-label="Verdict">
      <option value="">Any verdict</option>
      {VERDICT_KINDS.map((v) => (
        <option key={v} value={v}>
          {VERDICT_LABEL[v]}
        </option>
      ))}
    </Select>
  );
}
