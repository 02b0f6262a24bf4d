import { z } from 'zod';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const TODOS_FIELD_LABELS: Record<string, string> = {};

/** One 待办事项: what waits for the actor, how many, and where to handle it. */
export const todoItem = z.object({
  key: z.string(),
  text: z.string(),
  count: z.number(),
  /** the web path of the page that handles it */
  path: z.string(),
  /** 去处理 / 去填写 … */
  action: z.string(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todosResponse = z.object({ items: z.array(todoItem) });
export type TodosResponse = z.infer<typeof todosResponse>;
