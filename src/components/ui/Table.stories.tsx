import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "./Table";

const rows = [
  { name: "alice", email: "alice@example.com", spend: "$312.50" },
  { name: "bob", email: "bob@example.com", spend: "$870.00" },
];

const meta = {
  title: "components/Table",
  component: Table,
  render: () => (
    <TableContainer>
      <Table responsive aria-label="Members">
        <TableHeader>
          <TableRow>
            <TableHead>Member</TableHead>
            <TableHead data-priority="low">Email</TableHead>
            <TableHead>AI spend</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.name}>
              <TableCell>{row.name}</TableCell>
              <TableCell data-priority="low">{row.email}</TableCell>
              <TableCell data-label="AI spend">{row.spend}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  ),
} satisfies Meta<typeof Table>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Desktop: Story = {
  globals: { viewport: { value: "desktop" } },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole("table", { name: "Members" });
    await expect(within(table).getAllByRole("row")).toHaveLength(3);
  },
};

/** On a phone each row is a card, with its cells under their column's name; the email column goes. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("alice@example.com")).not.toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
