// Messages between the 年报汇总 panel (summaryPanel.ts) and its webview script (client/webview/).
// Types only: the webview bundle imports this file too.
import type { SummaryViewRow } from './protocol';

export type ToView = { type: 'rows'; rows: SummaryViewRow[] };
export type FromView = { type: 'ready' } | { type: 'open'; uri: string };
