import * as TooltipPrimitive from "radix-ui/tooltip";
import type { FC, ReactElement, ReactNode } from "react";

/**
 * A short explanation shown on hover and on keyboard focus of its trigger,
 * which must be focusable; the trigger is described by it.
 */
export const Tooltip: FC<{ content: ReactNode; children: ReactElement }> = ({ content, children }) => (
  <TooltipPrimitive.Provider delayDuration={200}>
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          className="z-[60] max-w-[18rem] rounded-[6px] bg-surface-invert px-[0.6rem] py-[0.4rem] text-[0.8125rem] text-content-invert"
          sideOffset={4}
          collisionPadding={8}
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  </TooltipPrimitive.Provider>
);
