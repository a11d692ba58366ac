/**
 * @module
 * One colour per value tier, highest first (金钻, 白银, 铜, 铁), and one per ladder step, lowest first.
 */
export const tierColors = ['#8e44ad', '#95a5a6', '#cd7f32', '#5d6d7e']

export const ladderColors = ['#bfbfbf', '#91caff', '#4096ff', '#1677ff', '#0958d9', '#002c8c']
