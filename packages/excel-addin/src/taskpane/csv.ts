// "Download CSV" of what a panel shows: the text of its cells as shown, so the file and the pane
// agree cell for cell. A Blob and a link's download attribute work in any browser, inside Excel's
// task pane or outside it, with no Office.js involved.

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  // A byte-order mark, so Excel on Windows opens the file as UTF-8 (country names with accents).
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the Blob by now; the URL is not needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
