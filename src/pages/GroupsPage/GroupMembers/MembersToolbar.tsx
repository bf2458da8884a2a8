// Above the members table: Coder's users filter (`q`) and, for those who may change the group, Add users.
import { Search, UserPlus } from "lucide-react";
import { useEffect, useState, type FC } from "react";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { fieldControlClassName, fieldInputClassName } from "../../../components/ui/TextField";

interface MembersToolbarProps {
  /** The search the URL carries. */
  search: string;
  onSearch: (search: string) => void;
  /** Absent for the Everyone group and for those who may not update the group. */
  onAddUsers?: () => void;
}

export const MembersToolbar: FC<MembersToolbarProps> = ({ search, onSearch, onAddUsers }) => {
  // What is typed stays as typed; the URL (and the request) follows once typing pauses.
  const [typed, setTyped] = useState(search);
  useEffect(() => setTyped(search), [search]);
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => onSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed, search, onSearch]);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <div className={cx(fieldControlClassName(), "min-w-0 flex-1 basis-56")}>
        <Search aria-hidden="true" size={16} className="ml-2 shrink-0 text-content-secondary" />
        <input
          type="search"
          aria-label="Search members"
          placeholder="Search by username or email, or status:active"
          className={fieldInputClassName}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      {onAddUsers && (
        <Button variant="primary" onClick={onAddUsers}>
          <UserPlus aria-hidden="true" size={16} />
          Add users
        </Button>
      )}
    </div>
  );
};
