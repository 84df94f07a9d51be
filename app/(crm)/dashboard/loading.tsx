import { Card } from "@/components/ui/card";

const bar = "animate-pulse rounded bg-slate-200";

/** The dashboard runs a handful of aggregate queries; the layout holds still while they do. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the dashboard">
      <div className="mb-6 space-y-2">
        <div className={`${bar} h-7 w-48`} />
        <div className={`${bar} h-4 w-80`} />
      </div>
      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Card key={i} className="space-y-3 p-5">
              <div className={`${bar} h-3 w-24`} />
              <div className={`${bar} h-7 w-32`} />
              <div className={`${bar} h-3 w-40`} />
            </Card>
          ))}
        </div>
        <Card className="p-5">
          <div className={`${bar} h-80 w-full`} />
        </Card>
        <Card className="space-y-3 p-5">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className={`${bar} h-10 w-full`} />
          ))}
        </Card>
      </div>
    </div>
  );
}
