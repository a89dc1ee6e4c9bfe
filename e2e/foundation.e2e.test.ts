import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, startE2E, type E2E } from './fixture';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

describe('a secretary sets up the team and a meeting', () => {
  it('starts on the first-run screen', async () => {
    await e.page.waitForSelector('[data-testid=first-run]');
    expect(await e.page.textContent('[data-testid=first-run]')).toContain('欢迎使用镜鉴');
    await e.shot('01-first-run');
  });

  it('refuses a team without a name and keeps the dialog open', async () => {
    await e.page.click('[data-testid=start-own]');
    await e.page.waitForSelector('[data-testid=team-form]');
    await e.page.click('[data-testid=team-save]');
    await e.page.waitForSelector('.el-form-item__error');
    expect(await e.page.textContent('[data-testid=team-form]')).toContain('请填写班子名称');
    await e.shot('02-team-name-required');
    expect(await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))).toEqual({ ok: true, value: [] });
  });

  it('creates the team and three members by keyboard', async () => {
    await e.page.fill(field('team-name'), '中共青山县人民政府党组');
    await e.page.fill(field('team-unit'), '青山县人民政府');
    await e.page.click('[data-testid=team-save]');
    await e.page.waitForSelector('[data-testid=member-form]');
    const members = [
      ['张国强', '县长，党组书记', '书记'],
      ['李红梅', '副县长，党组成员', '班子成员'],
      ['王志刚', '副县长，党组成员', '班子成员'],
    ];
    for (const [name, position, role] of members) {
      await e.page.fill(field('member-name'), name);
      await e.page.fill(field('member-position'), position);
      await e.page.click(`[data-testid=member-role] label:has-text("${role}")`);
      await e.page.press(field('member-position'), 'Enter');
      await e.page.waitForFunction((n) => document.querySelector('[data-testid=members-table]')?.textContent?.includes(n), name);
    }
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=member-form]', { state: 'hidden' });
    const table = await e.page.textContent('[data-testid=members-table]');
    expect(table).toContain('张国强');
    expect(table).toContain('王志刚');
    await e.shot('03-team-members');
  });

  it('refuses a meeting without a valid date, then creates it', async () => {
    await e.page.click('a[href="#/meetings"]');
    await e.page.click('[data-testid=new-meeting]');
    await e.page.waitForSelector('[data-testid=meeting-form]');
    await e.page.fill(field('meeting-theme'), '深入学习贯彻党的创新理论，推动高质量发展');
    // Typed as a secretary would: February has no 30th, and it must not silently become 2 March.
    await e.page.click(field('meeting-date'));
    await e.page.keyboard.type('2026-02-30');
    await e.page.keyboard.press('Tab');
    await e.page.waitForSelector('[data-testid=meeting-form] >> text=日期不存在');
    await e.page.click('[data-testid=meeting-save]');
    await e.page.waitForSelector('.el-message--error');
    await e.page.waitForSelector('[data-testid=meeting-form] >> text=会议日期不是有效日期');
    await e.shot('04-meeting-invalid-date');
    const api = await e.page.evaluate(() =>
      window.jingjian.invoke('meetings.create', {
        teamId: 1, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '主题', date: '2026-02-30', startTime: '', place: '',
        hostMemberId: null, recorder: '', quorumRatio: 0.7, aspects: [], guests: [],
      }),
    );
    expect(api).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await e.page.evaluate(() => window.jingjian.invoke('meetings.list', {}))).toEqual({ ok: true, value: [] });

    await e.page.fill(field('meeting-date'), '2026年12月18日');
    await e.page.keyboard.press('Tab');
    expect(await e.page.inputValue(field('meeting-date'))).toBe('2026-12-18');
    await e.page.fill(field('meeting-place'), '县政府第一会议室');
    await e.page.fill(field('meeting-recorder'), '赵敏');
    await e.page.fill(field('aspect-0'), '在加强政治建设、提高政治能力方面');
    await e.page.click('[data-testid=add-aspect]');
    await e.page.fill(field('aspect-1'), '在履职尽责、担当作为方面');
    await e.page.click('[data-testid=meeting-save]');
    await e.page.waitForSelector('[data-testid=dashboard]');
  });

  it('shows the dashboard with deadlines computed from the meeting date', async () => {
    await e.page.waitForSelector('[data-testid=step-plan]');
    expect(await e.page.textContent('[data-testid=workspace-title]')).toBe('中共青山县人民政府党组2026年度民主生活会');
    expect(await e.page.textContent('[data-testid=step-plan]')).toContain('2026年12月3日');
    expect(await e.page.textContent('[data-testid=step-report]')).toContain('2027年1月2日');
    // Before the meeting there has been no roll call: no 实到 figure and no quorum verdict, only a word on when.
    expect(await e.page.textContent('[data-testid=attendance-summary] .figures')).not.toContain('实到');
    expect(await e.page.textContent('[data-testid=attendance-summary]')).not.toContain('符合到会人数要求');
    expect(await e.page.textContent('[data-testid=no-roll-call]')).toContain('开会时点名后');
    await e.shot('05-dashboard');
  });

  it('switches to English, and after a reload everything is still there', async () => {
    await e.page.click('[data-testid=locale-switch] >> text=EN');
    await e.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await e.page.textContent('[data-testid=step-plan]')).toContain('Plan reported upward');
    await e.shot('06-dashboard-english');
    await e.reload();
    await e.page.waitForSelector('[data-testid=step-plan]');
    expect(await e.page.textContent('[data-testid=step-plan]')).toContain('Plan reported upward');
    expect(await e.page.textContent('[data-testid=workspace-title]')).toContain('2026');
    await e.page.click('[data-testid=locale-switch] >> text=中文');
    await e.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await e.page.click('a[href="#/teams"]');
    // The list arrives after the page: until then the table says it is loading, never 「暂无数据」.
    await e.page.waitForSelector('[data-testid=members-table] >> text=李红梅');
    expect(await e.page.textContent('[data-testid=members-table]')).not.toContain('暂无数据');
    expect(e.pageErrors).toEqual([]);
  });

  it('creates a 2025年度 meeting from the preset: the 案例剖析 part in a new material, the extra 通报 item in the agenda', async () => {
    await e.page.setViewportSize({ width: 1366, height: 768 }); // the secretary's laptop
    await e.page.click('a[href="#/meetings"]');
    await e.page.click('[data-testid=new-meeting]');
    await e.page.waitForSelector('[data-testid=meeting-form]');
    await e.page.fill(field('meeting-theme'), '深化内涵式发展');
    await e.page.fill(field('meeting-date'), '2026-01-20');
    await e.page.keyboard.press('Tab');
    await e.page.click('[data-testid=meeting-preset]');
    await e.page.click('.el-select-dropdown__item >> text=2025年度 民主生活会');
    await e.page.waitForSelector('[data-testid=preset-note]');
    expect(await e.page.inputValue(field('aspect-0'))).toBe('在带头强化政治忠诚、提高政治能力方面');
    expect(await e.page.inputValue(field('notice-0'))).toBe('中央八项规定精神学习教育整改整治');
    expect(await e.page.isChecked('[data-testid=rule-case-analysis] input')).toBe(true);
    // Editable: a second aspect typed after the preset's.
    await e.page.click('[data-testid=add-aspect]');
    await e.page.fill(field('aspect-1'), '在带头履职尽责方面');
    await e.page.locator('[data-testid=meeting-rules]').scrollIntoViewIfNeeded();
    await e.shot('07-meeting-preset-2025');
    await e.page.click('[data-testid=meeting-save]');
    await e.page.waitForSelector('[data-testid=dashboard]');
    const meetingId = Number(/#\/meetings\/(\d+)/.exec(e.page.url())![1]);

    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/materials`);
    await e.page.click('[data-testid=material-row-2] >> xpath=ancestor::tr >> [data-testid=start-material]');
    await e.page.waitForSelector('[data-testid=section-kind]');
    const sections = await e.page.locator('[data-testid=section]').allTextContents();
    expect(sections.some((text) => text.includes('反面典型案例剖析'))).toBe(true);
    await e.page.locator('[data-testid=section]', { hasText: '反面典型案例剖析' }).first().scrollIntoViewIfNeeded();
    await e.shot('08-material-case-analysis');

    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    await e.page.waitForSelector('[data-testid=agenda-item-1]');
    expect(await e.page.textContent('[data-testid=agenda-item-1]')).toContain('通报中央八项规定精神学习教育整改整治情况');
    expect(await e.page.textContent('[data-testid=agenda-item-2]')).toContain('通报上年度民主生活会整改落实情况');
    await e.page.click('[data-testid=agenda-item-1] button');
    await e.page.waitForSelector('[data-testid=opening-notice]');
    expect(await e.page.textContent('[data-testid=opening-notice]')).toContain('整改台账中没有来源为「中央八项规定精神学习教育整改整治」的事项');
    await e.shot('09-agenda-opening-notice');

    // The 主持词 draft: the preparation screen says, before it is written, which 通报 the ledger cannot give text for.
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/prep-docs`);
    const gaps = e.page.locator('[data-testid=draft-notice-gaps]');
    await gaps.waitFor();
    expect(await gaps.textContent()).toMatch(/通报中央八项规定精神学习教育整改整治情况[：:]整改台账中没有来源/);
    await gaps.scrollIntoViewIfNeeded();
    await e.shot('10-prep-host-script-notices');
    expect(e.pageErrors).toEqual([]);
  });
});
