/** `MO-2026-0001`: the Monitoring Officer's case number, a sequence that restarts each calendar year. */
export function formatCaseReference(year: number, sequence: number): string {
  return `MO-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Upper-cases and trims a reference typed by a person (`mo-2026-0001 ` → `MO-2026-0001`). */
export function normaliseCaseReference(text: string): string {
  return text.trim().toUpperCase();
}
