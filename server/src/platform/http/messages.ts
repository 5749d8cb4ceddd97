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
  // Field reasons (custom zod messages)
  text_nul: { 'zh-CN': '不能包含空字符（\\0）', 'en-US': 'Must not contain NUL (\\0) characters' },
  username_format: { 'zh-CN': '只能包含字母、数字、点、下划线和连字符', 'en-US': 'Only letters, digits, dots, underscores and hyphens' },
  org_code_format: { 'zh-CN': '只能包含字母、数字、下划线和连字符', 'en-US': 'Only letters, digits, underscores and hyphens' },
  phone_format: { 'zh-CN': '电话号码格式不正确', 'en-US': 'Not a valid phone number' },
  date_range_order: { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
};

const ENTITY_NAMES: Catalog = {
  org: { 'zh-CN': '机构', 'en-US': 'org' },
  user: { 'zh-CN': '用户', 'en-US': 'user' },
  network_assignment: { 'zh-CN': '任职记录', 'en-US': 'network role' },
  contact: { 'zh-CN': '联络人', 'en-US': 'contact' },
  route: { 'zh-CN': '接口', 'en-US': 'endpoint' },
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
    return String(value);
  });
}

/** zh-CN unless the client asks for English (x-locale header, then Accept-Language). */
export function pickLocale(xLocale: string | undefined, acceptLanguage: string | undefined): Locale {
  const wanted = (xLocale || acceptLanguage || '').toLowerCase();
  return wanted.startsWith('en') ? 'en-US' : 'zh-CN';
}
