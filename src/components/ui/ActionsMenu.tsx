import { EllipsisVertical } from "lucide-react";
import * as MenuPrimitive from "radix-ui/dropdown-menu";
import type { FC, ReactNode } from "react";
import { buttonClassName } from "./Button";
import { cx } from "./cx";

/** A menu's panel, for every Radix dropdown of the app. */
export const menuClassName =
  "z-40 min-w-[12rem] rounded-[8px] border border-border-default bg-surface-secondary p-1 text-content-primary shadow-[0_8px_24px_rgb(0_0_0/0.3)]";

/** A menu's item; `inset` leaves room on the left, under the checked items' tick. */
export const menuItemClassName = (inset = false): string =>
  cx(
    "flex cursor-pointer select-none items-center gap-2 rounded-[4px] py-[0.45rem] pr-[0.6rem] text-[0.875rem] outline-none data-highlighted:bg-surface-tertiary data-disabled:cursor-not-allowed data-disabled:text-content-secondary",
    inset ? "pl-8" : "pl-[0.6rem]",
  );

interface RowActionsMenuProps {
  /** The trigger's accessible name, such as "Actions for alice". */
  label: string;
  children: ReactNode;
}

/** A "⋮" button opening a menu of actions for one row; arrow keys move, Escape closes. */
export const ActionsMenu: FC<RowActionsMenuProps> = ({ label, children }) => (
  <MenuPrimitive.Root modal={false}>
    <MenuPrimitive.Trigger className={buttonClassName("ghost", "icon")} aria-label={label}>
      <EllipsisVertical aria-hidden="true" size={18} />
    </MenuPrimitive.Trigger>
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content className={menuClassName} align="end" sideOffset={4}>
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
  <MenuPrimitive.Item
    className={cx(menuItemClassName(), "data-disabled:opacity-60")}
    onSelect={onSelect}
    disabled={disabled}
  >
    {icon}
    {children}
  </MenuPrimitive.Item>
);
