import { useQuery } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { useParams } from "react-router";
import { group } from "../../api/queries/groups";

export const MEMBERS_PAGE_SIZE = 25;

/** The group's members, a page at a time so a large group stays quick. */
const GroupMembersPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const { data } = useQuery(group(organization, groupName));
  const [page, setPage] = useState(0);
  if (!data) return null;
  const members = data.members;
  const pages = Math.max(1, Math.ceil(members.length / MEMBERS_PAGE_SIZE));
  const shown = members.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE);
  if (members.length === 0) {
    return <p className="empty">This group has no members yet.</p>;
  }
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="visually-hidden">
        Members
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((member) => (
            <tr key={member.id}>
              <td>
                <span className="member-name">{member.name || member.username}</span>
                <span className="member-username">{member.username}</span>
              </td>
              <td>{member.email}</td>
              <td>{member.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pagination" aria-label="Members pages">
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
};

export default GroupMembersPage;
