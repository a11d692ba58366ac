import { csvColumnsOf, orderColumns, rowsToCsv, type ListColumn } from '@rapport/admin-kit'
import { describe, expect, it } from 'vitest'

type Row = { name: string; status: 'open' | 'closed'; amount: number; owner?: { name: string } }
const labels = { open: '处理中', closed: '已关闭' }
const columns: ListColumn<Row>[] = [
  { key: 'name', title: '姓名', dataIndex: 'name', hideable: false },
  { key: 'status', title: '状态', dataIndex: 'status', exportValue: (r) => labels[r.status] },
  { key: 'amount', title: '金额', dataIndex: 'amount' },
  { key: 'owner', title: '负责人', dataIndex: ['owner', 'name'] },
  { key: 'actions', title: '操作', exportable: false },
]

describe('the list kit export', () => {
  it('writes labels, not codes, with a BOM so Excel reads Chinese as UTF-8', () => {
    const csv = rowsToCsv([{ name: '张三', status: 'open', amount: 12, owner: { name: '李四' } }], csvColumnsOf(columns))
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFF姓名,状态,金额,负责人\r\n张三,处理中,12,李四')
  })

  it('quotes commas, quotes and line breaks, and defuses cells that start like a formula', () => {
    const csv = rowsToCsv([{ name: '=HYPERLINK("x"), "a"\nb', status: 'closed', amount: 0 }], csvColumnsOf(columns))
    expect(csv.split('\r\n')[1]).toBe('"\'=HYPERLINK(""x""), ""a""\nb",已关闭,0,')
  })
})

describe('the list kit column order', () => {
  it('puts the chosen keys first and keeps the page order for the rest, ignoring keys that no longer exist', () => {
    expect(orderColumns(columns, ['owner', 'gone', 'status']).map((c) => c.key)).toEqual(['owner', 'status', 'name', 'amount', 'actions'])
  })
})
