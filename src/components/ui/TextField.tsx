import { forwardRef, useId, type FC, type InputHTMLAttributes, type LabelHTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx";

/** A field's label, above its control. */
export const FieldLabel: FC<LabelHTMLAttributes<HTMLLabelElement>> = ({ className, ...props }) => (
  // biome-ignore lint/a11y/noLabelWithoutControl: the caller ties it to its control with htmlFor.
  <label className={cx("font-semibold", className)} {...props} />
);

/** A field's message: what is wrong with what was typed. */
export const fieldErrorClassName = "font-medium text-[0.875rem] text-content-error";

/**
 * The box around an input (and its prefix or icon): the border, and the focus
 * ring the input itself leaves to it. `invalid` marks it, `disabled` flattens it.
 */
export const fieldControlClassName = (state: { invalid?: boolean; disabled?: boolean } = {}): string =>
  cx(
    "flex items-center rounded-[6px] border focus-within:outline-2 focus-within:outline-focus-ring focus-within:outline-offset-1 focus-within:outline-solid",
    state.invalid ? "border-border-error" : "border-border-default",
    state.disabled ? "cursor-not-allowed border-dashed bg-surface-tertiary" : "bg-surface-primary",
  );

/** The input inside a field's box: borderless, the box draws the frame. */
export const fieldInputClassName =
  "min-w-0 flex-1 border-0 bg-transparent px-[0.65rem] py-[0.55rem] read-only:text-content-secondary focus:outline-none disabled:cursor-not-allowed disabled:text-content-secondary";

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
      <div className="mb-4 flex flex-col gap-[0.3rem] last:mb-0">
        <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
        <div className={fieldControlClassName({ invalid: Boolean(error), disabled })}>
          {prefix && (
            <span className="pl-[0.65rem] text-content-secondary" aria-hidden="true">
              {prefix}
            </span>
          )}
          <input
            ref={ref}
            id={inputId}
            type={type}
            className={fieldInputClassName}
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
            className={
              error
                ? fieldErrorClassName
                : "text-[0.875rem] text-content-secondary [&_a]:underline [&_a]:underline-offset-2"
            }
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

/** A native select or a bare input (a date, a filter) with the fields' frame. */
export const selectClassName =
  "rounded-[6px] border border-border-default bg-surface-primary px-2 py-[0.4rem] text-content-primary";
