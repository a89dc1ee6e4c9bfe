import { chineseNumeral } from '../../documents/gbt9704';

export { meetingName } from '../../common/meetings/name';

export const chineseOrdinal = (n: number): string => chineseNumeral(n);
