// Random deployments for property tests of Coder's budget rules: one or two
// organizations (the first the default), users in one or both, groups with
// members, budgets on some groups and Everyone groups, overrides, and spend
// charged to various groups. Ties in limits and in join times come up often.
import fc from "fast-check";
import type { BudgetWorld } from "../domain/budgetWorld";

const uuid = (kind: number, n: number) => `00000000-0000-4000-${8000 + kind}-${String(n).padStart(12, "0")}`;
export const worldOrganizationId = (n: number) => uuid(1, n);
export const worldUserId = (n: number) => uuid(2, n);
export const worldGroupId = (n: number) => uuid(3, n);

const USD = 1_000_000;
const limit = fc.constantFrom(0, 5 * USD, 10 * USD, 20 * USD);

export const budgetWorlds: fc.Arbitrary<BudgetWorld> = fc
  .record({
    organizations: fc.integer({ min: 1, max: 2 }),
    users: fc.array(
      fc.record({ orgs: fc.constantFrom([0], [1], [0, 1], [1, 0]), joined: fc.tuple(fc.nat(2), fc.nat(2)) }),
      { minLength: 1, maxLength: 5 },
    ),
    groups: fc.array(fc.record({ org: fc.nat(1), members: fc.array(fc.nat(4), { maxLength: 5 }) }), { maxLength: 4 }),
    budgets: fc.array(fc.option(limit, { freq: 2 }), { minLength: 6, maxLength: 6 }),
    overrides: fc.array(fc.option(fc.record({ group: fc.nat(), limit }), { freq: 3 }), { minLength: 5, maxLength: 5 }),
    spend: fc.array(fc.record({ user: fc.nat(4), group: fc.nat(5), micros: fc.integer({ min: 1, max: 25 * USD }) }), {
      maxLength: 8,
    }),
  })
  .map((drawn) => {
    const organizations = Array.from({ length: drawn.organizations }, (_, i) => ({
      id: worldOrganizationId(i),
      is_default: i === 0,
    }));
    const organizationMembers = drawn.users.flatMap((user, u) =>
      [...new Set(user.orgs.map((o) => o % organizations.length))].map((o) => ({
        organization_id: organizations[o]!.id,
        user_id: worldUserId(u),
        member_since: user.joined[o]! * 60_000,
      })),
    );
    const inOrganization = (user: number, org: string) =>
      organizationMembers.some((m) => m.user_id === worldUserId(user) && m.organization_id === org);
    const groups = drawn.groups.map((g, i) => ({
      id: worldGroupId(i),
      organization_id: organizations[g.org % organizations.length]!.id,
    }));
    const groupMembers = drawn.groups.flatMap((g, i) =>
      [
        ...new Set(g.members.filter((u) => u < drawn.users.length && inOrganization(u, groups[i]!.organization_id))),
      ].map((u) => ({
        group_id: groups[i]!.id,
        user_id: worldUserId(u),
      })),
    );
    const allGroups = [...groups.map((g) => g.id), ...organizations.map((o) => o.id)];
    const budgets = new Map(
      allGroups.flatMap((id, i) => (drawn.budgets[i] == null ? [] : [[id, drawn.budgets[i]!] as const])),
    );
    const overrides = new Map(
      drawn.users.flatMap((_, u) => {
        const override = drawn.overrides[u];
        const mine = [
          ...groupMembers.filter((m) => m.user_id === worldUserId(u)).map((m) => m.group_id),
          ...organizationMembers.filter((m) => m.user_id === worldUserId(u)).map((m) => m.organization_id),
        ];
        return override && mine.length > 0
          ? [
              [
                worldUserId(u),
                { group_id: mine[override.group % mine.length]!, spend_limit_micros: override.limit },
              ] as const,
            ]
          : [];
      }),
    );
    const spend = drawn.spend
      .filter((s) => s.user < drawn.users.length)
      .map((s) => ({
        user_id: worldUserId(s.user),
        group_id: allGroups[s.group % allGroups.length]!,
        micros: s.micros,
      }));
    return { organizations, organizationMembers, groups, groupMembers, budgets, overrides, spend };
  });

/** Every group of a world, Everyone groups included. */
export const worldGroups = (world: BudgetWorld) => [
  ...world.groups,
  ...world.organizations.map((o) => ({ id: o.id, organization_id: o.id })),
];
