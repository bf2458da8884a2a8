// What the deployment says about itself: its version and its licensed features.
import { http, HttpResponse } from "msw";
import type { BuildInfoResponse } from "../../../core/types";
import { MockEntitlements, MockEntitlementsWithoutAI } from "../entities";
import { mockBackend } from "./state";

export const deploymentHandlers = [
  http.get("*/api/v2/buildinfo", ({ request }) => {
    const origin = new URL(request.url).origin;
    const body: BuildInfoResponse = {
      version: mockBackend.version,
      external_url: origin,
      dashboard_url: origin,
      workspace_proxy: false,
      upgrade_message: "",
    };
    return HttpResponse.json(body);
  }),

  http.get("*/api/v2/entitlements", () =>
    HttpResponse.json(mockBackend.aiEntitled ? MockEntitlements : MockEntitlementsWithoutAI),
  ),
];
