import { useEffect } from "react";
import { useBlocker } from "react-router";
import { ConfirmDialog } from "../../../components/ConfirmDialog";

/** Navigation options for a move the page itself makes (a landed save, a rename): the guard lets it pass. */
export const UNGUARDED = { state: { unguarded: true } } as const;
const isUnguarded = (state: unknown) =>
  typeof state === "object" && state !== null && (state as { unguarded?: unknown }).unguarded === true;

/**
 * Asks before the admin leaves the page with unsaved changes: in the app
 * (react-router's blocker, so Cancel and every link ask the same modal
 * question) and on reload or close (beforeunload). `shouldBlock` is read at
 * the moment of leaving, so a save in progress passes. `onDiscard` runs once
 * the admin chose to go: "Discard changes", or the page unloading after the
 * browser asked, so what they discarded does not come back.
 */
export function useUnsavedChanges(shouldBlock: () => boolean, dirty: boolean, onDiscard?: () => void) {
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
    // pagehide comes only once the admin confirmed the browser's question.
    const unloaded = () => onDiscard?.();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", unloaded);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", unloaded);
    };
  }, [dirty, onDiscard]);

  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      title="Leave without saving?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      onConfirm={() => {
        onDiscard?.();
        blocker.proceed?.();
      }}
      onCancel={() => blocker.reset?.()}
    >
      <p>Your changes to this group's settings have not been saved. Leaving discards them.</p>
    </ConfirmDialog>
  );
}
