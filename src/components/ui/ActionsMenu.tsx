import { EllipsisVertical } from "lucide-react";
import * as MenuPrimitive from "radix-ui/dropdown-menu";
import type { FC, ReactNode } from "react";

interface RowActionsMenuProps {
  /** The trigger's accessible name, such as "Actions for alice". */
  label: string;
  children: ReactNode;
}

/** A "⋮" button opening a menu of actions for one row; arrow keys move, Escape closes. */
export const ActionsMenu: FC<RowActionsMenuProps> = ({ label, children }) => (
  <MenuPrimitive.Root modal={false}>
    <MenuPrimitive.Trigger className="button button-ghost button-icon" aria-label={label}>
      <EllipsisVertical aria-hidden="true" size={18} />
    </MenuPrimitive.Trigger>
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content className="menu" align="end" sideOffset={4}>
        {children}
      </MenuPrimitive.Content>
    </MenuPrimitive.Portal>
  </MenuPrimitive.Root>
);

export const ActionsMenuItem: FC<{
  icon?: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  children: ReactNode;
}> = ({ icon, onSelect, disabled, children }) => (
  <MenuPrimitive.Item className="menu-item data-[disabled]:opacity-60" onSelect={onSelect} disabled={disabled}>
    {icon}
    {children}
  </MenuPrimitive.Item>
);
