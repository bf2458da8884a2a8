import { ArrowLeft } from "lucide-react";
import type { FC, ReactNode } from "react";
import { Link } from "react-router";
import { buttonClassName } from "../../components/ui/Button";
import { Page } from "../../components/ui/Page";

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
  <Page>
    <div className="flex max-w-[40rem] flex-col items-start gap-3 py-12 [&_p]:m-0 [&_p]:text-content-secondary">
      <span className="font-semibold text-[0.875rem] text-content-secondary tracking-[0.08em]">404</span>
      <h1>{title}</h1>
      <p>{description}</p>
      <Link to={backTo} className={buttonClassName("secondary")}>
        <ArrowLeft aria-hidden="true" size={16} />
        {backLabel}
      </Link>
    </div>
  </Page>
);
