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
