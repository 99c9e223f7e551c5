/**
 * Word lists the name generators draw from. Everything here is invented or generic: no list
 * comes from a real register of people or companies, so generated records never describe a
 * real person (the domain's rule: never ship real people's data).
 */

/** Common surnames, most frequent first; the generator weights them by position. */
export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余', '于', '杜', '叶', '程', '魏', '苏', '吕', '丁',
  '任', '沈', '姚', '卢', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖', '金', '石', '戴', '方',
  '邵', '孟', '章', '楼', '俞', '应',
] as const;

/**
 * Characters for given names, grouped by the impression they usually give, so that one name
 * does not mix e.g. 刚 with 秀. One or two are combined with the neutral ones.
 */
export const givenNameCharacters = {
  masculine: ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '超', '刚', '鹏', '辉', '建', '斌', '浩', '凯', '昊', '峰', '波', '俊', '志', '国', '亮', '健', '锋', '毅', '哲', '航', '博', '轩'],
  feminine: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '秀', '霞', '萍', '红', '欣', '怡', '婷', '雪', '琳', '晶', '妍', '悦', '彤', '诗', '丹', '倩', '慧', '颖', '莉', '璐', '涵', '佳', '雅'],
  neutral: ['明', '文', '宇', '晨', '思', '嘉', '子', '梓', '睿', '泽', '然', '雨', '宁', '安', '晓', '海', '立', '新', '逸', '远', '越', '可', '一', '清', '舟', '华', '平', '玉'],
} as const;

/** Characters for enterprise trade names (字号); two are combined, e.g. 云栖. */
export const tradeNameCharacters = [
  '云', '栖', '数', '像', '智', '联', '创', '恒', '辰', '启', '航', '星', '睿', '融', '汇', '鼎',
  '泽', '朗', '锐', '谷', '原', '川', '禾', '优', '德', '聚', '信', '达', '博', '雅', '澜', '峰',
  '安', '瑞', '晟', '弘', '宸', '宇', '极', '光', '影', '蓝', '青', '合', '品', '嘉', '逸', '卓',
  '越', '领', '途', '旭', '晨', '易', '迅', '捷', '微', '元', '素', '维', '度', '方', '格', '致',
  '知', '明', '岚', '清', '远', '景', '泰', '盛', '臻', '觉', '思', '衡', '拓', '源', '帆', '溪',
  '麦', '橙', '芯', '弈', '策', '酷', '米', '乐', '享', '泓', '沐', '桥', '舜', '垣', '朴', '攸',
] as const;

/**
 * Industries with their relative share in the demo and the descriptors (行业表述) that go
 * between the trade name and 有限公司. Digital industries dominate, as around 梦想小镇.
 */
export const industryProfiles = [
  { industry: '数字经济', weight: 30, descriptors: ['数字科技', '信息技术', '网络科技', '软件', '数据科技', '云计算科技', '数像科技'] },
  { industry: '人工智能', weight: 12, descriptors: ['智能科技', '人工智能科技', '机器人科技', '智算科技', '视觉科技'] },
  { industry: '电子商务', weight: 16, descriptors: ['电子商务', '网络技术', '供应链管理', '跨境电商', '贸易'] },
  { industry: '企业服务', weight: 14, descriptors: ['企业管理咨询', '人力资源', '知识产权代理', '财务咨询', '信息咨询'] },
  { industry: '文化创意', weight: 10, descriptors: ['文化传媒', '影视文化', '文化创意', '数字娱乐', '设计'] },
  { industry: '生物医药', weight: 7, descriptors: ['生物科技', '医药科技', '医疗器械', '生命科学'] },
  { industry: '智能制造', weight: 7, descriptors: ['智能装备', '精密机械', '自动化科技', '智能制造'] },
  { industry: '新材料', weight: 4, descriptors: ['新材料科技', '新能源科技', '材料科技', '环保科技'] },
] as const;

/** The industries the demo uses (产业分类). */
export const demoIndustries: readonly string[] = industryProfiles.map((profile) => profile.industry);

/** Enterprise labels (企业标签) the demo hands out. */
export const demoEnterpriseTags = [
  '科技型中小企业',
  '高新技术企业',
  '专精特新',
  '创新型中小企业',
  '规上企业',
  '雏鹰企业',
  '瞪羚企业',
  '大学生创业企业',
] as const;

/** Place-like first halves of park names. */
export const parkNamePrefixes = [
  '仓兴', '仓禾', '海创', '云谷', '星汇', '智汇', '数港', '创客', '鼎创', '汇智', '科泰', '明珠',
  '金穗', '银杏', '青藤', '锦绣', '和睦', '永福', '新峰', '梦溪', '禾丰', '未来', '良创', '启明',
  '聚英', '天阙', '云帆', '湖畔', '溪谷', '灵峰', '嘉禾', '荟智', '乐创', '瑞丰', '泰和', '宏图',
] as const;

/** Second halves of park names (园区). */
export const parkNameSuffixes = [
  '科创园', '创新园', '数字产业园', '产业园', '智造园', '孵化园', '众创园', '文创园', '科技园', '电商园',
] as const;

/** Village-like first halves of factory-area names (厂区). */
export const factoryAreaPrefixes = [
  '仓北', '仓南', '东明', '高桥', '宋村', '葛巷', '永乐', '新桥', '后湾', '龙泉', '上塘', '下埠',
  '沿河', '西岸', '南湖', '北苑',
] as const;

/** Invented road names for addresses (no claim that a number exists on a real road). */
export const roadNames = [
  '梦想路', '创新路', '仓兴街', '科创大道', '未来路', '数港路', '禾丰路', '良创路', '青藤街', '星汇路',
  '仓溪路', '金穗路',
] as const;
