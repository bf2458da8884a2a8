import { Form, Formik, useFormikContext } from "formik";
import { useEffect, type FC } from "react";
import { FormField } from "../../../components/FormField";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { Dialog, DialogActions, DialogClose } from "../../../components/ui/Dialog";
import { createGroupSchema, type CreateGroupFormValues } from "./createGroupForm";

export type CreateGroupFieldErrors = Partial<Record<keyof CreateGroupFormValues, string>>;

export interface CreateGroupDialogViewProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the form starts: empty, or what the admin typed before closing it. */
  initialValues: CreateGroupFormValues;
  submitting: boolean;
  /** Field errors the server gave on the last try, shown on their fields. */
  fieldErrors?: CreateGroupFieldErrors;
  /** What the last try could not do, when it was not one field's fault. */
  problem?: { title: string; description?: string };
  onValuesChange?: (values: CreateGroupFormValues) => void;
  onSubmit: (values: CreateGroupFormValues) => void | Promise<void>;
}

/** Puts the server's field errors on their fields whenever a try returns new ones. */
const ServerFieldErrors: FC<{ errors: CreateGroupFieldErrors | undefined }> = ({ errors }) => {
  const { setErrors, setTouched } = useFormikContext<CreateGroupFormValues>();
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    setErrors(errors);
    void setTouched(Object.fromEntries(Object.keys(errors).map((field) => [field, true])), false);
  }, [errors, setErrors, setTouched]);
  return null;
};

const ValuesWatcher: FC<{ onChange?: (values: CreateGroupFormValues) => void }> = ({ onChange }) => {
  const { values } = useFormikContext<CreateGroupFormValues>();
  useEffect(() => onChange?.(values), [values, onChange]);
  return null;
};

/**
 * Coder's Create group form in a dialog: name, display name, avatar URL and
 * quota allowance, checked as the server checks them before anything is sent.
 */
export const CreateGroupDialogView: FC<CreateGroupDialogViewProps> = ({
  open,
  onOpenChange,
  initialValues,
  submitting,
  fieldErrors,
  problem,
  onValuesChange,
  onSubmit,
}) => (
  <Dialog
    open={open}
    onOpenChange={onOpenChange}
    title="Create group"
    description="A group of this organization's members; add members and set its AI budget once it exists."
  >
    <Formik initialValues={initialValues} validationSchema={createGroupSchema} onSubmit={onSubmit}>
      <Form noValidate className="flex flex-col gap-3">
        <ServerFieldErrors errors={fieldErrors} />
        <ValuesWatcher onChange={onValuesChange} />
        {problem && (
          <Callout severity="error" role="alert" title={problem.title}>
            {problem.description}
          </Callout>
        )}
        <FormField
          name="name"
          label="Name"
          helperText="Letters, digits and single hyphens; used in URLs."
          autoComplete="off"
        />
        <FormField name="display_name" label="Display name" helperText="Optional: shown instead of the name." />
        <FormField name="avatar_url" label="Avatar URL" inputMode="url" helperText="Optional." />
        <FormField name="quota_allowance" label="Quota allowance" inputMode="numeric" />
        <DialogActions>
          <DialogClose asChild>
            <Button type="button">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="primary" disabled={submitting} aria-busy={submitting || undefined}>
            {submitting ? "Creating…" : "Create group"}
          </Button>
        </DialogActions>
      </Form>
    </Formik>
  </Dialog>
);
