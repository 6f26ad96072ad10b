import { relationRule } from './relation-rule';

export const t3RowTotal = relationRule('t3-row-total', '表三某行的总计不等于六类申请人之和');
