import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FC } from "react";
import { Link, Outlet, useNavigate } from "react-router";
import { buildInfo } from "../api/queries/deployment";
import { ThemeSwitch } from "../components/ThemeSwitch";
import { logout, me } from "../api/queries/users";
import { AccountMenu } from "../components/AccountMenu";
import { AppNavigation } from "../components/AppNavigation/AppNavigation";
import { Button } from "../components/ui/Button";
import { DEFAULT_ORGANIZATION, groupsUrl, LOGIN_URL } from "./urls";

/** The signed-in frame: who is signed in, sign out, and the page. */
const AppLayout: FC = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: user } = useQuery(me());
  const { data: deployment } = useQuery(buildInfo());
  const logoutMutation = useMutation(logout(queryClient));
  return (
    <>
      <a
        href="#content"
        className="absolute left-[-999px] focus:top-2 focus:left-4 focus:z-10 focus:bg-surface-secondary focus:p-2"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-border-default border-b bg-surface-primary px-8 py-[0.6rem] max-sm:px-4">
        <Link to={groupsUrl(DEFAULT_ORGANIZATION)} className="font-semibold text-content-primary">
          Coder · Groups
        </Link>
        <AppNavigation />
        <div className="flex flex-wrap items-center gap-3 text-content-secondary">
          <ThemeSwitch />
          {user && <AccountMenu username={user.username} />}
          {user && (
            <Button
              size="small"
              onClick={() => logoutMutation.mutate(undefined, { onSettled: () => void navigate(LOGIN_URL) })}
            >
              Sign out
            </Button>
          )}
        </div>
      </header>
      <div id="content">
        <Outlet />
      </div>
      {deployment && (
        <footer className="mx-auto my-4 w-full max-w-[96rem] px-8 text-[0.8125rem] text-content-secondary max-sm:px-4">
          Connected to <a href={deployment.external_url}>{deployment.external_url}</a> · Coder {deployment.version}
        </footer>
      )}
    </>
  );
};

export default AppLayout;
