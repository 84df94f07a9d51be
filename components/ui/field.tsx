import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(control, "min-h-24", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(control, "pr-8", className)} {...props} />;
}

/** Label, control, hint and the field's validation errors, wired for screen readers. */
export function Field({
  label,
  name,
  errors,
  hint,
  className,
  children,
}: {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length && <p className="text-xs text-slate-500">{hint}</p>}
      {/* One message per field (the first rule it broke): the id is what aria-describedby points at, so it must be unique. */}
      {errors?.[0] && (
        <p id={`${name}-error`} className="text-xs font-medium text-rose-600" data-testid={`error-${name}`}>
          {errors[0]}
        </p>
      )}
    </div>
  );
}
