// Parses a large spend export away from the page's thread.
import { parseExportText } from "./parseExport";

self.onmessage = (event: MessageEvent<string>) => {
  try {
    self.postMessage({ rows: parseExportText(event.data) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
