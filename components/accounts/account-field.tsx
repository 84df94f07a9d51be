"use client";

import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import { invalid } from "@/components/forms/form-errors";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";

/**
 * A form's "Account" field: the organization's accounts searched on the server as the user types, bound to the
 * form's `accountId`. `selected` names the account shown at first (it came from the page, not from a search).
 */
export function AccountField<T extends FieldValues>({
  control,
  errors,
  selected,
  className,
}: {
  control: Control<T>;
  errors: string[] | undefined;
  selected?: { id: string; name: string } | undefined;
  className?: string;
}) {
  return (
    <Field label="Account" name="accountId" errors={errors} {...(className && { className })}>
      <Controller
        control={control}
        name={"accountId" as Path<T>}
        render={({ field }) => (
          <Combobox
            id="accountId"
            name="accountId"
            searchLabel="Search accounts"
            search="account"
            value={typeof field.value === "string" ? field.value : ""}
            selectedLabel={selected && field.value === selected.id ? selected.name : undefined}
            onChange={field.onChange}
            onBlur={field.onBlur}
            placeholder="Choose an account…"
            {...invalid(errors, "accountId")}
          />
        )}
      />
    </Field>
  );
}
