import { renderHook, waitFor } from "@testing-library/react";
import { delay, http } from "msw";
import { expect, it } from "vitest";
import { server } from "../../testHelpers/server";
import { MAX_PARTS_IN_FLIGHT, useReportParts } from "./useReportParts";

it("asks a long period's parts at most 4 at a time, each once, and merges them when all are in", async () => {
  let running = 0;
  let most = 0;
  const starts: string[] = [];
  server.use(
    http.get("*/api/v2/organizations/:organization/ai/spend/export", async ({ request }) => {
      starts.push(new URL(request.url).searchParams.get("period_start")!);
      running += 1;
      most = Math.max(most, running);
      await delay(20);
      running -= 1;
      // Nothing returned: the default handler answers.
    }),
  );
  // 181 days: six parts.
  const { result } = renderHook(() => useReportParts("coder", "2025-01-01T00:00:00Z", "2025-07-01T00:00:00Z"));
  expect(result.current.parts).toHaveLength(6);
  await waitFor(() => expect(result.current.rows).toBeDefined());
  expect(most).toBe(MAX_PARTS_IN_FLIGHT);
  expect(new Set(starts).size).toBe(6);
  expect(result.current.parts.every((part) => part.status === "done")).toBe(true);
});
