import { useFormikContext } from "formik";
import type { FC } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { formatMicrosAsUSD, microsToDollars } from "../../../../core/currency";
import type { GroupSettingsFormValues } from "./groupSettingsForm";

export interface BudgetConflict {
  /** What is stored now, per member; null: no budget. */
  theirsMicros: number | null;
  /** What this admin tried to save. */
  yoursMicros: number | null;
}

const describe = (micros: number | null) => (micros === null ? "no budget" : `${formatMicrosAsUSD(micros)} per member`);

/**
 * Both values side by side, and the admin's choice between them, in a modal:
 * nothing else on the page makes sense until it is made. Taking theirs sends
 * nothing, so it is the safe choice (first, focused, Escape); saving mine is
 * the one primary button.
 */
export const BudgetConflictNotice: FC<{
  conflict: BudgetConflict;
  open: boolean;
  onResolve: (choice: "mine" | "theirs", values: GroupSettingsFormValues) => void;
}> = ({ conflict, open, onResolve }) => {
  const { setFieldValue, values } = useFormikContext<GroupSettingsFormValues>();
  return (
    <ConfirmDialog
      open={open}
      title="Someone else changed this budget while you were editing."
      confirmLabel={`Save mine (${describe(conflict.yoursMicros)})`}
      cancelLabel={`Use theirs (${describe(conflict.theirsMicros)})`}
      onConfirm={() => {
        onResolve("mine", values);
      }}
      onCancel={() => {
        onResolve("theirs", values);
        void setFieldValue(
          "monthly_budget_per_member",
          conflict.theirsMicros === null ? "" : microsToDollars(conflict.theirsMicros),
        );
      }}
    >
      <p>
        It is now <strong>{describe(conflict.theirsMicros)}</strong>. You entered{" "}
        <strong>{describe(conflict.yoursMicros)}</strong>. Nothing of the budget was saved.
      </p>
    </ConfirmDialog>
  );
};
