/**
 * Props for every chart's recharts Legend: each series keeps its colour on the dot, and its name is in the body's
 * secondary text colour. Recharts colours the name like the series by default, which is unreadable for light
 * series (a pale "Raw forecast" or a grey "No evidence" on white) and, with the palette mirrored, on the dark card.
 */
export const chartLegend = {
  iconType: "circle" as const,
  iconSize: 8,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: string | undefined) => <span className="text-slate-600">{value}</span>,
};
