/** The IndexedDB database of the user's workspace (its name alone, so checking for it loads nothing else). */
export const WORKSPACE_DB = 'gongkai-workspace';
