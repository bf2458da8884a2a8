import type { FC } from "react";
import { getErrorDetail, getErrorMessage } from "../api/errors";
import { Button } from "./ui/Button";
import { Callout } from "./ui/Callout";

interface ErrorAlertProps {
  title: string;
  error: unknown;
  /** Offered only where trying again can help (not for a 404). */
  onRetry?: () => void;
}

/** A failed request: what failed, the server's words, and Retry where it may help. */
export const ErrorAlert: FC<ErrorAlertProps> = ({ title, error, onRetry }) => {
  const message = getErrorMessage(error, "");
  const detail = getErrorDetail(error);
  return (
    <Callout severity="error" role="alert" title={title} actions={onRetry && <Button onClick={onRetry}>Retry</Button>}>
      {message && <p>{message}</p>}
      {detail && <p className="text-content-primary">{detail}</p>}
    </Callout>
  );
};
