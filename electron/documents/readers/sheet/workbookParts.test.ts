import { describe, expect, it } from 'vitest';
import { parseSheetParts } from './workbookParts';

describe('parseSheetParts', () => {
  it('maps sheet names (XML-decoded) and visibility to their worksheet parts', () => {
    const workbook =
      '<workbook xmlns:r="r"><sheets>' +
      '<sheet name="整改清单 &amp; 台账" sheetId="1" r:id="rId3"/>' +
      '<sheet name="_lists" sheetId="2" state="veryHidden" r:id="rId1"/>' +
      "<x:sheet name='图表' sheetId='3' r:id='rId2'/>" +
      '</sheets></workbook>';
    const rels =
      '<Relationships>' +
      '<Relationship Id="rId1" Type="t" Target="worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId2" Type="t" Target="/xl/chartsheets/sheet1.xml"/>' +
      '<Relationship Id="rId3" Type="t" Target="./worksheets/../worksheets/sheet1.xml"/>' +
      '</Relationships>';
    expect(parseSheetParts(workbook, rels)).toEqual([
      { name: '整改清单 & 台账', hidden: false, path: 'xl/worksheets/sheet1.xml' },
      { name: '_lists', hidden: true, path: 'xl/worksheets/sheet2.xml' },
      { name: '图表', hidden: false, path: 'xl/chartsheets/sheet1.xml' },
    ]);
  });
});
