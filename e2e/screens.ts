import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { addDays } from '../electron/common/meetings/steps';
import type { Harness } from '../harness/server';
import type { ChannelName, Input, Output } from '../electron/common/api';

/**
 * Checks that every screen must pass: nothing is clipped or pushed out of its box, and axe-core finds no serious or
 * critical accessibility fault. The page is measured as it is shown, so a failure names the element and its text.
 */

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

function axeScript(): string {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Waits until every transition and animation on the page has ended; endless ones (a loading spinner) are not waited for. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** axe-core's serious and critical findings on the page as it is now (the script is injected past the page's CSP). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(`${axeScript()}\n;0`);
  // Colours are judged as they settle: a radio button still fading from one choice to the other (the form filling in
  // after its data arrived) is not a contrast fault.
  await settled(page);
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      html: string;
    }
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 8).map((n) => `${n.target.map(String).join(' ')} ${n.html.slice(0, 160)}`) }));
  });
}

export interface LayoutFault {
  kind: 'clipped' | 'spills' | 'placeholder' | 'page-overflow' | 'squeezed' | 'table-scroll' | 'misaligned';
  where: string;
  text: string;
  box: number;
  content: number;
}

/**
 * Faults a secretary would see:
 * - the page (or the main content) scrolls sideways;
 * - a block's content is wider than its box where the text was meant to fit or wrap (clipped, or spilling over the
 *   next column), except inside boxes made to scroll sideways (tables, code);
 * - a text cut with an ellipsis that leaves fewer than four characters readable;
 * - an input whose hint (placeholder) does not fit, e.g. under a shortcut badge.
 */
export async function layoutFaults(page: Page): Promise<LayoutFault[]> {
  return page.evaluate(() => {
    const faults: LayoutFault[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) faults.push({ kind: 'page-overflow', where: 'html', text: '', box: root.clientWidth, content: root.scrollWidth });
    const describe = (el: Element): string => {
      const parts: string[] = [];
      let node: Element | null = el;
      for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
        const testId = node.getAttribute('data-testid');
        const cls = [...node.classList].filter((c) => !c.startsWith('is-')).slice(0, 2).join('.');
        parts.unshift(`${node.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${cls ? `.${cls}` : ''}`);
        if (testId) break;
      }
      return parts.join(' > ');
    };
    const visible = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    };
    // Inside a box that really scrolls sideways (code, a wide matrix) what is wider can be reached by scrolling.
    const scrolledSideways = (el: Element): boolean => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const cs = getComputedStyle(node);
        if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && node.scrollWidth > node.clientWidth + 1) return true;
      }
      return false;
    };
    // A table that needs sideways scrolling hides columns under its fixed ones: at this width it must fit.
    for (const table of document.querySelectorAll('.el-table')) {
      const wrap = table.querySelector('.el-table__body-wrapper .el-scrollbar__wrap');
      if (wrap && visible(table) && wrap.scrollWidth > wrap.clientWidth + 1) {
        const headers = [...table.querySelectorAll('.el-table__header th .cell')].map((c) => c.textContent?.trim()).filter(Boolean).join('|');
        faults.push({ kind: 'table-scroll', where: describe(table), text: headers.slice(0, 80), box: wrap.clientWidth, content: wrap.scrollWidth });
      }
    }
    const ownText = (el: Element): string =>
      [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, .el-popper, [aria-hidden=true], .el-table__body-wrapper .el-scrollbar__bar')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'inline' || cs.display === 'contents' || cs.position === 'fixed') continue;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        const hint = el.placeholder;
        if (!hint || el.value || !visible(el)) continue;
        canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const need = Math.ceil(canvas.measureText(hint).width);
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (el instanceof HTMLInputElement && need > room + 1) faults.push({ kind: 'placeholder', where: describe(el), text: hint, box: Math.round(room), content: need });
        continue;
      }
      const text = ownText(el);
      if (!text) continue;
      if (!visible(el)) continue;
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
      const over = el.scrollWidth - el.clientWidth;
      if (over <= 1) continue;
      const fontPx = parseFloat(cs.fontSize) || 14;
      const fault = { where: describe(el), text: text.slice(0, 40), box: el.clientWidth, content: el.scrollWidth };
      if (cs.textOverflow === 'ellipsis') {
        // A deliberate ellipsis (the full text is on hover) is fine while at least a few characters remain readable.
        if (el.clientWidth < fontPx * 4) faults.push({ kind: 'squeezed', ...fault });
        continue;
      }
      if (cs.overflowX === 'hidden' || cs.overflowX === 'clip') faults.push({ kind: 'clipped', ...fault });
      else if (!scrolledSideways(el)) faults.push({ kind: 'spills', ...fault });
    }
    return faults;
  });
}

type Call = <C extends ChannelName>(channel: C, input: Input<C>) => Promise<Output<C>>;

/** The harness's real handlers, as the seed's channel calls. */
export function harnessCall(harness: Harness): Call {
  return async (channel, input) => {
    const result = await harness.host.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as never;
  };
}

const LONG_NAMES = [
  '欧阳振华', '阿卜杜热合曼·买买提', '司马长青', '诸葛明远', '上官婉清', '慕容海峰', '买买提江·吐尔逊', '皇甫建军',
  '东方晓燕', '令狐志强', '尉迟光明', '古丽娜尔·艾合买提', '夏侯文静', '公孙德胜', '端木红梅',
];
const LONG_POSITIONS = [
  '县委副书记、县政府党组书记、县长',
  '县委常委、县政府党组副书记、常务副县长（兼县经济技术开发区党工委书记）',
  '县政府党组成员、副县长、县公安局党委书记、局长、督察长',
  '县政府党组成员、县政府办公室党组书记、主任',
];

/** A personal 对照检查 read out in full (some 1,300 characters in six paragraphs), as the long speeches of a real record. */
const longSpeech = (n: number) =>
  `第${n}条（对照检查发言）：\n` +
  Array.from({ length: 6 }, (_, p) => `${p + 1}. 在推动县域经济高质量发展、防范化解重大风险、保障和改善民生等方面，调查研究不够深入，到基层一线听取意见少，抓落实的举措不够有力，有的工作还停留在一般性部署上，跟踪问效不够，对群众反映强烈的问题回应不及时。今后要带头改进作风，对照职责逐项检视整改，做到立行立改、久久为功。`.repeat(2)).join('\n');

/**
 * A stress case through the real channels: a team of fifteen with long names and long posts, a meeting with a long
 * theme, its live minutes with 500 entries (every 37th a long speech of some 1,300 characters).
 */
export async function seedStress(call: Call, today: string): Promise<{ meetingId: number; teamId: number }> {
  const team = await call('teams.create', { name: '中共某某自治县人民政府党组（含县经济技术开发区管理委员会党工委）', organ: 'party_group', unit: '某某自治县人民政府' });
  const memberIds: number[] = [];
  for (const [i, name] of LONG_NAMES.entries()) {
    const role = i === 0 ? 'secretary' : i === 1 ? 'deputy' : 'member';
    const member = await call('members.create', { teamId: team.id, name, position: LONG_POSITIONS[i % LONG_POSITIONS.length], role, portfolio: '负责县政府常务工作，分管发展改革、财政、审计、统计、国有资产、金融、税务、开发区工作' });
    memberIds.push(member.id);
  }
  const date = addDays(today, -1);
  const meeting = await call('meetings.create', {
    teamId: team.id,
    kind: 'annual',
    trigger: null,
    triggerReason: '',
    year: Number(date.slice(0, 4)),
    theme: '深入学习贯彻习近平新时代中国特色社会主义思想，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    date,
    startTime: '08:30',
    place: '县政府常务会议室（县行政中心三楼东侧第一会议室）',
    hostMemberId: memberIds[0],
    recorder: '县委办公室综合科副科长 郭文静',
    quorumRatio: 2 / 3,
    aspects: [
      { label: '在深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”方面' },
      { label: '在履职尽责、担当作为，推动高质量发展方面' },
      { label: '在落实全面从严治党政治责任，加强作风建设方面' },
    ],
    guests: [{ kind: 'supervisor', name: '市委第三督导组组长 张卫东', position: '市委第三督导组组长、市纪委监委驻市委组织部纪检监察组组长' }],
  });
  let state = await call('minutes.prepare', { meetingId: meeting.id });
  let saved = 0;
  for (let step = 0; step < 400 && saved < 500; step++) {
    state = await call('minutes.advance', { meetingId: meeting.id, to: { mode: 'nextSpeaker' } });
    const speech = state.cursor.speech;
    if (!state.cursor.itemId || !speech) break;
    const item = state.agenda.find((a) => a.id === state.cursor.itemId)!;
    const perSpeech = item.kind === 'member_round' ? 3 : 2;
    for (let k = 0; k < perSpeech && saved < 500; k++) {
      const criticism = speech.role === 'criticism' && item.memberId !== null;
      await call('minutes.saveEntry', {
        meetingId: meeting.id,
        key: `stress${meeting.id}n${String(saved).padStart(5, '0')}`,
        revision: 1,
        agendaItemId: item.id,
        type: criticism ? 'criticism' : speech.role === 'self' ? 'self_criticism' : speech.role === 'response' ? 'response' : 'other',
        fromMemberId: speech.memberId,
        fromGuest: speech.guestName,
        toMemberId: criticism ? item.memberId : null,
        aspectId: criticism ? meeting.aspects[saved % meeting.aspects.length].id : null,
        text: saved % 37 === 5 ? longSpeech(saved + 1) : `第${saved + 1}条：对照检查，在推动县域经济高质量发展、防范化解重大风险、保障和改善民生等方面，调查研究不够深入，抓落实的举措不够有力，有的工作还停留在一般性部署上，跟踪问效不够。`,
        draft: false,
      });
      saved++;
    }
  }
  if (saved < 500) throw new Error(`stress seed: only ${saved} minutes entries`);
  return { meetingId: meeting.id, teamId: team.id };
}
