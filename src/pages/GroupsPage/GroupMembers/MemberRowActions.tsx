import { WalletCards } from "lucide-react";
import type { FC } from "react";
import { ActionsMenu, ActionsMenuItem } from "../../../components/ui/DropdownMenu";

/**
 * A member row's actions menu. Its own module, loaded only for those who may
 * manage members: Radix's menu and its layers (about 29 kB gzip) are not
 * downloaded by anyone else.
 */
const MemberRowActions: FC<{ username: string; onManageBudget: () => void }> = ({ username, onManageBudget }) => (
  <ActionsMenu label={`Actions for ${username}`}>
    <ActionsMenuItem icon={<WalletCards aria-hidden="true" size={16} />} onSelect={onManageBudget}>
      Manage AI budget
    </ActionsMenuItem>
  </ActionsMenu>
);

export default MemberRowActions;
