import type { submissionApi } from '../../common/api/submission';
import type { HandlerMap } from '../types';
import { buildSubmission, listSubmissions } from './build';
import { submissionPlan } from './plan';

export const submissionHandlers: HandlerMap<typeof submissionApi> = {
  'submission.plan': (ctx, input) => submissionPlan(ctx, input.meetingId),
  'submission.build': (ctx, input) => buildSubmission(ctx, input),
  'submission.list': (ctx, input) => listSubmissions(ctx, input.meetingId),
};
