// How the API client's requests travel, beneath its endpoint methods: our
// own deadline on every request, and the answers main.ts asked for before the
// client loaded (startup/earlyStart.ts) taken in place of sending the same
// GET again.
import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  isAxiosError,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from "axios";
import { takeEarly } from "./earlyRequests";

/** A request that never answers must not leave the admin waiting forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * An answer main.ts asked for before the client loaded, as axios's own
 * adapters would give it: rejected for a status validateStatus refuses, or
 * when the request's signal aborts (the deadline, or the caller).
 */
async function earlyResponse(answer: Promise<Response>, config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  const signal = config.signal as AbortSignal | undefined;
  const aborted = new Promise<never>((_, reject) => {
    const cancel = () => reject(new CanceledError(undefined, config));
    if (signal?.aborted) cancel();
    signal?.addEventListener?.("abort", cancel, { once: true });
  });
  let fetched: Response;
  let text: string;
  try {
    fetched = await Promise.race([answer, aborted]);
    text = await Promise.race([fetched.text(), aborted]);
  } catch (error) {
    if (error instanceof CanceledError) throw error;
    throw new AxiosError("Network Error", AxiosError.ERR_NETWORK, config);
  }
  const response: AxiosResponse = {
    data: text,
    status: fetched.status,
    statusText: fetched.statusText,
    headers: AxiosHeaders.from(Object.fromEntries(fetched.headers.entries())),
    config,
    request: undefined,
  };
  if (!config.validateStatus || config.validateStatus(fetched.status)) return response;
  const code = fetched.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  throw new AxiosError(`Request failed with status code ${fetched.status}`, code, config, undefined, response);
}

/** A GET that main.ts already sent is answered from there, not sent twice. */
export function takeEarlyAnswers(instance: AxiosInstance): void {
  const send = axios.getAdapter(instance.defaults.adapter);
  instance.defaults.adapter = (config) => {
    const early = config.method === "get" && !config.params && config.url ? takeEarly(config.url) : undefined;
    return early ? earlyResponse(early, config) : send(config);
  };
}

/**
 * Our own deadline of `timeoutMs()` on every request, through the request's
 * AbortSignal, so it holds whatever carries the request (XHR, fetch, a test's
 * interceptor) and keeps the caller's own signal working too.
 */
export function enforceDeadline(instance: AxiosInstance, timeoutMs: () => number): void {
  const timers = new WeakMap<object, { timer: ReturnType<typeof setTimeout>; timedOut: () => boolean }>();
  instance.interceptors.request.use((config) => {
    const controller = new AbortController();
    const outer = config.signal as AbortSignal | undefined;
    if (outer?.aborted) controller.abort();
    outer?.addEventListener?.("abort", () => controller.abort(), { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs());
    config.signal = controller.signal;
    timers.set(config, { timer, timedOut: () => timedOut });
    return config;
  });
  const settle = (config: object | undefined) => {
    const entry = config && timers.get(config);
    if (entry) clearTimeout(entry.timer);
    return entry?.timedOut() ?? false;
  };
  instance.interceptors.response.use(
    (response) => {
      settle(response.config);
      return response;
    },
    (error: unknown) => {
      if (isAxiosError(error) && settle(error.config)) {
        error.code = "ETIMEDOUT";
        error.message = `No answer within ${timeoutMs()} ms`;
      }
      return Promise.reject(error);
    },
  );
}
