import type { CooperationStage, DemandCategory, EnterpriseTier, MatchmakingKind } from '@luodi/domain';
import { dateOf, instantOf, workday } from './demo-data.generator';
import { SeededRandom } from './seeded-random';

/**
 * The matchmaking part of the demo: a 国企民企面对面恳谈会 (10 state-owned enterprises publish,
 * 12 SMEs propose) and a 百场万企 meeting at which one chain leader, Haier, publishes 63 demands
 * in 9 categories, with proposals followed to signing, delivery or dropping in a realistic
 * funnel; some SMEs climb the 专精特新 ladder. Every business time lies before `today` (CST).
 */

export interface DemoMatchmakingEnterprise {
  key: string;
  body: { name: string; district: string; tier: EnterpriseTier };
}

export interface DemoMatchmakingEvent {
  key: string;
  body: { title: string; kind: MatchmakingKind; heldOn: string; hosts: string[]; district: string };
}

export interface DemoDemand {
  key: string;
  publisherKey: string;
  eventKey: string;
  body: {
    category: DemandCategory;
    title: string;
    description: string;
    budgetYuan?: number;
    deadline: string;
    occurredAt: string;
  };
}

export interface DemoStage {
  stage: Exclude<CooperationStage, 'intent'>;
  occurredAt: string;
  amountYuan?: number;
  note?: string;
}

export interface DemoCooperation {
  key: string;
  demandKey: string;
  enterpriseKey: string;
  body: { summary: string; departments?: string[]; occurredAt: string };
  stages: DemoStage[];
  /** Made a project once signed, with this industry chain. */
  project?: { industryChain: string };
}

export interface DemoMatchmakingPlan {
  enterprises: DemoMatchmakingEnterprise[];
  tierChanges: Array<{ enterpriseKey: string; body: { tier: EnterpriseTier; since: string } }>;
  events: DemoMatchmakingEvent[];
  demands: DemoDemand[];
  cooperations: DemoCooperation[];
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

const SOES: ReadonlyArray<readonly [string, string]> = [
  ['山东港口青岛港集团有限公司', '黄岛区'],
  ['青岛地铁集团有限公司', '市北区'],
  ['青岛城市建设投资（集团）有限责任公司', '市南区'],
  ['青岛国信发展（集团）有限责任公司', '市南区'],
  ['青岛海发国有资本投资运营集团有限公司', '市北区'],
  ['青岛华通国有资本投资运营集团有限公司', '崂山区'],
  ['青岛水务集团有限公司', '市北区'],
  ['青岛能源集团有限公司', '市南区'],
  ['青岛饮料集团有限公司', '李沧区'],
  ['青岛西海岸新区融合控股集团有限公司', '黄岛区'],
];

const SME_WORDS = [
  '微电机',
  '智造视觉',
  '海纳新材料',
  '云帆数据',
  '蓝谷传感',
  '瑞丰环保',
  '明德检测',
  '远航物流科技',
  '海图信息',
  '中科华联',
  '启航机器人',
  '绿源能源',
];
const MORE_SME_WORDS = [
  '精工模具',
  '海润热交换',
  '博远电子',
  '鼎盛注塑',
  '凯瑞密封',
  '华信钣金',
  '东方线束',
  '金石智控',
  '益康涂层',
  '中天包装',
  '海川轴承',
  '联创芯片',
  '恒信软件',
  '科朗照明',
  '澳柯新材',
  '正源检测',
  '天成物流',
  '瀚海工业互联',
];
const SME_DISTRICTS = ['城阳区', '崂山区', '即墨区', '黄岛区', '李沧区', '胶州市', '平度市', '莱西市'];

/** What each category's demands are about, and what a proposal offers. */
const SUBJECTS: Record<DemandCategory, readonly string[]> = {
  rnd: [
    '变频压缩机降噪',
    '高效换热器',
    '智能传感器模组',
    '低功耗控制芯片',
    '新型制冷剂适配',
    '电机驱动算法',
    '健康空气净化',
    '智能语音交互',
    '柔性装配工艺',
    '热泵烘干',
    '超静音风机',
    '多联机控制',
    '冷链保鲜',
    '防腐涂层',
  ],
  procurement: [
    '钣金结构件',
    '注塑外壳',
    '线束总成',
    '包装材料',
    '电子元器件',
    '密封件',
    '轴承',
    '照明灯具',
    '工业气体',
    '劳保用品',
    '仓储货架',
    '检测仪器',
  ],
  components: [
    '电控板',
    '显示面板',
    '门体组件',
    '压缩机支架',
    '蒸发器',
    '铜管连接件',
    '传动部件',
    '温控模块',
    '风道组件',
    '减震垫',
  ],
  'tech-transfer': [
    '高校换热实验成果',
    '石墨烯导热材料',
    '海洋防腐技术',
    '工业视觉算法',
    '新型保温材料',
    '储能电池管理',
  ],
  digital: [
    '供应商协同平台',
    '设备预测性维护',
    '工业互联网标识解析',
    '质量追溯系统',
    '数字孪生工厂',
    '智能排产',
    '能耗在线监测',
    '仓储机器人调度',
  ],
  'resource-sharing': ['共享检测实验室', '中试基地', '大型仪器共享', '联合创新中心'],
  green: ['光伏屋顶', '余热回收', '废旧家电回收', '绿色包装', '碳足迹核算', '污水深度处理', '储能电站'],
  'supply-chain-finance': ['应收账款融资', '订单融资', '仓单质押', '供应链票据'],
  talent: ['高级技工联合培养', '工程师共享', '数字化人才实训', '订单班'],
  quality: ['可靠性试验', '团体标准制定', '计量校准', '质量管理体系认证'],
  space: ['配套产业园', '孵化器工位', '物流仓储用地'],
  'cross-border': ['海外仓共建', '跨境电商出口', '出口认证服务'],
};

const SUFFIX: Record<DemandCategory, string> = {
  rnd: '联合研发',
  procurement: '采购',
  components: '配套供应',
  'tech-transfer': '成果转化',
  digital: '数字化项目',
  'resource-sharing': '资源共享',
  green: '绿色改造',
  'supply-chain-finance': '金融服务',
  talent: '人才合作',
  quality: '质量提升',
  space: '载体服务',
  'cross-border': '跨境合作',
};

/** Haier's 63 demands at the 百场万企 meeting, by category. */
const HAIER_DEMANDS: ReadonlyArray<readonly [DemandCategory, number]> = [
  ['rnd', 12],
  ['procurement', 10],
  ['components', 9],
  ['digital', 8],
  ['tech-transfer', 6],
  ['green', 6],
  ['supply-chain-finance', 4],
  ['talent', 4],
  ['quality', 4],
];

const SOE_CATEGORIES: readonly DemandCategory[] = [
  'procurement',
  'digital',
  'green',
  'rnd',
  'space',
  'talent',
  'supply-chain-finance',
  'cross-border',
  'resource-sharing',
  'quality',
];
const FOLLOWERS: Partial<Record<DemandCategory, string>> = {
  rnd: 'kjj',
  'tech-transfer': 'kjj',
  digital: 'gxj',
  components: 'gxj',
  procurement: 'gxj',
  green: 'sthjj',
  'supply-chain-finance': 'jrj',
  talent: 'rsj',
  'cross-border': 'swj',
};
const DROP_REASONS = [
  '价格未谈拢',
  '技术指标未达要求',
  '产能不足，无法按期供货',
  '需求方调整采购计划',
  '资质认证周期过长',
];
const CHAINS: Partial<Record<DemandCategory, string>> = {
  rnd: '智能家电',
  components: '智能家电',
  procurement: '智能家电',
  digital: '新一代信息技术',
  green: '新能源',
  'tech-transfer': '新材料',
};

export function generateMatchmakingPlan({ seed, today }: { seed: number; today: Date }): DemoMatchmakingPlan {
  const random = new SeededRandom(seed + 18);
  const todayDay = Math.floor((today.getTime() + CST_OFFSET_MS) / DAY_MS);
  const lastMinute = (todayDay - 1) * 1440 + 17 * 60;

  const enterprises: DemoMatchmakingEnterprise[] = [
    ...SOES.map(([name, district], i) => ({
      key: `soe${i + 1}`,
      body: { name, district, tier: 'none' as EnterpriseTier },
    })),
    { key: 'haier', body: { name: '海尔集团公司', district: '崂山区', tier: 'none' } },
    ...[...SME_WORDS, ...MORE_SME_WORDS].map((word, i) => ({
      key: `sme${i + 1}`,
      body: {
        name: `青岛${word}有限公司`,
        district: random.pick(SME_DISTRICTS),
        tier: random.weighted<EnterpriseTier>([
          ['none', 5],
          ['municipal', 4],
          ['provincial', 2],
          ['national', 1],
        ]),
      },
    })),
  ];
  const smes = enterprises.filter((e) => e.key.startsWith('sme'));
  const meetingSmes = smes.slice(0, SME_WORDS.length);

  // Some SMEs climbed the ladder in the last three years, one step at a time.
  const ladder: EnterpriseTier[] = ['none', 'municipal', 'provincial', 'national'];
  const tierChanges: DemoMatchmakingPlan['tierChanges'] = [];
  for (const sme of smes) {
    if (sme.body.tier === 'national' || !random.chance(0.45)) continue;
    let day = todayDay - random.int(700, 1000);
    for (let step = ladder.indexOf(sme.body.tier) + 1; step < ladder.length && day < todayDay - 1; step++) {
      tierChanges.push({ enterpriseKey: sme.key, body: { tier: ladder[step], since: dateOf(day) } });
      day += random.int(300, 500);
      if (!random.chance(0.4)) break;
    }
  }

  const meetingDay = workday(todayDay - 75);
  const baichangDay = workday(todayDay - 40);
  const events: DemoMatchmakingEvent[] = [
    {
      key: 'soe-meeting',
      body: {
        title: '国企民企面对面恳谈会（第一期）',
        kind: 'soe-private',
        heldOn: dateOf(meetingDay),
        hosts: ['市国资委', '市民营经济发展局', '市工商联'],
        district: '市南区',
      },
    },
    {
      key: 'baichang-haier',
      body: {
        title: '“百场万企”大中小企业融通对接会·海尔集团专场',
        kind: 'bai-chang-wan-qi',
        heldOn: dateOf(baichangDay),
        hosts: ['市工业和信息化局', '海尔集团'],
        district: '崂山区',
      },
    },
  ];

  const demands: DemoDemand[] = [];
  const used = new Set<string>();
  const demand = (publisherKey: string, eventKey: string, category: DemandCategory, day: number) => {
    const subjects = SUBJECTS[category];
    let title = `${random.pick(subjects)}${SUFFIX[category]}`;
    for (let n = 2; used.has(`${publisherKey}:${title}`); n++)
      title = `${random.pick(subjects)}${SUFFIX[category]}（${n}）`;
    used.add(`${publisherKey}:${title}`);
    demands.push({
      key: `d${demands.length + 1}`,
      publisherKey,
      eventKey,
      body: {
        category,
        title,
        description: `面向本地中小企业征集${title}合作方，要求具备相关资质与交付能力。`,
        ...(random.chance(0.7) ? { budgetYuan: random.int(10, 800) * 100_000 } : {}),
        deadline: dateOf(day + random.int(60, 240)),
        occurredAt: instantOf(day * 1440 + random.int(9 * 60, 10 * 60)),
      },
    });
  };
  SOES.forEach((_, i) => {
    for (let k = 0; k < 2 + (i % 2); k++)
      demand(`soe${i + 1}`, 'soe-meeting', SOE_CATEGORIES[(i + k * 3) % SOE_CATEGORIES.length], meetingDay);
  });
  for (const [category, count] of HAIER_DEMANDS)
    for (let k = 0; k < count; k++) demand('haier', 'baichang-haier', category, baichangDay);

  const cooperations: DemoCooperation[] = [];
  const propose = (d: DemoDemand, enterpriseKey: string, day: number) => {
    const start = day * 1440 + random.int(10 * 60, 16 * 60);
    const stages: DemoStage[] = [];
    let minute = start;
    const next = (min: number, max: number) => (minute += random.int(min, max) * 1440) <= lastMinute;
    // A realistic funnel: about 6 in 10 get an answer, 1 in 4 is signed, half of those deliver.
    const followed = [
      [0.62, 'negotiating', 1, 12],
      [0.55, 'trial', 5, 25],
      [0.7, 'signed', 5, 30],
      [0.55, 'delivering', 10, 40],
    ] as const;
    for (const [chance, stage, min, max] of followed) {
      if (!random.chance(chance)) {
        if (stages.length > 0 && stage !== 'delivering' && random.chance(0.5) && next(3, 20)) {
          stages.push({ stage: 'dropped', occurredAt: instantOf(minute), note: random.pick(DROP_REASONS) });
        }
        break;
      }
      if (!next(min, max)) break;
      stages.push({
        stage,
        occurredAt: instantOf(minute),
        ...(stage === 'signed' ? { amountYuan: random.int(5, 600) * 100_000 } : {}),
      });
    }
    const following = FOLLOWERS[d.body.category];
    const signed = stages.some((s) => s.stage === 'signed');
    cooperations.push({
      key: `co${cooperations.length + 1}`,
      demandKey: d.key,
      enterpriseKey,
      body: {
        summary: `提供${d.body.title.replace(/（\d+）$/, '')}方案，可在三个月内完成样品验证。`,
        ...(following ? { departments: [following] } : {}),
        occurredAt: instantOf(start),
      },
      stages,
      ...(signed && CHAINS[d.body.category] && random.chance(0.3)
        ? { project: { industryChain: CHAINS[d.body.category]! } }
        : {}),
    });
  };
  // At the 恳谈会 every SME presents and proposes on two or three demands.
  const soeDemands = demands.filter((d) => d.eventKey === 'soe-meeting');
  meetingSmes.forEach((sme, i) => {
    for (let k = 0; k < 2 + (i % 2); k++) propose(soeDemands[(i * 3 + k * 7) % soeDemands.length], sme.key, meetingDay);
  });
  // At the 百场万企 meeting most of Haier's demands draw one or two proposals, some none.
  for (const d of demands.filter((x) => x.eventKey === 'baichang-haier')) {
    const n = random.weighted([
      [0, 2],
      [1, 5],
      [2, 2],
      [3, 1],
    ] as const);
    const proposers = new Set<string>();
    while (proposers.size < n) proposers.add(random.pick(smes).key);
    for (const key of proposers) propose(d, key, baichangDay + random.int(0, 3));
  }
  return { enterprises, tierChanges, events, demands, cooperations };
}
