import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text } from '../validation';
import { STUDY_FORMS, type StudyForm } from '../study/vocab';

export { STUDY_FORMS, type StudyForm };

export interface StudySession {
  id: number;
  meetingId: number;
  date: string;
  form: StudyForm;
  topic: string;
  hours: number | null;
  notes: string;
  attendeeIds: number[];
  attendeeNames: string[];
}

export const studyFields = z
  .object({
    date: isoDate({ zh: '学习日期', en: 'Study date' }),
    form: oneOf({ zh: '学习形式', en: 'Form' }, STUDY_FORMS),
    topic: text({ zh: '学习主题', en: 'Topic' }, 200, { min: 1 }),
    hours: z
      .number()
      .nullable()
      .refine((h) => h === null || (h > 0 && h <= 24), { params: { zh: '学习时长应在 0 到 24 小时之间', en: 'Hours must be between 0 and 24' }, message: '学习时长应在 0 到 24 小时之间' }),
    notes: text(L.note, 2000),
    attendeeIds: z.array(id()).max(200),
  })
  .strict();

export const studyApi = {
  'study.list': channel(z.object({ meetingId: id() }).strict()).returns<StudySession[]>(),
  'study.create': channel(z.object({ meetingId: id(), session: studyFields }).strict()).returns<StudySession>(),
  'study.update': channel(z.object({ id: id(), session: studyFields }).strict()).returns<StudySession>(),
  'study.delete': channel(z.object({ id: id() }).strict()).returns<{ id: number }>(),
};
