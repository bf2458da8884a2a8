import { useEffect } from "react";
import { useBlocker } from "react-router";
import { ConfirmPanel } from "../../components/ConfirmPanel";

/** Navigation options for a move the page itself makes (a landed save, a discard, a rename): the guard lets it pass. */
export const UNGUARDED = { state: { unguarded: true } } as const;
const isUnguarded = (state: unknown) =>
  typeof state === "object" && state !== null && (state as { unguarded?: unknown }).unguarded === true;

/**
 * Asks before the admin leaves the page with unsaved changes: in the app
 * (react-router's blocker) and on reload or close (beforeunload). `shouldBlock`
 * is read at the moment of leaving, so a save or a discard in progress passes.
 */
export function useUnsavedChanges(shouldBlock: () => boolean, dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      // A lapsed session goes to sign-in; the draft is kept for the way back.
      nextLocation.pathname !== "/login" &&
      !isUnguarded(nextLocation.state) &&
      shouldBlock(),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return blocker.state === "blocked" ? (
    <ConfirmPanel
      title="Leave without saving?"
      confirmLabel="Leave"
      cancelLabel="Stay"
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    >
      <p>Your changes to this group's settings have not been saved.</p>
    </ConfirmPanel>
  ) : null;
}
