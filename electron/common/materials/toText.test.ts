import { describe, expect, it } from 'vitest';
import { withoutIds } from './testing';
import { createIdGenerator, idGeneratorFor } from './ids';
import type { Material } from './model';
import { newAspectBlock, newExample, newItem, newParagraph, newSection } from './nodes';
import { parseOutline } from './outline';
import { toText } from './toText';

function roundTrip(text: string): void {
  const first = parseOutline(text).material;
  const again = parseOutline(toText(first)).material;
  expect(withoutIds(again)).toEqual(withoutIds(first));
}

describe('toText', () => {
  it('renders generated numbering, run-in headings and examples', () => {
    const id = createIdGenerator();
    const problems = newSection(id(), 'problems', '存在的问题', 'cn-paren');
    problems.children.push(
      newAspectBlock(id(), {
        label: '学习',
        heading: '在学习方面',
        listStyle: 'cn-shi',
        children: [
          newItem(id(), { text: '学得不深。', examples: [newExample(id(), '比如，笔记少。'), newExample(id(), '又如，研讨少。')] }),
          newItem(id(), { text: '用得不够' , examples: [newExample(id(), '比如，调研少。')] }),
        ],
      }),
    );
    const measures = newSection(id(), 'measures', '整改措施', 'cn-paren');
    measures.children.push(
      newItem(id(), { heading: '加强学习。', text: '认真学。\n持续学。', listStyle: 'arabic-dot', children: [newItem(id(), { heading: '每周自学' })] }),
    );
    const closing = newSection(id(), 'other', '');
    closing.children.push(newParagraph(id(), '以上对照检查，请批评指正。'));
    const material: Material = { title: '对照检查材料', opening: '现对照检查如下：', sections: [problems, measures, closing] };

    expect(toText(material)).toBe(
      [
        '对照检查材料',
        '现对照检查如下：',
        '一、存在的问题',
        '（一）在学习方面',
        '一是学得不深。比如，笔记少。又如，研讨少。',
        '二是用得不够',
        '比如，调研少。',
        '二、整改措施',
        '（一）加强学习。认真学。',
        '持续学。',
        '1.每周自学',
        '以上对照检查，请批评指正。',
        '',
      ].join('\n'),
    );
    expect(withoutIds(parseOutline(toText(material)).material)).toEqual(withoutIds(material));
  });

  it('renumbers after an editor moves an item to another aspect', () => {
    const { material } = parseOutline('一、存在的问题\n（一）在学习方面\n一是甲。\n二是乙。\n（二）在作风方面\n一是丙。');
    const [problems] = material.sections;
    if (problems.kind !== 'problems') throw new Error('expected problems');
    const [learning, style] = problems.children.filter((c) => c.type === 'aspect');
    if (learning.type !== 'aspect' || style.type !== 'aspect') throw new Error('expected blocks');
    style.children.unshift(learning.children.shift()!);
    expect(toText(material)).toBe('一、存在的问题\n（一）在学习方面\n一是乙。\n（二）在作风方面\n一是甲。\n二是丙。\n');
  });

  it('never writes a heading style at or above its container’s level', () => {
    const id = createIdGenerator();
    const causes = newSection(id(), 'causes', '原因分析', 'cn-paren');
    // An editor set （一） on the children of a （一） item; they must come out one level lower.
    causes.children.push(newItem(id(), { heading: '认识不足。', listStyle: 'cn-paren', children: [newItem(id(), { heading: '学得少。' })] }));
    expect(toText({ title: '', opening: '', sections: [causes] })).toBe('一、原因分析\n（一）认识不足。\n1.学得少。\n');
  });

  it('round-trips the tricky structures', () => {
    roundTrip('对照检查\n现对照检查如下：\n一、存在的问题\n主要是学得不深。比如，笔记少。\n二、原因分析\n深刻反思，原因如下：\n（一）认识不足\n学得少。');
    roundTrip('一、整改措施\n（一）加强学习。首先，要学。其次，要干。\n（二）改进作风。一方面，要调研；另一方面，要落实。\n（三）从严治党。第一，压责任；第二，强监督。');
    roundTrip('一、存在的问题\n（一）在学习方面\n突出表现在：①学得不深；②用得不够。\n比如，笔记少。\n（二）在作风方面。\n比如，调研少。');
    roundTrip('一、存在的问题\n（一）在学习方面\n1.学得不深。\n（1）笔记少。\n（2）研讨少。\n2.用得不够。一是调研少；二是转化少。');
    roundTrip('一、上年度整改落实情况\n已全部完成。一是甲；二是乙。\n二、个人有关事项说明\n无。\n三、其他\n（一）原样保留。\n以上发言，请批评指正。');
  });
});

describe('ids', () => {
  it('continues after the highest id of a stored material', () => {
    const { material } = parseOutline('一、存在的问题\n一是甲。');
    const next = idGeneratorFor(material);
    expect(next()).toBe('n4');
    expect(next()).toBe('n5');
  });

  it('uses a caller-supplied generator', () => {
    let k = 0;
    const { material } = parseOutline('一、原因分析\n（一）甲。', { newId: () => `x-${++k}` });
    expect(material.sections[0].id).toBe('x-1');
    expect(material.sections[0].children[0].id).toBe('x-2');
  });
});
