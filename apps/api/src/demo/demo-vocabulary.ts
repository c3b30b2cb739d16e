import type { NeedKind } from '@luodi/domain';

/**
 * The words the demo data is made of: Qingdao's departments, districts, industry chains and the
 * phrases a task force would write. Kept apart from the generator so the generator reads as logic.
 */

export interface DemoDepartment {
  code: string;
  name: string;
}

export const MUNICIPAL_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: 'fgw', name: '市发展改革委' },
  { code: 'gxj', name: '市工业和信息化局' },
  { code: 'kjj', name: '市科技局' },
  { code: 'czj', name: '市财政局' },
  { code: 'zrzyj', name: '市自然资源和规划局' },
  { code: 'rsj', name: '市人力资源和社会保障局' },
  { code: 'swj', name: '市商务局' },
  { code: 'hyj', name: '市海洋发展局' },
  { code: 'jrj', name: '市地方金融监管局' },
  { code: 'sthjj', name: '市生态环境局' },
  { code: 'xzspj', name: '市行政审批服务局' },
  { code: 'nyncj', name: '市农业农村局' },
  { code: 'whlyj', name: '市文化和旅游局' },
];

/** District governments that support the projects in their district. */
export const DISTRICT_DEPARTMENTS: Readonly<Record<string, DemoDepartment>> = {
  黄岛区: { code: 'xhaq', name: '西海岸新区管委（黄岛区政府）' },
  即墨区: { code: 'jmq', name: '即墨区政府' },
  城阳区: { code: 'cyq', name: '城阳区政府' },
};

export interface DemoDistrict {
  name: string;
  /** 行政区划代码, the region part of a unified social credit code. */
  regionCode: string;
  weight: number;
}

export const DISTRICTS: readonly DemoDistrict[] = [
  { name: '市南区', regionCode: '370202', weight: 7 },
  { name: '市北区', regionCode: '370203', weight: 8 },
  { name: '黄岛区', regionCode: '370211', weight: 20 },
  { name: '崂山区', regionCode: '370212', weight: 12 },
  { name: '李沧区', regionCode: '370213', weight: 7 },
  { name: '城阳区', regionCode: '370214', weight: 13 },
  { name: '即墨区', regionCode: '370215', weight: 12 },
  { name: '胶州市', regionCode: '370281', weight: 10 },
  { name: '平度市', regionCode: '370283', weight: 6 },
  { name: '莱西市', regionCode: '370285', weight: 5 },
];

export interface IndustryChain {
  name: string;
  /** The department that leads landing plans of this chain. */
  lead: string;
  weight: number;
  /** What an enterprise of this chain calls itself: 青岛海纳{word}有限公司. */
  enterpriseWords: readonly string[];
  projects: readonly string[];
  /** What the project builds, for the summary. */
  builds: readonly string[];
  /** The last milestone: production for factories, opening for the rest. */
  finalMilestone: string;
}

export const INDUSTRY_CHAINS: readonly IndustryChain[] = [
  {
    name: '智能家电',
    lead: 'gxj',
    weight: 10,
    enterpriseWords: ['智能家电', '电器', '智能科技', '家居科技'],
    projects: [
      '智能家电柔性生产线建设项目',
      '高端冰箱压缩机扩产项目',
      '智慧厨电研发及产业化项目',
      '家电核心零部件数字化车间项目',
      '物联网智能空调产业化项目',
    ],
    builds: ['智能化总装线和检测线', '核心零部件数字化车间', '研发中心和中试线'],
    finalMilestone: '竣工投产',
  },
  {
    name: '海洋装备',
    lead: 'hyj',
    weight: 9,
    enterpriseWords: ['海洋装备', '船舶科技', '海工装备', '海洋工程'],
    projects: [
      '深远海养殖工船建造项目',
      '海洋观测浮标及传感器产业化项目',
      '水下机器人研发制造基地项目',
      '海工装备关键部件生产线项目',
      'LNG船用低温阀门产业化项目',
    ],
    builds: ['海工装备总装车间和试验水池', '关键部件精密加工线', '研发测试中心'],
    finalMilestone: '竣工投产',
  },
  {
    name: '新能源汽车',
    lead: 'gxj',
    weight: 9,
    enterpriseWords: ['新能源汽车', '汽车部件', '动力科技', '电驱科技'],
    projects: [
      '新能源汽车电驱系统生产线项目',
      '动力电池PACK产线建设项目',
      '汽车轻量化铝合金部件项目',
      '智能网联汽车测试基地项目',
      '充换电设备产业化项目',
    ],
    builds: ['自动化电驱装配线', '电池模组和PACK产线', '轻量化部件压铸车间'],
    finalMilestone: '竣工投产',
  },
  {
    name: '集成电路',
    lead: 'gxj',
    weight: 6,
    enterpriseWords: ['微电子', '芯片科技', '半导体', '集成电路'],
    projects: [
      '功率半导体封装测试项目',
      'MEMS传感器晶圆级封装项目',
      '化合物半导体外延片项目',
      '车规级芯片设计中心项目',
      '集成电路关键材料项目',
    ],
    builds: ['洁净厂房和封装测试线', '晶圆级封装产线', '芯片设计和验证平台'],
    finalMilestone: '竣工投产',
  },
  {
    name: '生物医药',
    lead: 'kjj',
    weight: 8,
    enterpriseWords: ['生物科技', '制药', '医疗器械', '生物医药'],
    projects: [
      '海洋创新药中试基地项目',
      '高端医疗影像设备产业化项目',
      '生物制剂GMP车间建设项目',
      '体外诊断试剂研发生产项目',
      '海洋生物医用材料项目',
    ],
    builds: ['GMP生产车间和质检中心', '中试放大平台', '医疗设备总装线'],
    finalMilestone: '竣工投产',
  },
  {
    name: '现代海洋渔业',
    lead: 'hyj',
    weight: 6,
    enterpriseWords: ['海洋渔业', '水产科技', '海洋牧场', '海洋食品'],
    projects: [
      '海洋牧场智能网箱项目',
      '深远海三文鱼养殖项目',
      '水产品精深加工项目',
      '海参工厂化循环水养殖项目',
      '远洋渔业冷链物流中心项目',
    ],
    builds: ['智能网箱和陆基育苗车间', '循环水养殖车间', '精深加工和冷链仓储设施'],
    finalMilestone: '建成投产',
  },
  {
    name: '工业互联网',
    lead: 'gxj',
    weight: 9,
    enterpriseWords: ['工业互联网', '数字科技', '信息技术', '软件'],
    projects: [
      '工业互联网平台赋能中心项目',
      '5G全连接工厂改造项目',
      '制造业数字孪生平台项目',
      '工业大数据中心建设项目',
      '边缘计算网关产业化项目',
    ],
    builds: ['工业互联网平台和赋能中心', '数据中心机房', '5G专网和数字孪生系统'],
    finalMilestone: '上线运营',
  },
  {
    name: '新材料',
    lead: 'kjj',
    weight: 8,
    enterpriseWords: ['新材料', '高分子材料', '复合材料', '化工新材料'],
    projects: [
      '碳纤维复合材料生产线项目',
      '石墨烯导热膜产业化项目',
      '高性能橡胶新材料项目',
      '特种工程塑料扩产项目',
      '生物基可降解材料项目',
    ],
    builds: ['连续化生产线', '新材料中试基地', '改性材料车间'],
    finalMilestone: '竣工投产',
  },
  {
    name: '轨道交通装备',
    lead: 'gxj',
    weight: 5,
    enterpriseWords: ['轨道交通', '轨道装备', '机车部件'],
    projects: [
      '高速列车转向架部件项目',
      '磁浮列车关键部件研发项目',
      '城轨车辆智能运维平台项目',
      '轨道交通减振降噪材料项目',
    ],
    builds: ['关键部件加工和试验线', '智能运维平台', '减振材料车间'],
    finalMilestone: '竣工投产',
  },
  {
    name: '虚拟现实',
    lead: 'kjj',
    weight: 4,
    enterpriseWords: ['虚拟现实', '光学科技', '数字视觉'],
    projects: ['VR/AR光学模组产业化项目', '虚拟现实内容制作基地项目', '近眼显示微显示屏项目', 'XR智能头显整机制造项目'],
    builds: ['光学模组产线', '内容制作棚和渲染中心', '整机组装线'],
    finalMilestone: '竣工投产',
  },
  {
    name: '食品饮料',
    lead: 'gxj',
    weight: 5,
    enterpriseWords: ['食品', '饮品', '酿造', '食品科技'],
    projects: ['精酿啤酒智能化扩产项目', '海洋功能食品研发生产项目', '预制菜中央厨房项目', '健康饮品灌装生产线项目'],
    builds: ['智能化灌装线', '中央厨房和冷链配送中心', '功能食品生产车间'],
    finalMilestone: '竣工投产',
  },
  {
    name: '现代农业',
    lead: 'nyncj',
    weight: 4,
    enterpriseWords: ['农业科技', '种业', '生态农业'],
    projects: ['智慧农业示范园项目', '蔬菜种业研发繁育基地项目', '农产品冷链集配中心项目', '设施农业智能温室项目'],
    builds: ['智能温室和育苗中心', '种业研发繁育基地', '冷链集配中心'],
    finalMilestone: '建成投用',
  },
  {
    name: '文化旅游',
    lead: 'whlyj',
    weight: 4,
    enterpriseWords: ['文旅', '文化传媒', '旅游发展'],
    projects: ['滨海文旅综合体项目', '沉浸式演艺中心项目', '工业遗存文创园改造项目', '海洋主题研学基地项目'],
    builds: ['文旅综合体和配套设施', '沉浸式演艺剧场', '文创街区'],
    finalMilestone: '开业运营',
  },
  {
    name: '新能源',
    lead: 'fgw',
    weight: 7,
    enterpriseWords: ['新能源', '氢能科技', '光伏科技', '储能科技'],
    projects: [
      '氢燃料电池电堆产业化项目',
      '海上光伏示范项目',
      '大型储能电站项目',
      '分布式光伏组件生产线项目',
      '风电装备关键部件项目',
    ],
    builds: ['电堆生产线和测试中心', '光伏组件产线', '储能电站'],
    finalMilestone: '并网投运',
  },
];

/** Conference themes (and their English) in the order the conferences were held, with the chains each one features. */
export const CONFERENCE_THEMES: ReadonlyArray<{ theme: string; themeEn: string; chains: readonly string[] }> = [
  { theme: '海洋经济', themeEn: 'Ocean economy', chains: ['海洋装备', '现代海洋渔业'] },
  { theme: '智能制造', themeEn: 'Smart manufacturing', chains: ['智能家电', '轨道交通装备', '工业互联网'] },
  { theme: '数字经济', themeEn: 'Digital economy', chains: ['集成电路', '工业互联网', '虚拟现实'] },
  { theme: '新能源', themeEn: 'New energy', chains: ['新能源', '新能源汽车'] },
  { theme: '生物医药', themeEn: 'Biomedicine', chains: ['生物医药'] },
  { theme: '现代农业', themeEn: 'Modern agriculture', chains: ['现代农业', '食品饮料', '现代海洋渔业'] },
  { theme: '文旅融合', themeEn: 'Culture and tourism', chains: ['文化旅游'] },
  { theme: '绿色低碳', themeEn: 'Green and low-carbon', chains: ['新材料', '新能源', '新能源汽车'] },
];

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Two-character brand names: 青岛{brand}{word}有限公司. */
export const BRANDS = [
  '海纳',
  '瑞丰',
  '德尔',
  '金泽',
  '蓝海',
  '万盛',
  '中科',
  '华通',
  '博远',
  '鼎信',
  '海川',
  '恒源',
  '东方',
  '汇智',
  '启明',
  '星海',
  '远航',
  '宏达',
  '君诚',
  '科润',
  '海韵',
  '泰和',
  '明德',
  '浩洋',
  '嘉禾',
  '新锐',
  '卓越',
  '海晟',
  '琴岛',
  '崂峰',
  '胶澳',
  '青能',
  '鲁海',
  '众联',
  '天佑',
  '佳华',
  '盛邦',
  '海森',
  '润泽',
  '安泰',
  '双诚',
  '开元',
  '智航',
  '海之蓝',
  '港晟',
  '昊宇',
  '正元',
  '凯瑞',
  '联创',
  '华海',
  '百川',
  '鸿运',
  '圣元',
  '海创',
  '银河',
  '思源',
  '云帆',
  '锦程',
  '永盛',
  '澳航',
  '德润',
  '北辰',
  '汉瑞',
  '天合',
];

export const COMPANY_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 6],
  ['股份有限公司', 2],
  ['集团有限公司', 1],
];

export const TIERS: ReadonlyArray<readonly ['none' | 'municipal' | 'provincial' | 'national', number]> = [
  ['none', 55],
  ['municipal', 25],
  ['provincial', 15],
  ['national', 5],
];

/** Which department resolves a need of each kind. */
export const NEED_DEPARTMENTS: Readonly<Record<NeedKind, string>> = {
  land: 'zrzyj',
  talent: 'rsj',
  financing: 'jrj',
  orders: 'swj',
  policy: 'czj',
  other: 'xzspj',
};

/** `{n}` is a number, `{amount}` a sum of money, `{district}` the project's district. */
export const NEED_DESCRIPTIONS: Readonly<Record<NeedKind, readonly string[]>> = {
  land: [
    '需新增工业用地约{n}亩，希望在{district}落地',
    '需协调标准厂房约{n}平方米',
    '项目用地指标需市级统筹支持，约{n}亩',
  ],
  talent: [
    '急需引进研发和工艺方面高层次人才{n}名',
    '需协调解决核心技术团队子女入学和人才住房',
    '需对接高校联合培养技术工人{n}名',
  ],
  financing: [
    '项目资金缺口约{amount}，希望对接银行贷款或产业基金',
    '申请科技成果转化贷款贴息支持',
    '希望引入市级引导基金参股，规模约{amount}',
  ],
  orders: ['希望对接本地整机企业开展产品配套验证', '需支持首台（套）产品推广应用', '希望纳入政府采购和应用场景清单'],
  policy: ['申请技术改造专项资金支持', '希望享受研发费用加计扣除和高新技术企业认定辅导', '申请首台（套）保险补偿'],
  other: ['需协调环评、能评审批提速', '需协调项目周边道路和供电配套', '需协调海域使用审批'],
};

export const NEED_RESOLUTIONS: Readonly<Record<NeedKind, readonly string[]>> = {
  land: [
    '已协调{district}供应工业用地{n}亩，完成挂牌出让',
    '已协调园区标准厂房{n}平方米，企业已入驻',
    '用地指标已纳入市级统筹，完成供地',
  ],
  talent: [
    '已纳入市高层次人才引进计划，协调人才公寓{n}套',
    '已协调子女入学和人才住房，团队已到岗',
    '已对接青岛职业技术学院开设订单班，首批{n}人',
  ],
  financing: ['已对接{bank}，授信{amount}', '科技成果转化贷款贴息已兑现', '市级引导基金已完成投资决策，出资{amount}'],
  orders: [
    '已组织供需对接会，与本地整机企业达成意向订单{amount}',
    '产品已列入首台（套）推广目录',
    '已纳入应用场景清单，完成首单采购',
  ],
  policy: ['技术改造专项资金{amount}已拨付', '已完成研发费用加计扣除备案和高企认定辅导', '首台（套）保险补偿已兑现'],
  other: [
    '已开通审批绿色通道，环评、能评批复已出具',
    '已协调供电公司完成专线接入，道路配套纳入年度计划',
    '海域使用审批已完成',
  ],
};

export const BANKS = [
  '青岛银行',
  '青岛农商银行',
  '齐鲁银行青岛分行',
  '建设银行青岛分行',
  '工商银行青岛分行',
  '农业银行青岛分行',
];

/** Milestones a plan picks from, in the order they happen; `lead` means the lead department. */
export const MIDDLE_MILESTONES: ReadonlyArray<{ title: string; department: string; needsLand?: boolean }> = [
  { title: '项目备案', department: 'xzspj' },
  { title: '项目供地', department: 'zrzyj', needsLand: true },
  { title: '环评批复', department: 'sthjj' },
  { title: '开工建设', department: 'lead' },
  { title: '设备安装调试', department: 'lead' },
];

export const REVIEW_COMMENTS = {
  approved: [
    '创意新颖，市场前景好，论证扎实，建议纳入重点项目库。',
    '技术路线成熟，企业实力较强，具备落地条件，同意入库。',
    '符合我市产业链布局，带动作用明显，建议入库并优先推介。',
    '项目可行性研究充分，资金来源明确，同意纳入重点项目库。',
  ],
  revise: [
    '创意较好，但市场分析不够充分，请补充竞品和目标客户分析后再审。',
    '资金来源说明不清，请补充融资方案和自有资金证明。',
    '建设内容和投资估算不匹配，请细化投资构成后再审。',
  ],
  rejected: [
    '与我市产业布局契合度不高，暂不纳入重点项目库。',
    '技术成熟度不足，近期难以落地，建议继续培育。',
    '企业资金实力与项目规模不匹配，暂不入库。',
  ],
} as const;

export const PROGRESS_NOTES = [
  '正在推进{milestone}，相关材料已报送',
  '{milestone}进展顺利，已召开专题协调会',
  '{milestone}遇到审批材料补正，已指导企业补充',
  '已赴现场调度{milestone}，企业反映的问题已记录',
];

/** `{final}` is the plan's last milestone, e.g. 竣工投产. */
export const LANDING_EVIDENCE = [
  '项目已{final}，通过竣工验收',
  '投资协议已履约，项目{final}并实现营业收入',
  '项目{final}，专班现场核验确认',
];

export const WITHDRAWAL_REASONS = {
  beforeReview: ['企业主动撤回申报材料', '企业经营方向调整，撤回申报'],
  afterPlan: [
    '企业战略调整，项目暂缓实施，申请退出',
    '融资未能落实，企业申请退出',
    '项目选址变更至市外，退出跟踪',
    '市场环境变化，项目终止',
  ],
} as const;

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '胡',
  '朱',
  '郭',
  '何',
  '林',
  '高',
  '于',
  '姜',
  '宋',
  '曲',
  '董',
];
export const GIVEN_NAMES = [
  '建国',
  '志强',
  '海涛',
  '晓东',
  '丽娜',
  '俊杰',
  '明远',
  '雪梅',
  '文博',
  '欣怡',
  '立新',
  '国栋',
  '静',
  '磊',
  '鹏',
  '敏',
  '涛',
  '洋',
  '帆',
  '琳',
];
