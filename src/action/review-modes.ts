/** The Action's `comment` input (issue 16): its own module so that reading inputs does not load the GitHub client. */
export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
