import { ArrowLeft } from "lucide-react";
import type { FC, ReactNode } from "react";
import { Link } from "react-router";
import { buttonClassName } from "../../components/ui/Button";

interface NotFoundViewProps {
  title: string;
  description: ReactNode;
  /** Where "back" goes, and what it says. */
  backTo: string;
  backLabel: string;
}

/**
 * Nothing here: says what was not found and offers a way back. No Retry:
 * asking again for what does not exist does not help.
 */
export const NotFoundView: FC<NotFoundViewProps> = ({ title, description, backTo, backLabel }) => (
  <div className="page">
    <div className="not-found">
      <span className="not-found-code">404</span>
      <h1>{title}</h1>
      <p>{description}</p>
      <Link to={backTo} className={buttonClassName("secondary")}>
        <ArrowLeft aria-hidden="true" size={16} />
        {backLabel}
      </Link>
    </div>
  </div>
);
