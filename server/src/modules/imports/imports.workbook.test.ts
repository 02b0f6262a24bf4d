import { describe, expect, it } from 'vitest';
import { row, workbook } from './imports.fixtures';
import { readUpload } from './imports.workbook';

describe('reading an uploaded 批量申报 workbook', () => {
  it.each([
    ['shared strings', true],
    ['texts in their cells', false],
  ])(
    'keeps every Chinese character of a large file (no character split between two chunks): %s',
    async (_, sharedStrings) => {
      const names = Array.from({ length: 6000 }, (_, n) => `集群导入课程${n + 1}`);
      const bytes = await workbook(
        names.map((课程名称) => row({ 课程名称, 姓名: '李娜' })),
        { sharedStrings },
      );
      const rows = await readUpload(bytes);
      expect(rows).toHaveLength(6000);
      expect(rows.map((r) => r.cells.课程名称)).toEqual(names);
      expect(new Set(rows.map((r) => r.cells.姓名))).toEqual(new Set(['李娜']));
      expect(rows[0].row).toBe(2);
    },
    60_000,
  );
});
