/*
 * A large, realistic database for scale checks and the benchmark: 30 teams × 10 years of meetings, ≈ 100,000 opinions,
 * ≈ 60,000 minutes entries, ≈ 10,000 rectification items, talks, and a material for every member of every meeting.
 * Everything is fictional, assembled from phrase lists.
 *
 * Materials are stored as the app saves them (the parsed tree, and a material_problems row for each of its problems:
 * syncProblems' derivation), and about half of each meeting's own items are made from one of those problems as
 * the 从问题来源生成 dialog makes them: the problem's text, its aspect and author, and a rectification_item_sources row
 * citing the material_problems row (materials/providers.ts problemSources, the very function the dialog's list uses).
 *
 * This is data generation, not the app path: rows go in through raw prepared statements in big transactions. The
 * schema is the real one: the migrations up to (not including) search run first, the rows are inserted, then the
 * remaining migrations run on the full file exactly as they would on a user's file (timed: `migrateMs`).
 *
 *   npm run seed:large -- <file.sqlite> [--teams 30] [--years 10]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../db/connection';
import { migrations } from '../db/migrations';
import { chineseNumeral, parseOutline } from '../electron/common/materials';
import { problemSources } from '../electron/handlers/materials/providers';
import { problemNodeIds } from '../electron/handlers/materials/store';
import type { SourceCandidate } from '../electron/handlers/meetings/sources';

/** Version of the search migration: the generator fills the tables before it, so the backfill is measured on a full file. */
export const FIRST_SEARCH_VERSION = 8;
/** Bump when the generated data changes shape (the benchmark caches the file by this and the schema version). */
export const LARGE_GENERATOR_VERSION = 3;

const OTHER_ORIGINS = [
  { kind: 'inspection', origin: '县委巡察组反馈意见' },
  { kind: 'audit', origin: '经济责任审计发现问题' },
  { kind: 'study_campaign', origin: '中央八项规定精神学习教育整改整治' },
  { kind: 'supervision', origin: '省委督察反馈问题' },
] as const;

export interface LargeOptions {
  teams?: number;
  years?: number;
  firstYear?: number;
  seed?: number;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
  /** False: leave the file at the version before search (to time a user's upgrade of a full file). Default true. */
  migrateAfter?: boolean;
}

export interface LargeSummary {
  file: string;
  counts: Record<string, number>;
  generateMs: number;
  /** Time of the migrations after the data was in (the search backfill on a full file). */
  migrateMs: number;
  bytes: number;
  /** The meeting with the most of everything: the benchmark's working meeting. */
  busiestMeetingId: number;
}

// ——— randomness (deterministic) ———

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}

// ——— phrase lists (fictional) ———

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤';
const GIVEN = [
  '建国', '明华', '晓燕', '立新', '丽娟', '志强', '海峰', '向东', '国平', '美玲', '文斌', '海燕', '国庆', '振华', '秀英', '春梅', '卫东', '红霞',
  '建军', '德明', '玉兰', '永刚', '淑芬', '光辉', '晓明', '慧敏', '俊杰', '雪梅', '长青', '瑞峰', '思远', '静怡', '宏伟', '云飞', '嘉禾', '书涵',
  '锦程', '若楠', '鹏程', '晨阳', '亚军', '少华', '翠兰', '子健', '冬梅', '正阳', '世杰', '丹丹', '立群', '家宝',
];
const PLACES = ['青溪', '云溪', '石门', '白沙', '临江', '桐柏', '安平', '凤鸣', '东湖', '南山', '北岭', '西塘', '清河', '望江', '长宁', '金川'];
const ORGANS = [
  { suffix: '县人民政府党组', unit: '县人民政府', organ: 'party_group' },
  { suffix: '县委常委会', unit: '县委', organ: 'party_committee' },
  { suffix: '县财政局党组', unit: '县财政局', organ: 'party_group' },
  { suffix: '县教育局党组', unit: '县教育局', organ: 'party_group' },
  { suffix: '县水利局党组', unit: '县水利局', organ: 'party_group' },
  { suffix: '县卫生健康局党组', unit: '县卫生健康局', organ: 'party_group' },
  { suffix: '县交通运输局党组', unit: '县交通运输局', organ: 'party_group' },
  { suffix: '县自然资源局党组', unit: '县自然资源局', organ: 'party_group' },
] as const;
const POSITIONS = ['书记', '副书记', '副局长', '副局长', '副局长', '纪检组长', '总工程师', '副县长', '办公室主任'];
const PORTFOLIOS = ['财政、税务、金融', '教育、卫生健康、文化旅游', '农业农村、乡村振兴、水利', '公安、司法、信访、应急管理', '工业和信息化、商务、营商环境', '自然资源、住房城乡建设、交通运输', '机关党建、干部人事', '政务服务、机关事务', '生态环境、林业'];

const ASPECTS = [
  '在坚持和加强党的全面领导、贯彻落实上级决策部署方面',
  '在落实全面从严治党主体责任、推进党风廉政建设方面',
  '在推动巡察反馈问题整改、促进高质量发展方面',
  '在落实中央八项规定精神、纠治“四风”方面',
  '在履职尽责、担当作为方面',
  '在学习贯彻党的创新理论、凝心铸魂方面',
  '在践行以人民为中心的发展思想、为民造福方面',
  '在树立和践行正确政绩观、真抓实干方面',
  '在统筹发展和安全、防范化解风险方面',
  '在严守政治纪律和政治规矩、廉洁自律方面',
];
const THEMES = [
  '深入学习贯彻新时代中国特色社会主义思想，以学铸魂、以学增智、以学正风、以学促干',
  '牢记初心使命，推动高质量发展',
  '加强党的政治建设，提高政治判断力、政治领悟力、政治执行力',
  '学党史、悟思想、办实事、开新局',
  '坚持以人民为中心，着力解决群众急难愁盼问题',
];
const AREAS = [
  '项目审批', '招商引资', '安全生产', '信访积案化解', '老旧小区改造', '高标准农田建设', '营商环境优化', '基层减负', '农村学校建设', '公务接待管理',
  '重点项目推进', '生态环境保护', '防汛抗旱', '债务风险防范', '国有企业改革', '城乡供水', '医疗保障', '就业创业服务', '乡村振兴衔接', '政务服务改革',
  '耕地保护', '河湖长制落实', '校园安全', '食品药品监管', '农村人居环境整治', '数字政府建设', '干部队伍建设', '机关作风建设', '财政资金管理', '统计数据质量',
];
const DEFECTS = [
  '调查研究不够深入，蹲点式、解剖麻雀式调研少',
  '跟踪问效不够，存在以会议落实会议、以文件落实文件的情况',
  '存在“一阵风”现象，长效机制建设不够',
  '整改不够彻底，有的问题存在“表面整改”现象',
  '推进力度不够大，工作进度滞后于计划安排',
  '统筹协调不够有力，部门之间推诿扯皮的情况仍有发生',
  '听取群众意见的渠道还需拓宽，群众反映的问题解决不够及时',
  '监督检查流于形式，发现问题后督促整改不够',
  '担当意识不够强，遇到矛盾有时存在等靠思想',
  '制度执行不够严格，个别环节存在打折扣、搞变通的情况',
  '台账材料要求多，督查检查考核过多过频，基层负担较重',
  '风险研判不够前瞻，对隐患排查存在侥幸心理',
  '抓落实的“最后一公里”还没有完全打通',
  '理论学习与业务工作结合不够紧密，学用脱节',
  '批评与自我批评辣味不足，相互提醒不够',
];
const EXAMPLES = [
  '比如，有的项目前期手续办理迟缓，开工时间比计划推迟了4个月。',
  '比如，群众多次反映的问题，至今仍未全部解决到位。',
  '比如，2023年到基层调研先后6次，但形成的调研成果转化为政策措施的不多。',
  '比如，企业办事仍要多头跑、反复跑，“一件事一次办”落实不到位。',
  '又如，部分乡镇存在重建设轻管护的情况，设施建成后运行维护跟不上。',
  '比如，个别单位公务接待仍有超标准的苗头，审批把关不严。',
  '比如，对巡察反馈的问题，整改方案制定后跟踪督办不够，销号标准把握不严。',
  '比如，部分重点民生实事推进缓慢，群众满意度不高。',
];
const SUGGESTIONS = [
  '建议进一步加强调查研究，多到基层一线听取群众意见。',
  '希望建立问题台账，逐项明确责任人和完成时限，完成一项、销号一项。',
  '建议完善长效机制，防止问题反弹回潮。',
  '希望严格执行中央八项规定精神，带头转变作风。',
  '建议加强统筹协调，压实部门责任，形成工作合力。',
  '希望多听取基层和服务对象的意见，让政策措施更接地气。',
  '建议加大督查督办力度，确保各项任务按期完成。',
  '希望在推动整改落实上再加力，真正做到立行立改。',
];
const CAUSES = [
  '理想信念有所弱化。对理论学习重视不够，没有真正把学习作为一种政治责任和精神追求。',
  '宗旨意识有所淡化。随着职务提升，深入群众的时间少了，对群众的所思所盼了解不够全面。',
  '担当精神有所减退。面对复杂矛盾和风险挑战，有时瞻前顾后、求稳怕乱。',
  '纪律规矩意识有所松懈。对全面从严治党的长期性、复杂性认识不足。',
  '政绩观存在偏差。有时注重显性政绩，对打基础、利长远的工作用力不够。',
];
const MEASURES = [
  '在强化理论武装上下功夫。认真落实“第一议题”制度，每月至少开展1次专题学习，切实做到学思用贯通。',
  '在推动高质量发展上下功夫。建立重点项目领导包联机制，实行清单化管理、节点化推进。',
  '在增进民生福祉上下功夫。对群众反映的问题建立台账、逐项销号，让群众看到实实在在的变化。',
  '在从严管党治党上下功夫。认真履行“一岗双责”，每半年听取1次分管部门党风廉政建设情况汇报。',
  '在转变工作作风上下功夫。坚持每季度开展1次蹲点调研，真正把问题解决在基层。',
];
const RECT_MEASURES = [
  '建立问题整改台账，明确责任单位和完成时限，每月调度一次',
  '制定专项整改方案，实行挂图作战、对账销号',
  '开展专项督查，对整改不到位的严肃问责',
  '完善相关制度，建立长效机制，防止问题反弹',
  '组织回头看，对已销号事项进行抽查复核',
  '加强业务培训，提升干部队伍能力素质',
  '建立定期报告制度，每季度向党组报告整改进展',
];
const UNITS = ['办公室', '财务科', '综合科', '规划科', '项目办', '机关党委', '人事科', '法规科', '审批服务科', '督查室'];
const TALK_TOPICS = ['交流思想、查摆问题', '围绕落实全面从严治党责任交换意见', '就分管工作中存在的问题相互提醒', '征求对班子和个人的意见建议', '围绕巡察反馈问题整改交心谈心'];

// ——— text assembly ———

function problemSentence(rng: Rng): string {
  return `在${rng.pick(AREAS)}工作中，${rng.pick(DEFECTS)}。`;
}

function opinionText(rng: Rng, target: string | null): string {
  const head = target ? rng.pick([`${target}同志`, `希望${target}同志`, `${target}同志分管的工作中，`]) : rng.pick(['班子', '领导班子', '班子成员', '']);
  let text = `${head}${problemSentence(rng)}`;
  if (rng.chance(0.35)) text += rng.pick(EXAMPLES);
  if (rng.chance(0.6)) text += rng.pick(SUGGESTIONS);
  return text;
}

function criticismText(rng: Rng, from: string, to: string): string {
  return `${to}同志，我给你提${rng.int(2, 3)}条意见。一是${rng.pick(DEFECTS)}，${rng.pick(EXAMPLES)}二是在${rng.pick(AREAS)}方面，${rng.pick(DEFECTS)}。${rng.pick(SUGGESTIONS)}（${from}）`;
}

function selfCriticismText(rng: Rng): string {
  const parts = ['我按照会议要求，对照检查如下。'];
  for (let i = 0; i < 4; i++) parts.push(`${'一二三四'[i]}是${rng.pick(AREAS)}方面，${rng.pick(DEFECTS)}。${rng.chance(0.5) ? rng.pick(EXAMPLES) : ''}`);
  parts.push('以上是我的发言，请同志们批评指正。');
  return parts.join('');
}

function materialText(rng: Rng, title: string, aspects: readonly string[]): string {
  const cn = '一二三四五六七八九十';
  const lines = [title, `按照上级通知要求，会前我认真学习了规定篇目，广泛征求意见，共收到涉及本人的意见建议${rng.int(8, 40)}条，开展谈心谈话${rng.int(10, 40)}人次。现对照检查如下：`];
  lines.push('一、存在的主要问题');
  aspects.forEach((aspect, i) => {
    const items: string[] = [];
    for (let k = 0; k < rng.int(2, 3); k++) items.push(`${cn[k]}是${rng.pick(DEFECTS)}。${rng.pick(EXAMPLES)}`);
    lines.push(`（${cn[i]}）${aspect}。${items.join('')}`);
  });
  lines.push('二、问题产生的原因');
  rng.sample(CAUSES, 4).forEach((cause, i) => lines.push(`（${cn[i]}）${cause}`));
  lines.push('三、下步整改措施');
  rng.sample(MEASURES, 4).forEach((measure, i) => lines.push(`（${cn[i]}）${measure}`));
  lines.push('以上是我的个人对照检查，不妥之处，恳请同志们批评指正。');
  return lines.join('\n');
}

/** A self-examination material of about `chars` characters (as many aspect blocks as it takes), for parsing benchmarks. */
export function materialOfLength(chars: number, seed = 7): string {
  const rng = new Rng(seed);
  const lines = ['某某同志民主生活会个人对照检查材料', '按照上级通知要求，会前我认真学习了规定篇目，广泛征求意见。现对照检查如下：', '一、存在的主要问题'];
  let size = lines.join('\n').length;
  const tail = ['二、问题产生的原因', ...CAUSES.map((c, i) => `（${chineseNumeral(i + 1)}）${c}`), '三、下步整改措施', ...MEASURES.map((m, i) => `（${chineseNumeral(i + 1)}）${m}`)];
  const tailSize = tail.join('\n').length;
  for (let block = 1; size + tailSize < chars; block++) {
    const items: string[] = [];
    for (let k = 1; k <= 3; k++) items.push(`${chineseNumeral(k)}是${rng.pick(DEFECTS)}。${rng.pick(EXAMPLES)}`);
    const line = `（${chineseNumeral(block)}）${rng.pick(ASPECTS)}。${items.join('')}`;
    lines.push(line);
    size += line.length + 1;
  }
  return [...lines, ...tail].join('\n');
}

// ——— the generator ———

function count(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** Builds the large database into `file` (replaced if it exists). */
export function generateLargeDatabase(file: string, options: LargeOptions = {}): LargeSummary {
  const teams = options.teams ?? 30;
  const years = options.years ?? 10;
  const firstYear = options.firstYear ?? 2016;
  const rng = new Rng(options.seed ?? 20261127);
  const log = options.log ?? (() => undefined);
  const started = performance.now();

  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -200000');
  migrate(sqlite, migrations.filter((m) => m.version < FIRST_SEARCH_VERSION));

  const stamp = (date: string) => `${date}T09:00:00.000Z`;
  const ins = {
    team: sqlite.prepare('INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    member: sqlite.prepare('INSERT INTO members (team_id, name, position, role, portfolio, sort_order, status, left_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    meeting: sqlite.prepare(
      "INSERT INTO meetings (team_id, kind, trigger, trigger_reason, year, theme, date, start_time, place, host_member_id, recorder, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '09:00', '机关三楼会议室', ?, ?, 'closed', ?, ?)",
    ),
    aspect: sqlite.prepare('INSERT INTO meeting_aspects (meeting_id, sort_order, label) VALUES (?, ?, ?)'),
    attendance: sqlite.prepare('INSERT INTO attendance (meeting_id, member_id, present, absence_reason) VALUES (?, ?, ?, ?)'),
    consolidated: sqlite.prepare("INSERT INTO consolidated_opinions (meeting_id, text, target_member_id, aspect_id, handling, note, sort_order) VALUES (?, ?, ?, ?, ?, '', ?)"),
    opinion: sqlite.prepare(
      'INSERT INTO opinions (id, meeting_id, channel, source, received_on, target_member_id, aspect_id, text, anonymous, submitter, consolidated_id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    talk: sqlite.prepare("INSERT INTO talks (meeting_id, date, place, type, topic, agreed, recorder, created_at, updated_at) VALUES (?, ?, '办公室', ?, ?, ?, ?, ?, ?)"),
    participant: sqlite.prepare('INSERT INTO talk_participants (talk_id, sort_order, member_id, points) VALUES (?, ?, ?, ?)'),
    agenda: sqlite.prepare('INSERT INTO minutes_agenda_items (meeting_id, sort_order, kind, title, member_id, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    speech: sqlite.prepare('INSERT INTO minutes_speeches (meeting_id, agenda_item_id, member_id, role, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)'),
    entry: sqlite.prepare(
      'INSERT INTO minutes_entries (key, meeting_id, agenda_item_id, speech_id, type, from_member_id, to_member_id, aspect_id, text, sort_order, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
    ),
    session: sqlite.prepare("INSERT INTO minutes_sessions (meeting_id, started_at, ended_at, host_confirmed, recorder_confirmed, finalized_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    list: sqlite.prepare("INSERT INTO rectification_lists (meeting_id, status, agreed_on, agreed_by, created_at, updated_at) VALUES (?, 'agreed', ?, ?, ?, ?)"),
    item: sqlite.prepare(
      'INSERT INTO rectification_items (list_id, seq, aspect_id, member_id, problem, target, unit, owner_person, deadline_kind, deadline_date, progress, status, closed_on, acceptor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    measure: sqlite.prepare('INSERT INTO rectification_measures (item_id, sort_order, text) VALUES (?, ?, ?)'),
    leader: sqlite.prepare('INSERT INTO rectification_item_leaders (item_id, member_id, sort_order) VALUES (?, ?, ?)'),
    progress: sqlite.prepare("INSERT INTO rectification_progress (item_id, on_date, kind, text, recorded_by, created_at) VALUES (?, ?, ?, ?, '', ?)"),
    material: sqlite.prepare("INSERT INTO materials (meeting_id, member_id, status, content, revision, created_at, updated_at) VALUES (?, ?, 'approved', ?, 1, ?, ?)"),
    problem: sqlite.prepare('INSERT INTO material_problems (material_id, node_id) VALUES (?, ?)'),
    source: sqlite.prepare("INSERT INTO rectification_item_sources (item_id, source_type, source_id, text, origin, linked_at) VALUES (?, 'material_problem', ?, ?, ?, ?)"),
  };
  const name = () => rng.pick([...SURNAMES]) + rng.pick(GIVEN);
  const usedOpinionIds = new Set<number>();
  let entryKey = 0;
  let busiest = { id: 0, size: 0 };
  /** Items of other sources: tagged once the migrations that add the tag have run. */
  const otherItems: { id: number; kind: string; origin: string }[] = [];

  const insertAll = sqlite.transaction(() => {
    for (let t = 0; t < teams; t++) {
      const organ = ORGANS[t % ORGANS.length];
      const place = PLACES[Math.floor(t / ORGANS.length) % PLACES.length] + (t >= ORGANS.length * PLACES.length ? String(t) : '');
      const created = stamp(`${firstYear}-01-05`);
      const teamId = Number(ins.team.run(`中共${place}${organ.suffix}`, organ.organ, `${place}${organ.unit}`, created, created).lastInsertRowid);
      // Nine serving members, and two who left halfway (their old records stay linked to them).
      const members: { id: number; name: string; role: string; from: number; to: number }[] = [];
      for (let m = 0; m < 11; m++) {
        const role = m === 0 ? 'secretary' : m === 1 ? 'deputy' : 'member';
        const left = m >= 9;
        const memberName = name();
        const id = Number(
          ins.member.run(teamId, memberName, POSITIONS[m % POSITIONS.length], role, PORTFOLIOS[m % PORTFOLIOS.length], m, left ? 'left' : 'active', left ? `${firstYear + 4}-06-30` : null, created, created).lastInsertRowid,
        );
        members.push({ id, name: memberName, role, from: left ? firstYear : m >= 7 ? firstYear + 4 : firstYear, to: left ? firstYear + 4 : firstYear + years });
      }
      for (let y = 0; y < years; y++) {
        const year = firstYear + y;
        const kinds: ('annual' | 'special')[] = rng.chance(0.15) ? ['special', 'annual'] : ['annual'];
        for (const kind of kinds) {
          const date = kind === 'annual' ? `${year + 1}-01-${String(rng.int(10, 28)).padStart(2, '0')}` : `${year}-${String(rng.int(5, 9)).padStart(2, '0')}-${String(rng.int(10, 28)).padStart(2, '0')}`;
          const serving = members.filter((m) => m.from <= year && year < m.to).slice(0, 9);
          const secretary = serving.find((m) => m.role === 'secretary') ?? serving[0];
          const meetingId = Number(
            ins.meeting.run(
              teamId,
              kind,
              kind === 'special' ? rng.pick(['inspection', 'audit', 'central_inspection']) : null,
              kind === 'special' ? '针对巡察反馈问题召开专题民主生活会' : '',
              year,
              rng.pick(THEMES),
              date,
              secretary.id,
              name(),
              stamp(date),
              stamp(date),
            ).lastInsertRowid,
          );
          const aspectIds = rng.sample(ASPECTS, 5).map((label, i) => ({ id: Number(ins.aspect.run(meetingId, i, label).lastInsertRowid), label }));
          for (const m of serving) ins.attendance.run(meetingId, m.id, 1, null);

          // Opinions: ≈ 290 raw, ≈ 40 % merged into consolidated ones.
          const consolidated: number[] = [];
          const opinionCount = rng.int(240, 340);
          for (let i = 0; i < opinionCount; i++) {
            const target = rng.chance(0.55) ? rng.pick(serving) : null;
            const aspect = rng.pick(aspectIds);
            let consolidatedId: number | null = null;
            if (rng.chance(0.4)) {
              if (consolidated.length === 0 || rng.chance(0.5)) {
                consolidated.push(Number(ins.consolidated.run(meetingId, opinionText(rng, target?.name ?? null), target?.id ?? null, aspect.id, rng.pick(['feedback', 'report', 'rectify']), consolidated.length).lastInsertRowid));
              }
              consolidatedId = consolidated[consolidated.length - 1];
            }
            let id = rng.int(1, 2 ** 47);
            while (usedOpinionIds.has(id)) id = rng.int(1, 2 ** 47);
            usedOpinionIds.add(id);
            const anonymous = rng.chance(0.5);
            ins.opinion.run(
              id,
              meetingId,
              rng.pick(['symposium', 'interview', 'form', 'box', 'phone', 'online', 'superior']),
              anonymous ? '' : rng.pick(['县直单位', '乡镇', '服务对象', '党员代表', '群众代表']),
              date,
              target?.id ?? null,
              aspect.id,
              opinionText(rng, target?.name ?? null),
              anonymous ? 1 : 0,
              anonymous ? null : name(),
              consolidatedId,
              i,
              anonymous ? null : stamp(date),
            );
          }

          // Talks: the secretary with each member, and some members with each other.
          for (const m of serving) {
            if (m === secretary) continue;
            type Pair = { a: (typeof serving)[number]; b: (typeof serving)[number]; type: 'secretary_member' | 'member_member' };
            const pairs: Pair[] = [{ a: secretary, b: m, type: 'secretary_member' }];
            if (rng.chance(0.6)) pairs.push({ a: m, b: rng.pick(serving), type: 'member_member' });
            for (const { a, b, type } of pairs) {
              if (a === b) continue;
              const talkId = Number(ins.talk.run(meetingId, date, type, rng.pick(TALK_TOPICS), rng.pick(SUGGESTIONS), name(), stamp(date), stamp(date)).lastInsertRowid);
              ins.participant.run(talkId, 0, a.id, `${problemSentence(rng)}${rng.pick(SUGGESTIONS)}`);
              ins.participant.run(talkId, 1, b.id, `诚恳接受意见。${problemSentence(rng)}`);
            }
          }

          // Minutes: agenda, one speech per member round, ≈ 175 entries.
          const at = (minute: number) => `${date}T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000+08:00`;
          let order = 0;
          let minute = 0;
          for (const [agendaKind, title] of [
            ['opening', '主持人宣布会议开始，说明会议主要任务和出席、列席情况'],
            ['last_year', '通报上年度民主生活会整改落实情况'],
            ['opinions', '通报本次民主生活会征求意见情况'],
          ] as const) {
            const itemId = Number(ins.agenda.run(meetingId, order++, agendaKind, title, null, at(minute), at(minute + 10)).lastInsertRowid);
            ins.entry.run(`k${(entryKey++).toString(36).padStart(8, '0')}`, meetingId, itemId, null, 'report', secretary.id, null, null, `${title}。${problemSentence(rng)}`, 1, at(minute), at(minute));
            minute += 10;
          }
          let entries = 3;
          for (const speaker of serving) {
            const itemId = Number(ins.agenda.run(meetingId, order++, 'member_round', `${speaker.name}同志个人对照检查发言，班子成员逐一提出批评意见`, speaker.id, at(minute), at(minute + 12)).lastInsertRowid);
            const speechId = Number(ins.speech.run(meetingId, itemId, speaker.id, 'self', at(minute), at(minute + 12)).lastInsertRowid);
            let sort = 1;
            const add = (type: string, from: number | null, to: number | null, aspect: number | null, text: string) => {
              ins.entry.run(`k${(entryKey++).toString(36).padStart(8, '0')}`, meetingId, itemId, speechId, type, from, to, aspect, text, sort++, at(minute), at(minute));
              entries++;
            };
            add('self_criticism', speaker.id, speaker.id, null, selfCriticismText(rng));
            for (const critic of serving) {
              if (critic === speaker) continue;
              const rounds = rng.int(1, 3);
              for (let r = 0; r < rounds; r++) add('criticism', critic.id, speaker.id, rng.pick(aspectIds).id, criticismText(rng, critic.name, speaker.name));
            }
            add('response', speaker.id, null, null, `诚恳接受同志们的批评意见，${rng.pick(SUGGESTIONS)}`);
            minute += 12;
          }
          ins.session.run(meetingId, at(0), at(minute), secretary.name, name(), at(minute + 30), at(minute + 30));

          // A material for every serving member and one for the team, saved as the app saves one (the parsed tree,
          // approved, and its problems numbered in material_problems); its problems are what the items below cite.
          const problemsBy = new Map<number | null, SourceCandidate[]>();
          for (const m of [null, ...serving]) {
            const title = m ? `${m.name}同志${year}年度民主生活会个人对照检查材料` : `领导班子${year}年度民主生活会对照检查材料`;
            const content = parseOutline(materialText(rng, title, aspectIds.map((a) => a.label.replace(/^在|方面$/g, '')))).material;
            const materialId = Number(ins.material.run(meetingId, m?.id ?? null, JSON.stringify(content), stamp(date), stamp(date)).lastInsertRowid);
            const rows = new Map(problemNodeIds(content).map((nodeId) => [nodeId, Number(ins.problem.run(materialId, nodeId).lastInsertRowid)]));
            problemsBy.set(m?.id ?? null, problemSources(content, { memberId: m?.id ?? null, author: m?.name ?? null }, aspectIds, (nodeId) => rows.get(nodeId)));
          }

          // Rectification: ≈ 29 items with measures, leaders and progress.
          const listId = Number(ins.list.run(meetingId, date, secretary.name, stamp(date), stamp(date)).lastInsertRowid);
          const itemCount = rng.int(22, 36);
          for (let i = 0; i < itemCount; i++) {
            const member = rng.chance(0.6) ? rng.pick(serving) : null;
            const closed = year < firstYear + years - 1 ? rng.chance(0.85) : rng.chance(0.3);
            const status = closed ? 'closed' : rng.pick(['not_started', 'in_progress', 'done_pending', 'ongoing']);
            const deadline = `${year + 1}-${String(rng.int(3, 12)).padStart(2, '0')}-30`;
            // One ledger: about a fifth of the items come from other rectifications (巡察, 审计, 学习教育整改整治).
            const other = rng.chance(0.2) ? rng.pick(OTHER_ORIGINS) : null;
            // About half of the meeting's own items are made from a problem of the author's material (each problem
            // once), as the sources dialog makes them: its text, aspect and author, and the source row citing it.
            const unused = problemsBy.get(member?.id ?? null) ?? [];
            const source = !other && unused.length > 0 && rng.chance(0.5) ? unused.splice(rng.int(0, unused.length - 1), 1)[0] : null;
            const aspectId = rng.pick(aspectIds).id;
            const problem = `${problemSentence(rng)}${rng.chance(0.4) ? rng.pick(EXAMPLES) : ''}`;
            const itemId = Number(
              ins.item.run(
                listId,
                i + 1,
                source ? source.aspectId : aspectId,
                source ? source.memberId : (member?.id ?? null),
                source ? source.text.trim().slice(0, 4000) : problem,
                `${year + 1}年底前问题整改到位，建立长效机制`,
                rng.pick(UNITS),
                name(),
                'date',
                deadline,
                closed ? '已按期完成整改，经验收销号。' : '正在按计划推进。',
                status,
                closed ? deadline : null,
                closed ? name() : '',
                stamp(date),
                stamp(date),
              ).lastInsertRowid,
            );
            if (other) otherItems.push({ id: itemId, kind: other.kind, origin: `${other.origin}（${year}年）` });
            if (source) ins.source.run(itemId, source.id, source.text.slice(0, 10000), source.origin.slice(0, 200), stamp(date));
            rng.sample(RECT_MEASURES, rng.int(2, 3)).forEach((text, k) => ins.measure.run(itemId, k, text));
            rng.sample(serving, rng.int(1, 2)).forEach((leader, k) => ins.leader.run(itemId, leader.id, k));
            for (let p = 0; p < rng.int(1, 2); p++) ins.progress.run(itemId, deadline, rng.pick(['supervision', 'review', 'progress']), '按计划推进，阶段性任务已完成。', stamp(date));
          }

          const size = opinionCount + entries + itemCount;
          if (size > busiest.size) busiest = { id: meetingId, size };
        }
      }
      log(`  team ${t + 1}/${teams}`);
    }
  });
  insertAll();
  const generateMs = performance.now() - started;

  let migrateMs = 0;
  if (options.migrateAfter !== false) {
    log('  running the remaining migrations (search backfill) on the full file…');
    const migrateStarted = performance.now();
    migrate(sqlite, migrations);
    migrateMs = performance.now() - migrateStarted;
    const tag = sqlite.prepare('UPDATE rectification_items SET origin_kind = ?, origin = ? WHERE id = ?');
    sqlite.transaction(() => otherItems.forEach((o) => tag.run(o.kind, o.origin, o.id)))();
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('ANALYZE');
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]).map((r) => r.name);
  const counts = Object.fromEntries(tables.map((t) => [t, count(sqlite, t)]));
  sqlite.close();
  return { file: path.resolve(file), counts, generateMs, migrateMs, bytes: fs.statSync(file).size, busiestMeetingId: busiest.id };
}

// CLI: npm run seed:large -- <file.sqlite> [--teams N] [--years N]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  if (!file) {
    console.error('用法 / usage: npm run seed:large -- <数据库文件 database.sqlite> [--teams 30] [--years 10]');
    process.exit(2);
  }
  const summary = generateLargeDatabase(file, { teams: flag('teams'), years: flag('years'), log: (line) => console.log(line) });
  console.log(`已生成 / generated ${summary.file} (${(summary.bytes / 1e6).toFixed(0)} MB) in ${(summary.generateMs / 1000).toFixed(1)} s; migrations ${(summary.migrateMs / 1000).toFixed(1)} s`);
  console.table(summary.counts);
}
