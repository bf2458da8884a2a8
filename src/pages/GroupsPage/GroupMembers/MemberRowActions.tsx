import { UserMinus, WalletCards } from "lucide-react";
import type { FC } from "react";
import { ActionsMenu, ActionsMenuItem } from "../../../components/ui/ActionsMenu";

interface MemberRowActionsProps {
  username: string;
  onManageBudget?: () => void;
  /** Why Manage AI budget is off (a group of another organization governs), as Coder disables it. */
  manageDisabledReason?: string;
  /** Absent for the Everyone group, whose members are the organization's. */
  onRemove?: () => void;
}

/**
 * A member row's actions menu. Its own module, loaded only for those who may
 * manage members: Radix's menu and its layers (about 29 kB gzip) are not
 * downloaded by anyone else.
 */
const MemberRowActions: FC<MemberRowActionsProps> = ({ username, onManageBudget, manageDisabledReason, onRemove }) => (
  <ActionsMenu label={`Actions for ${username}`}>
    {onManageBudget && (
      <ActionsMenuItem
        icon={<WalletCards aria-hidden="true" size={16} />}
        onSelect={onManageBudget}
        disabled={manageDisabledReason !== undefined}
      >
        <span className="flex flex-col">
          Manage AI budget
          {manageDisabledReason && <span className="text-xs text-content-secondary">{manageDisabledReason}</span>}
        </span>
      </ActionsMenuItem>
    )}
    {onRemove && (
      <ActionsMenuItem icon={<UserMinus aria-hidden="true" size={16} />} onSelect={onRemove}>
        Remove
      </ActionsMenuItem>
    )}
  </ActionsMenu>
);

export default MemberRowActions;
