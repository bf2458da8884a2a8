import axe from "axe-core";

/** Serious and critical axe-core violations inside `root`, formatted for a test failure. */
export async function seriousA11yViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ["violations"] });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
