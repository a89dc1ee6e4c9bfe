import type { MemberRole } from '../../electron/common/api/teams';

/** A fictional county government Party group. Names, places and facts are invented. */
export const DEMO_TEAM = { name: '中共青溪县人民政府党组', organ: 'party_group', unit: '青溪县人民政府' } as const;

export const DEMO_MEMBERS: { name: string; position: string; role: MemberRole; portfolio: string }[] = [
  { name: '林向东', position: '县委副书记、县长，县政府党组书记', role: 'secretary', portfolio: '主持县政府全面工作，分管审计工作' },
  { name: '周明华', position: '县委常委、常务副县长，县政府党组副书记', role: 'deputy', portfolio: '财政、税务、发展改革、国有资产、金融' },
  { name: '陈晓燕', position: '副县长，县政府党组成员', role: 'member', portfolio: '教育、卫生健康、医疗保障、文化旅游' },
  { name: '王建国', position: '副县长，县政府党组成员', role: 'member', portfolio: '农业农村、乡村振兴、水利、林业' },
  { name: '赵立新', position: '副县长、县公安局局长，县政府党组成员', role: 'member', portfolio: '公安、司法、信访、应急管理' },
  { name: '孙丽娟', position: '副县长，县政府党组成员', role: 'member', portfolio: '工业和信息化、商务、市场监管、营商环境' },
  { name: '刘志强', position: '副县长，县政府党组成员', role: 'member', portfolio: '自然资源、住房城乡建设、交通运输、生态环境' },
  { name: '黄海峰', position: '县政府党组成员、县政府办公室主任', role: 'member', portfolio: '县政府办公室、政务服务、机关事务' },
];

export const DEMO_ASPECTS = [
  '在坚持和加强党的全面领导、贯彻落实上级决策部署方面',
  '在落实全面从严治党主体责任、推进党风廉政建设方面',
  '在推动巡察反馈问题整改、促进高质量发展方面',
  '在落实中央八项规定精神、纠治“四风”方面',
  '在履职尽责、担当作为方面',
];

export const DEMO_GUESTS = [
  { kind: 'supervisor', name: '吴国平', position: '市委第三督导组组长' },
  { kind: 'supervisor', name: '郑美玲', position: '市委第三督导组成员' },
  { kind: 'attendee', name: '杨光', position: '县纪委监委派驻第一纪检监察组组长' },
  { kind: 'attendee', name: '何静', position: '县委组织部副部长' },
] as const;
