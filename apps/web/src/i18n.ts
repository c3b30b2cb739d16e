/**
 * A small i18n module: zh-CN is the source dictionary, English must carry the same keys (the
 * type enforces it). The choice lives in localStorage and is shared through a tiny store, so any
 * component re-renders when it changes without a provider.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Lang } from './format';
import { problemMessagesEn, problemMessagesZh } from './messages-problems';

export type { Lang } from './format';

const zhCN = {
  'app.title': '落地',
  'app.subtitle': '民营企业创意项目全过程跟踪 · 青岛市民营经济创意工作专班',
  'app.skip': '跳到正文',
  'lang.switch': 'English',
  'lang.switchLabel': '切换语言',

  'nav.dashboard': '落地看板',
  'nav.projects': '项目库',
  'nav.newProject': '申报项目',
  'nav.inbox': '部门待办',
  'nav.enterprises': '一企一策',
  'nav.conferences': '创意会',
  'nav.users': '用户管理',
  'nav.departments': '部门管理',
  'nav.logout': '退出登录',
  'nav.main': '主导航',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.expired': '登录已过期，请重新登录。',

  'role.admin': '管理员',
  'role.taskforce': '专班人员',
  'role.reviewer': '评审专家',
  'role.department': '责任部门',
  'role.leader': '领导',

  'status.submitted': '已申报',
  'status.approved': '已入库',
  'status.rejected': '未通过',
  'status.presented': '已发布',
  'status.assigned': '推进中',
  'status.landed': '已落地',
  'status.withdrawn': '已退出',

  'need.land': '用地',
  'need.talent': '人才',
  'need.financing': '融资',
  'need.orders': '订单',
  'need.policy': '政策',
  'need.other': '其他',

  'verdict.approved': '通过，入库',
  'verdict.rejected': '不通过',
  'verdict.revise': '修改后再审',

  'tier.none': '无',
  'tier.municipal': '市级专精特新',
  'tier.provincial': '省级专精特新',
  'tier.national': '国家级专精特新“小巨人”',

  'event.ProjectSubmitted': '项目申报',
  'event.ProjectReviewed': '评审论证',
  'event.SubmissionRevised': '修改申报',
  'event.ProjectPresented': '创意会发布',
  'event.LandingPlanAssigned': '制定落地方案',
  'event.LandingPlanRevised': '调整落地方案',
  'event.ProgressReported': '报告进展',
  'event.MilestoneCompleted': '完成节点',
  'event.NeedResolved': '解决诉求',
  'event.ProjectLanded': '项目落地',
  'event.ProjectWithdrawn': '项目退出',

  'common.loading': '加载中…',
  'common.empty': '暂无记录',
  'common.none': '无',
  'common.all': '全部',
  'common.choose': '请选择',
  'common.add': '添加',
  'common.remove': '删除',
  'common.cancel': '取消',
  'common.submit': '提交',
  'common.search': '查询',
  'common.reset': '重置',
  'common.saved': '已提交，页面已更新。',
  'common.optional': '选填',
  'common.create': '创建',
  'common.actions': '操作',

  'error.title': '操作未成功',
  'error.fields': '请根据提示修改标注的字段。',

  'pager.label': '分页',
  'pager.prev': '上一页',
  'pager.next': '下一页',
  'pager.info': '第 {page} / {pages} 页，共 {total} 条',

  'dash.title': '落地看板',
  'dash.asOf': '截至日期',
  'dash.asOfNote': '按 {date} 当日的情况统计',
  'dash.filters': '筛选条件',
  'dash.byConference': '各期创意会落地率',
  'dash.byIndustryChain': '分产业链落地率',
  'dash.byDepartment': '分牵头部门落地率',
  'dash.byDistrict': '分区（市）落地率',
  'dash.trend': '季度走势（各季度末）',
  'dash.forecast': '落地预测',

  'filter.industryChain': '产业链',
  'filter.district': '区（市）',
  'filter.conference': '创意会',
  'filter.department': '牵头部门',
  'filter.involvedDepartment': '承办部门（牵头或配合）',

  'kpi.inLibrary': '入库项目',
  'kpi.landed': '已落地',
  'kpi.landingRate': '落地率',
  'kpi.interval95': '95%置信区间 {range}',
  'kpi.investment': '计划投资',
  'kpi.landedInvestment': '已落地投资',
  'kpi.projects': '累计申报 {n} 个',
  'kpi.withdrawn': '退出 {n} 个',
  'kpi.ofLibrary': '入库项目合计',
  'kpi.ofLanded': '落地项目合计',

  'chart.landingRate': '落地率',
  'chart.inLibrary': '入库',
  'chart.landed': '落地',
  'chart.noData': '暂无数据',

  'forecast.curve': '入库后累计落地概率',
  'forecast.curveAxis': '入库后天数',
  'forecast.curveTip': '入库后第 {day} 天：累计落地概率 {p}，在途 {atRisk} 个',
  'forecast.projection': '今后 {days} 天累计落地数预测',
  'forecast.expected': '预期',
  'forecast.band80': '80%区间',
  'forecast.band95': '95%区间',
  'forecast.sample': '样本量 n = {n}：入库 {inLibrary}，已落地 {landed}，退出 {withdrawn}，在途 {open}',
  'forecast.text': '预计至 {date} 累计落地 {expected} 个（落地率 {rate}）；80%区间 {low80}–{high80} 个，95%区间 {low95}–{high95} 个。',
  'forecast.tooltip': '至 {date}：预期 {expected} 个<br/>80%区间 {low80}–{high80} 个<br/>95%区间 {low95}–{high95} 个',
  'forecast.fanNote': '扇形区间只在期末计算，期间按直线连接示意。',
  'forecast.warnings': '使用提示',
  'warning.SMALL_SAMPLE': '样本量较小，区间较宽，请谨慎解读。',
  'warning.NO_LANDINGS': '尚无落地项目，落地曲线无法估计。',
  'warning.HORIZON_BEYOND_FOLLOW_UP': '预测期超出已观察到的时长，远端为外推。',
  'warning.OUTCOME_BEFORE_ENTRY': '有项目的落地或退出日期早于入库日期，请核对数据。',

  'projects.title': '项目库',
  'projects.q': '关键词',
  'projects.qPlaceholder': '项目或企业名称',
  'projects.status': '状态',
  'projects.count': '共 {total} 个项目',

  'col.title': '项目名称',
  'col.enterprise': '企业',
  'col.status': '状态',
  'col.industryChain': '产业链',
  'col.district': '区（市）',
  'col.investment': '计划投资',
  'col.leadDepartment': '牵头部门',
  'col.updatedAt': '更新日期',

  'project.back': '返回项目库',
  'project.summary': '项目简介',
  'project.enterprise': '申报企业',
  'project.investment': '计划投资',
  'project.industryChain': '产业链',
  'project.district': '区（市）',
  'project.version': '版本 {v}',
  'project.needs': '企业诉求',
  'project.needResolved': '已解决：{resolution}',
  'project.needOpen': '待解决',
  'project.reviews': '评审论证',
  'project.scores': '创意好 {idea} · 论证实 {validation} · 可落地 {feasibility}',
  'project.conference': '发布创意会',
  'project.plan': '落地方案（一项目一策）',
  'project.lead': '牵头部门',
  'project.supporting': '配合部门',
  'project.milestones': '推进节点',
  'project.landing': '落地情况',
  'project.withdrawal': '退出原因',
  'project.actualInvestment': '实际投资',
  'project.imported': '历史数据导入',
  'project.resolveNeed': '标记已解决',
  'project.timeline': '全过程记录',
  'project.recordedAt': '录入于 {at}',
  'project.actions': '办理',
  'project.dossier': '查看一企一策',

  'milestone.title': '节点名称',
  'milestone.dueOn': '完成时限',
  'milestone.department': '责任部门',
  'milestone.owner': '责任人',
  'milestone.state': '状态',
  'milestone.done': '已完成',
  'milestone.overdue': '已逾期',
  'milestone.dueSoon': '即将到期',
  'milestone.open': '进行中',

  'action.review': '评审论证',
  'action.present': '创意会发布',
  'action.assign': '制定落地方案',
  'action.reassign': '调整落地方案',
  'action.progress': '报告进展',
  'action.land': '确认落地',
  'action.withdraw': '项目退出',

  'form.verdict': '评审结论',
  'form.scoreIdea': '创意好（0–100）',
  'form.scoreValidation': '论证实（0–100）',
  'form.scoreFeasibility': '可落地（0–100）',
  'form.comment': '评审意见',
  'form.conference': '创意会',
  'form.leadDepartment': '牵头部门',
  'form.supportingDepartments': '配合部门',
  'form.milestoneN': '节点 {n}',
  'form.addMilestone': '添加节点',
  'form.milestone': '关联节点',
  'form.noMilestone': '不关联节点',
  'form.note': '进展情况',
  'form.markDone': '该节点已完成',
  'form.landedOn': '落地日期',
  'form.actualInvestment': '实际投资（万元）',
  'form.evidence': '佐证材料',
  'form.reason': '退出原因',
  'form.resolution': '解决情况',

  'new.title': '申报项目',
  'new.enterprise': '申报企业',
  'new.findEnterprise': '查找企业',
  'new.registerEnterprise': '登记新企业',
  'new.register': '登记',
  'new.registered': '已登记：{name}',
  'new.enterpriseName': '企业名称',
  'new.creditCode': '统一社会信用代码',
  'new.tier': '专精特新等级',
  'new.projectTitle': '项目名称',
  'new.summary': '项目简介',
  'new.industryChain': '产业链',
  'new.district': '所在区（市）',
  'new.investment': '计划投资（万元）',
  'new.needs': '企业诉求',
  'new.needKind': '诉求类型',
  'new.needDescription': '诉求内容',
  'new.addNeed': '添加诉求',
  'new.submit': '提交申报',

  'inbox.title': '部门待办',
  'inbox.department': '部门',
  'inbox.project': '项目',
  'inbox.count': '共 {total} 个节点',
  'inbox.legend': '红色为已逾期，黄色为即将到期。',
  'inbox.report': '报告进展',
  'inbox.chooseDepartment': '请选择要查看的部门。',
  'inbox.show': '显示',
  'inbox.showOpen': '未完成',
  'inbox.showOverdue': '已逾期',
  'inbox.showAll': '全部（含已完成）',

  'ent.title': '一企一策',
  'ent.q': '名称或信用代码',
  'ent.name': '企业名称',
  'ent.creditCode': '统一社会信用代码',
  'ent.district': '区（市）',
  'ent.tier': '专精特新等级',
  'ent.projects': '项目数',
  'ent.landed': '已落地',
  'ent.count': '共 {total} 家企业',
  'dossier.back': '返回企业列表',
  'dossier.totals': '项目 {n} 个，计划投资 {amount}，已落地 {landed} 个',
  'dossier.needs': '诉求及解决情况',
  'dossier.plan': '落地方案',
  'dossier.noPlan': '尚未制定落地方案',
  'dossier.projects': '项目',

  'conf.title': '创意会',
  'conf.create': '安排创意会',
  'conf.name': '创意会名称',
  'conf.theme': '主题',
  'conf.heldOn': '举办日期',
  'conf.projects': '发布项目',
  'conf.landed': '已落地',
  'conf.rate': '落地率',
  'conf.count': '共 {total} 期',
  'conf.created': '已安排：{title}',

  'users.title': '用户管理',
  'users.create': '新建用户',
  'users.username': '用户名',
  'users.password': '初始密码',
  'users.passwordHint': '至少 8 个字符',
  'users.role': '角色',
  'users.department': '所属部门',
  'users.q': '查找用户',
  'users.count': '共 {total} 个账号',
  'users.state': '状态',
  'users.active': '启用',
  'users.disabled': '已停用',
  'users.createdAt': '创建日期',
  'users.disable': '停用',
  'users.enable': '启用',
  'users.resetPassword': '重置密码',
  'users.newPassword': '新密码',
  'users.self': '当前账号',
  'users.created': '已创建用户 {username}。',
  'users.disabledNotice': '已停用 {username}，其登录已失效。',
  'users.enabledNotice': '已启用 {username}。',
  'users.passwordNotice': '已为 {username} 设置新密码，其原有登录已失效。',

  'depts.title': '部门管理',
  'depts.create': '新增部门',
  'depts.code': '部门代码',
  'depts.codeHint': '小写字母、数字或连字符，如 industry',
  'depts.name': '部门名称',
  'depts.count': '共 {total} 个部门',
  'depts.created': '已新增部门：{name}',

  ...problemMessagesZh,
};

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.title': 'Luodi',
  'app.subtitle': 'Enterprise innovation projects from idea to landing · Qingdao private-economy task force',
  'app.skip': 'Skip to content',
  'lang.switch': '中文',
  'lang.switchLabel': 'Switch language',

  'nav.dashboard': 'Landing dashboard',
  'nav.projects': 'Projects',
  'nav.newProject': 'Submit project',
  'nav.inbox': 'Department inbox',
  'nav.enterprises': 'Enterprises',
  'nav.conferences': 'Conferences',
  'nav.users': 'Users',
  'nav.departments': 'Departments',
  'nav.logout': 'Log out',
  'nav.main': 'Main navigation',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.expired': 'Your session has expired; please sign in again.',

  'role.admin': 'Administrator',
  'role.taskforce': 'Task force',
  'role.reviewer': 'Reviewer',
  'role.department': 'Department',
  'role.leader': 'Leader',

  'status.submitted': 'Submitted',
  'status.approved': 'In library',
  'status.rejected': 'Rejected',
  'status.presented': 'Presented',
  'status.assigned': 'Assigned',
  'status.landed': 'Landed',
  'status.withdrawn': 'Withdrawn',

  'need.land': 'Land',
  'need.talent': 'Talent',
  'need.financing': 'Financing',
  'need.orders': 'Orders',
  'need.policy': 'Policy',
  'need.other': 'Other',

  'verdict.approved': 'Approved (into the library)',
  'verdict.rejected': 'Rejected',
  'verdict.revise': 'Revise and resubmit',

  'tier.none': 'None',
  'tier.municipal': 'Municipal SRDI',
  'tier.provincial': 'Provincial SRDI',
  'tier.national': 'National SRDI "Little Giant"',

  'event.ProjectSubmitted': 'Submitted',
  'event.ProjectReviewed': 'Reviewed',
  'event.SubmissionRevised': 'Submission revised',
  'event.ProjectPresented': 'Presented at conference',
  'event.LandingPlanAssigned': 'Landing plan assigned',
  'event.LandingPlanRevised': 'Landing plan revised',
  'event.ProgressReported': 'Progress reported',
  'event.MilestoneCompleted': 'Milestone completed',
  'event.NeedResolved': 'Need resolved',
  'event.ProjectLanded': 'Landed',
  'event.ProjectWithdrawn': 'Withdrawn',

  'common.loading': 'Loading…',
  'common.empty': 'Nothing here yet',
  'common.none': 'None',
  'common.all': 'All',
  'common.choose': 'Choose…',
  'common.add': 'Add',
  'common.remove': 'Remove',
  'common.cancel': 'Cancel',
  'common.submit': 'Submit',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.saved': 'Done; the page shows the new state.',
  'common.optional': 'optional',
  'common.create': 'Create',
  'common.actions': 'Actions',

  'error.title': 'That did not work',
  'error.fields': 'Please correct the marked fields.',

  'pager.label': 'Pages',
  'pager.prev': 'Previous',
  'pager.next': 'Next',
  'pager.info': 'Page {page} of {pages}, {total} in total',

  'dash.title': 'Landing dashboard',
  'dash.asOf': 'As of',
  'dash.asOfNote': 'As it stood on {date}',
  'dash.filters': 'Filters',
  'dash.byConference': 'Landing rate by conference',
  'dash.byIndustryChain': 'Landing rate by industry chain',
  'dash.byDepartment': 'Landing rate by lead department',
  'dash.byDistrict': 'Landing rate by district',
  'dash.trend': 'Quarterly trend (end of each quarter)',
  'dash.forecast': 'Landing forecast',

  'filter.industryChain': 'Industry chain',
  'filter.district': 'District',
  'filter.conference': 'Conference',
  'filter.department': 'Lead department',
  'filter.involvedDepartment': 'Department (lead or supporting)',

  'kpi.inLibrary': 'In the library',
  'kpi.landed': 'Landed',
  'kpi.landingRate': 'Landing rate',
  'kpi.interval95': '95% interval {range}',
  'kpi.investment': 'Planned investment',
  'kpi.landedInvestment': 'Landed investment',
  'kpi.projects': '{n} submitted in all',
  'kpi.withdrawn': '{n} withdrawn',
  'kpi.ofLibrary': 'library projects',
  'kpi.ofLanded': 'landed projects',

  'chart.landingRate': 'Landing rate',
  'chart.inLibrary': 'In library',
  'chart.landed': 'Landed',
  'chart.noData': 'No data',

  'forecast.curve': 'Cumulative probability of landing after library entry',
  'forecast.curveAxis': 'Days since library entry',
  'forecast.curveTip': 'Day {day} after entry: {p} landed, {atRisk} at risk',
  'forecast.projection': 'Projected landed projects over the next {days} days',
  'forecast.expected': 'Expected',
  'forecast.band80': '80% interval',
  'forecast.band95': '95% interval',
  'forecast.sample': 'Sample size n = {n}: {inLibrary} in library, {landed} landed, {withdrawn} withdrawn, {open} open',
  'forecast.text': 'By {date}, {expected} landed expected (landing rate {rate}); 80% interval {low80}–{high80}, 95% interval {low95}–{high95}.',
  'forecast.tooltip': 'By {date}: {expected} expected<br/>80% interval {low80}–{high80}<br/>95% interval {low95}–{high95}',
  'forecast.fanNote': 'The intervals are computed for the end of the horizon; the fan joins them with straight lines.',
  'forecast.warnings': 'Caveats',
  'warning.SMALL_SAMPLE': 'Small sample: the intervals are wide; read them with care.',
  'warning.NO_LANDINGS': 'No project has landed yet, so the landing curve cannot be estimated.',
  'warning.HORIZON_BEYOND_FOLLOW_UP': 'The horizon reaches beyond the follow-up observed so far; its far end is an extrapolation.',
  'warning.OUTCOME_BEFORE_ENTRY': 'Some projects landed or were withdrawn before their library entry date; please check the data.',

  'projects.title': 'Projects',
  'projects.q': 'Keyword',
  'projects.qPlaceholder': 'Project or enterprise name',
  'projects.status': 'Status',
  'projects.count': '{total} projects',

  'col.title': 'Project',
  'col.enterprise': 'Enterprise',
  'col.status': 'Status',
  'col.industryChain': 'Industry chain',
  'col.district': 'District',
  'col.investment': 'Planned investment',
  'col.leadDepartment': 'Lead department',
  'col.updatedAt': 'Updated',

  'project.back': 'Back to projects',
  'project.summary': 'Summary',
  'project.enterprise': 'Enterprise',
  'project.investment': 'Planned investment',
  'project.industryChain': 'Industry chain',
  'project.district': 'District',
  'project.version': 'version {v}',
  'project.needs': 'Needs',
  'project.needResolved': 'Resolved: {resolution}',
  'project.needOpen': 'Open',
  'project.reviews': 'Reviews',
  'project.scores': 'Idea {idea} · Validation {validation} · Feasibility {feasibility}',
  'project.conference': 'Conference',
  'project.plan': 'Landing plan (one project, one policy)',
  'project.lead': 'Lead department',
  'project.supporting': 'Supporting departments',
  'project.milestones': 'Milestones',
  'project.landing': 'Landing',
  'project.withdrawal': 'Reason for withdrawal',
  'project.actualInvestment': 'Actual investment',
  'project.imported': 'Imported history',
  'project.resolveNeed': 'Mark resolved',
  'project.timeline': 'Timeline',
  'project.recordedAt': 'recorded {at}',
  'project.actions': 'Actions',
  'project.dossier': 'Enterprise dossier',

  'milestone.title': 'Milestone',
  'milestone.dueOn': 'Due on',
  'milestone.department': 'Department',
  'milestone.owner': 'Responsible person',
  'milestone.state': 'State',
  'milestone.done': 'Done',
  'milestone.overdue': 'Overdue',
  'milestone.dueSoon': 'Due soon',
  'milestone.open': 'In progress',

  'action.review': 'Review',
  'action.present': 'Present at conference',
  'action.assign': 'Assign landing plan',
  'action.reassign': 'Revise landing plan',
  'action.progress': 'Report progress',
  'action.land': 'Record landing',
  'action.withdraw': 'Withdraw',

  'form.verdict': 'Verdict',
  'form.scoreIdea': 'Good idea (0–100)',
  'form.scoreValidation': 'Solid validation (0–100)',
  'form.scoreFeasibility': 'Can land (0–100)',
  'form.comment': 'Comment',
  'form.conference': 'Conference',
  'form.leadDepartment': 'Lead department',
  'form.supportingDepartments': 'Supporting departments',
  'form.milestoneN': 'Milestone {n}',
  'form.addMilestone': 'Add milestone',
  'form.milestone': 'Milestone',
  'form.noMilestone': 'No milestone',
  'form.note': 'Progress note',
  'form.markDone': 'This milestone is done',
  'form.landedOn': 'Landed on',
  'form.actualInvestment': 'Actual investment (CNY 10,000)',
  'form.evidence': 'Evidence',
  'form.reason': 'Reason',
  'form.resolution': 'How it was resolved',

  'new.title': 'Submit a project',
  'new.enterprise': 'Enterprise',
  'new.findEnterprise': 'Find enterprise',
  'new.registerEnterprise': 'Register a new enterprise',
  'new.register': 'Register',
  'new.registered': 'Registered: {name}',
  'new.enterpriseName': 'Enterprise name',
  'new.creditCode': 'Unified social credit code',
  'new.tier': 'SRDI tier',
  'new.projectTitle': 'Project title',
  'new.summary': 'Summary',
  'new.industryChain': 'Industry chain',
  'new.district': 'District',
  'new.investment': 'Planned investment (CNY 10,000)',
  'new.needs': 'Needs',
  'new.needKind': 'Kind of need',
  'new.needDescription': 'Description',
  'new.addNeed': 'Add need',
  'new.submit': 'Submit project',

  'inbox.title': 'Department inbox',
  'inbox.department': 'Department',
  'inbox.project': 'Project',
  'inbox.count': '{total} milestones',
  'inbox.legend': 'Red: overdue. Yellow: due soon.',
  'inbox.report': 'Report progress',
  'inbox.chooseDepartment': 'Choose a department to see its inbox.',
  'inbox.show': 'Show',
  'inbox.showOpen': 'Not done',
  'inbox.showOverdue': 'Overdue',
  'inbox.showAll': 'All (done too)',

  'ent.title': 'Enterprises',
  'ent.q': 'Name or credit code',
  'ent.name': 'Enterprise',
  'ent.creditCode': 'Credit code',
  'ent.district': 'District',
  'ent.tier': 'SRDI tier',
  'ent.projects': 'Projects',
  'ent.landed': 'Landed',
  'ent.count': '{total} enterprises',
  'dossier.back': 'Back to enterprises',
  'dossier.totals': '{n} projects, planned investment {amount}, {landed} landed',
  'dossier.needs': 'Needs and their resolution',
  'dossier.plan': 'Landing plan',
  'dossier.noPlan': 'No landing plan yet',
  'dossier.projects': 'Projects',

  'conf.title': 'Conferences',
  'conf.create': 'Schedule a conference',
  'conf.name': 'Conference title',
  'conf.theme': 'Theme',
  'conf.heldOn': 'Held on',
  'conf.projects': 'Presented',
  'conf.landed': 'Landed',
  'conf.rate': 'Landing rate',
  'conf.count': '{total} conferences',
  'conf.created': 'Scheduled: {title}',

  'users.title': 'Users',
  'users.create': 'New user',
  'users.username': 'Username',
  'users.password': 'Initial password',
  'users.passwordHint': 'at least 8 characters',
  'users.role': 'Role',
  'users.department': 'Department',
  'users.q': 'Find user',
  'users.count': '{total} accounts',
  'users.state': 'State',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.createdAt': 'Created',
  'users.disable': 'Disable',
  'users.enable': 'Enable',
  'users.resetPassword': 'Reset password',
  'users.newPassword': 'New password',
  'users.self': 'You',
  'users.created': 'User {username} created.',
  'users.disabledNotice': '{username} is disabled and signed out.',
  'users.enabledNotice': '{username} is enabled again.',
  'users.passwordNotice': '{username} has a new password and is signed out.',

  'depts.title': 'Departments',
  'depts.create': 'New department',
  'depts.code': 'Code',
  'depts.codeHint': 'lower-case letters, digits or hyphens, e.g. industry',
  'depts.name': 'Name',
  'depts.count': '{total} departments',
  'depts.created': 'Department added: {name}',

  ...problemMessagesEn,
};

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/** A message with `{name}` placeholders filled in; unknown placeholders stay visible. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** A code the API sent (a status, a need kind, an event type): translated when known, else as sent. */
export function translateCode(lang: Lang, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? translate(lang, key) : code;
}

const STORAGE_KEY = 'luodi.lang';
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Lang = readStoredLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  code: (prefix: string, code: string) => string;
  setLang: (lang: Lang) => void;
}

export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  return useMemo(
    () => ({
      lang,
      t: (key: MessageKey, params?: Params) => translate(lang, key, params),
      code: (prefix: string, value: string) => translateCode(lang, prefix, value),
      setLang,
    }),
    [lang],
  );
}
