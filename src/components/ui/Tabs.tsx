import * as TabsPrimitive from "radix-ui/tabs";
import type { FC, ReactNode } from "react";

/**
 * Panels of one page, one shown at a time, on Radix's tabs (arrow keys move
 * between them). Tabs that are pages of their own (a group's Members and
 * Settings) are links in a nav instead, styled alike with `.tabs`/`.tab`:
 * each has its URL, and a link is what a screen reader should announce.
 */
export const Tabs: FC<{
  label: string;
  tabs: { value: string; label: ReactNode; content: ReactNode }[];
  defaultValue?: string;
}> = ({ label, tabs, defaultValue }) => (
  <TabsPrimitive.Root defaultValue={defaultValue ?? tabs[0]?.value}>
    <TabsPrimitive.List className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <TabsPrimitive.Trigger key={tab.value} value={tab.value} className="tab">
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
