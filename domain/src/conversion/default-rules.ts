import type { Condition, RuleSet } from './rule-set.js';

/**
 * The national rules as of 2020–2022, as DOMAIN.md records them, with their sources and confidence.
 * Every number is a parameter: provinces change them and add their own versions. Where DOMAIN.md marks
 * a fact M or L the pathway's note says so.
 */

const years = (param: string) => ({ param });
const notHolds = (kind: 'skill_level' | 'title', minLevel: string): Condition => ({
  type: 'not',
  condition: { type: 'holds', kind, minLevel },
  label:
    kind === 'title'
      ? { zh: '尚未取得该级或更高职称', en: 'Does not already hold this title level or higher' }
      : { zh: '尚未取得该级或更高技能等级', en: 'Does not already hold this skill level or higher' },
});

const NATIONAL_COMPETITION_TOP = ['全国技术能手', '全国一类职业技能大赛前5名', '全国职业技能大赛获奖'];
const NATIONAL_COMPETITION_RUNNERS = ['全国一类职业技能大赛第6至20名'];
const TOP_HONOURS = ['中华技能大奖', '世界技能大赛金牌'];

export const DEFAULT_RULE_SET: RuleSet = {
  code: 'national',
  name: { zh: '技能人才与专业技术人才贯通规则（全国通用）', en: 'Skill and professional-title channels (national rules)' },
  effectiveFrom: '2020-12-01',
  effectiveTo: null,
  sources: [
    {
      id: 'mohrss-2020-96',
      title: '关于进一步加强高技能人才与专业技术人才职业发展贯通的实施意见',
      number: '人社部发〔2020〕96号',
      issuer: '人力资源社会保障部',
      year: 2020,
      confidence: 'H',
    },
    {
      id: 'engineering-trial-2018',
      title: '关于在工程技术领域实现高技能人才与工程技术人才职业发展贯通的意见（试行）',
      issuer: '人力资源社会保障部',
      year: 2018,
      confidence: 'M',
      note: '2020 年文件的前身，仅限工程技术领域；文号待核。',
    },
    {
      id: 'eight-level-2022',
      title: '新时代技能人才职业技能等级制度（新八级工）',
      issuer: '人力资源社会保障部',
      year: 2022,
      confidence: 'H',
      note: '湖北实施文件：鄂人社发〔2024〕10号。特级技师、首席技师待遇参照正高级（M）。',
    },
    {
      id: 'skill-standard-template',
      title: '国家职业技能标准（申报条件通用模板）',
      issuer: '人力资源社会保障部',
      confidence: 'M',
      note: '各职业标准版本的年限不尽相同（M–H），以所申报职业的现行标准为准。',
    },
    {
      id: 'technical-school-equivalence',
      title: '技工院校毕业生享受相应学历待遇的规定',
      issuer: '人力资源社会保障部',
      confidence: 'H',
      note: '仅用于职称评审、职业资格考试、事业单位公开招聘、征兵入伍，不作为学历。',
    },
    {
      id: 'competition-promotion',
      title: '职业技能竞赛获奖选手晋升职业技能等级的规定',
      issuer: '人力资源社会保障部',
      confidence: 'H',
      note: '竞赛名次以荣誉名称记录；各省规则不同，需人社部门审核。',
    },
    {
      id: 'province-green-channel',
      title: '省级高技能人才评审绿色通道（各省规定）',
      confidence: 'M',
      note: '中华技能大奖、世界技能大赛金牌等可直接申报正高级，各省规定不同。',
    },
  ],
  parameters: [
    {
      key: 'senior_to_assistant_years',
      value: 2,
      unit: 'years',
      description: { zh: '高级工取得后从事技术工作年限 → 助理级', en: 'Years of technical work after 高级工 → assistant title' },
      confidence: 'H',
      source: 'mohrss-2020-96',
    },
    {
      key: 'technician_to_intermediate_years',
      value: 3,
      unit: 'years',
      description: { zh: '技师取得后从事技术工作年限 → 中级职称', en: 'Years of technical work after 技师 → intermediate title' },
      confidence: 'H',
      source: 'mohrss-2020-96',
    },
    {
      key: 'senior_technician_to_deputy_senior_years',
      value: 4,
      unit: 'years',
      description: {
        zh: '高级技师取得后从事技术工作年限 → 副高级职称',
        en: 'Years of technical work after 高级技师 → deputy senior title',
      },
      confidence: 'H',
      source: 'mohrss-2020-96',
    },
    {
      key: 'title_to_skill_years',
      value: 1,
      unit: 'years',
      description: { zh: '取得职称后年限 → 相应技能等级', en: 'Years after a title → the matching skill level' },
      confidence: 'H',
      source: 'mohrss-2020-96',
    },
    {
      key: 'lower_title_alternative_years',
      value: 5,
      unit: 'years',
      description: {
        zh: '低一级职称的替代年限（并取得相应技能等级满1年）',
        en: 'Alternative years on the title one level down (plus 1 year on the skill level)',
      },
      confidence: 'M',
      source: 'mohrss-2020-96',
    },
    {
      key: 'intermediate_work_years',
      value: 5,
      unit: 'years',
      description: { zh: '中级工：本职业工作年限', en: '中级工: years in the trade' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
    {
      key: 'intermediate_after_junior_years',
      value: 3,
      unit: 'years',
      description: { zh: '中级工：取得初级工后年限', en: '中级工: years after 初级工' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
    {
      key: 'senior_work_years',
      value: 10,
      unit: 'years',
      description: { zh: '高级工：本职业工作年限', en: '高级工: years in the trade' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
    {
      key: 'senior_after_intermediate_years',
      value: 4,
      unit: 'years',
      description: { zh: '高级工：取得中级工后年限', en: '高级工: years after 中级工' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
    {
      key: 'technician_after_senior_years',
      value: 5,
      unit: 'years',
      description: { zh: '技师：取得高级工后年限', en: '技师: years after 高级工' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
    {
      key: 'senior_technician_after_technician_years',
      value: 5,
      unit: 'years',
      description: { zh: '高级技师：取得技师后年限', en: '高级技师: years after 技师' },
      confidence: 'M',
      source: 'skill-standard-template',
    },
  ],
  fields: [
    {
      code: 'engineering',
      name: { zh: '工程技术', en: 'engineering' },
      // Occupation groups 6 (production) and 4 (production services) feed the engineering series: an
      // inference (L) for the demo; provinces publish the occupation ↔ specialty table.
      occupationPrefixes: ['6-', '4-'],
      seriesNames: ['engineering', '工程', '工程技术'],
    },
    {
      code: 'agriculture',
      name: { zh: '农业技术', en: 'agriculture' },
      occupationPrefixes: ['5-'],
      seriesNames: ['agriculture', '农业', '农业技术'],
    },
  ],
  pathways: [
    // ——— skill level → title (人社部发〔2020〕96号) ———
    {
      id: 'skill-to-title-assistant',
      name: { zh: '高级工申报助理级职称（工程技术）', en: '高级工 → assistant engineer title' },
      channel: 'skill_to_title',
      grants: { kind: 'title', level: 'assistant' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'H',
      note: {
        zh: '各省可另加条件（如近三年年度考核合格，M），请在省级版本中补充。',
        en: 'Provinces may add conditions (e.g. last three annual appraisals passed, M): add them in the provincial version.',
      },
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'frontline' },
          {
            type: 'holds',
            kind: 'skill_level',
            minLevel: 'senior',
            related: true,
            years: years('senior_to_assistant_years'),
            yearsOf: 'work',
          },
          notHolds('title', 'assistant'),
        ],
      },
    },
    {
      id: 'skill-to-title-intermediate',
      name: { zh: '技师申报中级职称（工程技术）', en: '技师 → engineer (intermediate title)' },
      channel: 'skill_to_title',
      grants: { kind: 'title', level: 'intermediate' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'frontline' },
          {
            type: 'holds',
            kind: 'skill_level',
            minLevel: 'technician',
            related: true,
            years: years('technician_to_intermediate_years'),
            yearsOf: 'work',
          },
          notHolds('title', 'intermediate'),
        ],
      },
      exceptions: [
        {
          id: 'outstanding-technician',
          name: { zh: '技术能手破格（示例，L）', en: 'Outstanding-technician exception (illustrative, L)' },
          source: 'province-green-channel',
          confidence: 'L',
          condition: {
            type: 'allOf',
            conditions: [
              { type: 'holds', kind: 'skill_level', minLevel: 'technician', related: true },
              { type: 'holds', kind: 'honor', names: ['全国技术能手', '湖北省技术能手', '荆楚工匠'] },
              notHolds('title', 'intermediate'),
            ],
          },
        },
      ],
    },
    {
      id: 'skill-to-title-deputy-senior',
      name: { zh: '高级技师申报副高级职称（工程技术）', en: '高级技师 → senior engineer (deputy senior title)' },
      channel: 'skill_to_title',
      grants: { kind: 'title', level: 'deputy_senior' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'frontline' },
          {
            type: 'holds',
            kind: 'skill_level',
            minLevel: 'senior_technician',
            related: true,
            years: years('senior_technician_to_deputy_senior_years'),
            yearsOf: 'work',
          },
          notHolds('title', 'deputy_senior'),
        ],
      },
    },
    {
      id: 'green-channel-senior',
      name: { zh: '顶尖技能荣誉绿色通道申报正高级职称', en: 'Top skill honours: green channel to a senior title' },
      channel: 'green_channel',
      grants: { kind: 'title', level: 'senior' },
      issuesCredential: true,
      field: 'engineering',
      source: 'province-green-channel',
      confidence: 'M',
      note: {
        zh: '各省规定不同（M），请按本省文件核对荣誉名单。',
        en: 'Province-specific (M): check the honour list against the provincial rules.',
      },
      condition: { type: 'allOf', conditions: [{ type: 'holds', kind: 'honor', names: TOP_HONOURS }, notHolds('title', 'senior')] },
    },
    // ——— title → skill level (the reverse channel) ———
    {
      id: 'title-to-skill-senior',
      name: { zh: '初级职称申报高级工', en: 'Junior title → 高级工' },
      channel: 'title_to_skill',
      grants: { kind: 'skill_level', level: 'senior' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'holds', kind: 'title', minLevel: 'entry', related: true, years: years('title_to_skill_years') },
          { type: 'occupation' },
          notHolds('skill_level', 'senior'),
        ],
      },
    },
    {
      id: 'title-to-skill-technician',
      name: { zh: '中级职称申报技师', en: 'Intermediate title → 技师' },
      channel: 'title_to_skill',
      grants: { kind: 'skill_level', level: 'technician' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [
          {
            type: 'anyOf',
            conditions: [
              { type: 'holds', kind: 'title', minLevel: 'intermediate', related: true, years: years('title_to_skill_years') },
              {
                type: 'allOf',
                conditions: [
                  { type: 'holds', kind: 'title', minLevel: 'entry', related: true, years: years('lower_title_alternative_years') },
                  { type: 'holds', kind: 'skill_level', minLevel: 'senior', years: years('title_to_skill_years') },
                ],
              },
            ],
          },
          { type: 'occupation' },
          notHolds('skill_level', 'technician'),
        ],
      },
    },
    {
      id: 'title-to-skill-senior-technician',
      name: { zh: '副高级及以上职称申报高级技师', en: 'Deputy senior title → 高级技师' },
      channel: 'title_to_skill',
      grants: { kind: 'skill_level', level: 'senior_technician' },
      issuesCredential: true,
      field: 'engineering',
      source: 'mohrss-2020-96',
      confidence: 'M',
      note: {
        zh: '此行在 DOMAIN.md 中为 M（单一来源），年限可调。',
        en: 'This row is M (one source) in DOMAIN.md; the years are parameters.',
      },
      condition: {
        type: 'allOf',
        conditions: [
          {
            type: 'anyOf',
            conditions: [
              { type: 'holds', kind: 'title', minLevel: 'deputy_senior', related: true, years: years('title_to_skill_years') },
              {
                type: 'allOf',
                conditions: [
                  { type: 'holds', kind: 'title', minLevel: 'intermediate', related: true, years: years('lower_title_alternative_years') },
                  { type: 'holds', kind: 'skill_level', minLevel: 'technician', years: years('title_to_skill_years') },
                ],
              },
            ],
          },
          { type: 'occupation' },
          notHolds('skill_level', 'senior_technician'),
        ],
      },
    },
    // ——— the skill ladder by years (national occupational standards' template) ———
    {
      id: 'ladder-intermediate',
      name: { zh: '申报中级工（四级）', en: 'Apply for 中级工 (grade 4)' },
      channel: 'skill_ladder',
      grants: { kind: 'skill_level', level: 'intermediate' },
      issuesCredential: true,
      source: 'skill-standard-template',
      confidence: 'M',
      note: { zh: '年限随各职业标准版本不同（M–H）。', en: 'Years vary by the edition of each occupational standard (M–H).' },
      condition: {
        type: 'allOf',
        conditions: [
          {
            type: 'anyOf',
            conditions: [
              { type: 'workYears', years: years('intermediate_work_years') },
              { type: 'holds', kind: 'skill_level', levels: ['junior'], years: years('intermediate_after_junior_years') },
              {
                type: 'holds',
                kind: 'academic',
                levels: ['secondary_vocational', 'intermediate_worker_class', 'senior_worker_class', 'preparatory_technician_class'],
              },
            ],
          },
          notHolds('skill_level', 'intermediate'),
        ],
      },
    },
    {
      id: 'ladder-senior',
      name: { zh: '申报高级工（三级）', en: 'Apply for 高级工 (grade 3)' },
      channel: 'skill_ladder',
      grants: { kind: 'skill_level', level: 'senior' },
      issuesCredential: true,
      source: 'skill-standard-template',
      confidence: 'M',
      note: { zh: '年限随各职业标准版本不同（M–H）。', en: 'Years vary by the edition of each occupational standard (M–H).' },
      condition: {
        type: 'allOf',
        conditions: [
          {
            type: 'anyOf',
            conditions: [
              { type: 'workYears', years: years('senior_work_years') },
              { type: 'holds', kind: 'skill_level', levels: ['intermediate'], years: years('senior_after_intermediate_years') },
              { type: 'holds', kind: 'academic', levels: ['senior_worker_class', 'preparatory_technician_class'] },
            ],
          },
          notHolds('skill_level', 'senior'),
        ],
      },
    },
    {
      id: 'ladder-technician',
      name: { zh: '申报技师（二级）', en: 'Apply for 技师 (grade 2)' },
      channel: 'skill_ladder',
      grants: { kind: 'skill_level', level: 'technician' },
      issuesCredential: true,
      source: 'skill-standard-template',
      confidence: 'M',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'holds', kind: 'skill_level', levels: ['senior'], years: years('technician_after_senior_years') },
          notHolds('skill_level', 'technician'),
        ],
      },
    },
    {
      id: 'ladder-senior-technician',
      name: { zh: '申报高级技师（一级）', en: 'Apply for 高级技师 (grade 1)' },
      channel: 'skill_ladder',
      grants: { kind: 'skill_level', level: 'senior_technician' },
      issuesCredential: true,
      source: 'skill-standard-template',
      confidence: 'M',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'holds', kind: 'skill_level', levels: ['technician'], years: years('senior_technician_after_technician_years') },
          notHolds('skill_level', 'senior_technician'),
        ],
      },
    },
    // ——— competitions → promotion ———
    {
      id: 'competition-technician',
      name: { zh: '竞赛获奖晋升技师', en: 'Competition prize → 技师' },
      channel: 'competition',
      grants: { kind: 'skill_level', level: 'technician' },
      issuesCredential: true,
      source: 'competition-promotion',
      confidence: 'H',
      note: {
        zh: '全国一类竞赛前5名（全国技术能手）、全国职业技能大赛优胜奖以上；已是技师者晋升高级技师。省级规则不同，经人社部门审核。',
        en: 'National class-1 contests top 5 (全国技术能手), any national vocational skills competition prize; 技师 move to 高级技师. Provincial rules differ and need the HR department’s approval.',
      },
      condition: {
        type: 'allOf',
        conditions: [{ type: 'holds', kind: 'honor', names: NATIONAL_COMPETITION_TOP }, notHolds('skill_level', 'technician')],
      },
    },
    {
      id: 'competition-senior-technician',
      name: { zh: '技师竞赛获奖晋升高级技师', en: 'Competition prize as 技师 → 高级技师' },
      channel: 'competition',
      grants: { kind: 'skill_level', level: 'senior_technician' },
      issuesCredential: true,
      source: 'competition-promotion',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [
          { type: 'holds', kind: 'honor', names: NATIONAL_COMPETITION_TOP },
          { type: 'holds', kind: 'skill_level', minLevel: 'technician' },
          notHolds('skill_level', 'senior_technician'),
        ],
      },
    },
    {
      id: 'competition-senior',
      name: { zh: '全国一类竞赛第6至20名晋升高级工', en: 'National class-1 contest places 6–20 → 高级工' },
      channel: 'competition',
      grants: { kind: 'skill_level', level: 'senior' },
      issuesCredential: true,
      source: 'competition-promotion',
      confidence: 'H',
      condition: {
        type: 'allOf',
        conditions: [{ type: 'holds', kind: 'honor', names: NATIONAL_COMPETITION_RUNNERS }, notHolds('skill_level', 'senior')],
      },
    },
    // ——— treatment equivalence (informational: no credential is issued) ———
    {
      id: 'treatment-senior-assistant',
      name: { zh: '高级工享受助理级待遇', en: '高级工 treated like an assistant title' },
      channel: 'treatment',
      grants: { kind: 'title', level: 'assistant' },
      issuesCredential: false,
      source: 'mohrss-2020-96',
      confidence: 'M',
      note: { zh: '地方政策的待遇参照（M），不是职称。', en: 'A local treatment reference (M), not a title.' },
      condition: { type: 'holds', kind: 'skill_level', minLevel: 'senior' },
    },
    {
      id: 'treatment-technician-intermediate',
      name: { zh: '技师享受中级职称待遇', en: '技师 treated like an intermediate title' },
      channel: 'treatment',
      grants: { kind: 'title', level: 'intermediate' },
      issuesCredential: false,
      source: 'mohrss-2020-96',
      confidence: 'M',
      note: { zh: '地方政策的待遇参照（M），不是职称。', en: 'A local treatment reference (M), not a title.' },
      condition: { type: 'holds', kind: 'skill_level', minLevel: 'technician' },
    },
    {
      id: 'treatment-senior-technician-deputy',
      name: { zh: '高级技师享受副高级职称待遇', en: '高级技师 treated like a deputy senior title' },
      channel: 'treatment',
      grants: { kind: 'title', level: 'deputy_senior' },
      issuesCredential: false,
      source: 'mohrss-2020-96',
      confidence: 'M',
      note: { zh: '地方政策的待遇参照（M），不是职称。', en: 'A local treatment reference (M), not a title.' },
      condition: { type: 'holds', kind: 'skill_level', minLevel: 'senior_technician' },
    },
    {
      id: 'treatment-principal-senior',
      name: { zh: '特级技师、首席技师参照正高级待遇', en: '特级技师 and 首席技师 treated like a senior title' },
      channel: 'treatment',
      grants: { kind: 'title', level: 'senior' },
      issuesCredential: false,
      source: 'eight-level-2022',
      confidence: 'M',
      note: {
        zh: '特级技师参照正高级（M）；首席技师待遇不低于特级技师（M）。',
        en: '特级技师 like 正高级 (M); 首席技师 paid not below 特级技师 (M).',
      },
      condition: { type: 'holds', kind: 'skill_level', minLevel: 'principal_technician' },
    },
    // ——— technical-school classes ↔ academic records (only for the named purposes) ———
    {
      id: 'equivalence-intermediate-class',
      name: { zh: '中级工班毕业视同中专', en: 'Intermediate-worker class counts as secondary vocational' },
      channel: 'academic_equivalence',
      grants: {
        kind: 'academic',
        level: 'secondary_vocational',
        purposes: ['title_review', 'qualification_exam', 'public_institution_hiring', 'conscription'],
      },
      issuesCredential: false,
      source: 'technical-school-equivalence',
      confidence: 'H',
      condition: { type: 'holds', kind: 'academic', levels: ['intermediate_worker_class'] },
    },
    {
      id: 'equivalence-senior-class',
      name: { zh: '高级工班毕业视同大专', en: 'Senior-worker class counts as junior college' },
      channel: 'academic_equivalence',
      grants: {
        kind: 'academic',
        level: 'junior_college',
        purposes: ['title_review', 'qualification_exam', 'public_institution_hiring', 'conscription'],
      },
      issuesCredential: false,
      source: 'technical-school-equivalence',
      confidence: 'H',
      condition: { type: 'holds', kind: 'academic', levels: ['senior_worker_class'] },
    },
    {
      id: 'equivalence-technician-class',
      name: { zh: '预备技师（技师）班毕业视同本科', en: 'Preparatory-technician class counts as bachelor' },
      channel: 'academic_equivalence',
      grants: {
        kind: 'academic',
        level: 'bachelor',
        purposes: ['title_review', 'qualification_exam', 'public_institution_hiring', 'conscription'],
      },
      issuesCredential: false,
      source: 'technical-school-equivalence',
      confidence: 'H',
      condition: { type: 'holds', kind: 'academic', levels: ['preparatory_technician_class'] },
    },
  ],
};
