/**
 * The reform as a zip the policy office keeps, sends and runs with the command: the shipped rule
 * folders (`base/`, as embedded in the page), the reform's folders that extend them (`reform/`,
 * merge patches of what changes), the link that reopens it in the workbench, and a README that
 * says how to check and simulate it. `bashunwei rules check reform` accepts it and `bashunwei
 * simulate FILE --baseline base --rules reform` reproduces the page's figures (test/app).
 */
import { strToU8, zipSync } from 'fflate';
import { EMBEDDED_RULE_FOLDERS } from '../../scheme/embedded.js';
import { BASE_DIR, REFORM_DIR, type ReformFolder } from './reform-folders.js';

/** The folder the zip unpacks into. */
export const ZIP_ROOT = 'bashunwei-reform';
/** A fixed time for every entry, so that the same reform always gives the same bytes. */
const MTIME = new Date('2024-01-01T00:00:00Z');

const json = (v: unknown): Uint8Array => strToU8(`${JSON.stringify(v, null, 2)}\n`);

/**
 * The zip of a reform's folders, with the link (`#reform=…`) that reopens it.
 *
 * @example
 * const bytes = reformZip(folders, location.href);
 * download(new Blob([bytes], { type: 'application/zip' }), 'bashunwei-reform.zip');
 */
export function reformZip(folders: readonly ReformFolder[], link: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, bytes: Uint8Array) => {
    files[`${ZIP_ROOT}/${path}`] = bytes;
  };
  put('README.txt', strToU8(readme(folders, link)));
  put('link.txt', strToU8(`${link}\n`));
  for (const [name, raw] of Object.entries(EMBEDDED_RULE_FOLDERS))
    for (const [file, content] of Object.entries(raw)) put(`${BASE_DIR}/${name}/${file}`, json(content));
  for (const f of folders)
    for (const [file, content] of Object.entries(f.files)) put(`${REFORM_DIR}/${f.folder}/${file}`, json(content));
  return zipSync(files, { level: 6, mtime: MTIME });
}

function readme(folders: readonly ReformFolder[], link: string): string {
  const changed = folders.filter(
    (f) => Object.keys(f.files).length > 1 || 'tiers' in (f.files['ruleset.json'] as object),
  );
  return `八顺位政策工作台导出的改革方案 / A reform exported by the bashunwei policy workbench

${BASE_DIR}/    内置规则（与工作台和 bashunwei 内置的规则相同）
        the shipped rules, as embedded in the workbench and in bashunwei
${REFORM_DIR}/  改革方案：每个规则集一个文件夹，extends ${BASE_DIR}/ 中对应的文件夹，只写改动（JSON Merge Patch）
        the reform: a folder per rule set that extends its ${BASE_DIR}/ folder and writes only the changes
        changed: ${changed.map((f) => f.set).join(', ') || '(nothing)'}

检查与模拟 / check and simulate (npm install bashunwei, or npx bashunwei):

  bashunwei rules check ${ZIP_ROOT}/${REFORM_DIR}
  bashunwei rules diff ${ZIP_ROOT}/${BASE_DIR}/ziyang-2017 ${ZIP_ROOT}/${REFORM_DIR}/ziyang-2017
  bashunwei simulate claims.ndjson --baseline ${ZIP_ROOT}/${BASE_DIR} --rules ${ZIP_ROOT}/${REFORM_DIR} --out report.html

在工作台中重新打开 / reopen in the workbench: link.txt
${link}
`;
}
