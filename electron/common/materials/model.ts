// The self-examination material (对照检查材料) as a tree of plain JSON-friendly objects.
//
// Shared by main and renderer: no Node, no DOM. Every field is required (no `undefined`), so a
// material survives JSON.stringify → SQLite → JSON.parse unchanged, and every node carries a stable
// string id so an editor can add, edit, reorder and move nodes without losing track of them.
//
// Text is always the author's text verbatim (typos included). Numbering markers (一、 （一） 1. 一是 …)
// are NOT stored in the text: they are regenerated from the position of a node and the `listStyle`
// of its container, so moving an item renumbers it for free.

/** Bump when the stored JSON shape changes in a way that needs a migration. */
export const MATERIAL_SCHEMA_VERSION = 1;

export type NodeId = string;

/** What an L1 section (一、二、…) is about. */
export type SectionKind =
  | 'problems' // 存在的问题 / 查摆的问题 / 检视剖析
  | 'causes' // 原因分析 / 根源剖析
  | 'measures' // 整改措施 / 努力方向
  | 'lastYear' // 上年度民主生活会整改落实情况
  | 'statement' // 个人有关事项 / 谈话函询说明
  | 'caseAnalysis' // 反面典型案例剖析 (2025年度 materials, domain.md §9)
  | 'other'; // anything else: kept as verbatim paragraphs

/** Section kinds whose children are generic items with an optional run-in heading. */
export type PointsKind = 'causes' | 'measures' | 'lastYear' | 'statement' | 'caseAnalysis';

/**
 * How the children of a container are numbered when the material is rendered.
 * Heading styles (own paragraph, one level each): cn-paren （一）, arabic-dot 1., arabic-paren （1）.
 * Inline enumerators (not a level): cn-shi 一是, cn-yao 一要, cn-di 第一，, circled ①.
 * 'none': no generated marker (a single item, or items whose text carries its own cue such as
 * 首先/其次 or 一方面/另一方面).
 */
export type ListStyle =
  | 'cn-paren'
  | 'arabic-dot'
  | 'arabic-paren'
  | 'cn-shi'
  | 'cn-yao'
  | 'cn-di'
  | 'circled'
  | 'none';

/** Text that matched no structure; never dropped. May contain '\n' between paragraphs. */
export interface Paragraph {
  id: NodeId;
  type: 'paragraph';
  text: string;
}

/** An example attached to a problem, including its cue word as written (比如，… / 又如，…). */
export interface Example {
  id: NodeId;
  type: 'example';
  text: string;
}

/**
 * One point: a problem (text + examples), a cause or a measure (run-in heading + body), a
 * rectification report… The same shape everywhere so an item can be moved between sections.
 */
export interface Item {
  id: NodeId;
  type: 'item';
  /** Aspect label taken from 在…方面 / 在…上下功夫 in the heading; '' when none. */
  label: string;
  /** Run-in heading as written, including its closing 。/：; '' when the item has none. */
  heading: string;
  /** Body text; '\n' separates paragraphs. */
  text: string;
  /** 比如/例如/又如… examples (problems); empty elsewhere unless an editor adds some. */
  examples: Example[];
  /** Numbering of `children`. */
  listStyle: ListStyle;
  children: ItemChild[];
}

export type ItemChild = Item | Paragraph;

/**
 * A level-2 block of the problems section, usually one aspect: （一）在提高政治站位方面。
 * `heading === ''` marks the implicit block that holds items written directly under 一、.
 */
export interface AspectBlock {
  id: NodeId;
  type: 'aspect';
  /** e.g. 提高政治站位; '' when the heading names no aspect. */
  label: string;
  /** Heading as written (without its marker), including a closing 。 if any. */
  heading: string;
  listStyle: ListStyle;
  children: ItemChild[];
}

interface SectionBase {
  id: NodeId;
  type: 'section';
  /** Heading as written without its marker; '' for the headless closing section (以上…请批评指正). */
  heading: string;
  /** Numbering of `children` (for problems: of the aspect blocks). */
  listStyle: ListStyle;
}

export interface ProblemsSection extends SectionBase {
  kind: 'problems';
  children: Array<AspectBlock | Paragraph>;
}

export interface PointsSection extends SectionBase {
  kind: PointsKind;
  children: ItemChild[];
}

/** An unrecognised section: its paragraphs verbatim, markers included. */
export interface OtherSection extends SectionBase {
  kind: 'other';
  children: Paragraph[];
}

export type Section = ProblemsSection | PointsSection | OtherSection;

export interface Material {
  /** Title block; '\n' between lines (title, subtitle, date line). */
  title: string;
  /** Everything between the title and the first 一、 heading, ending with 现对照检查如下： */
  opening: string;
  sections: Section[];
}

export type MaterialNode = Section | AspectBlock | Item | Paragraph | Example;
