// Which organ's report on which year a report is: what reports are compared by across files
// (carry-over between years) and what the summary groups by.
import type { Report } from './report';
import { CHINESE_YEAR } from './text';

interface ReportIdentity {
  /** The organ's name, normalised so that the ways one organ writes it compare equal; null when unknown. */
  organ: string | null;
  year: number | null;
}

/** A year in a title, in Arabic or Chinese digits, with its 年 or 年度. */
const YEARS = new RegExp(`(?:[0-9０-９]{4}|${CHINESE_YEAR})\\s*年度?`, 'g');

/** What precedes "政府信息公开" in a title once years and "关于" are gone: the organ as written, without spaces or punctuation. */
export function organInTitle(title: string): string {
  const at = title.indexOf('政府信息公开');
  const head = at < 0 ? title : title.slice(0, at);
  return head.replace(YEARS, '').replace(/关于/g, '').replace(/[\s\p{P}]/gu, '');
}

/**
 * "雁鸣湖镇人民政府", "雁鸣湖镇政府" and "雁鸣湖镇" name one organ: the government of the place.
 * Full-width letters and digits are read as half-width.
 */
function organKey(written: string): string | null {
  const s = written.normalize('NFKC').replace(/(人民)?政府$/, '');
  return s.length >= 2 ? s : null;
}

/** The last segment of a path or URI, decoded. */
function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');

/** "胡集乡2023年报.md", "胡集乡-2023.md": the name without its year and report words, if it has Chinese in it. */
function organInName(name: string): string | null {
  const s = organInTitle(stem(name).replace(/年度报告|年报|报告/g, '')).replace(/(?<![0-9])(19|20)[0-9]{2}(?![0-9])/g, '');
  return /[\u4e00-\u9fff]/.test(s) ? organKey(s) : null;
}

function yearInName(name: string): number | null {
  const s = stem(name).normalize('NFKC');
  const m = /((?:19|20)\d{2})\s*年/.exec(s) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * The report's organ and year: from its title; else the year the checker found stated in the text
 * (the statistics period, the date line at the end); else from the file name ("胡集乡2023年报.md").
 */
export function reportIdentity(report: Report, fileName?: string): ReportIdentity {
  const name = fileName === undefined ? '' : baseName(fileName);
  const fromTitle = report.title ? organKey(organInTitle(report.title.text)) : null;
  return {
    organ: fromTitle ?? (name ? organInName(name) : null),
    // A year only guessed from 一、总体情况 is not enough to pair a report with another year's.
    year: (report.yearGuessed ? null : report.year) ?? (name ? yearInName(name) : null),
  };
}
