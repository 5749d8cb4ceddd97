import type { Locale } from '@changai/contracts';

type Catalog = Record<string, { 'zh-CN': string; 'en-US': string }>;

/** Translations of error reasons. `{name}` placeholders take the error's params. */
const MESSAGES: Catalog = {
  validation_failed: { 'zh-CN': '提交的内容有误，请检查标出的字段。', 'en-US': 'Some fields are invalid; check the marked fields.' },
  invalid_json: { 'zh-CN': '请求体不是有效的 JSON。', 'en-US': 'The request body is not valid JSON.' },
  unauthenticated: { 'zh-CN': '请先登录。', 'en-US': 'Please sign in.' },
  session_expired: { 'zh-CN': '登录已过期，请重新登录。', 'en-US': 'Your session has expired; please sign in again.' },
  invalid_credentials: { 'zh-CN': '用户名或密码不正确。', 'en-US': 'Wrong username or password.' },
  account_locked: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请 {minutes} 分钟后再试。',
    'en-US': 'Too many failed sign-ins; the account is locked for {minutes} minutes.',
  },
  too_many_requests: { 'zh-CN': '请求过于频繁，请稍后再试。', 'en-US': 'Too many requests; try again shortly.' },
  csrf_failed: { 'zh-CN': '安全校验失败，请刷新页面后重试。', 'en-US': 'Security check failed; reload the page and try again.' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限。', 'en-US': 'You do not have permission to do this.' },
  not_found: { 'zh-CN': '未找到该{entity}，或不在您的管辖范围内。', 'en-US': 'This {entity} was not found or is outside your scope.' },
  route_not_found: { 'zh-CN': '接口不存在。', 'en-US': 'No such API endpoint.' },
  conflict: { 'zh-CN': '操作与现有数据冲突。', 'en-US': 'The change conflicts with existing data.' },
  rule_violation: { 'zh-CN': '操作不符合业务规则。', 'en-US': 'The change breaks a business rule.' },
  payload_too_large: { 'zh-CN': '提交的内容过大。', 'en-US': 'The request is too large.' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型。', 'en-US': 'Unsupported content type.' },
  internal: {
    'zh-CN': '服务器内部错误，请稍后重试或联系管理员。',
    'en-US': 'Internal error; try again later or contact the administrator.',
  },
  // Specific reasons
  'org.code_taken': { 'zh-CN': '机构代码“{code}”已被使用。', 'en-US': 'Org code “{code}” is already in use.' },
  'org.has_children': {
    'zh-CN': '该机构下还有 {count} 个下级机构，不能删除，可改为停用。',
    'en-US': 'This org has {count} child orgs; it cannot be deleted (deactivate it instead).',
  },
  'org.is_referenced': {
    'zh-CN': '该机构仍被 {count} 条记录引用（{what}），不能删除，可改为停用。',
    'en-US': 'This org is still referenced by {count} records ({what}); deactivate it instead.',
  },
  'org.move_into_own_subtree': {
    'zh-CN': '不能把机构移动到它自己或它的下级机构下面。',
    'en-US': 'An org cannot be moved under itself or its own descendants.',
  },
  'org.parent_inactive': { 'zh-CN': '上级机构已停用。', 'en-US': 'The parent org is deactivated.' },
  'org.root_immutable': {
    'zh-CN': '省级根机构不能移动、停用或删除。',
    'en-US': 'The province root cannot be moved, deactivated or deleted.',
  },
  'org.has_active_children': {
    'zh-CN': '请先停用其 {count} 个在用的下级机构。',
    'en-US': 'Deactivate its {count} active child orgs first.',
  },
  'org.has_active_users': {
    'zh-CN': '该机构还有 {count} 个在用账号，请先停用或调走。',
    'en-US': 'This org still has {count} active user accounts; deactivate or move them first.',
  },
  'org.not_enterprise': { 'zh-CN': '只有企业类型的机构才有企业信息。', 'en-US': 'Only enterprise orgs have an employer profile.' },
  'org.credit_code_taken': {
    'zh-CN': '统一社会信用代码“{code}”已登记在其他单位。',
    'en-US': 'Credit code “{code}” is already recorded for another org.',
  },
  'org.outside_scope': { 'zh-CN': '目标机构不在您的管辖范围内。', 'en-US': 'The target org is outside your scope.' },
  'org.own_org': { 'zh-CN': '不能移动、停用或删除自己所在的机构。', 'en-US': 'You cannot move, deactivate or delete your own org.' },
  'network.overlap': {
    'zh-CN': '该单位在 {from} 起已有重叠的“{role}”任期。',
    'en-US': 'The unit already holds role “{role}” in an overlapping period from {from}.',
  },
  'network.ended_before_start': {
    'zh-CN': '结束日期不能早于开始日期 {from}。',
    'en-US': 'The end date cannot be before the start date {from}.',
  },
  'user.username_taken': { 'zh-CN': '用户名“{username}”已被使用。', 'en-US': 'Username “{username}” is already taken.' },
  'user.role_not_assignable': { 'zh-CN': '您不能分配角色“{role}”。', 'en-US': 'You cannot assign the role “{role}”.' },
  'user.self_change': {
    'zh-CN': '不能修改自己的角色、机构或停用自己。',
    'en-US': 'You cannot change your own role or org, or deactivate yourself.',
  },
  'user.inactive_org': { 'zh-CN': '不能把用户放在已停用的机构。', 'en-US': 'Users cannot be placed in a deactivated org.' },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确。', 'en-US': 'The current password is wrong.' },
  'auth.same_password': { 'zh-CN': '新密码不能与当前密码相同。', 'en-US': 'The new password must differ from the current one.' },
  'auth.must_change_password': { 'zh-CN': '请先修改初始密码。', 'en-US': 'Change your initial password first.' },
  'setup.no_reference_data': {
    'zh-CN': '尚未加载机构基础数据，请先运行迁移。',
    'en-US': 'Reference data is missing; run the migrations first.',
  },
  'setup.already_done': { 'zh-CN': '系统已完成初始化。', 'en-US': 'The platform is already set up.' },
  'worker.id_number_taken': { 'zh-CN': '该身份证号的职工已在册。', 'en-US': 'A worker with this ID number is already registered.' },
  'credential.duplicate': { 'zh-CN': '该证书已登记。', 'en-US': 'This credential is already recorded.' },
  'credential.already_revoked': { 'zh-CN': '该证书已被撤销。', 'en-US': 'This credential is already revoked.' },
  'org.no_division': { 'zh-CN': '无法确定该单位所在的行政区划。', 'en-US': 'The division this org lies in cannot be determined.' },
  'import.file_too_large': { 'zh-CN': '文件超过 {mb} MB 上限。', 'en-US': 'The file exceeds the {mb} MB limit.' },
  'import.file_required': { 'zh-CN': '请选择要上传的文件。', 'en-US': 'Choose a file to upload.' },
  'import.no_header': {
    'zh-CN': '未找到表头：前 30 行中没有可识别的列名（如“姓名”“身份证号”）。',
    'en-US': 'No header row found: none of the first 30 rows names known columns (such as 姓名, 身份证号).',
  },
  'import.unknown_field': { 'zh-CN': '未知字段', 'en-US': 'Unknown field' },
  'import.no_such_column': { 'zh-CN': '文件中没有这一列', 'en-US': 'The file has no such column' },
  'import.required_field': { 'zh-CN': '必填字段必须对应到一列', 'en-US': 'A required field must be mapped to a column' },
  'import.employer_required': {
    'zh-CN': '缺少工作单位（名称、单位代码或统一社会信用代码）',
    'en-US': 'Employer missing (name, org code or credit code)',
  },
  'import.employer_ambiguous': {
    'zh-CN': '管辖范围内有多个同名单位，请改填单位代码或统一社会信用代码',
    'en-US': 'Several orgs in your scope have this name; use the org code or credit code',
  },
  'import.employer_not_found': {
    'zh-CN': '工作单位不存在、已停用或不在您的管辖范围内',
    'en-US': 'Employer not found, deactivated or outside your scope',
  },
  'import.worker_outside_scope': {
    'zh-CN': '该职工已登记在您管辖范围以外的单位，不能修改',
    'en-US': 'This worker is registered with an org outside your scope and cannot be changed here',
  },
  job_failed: {
    'zh-CN': '任务执行失败，请重试；如仍失败请联系管理员。',
    'en-US': 'The job failed; try again, and contact the administrator if it fails again.',
  },
  upload_malformed: {
    'zh-CN': '上传的数据不完整或格式错误，请重新上传。',
    'en-US': 'The upload is incomplete or malformed; upload again.',
  },
  file_empty: { 'zh-CN': '文件是空的。', 'en-US': 'The file is empty.' },
  file_xls: {
    'zh-CN': '不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv 后上传。',
    'en-US': 'Old .xls files are not supported; save as .xlsx or .csv.',
  },
  file_not_spreadsheet: { 'zh-CN': '文件不是电子表格（xlsx 或 csv）。', 'en-US': 'The file is not a spreadsheet (xlsx or csv).' },
  file_corrupt: {
    'zh-CN': '文件已损坏或不完整，读取在此中断；之前的有效行已导入。',
    'en-US': 'The file is damaged or truncated; reading stopped here and the valid rows before it were imported.',
  },
  id_number_length: { 'zh-CN': '身份证号应为 18 位（或 15 位旧号）', 'en-US': 'An ID number has 18 digits (or 15 for old numbers)' },
  id_number_format: { 'zh-CN': '身份证号格式不正确', 'en-US': 'The ID number is malformed' },
  id_number_checksum: { 'zh-CN': '身份证号校验位不正确', 'en-US': 'The ID number check digit is wrong' },
  id_number_birth_date: { 'zh-CN': '身份证号中的出生日期无效', 'en-US': 'The birth date in the ID number is not a real date' },
  id_number_future_birth_date: { 'zh-CN': '身份证号中的出生日期晚于今天', 'en-US': 'The birth date in the ID number is in the future' },
  cursor_invalid: { 'zh-CN': '分页游标无效', 'en-US': 'Invalid paging cursor' },
  region_code_format: { 'zh-CN': '行政区划代码应为 6 位数字', 'en-US': 'A division code has 6 digits' },
  occupation_code_format: { 'zh-CN': '职业代码格式应为 X-XX-XX-XX', 'en-US': 'Occupation codes look like X-XX-XX-XX' },
  industry_division_format: { 'zh-CN': '行业代码应为 2 位数字（国民经济行业大类）', 'en-US': 'An industry division code has 2 digits' },
  date_format: { 'zh-CN': '日期格式无法识别', 'en-US': 'Unrecognised date format' },
  date_invalid_date: { 'zh-CN': '日期不存在', 'en-US': 'Not a real date' },
  date_out_of_range: { 'zh-CN': '日期超出合理范围', 'en-US': 'Date out of range' },
  yes_no_invalid: { 'zh-CN': '请填写“是”或“否”', 'en-US': 'Use yes or no (是/否)' },
  required: { 'zh-CN': '必填', 'en-US': 'Required' },
  name_too_long: { 'zh-CN': '姓名过长', 'en-US': 'Name too long' },
  gender_invalid: { 'zh-CN': '性别应为“男”或“女”', 'en-US': 'Gender must be 男 or 女' },
  gender_mismatch_id: { 'zh-CN': '性别与身份证号不符', 'en-US': 'Gender does not match the ID number' },
  birth_date_mismatch_id: { 'zh-CN': '出生日期与身份证号不符', 'en-US': 'Birth date does not match the ID number' },
  phone_invalid: { 'zh-CN': '电话号码无效', 'en-US': 'Invalid phone number' },
  credit_code_length: { 'zh-CN': '统一社会信用代码应为 18 位', 'en-US': 'A credit code has 18 characters' },
  credit_code_format: { 'zh-CN': '统一社会信用代码含有无效字符', 'en-US': 'The credit code has invalid characters' },
  credit_code_checksum: { 'zh-CN': '统一社会信用代码校验位不正确', 'en-US': 'The credit code check character is wrong' },
  skill_level_unknown: { 'zh-CN': '无法识别的职业技能等级', 'en-US': 'Unknown skill level' },
  required_with_skill_level: { 'zh-CN': '填写了技能等级时必须填写发证日期', 'en-US': 'A certificate date is required with a skill level' },
  title_level_unknown: { 'zh-CN': '无法识别的职称等级', 'en-US': 'Unknown title level' },
  required_with_title: { 'zh-CN': '填写了职称时必须填写取得日期', 'en-US': 'A date is required with a title' },
  issued_before_birth: { 'zh-CN': '发证日期早于出生日期', 'en-US': 'Issued before the holder was born' },
  issued_in_future: { 'zh-CN': '发证日期晚于今天', 'en-US': 'Issued in the future' },
  academic_level_unknown: { 'zh-CN': '无法识别的学历层次', 'en-US': 'Unknown academic level' },
  one_plus_x_level_unknown: { 'zh-CN': '1+X 证书等级应为初级、中级或高级', 'en-US': '1+X levels are elementary, intermediate or advanced' },
  credential_name_required: { 'zh-CN': '请填写证书或荣誉名称', 'en-US': 'Name the certificate or honor' },
  revoked_before_issued: { 'zh-CN': '撤销日期早于发证日期', 'en-US': 'Revoked before it was issued' },
  'policy.doc_number_taken': {
    'zh-CN': '文号“{docNumber}”已登记在另一项政策。',
    'en-US': 'Document number “{docNumber}” is already recorded for another policy.',
  },
  'policy.version_cycle': {
    'zh-CN': '不能把政策设为修订它自己或它的后续版本。',
    'en-US': 'A policy cannot revise itself or one of its later versions.',
  },
  'reform.file_too_large': { 'zh-CN': '文件超过 {mb} MB 上限。', 'en-US': 'The file exceeds the {mb} MB limit.' },
  'reform.file_type': { 'zh-CN': '只能上传 PDF 或 Word（.docx）文件。', 'en-US': 'Only PDF or Word (.docx) files can be uploaded.' },
  'reform.file_unknown': {
    'zh-CN': '附件不存在、未上传完成或不是您上传的文件。',
    'en-US': 'The attachment does not exist, is incomplete or was not uploaded by you.',
  },
  'reform.file_attached': { 'zh-CN': '该文件已作为附件使用。', 'en-US': 'This file is already attached elsewhere.' },
  'task.not_responsible': {
    'zh-CN': '只有任务的责任单位可以报送进展。',
    'en-US': 'Only the responsible unit can report on this task.',
  },
  'task.not_issuer': {
    'zh-CN': '只有任务的交办单位可以审核、调整期限或撤销任务。',
    'en-US': 'Only the issuing unit can review, change the deadline of or cancel this task.',
  },
  'task.closed': { 'zh-CN': '任务已完成或已撤销。', 'en-US': 'The task is completed or cancelled.' },
  'task.due_before_start': { 'zh-CN': '完成期限不能早于开始日期。', 'en-US': 'The deadline cannot be before the start date.' },
  'task.too_long': { 'zh-CN': '任务周期不能超过 10 年。', 'en-US': 'A task cannot run longer than 10 years.' },
  'task.same_deadline': { 'zh-CN': '新期限与当前期限相同。', 'en-US': 'The new deadline is the current one.' },
  'task.hand_down_target': {
    'zh-CN': '“{org}”不是本单位所在地区的下级单位，不能交办。',
    'en-US': '“{org}” is not a unit below this unit’s division; the task cannot be handed down to it.',
  },
  'task.already_handed_down': { 'zh-CN': '任务已交办给“{org}”。', 'en-US': 'The task was already handed down to “{org}”.' },
  'task.copy_due_after_task': {
    'zh-CN': '下级任务的期限不能晚于本级期限 {dueOn}。',
    'en-US': 'A handed-down copy cannot be due after the task itself ({dueOn}).',
  },
  'task.milestone_done': { 'zh-CN': '该节点已完成。', 'en-US': 'This milestone is already done.' },
  'report.no_such_period': { 'zh-CN': '任务没有“{period}”这个报送期。', 'en-US': 'The task has no reporting period “{period}”.' },
  'report.period_not_begun': { 'zh-CN': '报送期“{period}”尚未开始。', 'en-US': 'Reporting period “{period}” has not begun yet.' },
  'report.awaiting_review': { 'zh-CN': '本期报告已报送，正在等待审核。', 'en-US': 'This period’s report was filed and awaits review.' },
  'report.already_accepted': { 'zh-CN': '本期报告已通过审核。', 'en-US': 'This period’s report has already been accepted.' },
  'report.not_awaiting_review': { 'zh-CN': '该报告不在待审核状态。', 'en-US': 'This report is not awaiting review.' },
  'supervision.province_only': {
    'zh-CN': '只有省产改办可以运行全省督办检查。',
    'en-US': 'Only the provincial reform office can run the province-wide supervision check.',
  },
  period_format: { 'zh-CN': '报送期格式应为 2026-03 或 2026-Q1', 'en-US': 'A period looks like 2026-03 or 2026-Q1' },
  return_reason_required: { 'zh-CN': '退回时必须填写原因', 'en-US': 'Give a reason when returning a report' },
  // Conversion (贯通)
  'rules.none_in_force': { 'zh-CN': '{date} 没有生效的贯通规则。', 'en-US': 'No conversion rule set is in force on {date}.' },
  'rules.version_conflict': {
    'zh-CN': '规则已被他人同时保存，请刷新后重试。',
    'en-US': 'Someone saved the rules at the same time; reload and try again.',
  },
  'rules.syntax': { 'zh-CN': '语法错误', 'en-US': 'Syntax error' },
  'rules.unreadable': { 'zh-CN': '无法读取规则文本', 'en-US': 'The rule text cannot be read' },
  'rules.too_deep': { 'zh-CN': '规则嵌套层级过深', 'en-US': 'The rules are nested too deeply' },
  'rules.key_format': {
    'zh-CN': '只能包含小写字母、数字、下划线和连字符',
    'en-US': 'Lower-case letters, digits, underscores and hyphens only',
  },
  'rules.occupation_prefix_format': { 'zh-CN': '职业代码前缀格式应如 6- 或 6-18', 'en-US': 'Occupation prefixes look like 6- or 6-18' },
  'rules.duplicate_id': { 'zh-CN': '编号重复', 'en-US': 'Duplicate id' },
  'rules.unknown_parameter': { 'zh-CN': '引用了不存在的参数', 'en-US': 'Refers to an unknown parameter' },
  'rules.unknown_field': { 'zh-CN': '引用了不存在的领域', 'en-US': 'Refers to an unknown field' },
  'rules.unknown_source': { 'zh-CN': '引用了不存在的政策依据', 'en-US': 'Refers to an unknown source' },
  'rules.level_unknown': { 'zh-CN': '该类证书没有这个等级', 'en-US': 'No such level for this kind of credential' },
  'rules.names_only_for_honors': { 'zh-CN': '只有荣誉可以按名称匹配', 'en-US': 'Only honours match by name' },
  'rules.related_kind': {
    'zh-CN': '只有技能等级和职称可以要求专业对应',
    'en-US': 'Only skill levels and titles can require a corresponding field',
  },
  'rules.needs_field': { 'zh-CN': '该路径未指定领域（field），无法判断专业对应', 'en-US': 'The pathway names no field to correspond to' },
  'rules.equivalence_not_issued': { 'zh-CN': '学历视同不发证书', 'en-US': 'Academic equivalences issue no credential' },
  'application.unknown_pathway': { 'zh-CN': '现行规则中没有该路径', 'en-US': 'No such pathway in the rules in force' },
  'application.not_a_credential': {
    'zh-CN': '该路径只是待遇或学历视同，无需申请',
    'en-US': 'This pathway is a treatment or equivalence; there is nothing to apply for',
  },
  'application.not_eligible': {
    'zh-CN': '该职工目前不符合此路径的条件（预计 {from} 起符合）。',
    'en-US': 'The worker is not eligible for this pathway yet (expected from {from}).',
  },
  'application.already_open': {
    'zh-CN': '该职工已有此路径的在办申请。',
    'en-US': 'The worker already has an open application for this pathway.',
  },
  'application.illegal_transition': {
    'zh-CN': '申请当前状态为“{from}”，不能执行此操作。',
    'en-US': 'The application is “{from}”; this step is not allowed.',
  },
  'application.status_changed': {
    'zh-CN': '该申请已被他人处理，请刷新后查看。',
    'en-US': 'Someone else has just acted on this application; reload to see it.',
  },
  'application.reason_required': { 'zh-CN': '退回时请填写理由', 'en-US': 'Give a reason when rejecting' },
  'application.code_collision': { 'zh-CN': '验证码生成冲突，请重试。', 'en-US': 'Verification code collision; try again.' },
  'certificate.not_issued': { 'zh-CN': '该申请尚未批准，没有证书。', 'en-US': 'The application is not approved; there is no certificate.' },
  certificate_number_format: { 'zh-CN': '证书编号只能包含字母、数字和连字符', 'en-US': 'Letters, digits and hyphens only' },
  verification_code_format: { 'zh-CN': '验证码格式不正确', 'en-US': 'Not a valid verification code' },
  'carrier.worker_not_at_host': {
    'zh-CN': '带头人和成员须为依托单位（或其下级单位）在库职工。',
    'en-US': 'The leader and members must be registry workers of the host unit (or a unit below it).',
  },
  'carrier.status_changed': {
    'zh-CN': '该载体刚被他人处理，请刷新后查看。',
    'en-US': 'Someone else has just acted on this carrier; reload to see it.',
  },
  'carrier.illegal_transition': {
    'zh-CN': '载体当前状态为“{from}”，不能进行此操作。',
    'en-US': 'The carrier is “{from}”; this step is not allowed.',
  },
  'carrier.document_taken': {
    'zh-CN': '文号“{documentNumber}”已用于同名载体的认定。',
    'en-US': 'Document “{documentNumber}” already recognises a carrier of this name.',
  },
  'carrier.review_decided': { 'zh-CN': '{year} 年度考核已有结论，不能再修改。', 'en-US': 'The {year} annual review is already decided.' },
  'carrier.review_not_filed': {
    'zh-CN': '依托单位尚未报送 {year} 年度考核材料。',
    'en-US': 'The host has not filed the {year} annual review.',
  },
  'training.carrier_not_recognised': {
    'zh-CN': '只有已认定（未撤销）的载体才能承办培训项目。',
    'en-US': 'Only a recognised (not revoked) carrier can provide a training program.',
  },
  'training.program_full': { 'zh-CN': '培训项目名额已满（{capacity} 人）。', 'en-US': 'The program is full ({capacity} places).' },
  'training.program_closed': { 'zh-CN': '培训项目已结束报名。', 'en-US': 'The program is closed.' },
  'training.capacity_below_enrolled': {
    'zh-CN': '已有 {enrolled} 人报名，名额不能少于报名人数。',
    'en-US': '{enrolled} trainees are enrolled; the capacity cannot be lower.',
  },
  'training.capacity_below_enrolled_field': { 'zh-CN': '名额不能少于已报名人数', 'en-US': 'Not below the number enrolled' },
  'training.already_assessed': {
    'zh-CN': '该学员已考核合格并发证，结果不能再修改。',
    'en-US': 'This trainee has passed and holds the credential; the result is final.',
  },
  'training.not_completed': {
    'zh-CN': '学员须先完成培训才能登记考核结果。',
    'en-US': 'The trainee must complete the training before an assessment is recorded.',
  },
  'training.certificate_required': { 'zh-CN': '考核合格须填写证书编号。', 'en-US': 'A pass needs the certificate number.' },
  'training.worker_not_found': {
    'zh-CN': '有职工不在库中或不在您的管辖范围内。',
    'en-US': 'Some workers are not in the registry or outside your scope.',
  },
  'training.import_no_id_column': {
    'zh-CN': '表格中没有“身份证号”列。',
    'en-US': 'The sheet has no “身份证号” (ID number) column.',
  },
  'training.import_name_mismatch': { 'zh-CN': '姓名与库中职工“{name}”不一致', 'en-US': 'The name differs from the registry’s “{name}”' },
  'training.import_yes_no': { 'zh-CN': '请填写“是”或“否”', 'en-US': 'Write 是 (yes) or 否 (no)' },
  'training.import_result': { 'zh-CN': '考核结果应为“合格”或“不合格”', 'en-US': 'The result must be 合格 (passed) or 不合格 (failed)' },
  'achievement.worker_not_found': {
    'zh-CN': '团队成员须为您管辖范围内的在库职工。',
    'en-US': 'Team members must be registry workers within your scope.',
  },
  'achievement.illegal_transition': {
    'zh-CN': '成果当前状态为“{from}”，不能进行此操作。',
    'en-US': 'The achievement is “{from}”; this step is not allowed.',
  },
  'achievement.studio_not_innovation': {
    'zh-CN': '所选工作室不是创新工作室。',
    'en-US': 'The chosen carrier is not an innovation studio.',
  },
  // Field reasons (custom zod messages)
  text_nul: { 'zh-CN': '不能包含空字符（\\0）', 'en-US': 'Must not contain NUL (\\0) characters' },
  username_format: { 'zh-CN': '只能包含字母、数字、点、下划线和连字符', 'en-US': 'Only letters, digits, dots, underscores and hyphens' },
  org_code_format: { 'zh-CN': '只能包含字母、数字、下划线和连字符', 'en-US': 'Only letters, digits, underscores and hyphens' },
  phone_format: { 'zh-CN': '电话号码格式不正确', 'en-US': 'Not a valid phone number' },
  carrier_level_for_kind: { 'zh-CN': '该类载体没有这一级别', 'en-US': 'This kind of carrier has no such level' },
  carrier_studio_type: {
    'zh-CN': '创新工作室须选择类型（劳模/工匠/职工），其他载体不填',
    'en-US': 'Innovation studios need a type; other carriers have none',
  },
  assessed_on_required: { 'zh-CN': '请填写考核日期', 'en-US': 'Give the assessment date' },
  patent_number_format: { 'zh-CN': '专利号格式不正确', 'en-US': 'Not a valid patent number' },
  date_in_future: { 'zh-CN': '日期不能晚于今天', 'en-US': 'The date cannot be in the future' },
  date_range_order: { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  // ——— Reporting (reported data, forms, approval) ———
  'reporting.check.not_integer': { 'zh-CN': '应为整数。', 'en-US': 'Must be a whole number.' },
  'reporting.check.not_number': { 'zh-CN': '不是数字。', 'en-US': 'Not a number.' },
  'reporting.check.percent_range': { 'zh-CN': '百分比应在 0 到 100 之间。', 'en-US': 'A percentage must be between 0 and 100.' },
  'reporting.check.below_min': { 'zh-CN': '不能小于 {min}。', 'en-US': 'Must be at least {min}.' },
  'reporting.check.above_max': { 'zh-CN': '不能大于 {max}。', 'en-US': 'Must be at most {max}.' },
  'reporting.check.missing': { 'zh-CN': '提交前须填写。', 'en-US': 'Required before submitting.' },
  'reporting.check.rule': {
    'zh-CN': '不符合校验规则（{left} {operator} {right} 不成立）。',
    'en-US': 'Breaks a validation rule ({left} {operator} {right} does not hold).',
  },
  'reporting.element_code_taken': { 'zh-CN': '指标代码“{code}”已存在。', 'en-US': 'Element code “{code}” already exists.' },
  'reporting.range_inverted': { 'zh-CN': '最大值不能小于最小值。', 'en-US': 'The maximum cannot be below the minimum.' },
  'reporting.range_excludes_values': {
    'zh-CN': '已有 {count} 个填报值超出新的取值范围，不能这样修改。',
    'en-US': '{count} entered values lie outside the new range; it cannot be changed so.',
  },
  'reporting.form_code_taken': { 'zh-CN': '报表代码“{code}”已存在。', 'en-US': 'Form code “{code}” already exists.' },
  'reporting.form_code_invalid': {
    'zh-CN': '报表代码须以小写字母开头，只含小写字母、数字和下划线。',
    'en-US': 'A form code starts with a lowercase letter and holds only lowercase letters, digits and underscores.',
  },
  'reporting.form_code_immutable': { 'zh-CN': '报表代码不能修改。', 'en-US': 'A form code cannot change.' },
  'reporting.period_type_immutable': { 'zh-CN': '报表的报告期类型不能修改。', 'en-US': 'A form’s period type cannot change.' },
  'reporting.duplicate_element': { 'zh-CN': '同一指标重复出现。', 'en-US': 'An element appears twice.' },
  'reporting.not_reported_element': { 'zh-CN': '不是填报类指标。', 'en-US': 'Not a reported element.' },
  'reporting.rule_element_not_on_form': { 'zh-CN': '规则中的指标不在本报表中。', 'en-US': 'The rule names an element not on this form.' },
  'reporting.rule_same_element': { 'zh-CN': '规则两边不能是同一指标。', 'en-US': 'A rule compares two different elements.' },
  'reporting.element_on_other_form': {
    'zh-CN': '指标“{code}”已在报表“{form}”中采集，一个指标只能属于一张报表。',
    'en-US': 'Element “{code}” is already collected by form “{form}”; an element belongs to one form.',
  },
  'reporting.org_unknown': { 'zh-CN': '机构不存在。', 'en-US': 'No such org.' },
  'reporting.root_not_assignable': {
    'zh-CN': '省级根机构位于审核链顶端，不能分派填报。',
    'en-US': 'The province root tops the approval chain and reports to nobody.',
  },
  'reporting.period_invalid': { 'zh-CN': '报告期格式不正确。', 'en-US': 'Invalid period.' },
  'reporting.period_type_mismatch': {
    'zh-CN': '报告期与报表的报告期类型不符。',
    'en-US': 'The period does not match the form’s period type.',
  },
  'reporting.period_before_form': { 'zh-CN': '本报表从 {first} 起采集。', 'en-US': 'This form collects from {first} on.' },
  'reporting.period_not_started': { 'zh-CN': '报告期 {period} 尚未开始。', 'en-US': 'Period {period} has not begun.' },
  'reporting.element_not_on_form': { 'zh-CN': '该指标不在本报表中。', 'en-US': 'This element is not on the form.' },
  'reporting.locked_submitted': {
    'zh-CN': '数据已上报、正在审核，已锁定；如需修改请联系审核单位退回。',
    'en-US': 'The data is submitted and locked under review; ask the approver to return it to change it.',
  },
  'reporting.locked_approved': {
    'zh-CN': '数据已审核通过并锁定；如需更正，请先点击“申请更正”，更正后须重新审核。',
    'en-US': 'The data is approved and locked; choose “Revise” first, and the correction is approved again.',
  },
  'reporting.illegal_transition': {
    'zh-CN': '当前状态（{status}）下不能执行此操作。',
    'en-US': 'Not possible in the current state ({status}).',
  },
  'reporting.changed_meanwhile': {
    'zh-CN': '该报表刚被他人处理过（已上报、审核或退回），请刷新后查看最新状态。',
    'en-US': 'Someone else has just acted on this entry (submitted, approved or returned it); reload to see its state.',
  },
  'reporting.entry_invalid': {
    'zh-CN': '有 {count} 处未填或不符合校验规则，请按提示修改后再上报。',
    'en-US': '{count} values are missing or break a rule; fix them as marked and submit again.',
  },
  'reporting.no_approver': { 'zh-CN': '该单位没有上级审核单位。', 'en-US': 'This unit has no org above it to approve.' },
  'reporting.not_your_level': {
    'zh-CN': '该报表正等待其他层级审核，您所在单位不是当前审核单位。',
    'en-US': 'This entry awaits another level; your org is not the one to approve it now.',
  },
  'reporting.reason_required': { 'zh-CN': '请填写退回原因。', 'en-US': 'Give a reason for returning it.' },
  'reporting.upload_invalid': {
    'zh-CN': '上传的表格有错误，整表未导入。请按单元格提示修改后重新上传。',
    'en-US': 'The uploaded sheet has errors and nothing was imported; fix the marked cells and upload again.',
  },
  'reporting.upload_not_xlsx': { 'zh-CN': '不是有效的 xlsx 文件。', 'en-US': 'Not a valid xlsx file.' },
  'reporting.upload_too_large': { 'zh-CN': '文件不能超过 5 MB。', 'en-US': 'The file must be at most 5 MB.' },
  'reporting.template_mismatch': {
    'zh-CN': '该模板不是本单位本期的报表模板，请重新下载模板。',
    'en-US': 'This template is for another form, unit or period; download the template again.',
  },
  'reporting.by_coarser': { 'zh-CN': '分期类型不能比报告期更粗。', 'en-US': 'The breakdown must be finer than the period.' },
  // ——— indicators and the dashboard ———
  'indicator.code_taken': { 'zh-CN': '该指标代码已被使用。', 'en-US': 'This indicator code is taken.' },
  'indicator.version_exists': {
    'zh-CN': '该指标在这一天已有生效的口径版本，请换一个生效日期。',
    'en-US': 'A version of this indicator already takes effect on that day; choose another date.',
  },
  'indicator.code_invalid': {
    'zh-CN': '指标代码只能由小写字母、数字和下划线组成',
    'en-US': 'Lower-case letters, digits and underscores only',
  },
  'indicator.factor_zero': { 'zh-CN': '系数不能为 0', 'en-US': 'The factor cannot be 0' },
  'data_element.unknown': { 'zh-CN': '没有这个数据项', 'en-US': 'No such data element' },
  'data_element.code_invalid': { 'zh-CN': '数据项代码格式不正确', 'en-US': 'Not a valid data element code' },
  'period.invalid': { 'zh-CN': '期间格式应为 2020、2020-Q4 或 2020-10', 'en-US': 'A period is 2020, 2020-Q4 or 2020-10' },
  'date.out_of_range': { 'zh-CN': '日期超出可统计的范围', 'en-US': 'The date is out of range' },
  'map.feature_code_missing': {
    'zh-CN': '地图的每个区域都要在 properties.code（或 adcode）中写明 6 位行政区划代码',
    'en-US': 'Every map feature needs a 6-digit division code in properties.code (or adcode)',
  },
  'map.no_matching_division': {
    'zh-CN': '地图中没有与下级行政区划代码对应的区域，请检查底图。',
    'en-US': 'No map feature matches a division below this org; check the base map.',
  },
};

const ENTITY_NAMES: Catalog = {
  org: { 'zh-CN': '机构', 'en-US': 'org' },
  user: { 'zh-CN': '用户', 'en-US': 'user' },
  network_assignment: { 'zh-CN': '任职记录', 'en-US': 'network role' },
  contact: { 'zh-CN': '联络人', 'en-US': 'contact' },
  route: { 'zh-CN': '接口', 'en-US': 'endpoint' },
  worker: { 'zh-CN': '职工', 'en-US': 'worker' },
  credential: { 'zh-CN': '证书', 'en-US': 'credential' },
  upload: { 'zh-CN': '文件', 'en-US': 'file' },
  job: { 'zh-CN': '后台任务', 'en-US': 'job' },
  policy: { 'zh-CN': '政策', 'en-US': 'policy' },
  task: { 'zh-CN': '改革任务', 'en-US': 'reform task' },
  report_form: { 'zh-CN': '报表', 'en-US': 'report form' },
  data_element: { 'zh-CN': '指标', 'en-US': 'data element' },
  report: { 'zh-CN': '进展报告', 'en-US': 'progress report' },
  milestone: { 'zh-CN': '节点', 'en-US': 'milestone' },
  meeting: { 'zh-CN': '会议', 'en-US': 'meeting' },
  decision: { 'zh-CN': '会议决定', 'en-US': 'decision' },
  attachment: { 'zh-CN': '附件', 'en-US': 'attachment' },
  rule_set: { 'zh-CN': '规则版本', 'en-US': 'rule set' },
  application: { 'zh-CN': '申请', 'en-US': 'application' },
  certificate: { 'zh-CN': '证书', 'en-US': 'certificate' },
  carrier: { 'zh-CN': '技能载体', 'en-US': 'carrier' },
  indicator: { 'zh-CN': '指标', 'en-US': 'indicator' },
  program: { 'zh-CN': '培训项目', 'en-US': 'training program' },
  enrollment: { 'zh-CN': '培训报名', 'en-US': 'enrollment' },
  achievement: { 'zh-CN': '创新成果', 'en-US': 'innovation achievement' },
  demand: { 'zh-CN': '用工需求', 'en-US': 'skill demand' },
};

/** What may still refer to an org, as named in `org.is_referenced`. */
const REFERENCE_NAMES: Catalog = {
  users: { 'zh-CN': '用户账号', 'en-US': 'user accounts' },
  network: { 'zh-CN': '改革网络任职', 'en-US': 'network roles' },
  contacts: { 'zh-CN': '联络人', 'en-US': 'contacts' },
  workers: { 'zh-CN': '职工', 'en-US': 'workers' },
  reform: { 'zh-CN': '政策、改革任务或会议', 'en-US': 'policies, reform tasks or meetings' },
};

export function hasMessage(key: string): boolean {
  return key in MESSAGES;
}

export function translate(key: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[key] ?? MESSAGES.internal;
  const text = entry ? entry[locale] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    if (name === 'entity') return ENTITY_NAMES[String(value)]?.[locale] ?? String(value);
    if (name === 'what')
      return String(value)
        .split(',')
        .map((w) => REFERENCE_NAMES[w]?.[locale] ?? w)
        .join(locale === 'zh-CN' ? '、' : ', ');
    return String(value);
  });
}

/** zh-CN unless the client asks for English (x-locale header, then Accept-Language). */
export function pickLocale(xLocale: string | undefined, acceptLanguage: string | undefined): Locale {
  const wanted = (xLocale || acceptLanguage || '').toLowerCase();
  return wanted.startsWith('en') ? 'en-US' : 'zh-CN';
}
