import * as v from 'valibot';

/**
 * Messages views send to the background. Anything arriving on the runtime channel is parsed
 * through `parseRequest` first; an unknown shape is ignored, never acted on.
 */
export const PageStateRequestSchema = v.object({ type: v.literal('page-state') });
export const TabStateRequestSchema = v.object({
  type: v.literal('tab-state'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const RequestSchema = v.variant('type', [PageStateRequestSchema, TabStateRequestSchema]);
export type Request = v.InferOutput<typeof RequestSchema>;

export function parseRequest(message: unknown): Request | undefined {
  const result = v.safeParse(RequestSchema, message);
  return result.success ? result.output : undefined;
}
