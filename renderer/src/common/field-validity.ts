/**
 * The browser's own messages for a field left empty or typed wrong ("Please fill out this
 * field.") follow the system's language, not the interface's: on an English system the browser
 * shell would show English beside Chinese labels. So every field's check, when it fails, says
 * it in Chinese instead; a field's own `title` (what it expects) is used for a pattern it does
 * not match. The desktop shell runs Chromium in zh-CN anyway (main.ts); this makes both the same.
 */

type Checked = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isChecked(target: EventTarget | null): target is Checked {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The Chinese words for why `field` fails its check; empty when it passes. */
export function validityMessage(field: Checked): string {
  const v = field.validity;
  if (v.valid || v.customError) return '';
  if (v.valueMissing) return field instanceof HTMLSelectElement ? '请选择一项。' : '请填写这一项。';
  const input = field instanceof HTMLInputElement ? field : null;
  if (v.patternMismatch) return field.title !== '' ? `请按要求填写：${field.title}` : '请按要求的格式填写。';
  if (v.tooShort) return `至少要 ${String(input?.minLength ?? (field as HTMLTextAreaElement).minLength)} 个字符。`;
  if (v.tooLong) return `最多 ${String(input?.maxLength ?? (field as HTMLTextAreaElement).maxLength)} 个字符。`;
  if (v.rangeUnderflow) return `不能小于 ${input?.min ?? ''}。`;
  if (v.rangeOverflow) return `不能大于 ${input?.max ?? ''}。`;
  if (v.badInput || v.stepMismatch) return '请填写一个数字。';
  if (v.typeMismatch) return '写法不对，请检查后重新填写。';
  return '请检查这一项。';
}

/** Installs the Chinese messages on `doc`; a field typed in again is checked afresh. */
export function installFieldValidity(doc: Document): void {
  doc.addEventListener(
    'invalid',
    (event) => {
      const field = event.target;
      if (!isChecked(field)) return;
      const message = validityMessage(field);
      if (message !== '') field.setCustomValidity(message);
    },
    true,
  );
  const clear = (event: Event) => {
    const field = event.target;
    // No screen sets a message of its own (setCustomValidity), so every one is this module's.
    if (isChecked(field)) field.setCustomValidity('');
  };
  doc.addEventListener('input', clear, true);
  doc.addEventListener('change', clear, true);
}
