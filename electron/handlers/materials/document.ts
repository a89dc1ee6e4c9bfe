/** A material as GB/T 9704 blocks for buildGbtDocument: the shared print layout (common/materials/print.ts), one to one. */
import type { DocumentBlock } from '../../documents/gbt9704';
import { printLayout, type Material, type PrintOptions } from '../../common/materials';

export function materialBlocks(material: Material, options: PrintOptions): DocumentBlock[] {
  return printLayout(material, options).map((block): DocumentBlock => {
    switch (block.kind) {
      case 'title':
      case 'author':
      case 'heading1':
        return { kind: block.kind, text: block.text };
      case 'blankLine':
        return block;
      case 'heading2':
      case 'heading3':
      case 'heading4':
        return { kind: block.kind, heading: block.heading, ...(block.body !== '' ? { body: block.body } : {}) };
      case 'paragraph':
        return { kind: 'paragraph', text: block.text };
      case 'date':
        // GB/T 9704 puts the date four characters in from the right margin.
        return { kind: 'plain', text: block.text, align: 'right', rightIndentChars: 4 };
    }
  });
}
