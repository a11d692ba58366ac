import { describe, expect, it } from 'vitest'
import { orderWidgets } from './widget-order'

const widgets = [{ plugin: 'tiering', id: 'tiers' }, { plugin: 'points-membership', id: 'liability' }, { plugin: 'churn-risk', id: 'atRisk' }]
const keys = (ws: ReturnType<typeof orderWidgets>) => ws.map(({ widget, hidden }) => `${widget.plugin}/${widget.id}${hidden ? ' hidden' : ''}`)

describe("a user's widget order", () => {
  it('is boot order without a layout', () => {
    expect(keys(orderWidgets(widgets, []))).toEqual(['tiering/tiers', 'points-membership/liability', 'churn-risk/atRisk'])
  })

  it("follows the layout, keeps its hidden flags, puts widgets it does not name last, and drops widgets no longer offered", () => {
    const layout = [
      { plugin: 'churn-risk', id: 'atRisk', hidden: false },
      { plugin: 'gone', id: 'old', hidden: false },
      { plugin: 'tiering', id: 'tiers', hidden: true },
    ]
    expect(keys(orderWidgets(widgets, layout))).toEqual(['churn-risk/atRisk', 'tiering/tiers hidden', 'points-membership/liability'])
  })
})
