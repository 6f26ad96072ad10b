// The "word" e2e layer (test/e2e/word.sh): Word documents made and read by a real word processor.
// LibreOffice turns web pages of the seeds and of generated reports, with the national form's
// merged cells, into .docx files (w:gridSpan, w:vMerge) that the import must read back; it opens
// the export's .docx, saves it again and prints it to PDF, whose text (pdftotext) must hold every
// label and number of the tables; the 表三 page is kept as a picture. Needs soffice, pdftotext and
// pdftoppm (test/e2e/apt-deps.sh installs them); without them every test fails.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { exportReport, importReport } from '../../server/src/word';
import { documentBlocks } from '../../server/src/word/document';
import { generateReport } from '../../bench/generate';
import { REPO, SEEDS, seed } from '../helpers';
import { assertImportKeeps, reportPage } from './pages';

const OUT = path.join(process.env.E2E_OUT ?? path.join(REPO, '.e2e/out'), 'word');

const SAMPLES = [
  ...SEEDS.map(f => ({ name: `seed-${f.slice(0, 3)}`, text: seed(f.slice(0, 3)), headings: 'bold' as const })),
  ...([[3, 'tab', 2022], [4, 'cell-per-line', 2023], [5, 'pipe', 2021], [6, 'tab', 2019], [7, 'cell-per-line', 2020], [8, 'pipe', 2020]] as const)
    .map(([index, layout, year]) => ({ name: `generated-${index}-${layout}-${year}`, text: generateReport(index, { layout, year }), headings: 'tags' as const })),
];
/** The sample whose 表三 page is the picture: a 2022 report with numbers in every part of the table. */
const PICTURE = 'generated-3-tab-2022';

const TOOLS = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo'];

function tool(name: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync(name, args, { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** LibreOffice converts `files` into `dir`, with a profile of its own (two runs sharing one block each other). */
function soffice(convertTo: string, dir: string, files: string[]): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'nianbao-soffice-'));
  try {
    tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', convertTo, '--outdir', dir, ...files],
      { env: { ...process.env, FONTCONFIG_FILE: path.join(__dirname, 'fonts.conf') } });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const f of files) {
    const out = path.join(dir, `${path.parse(f).name}.${convertTo.split(':')[0]}`);
    assert.ok(existsSync(out), `LibreOffice wrote no ${out}`);
  }
}

const documentXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
const squeeze = (s: string) => s.replace(/\s+/g, '');

before(() => {
  for (const t of TOOLS) {
    try {
      execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
    } catch {
      assert.fail(`${t} is not installed: run test/e2e/apt-deps.sh (libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk)`);
    }
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

describe('import: .docx files LibreOffice made from web pages with the national form\'s merged cells', () => {
  const dir = path.join(OUT, 'import');
  before(() => {
    mkdirSync(dir, { recursive: true });
    const pages = SAMPLES.map(s => {
      const file = path.join(dir, `${s.name}.html`);
      writeFileSync(file, reportPage(s.text, s.headings));
      return file;
    });
    soffice('docx:MS Word 2007 XML', dir, pages);
  });
  for (const s of SAMPLES) {
    it(`${s.name}: the .docx has merged cells, and its import the original's findings and numbers`, async () => {
      const docx = path.join(dir, `${s.name}.docx`);
      const xml = await documentXml(docx);
      assert.match(xml, /<w:gridSpan w:val="7"\/>/, '申请人情况 across seven columns');
      assert.match(xml, /<w:vMerge w:val="restart"\/>/);
      const markdown = await importReport(readFileSync(docx), docx);
      writeFileSync(path.join(dir, `${s.name}.md`), markdown);
      assertImportKeeps(s.text, markdown);
    });
  }
});

describe('export: LibreOffice opens the .docx, saves it again and prints it', () => {
  const dir = path.join(OUT, 'export');
  const resaved = path.join(dir, 'resaved');
  before(async () => {
    mkdirSync(resaved, { recursive: true });
    const files: string[] = [];
    for (const s of SAMPLES) {
      const file = path.join(dir, `${s.name}.docx`);
      writeFileSync(file, (await exportReport(s.text)).bytes);
      files.push(file);
    }
    soffice('pdf', dir, files);
    soffice('docx:MS Word 2007 XML', resaved, files);
  });
  for (const s of SAMPLES) {
    it(`${s.name}: the PDF holds every label and number of the tables, in order; the resaved .docx imports to the same findings`, async () => {
      // In content order a cell's lines stay together (-layout interleaves the lines of a row's cells).
      const text = tool('pdftotext', ['-raw', path.join(dir, `${s.name}.pdf`), '-']);
      const pdf = squeeze(text);
      const numbers: string[] = text.match(/-?\d+(?:\.\d+)?/g) ?? [];
      let next = 0;
      for (const b of documentBlocks(s.text)) {
        if (b.kind !== 'table') continue;
        for (const cell of b.grid.rows.flat()) {
          if (cell.kind === 'value') {
            const at = numbers.indexOf(cell.text, next);
            assert.ok(at >= 0, `${cell.row?.label ?? ''}×${cell.column?.label ?? ''} ${cell.text} after number ${next} of the PDF`);
            next = at + 1;
          } else assert.ok(pdf.includes(squeeze(cell.text)), `「${cell.text}」 in the PDF`);
        }
      }
      const back = path.join(resaved, `${s.name}.docx`);
      assert.match(await documentXml(back), /<w:vMerge w:val="restart"\/>/, 'LibreOffice kept the merges');
      assertImportKeeps(s.text, await importReport(readFileSync(back), back));
    });
  }

  it(`the 表三 page of ${PICTURE} as a picture: ${path.relative(REPO, path.join(OUT, 'table3.png'))}`, () => {
    const pdf = path.join(dir, `${PICTURE}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))?.[1]);
    let page = 0;
    for (let p = 1; p <= pages && page === 0; p++) {
      if (squeeze(tool('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'])).includes('申请人情况')) page = p;
    }
    assert.ok(page > 0, '申请人情况 on a page');
    tool('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.join(OUT, 'table3')]);
    assert.ok(statSync(path.join(OUT, 'table3.png')).size > 20_000, 'a page with a table drawn on it');
  });
});
