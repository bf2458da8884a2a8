import { forwardRef } from "react";
import { TextField, type TextFieldProps } from "./TextField";

/**
 * An amount in US dollars: a "$" before it, a decimal keypad on phones, and
 * the value kept as the text typed (core/currency.ts parses it exactly).
 */
export const MoneyInput = forwardRef<HTMLInputElement, Omit<TextFieldProps, "prefix" | "inputMode" | "type">>(
  (props, ref) => <TextField ref={ref} prefix="$" inputMode="decimal" autoComplete="off" {...props} />,
);
MoneyInput.displayName = "MoneyInput";
