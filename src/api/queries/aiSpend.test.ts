import { describe, expect, it } from "vitest";
import { groupMembersAISpend } from "./aiSpend";
import { idsFingerprint } from "./keys";
import { chunk, inBatches } from "./spendBatches";

describe("members' spend keys", () => {
  it("differ for lists that share their length, first and last id", () => {
    const a = groupMembersAISpend("g", ["u1", "u2", "u9"]).queryKey;
    const b = groupMembersAISpend("g", ["u1", "u3", "u9"]).queryKey;
    expect(a).not.toEqual(b);
    expect(groupMembersAISpend("g", ["u1", "u2", "u9"]).queryKey).toEqual(a);
  });

  it("do not run ids together", () => {
    expect(idsFingerprint(["ab", "c"])).not.toBe(idsFingerprint(["a", "bc"]));
  });
});

describe("batches", () => {
  it("splits ids into groups of at most 100, and runs at most the limit at once, in order", async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const batches = chunk(ids, 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    let running = 0;
    let most = 0;
    const answers = await inBatches(batches, 2, async (batch) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return batch[0];
    });
    expect(answers).toEqual(["u0", "u100", "u200"]);
    expect(most).toBe(2);
  });
});
