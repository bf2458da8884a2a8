import { Form, Formik, type FormikHelpers } from "formik";
import { useState, type FC, type ReactNode } from "react";
import type { Group } from "../../../../core/types";
import { FormField } from "../../../components/FormField";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { AIBudgetSection, type MembersSpendForPreview } from "./AIBudgetSection";
import { hasChanges } from "./saveFlow";
import { budgetSaveQuestion, type SaveQuestion } from "./saveQuestion";
import { BudgetConflictNotice, type BudgetConflict } from "./BudgetConflictNotice";
import {
  type FormErrors,
  type GroupSettingsFormValues,
  groupSettingsSchema,
  initialFormValues,
} from "./groupSettingsForm";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { FormActions } from "../../../components/ui/FormActions";
import { Section, SectionDescription } from "../../../components/ui/Section";

/** The settings form's column of sections; its skeleton takes the same. */
export const settingsFormClassName = "flex max-w-[40rem] flex-col gap-5";

export interface GroupSettingsPageViewProps {
  group: Group;
  /** The saved budget in micros; null when the group has none. */
  initialBudgetMicros: number | null;
  /** The deployment is entitled to AI budgets. */
  showAISettings: boolean;
  /** Why the AI budget cannot be set on this deployment (such as the version it needs); shown in its place. */
  aiUnavailableReason?: string;
  /** This period's spend of the members, for the live impact preview. */
  membersSpend?: MembersSpendForPreview;
  /** The signed-in user may read but not change this group. */
  readOnly: boolean;
  isUpdating: boolean;
  /** What the last save could not do; stays until the next save. */
  saveProblem?: { title: string; description?: string };
  /** Values the admin typed earlier and had not saved, to start from instead. */
  restoredDraft?: GroupSettingsFormValues;
  onDiscardDraft?: () => void;
  /** The budget changed on the server after this form loaded. */
  budgetConflict?: BudgetConflict;
  /** "Save mine" answers, like onSubmit, the field errors the server gave. */
  onResolveConflict?: (choice: "mine" | "theirs", values: GroupSettingsFormValues) => Promise<FormErrors | undefined>;
  /** Saves; answers the field errors the server gave, which the form puts on their fields. */
  onSubmit: (values: GroupSettingsFormValues) => Promise<FormErrors | undefined>;
  onCancel: () => void;
  /**
   * Rendered inside the form, above the buttons, given the values and whether
   * they differ from what is saved: the leave guard, the draft kept in storage.
   */
  children?: (form: { values: GroupSettingsFormValues; dirty: boolean }) => ReactNode;
}

/** Puts the server's field errors on their fields, marked as touched so they show. */
async function showServerErrors(
  errors: FormErrors | undefined,
  { setErrors, setTouched }: Pick<FormikHelpers<GroupSettingsFormValues>, "setErrors" | "setTouched">,
) {
  if (!errors || Object.keys(errors).length === 0) return;
  await setTouched(Object.fromEntries(Object.keys(errors).map((field) => [field, true])), false);
  setErrors(errors);
}

export const GroupSettingsPageView: FC<GroupSettingsPageViewProps> = ({
  group,
  initialBudgetMicros,
  showAISettings,
  aiUnavailableReason,
  membersSpend,
  readOnly,
  isUpdating,
  saveProblem,
  restoredDraft,
  onDiscardDraft,
  budgetConflict,
  onResolveConflict,
  onSubmit,
  onCancel,
  children,
}) => {
  const loaded = initialFormValues(group, initialBudgetMicros);
  // A save that must be confirmed first, with the values it would send.
  const [asking, setAsking] = useState<{ values: GroupSettingsFormValues; question: SaveQuestion }>();
  return (
    <Formik
      initialValues={restoredDraft ?? loaded}
      validationSchema={groupSettingsSchema}
      onSubmit={async (values, helpers) => {
        if (readOnly) return;
        const question = showAISettings
          ? budgetSaveQuestion(
              values.monthly_budget_per_member,
              initialBudgetMicros,
              group.total_member_count,
              membersSpend,
            )
          : undefined;
        if (question) setAsking({ values, question });
        else await showServerErrors(await onSubmit(values), helpers);
      }}
    >
      {({ isSubmitting, resetForm, values, setErrors, setTouched }) => {
        const busy = isSubmitting || isUpdating;
        // Save is offered only for a change against what is saved.
        const dirty = hasChanges(values, loaded);
        return (
          <Form className={settingsFormClassName} noValidate aria-label="Group settings" aria-busy={busy}>
            {readOnly && (
              <Callout severity="info" role="note">
                You can view this group's settings, but only an administrator can change them.
              </Callout>
            )}
            {restoredDraft && onDiscardDraft && (
              <Callout
                severity="info"
                role="status"
                actions={
                  <Button
                    size="small"
                    onClick={() => {
                      resetForm({ values: loaded });
                      onDiscardDraft();
                    }}
                  >
                    Discard them
                  </Button>
                }
              >
                <p>Restored the changes you had not saved yet.</p>
              </Callout>
            )}
            {/* The budget is what this page is opened for: first, where it is entitled. */}
            {showAISettings && (
              <AIBudgetSection
                memberCount={group.total_member_count}
                savedMicros={initialBudgetMicros}
                readOnly={readOnly}
                membersSpend={membersSpend}
              />
            )}
            <Section aria-labelledby="general-heading">
              <h2 id="general-heading">General</h2>
              <FormField name="name" label="Name" readOnly={readOnly} />
              <FormField
                name="display_name"
                label="Display name"
                readOnly={readOnly}
                helperText="Optional. Shown instead of the name where there is room."
              />
              <FormField name="avatar_url" label="Avatar URL" inputMode="url" readOnly={readOnly} />
              <FormField
                name="quota_allowance"
                label="Quota allowance"
                inputMode="numeric"
                readOnly={readOnly}
                helperText="Workspace quota credits each member gets from this group."
              />
            </Section>
            {!showAISettings && aiUnavailableReason && (
              <Section aria-labelledby="ai-budget-heading">
                <h2 id="ai-budget-heading">AI budget</h2>
                <SectionDescription>{aiUnavailableReason}</SectionDescription>
              </Section>
            )}
            {budgetConflict && onResolveConflict && (
              <BudgetConflictNotice
                conflict={budgetConflict}
                open={!busy}
                onResolve={async (choice, chosen) =>
                  showServerErrors(await onResolveConflict(choice, chosen), { setErrors, setTouched })
                }
              />
            )}
            {saveProblem && !busy && !budgetConflict && (
              <Callout severity="error" role="alert" title={saveProblem.title}>
                {saveProblem.description && <p className="text-content-primary">{saveProblem.description}</p>}
              </Callout>
            )}
            {children?.({ values, dirty })}
            <ConfirmDialog
              open={asking !== undefined}
              title={asking?.question.title ?? ""}
              confirmLabel={asking?.question.confirmLabel ?? ""}
              cancelLabel="Go back"
              onConfirm={() => {
                if (asking) {
                  void onSubmit(asking.values).then((errors) => showServerErrors(errors, { setErrors, setTouched }));
                }
                setAsking(undefined);
              }}
              onCancel={() => setAsking(undefined)}
            >
              <p>{asking?.question.consequence}</p>
            </ConfirmDialog>
            <FormActions>
              {!readOnly && (
                <Button type="submit" variant="primary" loading={busy} disabled={!dirty}>
                  {busy ? "Saving…" : "Save"}
                </Button>
              )}
              <Button onClick={onCancel} disabled={busy}>
                {readOnly ? "Back" : "Cancel"}
              </Button>
            </FormActions>
          </Form>
        );
      }}
    </Formik>
  );
};
