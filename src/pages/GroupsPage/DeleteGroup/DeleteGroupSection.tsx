import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState, type FC } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import type { Group } from "../../../../core/types";
import { getErrorDetail, getErrorMessage, isNotFound } from "../../../api/errors";
import { groupDeleted } from "../../../api/queries/cache";
import { deleteGroup } from "../../../api/queries/organizations";
import { groupsUrl } from "../../../app/urls";
import { Button } from "../../../components/ui/Button";
import { DeleteGroupDialogView } from "./DeleteGroupDialogView";
import { Section } from "../../../components/ui/Section";

/**
 * The settings page's last section: Delete group, for those who may manage
 * the organization's groups, never for Everyone. After deleting, the groups
 * list with a toast.
 */
export const DeleteGroupSection: FC<{ organization: string; group: Group; canDelete: boolean; ai: boolean }> = ({
  organization,
  group,
  canDelete,
  ai,
}) => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation(deleteGroup());
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<{ title: string; description?: string }>();
  if (!canDelete || group.id === group.organization_id) return null;

  const onConfirm = async () => {
    setProblem(undefined);
    try {
      await mutation.mutateAsync(group);
    } catch (error) {
      // Another admin deleted it first: it is gone, as this admin wanted.
      if (!isNotFound(error)) {
        setProblem({ title: getErrorMessage(error, "Failed to delete group."), description: getErrorDetail(error) });
        return;
      }
    }
    setOpen(false);
    // Leave the group's pages before its data leaves the cache, so they never ask for it again.
    await navigate(groupsUrl(organization));
    toast.success(`Group "${group.display_name || group.name}" deleted.`);
    await groupDeleted(queryClient, organization, group);
  };

  return (
    <Section className="mt-6" aria-labelledby="delete-group-heading">
      <h2 id="delete-group-heading" className="m-0 mb-1 text-base font-semibold">
        Delete this group
      </h2>
      <p className="m-0 mb-3 text-sm text-content-secondary">
        {ai
          ? "Its members leave it; its AI budget and the overrides charged to it are deleted with it."
          : "Its members leave it."}
      </p>
      <Button variant="destructive" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden="true" size={16} />
        Delete group…
      </Button>
      {open && (
        <DeleteGroupDialogView
          open
          groupName={group.name}
          memberCount={group.total_member_count}
          ai={ai}
          deleting={mutation.isPending}
          problem={problem}
          onConfirm={() => void onConfirm()}
          onCancel={() => {
            setOpen(false);
            setProblem(undefined);
          }}
        />
      )}
    </Section>
  );
};
