/**
 * The few phrases the service puts into the `expected` and `detail` of its error messages, one
 * table per language like the messages themselves (src/errors/messages.*.ts), so that a Chinese
 * message carries no English words.
 */
import type { Lang } from '../index.js';

/** The phrases of one language. */
export interface ServiceWords {
  readonly absent: (allowed: string) => string;
  readonly once: string;
  readonly year: string;
  readonly cursor: string;
  readonly limit: (max: number) => string;
  readonly emptyOrObject: string;
  readonly utf8: string;
  readonly emptyBody: string;
  /** What a settlement's body must be. */
  readonly oneClaim: string;
  readonly shuttingDown: string;
  readonly databaseDown: string;
  /** What a message is about: the body of a reversal request, the request as a whole. */
  readonly reversalBody: string;
  readonly request: string;
  /** What Node's HTTP parser reads. */
  readonly http: string;
  /** What a URL's path must be: escapes of two hexadecimal digits, spelling UTF-8. */
  readonly urlEscapes: string;
  readonly urlUtf8: string;
  /** What a part of the path must be when it is too long. */
  readonly shortParts: (max: number) => string;
  readonly characters: (n: number) => string;
  /** What was received, as the detail of a message whose wording has no place for it. */
  readonly received: (text: string) => string;
  /** Why a claim has no current settlement to write in a format. */
  readonly reversed: string;
}

/** The service's phrases, per language. */
export const SERVICE_WORDS: Readonly<Record<Lang, ServiceWords>> = {
  'zh-CN': {
    reversed: '已冲正，没有现行结算',
    absent: (allowed) => `不出现（此路由只接受 ${allowed}）`,
    once: '只出现一次',
    year: '四位数字的年份（YYYY）',
    cursor: '上一次应答的 next（形如 12-345，两个数都不超过 9223372036854775807），或 ISO 8601 日期时间',
    limit: (max) => `1 到 ${max} 之间的整数`,
    emptyOrObject: '空，或 {}',
    utf8: 'application/json（UTF-8）',
    emptyBody: '请求体为空',
    oneClaim: '一个报销申请的 JSON 对象',
    shuttingDown: '服务正在停止',
    databaseDown: '数据库没有应答',
    reversalBody: '冲正请求的请求体',
    request: '请求',
    http: '有效的 HTTP/1.1 请求',
    urlEscapes: '每个 % 后面都是两位十六进制数字（%XX）的路径',
    urlUtf8: '百分号转义（%XX）组成 UTF-8 文字的路径',
    shortParts: (max) => `每段不超过 ${max} 个字符的路径`,
    characters: (n) => `${n} 个字符`,
    received: (text) => `收到的是 ${text}`,
  },
  en: {
    reversed: 'reversed: it has no current settlement',
    absent: (allowed) => `absent (this route takes ${allowed})`,
    once: 'given once',
    year: 'a year of four digits (YYYY)',
    cursor: "a previous answer's next (like 12-345, each number at most 9223372036854775807), or an ISO 8601 date-time",
    limit: (max) => `a whole number from 1 to ${max}`,
    emptyOrObject: 'empty, or {}',
    utf8: 'application/json (UTF-8)',
    emptyBody: 'empty body',
    oneClaim: 'one claim object',
    shuttingDown: 'shutting down',
    databaseDown: 'the database does not answer',
    reversalBody: 'the body of a reversal request',
    request: 'the request',
    http: 'a valid HTTP/1.1 request',
    urlEscapes: 'a path in which each % starts an escape of two hexadecimal digits (%XX)',
    urlUtf8: 'a path whose escapes (%XX) spell UTF-8 text',
    shortParts: (max) => `a path whose parts are at most ${max} characters long`,
    characters: (n) => `${n} characters`,
    received: (text) => `received ${text}`,
  },
};
