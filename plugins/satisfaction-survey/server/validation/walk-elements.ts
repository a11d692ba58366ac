/**
 * @module
 * Flattens a SurveyJS document into its elements in document order (the order survey-core's
 * getAllQuestions() uses), each with its JSON path and the page and panels that contain it.
 */

/** A page or panel that holds an element; its visibility and read-only state apply to what it holds. */
export type ContainerJson = Record<string, unknown>

/** One element with where it sits. */
export type WalkedElement = { element: Record<string, unknown>; path: string; containers: ContainerJson[] }

/** The pages of a document: `pages`, or the top-level `elements` as one page. */
export function pagesOf(survey: Record<string, unknown>): { page: ContainerJson; path: string }[] {
  if (Array.isArray(survey.pages)) {
    return survey.pages.map((page, i) => ({ page: page as ContainerJson, path: `pages[${i}]` }))
  }
  return [{ page: { elements: survey.elements }, path: '' }]
}

/** Every element (questions, display elements, panels) in document order; panels before their content. */
export function walkElements(survey: Record<string, unknown>): WalkedElement[] {
  const out: WalkedElement[] = []
  const visit = (elements: unknown, path: string, containers: ContainerJson[]) => {
    if (!Array.isArray(elements)) return
    elements.forEach((element, i) => {
      if (element === null || typeof element !== 'object' || Array.isArray(element)) return
      const entry = element as Record<string, unknown>
      const at = `${path}elements[${i}]`
      out.push({ element: entry, path: at, containers })
      if (entry.type === 'panel') visit(entry.elements, `${at}.`, [...containers, entry])
    })
  }
  for (const { page, path } of pagesOf(survey)) visit(page.elements, path ? `${path}.` : '', [page])
  return out
}
