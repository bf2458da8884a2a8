// Download CSV writes the rows shown with the server's escaping rule: a cell a
// spreadsheet would read as a formula is defused, whoever sent it.
import { describe, expect, it } from "vitest";
import { AI_SPEND_EXPORT_HEADER } from "../../../core/domain/spendExport";
import { exportCsvOf, parseExportText } from "./parseExport";

const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");

describe("Download CSV", () => {
  it.each(["=1+1", "\n=1+1", " =1+1", "\u00a0=1+1", "\uff1d1+1", "|cmd"])("defuses a username of %j", (username) => {
    const cells: string[] = [...AI_SPEND_EXPORT_HEADER].map((name) =>
      name.endsWith("tokens") || name === "cost_micros" ? "1" : name,
    );
    cells[1] = username;
    const text = `${AI_SPEND_EXPORT_HEADER.join(",")}\n${line(cells)}\n`;
    const written = exportCsvOf(parseExportText(text));
    const [row] = parseExportText(written);
    expect(row!.cells[1]).toBe(`'${username}`);
  });
});
