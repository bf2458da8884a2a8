/** Members shown on one page of the members tab; their spend is asked for a page at a time. */
export const MEMBERS_PAGE_SIZE = 25;

/**
 * Up to this many members, the settings page loads every member's spend with
 * the page, so the impact preview is there at once; a larger group loads it
 * (100 ids a request) only once the admin starts changing the budget.
 */
export const PREVIEW_PREFETCH_MAX_MEMBERS = 500;
