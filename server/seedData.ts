// The demo deployment, as plain data: the embedded server seeds its database
// from it, and the MSW handlers can start from it (the contract test does), so
// both answer about the same deployment. Fixed ids and names; one password.
export const DEMO_PASSWORD = "SomeSecurePassword!";
export const ORGANIZATION_ID = "0a7c5d5e-0000-4000-8000-000000000001";
export const SECOND_ORGANIZATION_ID = "0a7c5d5e-0000-4000-8000-000000000002";

const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const groupId = (n: number) => `0a7c5d5e-0000-4000-9000-${String(n).padStart(12, "0")}`;

export const SEED_ORGANIZATIONS = [
  { id: ORGANIZATION_ID, name: "coder", displayName: "Coder", isDefault: true },
  { id: SECOND_ORGANIZATION_ID, name: "research", displayName: "Research", isDefault: false },
];

export interface SeedUser {
  id: string;
  username: string;
  name: string;
  siteRoles: string[];
  /** Roles in the default organization. */
  orgRoles: string[];
  /** The other organizations they joined, later. */
  alsoIn: string[];
  /** Their roles in those other organizations. */
  alsoInRoles?: string[];
  /** Not a member of the default organization at all. */
  notInDefault?: boolean;
}

/** Users in the default organization (but for those marked), and in the organizations of `alsoIn`. */
export const SEED_USERS: SeedUser[] = [
  {
    id: userId(1),
    username: "admin",
    name: "Ada Admin",
    siteRoles: ["owner"],
    orgRoles: [] as string[],
    alsoIn: [] as string[],
  },
  {
    id: userId(2),
    username: "orgadmin",
    name: "Olga Orgadmin",
    siteRoles: [] as string[],
    orgRoles: ["organization-admin"],
    alsoIn: [] as string[],
  },
  {
    id: userId(3),
    username: "member",
    name: "Mel Member",
    siteRoles: [] as string[],
    orgRoles: [] as string[],
    alsoIn: [] as string[],
  },
  {
    id: userId(4),
    username: "useradmin",
    name: "Uma Useradmin",
    siteRoles: ["user-admin"],
    orgRoles: [] as string[],
    alsoIn: [] as string[],
  },
  // Reads every spend screen, changes nothing (Coder's Auditor).
  {
    id: userId(6),
    username: "auditor",
    name: "Aude Auditor",
    siteRoles: ["auditor"],
    orgRoles: [] as string[],
    alsoIn: [] as string[],
  },
  ...["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"].map((username, index) => ({
    id: userId(10 + index),
    username,
    name: username[0]!.toUpperCase() + username.slice(1),
    siteRoles: [] as string[],
    orgRoles: [] as string[],
    alsoIn: username === "frank" ? [SECOND_ORGANIZATION_ID] : ([] as string[]),
  })),
  // The second organization's admin, and nothing in the first: who must see none of it.
  {
    id: userId(5),
    username: "researchadmin",
    name: "Rhea Researchadmin",
    siteRoles: [],
    orgRoles: [],
    alsoIn: [SECOND_ORGANIZATION_ID],
    alsoInRoles: ["organization-admin"],
    notInDefault: true,
  },
];

// Enough people in the default organization that its Everyone group pages and
// searches as a real one does: about 60 in all, names fixed, every one a plain member.
const FIRST_NAMES = [
  "amir",
  "bianca",
  "chen",
  "dmitri",
  "elena",
  "farah",
  "gus",
  "hana",
  "igor",
  "jade",
  "kofi",
  "lena",
  "marco",
  "nia",
  "oscar",
  "priya",
  "quinn",
  "rosa",
  "sven",
  "tara",
  "uri",
  "vera",
  "wes",
];
const LAST_NAMES = ["lopez", "okafor"];

SEED_USERS.push(
  ...LAST_NAMES.flatMap((last, l) =>
    FIRST_NAMES.map((first, f) => ({
      id: userId(100 + l * FIRST_NAMES.length + f),
      username: `${first}-${last}`,
      name: `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)}`,
      siteRoles: [] as string[],
      orgRoles: [] as string[],
      alsoIn: [] as string[],
    })),
  ),
);

/**
 * When Coder last saw each seeded user: within the two weeks before the start
 * of `now`'s UTC day, the same on every start that day (the mocks agree).
 */
export const seedLastSeen = (userIndex: number, now: Date) =>
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((userIndex * 97) % (14 * 24 * 60)) * 60_000;

/** Each organization a seeded user is in, with their roles there. */
export const seedMemberships = (user: SeedUser): { organizationId: string; roles: string[] }[] => [
  ...(user.notInDefault ? [] : [{ organizationId: ORGANIZATION_ID, roles: user.orgRoles }]),
  ...user.alsoIn.map((organizationId) => ({ organizationId, roles: user.alsoInRoles ?? [] })),
];

export const SEED_GROUPS = [
  {
    id: groupId(1),
    organizationId: ORGANIZATION_ID,
    name: "developers",
    displayName: "Developers",
    members: ["member", "alice", "bob", "carol", "dave", "erin", "frank"],
    budgetMicros: 1_000_000_000 as number | null,
  },
  {
    id: groupId(2),
    organizationId: ORGANIZATION_ID,
    name: "data-science",
    displayName: "Data Science",
    members: ["grace", "heidi", "ivan"],
    budgetMicros: null as number | null,
  },
  {
    id: groupId(3),
    organizationId: ORGANIZATION_ID,
    name: "contractors",
    displayName: "Contractors",
    members: ["judy"],
    budgetMicros: 0 as number | null,
  },
  {
    id: groupId(4),
    organizationId: ORGANIZATION_ID,
    name: "new-hires",
    displayName: "New Hires",
    members: [] as string[],
    budgetMicros: null as number | null,
  },
  // In another organization, a higher budget than developers' governs frank:
  // on developers' members tab his row is "managed in another organization".
  {
    id: groupId(5),
    organizationId: SECOND_ORGANIZATION_ID,
    name: "gpu-lab",
    displayName: "GPU Lab",
    members: ["frank"],
    budgetMicros: 2_500_000_000 as number | null,
  },
];

/** When each user joined each organization: the default one in seed order, minutes apart; the others a day later. */
export const seedMemberSince = (userIndex: number, organizationId: string) =>
  Date.UTC(2026, 0, organizationId === ORGANIZATION_ID ? 1 : 2) + userIndex * 60_000;
