// What the status bar item says about a report (no VS Code API, so it is unit-tested).
import type { ReportInfo } from './protocol';

/** "年报 2022 · 2021版 · ✖ 2 ⚠ 1". */
export function statusText(info: ReportInfo): string {
  const year = info.year === null ? '年份未知' : String(info.year);
  const format = info.format ?? info.expectedFormat;
  return `年报 ${year} · ${format ? `${format}版` : '格式未知'} · ✖ ${info.errors} ⚠ ${info.warnings}`;
}

/** `displayPath` shows the configuration file's URI to the user (VS Code: relative to the workspace). */
export function statusTooltip(info: ReportInfo, displayPath: (uri: string) => string = uri => uri): string {
  const lines = [info.year === null ? '政府信息公开工作年度报告（标题中未写明年份）' : `${info.year}年政府信息公开工作年度报告`];
  if (info.format && info.expectedFormat && info.format !== info.expectedFormat) {
    lines.push(`表格按 ${info.format} 版格式填写，但该年度应使用 ${info.expectedFormat} 版格式`);
  } else if (info.format ?? info.expectedFormat) {
    const assumed = info.year === null ? '（未能判断，按默认设置）' : '（按报告年度推定）';
    lines.push(`表格格式：${info.format ?? info.expectedFormat} 版${info.format ? '' : assumed}`);
  }
  lines.push(`错误 ${info.errors} 个，警告 ${info.warnings} 个，提示 ${info.infos} 个`);
  if (!info.config) lines.push('未使用配置文件（.nianbao.jsonc）');
  else {
    const wrong = info.config.problems > 0 ? `（其中 ${info.config.problems} 处有误，未采用）` : '';
    lines.push(`配置文件：${displayPath(info.config.uri)}${wrong}`);
  }
  lines.push('单击打开“问题”面板');
  return lines.join('\n');
}
