import type { Migration } from './types';

/**
 * 原汁原味反馈本人: which member (or the 班子, member_id NULL) was given the opinions addressed to them, and when. A row
 * is written when that person's feedback file is saved, so the 会议情况报告 can say how many members were fed back
 * instead of assuming all of them were.
 */
export const feedback: Migration = {
  version: 11,
  name: 'feedback',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE opinion_feedback (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
        format TEXT NOT NULL CHECK (format IN ('docx','xlsx')),
        given_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX opinion_feedback_by_meeting ON opinion_feedback(meeting_id, member_id);
    `);
  },
};
