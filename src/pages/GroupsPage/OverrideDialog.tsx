import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FC, type FormEvent } from "react";
import { getErrorDetail, getErrorMessage, isForbidden } from "../../api/errors";
import { saveUserAIBudgetOverride, userAIBudgetOverride } from "../../api/queries/aiSpend";
import type { Group, ReducedUser } from "../../api/types";
import { amountInputError, dollarsToMicros, microsToDollars } from "../../utils/currency";

interface OverrideDialogProps {
  member: ReducedUser;
  /** Groups of the organization the member belongs to: where their spend may be charged. */
  memberGroups: Group[];
  defaultGroupId: string;
  readOnly: boolean;
  onClose: () => void;
}

/** A per-user budget that beats every group; unchecking removes it. */
export const OverrideDialog: FC<OverrideDialogProps> = ({ member, memberGroups, defaultGroupId, readOnly, onClose }) => {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const overrideQuery = useQuery(userAIBudgetOverride(member.id));
  const save = useMutation(saveUserAIBudgetOverride(queryClient, member.id));
  const [enabled, setEnabled] = useState(false);
  const [amount, setAmount] = useState("");
  const [groupId, setGroupId] = useState(defaultGroupId);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const loaded = overrideQuery.data;
  useEffect(() => {
    if (loaded === undefined) return;
    setEnabled(loaded !== null);
    setAmount(loaded ? microsToDollars(loaded.spend_limit_micros) : "");
    setGroupId(loaded?.group_id ?? defaultGroupId);
  }, [loaded, defaultGroupId]);

  const amountError = enabled ? amountInputError(amount) : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (readOnly || save.isPending || amountError) return;
    save.mutate(enabled ? { group_id: groupId, spend_limit_micros: dollarsToMicros(amount) } : null, { onSuccess: onClose });
  };
  const name = member.name || member.username;

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`}>AI budget of {name}</h2>
        {overrideQuery.isLoading ? (
          <p role="status">Loading…</p>
        ) : overrideQuery.error ? (
          <p className="field-error" role="alert">
            {isForbidden(overrideQuery.error)
              ? `You may not see ${name}'s AI budget override.`
              : `Could not load the override. ${getErrorMessage(overrideQuery.error, "")}`}
          </p>
        ) : (
          <>
            {readOnly && <p role="note">Only an Owner or a User Admin can change a member's AI budget.</p>}
            <label className="checkbox">
              <input type="checkbox" checked={enabled} disabled={readOnly} onChange={(e) => setEnabled(e.target.checked)} />
              Override group budget
            </label>
            <label htmlFor={`${id}-amount`} className="field-label">
              Custom monthly budget
            </label>
            <div className={`field-control${submitted && amountError ? " field-control-invalid" : ""}`}>
              <span className="field-prefix" aria-hidden="true">$</span>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                value={amount}
                disabled={!enabled}
                readOnly={readOnly}
                onChange={(e) => setAmount(e.target.value)}
                aria-invalid={submitted && amountError ? "true" : "false"}
                aria-describedby={submitted && amountError ? `${id}-amount-error` : undefined}
              />
            </div>
            {submitted && amountError && (
              <p id={`${id}-amount-error`} className="field-error" role="alert">
                {amountError}
              </p>
            )}
            <label htmlFor={`${id}-group`} className="field-label">
              Budget assigned to
            </label>
            <select id={`${id}-group`} value={groupId} disabled={!enabled || readOnly} onChange={(e) => setGroupId(e.target.value)}>
              {memberGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.display_name || g.name}
                </option>
              ))}
            </select>
            {save.error && (
              <p className="field-error" role="alert">
                {getErrorMessage(save.error, "Could not save the override.")} {getErrorDetail(save.error)}
              </p>
            )}
          </>
        )}
        <div className="form-actions">
          {!readOnly && (
            <button type="submit" className="button button-primary" disabled={save.isPending || overrideQuery.isLoading}>
              {save.isPending ? "Saving…" : "Save"}
            </button>
          )}
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {readOnly ? "Close" : "Cancel"}
          </button>
        </div>
      </form>
    </dialog>
  );
};
