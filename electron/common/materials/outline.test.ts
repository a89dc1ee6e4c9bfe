import { describe, expect, it } from 'vitest';
import { outline, unstoredResidue, MARKERS } from './testing';
import { parseOutline } from './outline';
import type { OutlineParagraph } from './outlineTypes';

const PREAMBLE = '对照检查材料\n按照要求，现对照检查如下：\n';

/** Parse a body placed after a standard title and opening; return the tree without T/O lines. */
function body(text: string): string {
  const { material } = parseOutline(PREAMBLE + text);
  return outline(material)
    .split('\n')
    .filter((l) => !l.startsWith('T ') && !l.startsWith('O '))
    .join('\n');
}

function lines(...l: string[]): string {
  return l.join('\n');
}

describe('parseOutline: title, opening and sections', () => {
  it('keeps 现对照检查如下： in the opening and never reads it as a heading', () => {
    const { material, warnings } = parseOutline(
      '关于2023年度民主生活会的对照检查材料\n按照县委部署，我认真学习。现对照检查如下：\n一、存在的问题\n（一）在学习方面。学得不深。',
    );
    expect(material.title).toBe('关于2023年度民主生活会的对照检查材料');
    expect(material.opening).toBe('按照县委部署，我认真学习。现对照检查如下：');
    expect(material.sections.map((s) => s.kind)).toEqual(['problems']);
    // 学得不深。 has no number: counted as the block's one problem, and said so.
    expect(warnings.map((w) => [w.code, w.guess])).toEqual([['guess-problem', 'problem']]);
  });

  it('takes a subtitle and a date line into the title block', () => {
    const { material } = parseOutline('对照检查材料\n——在2023年度民主生活会上的发言\n（2024年1月5日）\n同志们：\n一、存在的问题\n一是学习不够。');
    expect(material.title).toBe('对照检查材料\n——在2023年度民主生活会上的发言\n（2024年1月5日）');
    expect(material.opening).toBe('同志们：');
  });

  it('classifies level-1 sections by their keywords', () => {
    const kinds = (heading: string) => parseOutline(`一、${heading}`).material.sections[0].kind;
    expect(kinds('存在的主要问题')).toBe('problems');
    expect(kinds('查摆的问题')).toBe('problems');
    expect(kinds('检视剖析')).toBe('problems');
    expect(kinds('存在问题的原因分析')).toBe('causes');
    expect(kinds('根源剖析')).toBe('causes');
    expect(kinds('问题产生的根源')).toBe('causes');
    expect(kinds('存在的问题及原因')).toBe('problems');
    expect(kinds('整改措施')).toBe('measures');
    expect(kinds('下步努力方向')).toBe('measures');
    expect(kinds('今后的打算')).toBe('measures');
    expect(kinds('上年度民主生活会整改落实情况')).toBe('lastYear');
    expect(kinds('2022年度民主生活会查摆问题整改落实情况')).toBe('lastYear');
    expect(kinds('个人有关事项说明')).toBe('statement');
    expect(kinds('接受谈话函询情况说明')).toBe('statement');
    expect(kinds('关于学习情况')).toBe('other');
  });

  it('keeps an unrecognised section verbatim, markers included, and warns', () => {
    const { material, warnings } = parseOutline('一、其他情况\n（一）学习情况。全年学习20次。\n1.自学10次。');
    expect(outline(material)).toBe(lines('S other 其他情况', '  P （一）学习情况。全年学习20次。', '  P 1.自学10次。'));
    expect(warnings.map((w) => w.code)).toEqual(['section-unclassified']);
    expect(warnings[0].nodeId).toBe(material.sections[0].id);
    expect(warnings[0].line).toBe(1);
  });

  it('keeps everything in the opening and warns when there are no headings', () => {
    const { material, warnings } = parseOutline('我认真学习了。\n一是学习不深；二是调研不够。');
    expect(material.opening).toBe('我认真学习了。\n一是学习不深；二是调研不够。');
    expect(material.sections).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['no-sections']);
  });

  it('takes （一） as the top level when a material has no 一、 heading', () => {
    const { material, warnings } = parseOutline('对照检查\n（一）存在的问题\n1.学习不深。\n（二）整改措施\n1.加强学习。');
    expect(outline(material)).toBe(
      lines('T 对照检查', 'S problems 存在的问题', '  B {arabic-dot}', '    I 学习不深。', 'S measures 整改措施 {arabic-dot}', '  I 加强学习。'),
    );
    expect(warnings.map((w) => w.code)).toEqual(['levels-shifted']);
  });

  it('reports empty input', () => {
    expect(parseOutline('  \n\n ').warnings.map((w) => w.code)).toEqual(['empty-input']);
    expect(parseOutline([]).material).toEqual({ title: '', opening: '', sections: [] });
  });

  it('puts the closing words and the date in a headless section', () => {
    expect(body('一、整改措施\n（一）加强学习。认真学习。\n以上对照检查，不妥之处，请批评指正。\n张三\n2024年1月5日')).toBe(
      lines(
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。 ‖ 认真学习。',
        'S other',
        '  P 以上对照检查，不妥之处，请批评指正。',
        '  P 张三',
        '  P 2024年1月5日',
      ),
    );
  });

  it('does not cut a measure that mentions 批评指正 before more numbered text', () => {
    expect(body('一、整改措施\n（一）虚心接受批评指正。\n（二）加强学习。')).toBe(
      lines('S measures 整改措施 {cn-paren}', '  I 虚心接受批评指正。', '  I 加强学习。'),
    );
  });
});

describe('parseOutline: headings', () => {
  it('reads a run-in heading and a heading on its own line as the same structure', () => {
    const runIn = body('一、原因分析\n（一）理想信念有所弱化。放松了学习。');
    const ownLine = body('一、原因分析\n（一）理想信念有所弱化\n放松了学习。');
    expect(runIn).toBe(lines('S causes 原因分析 {cn-paren}', '  I 理想信念有所弱化。 ‖ 放松了学习。'));
    expect(ownLine).toBe(lines('S causes 原因分析 {cn-paren}', '  I 理想信念有所弱化 ‖ 放松了学习。'));
  });

  it('ends a run-in heading at the first 。！？： outside brackets and quotes', () => {
    expect(body('一、原因分析\n（一）对“两个确立”的认识（含“四个意识”。）不够深刻！具体是学得不深。')).toBe(
      lines('S causes 原因分析 {cn-paren}', '  I 对“两个确立”的认识（含“四个意识”。）不够深刻！ ‖ 具体是学得不深。'),
    );
    expect(body('一、原因分析\n（一）认识不深：学得不深。')).toBe(
      lines('S causes 原因分析 {cn-paren}', '  I 认识不深： ‖ 学得不深。'),
    );
  });

  it('keeps multi-paragraph bodies of a heading together', () => {
    expect(body('一、原因分析\n（一）理想信念有所弱化\n第一段。\n第二段。\n（二）宗旨意识淡化')).toBe(
      lines('S causes 原因分析 {cn-paren}', '  I 理想信念有所弱化 ‖ 第一段。 / 第二段。', '  I 宗旨意识淡化'),
    );
  });

  it('takes the aspect label from 在…方面 and 在…上下功夫', () => {
    expect(body('一、存在的问题\n（一）在带头坚定理想信念、严守政治纪律方面\n学习不深。\n二、整改措施\n（一）在强化理论武装上下功夫。认真学习。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在带头坚定理想信念、严守政治纪律方面 [带头坚定理想信念、严守政治纪律]',
        '    I 学习不深。',
        'S measures 整改措施 {cn-paren}',
        '  I 在强化理论武装上下功夫。 ‖ 认真学习。 [强化理论武装]',
      ),
    );
  });

  it('nests 一、 → （一） → 1. → （1）', () => {
    expect(body('一、整改措施\n（一）加强学习。\n1.制定计划。按月落实。\n（1）每周自学。\n（2）每月研讨。\n2.落实制度。\n（二）改进作风。')).toBe(
      lines(
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。 {arabic-dot}',
        '    I 制定计划。 ‖ 按月落实。 {arabic-paren}',
        '      I 每周自学。',
        '      I 每月研讨。',
        '    I 落实制度。',
        '  I 改进作风。',
      ),
    );
  });

  it('puts 1. items written directly under 一、 into an implicit problems block', () => {
    expect(body('一、存在的问题\n1.学习不深。\n2.调研不够。')).toBe(
      lines('S problems 存在的问题', '  B {arabic-dot}', '    I 学习不深。', '    I 调研不够。'),
    );
  });

  it('recognises markers written in variant forms', () => {
    const cases: Array<[string, string]> = [
      ['一.存在的问题', 'S problems 存在的问题'],
      ['十一、整改措施', 'S measures 整改措施'],
      ['第二部分 整改措施', 'S measures 整改措施'],
    ];
    for (const [input, expected] of cases) expect(outline(parseOutline(input).material)).toBe(expected);

    const l2 = ['（一）、学习不深。', '(一)学习不深。', '㈠学习不深。', '（ 一 ）学习不深。'];
    for (const marker of l2) {
      expect(body(`一、原因分析\n${marker}`)).toBe(lines('S causes 原因分析 {cn-paren}', '  I 学习不深。'));
    }
    const l3 = ['１．学习不深。', '1、学习不深。', '1. 学习不深。', '⒈学习不深。', '1．学习不深。'];
    for (const marker of l3) {
      expect(body(`一、原因分析\n${marker}`)).toBe(lines('S causes 原因分析 {arabic-dot}', '  I 学习不深。'));
    }
    const l4 = ['(1)学习不深。', '（1）学习不深。', '⑴学习不深。', '1)学习不深。', '（１）学习不深。'];
    for (const marker of l4) {
      expect(body(`一、原因分析\n${marker}`)).toBe(lines('S causes 原因分析 {arabic-paren}', '  I 学习不深。'));
    }
  });

  it('does not take list numbers or figures at a paragraph start for headings', () => {
    const notHeadings = [
      '一、二季度经济增速放缓。',
      '一、二、三产业融合不够。',
      '一、二类水库管理不严。',
      '1、2季度进度慢。',
      '1.5亿元资金未拨付。',
      '2022.10建成的项目利用率低。',
      '3.2%的增速低于预期。',
      '（2022）12号文件落实不力。',
      '先后6次调研。',
    ];
    for (const text of notHeadings) {
      expect(body(`一、存在的问题\n（一）在发展方面\n${text}`)).toBe(
        lines('S problems 存在的问题 {cn-paren}', '  B 在发展方面 [发展]', `    I ${text}`),
      );
    }
  });

  it('ignores markers in the middle of a sentence: 《规定》第七条（二）, 附件（一）', () => {
    expect(body('一、存在的问题\n（一）在纪律方面。落实《规定》第七条（二）不到位，附件（一）所列事项未办结。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在纪律方面。 [纪律]',
        '    I 落实《规定》第七条（二）不到位，附件（一）所列事项未办结。',
      ),
    );
  });

  it('warns about gaps and duplicates but never renumbers', () => {
    const { material, warnings } = parseOutline('一、原因分析\n（一）甲。\n（三）乙。\n（三）丙。\n三、整改措施\n一是加强；三是改进。');
    expect(outline(material)).toBe(
      lines(
        'S causes 原因分析 {cn-paren}',
        '  I 甲。',
        '  I 乙。',
        '  I 丙。',
        'S measures 整改措施 {cn-shi}',
        '  I 加强；',
        '  I 改进。',
      ),
    );
    expect(warnings.map((w) => [w.code, w.line, w.message.zh])).toEqual([
      ['numbering-gap', 3, '编号不连续：此处应为“（二）”，原文为“（三）”。未自动改号，请核对是否漏项。'],
      ['numbering-duplicate', 4, '编号重复或倒序：此处应为“（四）”，原文为“（三）”。未自动改号，请核对。'],
      ['numbering-gap', 5, '编号不连续：此处应为“二、”，原文为“三、”。未自动改号，请核对是否漏项。'],
      ['numbering-gap', 6, '编号不连续：此处应为“二是”，原文为“三是”。未自动改号，请核对是否漏项。'],
    ]);
    const ids = new Set(material.sections.flatMap((s) => s.children.map((c) => c.id)));
    expect(ids.has(warnings[0].nodeId!)).toBe(true);
    for (const w of warnings) expect(w.message.en.length).toBeGreaterThan(10);
  });

  it('restarts numbering under every parent', () => {
    const { warnings } = parseOutline('一、整改措施\n（一）甲。\n1.子一。\n2.子二。\n（二）乙。\n1.子一。\n二、其他\n');
    expect(warnings.filter((w) => w.code.startsWith('numbering'))).toEqual([]);
  });
});

describe('parseOutline: inline items', () => {
  it('splits 一是…；二是…。 run on in one paragraph', () => {
    expect(body('一、存在的问题\n（一）在学习方面。一是学得不深；二是用得不够。三是调研不足。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面。 [学习] {cn-shi}',
        '    I 学得不深；',
        '    I 用得不够。',
        '    I 调研不足。',
      ),
    );
  });

  it('accepts 一是 items on paragraphs of their own, up to 十二是', () => {
    const items = Array.from({ length: 12 }, (_, i) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}是问题${i + 1}。`);
    const { material, warnings } = parseOutline(`一、存在的问题\n${items.join('\n')}`);
    const block = material.sections[0].children[0];
    expect(block.type === 'aspect' && block.children.map((c) => (c.type === 'item' ? c.text : ''))).toEqual(
      items.map((_, i) => `问题${i + 1}。`),
    );
    expect(warnings).toEqual([]);
  });

  it('does not read 统一是 / 之一是 / 唯一是 / 第一是 / 一是一、二是二 / 说一是一 as items', () => {
    const texts = [
      '思想统一是前提。',
      '这是短板之一是明显的。',
      '唯一是靠学习。',
      '第一是要学。',
      '做到一是一、二是二。',
      '一是一、二是二，实事求是。',
      '坚持一是一，二是二。',
      '说一是一。',
    ];
    for (const text of texts) {
      expect(body(`一、存在的问题\n（一）在作风方面\n${text}`)).toBe(
        lines('S problems 存在的问题 {cn-paren}', '  B 在作风方面 [作风]', `    I ${text}`),
      );
    }
  });

  it('only splits items after a sentence end, outside brackets and quotes', () => {
    expect(body('一、存在的问题\n（一）在学习方面\n学习上，一是不深，二是不透。提出“一是一、二是二；三是三”的要求（一是学；二是干）。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面 [学习]',
        '    I 学习上，一是不深，二是不透。提出“一是一、二是二；三是三”的要求（一是学；二是干）。',
      ),
    );
  });

  it('still splits items when a paragraph has an unclosed quote', () => {
    expect(body('一、存在的问题\n（一）在学习方面\n一是提出“学习不够；二是调研不够。')).toBe(
      lines('S problems 存在的问题 {cn-paren}', '  B 在学习方面 [学习] {cn-shi}', '    I 提出“学习不够；', '    I 调研不够。'),
    );
  });

  it('reads 一要/二要, 第一，/第二， and ①② as items', () => {
    expect(body('一、整改措施\n（一）加强学习。一要自学；二要研讨。\n（二）改进作风。第一，深入调研；第二，狠抓落实。\n（三）从严治党。重点是：①压实责任，②强化监督。')).toBe(
      lines(
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。 {cn-yao}',
        '    I 自学；',
        '    I 研讨。',
        '  I 改进作风。 {cn-di}',
        '    I 深入调研；',
        '    I 狠抓落实。',
        '  I 从严治党。 ‖ 重点是： {circled}',
        '    I 压实责任，',
        '    I 强化监督。',
      ),
    );
  });

  it('reads 首先…其次…最后 and 一方面…另一方面 as items, keeping the cue words', () => {
    expect(body('一、整改措施\n（一）加强学习。首先，要自学。其次，要研讨。最后，要运用。\n（二）从严治党。一方面，压实责任；另一方面，强化监督。')).toBe(
      lines(
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。',
        '    I 首先，要自学。',
        '    I 其次，要研讨。',
        '    I 最后，要运用。',
        '  I 从严治党。',
        '    I 一方面，压实责任；',
        '    I 另一方面，强化监督。',
      ),
    );
  });

  it('continues a 首先 run on the next paragraph, but leaves a lone 最后 or 一方面 alone', () => {
    expect(body('一、整改措施\n（一）加强学习。\n首先，要自学。其次，要研讨。\n最后，要运用。\n（二）改进作风。一方面要调研。最后，要落实。')).toBe(
      lines(
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。',
        '    I 首先，要自学。',
        '    I 其次，要研讨。',
        '    I 最后，要运用。',
        '  I 改进作风。 ‖ 一方面要调研。最后，要落实。',
      ),
    );
  });

  it('keeps the lead-in before the items as a paragraph', () => {
    expect(body('一、存在的问题\n（一）在学习方面\n突出表现在：一是学得不深；二是用得不够。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面 [学习] {cn-shi}',
        '    P 突出表现在：',
        '    I 学得不深；',
        '    I 用得不够。',
      ),
    );
  });
});

describe('parseOutline: problems and examples', () => {
  it('attaches several examples (比如…。又如…) to the current problem', () => {
    expect(body('一、存在的问题\n（一）在学习方面。一是学得不深。比如，笔记少。又如，研讨少；再如，发言少。二是用得不够。例如：调研少。譬如，成果少。特别是转化少。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面。 [学习] {cn-shi}',
        '    I 学得不深。',
        '      E 比如，笔记少。',
        '      E 又如，研讨少；',
        '      E 再如，发言少。',
        '    I 用得不够。',
        '      E 例如：调研少。',
        '      E 譬如，成果少。',
        '      E 特别是转化少。',
      ),
    );
  });

  it('attaches an example written as a paragraph of its own, and continues it', () => {
    expect(body('一、存在的问题\n（一）在学习方面\n一是学得不深。\n比如，笔记少。\n这一情况持续了一年。\n二是用得不够。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面 [学习] {cn-shi}',
        '    I 学得不深。',
        '      E 比如，笔记少。 / 这一情况持续了一年。',
        '    I 用得不够。',
      ),
    );
  });

  it('does not start an example in the middle of a sentence', () => {
    expect(body('一、存在的问题\n（一）在学习方面\n学用脱节，比如研讨少，特别是成果少。')).toBe(
      lines('S problems 存在的问题 {cn-paren}', '  B 在学习方面 [学习]', '    I 学用脱节，比如研讨少，特别是成果少。'),
    );
  });

  it('reads 主要是 / 突出表现在 / 具体表现为 as a single problem', () => {
    expect(body('一、存在的问题\n主要是学习不深。比如，笔记少。\n（一）在作风方面。具体表现为调研不够。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B',
        '    I 主要是学习不深。',
        '      E 比如，笔记少。',
        '  B 在作风方面。 [作风]',
        '    I 具体表现为调研不够。',
      ),
    );
  });

  it('keeps the introduction of the problems section as a paragraph', () => {
    expect(body('一、存在的问题\n对照要求，深入查摆，主要存在以下问题。\n（一）在学习方面\n学得不深。')).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  P 对照要求，深入查摆，主要存在以下问题。',
        '  B 在学习方面 [学习]',
        '    I 学得不深。',
      ),
    );
  });

  it('leaves quoted slogans such as “六稳”“六保” untouched', () => {
    const { material } = parseOutline('一、存在的问题\n（一）在落实决策部署方面。一是对“六稳”“六保”工作跟踪不够。比如，“一件事一次办”落实不好。');
    expect(outline(material)).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在落实决策部署方面。 [落实决策部署] {cn-shi}',
        '    I 对“六稳”“六保”工作跟踪不够。',
        '      E 比如，“一件事一次办”落实不好。',
      ),
    );
  });

  it('keeps the author’s text verbatim, full-width characters and typos included', () => {
    const { material } = parseOutline('一、存在的问题\n（一）在学习方面。一是学习不够深入，，对理论的理解ＡＢＣ不透彻。');
    const block = material.sections[0].children[0];
    expect(block.type === 'aspect' && block.children[0].type === 'item' && block.children[0].text).toBe(
      '学习不够深入，，对理论的理解ＡＢＣ不透彻。',
    );
  });
});

describe('parseOutline: pasted text', () => {
  it('handles CRLF, a BOM, blank lines and full-width indentation', () => {
    const { material } = parseOutline('\uFEFF对照检查材料\r\n\r\n　　现对照检查如下：\r\n一、存在的问题\r\n　　（一）在学习方面。一是学得不深。\r\n');
    expect(outline(material)).toBe(
      lines('T 对照检查材料', 'O 现对照检查如下：', 'S problems 存在的问题 {cn-paren}', '  B 在学习方面。 [学习] {cn-shi}', '    I 学得不深。'),
    );
  });

  it('never joins lines of text that was not hard-wrapped', () => {
    const { material } = parseOutline('对照检查材料\n张三\n一、原因分析\n（一）理想信念弱化\n放松学习\n（二）宗旨意识淡化');
    expect(outline(material)).toBe(
      lines('T 对照检查材料 / 张三', 'S causes 原因分析 {cn-paren}', '  I 理想信念弱化 ‖ 放松学习', '  I 宗旨意识淡化'),
    );
  });

  it('re-joins hard-wrapped lines and drops page numbers between them', () => {
    const wrapped = [
      '一、存在的问题',
      '（一）在学习方面。一是学习不够深入，对党的创新理论满足于跟',
      '进学、碎片化学，联系实际思考不深，运用理论指导实践的能力不',
      '',
      '— 2 —',
      '',
      '强。比如，参加中心组学习时发言多以汇报工作代替学习体会。二',
      '是调研不够深入。',
      '（二）在作风方面。一是作风不实，存在以会议落实会议现象，以',
      '文件落实文件，对基层反映的问题跟踪问效不够，落实不到位。',
    ].join('\n');
    const { material, warnings } = parseOutline(wrapped);
    expect(outline(material)).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面。 [学习] {cn-shi}',
        '    I 学习不够深入，对党的创新理论满足于跟进学、碎片化学，联系实际思考不深，运用理论指导实践的能力不强。',
        '      E 比如，参加中心组学习时发言多以汇报工作代替学习体会。',
        '    I 调研不够深入。',
        '  B 在作风方面。 [作风] {cn-shi}',
        '    I 作风不实，存在以会议落实会议现象，以文件落实文件，对基层反映的问题跟踪问效不够，落实不到位。',
      ),
    );
    expect(warnings.map((w) => w.code).sort()).toEqual(['lines-joined', 'page-furniture-removed']);
  });

  it('joins a wrapped line that starts like an item marker but continues a word (统 / 一是)', () => {
    const wrapped = [
      '一、存在的问题',
      '（一）在学习方面。一是学习不够深入，对党的创新理论的认识统',
      '一是前提这一点理解不够，运用理论指导实践的能力还不强，研',
      '究问题不深不透，二是调研不够深入。三是工作作风不够扎实，存在',
      '以会议落实会议现象，对基层反映问题的跟踪问效不够深入细致。',
    ].join('\n');
    expect(outline(parseOutline(wrapped).material)).toBe(
      lines(
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面。 [学习] {cn-shi}',
        '    I 学习不够深入，对党的创新理论的认识统一是前提这一点理解不够，运用理论指导实践的能力还不强，研究问题不深不透，二是调研不够深入。',
        '    I 工作作风不够扎实，存在以会议落实会议现象，对基层反映问题的跟踪问效不够深入细致。',
      ),
    );
  });

  it('does not mistake paragraphs of similar length for wrapped lines', () => {
    const paragraphs = [
      '一、存在的问题',
      '（一）在学习方面。学习不够深入，对党的创新理论理解不透彻。',
      '（二）在作风方面。调查研究不够深入，联系群众不够紧密。',
      '（三）在纪律方面。执行请示报告制度不够严格及时到位。',
      '（四）在担当方面。面对困难矛盾有时缺乏迎难而上的魄力。',
    ];
    const { material, warnings, joins } = parseOutline(paragraphs.join('\n'));
    expect(material.sections[0].children).toHaveLength(4);
    expect(joins).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(Array(4).fill('guess-problem'));
  });

  it('joins a heading number that PDF copy left on a line of its own', () => {
    expect(outline(parseOutline('一、\n存在的问题\n（一）\n在学习方面。学得不深。').material)).toBe(
      lines('S problems 存在的问题 {cn-paren}', '  B 在学习方面。 [学习]', '    I 学得不深。'),
    );
  });

  it('drops page furniture and table-of-contents lines', () => {
    const { material, warnings } = parseOutline(
      '目  录\n一、存在的问题……………………1\n二、整改措施.......... 5\n第3页 共9页\n-3-\n共9页 第4页\nPage 2 of 9\n3/9\n一、存在的问题\n一是学习不深。',
    );
    expect(outline(material)).toBe(lines('S problems 存在的问题', '  B {cn-shi}', '    I 学习不深。'));
    expect(warnings.filter((w) => w.code === 'page-furniture-removed')).toHaveLength(8);
  });
});

describe('parseOutline: Word paragraphs', () => {
  it('uses automatic numbering that is not part of the text', () => {
    const paragraphs: OutlineParagraph[] = [
      { text: '对照检查材料' },
      { text: '现对照检查如下：', outlineLevel: 0 },
      { text: '存在的问题', numbering: { level: 0, format: 'chineseCounting', text: '一、' } },
      { text: '在学习方面。学得不深。', numbering: { level: 1, format: 'chineseCounting', text: '（一）' } },
      { text: '在作风方面', numbering: { level: 1, format: 'chineseCounting', text: '（二）' } },
      { text: '调研不够。' },
      { text: '整改措施', numbering: { level: 0, format: 'chineseCounting', text: '二、' } },
      { text: '加强学习。认真学。', numbering: { level: 1, format: 'chineseCounting', text: '（一）' } },
      { text: '每周自学。', numbering: { level: 2, format: 'decimal', text: '1.' } },
    ];
    const { material, warnings } = parseOutline(paragraphs);
    expect(outline(material)).toBe(
      lines(
        'T 对照检查材料',
        'O 现对照检查如下：',
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面。 [学习]',
        '    I 学得不深。',
        '  B 在作风方面 [作风]',
        '    I 调研不够。',
        'S measures 整改措施 {cn-paren}',
        '  I 加强学习。 ‖ 认真学。 {arabic-dot}',
        '    I 每周自学。',
      ),
    );
    expect(warnings.map((w) => w.code)).toEqual(['guess-problem', 'guess-problem']);
  });

  it('uses outline levels for headings without a number, and splits manual line breaks', () => {
    const { material } = parseOutline([
      { text: '对照检查材料' },
      { text: '存在的问题', outlineLevel: 0 },
      { text: '在学习方面', outlineLevel: 1 },
      { text: '学得不深。\n比如，笔记少。' },
    ]);
    expect(outline(material)).toBe(
      lines('T 对照检查材料', 'S problems 存在的问题 {cn-paren}', '  B 在学习方面 [学习]', '    I 学得不深。', '      E 比如，笔记少。'),
    );
  });

  it('falls back to the list level for a number format it does not know', () => {
    const { material, warnings } = parseOutline([
      { text: '存在的问题', numbering: { level: 0, format: 'upperRoman', text: 'I' } },
      { text: '学得不深。', numbering: { level: 2, format: 'lowerLetter', text: 'a' } },
    ]);
    expect(outline(material)).toBe(lines('S problems 存在的问题', '  B {arabic-dot}', '    I 学得不深。'));
    expect(warnings.map((w) => w.code)).toEqual(['numbering-unrecognised', 'numbering-unrecognised']);
  });

  it('keeps an auto number in the verbatim paragraphs of an unknown section', () => {
    const { material } = parseOutline([
      { text: '其他情况', numbering: { level: 0, format: 'chineseCounting', text: '一、' } },
      { text: '学习情况。', numbering: { level: 1, format: 'chineseCounting', text: '（一）' } },
    ]);
    expect(outline(material)).toBe(lines('S other 其他情况', '  P （一）学习情况。'));
  });
});

describe('parseOutline: nothing is lost', () => {
  it('stores every character except numbering markers', () => {
    const input = [
      '对照检查材料',
      '现对照检查如下：',
      '一、存在的问题',
      '（一）、在学习方面。一是学得不深。比如，笔记少；又如，研讨少。二是统一是前提。',
      '１．学习不系统。',
      '⑴笔记少。',
      '①不深，②不透。',
      '二、原因分析',
      '㈠理想信念弱化。第一，学习少；第二，调研少。首先，甲。其次，乙。',
      '三、其他',
      '（一）其他。',
    ].join('\n');
    const { material } = parseOutline(input);
    for (const r of unstoredResidue(input, material)) expect(r).toMatch(MARKERS);
  });
});
