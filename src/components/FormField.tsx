import { useField, useFormikContext } from "formik";
import type { FC, ReactNode } from "react";
import { TextField } from "./ui/TextField";

interface FormFieldProps {
  name: string;
  label: string;
  helperText?: ReactNode;
  readOnly?: boolean;
  placeholder?: string;
  inputMode?: "text" | "decimal" | "numeric" | "url";
  /** Show a validation message while typing rather than after leaving the field. */
  validateLive?: boolean;
  /** Text shown just before the input, such as "$". */
  prefix?: string;
  autoComplete?: string;
}

/**
 * A labelled text input whose helper text or error is tied to it with
 * aria-describedby; the error replaces the helper and is announced.
 */
export const FormField: FC<FormFieldProps> = ({
  name,
  label,
  helperText,
  readOnly = false,
  placeholder,
  inputMode = "text",
  validateLive = false,
  prefix,
  autoComplete = "off",
}) => {
  const [field, meta] = useField<string>(name);
  const { submitCount } = useFormikContext();
  const changed = meta.value !== meta.initialValue;
  const showError = Boolean(meta.error && (meta.touched || submitCount > 0 || (validateLive && changed)));

  return (
    <TextField
      {...field}
      label={label}
      helperText={helperText}
      error={showError ? meta.error : undefined}
      prefix={prefix}
      inputMode={inputMode}
      placeholder={placeholder}
      readOnly={readOnly}
      autoComplete={autoComplete}
    />
  );
};
