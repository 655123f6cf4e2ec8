import { RE2JS } from 're2js';
import { z } from 'zod';
import { roleSchema } from '@/lib/schemas/auth';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

/** A JSON path step: an object key, an array index, or `*` (every element or member). */
export type PathStep = string | number | { any: true };

/**
 * `$.card.number`, `card.number`, `items[*].card`, `$["odd key"][0]`: the leading `$` is optional. Returns null when
 * the text is not such a path.
 */
export function parseJsonPath(text: string): PathStep[] | null {
  const steps: PathStep[] = [];
  let i = text.startsWith('$') ? 1 : 0;
  if (i === 0 && text.length > 0 && text[0] !== '[') {
    const name = /^[^.[\]]+/.exec(text);
    if (!name) return null;
    steps.push(name[0] === '*' ? { any: true } : name[0]);
    i = name[0].length;
  }
  while (i < text.length) {
    if (text[i] === '.') {
      const name = /^[^.[\]]+/.exec(text.slice(i + 1));
      if (!name) return null;
      steps.push(name[0] === '*' ? { any: true } : name[0]);
      i += 1 + name[0].length;
    } else if (text[i] === '[') {
      const bracket = /^\[(?:(\d+)|\*|"((?:[^"\\]|\\.)*)")\]/.exec(text.slice(i));
      if (!bracket) return null;
      steps.push(
        bracket[1] !== undefined
          ? Number(bracket[1])
          : bracket[2] !== undefined
            ? (JSON.parse(`"${bracket[2]}"`) as string)
            : { any: true },
      );
      i += bracket[0].length;
    } else {
      return null;
    }
  }
  return steps.length > 0 ? steps : null;
}

const globSchema = z.string().min(1).max(MAX_TOPIC_NAME_LENGTH);

/**
 * One masking rule of the configuration: on the clusters and topics it names (ids and `*`/`?` globs), the JSON paths
 * or field names to hide or hash, and a regular expression over text (RE2 syntax, linear time), applied to keys,
 * values and header values for the roles it names (all by default).
 */
export const maskingRuleSchema = z
  .object({
    clusters: z.array(globSchema).min(1),
    topics: z.array(globSchema).min(1),
    paths: z
      .array(
        z
          .string()
          .min(1)
          .max(500)
          .refine((p) => parseJsonPath(p) !== null, 'a JSON path such as $.card.number or items[*].phone'),
      )
      .max(100)
      .optional(),
    fields: z.array(z.string().min(1).max(200)).max(100).optional(),
    regex: z
      .string()
      .min(1)
      .max(500)
      .refine((source) => {
        try {
          RE2JS.compile(source);
          return true;
        } catch {
          return false;
        }
      }, 'a regular expression in RE2 syntax (no backreferences or lookaround)')
      .optional(),
    action: z.enum(['hide', 'hash']),
    roles: z.array(roleSchema).min(1).optional(),
  })
  .strict()
  .refine((rule) => Boolean(rule.paths?.length || rule.fields?.length || rule.regex), 'name paths, fields or a regex to mask');

export type MaskingRule = z.infer<typeof maskingRuleSchema>;
