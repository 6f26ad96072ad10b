import { relationRule } from './relation-rule';

export const t3Balance = relationRule('t3-balance', '表三：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度');
