/** 扩展名与内容不符: above a file shown by its content, which its name does not say (file-kind.ts). */
export function MismatchNote({ text }: { text: string }) {
  return (
    <p className="notice small extension-mismatch" role="note" data-testid="extension-mismatch">
      {text}
    </p>
  );
}
