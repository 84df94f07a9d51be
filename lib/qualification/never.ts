/** Exhaustiveness guard for `switch` over discriminated unions: a new variant fails to compile here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
