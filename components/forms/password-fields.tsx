"use client";

import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { invalid } from "./form-errors";

const HINT = "At least 10 characters.";

/**
 * A form's new password, and with `confirm` its repeat: the same labels, hint, autocomplete and error wiring in
 * every form that sets a password (reset, change, a new user's initial one). The server's schema judges both.
 */
export function PasswordFields<T extends FieldValues>({
  register,
  errors,
  name,
  id = name,
  label = "New password",
  confirm,
}: {
  register: UseFormRegister<T>;
  errors: (name: string) => string[] | undefined;
  /** The schema's field for the password. */
  name: Path<T>;
  /** The input's id when it differs from the field's name (several forms on one page). */
  id?: string;
  label?: string;
  /** The schema's field for the repeat, when the form asks for one. */
  confirm?: Path<T>;
}) {
  return (
    <>
      <Field label={label} name={id} errors={errors(name)} hint={HINT}>
        <Input id={id} type="password" autoComplete="new-password" {...register(name)} {...invalid(errors(name), id)} />
      </Field>
      {confirm && (
        <Field label="Repeat the new password" name={confirm} errors={errors(confirm)}>
          <Input id={confirm} type="password" autoComplete="new-password" {...register(confirm)} {...invalid(errors(confirm), confirm)} />
        </Field>
      )}
    </>
  );
}
