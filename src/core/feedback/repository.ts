// Storage for notes to staff (src/db/feedback-store.ts).

export interface FeedbackNote {
  id: number;
  programId: number;
  /** Null for an anonymous note: the store keeps no author for it. */
  authorId: number | null;
  authorName: string | null;
  text: string;
  createdAt: Date;
  repliedAt: Date | null;
}

export interface FeedbackRepository {
  add(note: { programId: number; authorId: number | null; text: string; at: Date }): Promise<FeedbackNote>;
  byId(programId: number, id: number): Promise<FeedbackNote | null>;
  /** Newest first. */
  latest(programId: number, limit: number): Promise<FeedbackNote[]>;
  markReplied(id: number, at: Date): Promise<void>;
}
