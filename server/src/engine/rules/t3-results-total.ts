import { relationRule } from './relation-rule';

export const t3ResultsTotal = relationRule('t3-results-total', '表三（七）总计不等于各项办理结果之和');
