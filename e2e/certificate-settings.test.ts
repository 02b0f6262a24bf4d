import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPng } from '../server/src/test/seal-image';
import { button, DEMO_PASSWORD, type E2E, login, openMenu, see, startE2E } from './harness';

const HRSS_UNIT = '广东省人力资源和社会保障厅';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('证书设置 (人社部门)', () => {
  it('sets the 发证机关, uploads a seal with a preview, refuses a text file named .png, deletes after confirming', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'hrss_admin', DEMO_PASSWORD, { actFor: HRSS_UNIT });
      await openMenu(page, '证书设置');
      const name = page.getByLabel('发证机关');
      await name.waitFor();
      expect(await name.inputValue()).toBe('广东省人力资源和社会保障厅');
      await name.fill('');
      await button(page, '保存').click();
      await see(page, '请输入发证机关');
      await name.fill('广东省人力资源和社会保障厅（继续教育）');
      await button(page, '保存').click();
      await see(page, '保存成功');

      const file = page.locator('input[type=file]');
      await file.setInputFiles({
        name: '公章.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not an image'),
      });
      await see(page, '文件内容不是PNG或JPEG图片，请上传PNG（建议透明背景）或JPEG图片');
      await file.setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: sealPng(96) });
      await see(page, '公章已上传');
      const preview = page.getByRole('img', { name: '公章' });
      await preview.waitFor();
      expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);

      await button(page, '删除公章').click();
      await see(page, '确定删除公章吗？删除后本地区打印的继续教育证书将不再显示公章。');
      await button(page, '删除').click();
      await see(page, '公章已删除');
      await see(page, '未上传公章，证书上仅显示发证机关名称。');
    } catch (error) {
      await e.screenshot('certificate-settings', page);
      throw error;
    }
  });
});
