import type { FC } from "react";
import { getErrorDetail, getErrorMessage } from "../api/errors";

interface ErrorAlertProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

export const ErrorAlert: FC<ErrorAlertProps> = ({ title, error, onRetry }) => {
  const message = getErrorMessage(error, "");
  const detail = getErrorDetail(error);
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {message && <p>{message}</p>}
      {detail && <p className="alert-detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
};
