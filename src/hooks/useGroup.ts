import { useQuery } from "@tanstack/react-query";
import { groupById, groupIdByName } from "../api/queries/groups";
import type { Group } from "../../core/types";

export interface GroupQuery {
  data: Group | undefined;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/**
 * The group a URL names: its name resolves to its id (one request, whose
 * answer fills the group's own entry too), and the group is read under that
 * id, where every save writes it.
 */
export function useGroup(organization: string, groupName: string): GroupQuery {
  const id = useQuery(groupIdByName(organization, groupName));
  // The name's query keeps this entry fresh; this one only reads it.
  const group = useQuery({ ...groupById(id.data ?? ""), enabled: id.data !== undefined, staleTime: Infinity });
  return {
    data: id.data === undefined ? undefined : group.data,
    error: id.error ?? group.error,
    refetch: () => (id.error || !group.error ? id.refetch() : group.refetch()),
  };
}
