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
}

/** The service's phrases, per language. */
export const SERVICE_WORDS: Readonly<Record<Lang, ServiceWords>> = {
  'zh-CN': {
    absent: (allowed) => `不出现（此路由只接受 ${allowed}）`,
    once: '只出现一次',
    year: '四位数字的年份（YYYY）',
    cursor: '上一次应答的 next（形如 12-345），或 ISO 8601 日期时间',
    limit: (max) => `1 到 ${max} 之间的整数`,
    emptyOrObject: '空，或 {}',
    utf8: 'application/json（UTF-8）',
    emptyBody: '请求体为空',
    oneClaim: '一个报销申请的 JSON 对象',
    shuttingDown: '服务正在停止',
    databaseDown: '数据库没有应答',
  },
  en: {
    absent: (allowed) => `absent (this route takes ${allowed})`,
    once: 'given once',
    year: 'a year of four digits (YYYY)',
    cursor: "a previous answer's next (like 12-345), or an ISO 8601 date-time",
    limit: (max) => `a whole number from 1 to ${max}`,
    emptyOrObject: 'empty, or {}',
    utf8: 'application/json (UTF-8)',
    emptyBody: 'empty body',
    oneClaim: 'one claim object',
    shuttingDown: 'shutting down',
    databaseDown: 'the database does not answer',
  },
};
