import { relationRule } from './relation-rule';

export const t4GroupTotal = relationRule('t4-group-total', '表四某组的总计不等于维持、纠正、其他、尚未审结之和');
