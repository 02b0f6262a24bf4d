import { todosResponse } from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as todos from './todos.service';

export function todosRoutes(app: Api, s: Services) {
  app.get('/api/todos', {
    config: { access: 'authenticated' },
    schema: { tags: ['待办事项'], summary: '待办事项（按当前身份）', response: { 200: todosResponse } },
    handler: (req) => todos.todos(s, actorOf(req)),
  });
}
