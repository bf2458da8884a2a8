import { Building2, Check, ChevronDown } from "lucide-react";
import * as MenuPrimitive from "radix-ui/dropdown-menu";
import { menuClassName, menuItemClassName } from "../ui/ActionsMenu";
import { buttonClassName } from "../ui/Button";
import { cx } from "../ui/cx";
import type { FC } from "react";
import { Link } from "react-router";
import type { Organization } from "../../../core/types";
import { screenKind, screenUrl, type PageInView, type ScreenKind } from "./navigationTargets";

const OTHER_SCREEN: Record<ScreenKind, { kind: ScreenKind; label: string }> = {
  groups: { kind: "spendReport", label: "AI spend report" },
  spendReport: { kind: "groups", label: "Groups" },
};

interface OrganizationSwitcherProps {
  /** Those the viewer may read, the default first. */
  organizations: readonly Organization[];
  /** The name of the organization in view. */
  current: string;
  page: PageInView;
  reportReadable: (organizationId: string) => boolean;
}

/**
 * Moves between organizations. Each organization's entry keeps the kind of
 * screen in view (the groups list, or the spend report where its reader may
 * read it); under it, its other screen: any screen of any organization is two
 * clicks away.
 */
export const OrganizationSwitcher: FC<OrganizationSwitcherProps> = ({
  organizations,
  current,
  page,
  reportReadable,
}) => {
  const kind = screenKind(page);
  const shown = organizations.find((o) => o.name === current);
  const currentName = shown ? shown.display_name || shown.name : current;
  return (
    <MenuPrimitive.Root modal={false}>
      <MenuPrimitive.Trigger
        className={buttonClassName("secondary", "small", "max-w-[14rem]")}
        aria-label={`Organization: ${currentName}`}
      >
        <Building2 aria-hidden="true" size={14} />
        <span className="truncate">{currentName}</span>
        <ChevronDown aria-hidden="true" size={14} />
      </MenuPrimitive.Trigger>
      <MenuPrimitive.Portal>
        <MenuPrimitive.Content className={cx(menuClassName, "max-w-[calc(100vw-1rem)]")} align="start" sideOffset={4}>
          <MenuPrimitive.Label className="px-2.5 py-1 text-xs text-content-secondary">
            Organizations
          </MenuPrimitive.Label>
          {organizations.map((organization) => {
            const name = organization.display_name || organization.name;
            const report = reportReadable(organization.id);
            // The spend report where this viewer may not read it: its groups list instead.
            const same = kind === "spendReport" && !report ? "groups" : kind;
            const other = OTHER_SCREEN[same];
            const isCurrent = organization.name === current;
            return (
              <MenuPrimitive.Group key={organization.id} aria-label={name}>
                <MenuPrimitive.Item asChild className={cx(menuItemClassName(), "font-medium")}>
                  <Link to={screenUrl(same, organization.name)} aria-current={isCurrent ? "true" : undefined}>
                    <Check aria-hidden="true" size={14} className={isCurrent ? "" : "invisible"} />
                    <span className="truncate">{name}</span>
                    {organization.is_default && <span className="text-xs text-content-secondary">default</span>}
                  </Link>
                </MenuPrimitive.Item>
                {(other.kind === "groups" || report) && (
                  <MenuPrimitive.Item asChild className={cx(menuItemClassName(true), "text-content-secondary")}>
                    <Link to={screenUrl(other.kind, organization.name)} aria-label={`${other.label} of ${name}`}>
                      {other.label}
                    </Link>
                  </MenuPrimitive.Item>
                )}
              </MenuPrimitive.Group>
            );
          })}
        </MenuPrimitive.Content>
      </MenuPrimitive.Portal>
    </MenuPrimitive.Root>
  );
};
