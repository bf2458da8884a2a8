import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "prefix"> {
  label: ReactNode;
  helperText?: ReactNode;
  /** A message that replaces the helper, marks the field invalid and is announced. */
  error?: ReactNode;
  /** Text just before the input, such as "$". */
  prefix?: string;
}

/**
 * A labelled text input whose helper or error is tied to it with
 * aria-describedby. Presentational: FormField connects it to Formik,
 * MoneyInput puts dollars in it.
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(
  ({ label, helperText, error, prefix, id: givenId, disabled, readOnly, type = "text", ...input }, ref) => {
    const generated = useId();
    const inputId = givenId ?? `${generated}-input`;
    const describedById = `${inputId}-description`;
    const description = error || helperText;
    return (
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          {label}
        </label>
        <div
          className={[
            "field-control",
            error && "field-control-invalid",
            disabled && "field-control-disabled",
            readOnly && "field-control-readonly",
          ]
            .filter(Boolean)
            .join(" ")}
        >
          {prefix && (
            <span className="field-prefix" aria-hidden="true">
              {prefix}
            </span>
          )}
          <input
            ref={ref}
            id={inputId}
            type={type}
            disabled={disabled}
            readOnly={readOnly}
            spellCheck={false}
            aria-invalid={error ? "true" : "false"}
            aria-describedby={description ? describedById : undefined}
            {...input}
          />
        </div>
        {description && (
          <div
            id={describedById}
            className={error ? "field-error" : "field-helper"}
            role={error ? "alert" : undefined}
            aria-live={error ? undefined : "polite"}
          >
            {description}
          </div>
        )}
      </div>
    );
  },
);
TextField.displayName = "TextField";
