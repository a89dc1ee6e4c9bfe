import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialText, P } from '../electron/common/checks/fixtures';
import { loadDemoMeeting, startE2E, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
let materialId: number;

/** A channel through the page's own API (test set-up only; the checks themselves are read from the screen). */
async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const r = (await e.page.evaluate(([c, i]) => window.jingjian.invoke(c as never, i as never), [channel, input] as const)) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value;
}
async function material(meeting: number, memberId: number, text: string): Promise<number> {
  const preview = await invoke<{ material: unknown }>('materials.parse', { source: 'text', text });
  return (await invoke<{ id: number }>('materials.create', { meetingId: meeting, memberId, content: preview.material })).id;
}

beforeAll(async () => {
  e = await startE2E();
  meetingId = await loadDemoMeeting(e);
  const meeting = await invoke<{ teamId: number; year: number }>('meetings.get', { id: meetingId });
  const members = await invoke<{ id: number; name: string }[]>('members.list', { teamId: meeting.teamId });
  const huang = members.find((m) => m.name === '黄海峰')!;
  const last = await invoke<{ id: number }>('meetings.create', {
    teamId: meeting.teamId, kind: 'annual', trigger: null, triggerReason: '', year: meeting.year - 1, theme: '上年度民主生活会', date: `${meeting.year - 1}-12-20`,
    startTime: '09:00', place: '县政府常务会议室', hostMemberId: members[0].id, recorder: '郭文静', quorumRatio: 2 / 3, aspects: [{ label: '提高政治站位' }], guests: [],
  });
  await material(last.id, huang.id, materialText('黄海峰同志上年度对照检查材料', [[P.study, P.research], [P.money]], [P.cause1], [P.measure1]));
  await invoke('opinions.create', {
    meetingId,
    opinion: { channel: 'symposium', source: '', date: null, targetMemberId: huang.id, aspectId: null, text: '黄海峰同志对机关会议清理不够，一个会套一个会，基层干部苦不堪言。', anonymous: true, submitter: '' },
  });
  // About 40 % of this year's material repeats last year's: three of its seven paragraphs.
  materialId = await material(meetingId, huang.id, materialText('黄海峰同志对照检查材料', [[P.study, P.fresh1], [P.money, P.fresh2]], [P.cause2], [P.measure1, P.measure2]));
});
afterAll(async () => {
  await e.close();
});

describe('honesty checks', () => {
  it('warns that a material repeats last year’s and shows the passages beside their source', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/materials?m=${materialId}`);
    await e.page.waitForSelector('[data-testid=material-editor]');
    await e.page.getByRole('tab', { name: '体检与雷同检查' }).click();
    const warning = e.page.locator('[data-testid=checks-warning]').first();
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/本材料有 (3\d|4\d)% 与本人往年材料重复/);
    const source = e.page.locator('[data-testid=checks-source]').first();
    expect(await source.textContent()).toContain('本人往年材料');
    expect(await source.textContent()).toContain('黄海峰');
    const passages = source.locator('[data-testid=checks-passage]');
    expect(await passages.count()).toBe(3);
    expect(await passages.first().textContent()).toContain('理论学习的自觉性不够强');
    await e.shot('checks-01-similarity');

    await passages.nth(1).getByRole('button', { name: /定位/ }).click();
    // Back in the editor, with the repeated paragraph's field focused.
    await e.page.waitForFunction(() => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      return el?.closest('[data-testid=material-form]') !== null && (el?.value ?? '').includes('落实过紧日子要求不够坚决');
    });
    expect(await e.page.getByRole('tab', { name: '编辑' }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists an unanswered opinion in the 材料体检 and jumps to it', async () => {
    await e.page.getByRole('tab', { name: '体检与雷同检查' }).click();
    const row = e.page.locator('[data-testid=checkup-row][data-code=opinion]:has-text("机关会议清理不够")');
    await row.waitFor();
    expect(await row.textContent()).toContain('未回应意见');
    const missing = e.page.locator('[data-testid=checkup-row][data-code=aspect]').filter({ hasText: '未查摆' });
    expect(await missing.count()).toBeGreaterThan(0);
    await e.shot('checks-02-checkup');
    await row.getByRole('button', { name: /定位/ }).click();
    // Back in the editor, the opinion shown and marked in the panel of opinions addressed to the author.
    const located = e.page.locator('[data-testid=opinions-panel] [data-located]');
    await located.waitFor();
    expect(await located.textContent()).toContain('机关会议清理不够');
  });

  it('lets the author mark the opinion as left with a reason, and the reviewer tick a 督导组 reason with a comment', async () => {
    await e.page.getByRole('tab', { name: '体检与雷同检查' }).click();
    const row = e.page.locator('[data-testid=checkup-row][data-code=opinion]:has-text("机关会议清理不够")');
    await row.locator('[data-testid=checkup-leave]').click();
    const box = e.page.locator('.el-message-box');
    await box.locator('input').fill('已在“个人有关事项”中当面说明');
    await box.getByRole('button', { name: '保存' }).click();
    await row.locator('[data-testid=checkup-left]').waitFor();
    expect(await row.textContent()).toContain('说明不作回应的意见');
    expect(await row.textContent()).toContain('已在“个人有关事项”中当面说明');
    expect(await row.textContent()).not.toContain('未回应意见');
    expect(await row.getAttribute('class')).not.toContain('bad');

    const depth = e.page.locator('[data-testid=checkup-review][data-reason=depth]');
    await depth.getByRole('textbox').fill('原因分析停留在学习不够，没有从党性上找根源');
    await depth.getByText('剖析不深不透').click();
    await depth.locator('.when').waitFor();
    await e.shot('checks-04-left-and-review');
    // Stored: after a reload the tick, its comment and the mark are still there.
    await e.page.reload();
    await e.page.getByRole('tab', { name: '体检与雷同检查' }).click();
    await e.page.locator('[data-testid=checkup-review][data-reason=depth] .when').waitFor();
    expect(await e.page.locator('[data-testid=checkup-review][data-reason=depth] input[type=checkbox]').isChecked()).toBe(true);
    expect(await e.page.locator('[data-testid=checkup-review][data-reason=depth]').getByRole('textbox').inputValue()).toBe('原因分析停留在学习不够，没有从党性上找根源');
    expect(await e.page.locator('[data-testid=checkup-review][data-reason=practice] input[type=checkbox]').isChecked()).toBe(false);
    await e.page.locator('[data-testid=checkup-left]').waitFor();

    // Submitting shows the 体检 as a prompt (advice): what still needs attention, and the submission can go on.
    await e.page.getByTestId('submit').click();
    const prompt = e.page.locator('[data-testid=submit-checkup]');
    await prompt.waitFor();
    expect(await prompt.textContent()).toMatch(/提交前体检：\d+ 项需要注意/);
    expect(await prompt.textContent()).toContain('未查摆');
    await e.shot('checks-05-submit-prompt');
    await e.page.locator('.el-message-box').getByRole('button', { name: '取消' }).click();
  });

  it('gives a quiet 辣味 hint on a criticism that is a wish and praise in disguise without a fact, naming the rules', async () => {
    await invoke('minutes.prepare', { meetingId });
    // The meeting under way (the first item open), as after F8.
    const state = await invoke<{ cursor: { itemId: number }; agenda: { id: number }[]; members: { id: number; name: string; role: string }[] }>('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    const from = state.members.find((m) => m.name === '周明华')!;
    const to = state.members.find((m) => m.name === '陈晓燕')!;
    for (const [i, text] of ['希望陈晓燕同志多注意休息。', '陈晓燕同志今年3月到分管医院调研只听汇报，没有到病区看一次。'].entries()) {
      await invoke('minutes.saveEntry', { meetingId, key: `checks-e2e-${i}`, revision: 1, agendaItemId: state.cursor.itemId, type: 'criticism', fromMemberId: from.id, fromGuest: '', toMemberId: to.id, aspectId: null, text, draft: false });
    }
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    const stream = e.page.locator('[data-testid=entry-stream]');
    await stream.locator('article:has-text("多注意休息")').waitFor();
    const hints = stream.locator('article:has-text("多注意休息") [data-testid=criticism-hint]');
    // The rules arrive once per window: the hints follow them onto the entries already drawn.
    await expect.poll(() => hints.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('以希望、建议、共勉代替批评'), expect.stringContaining('明贬暗褒'), expect.stringContaining('没有具体事例')]);
    // A criticism with a name and a fact gets none.
    expect(await stream.locator('article:has-text("没有到病区看一次") [data-testid=criticism-hint]').count()).toBe(0);
    await e.shot('checks-03-criticism-hint');
  });
});

describe('辣味 hints beyond the console', () => {
  it('hints on a material’s 相互批评 part, and the settings list the rules, built-in ones without a delete', async () => {
    const meeting = await invoke<{ teamId: number }>('meetings.get', { id: meetingId });
    const members = await invoke<{ id: number; name: string }[]>('members.list', { teamId: meeting.teamId });
    const list = await invoke<{ memberId: number | null; id: number | null }[]>('materials.list', { meetingId });
    const author = members.find((m) => !list.some((x) => x.memberId === m.id && x.id !== null))!;
    const text = `${materialText(`${author.name}同志对照检查材料`, [[P.fresh3]], [P.cause1], [P.measure2])}\n四、对班子其他成员的批评意见\n希望周明华同志多注意休息。\n周明华同志今年3月到分管医院调研只听汇报，没有到病区看一次。`;
    const id = await material(meetingId, author.id, text);
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/materials?m=${id}`);
    // Only the 相互批评 part gets hints (the headings are fields, so the hints are counted over the whole editor): the
    // wish gets three, the criticism with a name and a fact none, and the self-examination parts none.
    const hints = e.page.locator('[data-testid=material-editor] [data-testid=criticism-hint]');
    await hints.first().waitFor();
    await e.page.locator('[data-testid=material-editor] [data-testid=criticism-hint]').nth(2).scrollIntoViewIfNeeded();
    expect(await hints.allTextContents()).toEqual([expect.stringContaining('以希望、建议、共勉代替批评'), expect.stringContaining('明贬暗褒'), expect.stringContaining('没有具体事例')]);
    await e.shot('checks-06-material-criticism');

    await e.page.goto(`${e.harness.url}/#/settings`);
    const rules = e.page.locator('[data-testid=criticism-rules]');
    await rules.locator('[data-testid=rule-label]').first().waitFor();
    expect(await rules.locator('[data-testid=rule-label]').allTextContents()).toEqual(expect.arrayContaining(['明贬暗褒']));
    expect(await rules.locator('[data-testid=rule-remove]').count()).toBe(0);
    await rules.scrollIntoViewIfNeeded();
    await e.shot('checks-07-rules');
  });
});

describe('talk records', () => {
  it('shows near-identical records of one talker on the talks screen, side by side', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/talks`);
    const card = e.page.locator('[data-testid=talk-checks]');
    // The demo's own talks reuse sentences: the check names their pairs.
    const pair = card.locator('[data-testid=talk-pair]').first();
    await pair.waitFor();
    const pairs = await invoke<{ talker: string; share: number }[]>('checks.talks', { meetingId });
    expect(await card.locator('[data-testid=talk-pair]').count()).toBe(Math.min(5, pairs.length));
    if (pairs.length > 5) {
      await card.getByTestId('talk-pairs-all').click();
      expect(await card.locator('[data-testid=talk-pair]').count()).toBe(pairs.length);
    }
    expect(await pair.textContent()).toContain(pairs[0].talker);
    expect(await pair.textContent()).toContain(`重复 ${Math.round(pairs[0].share * 100)}%`);
    expect(await pair.locator('[data-testid=talk-passage]').count()).toBeGreaterThan(0);
    await pair.scrollIntoViewIfNeeded();
    await e.shot('checks-08-talks');
  });
});
