import { useField, useFormikContext } from "formik";
import { useId, type FC, type ReactNode } from "react";

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
  const id = useId();
  const inputId = `${id}-input`;
  const describedById = `${id}-description`;
  const changed = meta.value !== meta.initialValue;
  const showError = Boolean(
    meta.error && (meta.touched || submitCount > 0 || (validateLive && changed)),
  );
  const description = showError ? meta.error : helperText;

  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className={`field-control${showError ? " field-control-invalid" : ""}`}>
        {prefix && (
          <span className="field-prefix" aria-hidden="true">
            {prefix}
          </span>
        )}
        <input
          {...field}
          id={inputId}
          type="text"
          inputMode={inputMode}
          placeholder={placeholder}
          readOnly={readOnly}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-invalid={showError ? "true" : "false"}
          aria-describedby={description ? describedById : undefined}
        />
      </div>
      {description && (
        <div
          id={describedById}
          className={showError ? "field-error" : "field-helper"}
          role={showError ? "alert" : undefined}
          aria-live={showError ? undefined : "polite"}
        >
          {description}
        </div>
      )}
    </div>
  );
};
