// Storage the activity and leaderboard feature needs. Implemented in src/db/activity-store.ts.
// (Filled in by the activity issue.)
export interface ActivityRepository {}
