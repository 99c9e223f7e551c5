/**
 * What the enterprises of the demo year ask for: for each category of the Mengchuang config
 * (packages/demo/kechuang.config.yaml), how often it comes up and the needs raised under it.
 *
 * The words matter: the config's routing rules read the text, so a keyword such as 欠款 sends
 * a request to the legal station and 消防 makes it urgent whatever its category. Titles here
 * use such keywords only where that routing is the intended one.
 */

/** One need an enterprise may raise. */
export interface RequestTopic {
  title: string;
  description: string;
  /** Legal topics state the amount involved (the `amount` attribute of category `legal`). */
  amount?: readonly [min: number, max: number];
}

/** A category of the demo config, with its share of the year's requests. */
export interface CategoryTopics {
  category: string;
  /** Relative frequency. */
  weight: number;
  topics: readonly RequestTopic[];
}

/**
 * The categories and their topics, most frequent first. The weights follow what the service
 * station hears most: policy questions, park facilities and talent.
 */
export const categoryTopics: readonly CategoryTopics[] = [
  {
    category: 'policy',
    weight: 19,
    topics: [
      { title: '咨询高新技术企业认定申报条件', description: '企业计划明年申报国家高新技术企业，想了解研发费用占比、知识产权数量等认定条件及申报时间安排。' },
      { title: '咨询研发费用加计扣除政策', description: '财务人员对研发费用归集口径有疑问，希望了解加计扣除比例和需要留存的备查资料。' },
      { title: '了解专精特新中小企业培育政策', description: '企业近三年营收稳定增长，想了解专精特新中小企业的认定标准和培育支持措施。' },
      { title: '咨询科技创新券申领和使用办法', description: '企业需要委托第三方机构做产品检测，想了解创新券的申领流程和可抵扣的服务范围。' },
      { title: '咨询企业上规升级奖励政策', description: '企业今年营收预计突破两千万元，想了解纳入规上企业后的奖励标准和统计报送要求。' },
      { title: '了解数字经济产业扶持资金申报', description: '企业从事工业软件开发，想了解区级数字经济产业扶持资金的申报条件和截止时间。' },
      { title: '咨询首台套装备保险补偿政策', description: '企业研制的检测设备已完成首台交付，想了解保险补偿的申请条件和所需材料。' },
      { title: '咨询小微企业税费减免政策', description: '企业属于小型微利企业，想确认今年可以享受的增值税和所得税优惠政策。' },
      { title: '了解企业研发中心认定条件', description: '企业已组建二十余人的研发团队，想申报区级企业研发中心，咨询评审条件和流程。' },
    ],
  },
  {
    category: 'facilities',
    weight: 16,
    topics: [
      { title: '园区道路积水，车辆进出困难', description: '雨天园区主干道积水严重，货车和员工车辆进出不便，希望协调疏通排水管道。' },
      { title: '楼宇电梯频繁故障', description: '所在楼宇的货梯近一个月多次停运，影响货物上下楼，希望协调物业尽快检修。' },
      { title: '园区停车位紧张', description: '园区入驻企业增多，早晚高峰停车困难，希望协调增设临时停车区域。' },
      { title: '园区路灯损坏，夜间照明不足', description: '园区东侧道路多盏路灯不亮，员工夜间下班出行不便，希望尽快修复。' },
      { title: '园区垃圾清运不及时', description: '园区垃圾集中点近期清运不及时，夏季气味较大，希望协调增加清运频次。' },
      { title: '希望园区开通千兆光纤接入', description: '企业业务需要稳定的大带宽网络，目前园区仅有普通宽带，希望协调运营商接入光纤。' },
      { title: '厂区周边道路破损', description: '厂区门口道路路面破损，重型货车通行颠簸，希望协调相关部门修补。' },
      { title: '楼宇中央空调维修协调', description: '楼宇中央空调制冷效果差，物业称需业主方统一维修，希望社区协调各方尽快处理。' },
    ],
  },
  {
    category: 'talent',
    weight: 12,
    topics: [
      { title: '研发岗位招聘困难', description: '企业急需嵌入式软件工程师，招聘两个月仍未到岗，希望对接高校毕业生资源。' },
      { title: '咨询高层次人才认定和住房补贴', description: '企业新引进一名博士，想了解高层次人才分类认定和住房补贴的申请流程。' },
      { title: '希望参加街道专场招聘会', description: '企业今年计划招聘二十名技术工人，希望报名参加街道组织的专场招聘会。' },
      { title: '应届毕业生落户手续咨询', description: '企业录用了几名外省应届毕业生，想了解人才落户的条件和办理流程。' },
      { title: '申请入住人才公寓', description: '企业新入职员工较多，租房成本高，想了解人才公寓的申请条件和房源情况。' },
      { title: '技能人才培训补贴申请', description: '企业组织员工参加电工职业技能培训，想了解培训补贴的申请方式。' },
      { title: '外籍技术人员工作许可办理', description: '企业聘请的一名外籍工程师即将到岗，想了解外国人工作许可的办理流程。' },
    ],
  },
  {
    category: 'public_services',
    weight: 10,
    topics: [
      { title: '希望在园区附近增设公交站点', description: '园区员工多乘公交通勤，最近的站点步行需二十分钟，希望协调增设站点或调整线路。' },
      { title: '营业执照变更办理指引', description: '企业迁入新址后需要变更营业执照住所，希望了解办理材料和线上办理方式。' },
      { title: '证照办理希望帮办代办', description: '企业办理多项经营许可需要跑多个窗口，希望社区提供帮办代办服务。' },
      { title: '希望设立园区快递集中收发点', description: '园区快递投递分散，经常丢件，希望协调设立集中收发点。' },
      { title: '职工子女暑期托管需求', description: '暑期不少员工子女无人照看，希望社区协调开设暑期托管班。' },
      { title: '园区周边缺少职工食堂', description: '园区周边餐饮网点少，员工就餐不便，希望协调引入职工食堂或团餐服务。' },
      { title: '员工体检能否就近安排', description: '企业每年组织员工体检都要去较远的医院，希望了解能否在社区卫生服务站就近安排。' },
    ],
  },
  {
    category: 'other',
    weight: 9,
    topics: [
      { title: '申请借用社区会议室', description: '企业下周需要召开客户交流会，约三十人，希望借用党群服务中心的会议室。' },
      { title: '申请使用路演厅举办产品发布会', description: '企业新产品即将上市，希望借用社区路演厅举办发布会，并邀请园区企业参加。' },
      { title: '希望社区协助联系区级部门', description: '企业有事项需要与区级部门沟通，但不清楚具体对接科室，希望社区帮助联系。' },
      { title: '企业名称变更后门牌更新', description: '企业已完成名称变更，园区门牌和楼宇指引牌仍为旧名称，希望协调更换。' },
      { title: '了解参加展会的补贴', description: '企业计划参加下半年的行业展会，想了解是否有展位费补贴及申请方式。' },
      { title: '希望组织园区企业交流活动', description: '园区内上下游企业较多，希望社区牵头组织供需对接交流活动。' },
      { title: '客户长期拖欠服务费', description: '一家合作客户拖欠技术服务费近一年，多次催要无果，希望得到帮助。' },
    ],
  },
  {
    category: 'legal',
    weight: 9,
    topics: [
      { title: '40余个项目尾款未结', description: '企业为客户制作数字影像的40余个项目尾款未结，没有签订书面合同，只有聊天记录，单笔金额不大。', amount: [80_000, 400_000] },
      { title: '客户拖欠货款三个月未付', description: '客户收货后以资金周转为由拖延付款，已逾期三个月，希望了解催收的合法途径。', amount: [50_000, 600_000] },
      { title: '劳动合同条款审查', description: '企业修订了劳动合同模板，希望驻站律师帮助审查条款是否合法合规。' },
      { title: '商标被抢注，咨询维权途径', description: '企业使用多年的产品名称被他人抢先注册商标，想了解异议和维权途径。', amount: [10_000, 100_000] },
      { title: '厂房租赁合同纠纷咨询', description: '出租方要求提前收回厂房，企业认为违反租赁合同约定，希望得到法律意见。', amount: [100_000, 800_000] },
      { title: '软件著作权登记与保护咨询', description: '企业自主开发了多款软件，希望了解著作权登记流程和被侵权时的维权方式。' },
      { title: '员工竞业限制协议咨询', description: '核心技术人员离职后到竞争对手处任职，企业想了解竞业限制协议的效力。', amount: [20_000, 200_000] },
    ],
  },
  {
    category: 'finance',
    weight: 8,
    topics: [
      { title: '希望对接银行科技贷款', description: '企业处于研发投入期，流动资金紧张，希望对接银行的科技型企业信用贷款产品。' },
      { title: '咨询政府性融资担保服务', description: '企业缺少抵押物，想了解政府性融资担保机构的担保条件和费率。' },
      { title: '希望对接天使投资机构', description: '企业已完成产品原型，正在寻求首轮融资，希望社区推荐对接投资机构。' },
      { title: '贷款贴息资金拨付进度查询', description: '企业去年申请的贷款贴息已通过审核，想了解资金拨付时间。' },
      { title: '知识产权质押融资咨询', description: '企业拥有十余项发明专利，想了解知识产权质押融资的办理流程。' },
      { title: '上市辅导相关咨询', description: '企业计划三年内申报上市，想了解区里的上市培育政策和辅导服务。' },
    ],
  },
  {
    category: 'complaint',
    weight: 6,
    topics: [
      { title: '园区周边夜间施工噪声扰民', description: '园区北侧工地夜间施工噪声大，影响值班员工休息，希望协调规范施工时间。' },
      { title: '反映物业服务收费不合理', description: '楼宇物业今年上调服务费，未提前公示收费依据，企业对此有异议。' },
      { title: '园区门口占道经营影响通行', description: '园区门口有流动摊贩占道经营，上下班时段车辆通行困难。' },
      { title: '相邻企业排放异味', description: '相邻厂区生产时排放刺激性气味，影响员工正常工作，希望有关部门核查。' },
      { title: '反映窗口办事等候时间过长', description: '企业经办人在办事窗口排队等候两个多小时，希望改进预约和叫号服务。' },
    ],
  },
  {
    category: 'safety',
    weight: 5,
    topics: [
      { title: '厂房消防通道被货物堵塞', description: '相邻企业长期在消防通道堆放货物，存在安全隐患，希望尽快督促清理。' },
      { title: '仓库存放化学品存在安全隐患', description: '园区内有仓库存放油漆等易燃化学品，未见安全警示和防护措施。' },
      { title: '园区燃气管道疑似泄漏', description: '员工在园区食堂附近闻到明显燃气味，担心管道泄漏，希望尽快排查。' },
      { title: '配电房设备老化', description: '园区配电房设备使用多年，近期多次跳闸，担心存在用电安全问题。' },
      { title: '厂区围墙出现裂缝', description: '连续降雨后厂区围墙出现明显裂缝，有倾倒风险，希望尽快处置。' },
    ],
  },
  {
    category: 'party',
    weight: 6,
    topics: [
      { title: '非公企业党支部组建咨询', description: '企业现有正式党员五名，想了解成立党支部的条件和程序。' },
      { title: '希望联合开展主题党日活动', description: '企业党支部希望与社区党支部联合开展主题党日活动，请社区协助安排。' },
      { title: '党员组织关系转接咨询', description: '新入职员工是党员，想了解组织关系转入企业党支部的办理流程。' },
      { title: '申请党建指导员驻企指导', description: '企业党支部刚成立，希望社区安排党建指导员帮助规范组织生活。' },
      { title: '预约党群服务中心活动场地', description: '企业党支部计划组织党员学习活动，希望预约党群服务中心的活动室。' },
    ],
  },
];
