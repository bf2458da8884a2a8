import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type FC, type FormEvent } from "react";
import { getErrorDetail, getErrorMessage, isForbidden } from "../../../api/errors";
import { saveUserAIBudgetOverride, userAIBudgetOverride } from "../../../api/queries/aiSpend";
import type { Group, ReducedUser } from "../../../../core/types";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { Dialog, DialogClose } from "../../../components/ui/Dialog";
import { MoneyInput } from "../../../components/ui/MoneyInput";
import { Skeleton } from "../../../components/ui/Skeleton";
import { amountInputError, dollarsToMicros, microsToDollars } from "../../../../core/currency";

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

/** A per-user budget that beats every group; unchecking removes it. */
export const OverrideDialog: FC<OverrideDialogProps> = ({
  member,
  memberGroups,
  defaultGroupId,
  readOnly,
  spendSummary,
  onClose,
}) => {
  const id = useId();
  const queryClient = useQueryClient();
  const overrideQuery = useQuery(userAIBudgetOverride(member.id));
  const save = useMutation(saveUserAIBudgetOverride(queryClient, member.id));
  const [enabled, setEnabled] = useState(false);
  const [amount, setAmount] = useState("");
  const [groupId, setGroupId] = useState(defaultGroupId);
  // An error shows once the admin has left the field, typed a changed amount, or pressed Save.
  const [touched, setTouched] = useState(false);

  const loaded = overrideQuery.data;
  useEffect(() => {
    if (loaded === undefined) return;
    setEnabled(loaded !== null);
    setAmount(loaded ? microsToDollars(loaded.spend_limit_micros) : "");
    setGroupId(loaded?.group_id ?? defaultGroupId);
  }, [loaded, defaultGroupId]);

  const amountError = enabled && !readOnly ? amountInputError(amount) : undefined;
  const shownError = touched ? amountError : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (readOnly || save.isPending || amountError) return;
    save.mutate(enabled ? { group_id: groupId, spend_limit_micros: dollarsToMicros(amount) } : null, {
      onSuccess: onClose,
    });
  };
  const name = member.name || member.username;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`AI budget of ${name}`} description={spendSummary}>
      <form onSubmit={onSubmit} noValidate>
        {overrideQuery.isLoading ? (
          <div role="status" aria-label="Loading the override" className="skeleton-stack">
            <Skeleton width="12rem" />
            <Skeleton height="2.25rem" />
            <Skeleton height="2.25rem" />
          </div>
        ) : overrideQuery.error ? (
          <Callout severity="error" role="alert">
            {isForbidden(overrideQuery.error)
              ? `You may not see ${name}'s AI budget override.`
              : `Could not load the override. ${getErrorMessage(overrideQuery.error, "")}`}
          </Callout>
        ) : (
          <>
            {readOnly && (
              <Callout severity="info" role="note">
                Only an Owner or a User Admin can change a member's AI budget.
              </Callout>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={enabled}
                disabled={readOnly}
                onChange={(e) => {
                  setEnabled(e.target.checked);
                  if (!e.target.checked) setTouched(false);
                }}
              />
              Override group budget
            </label>
            <MoneyInput
              id={`${id}-amount`}
              label="Custom monthly budget"
              value={amount}
              disabled={!enabled}
              readOnly={readOnly}
              helperText={
                enabled
                  ? "Leave the box unchecked to follow the group's budget. 0 disables AI for this member."
                  : undefined
              }
              error={shownError}
              onChange={(e) => {
                setAmount(e.target.value);
                // A character no amount has shows its message at once; the rest, once the admin leaves the field.
                if (/[^\d.]/.test(e.target.value)) setTouched(true);
              }}
              onBlur={() => enabled && setTouched(true)}
            />
            <label htmlFor={`${id}-group`} className="field-label">
              Budget assigned to
            </label>
            <select
              id={`${id}-group`}
              value={groupId}
              disabled={!enabled || readOnly}
              onChange={(e) => setGroupId(e.target.value)}
            >
              {memberGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.display_name || g.name}
                </option>
              ))}
            </select>
            {save.error && (
              <Callout severity="error" role="alert">
                {getErrorMessage(save.error, "Could not save the override.")} {getErrorDetail(save.error)}
              </Callout>
            )}
          </>
        )}
        <div className="form-actions">
          <DialogClose asChild>
            <Button>{readOnly ? "Close" : "Cancel"}</Button>
          </DialogClose>
          {!readOnly && (
            <Button type="submit" variant="primary" loading={save.isPending} disabled={overrideQuery.isLoading}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
};
