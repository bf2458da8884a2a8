import * as TabsPrimitive from "radix-ui/tabs";
import type { FC, ReactNode } from "react";

/** The row of tabs, for Radix's tabs here and for a nav of links styled alike. */
export const tabListClassName = "mb-5 flex gap-1 border-border-default border-b";

/** One tab: a Radix trigger (`data-state="active"`) or a router link (`.active`). */
export const tabClassName =
  "-mb-px inline-flex cursor-pointer items-center gap-[0.4rem] border-0 border-transparent border-b-2 border-solid bg-transparent px-[0.9rem] py-2 font-medium text-content-secondary hover:text-content-primary hover:no-underline data-[state=active]:border-b-content-primary data-[state=active]:text-content-primary [&.active]:border-b-content-primary [&.active]:text-content-primary";

/**
 * Panels of one page, one shown at a time, on Radix's tabs (arrow keys move
 * between them). Tabs that are pages of their own (a group's Members and
 * Settings) are links in a nav instead, styled alike with `tabListClassName`
 * and `tabClassName`: each has its URL, and a link is what a screen reader
 * should announce.
 */
export const Tabs: FC<{
  label: string;
  tabs: { value: string; label: ReactNode; content: ReactNode }[];
  defaultValue?: string;
}> = ({ label, tabs, defaultValue }) => (
  <TabsPrimitive.Root defaultValue={defaultValue ?? tabs[0]?.value}>
    <TabsPrimitive.List className={tabListClassName} aria-label={label}>
      {tabs.map((tab) => (
        <TabsPrimitive.Trigger key={tab.value} value={tab.value} className={tabClassName}>
          {tab.label}
        </TabsPrimitive.Trigger>
      ))}
    </TabsPrimitive.List>
    {tabs.map((tab) => (
      <TabsPrimitive.Content key={tab.value} value={tab.value}>
        {tab.content}
      </TabsPrimitive.Content>
    ))}
  </TabsPrimitive.Root>
);
