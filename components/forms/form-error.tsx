import { AlertTriangle } from "lucide-react";

export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="flex items-start gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200" data-testid="form-error">
      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{message}</span>
    </div>
  );
}
