// Honesty checks (issue 17, domain.md §10): similarity of materials and talk records, wrong-unit names, 伪批评 hints.
// Pure code shared by main and the renderer.
export * from './vocab';
export { normalise, writtenSpan, type NormalText, type TextSegment } from './normalize';
export { winnow, shingleHashes, type Fingerprint } from './fingerprints';
export { passagesBetween, similarity, covered, type Passage } from './passages';
export { compareTexts, seedsBetween, shareOf } from './compare';
export { materialSegments, textSegments } from './segments';
export { criticismHints, isCriticismHeading, MIN_CHARS_FOR_LACKS, type CriticismRule, type CriticismHint } from './criticism';
export { wrongNames, DEPARTMENT_STEMS, type NameFlag, type NameList } from './names';
export { checkup, passageTakingUp, DEFAULT_LENGTH, LAST_YEAR_OVERLAP, REVIEW_REASONS, type ReviewReason, type CheckupRow, type CheckupInput, type LeftKind, type LengthRange } from './checkup';
