// Self-examination materials (对照检查材料): the tree model and everything pure around it — parsing
// pasted text or Word paragraphs, rendering back to text, numbering, editing and validation.
export * from './model';
export type { OutlineParagraph, OutlineWarning, OutlineWarningCode, ParseOutlineOptions, ParseOutlineResult } from './outlineTypes';
export { parseOutline } from './outline';
export { toText } from './toText';
export { chineseNumeral, parseChineseNumeral, sectionMarker, listMarker, headingLevelOf, defaultStyleBelow } from './numbering';
export { newParagraph, newExample, newItem, newAspectBlock, newSection } from './nodes';
export { createIdGenerator, idGeneratorFor } from './ids';
export { walkMaterial } from './walk';
export { canContain, findContainer, insertNode, locate, moveNode, removeNode, type Container, type Location } from './edit';
export { materialSchema, MAX_ITEM_DEPTH } from './schema';
