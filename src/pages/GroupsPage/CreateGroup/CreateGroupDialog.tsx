import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useCallback, useState, type FC } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { getErrorDetail, getErrorMessage, getValidationErrors } from "../../../api/errors";
import { createGroup } from "../../../api/queries/organizations";
import { groupUrl } from "../../../app/urls";
import { Button } from "../../../components/ui/Button";
import { CreateGroupDialogView, type CreateGroupFieldErrors } from "./CreateGroupDialogView";
import { createGroupRequest, EMPTY_CREATE_GROUP_FORM, type CreateGroupFormValues } from "./createGroupForm";

const FIELDS = new Set(Object.keys(EMPTY_CREATE_GROUP_FORM));

/**
 * The groups list's Create group button and its dialog: creates the group,
 * then opens its page. A failure keeps the dialog and everything typed, with
 * the server's message on the field it names; closing keeps the draft too.
 */
export const CreateGroupDialog: FC<{ organization: string }> = ({ organization }) => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation(createGroup(queryClient, organization));
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<CreateGroupFormValues>(EMPTY_CREATE_GROUP_FORM);
  const [fieldErrors, setFieldErrors] = useState<CreateGroupFieldErrors>();
  const [problem, setProblem] = useState<{ title: string; description?: string }>();
  const onValuesChange = useCallback((values: CreateGroupFormValues) => setDraft(values), []);

  const onSubmit = async (values: CreateGroupFormValues) => {
    setProblem(undefined);
    try {
      const created = await mutation.mutateAsync(createGroupRequest(values));
      toast.success(`Group "${created.display_name || created.name}" created.`);
      setDraft(EMPTY_CREATE_GROUP_FORM);
      setOpen(false);
      void navigate(groupUrl(organization, created.name));
    } catch (error) {
      const onFields = Object.fromEntries(
        Object.entries(getValidationErrors(error)).filter(([field]) => FIELDS.has(field)),
      );
      setFieldErrors(onFields);
      if (Object.keys(onFields).length === 0)
        setProblem({ title: getErrorMessage(error, "Failed to create group."), description: getErrorDetail(error) });
    }
  };

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" size={16} />
        Create group
      </Button>
      {open && (
        <CreateGroupDialogView
          open
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) setProblem(undefined);
          }}
          initialValues={draft}
          submitting={mutation.isPending}
          fieldErrors={fieldErrors}
          problem={problem}
          onValuesChange={onValuesChange}
          onSubmit={onSubmit}
        />
      )}
    </>
  );
};
