/** The words of a category's attribute controls, in both languages. */
import { defineTexts } from '../i18n.js';

const zh = {
  choose: '请选择',
  yes: '是',
  no: '否',
};

const en: typeof zh = {
  choose: 'Choose…',
  yes: 'Yes',
  no: 'No',
};

export const useCategoryTexts = defineTexts({ 'zh-CN': zh, en });
