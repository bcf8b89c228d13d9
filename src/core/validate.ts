import type { z } from 'zod';
import { describeZodIssues, invalid } from './errors';

/**
 * Validate input against a zod schema, or throw one AppError('invalid-input') naming the first
 * bad field (`decisionBy: must be a date like 2026-12-18`) and carrying every bad field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const { message, field, issues } = describeZodIssues(r.error.issues, prefix);
  throw invalid(message, field, issues);
}
