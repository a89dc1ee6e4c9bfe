// Self-examination materials (对照检查材料): the tree model and everything pure around it — parsing
// pasted text or Word paragraphs, rendering back to text, numbering, editing and validation.
export * from './model';
export type { OutlineGuess, OutlineJoin, OutlineParagraph, OutlineWarning, OutlineWarningCode, ParseOutlineOptions, ParseOutlineResult } from './outlineTypes';
export { parseOutline } from './outline';
export { toText, toLines, lineText, type OutlineLine } from './toText';
export { chineseNumeral, parseChineseNumeral, sectionMarker, listMarker, headingLevelOf, defaultStyleBelow } from './numbering';
export { newParagraph, newExample, newItem, newAspectBlock, newSection } from './nodes';
export { createIdGenerator, idGeneratorFor } from './ids';
export { walkMaterial } from './walk';
export { canContain, ensureNumbered, findContainer, insertNode, locate, moveNode, removeNode, shiftNode, type Container, type Location } from './edit';
export { diffMaterials, diffParagraphs, diffChars, summarize as summarizeDiff, type DiffRow, type DiffSegment, type DiffKind, type DiffSummary } from './diff';
export { charCount, markersOf, problemItems, problemText, type ProblemRef } from './summary';
export { aspectLabelOf, materialTemplate } from './template';
export { convertNode, changeSectionKind } from './convert';
export { guessAction, switchGuess, type GuessAction } from './guesses';
export { printLayout, printedDate, type PrintBlock, type PrintOptions } from './print';
// The zod schema (schema.ts: materialSchema, MAX_ITEM_DEPTH) is imported from its own file by the contract and main,
// so that the renderer, which uses this index, does not load zod.
