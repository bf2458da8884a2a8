import { isAxiosError, type AxiosError } from "axios";
import { ROUTE_NOT_FOUND_MESSAGE, type ApiResponse } from "../../core/types";

export type ApiError = AxiosError<ApiResponse> & {
  response: NonNullable<AxiosError<ApiResponse>["response"]>;
};

/** An HTTP answer from the server carrying Coder's error body. */
export const isApiError = (error: unknown): error is ApiError =>
  isAxiosError(error) &&
  error.response !== undefined &&
  typeof (error.response.data as Partial<ApiResponse> | undefined)?.message === "string";

export const httpStatus = (error: unknown): number | undefined =>
  isAxiosError(error) ? error.response?.status : undefined;

export const isNotFound = (error: unknown): boolean => httpStatus(error) === 404;
export const isUnauthorized = (error: unknown): boolean => httpStatus(error) === 401;
export const isForbidden = (error: unknown): boolean => httpStatus(error) === 403;
/** The deployment has no such route at all: a missing feature, never a missing resource. */
export const isRouteNotFound = (error: unknown): boolean =>
  isNotFound(error) && isApiError(error) && error.response.data.message === ROUTE_NOT_FOUND_MESSAGE;

/** No answer at all: offline, refused, or timed out. */

export function getErrorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) {
    return error.response.data.message;
  }
  return fallback;
}

/** The line under the message: Coder's `detail`, else its field validations, else why nothing answered. */
export function getErrorDetail(error: unknown): string | undefined {
  if (isApiError(error)) {
    const { detail, validations } = error.response.data;
    if (detail) {
      return detail;
    }
    if (validations?.length) {
      return validations.map((v) => `${v.field}: ${v.detail}`).join(" ");
    }
    return undefined;
  }
  if (isAxiosError(error)) {
    if (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") {
      return "The server did not answer in time.";
    }
    if (error.response === undefined) {
      return "The server could not be reached. Check your connection.";
    }
    return `The server answered ${error.response.status}.`;
  }
  return error instanceof Error ? error.message : undefined;
}

/** Coder's `validations`, keyed by field name. */
export function getValidationErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) {
    return {};
  }
  const byField: Record<string, string> = {};
  for (const { field, detail } of error.response.data.validations ?? []) {
    byField[field] = detail;
  }
  return byField;
}
