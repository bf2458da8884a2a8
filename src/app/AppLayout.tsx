import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FC } from "react";
import { Link, Outlet, useNavigate } from "react-router";
import { buildInfo } from "../api/queries/deployment";
import { ThemeSwitch } from "../components/ThemeSwitch";
import { logout, me } from "../api/queries/users";
import { AccountMenu } from "../components/AccountMenu";
import { AppNavigation } from "../components/AppNavigation/AppNavigation";
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
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={groupsUrl(DEFAULT_ORGANIZATION)} className="brand">
          Coder · Groups
        </Link>
        <AppNavigation />
        <div className="topbar-user">
          <ThemeSwitch />
          {user && <AccountMenu username={user.username} />}
          {user && (
            <button
              type="button"
              className="button button-small"
              onClick={() => logoutMutation.mutate(undefined, { onSettled: () => void navigate(LOGIN_URL) })}
            >
              Sign out
            </button>
          )}
        </div>
      </header>
      <div id="content">
        <Outlet />
      </div>
      {deployment && (
        <footer className="deployment-footer">
          Connected to <a href={deployment.external_url}>{deployment.external_url}</a> · Coder {deployment.version}
        </footer>
      )}
    </>
  );
};

export default AppLayout;
