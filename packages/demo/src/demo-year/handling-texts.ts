/**
 * What the people of the demo year write while they work requests: reply notes by outcome,
 * reasons for returns, pauses and extensions, supervision notes and follow-up comments. All in
 * the plain register of a service station's work log.
 */
import type { Outcome, Satisfaction } from '@kechuang/community';

/** Reply notes (办理结果说明) by outcome; the category's own note wins where there is one. */
export const replyNotes: Readonly<Record<Outcome, readonly string[]>> = {
  solved: [
    '已协调相关单位现场处理，问题已解决，企业确认无异议。',
    '已会同物业和园区运营方落实整改，企业反映的问题已处理完毕。',
    '已对接相关部门并跟进办理，企业诉求已得到解决。',
    '经多方协调，相关事项已办理完成，并已电话告知企业。',
  ],
  explained: [
    '已向企业详细解读相关政策，并提供申报指南和咨询电话，企业表示清楚。',
    '已电话答复企业，说明办理条件、所需材料和办理渠道。',
    '已上门向企业说明相关规定，并告知后续可通过线上平台办理。',
  ],
  unsolvable: [
    '经核实，该事项受现行政策限制，暂无法满足企业诉求，已向企业说明原因。',
    '已多次协调，但涉及第三方权属问题，目前暂不具备解决条件，已向企业解释并持续关注。',
    '相关规划尚未调整，短期内无法实施，已将企业诉求报送相关部门作为后续参考。',
  ],
  out_of_scope: [
    '该事项属于劳动人事争议仲裁受理范围，已告知企业向区劳动人事争议仲裁院申请。',
    '该事项涉及民事诉讼，不属于社区受理范围，已告知企业可向人民法院起诉。',
    '该事项属于市场监管部门职责，已告知企业通过12315平台反映。',
  ],
};

/** Category-specific reply notes for the outcomes where a category speaks for itself. */
export const categoryReplyNotes: Readonly<Record<string, Partial<Record<Outcome, readonly string[]>>>> = {
  legal: {
    solved: ['驻站律师上门指导企业固定聊天记录等证据，协助发出律师函，企业已追回大部分款项。', '驻站律师为企业出具法律意见书，协助双方调解，已达成和解。'],
    explained: ['驻站律师已向企业说明维权途径、证据要求和诉讼时效，并提供了文书范本。'],
  },
  policy: {
    explained: ['已向企业解读政策条款和申报条件，提供申报指南，并告知申报系统开放时间。', '已联系区科技局确认政策口径，并电话答复企业。'],
  },
  safety: {
    solved: ['已会同安监和消防部门现场检查，督促责任单位当日完成整改，隐患已消除。', '已通知燃气公司抢修人员到场排查处置，现场已恢复安全。'],
  },
  party: {
    solved: ['已协助企业完成党支部组建相关材料，报街道党工委审批。', '已与企业党支部对接，活动已按计划开展。'],
    explained: ['已向企业说明相关程序和所需材料，并提供联系人方式。'],
  },
};

/** Why a lead returns a request (退单); `{label}` is the suggested owner's portfolio or team. */
export const returnReasons: readonly string[] = [
  '该诉求主要涉及{label}事项，不属于本人分管领域，建议改派{label}专员办理。',
  '经初步了解，企业诉求的核心是{label}方面的问题，建议由{label}专员牵头办理。',
];

/** Why a lead returns a request to the legal station. */
export const returnToLegalReasons: readonly string[] = ['该诉求涉及合同和款项纠纷，需要专业法律意见，建议改派公共法律服务驿站律师办理。'];

/** Why the station head overrules a return (the lead keeps it). */
export const overruleReasons: readonly string[] = [
  '经研究，该诉求属于原承办人分管范围，请继续办理，如需其他专员配合可申请协办。',
  '该事项以原承办人办理为主，请按时限办结。',
];

/** Why work waits on the enterprise (the SLA clock pauses). */
export const pauseReasons: readonly string[] = [
  '等待企业补充提供相关证明材料。',
  '企业负责人出差，待其返回后现场核实。',
  '需企业提供近三年财务数据，企业正在准备。',
];

/** A note when work resumes. */
export const resumeNotes: readonly string[] = ['企业已补齐材料，继续办理。', '已与企业负责人见面核实情况，继续办理。'];

/** Why a lead asks for more time (延期). */
export const extensionReasons: readonly string[] = [
  '需协调多个部门共同现场踏勘，预计无法在时限内办结，申请延期。',
  '涉及第三方单位配合，对方正在走内部审批流程，申请延期。',
  '需等待区级部门出具书面意见，申请延期。',
];

/** An approver's note on an extension. */
export const extensionDecisionNotes: Readonly<Record<'approved' | 'refused', readonly string[]>> = {
  approved: ['同意延期，请在延长期限内办结，并及时向企业反馈进展。', '同意，请加强与相关部门的沟通。'],
  refused: ['不同意延期，该事项可先行答复企业阶段性进展，请按原时限办结。', '理由不充分，请按原时限办结。'],
};

/** 督办 notes. */
export const supervisionNotes: Readonly<Record<'overdue' | 'important', readonly string[]>> = {
  overdue: ['该诉求已超过办理时限，请承办人说明原因并尽快办结。', '请加快办理进度，两个工作日内反馈办理情况。'],
  important: ['该诉求涉及多家企业，社会关注度较高，请重点跟进。', '请承办人高度重视，按时限要求办结并做好企业解释工作。'],
};

/** What the enterprise says on the follow-up call (回访), by rating. */
export const followUpComments: Readonly<Record<Satisfaction, readonly string[]>> = {
  satisfied: ['感谢社区的帮助，办事效率很高。', '问题解决得很及时，非常满意。', '专员服务很耐心，满意。'],
  basically_satisfied: ['问题基本解决，希望后续继续关注。', '答复比较清楚，但办理时间稍长。'],
  unsatisfied: ['问题没有实际解决，希望再协调一下。', '答复不够具体，希望重新办理。'],
};

/** Why a request was concluded without a rating. */
export const closeNotes: Readonly<Record<'unreachable' | 'out_of_scope', readonly string[]>> = {
  unreachable: ['回访三次电话均无人接听，按规定办结。', '企业联系人已离职，新联系人未接电话，按规定办结。'],
  out_of_scope: ['已告知企业正确的办理渠道，按不属于受理范围办结。'],
};

/** Why a request is withdrawn. */
export const withdrawReasons: readonly string[] = ['企业来电表示问题已自行解决，申请撤回。', '企业经营计划调整，不再需要办理，申请撤回。'];

/** The note on a merged duplicate. */
export const mergeNotes: readonly string[] = ['与已受理诉求内容相同，已关联原诉求一并办理。', '企业重复反映同一事项，已合并至原诉求。'];

/** A visit summary (走访记录). */
export const visitSummaries: readonly string[] = ['走访企业，了解生产经营情况和发展需求。', '上门走访，宣讲惠企政策并收集企业诉求。', '园区走访，听取企业对社区服务的意见建议。'];
