import type { TodosResponse } from '@ce/shared';
import { api } from './client';

export type { TodoItem, TodosResponse } from '@ce/shared';

/** 待办事项 of whoever is signed in. */
export const todosApi = {
  list: () => api.get<TodosResponse>('/todos'),
};
