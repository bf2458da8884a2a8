// The create-group form's values, checks and request: Coder's CreateGroupRequest
// fields, checked by the rules the server applies (core/validation.ts), so bad
// input gets its message on the field and sends nothing.
import * as Yup from "yup";
import { EVERYONE_GROUP_NAME, reservedGroupNameDetail, type CreateGroupRequest } from "../../../../core/types";
import {
  avatarUrlProblem,
  displayNameProblem,
  groupNameProblem,
  QUOTA_ALLOWANCE_MAX,
} from "../../../../core/validation";

/** Each field as the admin typed it. */
export interface CreateGroupFormValues {
  name: string;
  display_name: string;
  avatar_url: string;
  quota_allowance: string;
}

export const EMPTY_CREATE_GROUP_FORM: CreateGroupFormValues = {
  name: "",
  display_name: "",
  avatar_url: "",
  quota_allowance: "0",
};

export const QUOTA_MESSAGE = "Enter a whole number, 0 or more.";

const problemTest = (problem: (value: string) => string | undefined) =>
  function (this: Yup.TestContext, value: string | undefined) {
    const found = problem(value ?? "");
    return found ? this.createError({ message: found }) : true;
  };

/** Coder refuses "Everyone" as a new group's name: every organization already has that group. */
const newGroupNameProblem = (name: string) =>
  name === EVERYONE_GROUP_NAME ? `${reservedGroupNameDetail(name)}.` : groupNameProblem(name);

export const createGroupSchema = Yup.object({
  name: Yup.string().test("name", problemTest(newGroupNameProblem)),
  display_name: Yup.string().test("display_name", problemTest(displayNameProblem)),
  avatar_url: Yup.string().test("avatar_url", problemTest(avatarUrlProblem)),
  quota_allowance: Yup.string().test("quota_allowance", (value = "", ctx) =>
    /^\d{1,10}$/.test(value.trim()) && Number(value) <= QUOTA_ALLOWANCE_MAX
      ? true
      : ctx.createError({ message: QUOTA_MESSAGE }),
  ),
});

/** The request for values that passed the schema. */
export const createGroupRequest = (values: CreateGroupFormValues): CreateGroupRequest => ({
  name: values.name,
  display_name: values.display_name,
  avatar_url: values.avatar_url,
  quota_allowance: Number(values.quota_allowance.trim()),
});
