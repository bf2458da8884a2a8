import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Form, Formik, useFormikContext } from "formik";
import { type FC, useId } from "react";
import * as Yup from "yup";
import { amountInputError, dollarsToMicros, microsToDollars } from "../../../../core/currency";
import type { Group, ReducedUser, UserAIBudgetOverride } from "../../../../core/types";
import { getErrorDetail, getErrorMessage, isForbidden } from "../../../api/errors";
import { saveUserAIBudgetOverride, userAIBudgetOverride } from "../../../api/queries/aiSpend";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { Dialog, DialogActions, DialogClose, dialogFormClassName } from "../../../components/ui/Dialog";
import { MoneyInput } from "../../../components/ui/MoneyInput";
import { Skeleton, SkeletonStack } from "../../../components/ui/Skeleton";
import { FieldLabel, selectClassName } from "../../../components/ui/TextField";

interface OverrideDialogProps {
  member: ReducedUser;
  /** Groups of the organization the member belongs to: where their spend may be charged. */
  memberGroups: Group[];
  defaultGroupId: string;
  readOnly: boolean;
  /** What the member has spent against which limit, when the members tab knows. */
  spendSummary?: string;
  onClose: () => void;
}

interface OverrideValues {
  enabled: boolean;
  amount: string;
  groupId: string;
}

/** The amount must be one we accept, while the override is on. */
const overrideSchema = Yup.object({
  enabled: Yup.boolean(),
  amount: Yup.string().test("amount", (value = "", ctx) => {
    if (!ctx.parent.enabled) return true;
    const problem = amountInputError(value);
    return problem ? ctx.createError({ message: problem }) : true;
  }),
  groupId: Yup.string(),
});

const initialValues = (loaded: UserAIBudgetOverride | null, defaultGroupId: string): OverrideValues => ({
  enabled: loaded !== null,
  amount: loaded ? microsToDollars(loaded.spend_limit_micros) : "",
  groupId: loaded?.group_id ?? defaultGroupId,
});

/** A per-user budget that beats every group; unchecking removes it. The form mounts once the override is loaded. */
export const OverrideDialog: FC<OverrideDialogProps> = ({
  member,
  memberGroups,
  defaultGroupId,
  readOnly,
  spendSummary,
  onClose,
}) => {
  const queryClient = useQueryClient();
  const overrideQuery = useQuery(userAIBudgetOverride(member.id));
  const save = useMutation(saveUserAIBudgetOverride(queryClient, member.id));
  const name = member.name || member.username;
  const loaded = overrideQuery.data;

  const onSubmit = (values: OverrideValues) => {
    if (readOnly || save.isPending) return;
    save.mutate(
      values.enabled ? { group_id: values.groupId, spend_limit_micros: dollarsToMicros(values.amount) } : null,
      {
        onSuccess: onClose,
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`AI budget of ${name}`} description={spendSummary}>
      {loaded === undefined ? (
        <div>
          {overrideQuery.error ? (
            <Callout severity="error" role="alert">
              {isForbidden(overrideQuery.error)
                ? `You may not see ${name}'s AI budget override.`
                : `Could not load the override. ${getErrorMessage(overrideQuery.error, "")}`}
            </Callout>
          ) : (
            <SkeletonStack role="status" aria-label="Loading the override">
              <Skeleton width="12rem" />
              <Skeleton height="2.25rem" />
              <Skeleton height="2.25rem" />
            </SkeletonStack>
          )}
          <OverrideActions readOnly={readOnly} loading />
        </div>
      ) : (
        <Formik
          initialValues={initialValues(loaded, defaultGroupId)}
          validationSchema={readOnly ? undefined : overrideSchema}
          onSubmit={onSubmit}
        >
          <Form noValidate className={dialogFormClassName}>
            <OverrideFields memberGroups={memberGroups} readOnly={readOnly} />
            {save.error && (
              <Callout severity="error" role="alert">
                {getErrorMessage(save.error, "Could not save the override.")} {getErrorDetail(save.error)}
              </Callout>
            )}
            <OverrideActions readOnly={readOnly} saving={save.isPending} />
          </Form>
        </Formik>
      )}
    </Dialog>
  );
};

const OverrideActions: FC<{ readOnly: boolean; saving?: boolean; loading?: boolean }> = ({
  readOnly,
  saving = false,
  loading = false,
}) => (
  <DialogActions>
    <DialogClose asChild>
      <Button>{readOnly ? "Close" : "Cancel"}</Button>
    </DialogClose>
    {!readOnly && (
      <Button type="submit" variant="primary" loading={saving} disabled={loading}>
        {saving ? "Saving…" : "Save"}
      </Button>
    )}
  </DialogActions>
);

/** The override's fields. Its amount's error shows once the admin has left it, typed what no amount has, or pressed Save. */
const OverrideFields: FC<{ memberGroups: Group[]; readOnly: boolean }> = ({ memberGroups, readOnly }) => {
  const id = useId();
  const { values, errors, touched, handleChange, setFieldValue, setFieldTouched } = useFormikContext<OverrideValues>();
  return (
    <>
      {readOnly && (
        <Callout severity="info" role="note">
          Only an Owner or a User Admin can change a member's AI budget.
        </Callout>
      )}
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="enabled"
          checked={values.enabled}
          disabled={readOnly}
          onChange={(e) => {
            void setFieldValue("enabled", e.target.checked);
            if (!e.target.checked) void setFieldTouched("amount", false, false);
          }}
        />
        Override group budget
      </label>
      <MoneyInput
        id={`${id}-amount`}
        name="amount"
        label="Custom monthly budget"
        value={values.amount}
        disabled={!values.enabled}
        readOnly={readOnly}
        helperText={
          values.enabled
            ? "Leave the box unchecked to follow the group's budget. 0 disables AI for this member."
            : undefined
        }
        error={touched.amount ? errors.amount : undefined}
        onChange={(e) => {
          handleChange(e);
          // A character no amount has shows its message at once; the rest, once the admin leaves the field.
          if (/[^\d.]/.test(e.target.value)) void setFieldTouched("amount", true, false);
        }}
        onBlur={() => values.enabled && void setFieldTouched("amount", true)}
      />
      <FieldLabel htmlFor={`${id}-group`}>Budget assigned to</FieldLabel>
      <select
        id={`${id}-group`}
        name="groupId"
        className={selectClassName}
        value={values.groupId}
        disabled={!values.enabled || readOnly}
        onChange={handleChange}
      >
        {memberGroups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.display_name || g.name}
          </option>
        ))}
      </select>
    </>
  );
};
