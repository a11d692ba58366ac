/**
 * @module
 * Where the plugin's pages live in the admin router (under its `/admin` basename).
 */
const root = '/satisfaction-survey'
const id = (surveyId: string) => encodeURIComponent(surveyId)

export const surveyPaths = {
  list: root,
  builder: (surveyId: string) => `${root}/${id(surveyId)}`,
  distribution: (surveyId: string) => `${root}/${id(surveyId)}/distribution`,
  results: (surveyId: string) => `${root}/${id(surveyId)}/results`,
  response: (responseId: string) => `${root}/responses/${encodeURIComponent(responseId)}`,
}

/** A message key for an event name (`order.completed` → `orderCompleted`): i18next reads dots as nesting. */
export const eventKey = (event: string): string => event.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())
